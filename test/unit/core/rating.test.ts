// The rating guide (spec §5): every branch of the decision table, and every published rating is allowed.
import { recogniseWorkbook } from '../../../src/core/check';
import type { CurrentForm } from '../../../src/core/model/form';
import { key } from '../../../src/core/model/keys';
import { answerProposal, proposeColumn } from '../../../src/core/rating/propose';
import { guideForm } from '../../../src/core/rating';
import { normalizeRating } from '../../../src/core/rating/propose';
import type { LayoutSheet } from '../../../src/core/layout/currentLayout';
import { CURRENT_SEEDS, gridOf, seedLayout, setKey } from '../../helpers/forms';

function formOf(layout: LayoutSheet): CurrentForm {
  const f = recogniseWorkbook([gridOf(layout)]).forms[0]!;
  if (f.edition !== 'current') throw new Error('expected the current edition');
  return f;
}

/** Sheet 13 with its C and D balances (ケ column) set to the given values. */
function withPast(target: number | null | string, actual: number | null | string): CurrentForm {
  let l = seedLayout(13);
  l = setKey(l, key.trend('C', 'ケ'), target);
  l = setKey(l, key.trend('D', 'ケ'), actual);
  return formOf(l);
}

describe('decision table', () => {
  it('C > 0 and D ≤ C: A, with the numbers and cells in the reason', () => {
    const p = proposeColumn(withPast(118, 75), 'past');
    expect(p.allowed).toEqual(['A']);
    expect(p.question).toBeNull();
    expect(p.reasons[0]).toMatch(/^過年度: 令和元年度の修正目標\(C行 ケ列 \[[A-Z]+\d+\]\) 118千円に対し、実績\(D行 ケ列 \[[A-Z]+\d+\]\) 75千円。目標を達成しているため A です。$/);
  });
  it('C > 0 and D = C: A', () => {
    expect(proposeColumn(withPast(100, 100), 'past').proposed).toBe('A');
  });
  it('C > 0 and D > C: B1 or B2, asking whether the actions were carried out', () => {
    const p = proposeColumn(withPast(75, 106), 'past');
    expect(p.proposed).toBe('B1|B2');
    expect(p.question).toBe('actionsCarriedOut');
    expect(answerProposal(p, { actionsCarriedOut: true })).toBe('B1');
    expect(answerProposal(p, { actionsCarriedOut: false })).toBe('B2');
  });
  it('C not filled in (no typed input in the row, whatever its formulas show): —', () => {
    let l = seedLayout(13);
    for (const c of ['ウ', 'エ', 'オ', "ウ'", "エ'", "オ'"] as const) l = setKey(l, key.trend('C', c), null);
    expect(proposeColumn(formOf(l), 'past').proposed).toBe('—');
  });
  it('C filled in but its ケ blank or broken: no proposal (spec §5 says — only for a blank row)', () => {
    expect(proposeColumn(withPast(null, 50), 'past').proposed).toBeNull();
    expect(proposeColumn(withPast('目標なし', 50), 'past').proposed).toBeNull();
  });
  it('C and D both blank in a column: no proposal, so no RATE-MISMATCH whatever is printed', () => {
    const f = withPast(null, null);
    expect(proposeColumn(f, 'past').proposed).toBeNull();
  });
  it('C = 0 and D = 0: A or —, asking whether a target was set', () => {
    const p = proposeColumn(withPast(0, 0), 'past');
    expect(p.proposed).toBe('A|—');
    expect(p.question).toBe('targetWasSet');
    expect(answerProposal(p, { targetWasSet: true })).toBe('A');
    expect(answerProposal(p, { targetWasSet: false })).toBe('—');
  });
  it('C = 0 and D > 0: B1, B2 or —', () => {
    const p = proposeColumn(withPast(0, 27), 'past');
    expect(p.proposed).toBe('B1|B2|—');
    expect(answerProposal(p, { targetWasSet: false })).toBe('—');
    expect(answerProposal(p, { targetWasSet: true })).toBeNull();
    expect(answerProposal(p, { targetWasSet: true, actionsCarriedOut: false })).toBe('B2');
  });
  it('D missing or text: no proposal, and no RATE-MISMATCH', () => {
    expect(proposeColumn(withPast(100, null), 'past').proposed).toBeNull();
    expect(proposeColumn(withPast(100, '未確定'), 'past').proposed).toBeNull();
  });
  it('the 合計 follows its own numbers, not its parts', () => {
    // Sheet 03: 過年度 A, 現年度 B1 (target 0, actual 27), 合計 A by its own balances.
    const f = formOf(seedLayout(3));
    expect(proposeColumn(f, 'past').proposed).toBe('A');
    expect(proposeColumn(f, 'current').proposed).toBe('B1|B2|—');
    expect(proposeColumn(f, 'total').proposed).toBe('A');
  });
  it('without a D row nothing is proposed', () => {
    let l = seedLayout(13);
    for (const c of ["ケ", "ケ'", "ケ''"] as const) l = setKey(l, key.trend('D', c), null);
    expect(guideForm(formOf(l)).columns['total']!.proposed).toBeNull();
  });
});

describe('published ratings', () => {
  it.each(CURRENT_SEEDS.map((s) => [s.sheet, s] as const))('sheet %i: every printed code is among what the guide allows', (_n, s) => {
    const f = formOf(seedLayout(s.sheet));
    for (const c of ['past', 'current', 'total'] as const) {
      const printed = normalizeRating(s.ratings[c] ?? '');
      const p = proposeColumn(f, c);
      // Undecidable (no D) allows anything: RATE-MISMATCH stays silent.
      expect({ column: c, printed, allowed: p.allowed.length === 0 || p.allowed.includes(printed!) }).toEqual({ column: c, printed, allowed: true });
    }
  });
});

describe('normalising printed codes', () => {
  it.each([['A', 'A'], ['Ａ', 'A'], ['b1', 'B1'], ['Ｂ２', 'B2'], ['-', '—'], ['－', '—'], ['ー', '—'], ['C', null], ['', null]])('%s → %s', (raw, code) => {
    expect(normalizeRating(raw)).toBe(code);
  });
});
