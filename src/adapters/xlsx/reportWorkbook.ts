// Writes a report workbook: sheets of plain tables with Japanese headings, for people to read, filter and print.
// Each table has a frozen, filtered heading row, column widths, 千円 with separators, % with one decimal, links to
// other files (HYPERLINK formulas with relative paths), formulas with cached results, and A4 landscape printing.
// Rows are streamed to the file as they are made, so a long report is never held in memory as a workbook.
import ExcelJS from 'exceljs';
import { columnName } from '../../core/grid';
import { displayWidth } from '../../core/text/width';

/** A place in another workbook: a path relative to the report's folder ('/' separated), optionally a cell there. */
export interface LinkTarget {
  path: string;
  /** A sheet and cell, e.g. 'シート名'!B12 (Excel's sub-address, after "#"). */
  location?: string;
}

export type Tone = 'bad' | 'warn' | 'good';

export type ReportValue = string | number | null;

export interface ReportCell {
  /** What the cell shows; for a formula, its cached result (for viewers that do not recalculate). */
  value: ReportValue;
  link?: LinkTarget;
  /**
   * A formula without "=". {r} stands for this cell's row; {first} and {last} for the first and last row of its
   * table's body (the writer places the tables, so the caller need not count rows).
   */
  formula?: string;
  tone?: Tone;
}

export type CellInput = ReportValue | ReportCell;

/** text: one line; wrap: long text wrapped; amount: 千円 with separators, ▲ for negatives; count; percent: 0.0%. */
export type ColumnFormat = 'text' | 'wrap' | 'amount' | 'count' | 'percent';

export interface ReportColumn {
  header: string;
  /** In characters of the default font (a Japanese character takes about two). */
  width: number;
  format?: ColumnFormat;
}

export interface ReportTable {
  columns: readonly ReportColumn[];
  rows: readonly (readonly CellInput[])[];
  /** A closing row (合計), bold with a rule above; not part of the filtered range. */
  total?: readonly CellInput[];
}

export interface ReportSheet {
  name: string;
  /** Stacked from the top with one empty row between; the first one's heading is frozen and filtered. */
  tables: readonly ReportTable[];
  /** Lines under the tables. */
  notes?: readonly string[];
}

export interface ReportBookOptions {
  /** The print header of every page. */
  title: string;
  created: Date;
}

const NUM_FMT: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  wrap: undefined,
  amount: '#,##0;"▲"#,##0',
  count: '#,##0',
  percent: '0.0%',
};

const TONE_FILL: Record<Tone, string> = { bad: 'FFF8CBAD', warn: 'FFFFE699', good: 'FFE2EFDA' };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFA6A6A6' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };
/** A4 in Excel's paper size codes. */
const PAPER_A4 = 9;
/** Excel keeps a text constant in a formula to this many characters; a longer link is written as plain text. */
const MAX_FORMULA_TEXT = 255;
/** The report's font size (pt): a little under Excel's 11, so that a wide list stays readable on A4. */
const FONT_SIZE = 10;
/** Height of one line of text at FONT_SIZE (pt), Japanese glyphs included. */
const LINE_HEIGHT = 14.5;
/** Headings take two or three lines (most are two: a name and its unit). */
const HEAD_LINES = { min: 2, max: 3 };
/** A wrapped cell taller than this many lines is cut (Excel's limit is 409 pt; a finding is never that long). */
const MAX_LINES = 12;

function isCell(c: CellInput): c is ReportCell {
  return typeof c === 'object' && c !== null;
}

