// One rule at a time: a clean published sheet passes it, and one seeded mistake makes it fire.
import { key } from '../../../src/core/model/keys';
import type { LayoutSheet } from '../../../src/core/layout/currentLayout';
import { cellOf, checkLayout, onlyForm, seedLayout, setKey } from '../../helpers/forms';

/** Sheet 13: a 強制徴収公債権 with no mistake; sheet 04: a 非強制徴収公債権 with no mistake. */
const clean13 = () => seedLayout(13);
const clean04 = () => seedLayout(4);

function findingsOf(layout: LayoutSheet, rule: string) {
  return onlyForm(layout).findings.filter((f) => f.rule === rule);
}

const valueOf = (layout: LayoutSheet, k: string) => {
  const c = cellOf(layout, k);
  return (c.formula !== undefined ? c.result : c.value) as number;
};

interface Case {
  rule: string;
  base: () => LayoutSheet;
  mutate: (l: LayoutSheet) => LayoutSheet;
  key?: string;
}

const cases: Case[] = [
  { rule: 'HDR-REQUIRED', base: clean13, mutate: (l) => setKey(l, key.header('claimName'), null), key: 'header.claimName' },
  { rule: 'HDR-CLAIMNO', base: clean13, mutate: (l) => setKey(l, key.header('claimNo'), '46'), key: 'header.claimNo' },
  { rule: 'HDR-CLAIMTYPE', base: clean13, mutate: (l) => setKey(l, key.header('claimType'), '公債権'), key: 'header.claimType' },
  { rule: 'RATE-CODE', base: clean13, mutate: (l) => setKey(l, key.rating('past'), 'C'), key: 'rating.past' },
  { rule: 'RATE-MISMATCH', base: clean13, mutate: (l) => setKey(l, key.rating('past'), 'B1'), key: 'rating.past' },
  { rule: 'TRD-FORMULA', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'カ'), (v) => v + 7), key: 'trend.D.カ' },
  { rule: 'TRD-FORMULA', base: clean13, mutate: (l) => setKey(l, key.trend('B', 'キ'), (v) => v + 0.002), key: 'trend.B.キ' },
  { rule: 'TRD-CARRY', base: clean13, mutate: (l) => setKey(l, key.trend('F', 'ア'), (v) => v + 10), key: 'trend.F.ア' },
  { rule: 'TRD-CARRY', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'ア'), (v) => v - 1), key: 'trend.D.ア' },
  { rule: 'TRD-NEGATIVE', base: clean13, mutate: (l) => setKey(l, key.trend('E', 'オ'), -5), key: 'trend.E.オ' },
  { rule: 'TRD-OVERCOLLECT', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'エ'), valueOf(l, key.trend('D', 'ウ')) + 100), key: 'trend.D.エ' },
  { rule: 'TRD-MISSING', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'ウ'), null), key: 'trend.D.ウ' },
  { rule: 'TRD-UNIT', base: clean04, mutate: (l) => setKey(l, key.trend('D', 'ウ'), (v) => v * 1000), key: 'trend.D.ウ' },
  { rule: 'TRD-UNIT', base: clean13, mutate: (l) => setKey(l, key.trend('E', 'エ'), 1234.5), key: 'trend.E.エ' },
  { rule: 'CAT-SUBTOTAL', base: clean13, mutate: (l) => setKey(l, key.status('past', 'count', 'collect'), (v) => v + 1), key: 'status.past.count.collect' },
  {
    rule: 'CAT-LINK',
    base: clean13,
    mutate: (l) =>
      ['2', 'collect', 'total'].reduce((acc, c) => setKey(acc, key.status('past', 'balance', c as '2'), (v) => v + 1), l),
    key: 'status.past.balance.total',
  },
  { rule: 'CAT-SUMMARY', base: clean13, mutate: (l) => setKey(l, key.summary('cases'), (v) => v + 1), key: 'summary.cases' },
  { rule: 'CAT-SUMMARY', base: clean13, mutate: (l) => setKey(l, key.summary('balance'), (v) => v - 1), key: 'summary.balance' },
  { rule: 'CAT-PAIR', base: clean13, mutate: (l) => setKey(l, key.status('past', 'count', '1'), 2), key: 'status.past.count.1' },
  { rule: 'CAT-ENFORCED', base: clean04, mutate: (l) => setKey(setKey(l, key.status('past', 'count', '14'), 1), key.status('past', 'balance', '14'), 5), key: 'status.past.count.14' },
  { rule: 'CAT-DEBTORS', base: clean13, mutate: (l) => setKey(l, key.summary('debtors'), (v) => v + 50), key: 'summary.debtors' },
  { rule: 'CAT-DEBTORS', base: clean13, mutate: (l) => setKey(l, key.summary('debtors'), 0), key: 'summary.debtors' },
  { rule: 'FML-HARDCODED', base: clean13, mutate: (l) => setKey(l, key.trend('D', "ケ''"), (v) => v), key: "trend.D.ケ''" },
  { rule: 'FML-VALUES-ONLY', base: clean13, mutate: () => seedLayout(13, { valuesOnly: true }) },
  { rule: 'FML-ERROR', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'キ'), { error: '#DIV/0!' }, 'G19/F19'), key: 'trend.D.キ' },
  {
    rule: 'FML-ADDIN-FUNCTION',
    base: clean13,
    mutate: (l) => {
      const c = cellOf(l, key.trend('D', 'キ'));
      return setKey(l, key.trend('D', 'キ'), c.result as number, 'MISHUKIN.COLLECTION_RATE(G19,F19)');
    },
    key: 'trend.D.キ',
  },
  { rule: 'TXT-REQUIRED', base: () => seedLayout(14), mutate: (l) => setKey(l, key.verify('current', '課題'), null), key: 'narrative.verify.current.課題' },
  { rule: 'TXT-REQUIRED', base: clean13, mutate: (l) => setKey(l, key.plan('past'), null), key: 'narrative.plan.past.取組内容' },
  { rule: 'VAL-TEXTNUM', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'ウ'), (v) => `${v.toLocaleString('en-US')}`), key: 'trend.D.ウ' },
  { rule: 'VAL-TEXTNUM', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'イ'), (v) => `▲${Math.abs(v)}`), key: 'trend.D.イ' },
  { rule: 'VAL-PARSE', base: clean13, mutate: (l) => setKey(l, key.trend('D', 'ウ'), '約9万'), key: 'trend.D.ウ' },
];

