// 新しい調査書 and 翌年度へ繰り越し in the pane: what would be added (the core's plan), or why nothing can be, and the
// add itself through the sheet writer. Pure apart from the writer, so it is tested without React or Excel.
import type { SheetWriter } from '../../adapters/excel/sheetWriter';
import { checkForm } from '../../core/check';
import { sheetPlanMessages as M } from '../../core/messages';
import type { Form } from '../../core/model/form';
import { planRollover } from '../../core/plan/rolloverPlan';
import { planNewForm, readYear, type NewSheetPlan } from '../../core/plan/sheetPlan';

export type SheetCommand = 'newForm' | 'rollover';

export interface SheetPreview {
  plan: NewSheetPlan | null;
  /** Why there is nothing to add (an unreadable year, a refused form), in Japanese; lines of a list after the first. */
  problem: string | null;
  /** Said alongside the plan (a bare 令和 read as 令和元). */
  note: string | null;
  /** Refused for error findings: the person may carry the form forward all the same. */
  forceable: boolean;
}

export interface SheetOptions {
  protect: boolean;
  /** Roll over a form with errors all the same. */
  force: boolean;
}

const none = (problem: string, forceable = false): SheetPreview => ({ plan: null, problem, note: null, forceable });

export function previewNewForm(yearText: string, opts: SheetOptions, taken: readonly string[]): SheetPreview {
  const y = readYear(yearText);
  if ('problem' in y) return none(y.problem);
  const plan = planNewForm({ fiscalYear: y.year, protect: opts.protect, taken: new Set(taken) });
  return { plan, problem: null, note: y.note ?? null, forceable: false };
}

export function previewRollover(form: Form | null, opts: SheetOptions, taken: readonly string[]): SheetPreview {
  if (!form) return none(M.noForm());
  const r = planRollover(form, checkForm(form).findings, { ...opts, taken: new Set(taken) });
  if ('refusal' in r) return none(r.refusal.message, r.refusal.reason === 'errors');
  return { plan: r.plan, problem: null, note: null, forceable: false };
}

/** Adds the planned sheet; resolves to what the pane says then. */
export async function addPlannedSheet(writer: SheetWriter, plan: NewSheetPlan): Promise<string> {
  await writer.addSheet(plan.sheet, plan.layout);
  return M.added(plan.sheet);
}

export const UNDO_WARNING = M.undoWarning();
