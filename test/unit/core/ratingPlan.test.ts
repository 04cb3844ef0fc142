import { recogniseWorkbook } from '../../../src/core/check';
import type { CurrentForm } from '../../../src/core/model/form';
import { key } from '../../../src/core/model/keys';
import { followUpsAfterRating, planRatings, RatingPlanError } from '../../../src/core/plan/ratingPlan';
import { applyPlanToGrid } from '../../../src/core/plan/formulaPlan';
import { checkWorkbook } from '../../../src/core/check';
import { gridOf, seedLayout, setKey } from '../../helpers/forms';
import type { LayoutSheet } from '../../../src/core/layout/currentLayout';

const formOf = (l: LayoutSheet) => recogniseWorkbook([gridOf(l)]).forms[0] as CurrentForm;

describe('planRatings', () => {
  it('writes the chosen codes into empty rating cells, with the reason', () => {
    let l = seedLayout(13);
    for (const c of ['past', 'current', 'total'] as const) l = setKey(l, key.rating(c), null);
    const form = formOf(l);
    const plan = planRatings(form, { past: 'A', current: '—', total: 'A' });
    expect(plan.writes.map((w) => [w.key, w.before.value, w.after.value])).toEqual([
      ['rating.past', null, 'A'],
      ['rating.current', null, '—'],
      ['rating.total', null, 'A'],
    ]);
    expect(plan.writes[0]!.why).toContain('目標を達成しているため A です');
    const after = checkWorkbook([applyPlanToGrid(gridOf(l), plan)]).forms[0]!;
    expect(after.findings.filter((f) => f.rule.startsWith('RATE-'))).toEqual([]);
  });

  it('leaves a cell that already holds the code alone', () => {
    expect(planRatings(formOf(seedLayout(13)), { past: 'A' }).writes).toEqual([]);
  });

  it('refuses a code the numbers rule out', () => {
    expect(() => planRatings(formOf(seedLayout(13)), { past: 'B1' })).toThrow(RatingPlanError);
  });

  it('points at 課題 and 改善策 a B1 still needs', () => {
    // Sheet 01: past target missed; clear its 課題 and see it asked for.
    const l = setKey(seedLayout(1), key.verify('past', '課題'), null);
    const follow = followUpsAfterRating(formOf(l), { past: 'B1' });
    expect(follow.map((f) => f.key)).toEqual(['narrative.verify.past.課題']);
    expect(follow[0]!.message).toMatch(/^4\. 取組内容の検証など 課題\(過年度\) \[[A-Z]+\d+\]$/);
  });
});
