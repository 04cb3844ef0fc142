// What the tools on a form (数式を入れる, 評価ガイド) need from the pane: the form as last read, word when it is
// read again, and, inside Excel only, the workbook to write to. In file mode there is no workbook: the tools show
// what they would write and say that writing needs Excel. The core's plans the tools import themselves: the tools'
// chunk carries its own copy of them (webpack.config.js), never the pane's initial script.
import type { ApplyResult } from '../../adapters/excel/workbookAdapter';
import type { UndoOutlook } from '../../adapters/excel/undoOutlook';
import type { Form } from '../../core/model/form';
import type { WritePlan } from '../../core/plan/writePlan';
import type { CellRef } from './present';

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
}

/** A form read from a file: it never changes, and nothing is written to it. */
export function fileHost(form: Form): FormHost {
  return { form: () => form, subscribe: () => () => undefined, workbook: null };
}
