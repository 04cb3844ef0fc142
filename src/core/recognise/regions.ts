// Where each form of a worksheet lies: forms stacked one below the other, side by side, or an older-edition form
// below a current one. Every form gets its own rows and columns, so that no form reads another's cells.
import type { Region } from '../model/form';
import { type Label, type LabelIndex } from './labels';
import { type Spine, stageOf } from './trend';
import { scoreKey, compile, LABEL_THRESHOLD } from './match';
import { sectionOf } from './sections';

export const CURRENT_TITLE_RE = /未収金の?(目標|目録).{0,4}具体的?な?取組/;
export const OLDER_TITLE_RE = /未収債権の?目標.{0,4}具体的?な?処理策/;

export function isCurrentTitle(l: Label): boolean {
  return CURRENT_TITLE_RE.test(l.key);
}

/** An older-edition title, not the title of its list of claims (…の一覧). */
export function isOlderTitle(l: Label): boolean {
  return OLDER_TITLE_RE.test(l.key) && !/一覧/.test(l.key);
}

export type Slot =
  | { kind: 'current'; spine: Spine; region: Region; titleRow: number | null }
  | { kind: 'older'; title: Label; region: Region };

/** Trend data rows a form's row labels are looked for in, to find where a form on the right begins. */
const ROW_LABEL_ROWS = 9;
/** Without row labels, a form on the right begins this many columns left of its table (letter and label). */
const DEFAULT_LABEL_COLS = 2;
/** A form stands at most this many rows above its trend table, and this many below (all of sections 1–5). */
const FORM_ROWS_ABOVE = 40;
const FORM_ROWS_BELOW = 80;
/** The header rows of a table stand at most this many rows above its code row. */
const HEADER_SPAN = 3;

/** A header kept as a list above the title: its five labels and a blank row or two. */
const HEADER_ABOVE_TITLE = 8;

const HEADER_START = compile({ names: ['所属', '所属名', '債権名', '担当', '債権整理番号'] });
const HEADER_LABEL_MAX = 20;

/** A trend row's label is short (「令和元年度 修正目標」); a sentence that cites one (「…D(令和元年度実績)のケ」) is not. */
const ROW_LABEL_MAX = 20;

/** A trend row's own label: its letter or its year and stage (a neighbour's note is neither). */
function isRowLabel(l: Label): boolean {
  return /^[A-G](?![A-Za-z])/.test(l.norm) || (l.key.length <= ROW_LABEL_MAX && stageOf(l.key) !== null);
}

function isHeaderStart(l: Label): boolean {
  return l.key.length <= HEADER_LABEL_MAX && scoreKey(l.key, HEADER_START) >= LABEL_THRESHOLD;
}

/** Column bands: one per group of tables that share columns; a band starts at its forms' leftmost row label. */
function columnBands(index: LabelIndex, spines: Spine[]): { left: number; right: number; spines: Spine[] }[] {
  const clusters: { first: number; last: number; spines: Spine[] }[] = [];
  for (const s of [...spines].sort((a, b) => a.firstCol - b.firstCol)) {
    const c = clusters.find((k) => s.firstCol <= k.last && s.lastCol >= k.first);
    if (c) {
      c.spines.push(s);
      c.first = Math.min(c.first, s.firstCol);
      c.last = Math.max(c.last, s.lastCol);
    } else clusters.push({ first: s.firstCol, last: s.lastCol, spines: [s] });
  }
  clusters.sort((a, b) => a.first - b.first);
  // Columns that hold anything near the tables: an empty column between two forms is their border.
  const rows = spines.map((s) => s.row);
  const near = { top: Math.min(...rows) - FORM_ROWS_ABOVE, bottom: Math.max(...rows) + FORM_ROWS_BELOW };
  const occupied = new Set(index.grid.cells().filter((c) => c.row >= near.top && c.row <= near.bottom).map((c) => c.col));
  const lefts = clusters.map((c, i) => {
    if (i === 0) return 0;
    const prevRight = clusters[i - 1]!.last;
    const between = (col: number) => col > prevRight && col < c.first;
    // The form on the right begins where its own title, headings and row labels begin. Its header labels count
    // only without those: the left form's header row may run on past its table (a table cut in two is narrow).
    let left = Number.POSITIVE_INFINITY;
    const area: Region = { top: near.top, left: prevRight + 1, bottom: near.bottom, right: c.first - 1 };
    for (const l of index.find(area, isCurrentTitle, index.labels)) left = Math.min(left, l.col);
    for (const l of index.find(area, (x) => sectionOf(x) !== null, index.headings)) left = Math.min(left, l.col);
    for (const s of c.spines) {
      for (let r = s.headerBottom + 1; r <= s.headerBottom + ROW_LABEL_ROWS; r++) {
        for (const l of index.row(r)) if (between(l.col) && isRowLabel(l)) left = Math.min(left, l.col);
      }
    }
    if (Number.isFinite(left)) return left;
    for (const l of index.find(area, isHeaderStart, index.labels)) left = Math.min(left, l.col);
    if (Number.isFinite(left)) return left;
    // Nothing labelled: an empty column between the two tables is their border.
    let gap = -1;
    for (let col = prevRight + 1; col < c.first; col++) if (!occupied.has(col)) gap = col;
    return gap >= 0 ? gap + 1 : Math.max(prevRight + 1, c.first - DEFAULT_LABEL_COLS);
  });
  return clusters.map((c, i) => ({ left: lefts[i]!, right: (lefts[i + 1] ?? Number.POSITIVE_INFINITY) - 1, spines: c.spines }));
}

