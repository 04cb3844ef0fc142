// A plain 2-D grid of cells: what every adapter (Excel, .xlsx, tests) hands to the core.
// Rows and columns are 0-based here; addresses shown to people are A1-style.

/** An Excel error value such as #DIV/0! or #REF!. */
export interface CellError {
  error: string;
}

export type CellValue = number | string | boolean | Date | CellError | null;

export interface Cell {
  /** The value the cell shows (for a formula, its cached result). */
  value: CellValue;
  /** The formula without the leading "=", when the cell holds one. */
  formula?: string;
  /** The number format, e.g. "0.0%" or "#,##0". */
  numFmt?: string;
}

export interface GridCell extends Cell {
  row: number;
  col: number;
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

export function columnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** Parses "B12" (or "$B$12") into 0-based row/col; null when it is not an A1 address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** A merged area, 0-based and inclusive; its content sits in the top-left cell. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses "B2:C3" into a merged area; null when it is not a range. */
export function parseRange(ref: string): MergedArea | null {
  const [a, b] = ref.split(':');
  const p = a ? parseA1(a) : null;
  const q = b ? parseA1(b) : p;
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/**
 * Whether a worksheet's tab shows (Excel's three states; a very hidden sheet can be shown again only by code).
 * Set by the adapter that read the workbook; grids built elsewhere are visible.
 */
export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** One worksheet as a sparse grid. */
export class Grid {
  readonly rowCount: number;
  readonly colCount: number;
  private readonly rowsMap = new Map<number, Map<number, Cell>>();
  /** Merged areas by their top-left cell ("row,col"). */
  private readonly mergesByOrigin = new Map<string, MergedArea>();

  constructor(
    readonly name: string,
    cells: Iterable<GridCell>,
    readonly merges: readonly MergedArea[] = [],
    /** What the reader left out of this worksheet and why, in Japanese (an info finding on its forms). */
    readonly notes: readonly string[] = [],
    readonly visibility: SheetVisibility = 'visible',
  ) {
    for (const m of merges) this.mergesByOrigin.set(`${m.top},${m.left}`, m);
    let maxRow = -1;
    let maxCol = -1;
    for (const c of cells) {
      if (c.value === null && c.formula === undefined) continue;
      let row = this.rowsMap.get(c.row);
      if (!row) {
        row = new Map();
        this.rowsMap.set(c.row, row);
      }
      const cell: Cell = { value: c.value };
      if (c.formula !== undefined) cell.formula = c.formula;
      if (c.numFmt !== undefined) cell.numFmt = c.numFmt;
      row.set(c.col, cell);
      if (c.row > maxRow) maxRow = c.row;
      if (c.col > maxCol) maxCol = c.col;
    }
    this.rowCount = maxRow + 1;
    this.colCount = maxCol + 1;
  }

  /** Builds a grid from rows of plain values (tests, examples); `top`/`left` place it at an offset. */
  static fromRows(name: string, rows: readonly (readonly unknown[])[], top = 0, left = 0): Grid {
    const cells: GridCell[] = [];
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === undefined || v === null || v === '') return;
        if (typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'value' in v)) {
          const c = v as Partial<Cell>;
          cells.push({ row: top + i, col: left + j, value: c.value ?? null, formula: c.formula, numFmt: c.numFmt });
        } else {
          cells.push({ row: top + i, col: left + j, value: v as CellValue });
        }
      }),
    );
    return new Grid(name, cells);
  }

  /** The merged area whose top-left cell this is, if any. */
  mergeAt(row: number, col: number): MergedArea | undefined {
    return this.mergesByOrigin.get(`${row},${col}`);
  }

  cell(row: number, col: number): Cell | undefined {
    return this.rowsMap.get(row)?.get(col);
  }

  /** Non-empty cells of one row, by column, in column order. */
  rowCells(row: number): [number, Cell][] {
    const r = this.rowsMap.get(row);
    if (!r) return [];
    return [...r.entries()].sort((a, b) => a[0] - b[0]);
  }

  private ordered: GridCell[] | null = null;

  /** Every non-empty cell, row by row (computed once: a grid does not change). */
  cells(): readonly GridCell[] {
    if (!this.ordered) {
      const rows = [...this.rowsMap.keys()].sort((a, b) => a - b);
      this.ordered = rows.flatMap((r) => this.rowCells(r).map(([c, cell]) => ({ row: r, col: c, ...cell })));
    }
    return this.ordered;
  }

  get cellCount(): number {
    let n = 0;
    for (const r of this.rowsMap.values()) n += r.size;
    return n;
  }
}
