// The preview of a WritePlan as Japanese text: what each cell holds now, the formula it gets, the value that
// formula gives, and what else changes with it. The CLI prints it; the pane can show it as is.
import { fmtAmount, fmtRate, formulaMessages as M } from '../messages';
import { isRateKey } from './formulaPlan';
import type { WritePlan } from './writePlan';

export interface RenderPlanOptions {
  /** Indent of the rows under the title (default two spaces). */
  indent?: string;
}

function shown(v: number | string | boolean | null, k: string | undefined): string {
  if (v === null || v === '') return M.blank();
  if (typeof v === 'number') return k !== undefined && isRateKey(k) ? fmtRate(v) : fmtAmount(v);
  return String(v);
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
      const now = M.renderNow(shown(w.before.value, w.key), w.before.formula);
      const next = `=${w.after.formula ?? ''}`;
      const mark = w.changesShownValue ? `  ${M.renderChanges()}` : '';
      lines.push(`${pad}${under}${now} → ${w.after.formula === undefined ? '' : `${next} → `}${shown(w.expected, w.key)}${mark}`);
    }
  }
  if (effects.length) {
    const width = Math.max(...effects.map((e) => e.address.length));
    lines.push('', `${pad}${M.renderEffects()}`);
    for (const e of effects) {
      lines.push(`${pad}${pad}${e.address.padEnd(width)}  ${e.label}  ${shown(e.before, e.key)} → ${shown(e.after, e.key)}`);
    }
  }
  if (plan.caveats?.length) {
    lines.push('', `${pad}${M.renderCaveats()}`);
    for (const c of plan.caveats) lines.push(`${pad}${pad}・${c}`);
  }
  return `${lines.join('\n')}\n`;
}
