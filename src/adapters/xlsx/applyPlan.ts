// Applies WritePlans to a copy of an .xlsx with exceljs: formulas with their cached results (the plan's expected
// values), everything else of the workbook as exceljs read it. The input bytes are never written back.
import ExcelJS from 'exceljs';
import type { WritePlan } from '../../core/plan/writePlan';
import { ERROR_TEXT } from '../../core/text/values';

export class PlanApplyError extends Error {
  override readonly name = 'PlanApplyError';
}

type Result = NonNullable<ExcelJS.CellFormulaValue['result']>;

function result(v: number | string | null): Result | undefined {
  if (v === null) return undefined;
  if (typeof v === 'string' && ERROR_TEXT.test(v)) return { error: v as ExcelJS.CellErrorValue['error'] };
  return v;
}

/**
 * Shared formulas are stored once and copied by offset: rewriting a master would silently change its copies.
 * Before writing, every shared formula of the sheet becomes a plain formula with the same text and result.
 */
function unshareFormulas(ws: ExcelJS.Worksheet): void {
  const shared: { cell: ExcelJS.Cell; formula: string; result: ExcelJS.CellFormulaValue['result'] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      const v = cell.value as ExcelJS.CellSharedFormulaValue | ExcelJS.CellFormulaValue;
      if ('sharedFormula' in v || ('shareType' in v && v.shareType === 'shared')) {
        shared.push({ cell, formula: cell.formula, result: cell.result as ExcelJS.CellFormulaValue['result'] });
      }
    }),
  );
  // Translate all first (a copy reads its master's text), then assign.
  for (const s of shared) {
    const value: ExcelJS.CellFormulaValue = { formula: s.formula, date1904: false };
    if (s.result !== undefined) value.result = s.result;
    s.cell.value = value;
  }
}

/** Sets each write of the plans on the workbook (formula + cached result, or a value). */
export function applyPlansToWorkbook(wb: ExcelJS.Workbook, plans: readonly WritePlan[]): number {
  const sheets = new Map<string, ExcelJS.Worksheet>();
  let n = 0;
  for (const plan of plans) {
    for (const w of plan.writes) {
      let ws = sheets.get(w.sheet);
      if (!ws) {
        ws = wb.getWorksheet(w.sheet);
        if (!ws) throw new PlanApplyError(`シート「${w.sheet}」がブックにありません。`);
        unshareFormulas(ws);
        sheets.set(w.sheet, ws);
      }
      const cell = ws.getCell(w.address);
      if (w.after.formula !== undefined) {
        const value: ExcelJS.CellFormulaValue = { formula: w.after.formula, date1904: false };
        const r = result(w.expected);
        if (r !== undefined) value.result = r;
        cell.value = value;
      } else {
        cell.value = w.after.value;
      }
      n++;
    }
    // Cells the plan leaves alone but whose formulas recompute: their cached results follow, so that a reader
    // that does not recalculate (or a preview) sees the same numbers as Excel.
    for (const e of plan.effects ?? []) {
      const cell = sheets.get(e.sheet)?.getCell(e.address);
      if (cell?.type !== ExcelJS.ValueType.Formula) continue;
      const value: ExcelJS.CellFormulaValue = { formula: cell.formula, date1904: false };
      const r = result(e.after);
      if (r !== undefined) value.result = r;
      cell.value = value;
    }
  }
  // Excel recomputes on opening, so the cached results can never outlive the inputs they came from.
  if (n > 0) wb.calcProperties.fullCalcOnLoad = true;
  return n;
}

/** A new workbook (bytes) with the plans applied to a copy of `input`. */
export async function writePlannedCopy(input: Buffer, plans: readonly WritePlan[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  applyPlansToWorkbook(wb, plans);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
