// Writes a laid-out form (the one layout definition, src/core/layout) onto a worksheet the same batch has just added,
// with Office.js: labels, inputs and formulas, number formats, merges, the cell looks every writer shares (shading
// of the input cells, boxes, bold headings, wrapping, alignment, unlocked inputs), column widths, row heights,
// drop-down lists with their Japanese messages, print setup and, when asked, protection without a password. Only
// that sheet is written. Loaded with the sheet commands (新しい調査書, 翌年度へ繰り越し), never with the pane.
//
// What a host lacks is left out, and said: ExcelApi 1.2 is needed for the form at all (merges, widths, locking),
// 1.8 for the drop-down lists, 1.9 for the print setup (the API ledger names the set of each call).
import { a1 } from '../../core/grid';
import {
  cellLook,
  columnWidthPoints,
  rangeAddress,
  type CellLook,
  type LayoutCell,
  type LayoutRange,
  type LayoutSheet,
} from '../../core/layout/sheet';
import { cellInput } from './cellInput';

/** The least ExcelApi that can add the form: merges, column widths, row heights, unlocked input cells (1.2). */
export const SHEET_BASE_MINOR = 2;

/** Parts of the form a host may lack: the ExcelApi minor version each needs, and what it is, in Japanese. */
export const SHEET_FEATURES = {
  validation: { minor: 8, ja: '債権区分と達成状況の一覧(入力規則)と、選んだときの説明' },
  print: { minor: 9, ja: '印刷の設定(A4 横・横 1 ページ・印刷範囲・改ページ)' },
} as const;
export type SheetFeature = keyof typeof SHEET_FEATURES;

export interface SheetSupport {
  /** ExcelApi 1.2 is there: the form can be added. */
  base: boolean;
  /** The parts this host cannot set. */
  lacking: SheetFeature[];
}

export function sheetSupport(excelApi: (minor: number) => boolean): SheetSupport {
  const lacking = (Object.keys(SHEET_FEATURES) as SheetFeature[]).filter((f) => !excelApi(SHEET_FEATURES[f].minor));
  return { base: excelApi(SHEET_BASE_MINOR), lacking };
}

/** What a host without `f` does not get, in Japanese (said in the preview and after adding). */
export function lackingNote(f: SheetFeature): string {
  const { minor, ja } = SHEET_FEATURES[f];
  return `この Excel は ExcelApi 1.${minor} に対応していないため、${ja}は設定できません(そのほかはすべて設定します)。`;
}

/** Why no sheet can be added on this host, in Japanese. */
export const NO_SHEET_SUPPORT =
  `この Excel は ExcelApi 1.${SHEET_BASE_MINOR} に対応していないため、作業ウィンドウからはシートを追加できません。` +
  'コマンドの mishukin new / mishukin rollover で .xlsx を作ってください。';

/** The rectangle that holds every cell of the layout and its print area. */
function extent(layout: LayoutSheet): LayoutRange {
  const r: LayoutRange = layout.print ? { ...layout.print.area } : { top: Infinity, left: Infinity, bottom: -Infinity, right: -Infinity };
  for (const c of layout.cells) {
    r.top = Math.min(r.top, c.row);
    r.left = Math.min(r.left, c.col);
    r.bottom = Math.max(r.bottom, c.row);
    r.right = Math.max(r.right, c.col);
  }
  return r;
}

/** What Range.formulas takes for a laid-out cell: a formula, a value, or '' for a blank. */
function input(c: LayoutCell): string | number | boolean {
  return cellInput(c.formula !== undefined ? { value: null, formula: c.formula } : { value: c.value ?? null });
}

/** A look that leaves a cell as a new sheet has it (every cell is locked by default). */
const isPlain = (look: CellLook): boolean => Object.keys(look).length === 1 && look.locked;

interface Block {
  range: LayoutRange;
  look: CellLook;
}

/**
 * The cells to format, as few ranges as possible: a merged area whole (its box goes round the area), and runs of
 * neighbouring cells in a row that look alike (a trend row's computed cells are one range, not eleven).
 */
