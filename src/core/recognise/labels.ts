// An index of a worksheet's text cells, normalised once, and the look-ups recognition needs.
import { type Grid, type Cell, a1 } from '../grid';
import { keyOfNormalized, normalizedLines } from '../text/normalize';
import type { Field, Region } from '../model/form';
import { type FieldKind, parseCell } from '../text/values';
import { isBareSectionNumber } from './match';

export interface Label {
  row: number;
  col: number;
  raw: string;
  /** NFKC, primes unified, white space removed. */
  norm: string;
  /** The same, line by line. */
  lines: string[];
  /** The comparison key (labelKey): punctuation and brackets gone as well. */
  key: string;
}

/** Labels are short and every pattern looks near the start: long narrative text is cut, not normalised whole. */
const LABEL_SPAN = 160;
/** Cells are keyed row × stride + column: wider than any worksheet (Excel has 16,384 columns). */
const CELL_KEY_STRIDE = 1 << 15;
/** A section number alone in its cell takes its heading text from a cell at most this many columns to its right. */
const HEADING_JOIN_SPAN = 3;

function makeLabel(row: number, col: number, raw: string): Label {
  const text = raw.length > LABEL_SPAN ? raw.slice(0, LABEL_SPAN) : raw;
  const lines = normalizedLines(text);
  const norm = lines.join('');
  return { row, col, raw, norm, lines, key: keyOfNormalized(norm) };
}

export class LabelIndex {
  readonly labels: Label[] = [];
  /** Headings as they read: a bare section number joined with the text beside it (「2.」 + 「未収金の推移」). */
  readonly headings: Label[] = [];
  private readonly byRow = new Map<number, Label[]>();
  private readonly byCell = new Map<number, Label>();

  constructor(readonly grid: Grid) {
    for (const c of grid.cells()) {
      if (typeof c.value !== 'string' || c.value.trim() === '') continue;
      const l = makeLabel(c.row, c.col, c.value);
      this.labels.push(l);
      this.byCell.set(c.row * CELL_KEY_STRIDE + c.col, l);
      const list = this.byRow.get(c.row);
      if (list) list.push(l);
      else this.byRow.set(c.row, [l]);
    }
    for (const l of this.labels) {
      if (!isBareSectionNumber(l.raw)) {
        this.headings.push(l);
        continue;
      }
      const next = this.row(l.row).find((x) => x.col > l.col && x.col <= l.col + HEADING_JOIN_SPAN);
      this.headings.push(next ? makeLabel(l.row, l.col, `${l.raw.trim()} ${next.raw}`) : l);
    }
  }

  row(row: number): Label[] {
    return this.byRow.get(row) ?? [];
  }

  /** Labels inside a region matching a predicate, row by row (labels are kept in row order: binary search). */
  find(region: Region, pred: (l: Label) => boolean, from: readonly Label[] = this.labels): Label[] {
    let lo = 0;
    let hi = from.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (from[mid]!.row < region.top) lo = mid + 1;
      else hi = mid;
    }
    const out: Label[] = [];
    for (let i = lo; i < from.length; i++) {
      const l = from[i]!;
      if (l.row > region.bottom) break;
      if (l.col >= region.left && l.col <= region.right && pred(l)) out.push(l);
    }
    return out;
  }

  first(region: Region, pred: (l: Label) => boolean): Label | undefined {
    return this.find(region, pred)[0];
  }

  /** The label at a cell, if the cell holds text. */
  at(row: number, col: number): Label | undefined {
    return this.byCell.get(row * CELL_KEY_STRIDE + col);
  }
}

export function band(region: Region, top: number, bottom: number): Region {
  return { ...region, top: Math.max(region.top, top), bottom: Math.min(region.bottom, bottom) };
}

export function isEmpty(cell: Cell | undefined): boolean {
  return !cell || cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '');
}

const UNIT_ONLY = /^(人|件|千円|円|件数|単位千円)$/;

/** Longest text that still reads as a value in the row below its label (a heading or a note is longer). */
const BELOW_VALUE_MAX = 60;

/**
 * Where the value of a label sits: the first non-empty cell to its right (within a few columns, skipping unit
 * words such as 人), unless another label comes first. Labels laid out in a row with their values in the row
 * below (under this label and under the next one too) give the cell below; otherwise the value is the blank
 * cell just right of the label (right of its merged area where the sheet says so) — never a legend or note
 * that happens to sit below it.
 */
export function valueCellOf(
  index: LabelIndex,
  label: { row: number; col: number },
  isOtherLabel: (key: string) => boolean,
  maxRight = 6,
  rightLimit = Number.POSITIVE_INFINITY,
): { row: number; col: number } {
  const grid = index.grid;
  const keyOf = (r: number, c: number) => index.at(r, c)?.key ?? null;
  const usableBelow = (c: number) => {
    const cell = grid.cell(label.row + 1, c);
    if (isEmpty(cell)) return false;
    const t = keyOf(label.row + 1, c);
    return t === null || (!isOtherLabel(t) && t.length <= BELOW_VALUE_MAX);
  };
  // A label merged across columns: its value starts right of the merged area.
  const next = (grid.mergeAt(label.row, label.col)?.right ?? label.col) + 1;
  const last = Math.min(next + maxRight - 1, rightLimit);
  for (let c = next; c <= last; c++) {
    if (isEmpty(grid.cell(label.row, c))) continue;
    const t = keyOf(label.row, c);
    // A unit word (人, 件) stands right of its value: a blank value is the cell before it.
    if (t !== null && UNIT_ONLY.test(t)) return c > next ? { row: label.row, col: c - 1 } : { row: label.row, col: next };
    if (t !== null && isOtherLabel(t)) {
      // Labels in a row with their values below: this one's value is below it, or the next label's is (and this
      // one's is still blank). Otherwise the blank cell beside it.
      const below = { row: label.row + 1, col: label.col };
      if (usableBelow(label.col)) return below;
      if (usableBelow(c) && isEmpty(grid.cell(below.row, below.col))) return below;
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
