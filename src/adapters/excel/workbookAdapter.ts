// The small interface through which the pane reaches a workbook. The Office implementation is officeAdapter.ts,
// the only code that touches Excel; tests and the browser tests use doubles of this interface.
import type { NotAForm } from '../../core/findings';
import type { Grid } from '../../core/grid';
import type { LayoutSheet } from '../../core/layout/sheet';
import type { Region } from '../../core/model/form';
import type { CellContent, WritePlan } from '../../core/plan/writePlan';
import type { ExcelPlatform } from './officeHost';
import type { UndoOutlook } from './undoOutlook';

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
 * applies `journal`, the plan that writes every `before` back. `groupingFailed`: Excel was asked to make the
 * write one undo step and refused (the write was then finished without it).
 */
export type ApplyResult = { undo: 'excel' } | { undo: 'journal'; journal: WritePlan; groupingFailed?: boolean };

/** A worksheet to add (新しい調査書, 翌年度へ繰り越し): its name, not taken in the workbook, and its laid-out form. */
export interface NewSheet {
  name: string;
  layout: LayoutSheet;
}

/** A worksheet added, with what this Excel could not set on it (a requirement set it lacks), in Japanese. */
export interface AddedSheet {
  name: string;
  skipped: string[];
}

/** Where Excel runs and which requirement sets it has: what adding a sheet can set, and does to undo, follows. */
export interface ExcelHost {
  platform: ExcelPlatform;
  /** Whether Office reports ExcelApi 1.`minor`. */
  excelApi(minor: number): boolean;
}

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
  /** How a write will be undone here, for the preview to say before writing. */
  undoOutlook(): UndoOutlook;
  /**
   * Adds a worksheet after the others and shows it; refused if its name has been taken since the preview. Only the
   * new sheet is written: no existing cell, format or sheet is touched.
   */
  addSheet(sheet: NewSheet): Promise<AddedSheet>;
  excelHost(): ExcelHost;
}

/**
 * Whether a cell holds `c`, from what Excel reports: `formula` as in Range.formulas ("=…" for a formula, else the
 * value) and `value` as in Range.values. A formula is compared by its text (its value may have recalculated).
 */
export function holdsContent(formula: unknown, value: unknown, c: CellContent): boolean {
  const hasFormula = typeof formula === 'string' && formula.startsWith('=');
  if (c.formula !== undefined) return hasFormula && (formula as string).slice(1) === c.formula;
  const shown = value === '' || value === undefined ? null : value;
  return !hasFormula && shown === c.value;
}

/** The refusal when a cell changed between the preview and the write (nothing is written then). */
export function conflictError(sheet: string, address: string): AdapterError {
  return new AdapterError(
    'conflict',
    `シート「${sheet}」のセル ${address} の内容が、確認したときから変わっています。書き込みを中止しました。もう一度チェックしてからやり直してください。`,
  );
}

/** Excel compares worksheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The refusal when a sheet of the planned name was added since the preview (nothing is added then). */
export function nameTakenError(name: string): AdapterError {
  return new AdapterError(
    'conflict',
    `シート「${name}」がすでにあります(確認したあとに追加されたようです)。シートは追加していません。もう一度確認してからやり直してください。`,
  );
}

/** The plan that writes every `before` back, newest write first (the pane's 元に戻す where Excel cannot merge undo). */
export function journalOf(plan: WritePlan): WritePlan {
  return {
    title: `元に戻す: ${plan.title}`,
    writes: [...plan.writes].reverse().map((w) => ({
      ...w,
      before: w.after,
      after: w.before,
      expected: typeof w.before.value === 'boolean' ? String(w.before.value).toUpperCase() : w.before.value,
      why: `元に戻す: ${w.why}`,
    })),
  };
}
