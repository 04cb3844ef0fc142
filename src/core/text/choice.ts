// A choice typed as boxes or marks before its options: 「☐ 強制公 ☐ 非強公 ☑ 私債権」, 「■強制徴収公債権 □…」.

const TICKED_MARKS = '☑☒■✓✔✅●○◯◉';
const MARKS = `☐□${TICKED_MARKS}`;

/** A box or mark that opens an option. */
export const CHOICE_MARK = new RegExp(`[${MARKS}]`);
const TICKED = new RegExp(`[${TICKED_MARKS}]`);
const OPTION = new RegExp(`([${MARKS}])\\s*([^${MARKS}]+)`, 'g');

/** The options of a choice that are ticked (their text), in order. */
export function tickedOptions(raw: string): string[] {
  return [...raw.matchAll(OPTION)].filter((m) => TICKED.test(m[1]!)).map((m) => m[2]!.trim());
}
