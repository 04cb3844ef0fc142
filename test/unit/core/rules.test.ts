// One rule at a time: a clean published sheet passes it, and one seeded mistake makes it fire.
import { key } from '../../../src/core/model/keys';
import type { LayoutSheet } from '../../../src/core/layout/currentLayout';
import { cellOf, checkLayout, onlyForm, seedLayout, setKey } from '../../helpers/forms';
import { SEEDED_MISTAKES as cases } from '../../helpers/seededMistakes';

const clean13 = () => seedLayout(13);

function findingsOf(layout: LayoutSheet, rule: string) {
  return onlyForm(layout).findings.filter((f) => f.rule === rule);
}

describe.each(cases.map((c, i) => [`${c.rule} #${i} ${c.what}`, c] as const))('%s', (_name, c) => {
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

  it('FML-ERROR says what a #DIV/0! means and how to mend it; other errors as they are', () => {
    const div = findingsOf(setKey(clean13(), key.trend('D', 'キ'), { error: '#DIV/0!' }, 'G19/F19'), 'FML-ERROR')[0]!;
    expect(div.message).toContain('#DIV/0!');
    expect(div.message).toContain('「—」');
    expect(div.message).toContain('数式を入れる');
    const ref = findingsOf(setKey(clean13(), key.trend('D', 'キ'), { error: '#REF!' }, 'G19/F19'), 'FML-ERROR')[0]!;
    expect(ref.message).not.toContain('数式を入れる');
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
