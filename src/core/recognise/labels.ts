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

  /** Labels inside a region matching a predicate, row by row. */
  find(region: Region, pred: (l: Label) => boolean): Label[] {
    return this.labels.filter(
      (l) => l.row >= region.top && l.row <= region.bottom && l.col >= region.left && l.col <= region.right && pred(l),
    );
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

/**
 * Where the value of a label sits: the first non-empty cell to its right before another label of the set
 * (within a few columns), else the cell below it when that holds a value, else the cell just right of it.
 */
export function valueCellOf(
  grid: Grid,
  label: Label,
  isOtherLabel: (norm: string) => boolean,
  maxRight = 6,
): { row: number; col: number } {
  for (let c = label.col + 1; c <= label.col + maxRight; c++) {
    const cell = grid.cell(label.row, c);
    if (isEmpty(cell)) continue;
    if (typeof cell!.value === 'string' && isOtherLabel(normalizeLabel(cell!.value))) break;
    return { row: label.row, col: c };
  }
  const below = grid.cell(label.row + 1, label.col);
  if (!isEmpty(below) && !(typeof below!.value === 'string' && isOtherLabel(normalizeLabel(below!.value)))) {
    return { row: label.row + 1, col: label.col };
  }
  return { row: label.row, col: label.col + 1 };
}

export function makeField(grid: Grid, key: string, row: number, col: number, kind: FieldKind): Field {
  const cell = grid.cell(row, col);
  const f: Field = { key, row, col, address: a1(row, col), kind, parsed: parseCell(cell, kind) };
  if (cell?.formula !== undefined) f.formula = cell.formula;
  if (cell?.numFmt !== undefined) f.numFmt = cell.numFmt;
  return f;
}