describe.each(cases.map((c, i) => [`${c.rule} #${i}`, c] as const))('%s', (_name, c) => {
  it('does not fire on the clean sheet', () => {
    expect(findingsOf(c.base(), c.rule)).toEqual([]);
  });
  it('fires on the seeded mistake, at its field', () => {
    const found = findingsOf(c.mutate(c.base()), c.rule);
    expect(found.length).toBeGreaterThan(0);
    if (c.key) expect(found.some((f) => f.keys.includes(c.key!))).toBe(true);
    for (const f of found) expect(f.message).toMatch(/[ぁ-んァ-ン一-龥]/);
  });
});

describe('finding details', () => {
  it('names the place in form terms, the cell and the numbers', () => {
    const l = setKey(clean13(), key.trend('F', 'ア'), (v) => v + 10);
    const f = findingsOf(l, 'TRD-CARRY')[0]!;
    expect(f.message).toMatch(/^2\. 未収金の推移 F行\(令和2 修正目標\) ア列 \[[A-Z]+\d+\]/);
    expect(f.message).toContain('差 10');
    expect(f.cells[0]).toMatch(/^Sheet1![A-Z]+\d+$/);
    expect(f.severity).toBe('error');
  });

  it('tells a 1千円 gap between section 3 and D.ケ as a rounding difference', () => {
    const l = ['2', 'collect', 'total'].reduce((acc, c) => setKey(acc, key.status('past', 'balance', c as '2'), (v) => v + 1), clean13());
    expect(findingsOf(l, 'CAT-LINK')[0]!.message).toContain('端数差');
  });

  it('RATE-MISMATCH names the code the numbers point to', () => {
    const f = findingsOf(setKey(clean13(), key.rating('past'), 'B1'), 'RATE-MISMATCH')[0]!;
    expect(f.proposed).toBe('A');
    expect(f.message).toContain('「A」');
  });

  it('does not flag B.ア typed while row A is empty', () => {
    // Sheet 02 has no 平29 row: its B.ア is typed.
    expect(findingsOf(seedLayout(2), 'FML-HARDCODED')).toEqual([]);
  });

  it('accepts a negative イ and the カ and ク that follow from it', () => {
    // Sheet 07 row B: イ ▲100 (the assessment grew), カ −100, ク −45.5%.
    const rules = onlyForm(seedLayout(7)).findings.map((f) => f.rule);
    expect(rules).not.toContain('TRD-NEGATIVE');
    expect(rules).not.toContain('TRD-FORMULA');
  });

  it('gives a values-only copy one info finding instead of a warning per cell', () => {
    const f = onlyForm(seedLayout(13, { valuesOnly: true })).findings;
    expect(f.filter((x) => x.rule === 'FML-VALUES-ONLY')).toHaveLength(1);
    expect(f.filter((x) => x.rule === 'FML-HARDCODED')).toEqual([]);
  });

  it('checks a values-only copy of a sheet with mistakes just as well', () => {
    const errors = checkLayout(seedLayout(14, { valuesOnly: true }))[0]!.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule).sort()).toEqual(['CAT-LINK', 'CAT-LINK', 'CAT-SUMMARY', 'TRD-FORMULA']);
  });
});

describe('rates typed by hand', () => {
  it('reads a rate typed as a percentage number without a % format', () => {
    // D.キ of sheet 13 as 9.8 or 0.9-style numbers, typed instead of a formula with a % format.
    const l = seedLayout(13);
    const c = cellOf(l, key.trend('D', 'キ'));
    const pct = Math.round((c.result as number) * 1000) / 10;
    const typed = { ...l, cells: l.cells.map((x) => (x === c ? { row: x.row, col: x.col, key: x.key, value: pct } : x)) };
    expect(findingsOf(typed, 'TRD-FORMULA')).toEqual([]);
    const text = setKey(l, key.trend('D', 'キ'), `${pct}%`);
    expect(findingsOf(text, 'TRD-FORMULA')).toEqual([]);
  });
});

describe('blank fields point at their own cell', () => {
  const a1Of = (l: LayoutSheet, k: string) => {
    const c = cellOf(l, k);
    return `Sheet1!${String.fromCharCode(65 + c.col)}${c.row + 1}`;
  };
  it('a blank rating is reported at the rating cell, not at the legend below it', () => {
    const l = setKey(clean13(), key.rating('past'), null);
    const f = findingsOf(l, 'RATE-CODE');
    expect(f).toHaveLength(1);
    expect(f[0]!.cells).toEqual([a1Of(l, 'rating.past')]);
    expect(f[0]!.message).toContain('空欄');
  });
  it('a blank 債務者数 is read as blank, not as its unit word 人', () => {
    const l = setKey(clean13(), key.summary('debtors'), null);
    const form = onlyForm(l);
    expect(form.findings.map((x) => x.rule)).not.toContain('VAL-PARSE');
    expect(form.findings.find((x) => x.rule === 'CAT-DEBTORS')!.cells).toEqual([a1Of(l, 'summary.debtors')]);
  });
});