/** The first row of a current-edition form: its title, else its header, else its first heading. */
function topOf(index: LabelIndex, area: Region, spine: Spine): { top: number; titleRow: number | null } {
  const titles = index.find(area, isCurrentTitle);
  const title = titles[titles.length - 1];
  if (title) {
    // The header may be kept as a list above the title (所属 / 担当 / … with their values): it is the form's too.
    const above = index.find({ ...area, top: Math.max(area.top, title.row - HEADER_ABOVE_TITLE), bottom: title.row - 1 }, isHeaderStart);
    return { top: above[0]?.row ?? title.row, titleRow: title.row };
  }
  const head = index.first(area, isHeaderStart);
  if (head) return { top: head.row, titleRow: null };
  const heading = index.find(area, (l) => sectionOf(l) === 1 || sectionOf(l) === 2, index.headings)[0];
  if (heading) return { top: heading.row, titleRow: null };
  return { top: Math.max(area.top, spine.row - HEADER_SPAN), titleRow: null };
}

export function locateForms(index: LabelIndex, spines: Spine[]): Slot[] {
  const grid = index.grid;
  const lastRow = Math.max(grid.rowCount - 1, 0);
  const lastCol = Math.max(grid.colCount - 1, 0);
  const all: Region = { top: 0, left: 0, bottom: lastRow, right: lastCol };
  const olderTitles = index.find(all, isOlderTitle);
  const bands = spines.length ? columnBands(index, spines) : [{ left: 0, right: Number.POSITIVE_INFINITY, spines: [] as Spine[] }];
  const slots: Slot[] = [];
  for (const b of bands) {
    const right = Math.min(b.right, lastCol);
    type Anchor = { row: number; spine?: Spine; title?: Label };
    const anchors: Anchor[] = [
      ...b.spines.map((s) => ({ row: s.row, spine: s })),
      ...olderTitles.filter((t) => t.col >= b.left && t.col <= right).map((t) => ({ row: t.row, title: t })),
    ].sort((x, y) => x.row - y.row);
    const tops: { top: number; titleRow: number | null }[] = [];
    anchors.forEach((a, i) => {
      if (a.title) {
        tops.push({ top: a.row, titleRow: a.row });
        return;
      }
      const prev = anchors[i - 1];
      const from = prev ? (prev.spine ? prev.spine.headerBottom + 1 : prev.row + 1) : 0;
      tops.push(topOf(index, { top: from, left: b.left, bottom: a.spine!.row - 1, right }, a.spine!));
    });
    anchors.forEach((a, i) => {
      const region: Region = { top: tops[i]!.top, left: b.left, bottom: (tops[i + 1]?.top ?? lastRow + 1) - 1, right };
      if (a.spine) slots.push({ kind: 'current', spine: a.spine, region, titleRow: tops[i]!.titleRow });
      else slots.push({ kind: 'older', title: a.title!, region });
    });
  }
  return slots.sort((x, y) => x.region.top - y.region.top || x.region.left - y.region.left);
}
