// A layout mutator for recognition tests: takes a canonical form (a published sheet drawn in the official layout)
// and changes how it is laid out — never what it says — along independent dimensions that compose: offsets,
// inserted rows and columns, label spellings, heading numbering and splits, category label styles, subtotal
// headings, row letters, year spellings, primes, values vs formulas (with the template's formulas in empty rows),
// merges, numbers as text, the code row, the header and ratings turned vertical, section 3 turned down, row labels
// split, neighbouring tables. A checker that generalises reads every mutant exactly as the canonical form.
import { Grid, type CellValue, type GridCell } from '../../src/core/grid';
import { findFiscalYears } from '../../src/core/text/fiscalYear';
import type { LayoutSheet } from '../../src/core/layout/currentLayout';

export type Role =
  | 'title'
  | 'heading'
  | 'headerLabel'
  | 'ratingLabel'
  | 'group'
  | 'name'
  | 'code'
  | 'rowLetter'
  | 'rowLabel'
  | 'catNumber'
  | 'catDesc'
  | 'subtotalHead'
  | 'statusGroup'
  | 'statusPart'
  | 'statusMeasure'
  | 'summaryLabel'
  | 'narrativeItem'
  | 'narrativePart'
  | 'field'
  | 'other';

export interface MCell {
  row: number;
  col: number;
  value: CellValue;
  formula?: string;
  numFmt?: string;
  key?: string;
  role: Role;
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface MForm {
  cells: MCell[];
  merges: Merge[];
}

// ---------------------------------------------------------------------------------------------
// Roles of the canonical layout's cells, from their keys and texts (not from the layout's internals).

const CIRCLED = /^[①-⑳]$/;

function rowsOfKeys(cells: LayoutSheet['cells'], re: RegExp): number[] {
  return [...new Set(cells.filter((c) => c.key && re.test(c.key)).map((c) => c.row))].sort((a, b) => a - b);
}

export function classify(layout: LayoutSheet): MForm {
  const cells = layout.cells;
  const headerRow = rowsOfKeys(cells, /^header\./)[0];
  const ratingRow = rowsOfKeys(cells, /^rating\./)[0];
  const trendRows = rowsOfKeys(cells, /^trend\./);
  const statusRows = rowsOfKeys(cells, /^status\./);
  const summaryRows = rowsOfKeys(cells, /^summary\./);
  const verifyRows = rowsOfKeys(cells, /^narrative\.verify\./);
  const planRows = rowsOfKeys(cells, /^narrative\.plan\./);
  const codeRow = trendRows[0]! - 1;
  const firstStatus = statusRows[0]!;
  const partHeads = [verifyRows[0]! - 1, planRows[0]! - 1];
  const out: MCell[] = [];
  for (const c of cells) {
    const value = (c.formula !== undefined ? c.result ?? null : c.value ?? null) as CellValue;
    if (value === null && c.formula === undefined && !c.key) continue;
    const m: MCell = { row: c.row, col: c.col, value, role: 'other' };
    if (c.formula !== undefined) m.formula = c.formula;
    if (c.numFmt !== undefined) m.numFmt = c.numFmt;
    if (c.key) {
      m.key = c.key;
      m.role = 'field';
      out.push(m);
      continue;
    }
    const t = typeof value === 'string' ? value : '';
    const r = c.row;
    if (/未収金目標|未収金目録/.test(t)) m.role = 'title';
    else if (/^[1-5]\.\s?/.test(t)) m.role = 'heading';
    else if (r === headerRow) m.role = 'headerLabel';
    else if (r === ratingRow) m.role = 'ratingLabel';
    else if (r === codeRow - 2) m.role = 'group';
    else if (r === codeRow - 1) m.role = 'name';
    else if (r === codeRow) m.role = 'code';
    else if (trendRows.includes(r)) m.role = /^[A-G]$/.test(t) ? 'rowLetter' : 'rowLabel';
    else if (r === firstStatus - 2) m.role = CIRCLED.test(t) ? 'catNumber' : /計/.test(t) ? 'subtotalHead' : 'other';
    else if (r === firstStatus - 1) m.role = 'catDesc';
    else if (r === firstStatus - 3) m.role = /合計/.test(t) ? 'subtotalHead' : /債権/.test(t) ? 'statusGroup' : 'other';
    else if (statusRows.includes(r)) m.role = /年度/.test(t) ? 'statusPart' : 'statusMeasure';
    else if (summaryRows.includes(r)) m.role = t === '人' ? 'other' : 'summaryLabel';
    else if (verifyRows.includes(r) || planRows.includes(r)) m.role = 'narrativeItem';
    else if (partHeads.includes(r)) m.role = 'narrativePart';
    out.push(m);
  }
  return { cells: out, merges: layout.merges.map((x) => ({ ...x })) };
}

export function toGrid(f: MForm, name = 'Sheet1'): Grid {
  const cells: GridCell[] = f.cells.map((c) => {
    const g: GridCell = { row: c.row, col: c.col, value: c.value };
    if (c.formula !== undefined) g.formula = c.formula;
    if (c.numFmt !== undefined) g.numFmt = c.numFmt;
    return g;
  });
  return new Grid(name, cells, f.merges);
}

// ---------------------------------------------------------------------------------------------
// Geometry

function bounds(f: MForm): Merge {
  const rows = f.cells.map((c) => c.row);
  const cols = f.cells.map((c) => c.col);
  return { top: Math.min(...rows), left: Math.min(...cols), bottom: Math.max(...rows), right: Math.max(...cols) };
}

export function shift(f: MForm, dr: number, dc: number): MForm {
  return {
    cells: f.cells.map((c) => ({ ...c, row: c.row + dr, col: c.col + dc })),
    merges: f.merges.map((m) => ({ top: m.top + dr, left: m.left + dc, bottom: m.bottom + dr, right: m.right + dc })),
  };
}

/** Inserts `n` blank rows before row `at` (merges that span it grow). */
export function insertRows(f: MForm, at: number, n = 1): MForm {
  return {
    cells: f.cells.map((c) => (c.row >= at ? { ...c, row: c.row + n } : c)),
    merges: f.merges.map((m) => ({ ...m, top: m.top >= at ? m.top + n : m.top, bottom: m.bottom >= at ? m.bottom + n : m.bottom })),
  };
}

export function insertCols(f: MForm, at: number, n = 1): MForm {
  return {
    cells: f.cells.map((c) => (c.col >= at ? { ...c, col: c.col + n } : c)),
    merges: f.merges.map((m) => ({ ...m, left: m.left >= at ? m.left + n : m.left, right: m.right >= at ? m.right + n : m.right })),
  };
}

function rowsOf(f: MForm, role: Role): number[] {
  return [...new Set(f.cells.filter((c) => c.role === role).map((c) => c.row))].sort((a, b) => a - b);
}

function keyRows(f: MForm, re: RegExp): number[] {
  return [...new Set(f.cells.filter((c) => c.key && re.test(c.key)).map((c) => c.row))].sort((a, b) => a - b);
}

function mapRole(f: MForm, role: Role, fn: (c: MCell, i: number) => MCell | null): MForm {
  let i = 0;
  const cells: MCell[] = [];
  for (const c of f.cells) {
    if (c.role !== role) cells.push(c);
    else {
      const n = fn(c, i++);
      if (n) cells.push(n);
    }
  }
  return { ...f, cells };
}

function dropMergesIn(f: MForm, top: number, bottom: number): Merge[] {
  return f.merges.filter((m) => m.bottom < top || m.top > bottom);
}

// ---------------------------------------------------------------------------------------------
// Year words

type YearStyle = 'short' | 'letter' | 'full' | 'western' | 'bare' | 'fullwidth';

function eraOf(year: number): { name: string; short: string; letter: string; n: number } {
  return year >= 2019 ? { name: '令和', short: '令和', letter: 'R', n: year - 2018 } : { name: '平成', short: '平', letter: 'H', n: year - 1988 };
}

const FW = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

function rowYear(year: number, style: YearStyle): string {
  const e = eraOf(year);
  const n = e.n === 1 ? '元' : String(e.n);
  switch (style) {
    case 'short':
      return `${e.short}${n}`;
    case 'letter':
      return `${e.letter}${e.n}`;
    case 'full':
      return `${e.name}${n}年度`;
    case 'western':
      return `${year}年度`;
    case 'bare':
      return n;
    case 'fullwidth':
      return FW(`${e.short}${n}`);
  }
}

function titleYear(year: number, style: YearStyle): string {
  const e = eraOf(year);
  const n = e.n === 1 ? '元' : String(e.n);
  if (style === 'western') return `${year}年度`;
  if (style === 'fullwidth') return FW(`${e.name}${n}年度`);
  if (style === 'letter') return `${e.letter}${e.n}年度`;
  return `${e.name}${n}年度`;
}

function respellYears(f: MForm, style: YearStyle): MForm {
  const cells = f.cells.map((c) => {
    if (typeof c.value !== 'string' || (c.role !== 'rowLabel' && c.role !== 'heading' && c.role !== 'summaryLabel')) return c;
    if (c.role === 'rowLabel') {
      const y = findFiscalYears(c.value)[0];
      const stage = /(実績|修正目標|当初目標)/.exec(c.value)?.[1];
      if (!y || !stage) return c;
      return { ...c, value: `${rowYear(y.year, style)}${style === 'bare' ? '' : ' '}${stage}` };
    }
    // Titles: every era year word (令和元年度, 平成30年度) in the chosen spelling.
    const v = c.value.replace(/(令和|平成)(元|\d{1,2})年度/g, (w) => titleYear(findFiscalYears(w)[0]!.year, style));
    return { ...c, value: v };
  });
  return { ...f, cells };
}

// ---------------------------------------------------------------------------------------------
// The dimensions

export const HEADER_VARIANTS: Record<string, string[]> = {
  所属: ['所属:', '【所属】', '所 属', '所属名', '所属局'],
  担当: ['担当者', '担当課', '担当:', '担当部署'],
  '債権整理番号(3ケタ)': ['債権整理番号', '整理番号', '債権整理番号（３ケタ）', '債権整理番号 :'],
  債権区分: ['区分', '債権区分:', '【債権区分】'],
  債権名: ['債権名称', '債権の名称', '債権名:', '【債権名】'],
};
const RATING_VARIANTS: Record<string, string[]> = {
  過年度: ['過年度分', '過年度:'],
  現年度: ['現年度分', '現年度:'],
};
const NARRATIVE_VARIANTS: Record<string, string[]> = {
  取組内容: ['取組み内容', '取り組み内容', '取組の内容'],
  取組実績: ['取組み実績', '取組の実績', '取り組み実績'],
  課題: ['課題等', '課 題', '【課題】'],
  改善策: ['改善策等', '今後の改善策', '改善策:'],
};

export type Numbering = 'dot' | 'fullwidth' | 'paren' | 'closeParen' | 'roman' | 'dai' | 'none';
const ROMAN = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ'];

function number(n: number, style: Numbering): string {
  switch (style) {
    case 'dot':
      return `${n}. `;
    case 'fullwidth':
      return `${FW(String(n))}．`;
    case 'paren':
      return `(${n}) `;
    case 'closeParen':
      return `${n}) `;
    case 'roman':
      return `${ROMAN[n - 1]}. `;
    case 'dai':
      return `第${n} `;
    case 'none':
      return '';
  }
}

export type CategoryStyle = 'separate' | 'newline' | 'space' | 'marked' | 'bracket' | 'digits';
export type Subtotals = 'canonical' | 'absent' | 'absentAll' | 'renamed';
export type Letters = 'canonical' | 'absent' | 'combined';
export type Formulas = 'canonical' | 'valuesOnly' | 'templateRows';
export type HeaderShape = 'row' | 'vertical' | 'inline' | 'below' | 'aboveTitle';
export type RatingShape = 'row' | 'vertical' | 'below' | 'inline';
export type NarrativeShape = 'grid' | 'list' | 'turned' | 'block';

export interface Plan {
  top: number;
  left: number;
  /** Fractions of the form's height / width where a blank row / column is inserted. */
  blankRows: number[];
  blankCols: number[];
  headerLabels: number; // 0 = as printed, k = the k-th variant of each
  ratingLabels: number;
  narrativeLabels: number;
  numbering: Numbering;
  splitHeadings: boolean;
  categories: CategoryStyle;
  subtotals: Subtotals;
  letters: Letters;
  years: YearStyle;
  primes: 0 | 1 | 2;
  formulas: Formulas;
  merges: boolean;
  textNumbers: boolean;
  codeRow: boolean;
  header: HeaderShape;
  ratings: RatingShape;
  statusDown: boolean;
  splitRowLabels: boolean;
  neighbour: 'none' | 'right' | 'below';
  narrative: NarrativeShape;
  statusSplit: boolean;
  codesInNames: boolean;
  summaryBeside: boolean;
  statusSums: boolean;
  statusByPart: boolean;
  statusBlocks: boolean;
  statusPairs: boolean;
  trendStacked: boolean;
}

export const CANONICAL: Plan = {
  top: 1,
  left: 1,
  blankRows: [],
  blankCols: [],
  headerLabels: 0,
  ratingLabels: 0,
  narrativeLabels: 0,
  numbering: 'dot',
  splitHeadings: false,
  categories: 'separate',
  subtotals: 'canonical',
  letters: 'canonical',
  years: 'short',
  primes: 0,
  formulas: 'canonical',
  merges: true,
  textNumbers: false,
  codeRow: true,
  header: 'row',
  ratings: 'row',
  statusDown: false,
  splitRowLabels: false,
  neighbour: 'none',
  narrative: 'grid',
  statusSplit: false,
  codesInNames: false,
  summaryBeside: false,
  statusSums: false,
  statusByPart: false,
  statusBlocks: false,
  statusPairs: false,
  trendStacked: false,
};

/** Rules whose findings legitimately change with a dimension (what the form says is the same, its cells not). */
export function changedRules(p: Plan): Set<string> {
  const s = new Set<string>();
  if (p.formulas === 'valuesOnly') ['FML-HARDCODED', 'FML-VALUES-ONLY', 'FML-ADDIN-FUNCTION'].forEach((r) => s.add(r));
  if (p.textNumbers) s.add('VAL-TEXTNUM');
  return s;
}

function variant(list: string[] | undefined, k: number): string | undefined {
  return list && k > 0 ? list[(k - 1) % list.length] : undefined;
}

function relabel(f: MForm, role: Role, table: Record<string, string[]>, k: number): MForm {
  if (k === 0) return f;
  return mapRole(f, role, (c) => {
    const t = typeof c.value === 'string' ? c.value.trim() : '';
    const v = variant(table[t], k);
    return v === undefined ? c : { ...c, value: v };
  });
}

function renumber(f: MForm, style: Numbering, split: boolean): MForm {
  const cells: MCell[] = [];
  for (const c of f.cells) {
    if (c.role !== 'heading' || typeof c.value !== 'string') {
      cells.push(c);
      continue;
    }
    const m = /^([1-5])\.\s?(.*)$/s.exec(c.value)!;
    const n = Number(m[1]);
    const prefix = number(n, style === 'none' && split ? 'dot' : style);
    if (split && prefix !== '') {
      cells.push({ ...c, value: prefix.trim() });
      cells.push({ ...c, col: c.col + 1, value: m[2]! });
    } else cells.push({ ...c, value: `${prefix}${m[2]}` });
  }
  return { cells, merges: split ? f.merges.filter((mg) => !f.cells.some((c) => c.role === 'heading' && c.row === mg.top && c.col === mg.left)) : f.merges };
}

function restyleCategories(f: MForm, style: CategoryStyle): MForm {
  if (style === 'separate') return f;
  const numberRow = rowsOf(f, 'catNumber')[0]!;
  const descByCol = new Map(f.cells.filter((c) => c.role === 'catDesc').map((c) => [c.col, c]));
  const cells: MCell[] = [];
  for (const c of f.cells) {
    if (c.role === 'catNumber') {
      const n = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯'.indexOf(String(c.value)) + 1;
      const desc = descByCol.get(c.col)?.value as string | undefined;
      if (style === 'newline') cells.push({ ...c, value: `${c.value}\n${desc ?? ''}` });
      else if (style === 'space') cells.push({ ...c, value: `${c.value} ${desc ?? ''}` });
      // 「【強制公】④⏎差押えの手続中…」: the mark of the enforced-only categories before the number.
      else if (style === 'marked') cells.push({ ...c, value: /^【強制公】/.test(desc ?? '') ? `【強制公】${c.value}\n${desc!.slice('【強制公】'.length)}` : `${c.value}\n${desc ?? ''}` });
      else if (style === 'bracket') cells.push({ ...c, value: `(${n})` });
      else cells.push({ ...c, value: String(n) });
      continue;
    }
    if (c.role === 'catDesc' && (style === 'newline' || style === 'space' || style === 'marked')) {
      // The unnumbered ⑮-2 keeps its description (in the number's row, as the others now do).
      if (!f.cells.some((x) => x.role === 'catNumber' && x.col === c.col)) cells.push({ ...c, row: numberRow });
      continue;
    }
    cells.push(c);
  }
  return { ...f, cells };
}

function retitleSubtotals(f: MForm, mode: Subtotals): MForm {
  if (mode === 'canonical') return f;
  return mapRole(f, 'subtotalHead', (c) => {
    const t = String(c.value);
    if (mode === 'absentAll' || (mode === 'absent' && t === '計')) return null;
    if (mode === 'renamed') {
      if (t === '合計') return { ...c, value: '総計' };
      const left = f.cells.some((x) => x.role === 'catNumber' && x.row === c.row && x.col > c.col);
      return { ...c, value: left ? '回収債権 小計' : '整理債権 小計' };
    }
    return c;
  });
}

function reletter(f: MForm, mode: Letters): MForm {
  if (mode === 'canonical') return f;
  const letters = f.cells.filter((c) => c.role === 'rowLetter');
  const cells = f.cells
    .filter((c) => c.role !== 'rowLetter')
    .map((c) => {
      if (mode !== 'combined' || c.role !== 'rowLabel') return c;
      const l = letters.find((x) => x.row === c.row);
      return l ? { ...c, value: `${l.value} ${c.value}` } : c;
    });
  return { ...f, cells };
}

function reprime(f: MForm, k: 0 | 1 | 2): MForm {
  if (k === 0) return f;
  return mapRole(f, 'code', (c) => {
    const t = String(c.value);
    return { ...c, value: k === 1 ? t.replace(/''/g, '″').replace(/'/g, '’') : t.replace(/'/g, '′') };
  });
}

const INPUT_CODES = ['ア', 'ウ', 'エ', 'オ', "ウ'", "エ'", "オ'"];
const CARRY_FROM: Record<string, string> = { B: 'A', C: 'B', D: 'B', E: 'C', F: 'D', G: 'F' };

function reformula(f: MForm, mode: Formulas): MForm {
  if (mode === 'valuesOnly') return { ...f, cells: f.cells.map((c) => { const { formula, ...rest } = c; return formula === undefined ? c : rest; }) };
  if (mode !== 'templateRows') return f;
  // The template keeps its formulas in rows nobody filled: 0 for amounts, a dash for rates, the carry for ア.
  const codeOf = (c: MCell) => c.key!.split('.')[2]!;
  const rowOfKey = (c: MCell) => c.key!.split('.')[1]!;
  const valueOf = (k: string) => f.cells.find((c) => c.key === k)?.value ?? null;
  const trendCells = f.cells.filter((c) => c.key?.startsWith('trend.'));
  const typed = (c: MCell) => INPUT_CODES.includes(codeOf(c)) && c.value !== null && c.formula === undefined && (codeOf(c) !== 'ア' || rowOfKey(c) === 'A');
  const emptyRows = new Set(trendCells.map(rowOfKey).filter((r) => !trendCells.some((c) => rowOfKey(c) === r && typed(c))));
  const cells = f.cells.map((c) => {
    if (!c.key?.startsWith('trend.') || !emptyRows.has(rowOfKey(c))) return c;
    const code = codeOf(c);
    if (INPUT_CODES.includes(code) && !(code === 'ア' && rowOfKey(c) !== 'A')) return c;
    if (code === 'ア') {
      const from = CARRY_FROM[rowOfKey(c)]!;
      const v = valueOf(`trend.${from}.ケ''`);
      return { ...c, formula: 'Z1', value: typeof v === 'number' ? v : 0 };
    }
    const rate = /^[キク]/.test(code);
    return { ...c, formula: rate ? 'IF(1=1,"-",0)' : '0+0', value: rate ? '-' : 0 };
  });
  return { ...f, cells };
}

function textify(f: MForm): MForm {
  return {
    ...f,
    cells: f.cells.map((c) => {
      if (c.role !== 'field' || c.formula !== undefined || typeof c.value !== 'number' || !c.key) return c;
      if (!/^(trend|status|summary)\./.test(c.key)) return c;
      const code = c.key.split('.')[2] ?? '';
      if (/^[キク]/.test(code)) return c;
      const v = c.value;
      const s = v < 0 ? `▲${Math.abs(v).toLocaleString('en-US')}` : v >= 1000 ? v.toLocaleString('en-US') : FW(String(v));
      return { ...c, value: s };
    }),
  };
}

function dropCodeRow(f: MForm): MForm {
  return { ...f, cells: f.cells.filter((c) => c.role !== 'code') };
}

/** The header as a list: one label per row with its value beside it. */
/** The header as a list of its five labels and values, kept above the title. */
function headerAboveTitle(f: MForm): MForm {
  const g = verticalHeader(f);
  const title = rowsOf(g, 'title')[0]!;
  const rows = keyRows(g, /^header\./);
  const first = rows[0]!;
  const n = rows[rows.length - 1]! - first + 1;
  const move = (r: number) => (r >= title && r < first ? r + n : r >= first && r < first + n ? r - (first - title) : r);
  return {
    cells: g.cells.map((c) => ({ ...c, row: move(c.row) })),
    merges: g.merges.map((m) => ({ ...m, top: move(m.top), bottom: move(m.top) + (m.bottom - m.top) })),
  };
}

function verticalHeader(f: MForm): MForm {
  const row = keyRows(f, /^header\./)[0]!;
  const inRow = f.cells.filter((c) => c.row === row).sort((a, b) => a.col - b.col);
  const left = Math.min(...inRow.map((c) => c.col));
  let g = { ...f, merges: dropMergesIn(f, row, row) };
  g = insertRows(g, row + 1, 4);
  const labels = inRow.filter((c) => c.role === 'headerLabel');
  const cells = g.cells.filter((c) => c.row !== row);
  labels.forEach((l, i) => {
    const value = inRow.find((c) => c.role === 'field' && c.col > l.col && !inRow.some((x) => x.role === 'headerLabel' && x.col > l.col && x.col < c.col));
    cells.push({ ...l, row: row + i, col: left });
    if (value) cells.push({ ...value, row: row + i, col: left + 2 });
  });
  return { ...g, cells };
}

/** Each label with its value after a colon in one cell: 「所属:福祉局」「過年度:A」. */
function inlineValues(f: MForm, keys: RegExp, labelRole: Role): MForm {
  const row = keyRows(f, keys)[0]!;
  const inRow = f.cells.filter((c) => c.row === row);
  const cells = f.cells.filter((c) => !(c.row === row && c.role === 'field'));
  for (const l of inRow.filter((c) => c.role === labelRole)) {
    const value = inRow.find((c) => c.role === 'field' && c.col > l.col && !inRow.some((x) => x.role === labelRole && x.col > l.col && x.col < c.col));
    const i = cells.indexOf(l);
    const label = String(l.value).replace(/[:：\s]+$/, '');
    cells[i] = { ...l, value: `${label}:${value?.value ?? ''}`, key: value?.key };
  }
  return { cells, merges: dropMergesIn(f, row, row) };
}

function ratingsShape(f: MForm, shape: RatingShape): MForm {
  if (shape === 'row') return f;
  if (shape === 'inline') return inlineValues(f, /^rating\./, 'ratingLabel');
  const row = keyRows(f, /^rating\./)[0]!;
  const inRow = f.cells.filter((c) => c.row === row).sort((a, b) => a.col - b.col);
  const left = Math.min(...inRow.map((c) => c.col));
  let g = { ...f, merges: dropMergesIn(f, row, row) };
  g = insertRows(g, row + 1, shape === 'vertical' ? 2 : 1);
  const labels = inRow.filter((c) => c.role === 'ratingLabel');
  const cells = g.cells.filter((c) => c.row !== row);
  labels.forEach((l, i) => {
    const value = inRow.find((c) => c.role === 'field' && c.col > l.col && !inRow.some((x) => x.role === 'ratingLabel' && x.col > l.col && x.col < c.col));
    if (shape === 'vertical') {
      cells.push({ ...l, row: row + i, col: left });
      if (value) cells.push({ ...value, row: row + i, col: left + 2 });
    } else {
      cells.push({ ...l, row, col: left + i * 2 });
      if (value) cells.push({ ...value, row: row + 1, col: left + i * 2 });
    }
  });
  return { ...g, cells };
}

/** Section 3's table turned down: categories as rows, 件数/残高 of 過年度/現年度 as columns. */
function statusDown(f: MForm): MForm {
  const groupRow = Math.min(...rowsOf(f, 'statusGroup'), ...rowsOf(f, 'catNumber'));
  const dataRows = keyRows(f, /^status\./);
  const bottom = dataRows[dataRows.length - 1]!;
  const block = f.cells.filter((c) => c.row >= groupRow && c.row <= bottom);
  const left = Math.min(...block.map((c) => c.col));
  const right = Math.max(...block.map((c) => c.col));
  const height = bottom - groupRow + 1;
  const width = right - left + 1;
  let g: MForm = { cells: f.cells.filter((c) => c.row < groupRow || c.row > bottom), merges: f.merges.filter((m) => m.bottom < groupRow || m.top > bottom) };
  const grow = width - height;
  g = { cells: g.cells.map((c) => (c.row > bottom ? { ...c, row: c.row + grow } : c)), merges: g.merges.map((m) => (m.top > bottom ? { ...m, top: m.top + grow, bottom: m.bottom + grow } : m)) };
  const moved = block.map((c) => ({ ...c, row: groupRow + (c.col - left), col: left + (c.row - groupRow) }));
  const mergesIn = f.merges
    .filter((m) => m.top >= groupRow && m.bottom <= bottom)
    .map((m) => ({ top: groupRow + (m.left - left), left: left + (m.top - groupRow), bottom: groupRow + (m.right - left), right: left + (m.bottom - groupRow) }));
  return { cells: [...g.cells, ...moved], merges: [...g.merges, ...mergesIn] };
}

/** Section 3 as a 【過年度】 table and a 【現年度】 table, each under its own title and copy of the header rows. */
function statusByPart(f: MForm): MForm {
  const data = keyRows(f, /^status\./);
  const top = Math.min(...rowsOf(f, 'statusGroup'), ...rowsOf(f, 'catNumber'));
  const bottom = data[data.length - 1]!;
  const inBlock = (r: number) => r >= top && r <= bottom;
  const left = Math.min(...f.cells.filter((c) => inBlock(c.row)).map((c) => c.col));
  const headerRows = data[0]! - top;
  const partRows = (part: 'past' | 'current') => data.filter((r) => f.cells.some((c) => c.row === r && c.key?.startsWith(`status.${part}.`)));
  const grow = 2 * (1 + headerRows + 2) + 1 - (bottom - top + 1);
  const g = insertRows({ cells: f.cells.filter((c) => !inBlock(c.row)), merges: f.merges.filter((m) => !inBlock(m.top)) }, bottom + 1, grow);
  const cells: MCell[] = [];
  const merges: MForm['merges'] = [];
  let at = top;
  for (const [part, title] of [['past', '【過年度】'], ['current', '【現年度】']] as const) {
    cells.push({ row: at, col: left, value: title, role: 'other' });
    const from = at + 1;
    for (const c of f.cells.filter((x) => x.row >= top && x.row < data[0]!)) cells.push({ ...c, row: from + c.row - top });
    for (const m of f.merges.filter((x) => x.top >= top && x.bottom < data[0]!)) merges.push({ ...m, top: from + m.top - top, bottom: from + m.bottom - top });
    partRows(part).forEach((r, i) => {
      for (const c of f.cells.filter((x) => x.row === r && x.role !== 'statusPart')) cells.push({ ...c, row: from + headerRows + i });
    });
    at = from + headerRows + 3;
  }
  return { cells: [...g.cells, ...cells], merges: [...g.merges, ...merges] };
}

/**
 * Rows `top`–`bottom` cut at column `cut` for printing: the part from `cut` on moves under the rest, left-aligned at
 * `first`, and the row labels left of `first` (below `labelsFrom`) are written again beside it.
 */
function cutAndStack(f: MForm, top: number, bottom: number, cut: number, first: number, labelsFrom: number): MForm {
  const down = bottom - top + 2;
  const inBlock = (r: number) => r >= top && r <= bottom;
  const g = insertRows(f, bottom + 1, down);
  const cells = g.cells.flatMap((c): MCell[] => {
    if (!inBlock(c.row)) return [c];
    if (c.col >= cut) return [{ ...c, row: c.row + down, col: c.col - cut + first }];
    return c.col < first && c.row >= labelsFrom ? [c, { ...c, key: undefined, row: c.row + down }] : [c];
  });
  const merges = g.merges.flatMap((m) => {
    if (!inBlock(m.top)) return [m];
    if (m.left >= cut) return [{ top: m.top + down, bottom: m.bottom + down, left: m.left - cut + first, right: m.right - cut + first }];
    if (m.right >= cut) return [];
    return m.right < first && m.top >= labelsFrom ? [m, { ...m, top: m.top + down, bottom: m.bottom + down }] : [m];
  });
  return { cells, merges };
}

/** Section 3 cut in two for printing: ①–⑨ and 計 on top, ⑩–⑯, 計 and 合計 below with the row labels again. */
function statusBlocks(f: MForm): MForm {
  const data = keyRows(f, /^status\./);
  const top = Math.min(...rowsOf(f, 'statusGroup'), ...rowsOf(f, 'catNumber'));
  const colOf = (k: string) => f.cells.find((c) => c.key === k)!.col;
  return cutAndStack(f, top, data[data.length - 1]!, colOf('status.past.count.10'), colOf('status.past.count.1'), top);
}

/** Section 2 cut in two for portrait printing: 過年度分 (ア…ケ) on top, 現年度分 and 合計 below, rows A–G again. */
function trendStacked(f: MForm): MForm {
  const data = keyRows(f, /^trend\./);
  const top = Math.min(...rowsOf(f, 'group'), ...rowsOf(f, 'name'), ...rowsOf(f, 'code'));
  const colOf = (k: string) => f.cells.find((c) => c.key === k)!.col;
  return cutAndStack(f, top, data[data.length - 1]!, colOf("trend.A.ウ'"), colOf('trend.A.ア'), top + 1);
}

/** Section 3 with 件数 | 残高 side by side under each category and subtotal, one row per part. */
function statusPairs(f: MForm): MForm {
  const data = keyRows(f, /^status\./);
  const top = Math.min(...rowsOf(f, 'statusGroup'), ...rowsOf(f, 'catNumber'));
  const bottom = data[data.length - 1]!;
  const inBlock = (r: number) => r >= top && r <= bottom;
  const cols = [...new Set(f.cells.filter((c) => c.key?.startsWith('status.')).map((c) => c.col))].sort((a, b) => a - b);
  const first = cols[0]!;
  const wide = (c: number) => (c < first ? c : first + 2 * (c - first));
  const part = f.cells.find((c) => c.role === 'statusPart')!;
  const cells: MCell[] = f.cells.filter((c) => !inBlock(c.row));
  const merges = f.merges.filter((m) => !inBlock(m.top));
  for (const c of f.cells.filter((x) => x.row >= top && x.row < data[0]!)) {
    cells.push({ ...c, col: wide(c.col) });
    if (c.col >= first) merges.push({ top: c.row, bottom: c.row, left: wide(c.col), right: wide(c.col) + 1 });
  }
  for (const m of f.merges.filter((x) => x.top >= top && x.bottom < data[0]!)) {
    if (m.left < first) merges.push(m);
    else merges.splice(merges.findIndex((x) => x.top === m.top && x.left === wide(m.left)), 1, { top: m.top, bottom: m.bottom, left: wide(m.left), right: wide(m.right) + 1 });
  }
  for (const c of cols) cells.push({ row: data[0]!, col: wide(c), value: '件数', role: 'other' }, { row: data[0]!, col: wide(c) + 1, value: '残高', role: 'other' });
  (['past', 'current'] as const).forEach((p, i) => {
    const row = data[0]! + 1 + i;
    cells.push({ row, col: part.col, value: p === 'past' ? '過年度' : '現年度', role: 'statusPart' });
    for (const c of f.cells.filter((x) => x.key?.startsWith(`status.${p}.`))) cells.push({ ...c, row, col: wide(c.col) + (c.key!.includes('.balance.') ? 1 : 0) });
  });
  return { cells, merges };
}

/** Two 小計 rows under section 3's table: per category, 件数 and 残高 of 過年度 and 現年度 added up. */
function statusSums(f: MForm): MForm {
  const rows = keyRows(f, /^status\./);
  const bottom = rows[rows.length - 1]!;
  const part = f.cells.find((c) => c.role === 'statusPart')!;
  const measure = f.cells.find((c) => c.role === 'statusMeasure')!;
  const g = insertRows(f, bottom + 1, 2);
  const sums: MCell[] = [];
  (['count', 'balance'] as const).forEach((m, i) => {
    const row = bottom + 1 + i;
    sums.push({ row, col: part.col, value: '小計', role: 'other' }, { row, col: measure.col, value: m === 'count' ? '未収債権の件数' : '未収金残高', role: 'other' });
    const byCol = new Map<number, number>();
    for (const c of f.cells) {
      const k = c.key ? new RegExp(`^status\\.(past|current)\\.${m}\\.`).exec(c.key) : null;
      if (k && typeof c.value === 'number') byCol.set(c.col, (byCol.get(c.col) ?? 0) + c.value);
    }
    for (const [col, value] of byCol) sums.push({ row, col, value, role: 'other' });
  });
  return { ...g, cells: [...g.cells, ...sums] };
}

/** Section 3's summary (債務者数, 件数, 残高) moved beside the table's top right instead of under it. */
function summaryBeside(f: MForm): MForm {
  const rows = keyRows(f, /^summary\./);
  const [sTop, sBottom] = [rows[0]!, rows[rows.length - 1]!];
  const statusRows = keyRows(f, /^status\./);
  const tTop = Math.min(...rowsOf(f, 'statusGroup'), ...rowsOf(f, 'catNumber'), ...statusRows);
  const tBottom = statusRows[statusRows.length - 1]!;
  const inTable = (r: number) => r >= tTop && r <= tBottom;
  const right = Math.max(...f.cells.filter((c) => inTable(c.row)).map((c) => c.col), ...f.merges.filter((m) => inTable(m.top)).map((m) => m.right));
  const inSummary = (r: number) => r >= sTop && r <= sBottom;
  const block = f.cells.filter((c) => inSummary(c.row));
  const left = Math.min(...block.map((c) => c.col));
  const [dr, dc] = [tTop - sTop, right + 2 - left];
  return {
    cells: f.cells.map((c) => (inSummary(c.row) ? { ...c, row: c.row + dr, col: c.col + dc } : c)),
    merges: f.merges.map((m) => (inSummary(m.top) ? { top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc } : m)),
  };
}

function splitRowLabels(f: MForm): MForm {
  const labels = f.cells.filter((c) => c.role === 'rowLabel');
  if (labels.length === 0) return f;
  const col = labels[0]!.col;
  const g = insertCols(f, col + 1);
  return {
    ...g,
    merges: g.merges.filter((m) => !(m.left <= col && m.right >= col + 1 && labels.some((l) => l.row >= m.top && l.row <= m.bottom))),
    cells: g.cells.flatMap((c) => {
      if (c.role !== 'rowLabel' || typeof c.value !== 'string') return [c];
      const m = /^(.*?)\s*(実績|修正目標|当初目標)$/.exec(c.value);
      if (!m || m[1] === '') return [c];
      return [{ ...c, value: m[1]! }, { ...c, col: c.col + 1, value: m[2]! }];
    }),
  };
}

function neighbour(f: MForm, where: 'none' | 'right' | 'below'): MForm {
  if (where === 'none') return f;
  const b = bounds(f);
  const at = where === 'right' ? { row: keyRows(f, /^status\./)[0]! - 3, col: b.right + 3 } : { row: b.bottom + 3, col: b.left };
  const rows: CellValue[][] = [
    ['参考: 滞納整理の状況(メモ)', null, null, null],
    ['区分', '件数', '金額', '備考'],
    ['過年度', 12, 3400, '前年度から'],
    ['現年度', 7, 120, null],
    ['合計', 19, 3520, null],
    ['1', '2', '3', '4'],
  ];
  const cells: MCell[] = [];
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && cells.push({ row: at.row + i, col: at.col + j, value: v, role: 'other' })));
  return { ...f, cells: [...f.cells, ...cells] };
}

