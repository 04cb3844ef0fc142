// A choice typed as boxes or marks before its options: 「☐ 強制公 ☐ 非強公 ☑ 私債権」, 「■強制徴収公債権 □…」.

/** A box or mark that opens an option. */
export const CHOICE_MARK = /[☐☑☒□■✓✔✅●○◯◉]/;
const TICKED = /[☑☒■✓✔✅●○◯◉]/;
const OPTION = /([☐☑☒□■✓✔✅●○◯◉])\s*([^☐☑☒□■✓✔✅●○◯◉]+)/g;

/** The options of a choice that are ticked (their text), in order. */
export function tickedOptions(raw: string): string[] {
  return [...raw.matchAll(OPTION)].filter((m) => TICKED.test(m[1]!)).map((m) => m[2]!.trim());
}
