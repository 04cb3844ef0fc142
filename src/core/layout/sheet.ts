// A laid-out worksheet as plain data: cells (value or formula with its cached result, number format, style,
// logical key), merges, column widths, row heights, data-validation lists, print setup and protection.
// The layouts produce it; the adapters (.xlsx writer, Office.js) write it. Pure: no exceljs, no Node.
import { a1 } from '../grid';

export type CellStyle = 'title' | 'section' | 'label' | 'input' | 'computed' | 'code';

export interface LayoutCell {
  /** 0-based, absolute (the offset is already applied). */
  row: number;
  col: number;
  value?: number | string | null;
  /** Without the leading "=". */
  formula?: string;
  /** The cached result of the formula. */
  result?: number | string;
  numFmt?: string;
  /** 'input' cells are the form's 色付け箇所: shaded and unlocked; every other cell is locked under protection. */
  style?: CellStyle;
  /** Logical key (form spec §3), e.g. "trend.D.ケ''". */
  key?: string;
  /** Room for sentences: wrapped, from the top (the narrative). */
  wrap?: boolean;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface LayoutRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type LayoutMerge = LayoutRange;

/** A drop-down list on input cells, with the message Excel shows when the cell is selected. */
export interface LayoutValidation {
  /** Absolute positions of the cells it applies to. */
  cells: { row: number; col: number }[];
  list: readonly string[];
  prompt: { title: string; text: string };
  error: { title: string; text: string };
}

export interface LayoutPrint {
  area: LayoutRange;
  /** Absolute rows that start a new page. */
  pageStarts: number[];
  /** A4 landscape, as many pages down as needed, one page wide. */
  paper: 'A4';
  orientation: 'landscape';
  fitToWidth: 1;
}

export interface LayoutSheet {
  cells: LayoutCell[];
  merges: LayoutMerge[];
  /** Absolute column → width in characters. */
  columnWidths?: Record<number, number>;
  /** Absolute row → height in points. */
  rowHeights?: Record<number, number>;
  validations?: LayoutValidation[];
  print?: LayoutPrint;
  /** Protect the sheet without a password: computed cells and labels locked, input cells open. */
  protect?: boolean;
}

export const COUNT_FORMAT = '#,##0';
export const RATE_FORMAT = '0.0%';

export type NegativeStyle = 'triangle' | 'minus';

/** 千円 amounts: 1,234 and ▲1,262 (as the form prints a negative), or -1,262. */
export function amountFormat(negative: NegativeStyle = 'triangle'): string {
  return negative === 'minus' ? '#,##0;-#,##0' : '#,##0;"▲"#,##0';
}

/** Collects cells and merges at an offset; positions passed in are relative to the form's top-left. */
export class LayoutBuilder {
  readonly cells: LayoutCell[] = [];
  readonly merges: LayoutMerge[] = [];
  readonly columnWidths: Record<number, number> = {};
  readonly rowHeights: Record<number, number> = {};
  readonly validations: LayoutValidation[] = [];

  constructor(
    readonly top: number,
    readonly left: number,
  ) {}

  /** A1 address of a relative position. */
  addr(row: number, col: number): string {
    return a1(this.top + row, this.left + col);
  }

  put(row: number, col: number, cell: Omit<LayoutCell, 'row' | 'col'>): LayoutCell {
    const c: LayoutCell = { row: this.top + row, col: this.left + col, ...cell };
    this.cells.push(c);
    return c;
  }

  text(row: number, col: number, value: string, style: CellStyle = 'label'): void {
    this.put(row, col, { value, style });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.merges.push(this.range(top, left, bottom, right));
  }

  /** An absolute range from relative corners. */
  range(top: number, left: number, bottom: number, right: number): LayoutRange {
    return { top: this.top + top, left: this.left + left, bottom: this.top + bottom, right: this.left + right };
  }

  width(col: number, w: number): void {
    this.columnWidths[this.left + col] = w;
  }

  height(row: number, h: number): void {
    this.rowHeights[this.top + row] = h;
  }

  validate(cells: readonly [number, number][], v: Omit<LayoutValidation, 'cells'>): void {
    this.validations.push({ ...v, cells: cells.map(([row, col]) => ({ row: this.top + row, col: this.left + col })) });
  }

  sheet(): LayoutSheet {
    return {
      cells: this.cells,
      merges: this.merges,
      columnWidths: this.columnWidths,
      rowHeights: this.rowHeights,
      validations: this.validations,
    };
  }
}

/** A worksheet's print area as an A1 range ("B2:W52"). */
export function rangeAddress(r: LayoutRange): string {
  return `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

/** How a cell looks, decided once for every writer (.xlsx, Excel): colours as #RRGGBB. */
export interface CellLook {
  fill?: string;
  /** Thin box around the cell, in this colour. */
  box?: string;
  bold?: boolean;
  size?: number;
  wrap?: boolean;
  horizontal?: 'center' | 'right';
  vertical?: 'top' | 'middle';
  /** False only for the input cells: they stay open when the sheet is protected. */
  locked: boolean;
}

/** 色付け箇所: the light yellow of the published forms' input cells. */
export const INPUT_FILL = '#FFF2CC';
const HEAD_FILL = '#EDEDED';
const BOX_COLOUR = '#999999';
const TITLE_SIZE = 14;
/** Labels longer than this wrap inside their cell. */
const SHORT_LABEL = 12;
/** Inputs holding more text than this wrap from the top. */
const SHORT_INPUT = 20;
/** Unmerged labels longer than this are section titles and notes that run across empty cells: never wrapped. */
const RUNNING_TEXT = 40;

/** The look of one cell; `merged` says whether it is the top-left of a merged area. */
export function cellLook(c: LayoutCell, merged: boolean): CellLook {
  const text = typeof c.value === 'string' ? c.value : '';
  switch (c.style) {
    case 'title':
      return { bold: true, size: TITLE_SIZE, locked: true };
    case 'section':
      return { bold: true, locked: true };
    case 'input':
      return c.wrap || text.length > SHORT_INPUT
        ? { fill: INPUT_FILL, box: BOX_COLOUR, wrap: true, vertical: 'top', locked: false }
        : { fill: INPUT_FILL, box: BOX_COLOUR, locked: false };
    case 'computed':
      return { box: BOX_COLOUR, horizontal: 'right', locked: true };
    case 'code':
      return { fill: HEAD_FILL, box: BOX_COLOUR, wrap: true, vertical: 'middle', horizontal: 'center', locked: true };
    case 'label':
      if (text.length > RUNNING_TEXT && !merged) return { wrap: false, vertical: 'middle', locked: true };
      if (text.includes('\n') || text.length > SHORT_LABEL) return { wrap: true, vertical: 'middle', locked: true };
      return { locked: true };
    default:
      return { locked: true };
  }
}

/** An Excel column width in characters as points (a character of the default font is 7 px plus 5 px of padding). */
export function columnWidthPoints(chars: number): number {
  const PX_PER_CHAR = 7;
  const PADDING_PX = 5;
  const PT_PER_PX = 0.75;
  return (chars * PX_PER_CHAR + PADDING_PX) * PT_PER_PX;
}
