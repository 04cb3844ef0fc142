// Writes laid-out forms to an .xlsx with exceljs: values, formulas with cached results, number formats, merges,
// a light fill on the input cells (色付け箇所, unlocked), bold titles, column widths, wrapped long labels,
// drop-down lists with their input messages, print setup (A4 landscape, print area, page breaks) and, when the
// layout asks for it, sheet protection without a password.
import ExcelJS from 'exceljs';
import { cellLook, rangeAddress, type LayoutCell, type LayoutSheet, type LayoutValidation } from '../../core/layout/sheet';

export interface WorkbookSheet {
  name: string;
  layout: LayoutSheet;
}

export interface WriteOptions {
  /** Stamped as created/modified and on every zip entry, so that rewriting gives the same bytes. */
  date?: Date;
  creator?: string;
}

const FIXED_DATE = new Date(Date.UTC(2020, 3, 1, 0, 0, 0));
/** The paperSize code of A4 in SpreadsheetML. */
const A4 = 9;
/** Protection without a password: the person may still select, resize and format, only not type over a formula. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: true,
  formatColumns: true,
  formatRows: true,
};

function cellValue(c: LayoutCell): ExcelJS.CellValue {
  if (c.formula !== undefined) {
    const v: ExcelJS.CellFormulaValue = { formula: c.formula, date1904: false };
    if (c.result !== undefined) v.result = c.result;
    return v;
  }
  return c.value ?? null;
}

const argb = (colour: string): string => `FF${colour.slice(1).toUpperCase()}`;

function styleCell(cell: ExcelJS.Cell, c: LayoutCell, merged: boolean): void {
  if (c.numFmt) cell.numFmt = c.numFmt;
  const look = cellLook(c, merged);
  if (look.bold || look.size) cell.font = { bold: look.bold ?? false, ...(look.size ? { size: look.size } : {}) };
  if (look.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(look.fill) } };
  if (look.box) {
    const thin: ExcelJS.Border = { style: 'thin', color: { argb: argb(look.box) } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (look.wrap !== undefined || look.horizontal || look.vertical) {
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (look.wrap !== undefined) alignment.wrapText = look.wrap;
    if (look.horizontal) alignment.horizontal = look.horizontal;
    if (look.vertical) alignment.vertical = look.vertical;
    cell.alignment = alignment;
  }
  // Excel locks every cell by default; the inputs stay open for typing when the sheet is protected.
  if (!look.locked) cell.protection = { locked: false };
}

/** A drop-down list, refusing other entries, with the message shown when the cell is selected. */
function listValidation(v: LayoutValidation): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${v.list.join(',')}"`],
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.text,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: v.error.title,
    error: v.error.text,
  };
}

export async function writeWorkbook(sheets: WorkbookSheet[], opts: WriteOptions = {}): Promise<Buffer> {
  const date = opts.date ?? FIXED_DATE;
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.creator ?? 'mishukin';
  wb.lastModifiedBy = opts.creator ?? 'mishukin';
  wb.created = date;
  wb.modified = date;

  for (const { name, layout } of sheets) {
    // A4 landscape, one page wide, as the forms are printed.
    const ws = wb.addWorksheet(name, {
      pageSetup: { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const mergedTopLeft = new Set(layout.merges.map((m) => `${m.top},${m.left}`));
    for (const c of layout.cells) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      cell.value = cellValue(c);
      styleCell(cell, c, mergedTopLeft.has(`${c.row},${c.col}`));
    }
    for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const [col, w] of Object.entries(layout.columnWidths ?? {})) ws.getColumn(Number(col) + 1).width = w;
    for (const [row, h] of Object.entries(layout.rowHeights ?? {})) ws.getRow(Number(row) + 1).height = h;
    for (const v of layout.validations ?? []) {
      for (const c of v.cells) ws.getCell(c.row + 1, c.col + 1).dataValidation = listValidation(v);
    }
    if (layout.print) {
      ws.pageSetup.printArea = rangeAddress(layout.print.area);
      ws.pageSetup.horizontalCentered = true;
      // exceljs breaks below the 1-based row it is called on, i.e. above the 0-based row of the same number.
      for (const r of layout.print.pageStarts) ws.getRow(r).addPageBreak();
    }
    if (layout.protect) await ws.protect('', PROTECTION);
  }

  const out = await wb.xlsx.writeBuffer();
  return stampZipDates(Buffer.from(out as ArrayBuffer), date);
}

/**
 * exceljs (via JSZip) stamps every zip entry with the current time; overwrite the DOS date/time of each local
 * and central header so that the same workbook always gives the same bytes.
 */
export function stampZipDates(buf: Buffer, date: Date): Buffer {
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: end of central directory not found');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('not a zip: bad central directory entry');
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) === 0x04034b50) {
      buf.writeUInt16LE(dosTime, local + 10);
      buf.writeUInt16LE(dosDate, local + 12);
    }
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}
