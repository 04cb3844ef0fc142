// What the tools on a form (数式を入れる, 評価ガイド) need from the pane: the form as last read, word when it is
// read again, the core's plans, and, inside Excel only, the workbook to write to. In file mode there is no
// workbook: the tools show what they would write and say that writing needs Excel.
import type { ApplyResult } from '../../adapters/excel/workbookAdapter';
import type { UndoOutlook } from '../../adapters/excel/undoOutlook';
import { fmtAmount, fmtRate, formulaMessages, PART_JA, placeOf } from '../../core/messages';
import type { Form } from '../../core/model/form';
import { RATING_COLUMNS } from '../../core/model/keys';
import { isRateKey, planFormulas } from '../../core/plan/formulaPlan';
import { followUpsAfterRating, planRatings, RatingPlanError } from '../../core/plan/ratingPlan';
import type { WritePlan } from '../../core/plan/writePlan';
import { guideForm } from '../../core/rating';
import { answerProposal, proposeColumn } from '../../core/rating/propose';
import type { CellRef } from './present';

/**
 * The core the tools use, handed to them with the host rather than imported: the tools are a chunk loaded on
 * demand, and a module of the initial script that another chunk imports can no longer be scope-hoisted into it
 * (webpack's module concatenation), which would cost the initial script more than these plans themselves.
 */
export const toolCore = {
  planFormulas,
  isRateKey,
  planRatings,
  RatingPlanError,
  followUpsAfterRating,
  proposeColumn,
  answerProposal,
  guideForm,
  placeOf,
  fmtAmount,
  fmtRate,
  formulaMessages,
  PART_JA,
  RATING_COLUMNS,
};
export type ToolCore = typeof toolCore;

export interface WorkbookAccess {
  /** One batch; refused if a cell no longer holds its `before`. */
  applyPlan(plan: WritePlan): Promise<ApplyResult>;
  /** How a write will be undone on this Excel. */
  undoOutlook(): UndoOutlook;
  /** Reads the form again and re-checks it (the findings list follows). */
  recheck(): Promise<void>;
  select(cell: CellRef): Promise<void>;
  /** What went wrong, in Japanese, as the pane says it. */
  problemText(err: unknown): string;
}

export interface FormHost {
  /** The form as last read; null when none is selected. */
  form(): Form | null;
  /** Called whenever the pane's state changes (a new read replaces the form object). */
  subscribe(listener: () => void): () => void;
  /** Null in file mode: nothing is written. */
  workbook: WorkbookAccess | null;
  core: ToolCore;
}

/** A form read from a file: it never changes, and nothing is written to it. */
export function fileHost(form: Form): FormHost {
  return { form: () => form, subscribe: () => () => undefined, workbook: null, core: toolCore };
}
