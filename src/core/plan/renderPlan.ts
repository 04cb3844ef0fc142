// The preview of a WritePlan as Japanese text: what each cell holds now, the formula it gets, the value that
// formula gives, and what else changes with it. The CLI prints it; the pane can show it as is.
import { fmtAmount, fmtRate, formulaMessages as M } from '../messages';
import { PERCENT } from '../formulas/expr';
import { isRateKey } from './formulaPlan';
import type { WritePlan } from './writePlan';

export interface RenderPlanOptions {
  /** Indent of the rows under the title (default two spaces). */
  indent?: string;
}

/** Where a planned value sits: its key, and whether its rate is held as the percentage itself (2 for 2.0%). */
export interface PlannedCell {
  key?: string | undefined;
  inPercent?: boolean | undefined;
}

/**
 * A value of a planned cell as the cell shows it, in the form's terms: amounts 1,234 / ▲12, rates 26.7% (from a
 * ratio, or from the percentage in a cell that holds one), blank 「空欄」. The CLI's and the pane's previews.
 */
export function shownValue(v: number | string | boolean | null, at: PlannedCell): string {
  if (v === null || v === '') return M.blank();
  if (typeof v !== 'number') return String(v);
  if (at.key === undefined || !isRateKey(at.key)) return fmtAmount(v);
  return fmtRate(at.inPercent ? v / PERCENT : v);
}

export function renderPlan(plan: WritePlan, opts: RenderPlanOptions = {}): string {
  const pad = opts.indent ?? '  ';
  const lines = [plan.title];
  // Knock-on changes in hidden digits only (a rate still showing 26.7%) are applied but not listed.
  const effects = (plan.effects ?? []).filter((e) => e.changesShownValue);
  if (plan.writes.length === 0) {
    lines.push(`${pad}${M.renderNothing()}`);
  } else {
    const changed = plan.writes.filter((w) => w.changesShownValue).length;
    lines.push(`${pad}${M.renderCounts(plan.writes.length, changed, effects.length)}`, '');
    const width = Math.max(...plan.writes.map((w) => w.address.length), ...effects.map((e) => e.address.length));
    const under = ' '.repeat(width + 2);
    for (const w of plan.writes) {
      lines.push(`${pad}${w.address.padEnd(width)}  ${w.why}`);
      const now = M.renderNow(shownValue(w.before.value, w), w.before.formula);
      const next = `=${w.after.formula ?? ''}`;
      const mark = w.changesShownValue ? `  ${M.renderChanges()}` : '';
      lines.push(`${pad}${under}${now} → ${w.after.formula === undefined ? '' : `${next} → `}${shownValue(w.expected, w)}${mark}`);
    }
  }
  if (effects.length) {
    const width = Math.max(...effects.map((e) => e.address.length));
    lines.push('', `${pad}${M.renderEffects()}`);
    for (const e of effects) {
      lines.push(`${pad}${pad}${e.address.padEnd(width)}  ${e.label}  ${shownValue(e.before, e)} → ${shownValue(e.after, e)}`);
    }
  }
  if (plan.caveats?.length) {
    lines.push('', `${pad}${M.renderCaveats()}`);
    for (const c of plan.caveats) lines.push(`${pad}${pad}・${c}`);
  }
  return `${lines.join('\n')}\n`;
}
