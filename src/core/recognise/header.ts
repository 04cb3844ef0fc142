// The top of a current-edition form: the header (所属 … 債権名) and section 1's ratings. Labels are matched by
// score, so 担当者, 債権名称, 【所属】 and 所属: all count; values sit right of their label, below it, or in the
// label's own cell after a colon.
import { type Grid, a1 } from '../grid';
import { HEADER_CELLS, RATING_CELLS } from '../layout/geometry';
import { HEADER_FIELDS, RATING_COLUMNS, type HeaderField, type RatingColumn } from '../model/keys';
import type { Evidence, Field, Region } from '../model/form';
import { key } from '../model/keys';
import { explain } from '../messages';
import { type Label, type LabelIndex, isEmpty, makeField, valueCellOf } from './labels';
import { type CompiledSpec, LABEL_THRESHOLD, compile, scoreKey } from './match';
import { labelKey } from '../text/normalize';
import { parseCell } from '../text/values';
import { CHOICE_MARK } from '../text/choice';
import { CURRENT_TITLE_RE } from './regions';

const HEADER_SPECS: Record<HeaderField, CompiledSpec> = {
  bureau: compile({ names: ['所属', '所属名', '所属局', '局名', '所管局', '局・区'], not: /担当|課名|所管課/ }),
  section: compile({ names: ['担当', '担当課', '担当者', '担当部署', '担当係', '担当課名', '所管課', '所管部署', '課名'] }),
  claimNo: compile({ names: ['債権整理番号', '整理番号', '債権番号', '債権整理番号3ケタ', '債権整理番号3桁'] }),
  claimType: compile({ names: ['債権区分', '区分', '債権の区分', '債権種別', '債権の種類', '債権の種別'], not: /番号|名/ }),
  claimName: compile({ names: ['債権名', '債権の名称', '債権名称', '名称', '債権の名'], not: /区分|番号/ }),
};

const RATING_SPECS: Record<RatingColumn, CompiledSpec> = {
  past: compile({ names: ['過年度', '過年度分'] }),
  current: compile({ names: ['現年度', '現年度分'] }),
  total: compile({ names: ['合計', '合計過年度現年度', '過年度現年度', '過年度と現年度の合計', '計'] }),
};

/** A rating label is short; the legend and the example sentence of section 1 are long. */
const RATING_LABEL_MAX = 16;
/** How far right of its label a value may stand (merged or unmerged label cells, spacer columns). */
const VALUE_SPAN = 8;
/** A header label is short; a heading or a note that mentions 所属 is not one. */
const HEADER_LABEL_MAX = 20;

function best<F extends string>(specs: Record<F, CompiledSpec>, k: string): { field: F; score: number } | null {
  let out: { field: F; score: number } | null = null;
  for (const f of Object.keys(specs) as F[]) {
    const s = scoreKey(k, specs[f]);
    if (s >= LABEL_THRESHOLD && (!out || s > out.score)) out = { field: f, score: s };
  }
  return out;
}

/** Picks, for each field, the best-scoring label (the first in reading order among equals). */
function pickLabels<F extends string>(labels: Label[], specs: Record<F, CompiledSpec>, maxLen: number, fieldOf: (l: Label) => string): Map<F, { label: Label; score: number }> {
  const picked = new Map<F, { label: Label; score: number }>();
  for (const l of labels) {
    const k = fieldOf(l);
    if (k.length > maxLen) continue;
    const b = best(specs, k);
    if (!b) continue;
    const cur = picked.get(b.field);
    if (!cur || b.score > cur.score) picked.set(b.field, { label: l, score: b.score });
  }
  return picked;
}

/**
 * A label cell split into its label and the value typed after it: 「所属:福祉局」「所属 福祉局」「過年度:A」. A
 * bracketed tail is part of the label (「債権整理番号(3ケタ)」), and so is a tail glued on without a separator
 * (「担当者」) or a space inside the label itself (「所 属」: its first half names nothing).
 */