/** Section 3 as two tables, one of 件数 and one of 残高, each under its own row of category numbers. */
function statusSplit(f: MForm): MForm {
  const dataRows = keyRows(f, /^status\./);
  const headerTop = Math.min(...rowsOf(f, 'statusGroup'), ...rowsOf(f, 'catNumber'));
  const numberRow = rowsOf(f, 'catNumber')[0]!;
  const first = dataRows[0]!;
  const last = dataRows[dataRows.length - 1]!;
  const headerCells = f.cells.filter((c) => c.row >= headerTop && c.row < first);
  const left = Math.min(...f.cells.filter((c) => c.row >= headerTop && c.row <= last).map((c) => c.col));
  const headerHeight = first - headerTop;
  const grow = headerHeight;
  const outside = f.cells.filter((c) => c.row < headerTop || c.row > last).map((c) => (c.row > last ? { ...c, row: c.row + grow } : c));
  const merges = f.merges.filter((m) => m.bottom < headerTop || m.top > last).map((m) => (m.top > last ? { ...m, top: m.top + grow, bottom: m.bottom + grow } : m));
  const cells: MCell[] = [...outside];
  const measures: ['count' | 'balance', string][] = [['count', '件数'], ['balance', '残高(千円)']];
  let at = headerTop;
  for (const [m, word] of measures) {
    for (const h of headerCells) {
      if (h.row === headerTop && h.col === left) continue; // 分類
      cells.push({ ...h, row: at + (h.row - headerTop) });
    }
    cells.push({ row: at + (numberRow - headerTop), col: left, value: word, role: 'statusMeasure' });
    at += headerHeight;
    for (const part of ['past', 'current'] as const) {
      const src = dataRows.find((r) => f.cells.some((c) => c.row === r && c.key?.startsWith(`status.${part}.${m}.`)))!;
      cells.push({ row: at, col: left, value: part === 'past' ? '過年度' : '現年度', role: 'statusPart' });
      for (const c of f.cells.filter((x) => x.row === src && x.role === 'field')) cells.push({ ...c, row: at });
      at++;
    }
  }
  return { cells, merges };
}

