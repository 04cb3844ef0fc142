// The small interface through which the pane reaches a workbook. The Office implementation is officeAdapter.ts,
// the only code that touches Excel; tests and the browser tests use doubles of this interface.
import type { NotAForm } from '../../core/findings';
import type { Grid } from '../../core/grid';
import type { Region } from '../../core/model/form';
import type { WritePlan } from '../../core/plan/writePlan';

export interface WorkbookSnapshot {
  /** One Grid per worksheet that was read, in tab order. */
  grids: Grid[];
  activeSheet: string | null;
  /** Worksheets left unread, with the reason in Japanese (too many cells to read at once). */
  skipped: NotAForm[];
}

export interface SheetChange {
  sheet: string;
  /** The changed range, A1-style, as Excel reports it. */
  address: string;
}

export type Unsubscribe = () => Promise<void>;

/**
 * How a write can be taken back: by Excel's own undo (one undo group), or by the pane's 元に戻す, which
 * applies `journal`, the plan that writes every `before` back.
 */
export type ApplyResult = { undo: 'excel' } | { undo: 'journal'; journal: WritePlan };

export type AdapterErrorKind = 'timeout' | 'api' | 'conflict';

/** A failed call, with a Japanese message the pane shows as it is. */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  constructor(
    readonly kind: AdapterErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface WorkbookAdapter {
  /** Every worksheet's used range: values, formulas and number formats. */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** One rectangle of one worksheet, cells at their sheet positions (the live check re-reads only a form). */
  readRegion(sheet: string, region: Region): Promise<Grid>;
  /** Selects a cell, activating its worksheet first. */
  selectCell(sheet: string, address: string): Promise<void>;
  onSheetChanged(sheet: string, handler: (change: SheetChange) => void): Promise<Unsubscribe>;
  onSheetActivated(handler: (sheet: string) => void): Promise<Unsubscribe>;
  /** Writes a plan in one batch, refusing it if a cell no longer holds its `before`. */
  applyPlan(plan: WritePlan): Promise<ApplyResult>;
}
