// What recognition could not do, said plainly: a part of the form it could not locate (the checker's limit,
// never the user's error), and a year in the titles that the rows contradict.
import type { MissingPart } from '../model/form';
import { messages } from '../messages';
import type { AnyRule, CurrentRule } from './rule';

/** The checks that do not run without a part, by the part's id (longest matching prefix wins). */
const SKIPPED: [string, string][] = [
  ['header.claimType', 'HDR-CLAIMTYPE・CAT-ENFORCED'],
  ['header.claimNo', 'HDR-CLAIMNO'],
  ['header', 'HDR-REQUIRED・HDR-CLAIMNO・HDR-CLAIMTYPE'],
  ['rating', 'RATE-CODE・RATE-MISMATCH'],
  ['trend.codes', 'その列の TRD-FORMULA など'],
  ['trend.', 'その行の TRD-FORMULA・TRD-CARRY など'],
  ['status', 'CAT-SUBTOTAL・CAT-LINK・CAT-PAIR・CAT-ENFORCED'],
  ['summary.debtors', 'CAT-DEBTORS'],
  ['summary', 'CAT-SUMMARY・CAT-DEBTORS'],
  ['verify', 'TXT-REQUIRED の課題・改善策'],
  ['plan', 'TXT-REQUIRED の翌年度の取組内容'],
  ['older.header', 'HDR-REQUIRED'],
  ['older.balance', 'CAT-LINK・RATE-MISMATCH'],
  ['older.status', 'CAT-SUBTOTAL・CAT-LINK・OLD-COUNT-BASIS'],
  ['older.ratings', 'RATE-CODE・RATE-MISMATCH'],
];

function skippedBy(m: MissingPart): string {
  return SKIPPED.find(([prefix]) => m.id.startsWith(prefix))?.[1] ?? '';
}

/** Logical keys a missing part would have had, where it is one field. */
function keysOf(m: MissingPart): string[] {
  const field = /^(header|rating|summary|older\.header)\.(.+)$/.exec(m.id);
  return field ? [`${field[1]}.${field[2]}`] : [];
}

export const recPart: AnyRule = {
  id: 'REC-PART',
  severity: 'warning',
  edition: 'any',
  title: '様式の一部(表頭・評価欄・区分別の表・4. 5. など)を見つけられなかった(点検できなかった部分)',
  check(form) {
    return form.missing.map((m) => ({ keys: keysOf(m), message: messages.recPart(m.part, m.lookedFor, skippedBy(m)) }));
  },
};

export const recYear: CurrentRule = {
  id: 'REC-YEAR',
  severity: 'warning',
  edition: 'current',
  title: '見出しの年度と 2. の行の年度が一致する',
  check(form) {
    if (form.titleYear === null || form.fiscalYear === null || form.titleYear === form.fiscalYear) return [];
    return [{ keys: [], message: messages.recYear(form.titleYear, form.fiscalYear) }];
  },
};

export const recognitionRules = [recPart, recYear];