function blocks(layout: LayoutSheet): Block[] {
  const merges = new Map(layout.merges.map((m) => [`${m.top},${m.left}`, m]));
  const out: Block[] = [];
  const singles: { cell: LayoutCell; look: CellLook; key: string }[] = [];
  for (const c of layout.cells) {
    const merged = merges.get(`${c.row},${c.col}`);
    const look = cellLook(c, merged !== undefined);
    if (isPlain(look)) continue;
    if (merged) out.push({ range: merged, look });
    else singles.push({ cell: c, look, key: JSON.stringify(look) });
  }
  singles.sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col);
  for (const s of singles) {
    const last = out.at(-1);
    const continues =
      last && last.range.top === s.cell.row && last.range.bottom === s.cell.row && last.range.right === s.cell.col - 1 && JSON.stringify(last.look) === s.key;
    if (continues) last.range.right = s.cell.col;
    else out.push({ range: { top: s.cell.row, left: s.cell.col, bottom: s.cell.row, right: s.cell.col }, look: s.look });
  }
  return out;
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

function applyLook(format: Excel.RangeFormat, look: CellLook, severalColumns: boolean): void {
  if (look.fill) format.fill.color = look.fill;
  if (look.bold) format.font.bold = true;
  if (look.size) format.font.size = look.size;
  if (look.box) {
    // Each cell of a run gets its own box, as in the .xlsx the CLI writes.
    for (const edge of severalColumns ? [...EDGES, 'InsideVertical' as const] : EDGES) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = look.box;
    }
  }
  // A new sheet does not wrap: only `true` needs saying.
  if (look.wrap) format.wrapText = true;
  if (look.horizontal) format.horizontalAlignment = look.horizontal === 'center' ? 'Center' : 'Right';
  if (look.vertical) format.verticalAlignment = look.vertical === 'top' ? 'Top' : 'Center';
  if (!look.locked) format.protection.locked = false;
}

/** "C:C" for a 0-based column, "5:5" for a 0-based row. */
function column(col: number): string {
  const letters = a1(0, col).replace(/\d+$/, '');
  return `${letters}:${letters}`;
}
const row = (r: number): string => `${r + 1}:${r + 1}`;

/**
 * Queues the whole form on `ws` (the caller syncs once). `lacking`: parts this host cannot set, left out.
 * Nothing outside `ws` is asked for or written.
 */
export function writeLayout(ws: Excel.Worksheet, layout: LayoutSheet, lacking: readonly SheetFeature[]): void {
  const area = extent(layout);
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  const formulas: (string | number | boolean)[][] = Array.from({ length: rows }, () => Array<string | number | boolean>(cols).fill(''));
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill('General'));
  for (const c of layout.cells) {
    formulas[c.row - area.top]![c.col - area.left] = input(c);
    if (c.numFmt) formats[c.row - area.top]![c.col - area.left] = c.numFmt;
  }
  // Formats first, so that each value is shown in its format the moment it is written.
  const whole = ws.getRange(rangeAddress(area));
  whole.numberFormat = formats;
  whole.formulas = formulas;

  for (const m of layout.merges) ws.getRange(rangeAddress(m)).merge(false);
  for (const b of blocks(layout)) applyLook(ws.getRange(rangeAddress(b.range)).format, b.look, b.range.right > b.range.left);
  for (const [col, chars] of Object.entries(layout.columnWidths ?? {})) {
    ws.getRange(column(Number(col))).format.columnWidth = columnWidthPoints(chars);
  }
  for (const [r, points] of Object.entries(layout.rowHeights ?? {})) ws.getRange(row(Number(r))).format.rowHeight = points;

  if (!lacking.includes('validation')) {
    for (const v of layout.validations ?? []) {
      for (const c of v.cells) {
        const dv = ws.getRange(a1(c.row, c.col)).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: v.list.join(',') } };
        dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
        dv.errorAlert = { showAlert: true, style: 'Stop', title: v.error.title, message: v.error.text };
      }
    }
  }
  if (layout.print && !lacking.includes('print')) {
    const page = ws.pageLayout;
    page.orientation = 'Landscape';
    page.paperSize = 'A4';
    page.centerHorizontally = true;
    page.zoom = { horizontalFitToPages: layout.print.fitToWidth };
    page.setPrintArea(rangeAddress(layout.print.area));
    // A page break goes above the cell named: each page start's row.
    for (const r of layout.print.pageStarts) ws.horizontalPageBreaks.add(a1(r, layout.print.area.left));
  }
  // Formulas locked, inputs open; formatting stays allowed, as in the .xlsx the CLI writes.
  if (layout.protect) ws.protection.protect({ allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true });
}