/** The code row folded into the column names: 「調定額(ウ)」. */
function codesInNames(f: MForm): MForm {
  const codes = f.cells.filter((c) => c.role === 'code');
  const cells = f.cells
    .filter((c) => c.role !== 'code')
    .map((c) => {
      if (c.role !== 'name') return c;
      const code = codes.find((x) => x.col === c.col);
      const m = code ? /^([アイウエオカキクケ]['’′″]*)/.exec(String(code.value)) : null;
      return m ? { ...c, value: `${String(c.value).replace(/\n/g, '')}(${m[1]})` } : c;
    });
  return { ...f, cells };
}

/** The header's values in the row below their labels. */
function headerBelow(f: MForm): MForm {
  const row = keyRows(f, /^header\./)[0]!;
  const inRow = f.cells.filter((c) => c.row === row);
  const g = insertRows({ ...f, merges: dropMergesIn(f, row, row) }, row + 1);
  const labels = inRow.filter((c) => c.role === 'headerLabel');
  const cells = g.cells.map((c) => {
    if (c.row !== row || c.role !== 'field') return c;
    const label = [...labels].reverse().find((l) => l.col < c.col)!;
    return { ...c, row: row + 1, col: label.col };
  });
  return { ...g, cells };
}

/** Sections 4 and 5 as a list (「取組内容(過年度)」 and its text) or turned (parts down, items across). */
function narrativeShape(f: MForm, shape: NarrativeShape): MForm {
  if (shape === 'grid') return f;
  let g = f;
  for (const re of [/^narrative\.plan\./, /^narrative\.verify\./]) {
    const rows = keyRows(g, re);
    const head = rows[0]! - 1;
    const items = rows.map((r) => ({
      label: g.cells.find((c) => c.row === r && c.role === 'narrativeItem')!,
      past: g.cells.find((c) => c.row === r && c.key?.includes('.past.'))!,
      current: g.cells.find((c) => c.row === r && c.key?.includes('.current.'))!,
    }));
    const left = Math.min(...items.map((i) => i.label.col));
    const last = rows[rows.length - 1]!;
    const keep = g.cells.filter((c) => c.row < head || c.row > last);
    const merges = g.merges.filter((m) => m.bottom < head || m.top > last);
    const needed = shape === 'list' ? items.length * 2 : 3;
    const grow = Math.max(0, needed - (last - head + 1));
    const moved = keep.map((c) => (c.row > last ? { ...c, row: c.row + grow } : c));
    const mergesMoved = merges.map((m) => (m.top > last ? { ...m, top: m.top + grow, bottom: m.bottom + grow } : m));
    const cells: MCell[] = [];
    if (shape === 'block') {
      // The whole section in one cell: 「【取組内容】⏎過年度: …⏎現年度: …⏎【課題】…」.
      const part = (c: MCell) => (c.value === null ? '' : ` ${String(c.value)}`);
      const text = items.map((it) => `【${it.label.value}】\n過年度:${part(it.past)}\n現年度:${part(it.current)}`).join('\n');
      cells.push({ row: head, col: left, value: text, role: 'other' });
    } else if (shape === 'list') {
      items.forEach((it, i) => {
        cells.push({ ...it.label, row: head + 2 * i, col: left, value: `${it.label.value}(過年度)` });
        cells.push({ ...it.past, row: head + 2 * i, col: left + 3 });
        cells.push({ ...it.label, row: head + 2 * i + 1, col: left, value: `${it.label.value}(現年度)` });
        cells.push({ ...it.current, row: head + 2 * i + 1, col: left + 3 });
      });
    } else {
      items.forEach((it, i) => {
        const col = left + 2 + i * 3;
        cells.push({ ...it.label, row: head, col });
        cells.push({ ...it.past, row: head + 1, col });
        cells.push({ ...it.current, row: head + 2, col });
      });
      cells.push({ row: head + 1, col: left, value: '過年度', role: 'narrativePart' }, { row: head + 2, col: left, value: '現年度', role: 'narrativePart' });
    }
    g = { cells: [...moved, ...cells], merges: mergesMoved };
  }
  return g;
}

function insertBlanks(f: MForm, rowsAt: number[], colsAt: number[]): MForm {
  let g = f;
  const b = bounds(f);
  // Never between a label and its value below it: nobody lays a form out that way.
  const glued = new Set(f.cells.filter((c) => c.role === 'field' && f.cells.some((l) => (l.role === 'ratingLabel' || l.role === 'headerLabel') && l.row === c.row - 1 && l.col === c.col)).map((c) => c.row));
  const rowPositions = [...new Set(rowsAt.map((x) => b.top + 1 + Math.floor(x * (b.bottom - b.top))))].filter((r) => !glued.has(r)).sort((x, y) => y - x);
  for (const r of rowPositions) g = insertRows(g, r);
  // Nor between the 件数 and the 残高 of one category's pair.
  const pairCols = new Set(f.cells.filter((c) => c.value === '残高' && f.cells.some((x) => x.row === c.row && x.col === c.col - 1 && x.value === '件数')).map((c) => c.col));
  const colPositions = [...new Set(colsAt.map((x) => b.left + 1 + Math.floor(x * (b.right - b.left))))].filter((c) => !pairCols.has(c)).sort((x, y) => y - x);
  for (const c of colPositions) g = insertCols(g, c);
  return g;
}

/** Applies a plan: cell contents, then structure, then spellings, then inserted blanks, then the offset. */
export function mutate(canonical: MForm, p: Plan): MForm {
  let f = canonical;
  f = reformula(f, p.formulas);
  f = restyleCategories(f, p.categories);
  f = retitleSubtotals(f, p.subtotals);
  if (p.header === 'vertical') f = verticalHeader(f);
  if (p.header === 'aboveTitle') f = headerAboveTitle(f);
  if (p.header === 'inline') f = inlineValues(f, /^header\./, 'headerLabel');
  if (p.header === 'below') f = headerBelow(f);
  f = ratingsShape(f, p.ratings);
  if (p.statusByPart) f = statusByPart(f);
  else if (p.statusBlocks) f = statusBlocks(f);
  else if (p.statusPairs) f = statusPairs(f);
  else if (p.statusSplit) f = statusSplit(f);
  if (p.statusDown) f = statusDown(f);
  if (p.statusSums && !p.statusDown && !p.statusSplit && !p.statusByPart && !p.statusBlocks && !p.statusPairs) f = statusSums(f);
  if (p.summaryBeside) f = summaryBeside(f);
  if (p.codesInNames) f = codesInNames(f);
  else if (!p.codeRow) f = dropCodeRow(f);
  // Stacked parts are told by their code rows (each part prints too few names to be found by them).
  else if (p.trendStacked) f = trendStacked(f);
  f = narrativeShape(f, p.narrative);
  if (p.splitRowLabels) f = splitRowLabels(f);
  f = reletter(f, p.letters);
  f = respellYears(f, p.years);
  f = reprime(f, p.primes);
  f = relabel(f, 'headerLabel', HEADER_VARIANTS, p.header === 'inline' ? 0 : p.headerLabels);
  f = relabel(f, 'ratingLabel', RATING_VARIANTS, p.ratings === 'inline' ? 0 : p.ratingLabels);
  f = relabel(f, 'narrativeItem', NARRATIVE_VARIANTS, p.narrativeLabels);
  f = renumber(f, p.numbering, p.splitHeadings);
  if (p.textNumbers) f = textify(f);
  if (!p.merges) f = { ...f, merges: [] };
  f = neighbour(f, p.neighbour);
  f = insertBlanks(f, p.blankRows, p.blankCols);
  const b = bounds(f);
  return shift(f, p.top - b.top, p.left - b.left);
}
