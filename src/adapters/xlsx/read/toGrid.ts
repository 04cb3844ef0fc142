// The exceljs → Grid mapping: each worksheet exceljs read becomes a plain Grid of values, formulas and number
// formats (0-based), with the merged areas and notes the safety pass read of it.
import type ExcelJS from 'exceljs';
import { Grid, type CellValue, type GridCell, type SheetVisibility } from '../../../core/grid';
import { count, sheetUnreadable, tooManyCells } from './errors';
import type { SheetFacts } from './xmlSafety';

interface ErrorLike {
  error: string;
}
interface RichTextLike {
  richText: { text?: unknown }[];
}

function isErrorLike(v: unknown): v is ErrorLike {
  return typeof v === 'object' && v !== null && typeof (v as { error?: unknown }).error === 'string';
}

function isRichTextLike(v: unknown): v is RichTextLike {
  return typeof v === 'object' && v !== null && Array.isArray((v as { richText?: unknown }).richText);
}

function richTextToString(v: RichTextLike): string {
  return v.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
}

/** Maps a plain exceljs value (or a formula's cached result) to a CellValue. */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    // exceljs turns every date-formatted result into a Date, even an error result: the error text is lost.
    return Number.isNaN(v.getTime()) ? { error: '#VALUE!' } : v;
  }
  if (isErrorLike(v)) return { error: v.error };
  if (isRichTextLike(v)) return richTextToString(v);
  if (typeof v === 'object' && 'text' in v) {
    const t = (v as { text: unknown }).text;
    return isRichTextLike(t) ? richTextToString(t) : typeof t === 'string' ? t : t == null ? null : String(t);
  }
  return null;
}

type ValueTypes = typeof ExcelJS.ValueType;

function mapCell(cell: ExcelJS.Cell, row: number, col: number, vt: ValueTypes): GridCell | null {
  const type = cell.type;
  // A merged-away cell: its label shows once, at the merge's top-left cell.
  if (type === vt.Merge || type === vt.Null) return null;

  const out: GridCell = { row, col, value: null };
  if (type === vt.Formula) {
    // cell.value drops a cached 0 (falsy); cell.result keeps it.
    out.value = plainValue(cell.result);
    let formula: string | undefined;
    try {
      // For a shared-formula slave exceljs translates the master's formula to this cell.
      formula = cell.formula;
    } catch {
      formula = undefined;
    }
    if (typeof formula === 'string' && formula !== '') out.formula = formula.replace(/^=/, '');
  } else {
    out.value = plainValue(cell.value);
  }
  const numFmt = cell.numFmt;
  if (typeof numFmt === 'string' && numFmt !== '') out.numFmt = numFmt;
  if (out.value === null && out.formula === undefined) return null;
  return out;
}

function worksheetToGrid(ws: ExcelJS.Worksheet, facts: SheetFacts, budget: { cells: number; max: number }, vt: ValueTypes): Grid {
  const cells: GridCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = mapCell(cell, rowNumber - 1, colNumber - 1, vt);
      if (!c) return;
      if (++budget.cells > budget.max) throw tooManyCells(`使われているセルの数(${count(budget.max)} 個超)が多すぎる`);
      cells.push(c);
    });
  });
  if (cells.length === 0 && facts.valueCells > 0) throw sheetUnreadable(ws.id);
  return new Grid(ws.name, cells, facts.merges, facts.notes, visibilityOf(ws.state));
}

/** exceljs's worksheet state, from the workbook's <sheet state="…">; anything else (or none) is a visible sheet. */
function visibilityOf(state: unknown): SheetVisibility {
  return state === 'hidden' || state === 'veryHidden' ? state : 'visible';
}

const NONE: Readonly<SheetFacts> = { merges: [], valueCells: 0, notes: [] };

/**
 * One Grid per worksheet, in tab order (hidden sheets included, each with its visibility). `facts[i]` belongs to the sheet whose id is
 * i + 1: the rebuilt package numbers its sheets in tab order.
 */
export function workbookToGrids(wb: ExcelJS.Workbook, facts: readonly SheetFacts[], maxCells: number, vt: ValueTypes): Grid[] {
  const budget = { cells: 0, max: maxCells };
  return wb.worksheets.map((ws) => worksheetToGrid(ws, facts[ws.id - 1] ?? NONE, budget, vt));
}
