// An index of a worksheet's text cells, normalised once, and the look-ups recognition needs.
import { type Grid, type Cell, a1 } from '../grid';
import { normalizeLabel, normalizedLines } from '../text/normalize';
import type { Field, Region } from '../model/form';
import { type FieldKind, parseCell } from '../text/values';

export interface Label {
  row: number;
  col: number;
  raw: string;
  norm: string;
  lines: string[];
}

const LABEL_SPAN = 160;

export class LabelIndex {
  readonly labels: Label[] = [];
  private readonly byRow = new Map<number, Label[]>();

  constructor(readonly grid: Grid) {
    for (const c of grid.cells()) {
      if (typeof c.value !== 'string' || c.value.trim() === '') continue;
      // Labels are short and every pattern is anchored near the start: long narrative text is cut, not normalised whole.
      const lines = normalizedLines(c.value.length > LABEL_SPAN ? c.value.slice(0, LABEL_SPAN) : c.value);
      // Joining the normalised lines is normalizeLabel, without a second NFKC pass.
      const l: Label = { row: c.row, col: c.col, raw: c.value, norm: lines.join(''), lines };
      this.labels.push(l);
      const list = this.byRow.get(c.row);
      if (list) list.push(l);
      else this.byRow.set(c.row, [l]);
    }
  }

  row(row: number): Label[] {
    return this.byRow.get(row) ?? [];
  }

  /** Labels inside a region matching a predicate, row by row (labels are kept in row order: binary search). */
  find(region: Region, pred: (l: Label) => boolean): Label[] {
    let lo = 0;
    let hi = this.labels.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.labels[mid]!.row < region.top) lo = mid + 1;
      else hi = mid;
    }
    const out: Label[] = [];
    for (let i = lo; i < this.labels.length; i++) {
      const l = this.labels[i]!;
      if (l.row > region.bottom) break;
      if (l.col >= region.left && l.col <= region.right && pred(l)) out.push(l);
    }
    return out;
  }

  first(region: Region, pred: (l: Label) => boolean): Label | undefined {
    return this.find(region, pred)[0];
  }
}

export function band(region: Region, top: number, bottom: number): Region {
  return { ...region, top: Math.max(region.top, top), bottom: Math.min(region.bottom, bottom) };
}

export function isEmpty(cell: Cell | undefined): boolean {
  return !cell || cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '');
}

const UNIT_ONLY = /^[(（]?(人|件|千円|円)[)）]?$/;

/**
 * Where the value of a label sits: the first non-empty cell to its right (within a few columns, skipping unit
 * words such as 人), unless another label comes first. Labels laid out in a row with their values in the row
 * below (under this label and under the next one too) give the cell below; otherwise the value is the blank
 * cell just right of the label — never a legend or note that happens to sit below it.
 */
export function valueCellOf(
  grid: Grid,
  label: Label,
  isOtherLabel: (norm: string) => boolean,
  maxRight = 6,
): { row: number; col: number } {
  const textOf = (r: number, c: number) => {
    const v = grid.cell(r, c)?.value;
    return typeof v === 'string' ? normalizeLabel(v) : null;
  };
  const usableBelow = (c: number) => {
    const cell = grid.cell(label.row + 1, c);
    if (isEmpty(cell)) return false;
    const t = textOf(label.row + 1, c);
    return t === null || (!isOtherLabel(t) && t.length <= 60);
  };
  // A label merged across columns: its value starts right of the merged area.
  const next = (grid.mergeAt(label.row, label.col)?.right ?? label.col) + 1;
  for (let c = next; c <= next + maxRight - 1; c++) {
    if (isEmpty(grid.cell(label.row, c))) continue;
    const t = textOf(label.row, c);
    if (t !== null && UNIT_ONLY.test(t)) continue;
    if (t !== null && isOtherLabel(t)) {
      // The next label has its value below it: so has this one (even where that cell is still blank).
      const below = { row: label.row + 1, col: label.col };
      if (usableBelow(c) && (usableBelow(label.col) || isEmpty(grid.cell(below.row, below.col)))) return below;
      return c > next ? { row: label.row, col: next } : below;
    }
    return { row: label.row, col: c };
  }
  return usableBelow(label.col) ? { row: label.row + 1, col: label.col } : { row: label.row, col: next };
}

export function makeField(grid: Grid, key: string, row: number, col: number, kind: FieldKind): Field {
  const cell = grid.cell(row, col);
  const f: Field = { key, row, col, address: a1(row, col), kind, parsed: parseCell(cell, kind) };
  if (cell?.formula !== undefined) f.formula = cell.formula;
  if (cell?.numFmt !== undefined) f.numFmt = cell.numFmt;
  return f;
}