/** A string constant inside a formula. */
function quoted(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** =HYPERLINK("path#location","text"): opens the file (at the cell, where the viewer can) from the report's folder. */
function hyperlinkFormula(link: LinkTarget, text: string): string | null {
  const target = link.location === undefined ? link.path : `${link.path}#${link.location}`;
  // A "#" in the path itself would be taken as the start of the location.
  if (link.path.includes('#') || target.length > MAX_FORMULA_TEXT || text.length > MAX_FORMULA_TEXT) return null;
  return `HYPERLINK(${quoted(target)},${quoted(text)})`;
}

interface RowPlace {
  r: number;
  first: number;
  last: number;
}

function placed(formula: string, at: RowPlace): string {
  return formula.replace(/\{(r|first|last)\}/g, (_m, k: keyof RowPlace) => String(at[k]));
}

/** What a cell holds: a value, or a formula with its cached result (a link is a HYPERLINK formula). */
function cellContent(c: CellInput, at: RowPlace): { value: ReportValue; formula?: string; isLink: boolean } {
  if (!isCell(c)) return { value: c, isLink: false };
  if (c.formula !== undefined) return { value: c.value ?? '', formula: placed(c.formula, at), isLink: false };
  if (c.link && c.value !== null) {
    const formula = hyperlinkFormula(c.link, String(c.value));
    if (formula) return { value: String(c.value), formula, isLink: true };
  }
  return { value: c.value, isLink: false };
}

function setContent(cell: ExcelJS.Cell, content: { value: ReportValue; formula?: string }): void {
  if (content.formula === undefined) {
    cell.value = content.value;
    return;
  }
  cell.value = { formula: content.formula, date1904: false } as ExcelJS.CellFormulaValue;
  // exceljs copies only truthy fields of a formula value, so a result of 0 would be lost; its model keeps it.
  cell.model = { ...cell.model, result: content.value };
}

/** Lines a text takes in a column of `width` units when wrapped (Excel does not size rows itself on opening). */
function linesIn(text: string, width: number): number {
  // One width unit holds about one digit (half a Japanese character); less the cell's padding, and rather a line too
  // many than a line cut off.
  const room = Math.max(width - 2, 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}

/** The row height that shows every wrapped cell whole. */
function rowHeight(columns: readonly ReportColumn[], cells: readonly CellInput[]): number | undefined {
  let lines = 1;
  cells.forEach((c, i) => {
    const col = columns[i];
    const v = isCell(c) ? c.value : c;
    if (col?.format === 'wrap' && typeof v === 'string') lines = Math.max(lines, linesIn(v, col.width));
  });
  return lines > 1 ? Math.min(lines, MAX_LINES) * LINE_HEIGHT : undefined;
}

const TOTAL_RULE: ExcelJS.Border = { style: 'double', color: { argb: 'FF595959' } };

/**
 * One style object per kind of cell, shared by every cell of that kind: exceljs recognises a style object it has
 * seen (a WeakMap) instead of serialising the style of each cell again, which is most of the cost of a long report.
 */
const STYLES = new Map<string, Partial<ExcelJS.Style>>();

function styleOf(format: ColumnFormat, tone: Tone | undefined, isLink: boolean, total: boolean): Partial<ExcelJS.Style> {
  const id = `${format}|${tone ?? ''}|${isLink}|${total}`;
  let style = STYLES.get(id);
  if (!style) {
    style = {
      border: total ? { ...BOX, top: TOTAL_RULE } : BOX,
      alignment: format === 'wrap' ? { vertical: 'top', wrapText: true } : { vertical: 'top' },
      font: { size: FONT_SIZE, ...(isLink ? LINK_FONT : {}), ...(total ? { bold: true } : {}) },
      ...(NUM_FMT[format] ? { numFmt: NUM_FMT[format] } : {}),
      ...(tone ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: TONE_FILL[tone] } } } : {}),
    };
    STYLES.set(id, style);
  }
  return style;
}

const NOTE_STYLE: Partial<ExcelJS.Style> = { font: { size: FONT_SIZE } };

const HEAD_STYLE: Partial<ExcelJS.Style> = {
  font: { size: FONT_SIZE, bold: true },
  fill: HEAD_FILL,
  border: BOX,
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};

function writeRow(ws: ExcelJS.Worksheet, at: RowPlace, columns: readonly ReportColumn[], cells: readonly CellInput[], total = false): void {
  const row = ws.getRow(at.r);
  const height = rowHeight(columns, cells);
  if (height !== undefined) row.height = height;
  cells.forEach((input, i) => {
    const cell = row.getCell(i + 1);
    const content = cellContent(input, at);
    setContent(cell, content);
    cell.style = styleOf(columns[i]?.format ?? 'text', isCell(input) ? input.tone : undefined, content.isLink, total);
  });
  row.commit();
}

function writeHeading(ws: ExcelJS.Worksheet, rowNo: number, columns: readonly ReportColumn[]): void {
  const row = ws.getRow(rowNo);
  const lines = Math.max(...columns.map((c) => linesIn(c.header, c.width)), HEAD_LINES.min);
  row.height = Math.min(lines, HEAD_LINES.max) * LINE_HEIGHT;
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.header;
    cell.style = HEAD_STYLE;
  });
  row.commit();
}

function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ReportSheet, opts: ReportBookOptions): void {
  const first = sheet.tables[0];
  const width = Math.max(...sheet.tables.map((t) => t.columns.length), 1);
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L${opts.title.replace(/&/g, '&&')}&R&A`,
      oddFooter: '&C&P / &N',
    },
  });
  // Only the first table's rows: a total row below it stays put when the list is sorted or filtered.
  if (first) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + first.rows.length, column: first.columns.length } };
  ws.columns = (first?.columns ?? []).map((c) => ({ width: c.width }));
  let rowNo = 1;
  for (const table of sheet.tables) {
    writeHeading(ws, rowNo++, table.columns);
    const body = { first: rowNo, last: rowNo + table.rows.length - 1 };
    for (const cells of table.rows) writeRow(ws, { r: rowNo++, ...body }, table.columns, cells);
    if (table.total) writeRow(ws, { r: rowNo++, ...body }, table.columns, table.total, true);
    rowNo++; // one empty row between tables
  }
  for (const note of sheet.notes ?? []) {
    const row = ws.getRow(rowNo++);
    row.getCell(1).value = note;
    row.getCell(1).style = NOTE_STYLE;
    row.commit();
  }
  // A print area keeps the notes' overflow out of an extra column of pages.
  ws.pageSetup.printArea = `A1:${columnName(width - 1)}${Math.max(rowNo - 1, 1)}`;
  ws.commit();
}

/** Writes the sheets to `file` (created or replaced). */
export async function writeReportWorkbook(sheets: readonly ReportSheet[], file: string, opts: ReportBookOptions): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = 'mishukin';
  wb.created = opts.created;
  wb.modified = opts.created;
  wb.title = opts.title;
  for (const sheet of sheets) addSheet(wb, sheet, opts);
  await wb.commit();
}
