// Adds a laid-out worksheet (新しい調査書, 翌年度へ繰り越し) to the open workbook with Office.js: contents, number
// formats, merges, the shared cell looks, column widths and row heights, drop-down lists with their messages, print
// setup and, when asked, protection without a password. It only adds a sheet: no existing cell is touched.
// Adding a worksheet clears Excel's undo history on desktop (see ADD_SHEET_APIS): the pane says so before calling it.
import { a1 } from '../../core/grid';
import { cellLook, columnWidthPoints, rangeAddress, type LayoutCell, type LayoutRange, type LayoutSheet } from '../../core/layout/sheet';
import { withTimeout } from './officeAdapter';
import { AdapterError } from './workbookAdapter';

/** The Office.js calls addSheet makes, with what they do to the undo history, for the pane's API ledger. */
export const ADD_SHEET_APIS = [
  { api: 'WorksheetCollection.load(items/name)', set: 'ExcelApi 1.1', kind: 'read', undo: 'none (read)' },
  {
    api: 'WorksheetCollection.add',
    set: 'ExcelApi 1.1',
    kind: 'write',
    undo: 'clears the undo history on Windows/Mac (office-js#6170, by design); the pane warns before calling it',
  },
  { api: 'Range.formulas / Range.numberFormat', set: 'ExcelApi 1.1', kind: 'write', undo: 'undoable (new sheet only)' },
  { api: 'Range.merge', set: 'ExcelApi 1.2', kind: 'write', undo: 'undoable (new sheet only)' },
  { api: 'RangeFormat fill/font/borders/alignment/wrapText', set: 'ExcelApi 1.1', kind: 'write', undo: 'undoable (new sheet only)' },
  { api: 'RangeFormat.columnWidth / rowHeight, protection.locked', set: 'ExcelApi 1.2', kind: 'write', undo: 'not verified' },
  { api: 'Range.dataValidation (rule, prompt, errorAlert)', set: 'ExcelApi 1.8', kind: 'write', undo: 'not verified' },
  { api: 'PageLayout (orientation, paperSize, zoom, centerHorizontally, setPrintArea), horizontalPageBreaks.add', set: 'ExcelApi 1.9', kind: 'write', undo: 'not verified' },
  { api: 'WorksheetProtection.protect (only with --protect)', set: 'ExcelApi 1.2', kind: 'write', undo: 'not verified' },
  { api: 'Worksheet.activate', set: 'ExcelApi 1.1', kind: 'write', undo: 'none (selection)' },
] as const;

/** The requirement set the whole of addSheet needs (page layout). */
export const ADD_SHEET_REQUIREMENT = { set: 'ExcelApi', version: '1.9' } as const;

export interface SheetWriter {
  /** The names of the workbook's worksheets (for a new name that is not taken). */
  sheetNames(): Promise<string[]>;
  /** Adds the sheet after the last one and activates it. */
  addSheet(name: string, layout: LayoutSheet): Promise<void>;
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What to put in Range.formulas for a laid-out cell ('' leaves it empty; an apostrophe keeps text text). */
function formulaOf(c: LayoutCell): string | number {
  if (c.formula !== undefined) return `=${c.formula}`;
  const v = c.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' && /^[\s=+\-@\d.,]/.test(v)) return `'${v}`;
  return v;
}

/** The rectangle every cell of the layout lies in (its print area, else the cells' bounds). */
function extent(layout: LayoutSheet): LayoutRange {
  if (layout.print) return layout.print.area;
  const rows = layout.cells.map((c) => c.row);
  const cols = layout.cells.map((c) => c.col);
  return { top: Math.min(...rows), left: Math.min(...cols), bottom: Math.max(...rows), right: Math.max(...cols) };
}

const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

function styleCell(ws: Excel.Worksheet, c: LayoutCell, merged: boolean): void {
  const look = cellLook(c, merged);
  const f = ws.getRangeByIndexes(c.row, c.col, 1, 1).format;
  if (look.bold) f.font.bold = true;
  if (look.size) f.font.size = look.size;
  if (look.fill) f.fill.color = look.fill;
  if (look.box) {
    for (const edge of BORDER_EDGES) {
      const b = f.borders.getItem(edge);
      b.style = 'Continuous';
      b.color = look.box;
    }
  }
  if (look.wrap !== undefined) f.wrapText = look.wrap;
  if (look.horizontal) f.horizontalAlignment = look.horizontal === 'center' ? 'Center' : 'Right';
  if (look.vertical) f.verticalAlignment = look.vertical === 'top' ? 'Top' : 'Center';
  if (!look.locked) f.protection.locked = false;
}

/** Queues the whole sheet in one batch (one sync): a form is about a thousand cells. */
export function queueLayout(ws: Excel.Worksheet, layout: LayoutSheet): void {
  const area = extent(layout);
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const formulas: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(''));
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill('General'));
  for (const c of layout.cells) {
    formulas[c.row - area.top]![c.col - area.left] = formulaOf(c);
    if (c.numFmt) formats[c.row - area.top]![c.col - area.left] = c.numFmt;
  }
  const range = ws.getRange(rangeAddress(area));
  range.numberFormat = formats;
  range.formulas = formulas;
  for (const m of layout.merges) ws.getRange(rangeAddress(m)).merge(false);
  const mergedTopLeft = new Set(layout.merges.map((m) => `${m.top},${m.left}`));
  for (const c of layout.cells) styleCell(ws, c, mergedTopLeft.has(`${c.row},${c.col}`));
  for (const [col, w] of Object.entries(layout.columnWidths ?? {})) ws.getRangeByIndexes(0, Number(col), 1, 1).format.columnWidth = columnWidthPoints(w);
  for (const [row, h] of Object.entries(layout.rowHeights ?? {})) ws.getRangeByIndexes(Number(row), 0, 1, 1).format.rowHeight = h;
  for (const v of layout.validations ?? []) {
    for (const cell of v.cells) {
      const dv = ws.getRangeByIndexes(cell.row, cell.col, 1, 1).dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: v.list.join(',') } };
      dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: v.error.title, message: v.error.text };
    }
  }
  if (layout.print) {
    const p = ws.pageLayout;
    p.orientation = 'Landscape';
    p.paperSize = 'A4';
    p.centerHorizontally = true;
    p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    p.setPrintArea(rangeAddress(layout.print.area));
    for (const row of layout.print.pageStarts) ws.horizontalPageBreaks.add(a1(row, layout.print.area.left));
  }
  if (layout.protect) ws.protection.protect({ allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true });
}

/** Adding a whole form is one larger batch than a read: it gets more time. */
const ADD_SHEET_TIMEOUT_MS = 30_000;

/** The writer over Office.js, each call with a timeout. */
export function createOfficeSheetWriter(timeoutMs = ADD_SHEET_TIMEOUT_MS): SheetWriter {
  return createSheetWriter((batch) => withTimeout(Excel.run(batch), timeoutMs));
}

export function createSheetWriter(run: Run): SheetWriter {
  return {
    sheetNames: () =>
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        return sheets.items.map((s) => s.name);
      }),
    addSheet: (name, layout) =>
      run(async (context) => {
        if (!Office.context.requirements.isSetSupported(ADD_SHEET_REQUIREMENT.set, ADD_SHEET_REQUIREMENT.version)) {
          throw new AdapterError('api', 'この Excel ではシートを追加できません(ExcelApi 1.9 以降が必要です)。Excel を更新するか、コマンド(mishukin new / rollover)で作ってください。');
        }
        const ws = context.workbook.worksheets.add(name);
        queueLayout(ws, layout);
        ws.activate();
        await context.sync();
      }),
  };
}