function splitterOf(specs: Record<string, CompiledSpec>): (l: Label) => { key: string; value: string | null } {
  return (l) => {
    const s = l.raw.normalize('NFKC').trim();
    const colon = /^([^:]{1,16}):\s*(.*)$/s.exec(s);
    const spaced = /^(\S{1,16})\s+([^(\s].*)$/s.exec(s);
    for (const m of [colon, spaced]) {
      if (!m) continue;
      const k = labelKey(m[1]!);
      if (best(specs, k) === null) continue;
      const v = m[2]!.trim();
      return { key: k, value: v === '' ? null : v };
    }
    return { key: l.key, value: null };
  };
}

/**
 * Where blank values sit when the sheet gives no merged areas (Excel's reads never load them: that clears the
 * user's undo history on Windows): labels at the official template's relative columns take the template's value
 * columns. Null when the labels are laid out otherwise (then the cell beside each label, as read).
 */
export function officialValueColumns<F extends string>(
  grid: Grid,
  labels: ReadonlyMap<F, Label>,
  official: Readonly<Record<F, readonly [number, number]>>,
): Map<F, number> | null {
  if (grid.merges.length > 0 || labels.size < 2) return null;
  const placed = [...labels].map(([f, l]) => ({ f, l, base: l.col - official[f][0] }));
  const first = placed[0]!;
  if (!placed.every((p) => p.base === first.base && p.l.row === first.l.row)) return null;
  return new Map(placed.map((p) => [p.f, p.base + official[p.f][1]]));
}

/** One kind of labelled values (the header's fields, section 1's ratings), found and read the same way. */
interface LabelledValues<F extends string> {
  fields: readonly F[];
  specs: Record<F, CompiledSpec>;
  maxLen: number;
  /** The template's label and value columns, by field. */
  official: Readonly<Record<F, readonly [number, number]>>;
  key: (f: F) => string;
  kind: 'text' | 'rating';
  part: string;
  /** A label cell may carry its value after a colon or a space. */
  split: (l: Label) => { key: string; value: string | null };
}

export interface LabelledRead<F extends string> {
  fields: Field[];
  found: boolean;
  missing: F[];
  evidence: Evidence[];
}

function readLabelled<F extends string>(index: LabelIndex, band: Region, d: LabelledValues<F>): LabelledRead<F> {
  const grid = index.grid;
  const picked = pickLabels(index.find(band, () => true), d.specs, d.maxLen, (l) => d.split(l).key);
  // The form's title under a list of header labels is not the value of the last one.
  const isOther = (k: string) => (k.length <= d.maxLen && best(d.specs, k) !== null) || CURRENT_TITLE_RE.test(k);
  const templateCols = officialValueColumns(grid, new Map([...picked].map(([f, p]) => [f, p.label])), d.official);
  const fields: Field[] = [];
  const evidence: Evidence[] = [];
  for (const f of d.fields) {
    const p = picked.get(f);
    if (!p) continue;
    const l = p.label;
    const inline = d.split(l).value;
    if (inline !== null) {
      const field = makeField(grid, d.key(f), l.row, l.col, d.kind);
      field.parsed = parseCell({ value: inline }, d.kind);
      fields.push(field);
      evidence.push({ part: d.part, cells: [a1(l.row, l.col)], reason: explain.inline(l.raw.trim()) });
      continue;
    }
    const beside = valueCellOf(index, l, isOther, VALUE_SPAN, band.right);
    const at = isEmpty(grid.cell(beside.row, beside.col)) && templateCols?.has(f) ? { row: l.row, col: templateCols.get(f)! } : beside;
    const marked = d.kind === 'rating' ? markedCode(index, l, band) : null;
    if (marked) {
      const field = makeField(grid, d.key(f), marked.row, marked.col, d.kind);
      field.parsed = parseCell({ value: marked.code }, d.kind);
      fields.push(field);
      evidence.push({ part: d.part, cells: [a1(l.row, l.col), a1(marked.row, marked.col)], reason: explain.label(l.raw.trim(), p.score) });
      continue;
    }
    const field = makeField(grid, d.key(f), at.row, at.col, d.kind);
    // A choice ticked in a row of boxes (「☐ 強制公 | ☐ 非強公 | ☑ 私債権」): the value is the whole row of options.
    const options = choiceRow(grid, at);
    if (options !== null) field.parsed = { status: 'text', value: options };
    fields.push(field);
    evidence.push({ part: d.part, cells: [a1(l.row, l.col), a1(at.row, at.col)], reason: explain.label(l.raw.trim(), p.score) });
  }
  return { fields, found: picked.size > 0, missing: d.fields.filter((f) => !picked.has(f)), evidence };
}

/** A header row of the rating codes stands at most this many rows above the ratings marked under it. */
const CODE_HEADER_ROWS = 4;
/** The codes as a grid's column heads (A | B1 | B2 | —). */
const CODE_HEAD = /^(A|B|B1|B2|C1|C2|[-—–ー－―])$/;
/** A mark in a grid's cell: chosen (○ ● ✓ …), or not (× blank). */
const CHOSEN = /^[○◯●◎✓✔☑■]$/;
const NOT_CHOSEN = /^[×✕☐□]$/;

/**
 * Ratings marked in a grid (codes A | B1 | B2 | — across a header row, ○ under the chosen one in each part's row):
 * the chosen code at the marked cell, '' at the first code column when only ×, every code marked when more.
 */
function markedCode(index: LabelIndex, l: Label, band: Region): { row: number; col: number; code: string } | null {
  const grid = index.grid;
  for (let r = l.row - 1; r >= Math.max(band.top, l.row - CODE_HEADER_ROWS); r--) {
    const heads = grid.rowCells(r).filter(([c, cell]) => c > l.col && typeof cell.value === 'string' && CODE_HEAD.test(cell.value.normalize('NFKC').trim()));
    if (heads.length < 3) continue;
    const shown = (c: number) => String(grid.cell(l.row, c)?.value ?? '').normalize('NFKC').trim();
    // Marks, not codes typed under their heads: a row without a mark is read as usual.
    const chosen = heads.filter(([c]) => CHOSEN.test(shown(c)));
    if (chosen.length === 0) return heads.some(([c]) => NOT_CHOSEN.test(shown(c))) ? { row: l.row, col: heads[0]![0], code: '' } : null;
    const code = (c: number) => String(grid.cell(r, c)!.value).normalize('NFKC').trim();
    return { row: l.row, col: chosen[0]![0], code: chosen.map(([c]) => code(c)).join('・') };
  }
  return null;
}

/** Options in boxes stand in cells next to one another: at most this many. */
const CHOICE_CELLS = 4;

/** The text of a choice's options in consecutive cells, each opened by a box; null when the cell is no such choice. */
function choiceRow(grid: Grid, at: { row: number; col: number }): string | null {
  const texts: string[] = [];
  for (let c = at.col; c < at.col + CHOICE_CELLS; c++) {
    const v = grid.cell(at.row, c)?.value;
    if (typeof v !== 'string' || !CHOICE_MARK.test(v.trim()[0] ?? '')) break;
    texts.push(v.trim());
  }
  return texts.length > 1 ? texts.join(' ') : null;
}

const HEADER: LabelledValues<HeaderField> = {
  fields: HEADER_FIELDS,
  specs: HEADER_SPECS,
  maxLen: HEADER_LABEL_MAX,
  official: Object.fromEntries(HEADER_FIELDS.map((f) => [f, [HEADER_CELLS[f][1], HEADER_CELLS[f][2]]])) as Record<HeaderField, [number, number]>,
  key: key.header,
  kind: 'text',
  part: '表頭',
  split: splitterOf(HEADER_SPECS),
};

const RATINGS: LabelledValues<RatingColumn> = {
  fields: RATING_COLUMNS,
  specs: RATING_SPECS,
  maxLen: RATING_LABEL_MAX,
  official: Object.fromEntries(RATING_COLUMNS.map((c) => [c, [RATING_CELLS[c][0], RATING_CELLS[c][2]]])) as Record<RatingColumn, [number, number]>,
  key: key.rating,
  kind: 'rating',
  part: '1. 達成状況',
  split: splitterOf(RATING_SPECS),
};

export const readHeader = (index: LabelIndex, band: Region): LabelledRead<HeaderField> => readLabelled(index, band, HEADER);
export const readRatings = (index: LabelIndex, band: Region): LabelledRead<RatingColumn> => readLabelled(index, band, RATINGS);
