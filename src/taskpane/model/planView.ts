// A WritePlan arranged for the pane's preview: each cell in form terms with what it holds now and what it will
// hold. The plan itself (which cells, which formulas, which values) is the core's; this only words it.
import { placeOf } from '../../core/messages';
import type { Form } from '../../core/model/form';
import { shownValue, type PlannedCell } from '../../core/plan/renderPlan';
import type { CellContent, WritePlan } from '../../core/plan/writePlan';

export interface PreviewRow {
  address: string;
  /** Where, in the form's terms: 「2. 未収金の推移 E行(令和2 当初目標) ア列」. */
  place: string;
  /** Why, after the place: 「ア=C行のケ''。数式ではなく値 4,306 が入力されています。」. */
  reason: string;
  /** What the cell holds now: 「4,306」 or 「=F19-G19(598)」. */
  now: string;
  /** The formula written ("=V18"), or null when a value is written. */
  formula: string | null;
  /** The value the cell will show. */
  result: string;
  /** The number the user sees changes (a typed value that disagreed with its formula). */
  changesShownValue: boolean;
}

export interface EffectRow {
  address: string;
  label: string;
  before: string;
  after: string;
}

function held(c: CellContent, at: PlannedCell): string {
  const shown = shownValue(c.value, at);
  return c.formula === undefined ? shown : `=${c.formula}(${shown})`;
}

export function previewRows(form: Form, plan: WritePlan): PreviewRow[] {
  return plan.writes.map((w) => {
    const place = w.key !== undefined ? placeOf(form, w.key) : w.address;
    const prefix = `${place}: `;
    return {
      address: w.address,
      place,
      reason: w.why.startsWith(prefix) ? w.why.slice(prefix.length) : w.why,
      now: held(w.before, w),
      formula: w.after.formula === undefined ? null : `=${w.after.formula}`,
      result: shownValue(w.expected, w),
      changesShownValue: w.changesShownValue,
    };
  });
}

/** Knock-on changes the person would notice; changes in hidden digits only are applied but not listed. */
export function previewEffects(plan: WritePlan): EffectRow[] {
  return (plan.effects ?? [])
    .filter((e) => e.changesShownValue)
    .map((e) => ({ address: e.address, label: e.label, before: shownValue(e.before, e), after: shownValue(e.after, e) }));
}
