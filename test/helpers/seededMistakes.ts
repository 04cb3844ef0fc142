// One seeded mistake per rule, each on a published sheet that has no mistake of its own: the rule tests check
// that each fires at its field, and the layout tests that each is found in every layout too.
import { key } from '../../src/core/model/keys';
import type { LayoutSheet } from '../../src/core/layout/currentLayout';
import { cellOf, seedLayout, setKey } from './forms';

/** Sheet 13: a 強制徴収公債権 with no mistake; sheet 04: a 非強制徴収公債権 with no mistake. */
const clean13 = () => seedLayout(13);
const clean04 = () => seedLayout(4);

const valueOf = (layout: LayoutSheet, k: string) => {
  const c = cellOf(layout, k);
  return (c.formula !== undefined ? c.result : c.value) as number;
};

export interface SeededMistake {
  what: string;
  rule: string;
  base: () => LayoutSheet;
  mutate: (l: LayoutSheet) => LayoutSheet;
  key?: string;
}

export const SEEDED_MISTAKES: SeededMistake[] = [
  { what: "claim name left blank", rule: 'HDR-REQUIRED', base: clean13, mutate: (l) => setKey(l, key.header('claimName'), null), key: 'header.claimName' },
  { what: "claim number of two digits", rule: 'HDR-CLAIMNO', base: clean13, mutate: (l) => setKey(l, key.header('claimNo'), '46'), key: 'header.claimNo' },
  { what: "債権区分 not a class", rule: 'HDR-CLAIMTYPE', base: clean13, mutate: (l) => setKey(l, key.header('claimType'), '公債権'), key: 'header.claimType' },
  { what: "rating C", rule: 'RATE-CODE', base: clean13, mutate: (l) => setKey(l, key.rating('past'), 'C'), key: 'rating.past' },
  { what: "rating B1 on a met target", rule: 'RATE-MISMATCH', base: clean13, mutate: (l) => setKey(l, key.rating('past'), 'B1'), key: 'rating.past' },
  { what: "カ off by 7", rule: 'TRD-FORMULA', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'カ'), (v) => v + 7), key: 'trend.D.カ' },
  { what: "キ off by 0.2 points", rule: 'TRD-FORMULA', base: clean13, mutate: (l) => setKey(l, key.trend('B', 'キ'), (v) => v + 0.002), key: 'trend.B.キ' },
  { what: "F.ア carry off", rule: 'TRD-CARRY', base: clean13, mutate: (l) => setKey(l, key.trend('F', 'ア'), (v) => v + 10), key: 'trend.F.ア' },
  { what: "D.ア carry off", rule: 'TRD-CARRY', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'ア'), (v) => v - 1), key: 'trend.D.ア' },
  { what: "negative オ", rule: 'TRD-NEGATIVE', base: clean13, mutate: (l) => setKey(l, key.trend('E', 'オ'), -5), key: 'trend.E.オ' },
  { what: "エ above ウ", rule: 'TRD-OVERCOLLECT', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'エ'), valueOf(l, key.trend('D', 'ウ')) + 100), key: 'trend.D.エ' },
  { what: "D.ウ left blank", rule: 'TRD-MISSING', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'ウ'), null), key: 'trend.D.ウ' },
  { what: "D.ウ typed in 円", rule: 'TRD-UNIT', base: clean04, mutate: (l) => setKey(l, key.trend('D', 'ウ'), (v) => v * 1000), key: 'trend.D.ウ' },
  { what: "E.エ not an integer", rule: 'TRD-UNIT', base: clean13, mutate: (l) => setKey(l, key.trend('E', 'エ'), 1234.5), key: 'trend.E.エ' },
  { what: "回収債権 計 off by 1", rule: 'CAT-SUBTOTAL', base: clean13, mutate: (l) => setKey(l, key.status('past', 'count', 'collect'), (v) => v + 1), key: 'status.past.count.collect' },
  {
    what: "section 3 balances off D.ケ",
    rule: 'CAT-LINK',
    base: clean13,
    mutate: (l) =>
      ['2', 'collect', 'total'].reduce((acc, c) => setKey(acc, key.status('past', 'balance', c as '2'), (v) => v + 1), l),
    key: 'status.past.balance.total',
  },
  { what: "summary cases off", rule: 'CAT-SUMMARY', base: clean13, mutate: (l) => setKey(l, key.summary('cases'), (v) => v + 1), key: 'summary.cases' },
  { what: "summary balance off", rule: 'CAT-SUMMARY', base: clean13, mutate: (l) => setKey(l, key.summary('balance'), (v) => v - 1), key: 'summary.balance' },
  { what: "a count without a balance", rule: 'CAT-PAIR', base: clean13, mutate: (l) => setKey(l, key.status('past', 'count', '1'), 2), key: 'status.past.count.1' },
  { what: "⑭ on a 非強制 claim", rule: 'CAT-ENFORCED', base: clean04, mutate: (l) => setKey(setKey(l, key.status('past', 'count', '14'), 1), key.status('past', 'balance', '14'), 5), key: 'status.past.count.14' },
  { what: "debtors above cases", rule: 'CAT-DEBTORS', base: clean13, mutate: (l) => setKey(l, key.summary('debtors'), (v) => v + 50), key: 'summary.debtors' },
  { what: "debtors 0", rule: 'CAT-DEBTORS', base: clean13, mutate: (l) => setKey(l, key.summary('debtors'), 0), key: 'summary.debtors' },
  { what: "D.ケ'' typed over its formula", rule: 'FML-HARDCODED', base: clean13, mutate: (l) => setKey(l, key.trend('D', "ケ''"), (v) => v), key: "trend.D.ケ''" },
  { what: "values only", rule: 'FML-VALUES-ONLY', base: clean13, mutate: () => seedLayout(13, { valuesOnly: true }) },
  { what: "#DIV/0! shown", rule: 'FML-ERROR', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'キ'), { error: '#DIV/0!' }, 'G19/F19'), key: 'trend.D.キ' },
  {
    what: "an add-in function",
    rule: 'FML-ADDIN-FUNCTION',
    base: clean13,
    mutate: (l) => {
      const c = cellOf(l, key.trend('D', 'キ'));
      return setKey(l, key.trend('D', 'キ'), c.result as number, 'MISHUKIN.COLLECTION_RATE(G19,F19)');
    },
    key: 'trend.D.キ',
  },
  { what: "B1 without 課題", rule: 'TXT-REQUIRED', base: () => seedLayout(14), mutate: (l) => setKey(l, key.verify('current', '課題'), null), key: 'narrative.verify.current.課題' },
  { what: "no plan for N+1", rule: 'TXT-REQUIRED', base: clean13, mutate: (l) => setKey(l, key.plan('past'), null), key: 'narrative.plan.past.取組内容' },
  { what: "a number with commas as text", rule: 'VAL-TEXTNUM', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'ウ'), (v) => `${v.toLocaleString('en-US')}`), key: 'trend.D.ウ' },
  { what: "▲ as text", rule: 'VAL-TEXTNUM', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'イ'), (v) => `▲${Math.abs(v)}`), key: 'trend.D.イ' },
  { what: "text in an amount", rule: 'VAL-PARSE', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'ウ'), '約9万'), key: 'trend.D.ウ' },
  // The mistakes a wider corpus found slipping through (issue 9).
  { what: '現年度 調定額 of row F typed in 円', rule: 'TRD-UNIT', base: () => seedLayout(3), mutate: (l) => setKey(l, key.trend('F', "ウ'"), (v) => v * 1000 + 679), key: "trend.F.ウ'" },
  { what: 'a category changed without its 計', rule: 'CAT-SUBTOTAL', base: clean13, mutate: (l) => setKey(l, key.status('past', 'count', '2'), (v) => v + 3), key: 'status.past.count.collect' },
  { what: 'a 整理債権 category changed without its 計', rule: 'CAT-SUBTOTAL', base: () => seedLayout(16), mutate: (l) => setKey(l, key.status('past', 'balance', '16'), (v) => v + 40), key: 'status.past.balance.settle' },
  { what: '【強制公】 ④ on a 私債権 claim', rule: 'CAT-ENFORCED', base: () => seedLayout(16), mutate: (l) => setKey(setKey(l, key.status('past', 'count', '4'), 2), key.status('past', 'balance', '4'), 30), key: 'status.past.count.4' },
  { what: '件数 that do not add up to the summary', rule: 'CAT-SUMMARY', base: () => seedLayout(16), mutate: (l) => setKey(l, key.summary('cases'), (v) => v + 2), key: 'summary.cases' },
  { what: 'debtors above cases on a small claim', rule: 'CAT-DEBTORS', base: () => seedLayout(16), mutate: (l) => setKey(l, key.summary('debtors'), (v) => v + 5), key: 'summary.debtors' },
];

