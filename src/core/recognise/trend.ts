// Section 2, the trend table: the form's spine. Its columns are found by the code row (ア … ケ''), by the column
// names under their groups (過年度分 / 現年度分 / 合計) where the codes are missing, or by both; its rows A–G by
// their year and stage words, their letters, or their order.
import { a1 } from '../grid';
import { findFiscalYears } from '../text/fiscalYear';
import { TREND_CODES, TREND_ROW_DEF, TREND_ROWS, type Stage, type TrendCode, type TrendRow, isTrendCode } from '../model/keys';
import { explain } from '../messages';
import type { Evidence } from '../model/form';
import { type Label, type LabelIndex, isEmpty } from './labels';

export interface Spine {
  /** The header row the columns were read from (the code row, else the names row). */
  row: number;
  /** The last header row (code row or names row, whichever is lower): data rows start below it. */
  headerBottom: number;
  cols: Map<TrendCode, number>;
  firstCol: number;
  lastCol: number;
  evidence: Evidence;
  /** The rest of the table, cut off and stacked below for printing (現年度分・合計 under 過年度分), rows A–G again. */
  next?: Spine;
}

/** Each part of a table cut in two prints at least this many codes (過年度分 ア…ケ has 9, the rest 10). */
const MIN_SEGMENT_CODES = 6;
/** The second part of a cut table starts at most this many rows below the first one's code row. */
const SEGMENT_ROWS = 20;

/** A header row is the code row when it prints at least this many of the 19 codes (a few may be lost or merged). */
const MIN_CODES = 12;
/** Without codes, the column names must name at least this many columns (names repeat: 調定額 is ウ and ウ'). */
const MIN_NAMES = 15;
/** Codes of one table stand close together; a wider gap of columns starts another table (forms side by side). */
const MAX_CODE_GAP = 4;
/** The names row and the group row sit at most this many rows from the code row. */
const HEADER_SPAN = 3;

const LEADING_CODE = /^([アイウエオカキクケ])('{0,2})(?![ァ-ヶー'])/;
const BRACKETED_CODE = /[([]([アイウエオカキクケ])('{0,2})[)\]]/;
const STANDALONE_CODE = /(?<![ァ-ヶー])([アイウエオカキクケ])('{0,2})(?![ァ-ヶー'])/g;

/** The trend code a header cell prints: 「カ'=エ'+オ'」, 「調定額(ウ')」, 「ウ' 調定額」 → the code; null for none. */
export function codeOfLabel(l: Label): TrendCode | null {
  for (const line of l.lines) {
    const m = LEADING_CODE.exec(line) ?? BRACKETED_CODE.exec(line);
    if (m) {
      const c = m[1]! + m[2]!;
      if (isTrendCode(c)) return c;
    }
  }
  // A name with its code after it, without brackets (「調定額 ウ'」): one code and no formula on the line.
  for (const line of l.lines) {
    if (line.includes('=')) continue;
    const all = [...line.matchAll(STANDALONE_CODE)];
    if (all.length === 1) {
      const c = all[0]![1]! + all[0]![2]!;
      if (isTrendCode(c)) return c;
    }
  }
  return null;
}

/** Cells of one row in column order, split where a code repeats or the gap is too wide (another table). */
function runs<T>(items: { col: number; code: T }[]): { col: number; code: T }[][] {
  const out: { col: number; code: T }[][] = [];
  let cur: { col: number; code: T }[] = [];
  for (const it of [...items].sort((a, b) => a.col - b.col)) {
    const last = cur[cur.length - 1];
    if (last && (cur.some((x) => x.code === it.code) || it.col - last.col > MAX_CODE_GAP)) {
      out.push(cur);
      cur = [];
    }
    cur.push(it);
  }
  if (cur.length) out.push(cur);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Column names

type NameId = 'ア' | 'イ' | 'ウ' | 'エ' | 'オ' | 'カ' | 'キ' | 'ク' | 'ケ';
/** Column names as printed and as staff shorten them (繰越額, 減少額, 調定, 徴収, 欠損額, 残高 …). */
const NAME_PATTERNS: [RegExp, NameId][] = [
  [/繰越|前年度から/, 'ア'],
  [/減少|年度中の/, 'イ'],
  [/率/, 'キ'], // 徴収率 / 収納率 / 整理率: told apart below
  [/^調定(額)?$|^調定額/, 'ウ'],
  [/^徴収(額)?$|^徴収額|^収入(額)?$|^収納(額)?$/, 'エ'],
  [/欠損/, 'オ'],
  [/^整理(額)?$|^整理額/, 'カ'],
  [/残高|^未収(金|額)?$/, 'ケ'],
];
/** Columns each name stands for, past → current → total (a name repeats in that order). */
const NAME_CODES: Record<NameId, readonly TrendCode[]> = {
  ア: ['ア'],
  イ: ['イ'],
  ウ: ['ウ', "ウ'"],
  エ: ['エ', "エ'"],
  オ: ['オ', "オ'"],
  カ: ['カ', "カ'"],
  キ: ['キ', "キ'", "キ''"],
  ク: ['ク', "ク'", "ク''"],
  ケ: ['ケ', "ケ'", "ケ''"],
};

/** Longest column name: a longer cell is a heading or a note, not a column's name. */
const NAME_MAX = 14;

function nameOf(key: string): NameId | null {
  if (key.length > NAME_MAX) return null;
  for (const [re, id] of NAME_PATTERNS) {
    if (!re.test(key)) continue;
    if (id === 'キ') return /整理率/.test(key) ? 'ク' : /徴収率|収納率/.test(key) ? 'キ' : null;
    return id;
  }
  return null;
}

type Group = 0 | 1 | 2;
const GROUP_PATTERNS: [RegExp, Group][] = [
  [/^過年度/, 0],
  [/^現年度/, 1],
  [/^合計/, 2],
];

/** Group columns from the rows above the names: 過年度分 from its column to the next group label. */
function groupsAbove(index: LabelIndex, row: number, from: number, to: number): ((col: number) => Group | null) | null {
  for (let r = row - 1; r >= row - HEADER_SPAN && r >= 0; r--) {
    const marks = index
      .row(r)
      .filter((l) => l.col >= from - 2 && l.col <= to)
      .map((l) => ({ col: l.col, g: GROUP_PATTERNS.find(([re]) => re.test(l.key))?.[1] }))
      .filter((x): x is { col: number; g: Group } => x.g !== undefined)
      .sort((a, b) => a.col - b.col);
    if (marks.length >= 2) {
      return (col) => {
        let g: Group | null = null;
        for (const m of marks) if (m.col <= col) g = m.g;
        return g;
      };
    }
  }
  return null;
}

/** Codes from the column names of one row: by their group where the rows above print one, else by order. */
function codesFromNames(index: LabelIndex, labels: Label[]): Map<TrendCode, number> {
  const named = labels.map((l) => ({ col: l.col, id: nameOf(l.key) })).filter((x): x is { col: number; id: NameId } => x.id !== null);
  const cols = new Map<TrendCode, number>();
  if (named.length === 0) return cols;
  const row = labels[0]!.row;
  const groupOf = groupsAbove(index, row, Math.min(...named.map((n) => n.col)), Math.max(...named.map((n) => n.col)));
  const seen = new Map<NameId, number>();
  for (const n of named.sort((a, b) => a.col - b.col)) {
    const options = NAME_CODES[n.id];
    const g = groupOf?.(n.col);
    const k = seen.get(n.id) ?? 0;
    seen.set(n.id, k + 1);
    const code = g !== null && g !== undefined ? options.find((c) => primesOf(c) === g) : options[k];
    if (code && !cols.has(code)) cols.set(code, n.col);
  }
  return cols;
}

function primesOf(code: TrendCode): number {
  return code.length - 1;
}

/** A code lost from the code row is placed where its neighbours leave exactly its column. */
function interpolate(cols: Map<TrendCode, number>): void {
  for (let i = 0; i < TREND_CODES.length; i++) {
    const code = TREND_CODES[i]!;
    if (cols.has(code)) continue;
    let lo = i - 1;
    while (lo >= 0 && !cols.has(TREND_CODES[lo]!)) lo--;
    let hi = i + 1;
    while (hi < TREND_CODES.length && !cols.has(TREND_CODES[hi]!)) hi++;
    if (lo < 0 || hi >= TREND_CODES.length) continue;
    const cl = cols.get(TREND_CODES[lo]!)!;
    const ch = cols.get(TREND_CODES[hi]!)!;
    // Only where the columns between are exactly the missing codes (no spare column to choose from).
    if (ch - cl === hi - lo) cols.set(code, cl + (i - lo));
  }
}

/** Parts of one table cut in two and stacked: the upper one with the lower one as its `next`. */
function stackedSegments(segments: Spine[]): Spine[] {
  const out: Spine[] = [];
  const used = new Set<Spine>();
  const sorted = [...segments].sort((a, b) => a.row - b.row);
  for (const upper of sorted) {
    if (used.has(upper)) continue;
    const lower = sorted.find(
      (s) =>
        !used.has(s) &&
        s.row > upper.row &&
        s.row - upper.row <= SEGMENT_ROWS &&
        s.firstCol <= upper.lastCol &&
        s.lastCol >= upper.firstCol &&
        [...s.cols.keys()].every((c) => !upper.cols.has(c)) &&
        s.cols.size + upper.cols.size >= MIN_CODES,
    );
    if (!lower) continue;
    used.add(upper).add(lower);
    out.push({ ...upper, next: lower });
  }
  return out;
}

function spineOf(row: number, headerBottom: number, cols: Map<TrendCode, number>, evidence: Evidence): Spine {
  const c = [...cols.values()];
  return { row, headerBottom, cols, firstCol: Math.min(...c), lastCol: Math.max(...c), evidence };
}

/** Every trend table on a worksheet: by its code row, else by its column names. */
export function findSpines(index: LabelIndex): Spine[] {
  const byRow = new Map<number, { col: number; code: TrendCode }[]>();
  for (const l of index.labels) {
    const code = codeOfLabel(l);
    if (!code) continue;
    const list = byRow.get(l.row);
    if (list) list.push({ col: l.col, code });
    else byRow.set(l.row, [{ col: l.col, code }]);
  }
  const spines: Spine[] = [];
  const segments: Spine[] = [];
  for (const [row, items] of byRow) {
    for (const run of runs(items)) {
      const cols = new Map(run.map((x) => [x.code, x.col] as const));
      if (cols.size < MIN_CODES) {
        if (cols.size >= MIN_SEGMENT_CODES) segments.push(spineOf(row, row, cols, { part: '2. 未収金の推移', cells: [a1(row, Math.min(...cols.values()))], reason: explain.codeRow(cols.size, cols.size) }));
        continue;
      }
      const found = cols.size;
      // Names in the rows above fill codes the code row lost.
      let headerBottom = row;
      for (let r = row - HEADER_SPAN; r <= row + HEADER_SPAN; r++) {
        if (r === row) continue;
        const lo = Math.min(...cols.values()) - 1;
        const hi = Math.max(...cols.values()) + 1;
        const named = codesFromNames(index, index.row(r).filter((l) => l.col >= lo && l.col <= hi));
        if (named.size < MIN_NAMES / 2) continue;
        if (r > headerBottom) headerBottom = r;
        for (const [code, col] of named) if (!cols.has(code) && ![...cols.values()].includes(col)) cols.set(code, col);
      }
      interpolate(cols);
      spines.push(spineOf(row, headerBottom, cols, { part: '2. 未収金の推移', cells: [a1(row, Math.min(...cols.values()))], reason: explain.codeRow(found, cols.size) }));
    }
  }
  spines.push(...stackedSegments(segments));
  // Tables without a code row: the column names, where no code row stands near.
  const rowsWithLabels = [...new Set(index.labels.map((l) => l.row))];
  for (const row of rowsWithLabels) {
    const labels = index.row(row);
    const items = labels.map((l) => ({ col: l.col, code: nameOf(l.key) })).filter((x): x is { col: number; code: NameId } => x.code !== null);
    if (items.length < MIN_NAMES) continue;
    // Split by gaps only: names repeat within one table.
    const groups: Label[][] = [];
    let cur: Label[] = [];
    for (const it of items.sort((a, b) => a.col - b.col)) {
      const last = cur[cur.length - 1];
      if (last && it.col - last.col > MAX_CODE_GAP) {
        groups.push(cur);
        cur = [];
      }
      cur.push(labels.find((l) => l.col === it.col)!);
    }
    if (cur.length) groups.push(cur);
    for (const g of groups) {
      const cols = codesFromNames(index, g);
      if (cols.size < MIN_NAMES) continue;
      const lo = Math.min(...cols.values());
      const hi = Math.max(...cols.values());
      if (spines.some((s) => Math.abs(s.row - row) <= HEADER_SPAN && s.firstCol <= hi && s.lastCol >= lo)) continue;
      interpolate(cols);
      spines.push(spineOf(row, row, cols, { part: '2. 未収金の推移', cells: [a1(row, lo)], reason: explain.nameRow(cols.size) }));
    }
  }
  return spines.sort((a, b) => a.row - b.row || a.firstCol - b.firstCol);
}

// ---------------------------------------------------------------------------------------------
// Rows A–G

const STAGE_RE = /(修正目標|当初目標|実績)/;

export function stageOf(key: string): Stage | null {
  const m = STAGE_RE.exec(key);
  return m ? (m[1] as Stage) : null;
}

/** Bare era numbers in row labels (「30実績」「元実績」「2当初目標」): this edition begins in 平成29, so 25–31 are 平成. */
const HEISEI_FROM = 25;
const HEISEI_BASE = 1988;
const REIWA_BASE = 2018;

/** The fiscal year a trend row's label names: any era or Western spelling, or a bare era number. */
export function trendYear(key: string): number | null {
  const hit = findFiscalYears(key)[0];
  if (hit) return hit.year;
  const western = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/.exec(key);
  if (western) return Number(western[1]);
  const bare = /(?:^|[^\d])(元|\d{1,2})(?:年度?)?(?=実績|修正目標|当初目標)/.exec(key);
  if (!bare) return null;
  if (bare[1] === '元') return REIWA_BASE + 1;
  const n = Number(bare[1]);
  return n >= HEISEI_FROM ? HEISEI_BASE + n : REIWA_BASE + n;
}

export interface TrendLine {
  row: number;
  label: string;
  letter: TrendRow | null;
  year: number | null;
  stage: Stage | null;
}

/** A row letter printed alone, or leading its label (「A」「A 平29 実績」), never a word that starts with A. */
const LETTER_RE = /^([A-G])(?![A-Za-z])/;
/** Labels of a data row stand at most this many columns left of the table's first column. */
const ROW_LABEL_SPAN = 6;
/** Fewer labelled rows than this: the table's rows are unlabelled, and rows of numbers are taken in order. */
const LABELLED_ENOUGH = 5;
/** An unlabelled row counts as data when it fills at least this many of the table's columns. */
const MIN_FILLED = 3;

/** The data rows of a trend table between its header and `bottom`. */
export function readTrendLines(index: LabelIndex, spine: Spine, bottom: number, left: number): TrendLine[] {
  const grid = index.grid;
  const codeCols = [...spine.cols.values()];
  const labelled: TrendLine[] = [];
  const unlabelled: TrendLine[] = [];
  const from = Math.max(left, spine.firstCol - ROW_LABEL_SPAN);
  for (let r = spine.headerBottom + 1; r <= bottom; r++) {
    const labelCells = index.row(r).filter((l) => l.col < spine.firstCol && l.col >= from);
    const key = labelCells.map((l) => l.key).join('');
    const label = labelCells.map((l) => l.raw.replace(/\s+/g, ' ').trim()).join(' ');
    let filled = 0;
    for (const c of codeCols) if (!isEmpty(grid.cell(r, c))) filled++;
    const stage = stageOf(key);
    let letter: TrendRow | null = null;
    for (const l of labelCells) {
      const m = LETTER_RE.exec(l.norm);
      if (m) {
        letter = m[1] as TrendRow;
        break;
      }
    }
    const line: TrendLine = { row: r, label, letter, year: stage ? trendYear(key) : null, stage };
    if (stage || letter) labelled.push(line);
    else if (filled >= MIN_FILLED) unlabelled.push(line);
  }
  if (labelled.length >= LABELLED_ENOUGH) return labelled;
  return [...labelled, ...unlabelled].sort((a, b) => a.row - b.row);
}

/** N from the rows themselves: the latest 実績 year (row D), else the first 当初目標 year − 1 (row E). */
export function yearFromRows(lines: TrendLine[]): number | null {
  const actual = lines.filter((l) => l.stage === '実績' && l.year !== null).map((l) => l.year!);
  if (actual.length > 0) return Math.max(...actual);
  const revised = lines.filter((l) => l.stage === '修正目標' && l.year !== null).map((l) => l.year!);
  if (revised.length > 0) return Math.min(...revised);
  const initial = lines.filter((l) => l.stage === '当初目標' && l.year !== null).map((l) => l.year!);
  if (initial.length > 0) return Math.min(...initial) - 1;
  return null;
}

/** Assigns rows A–G: by year and stage where the labels give both, then by printed letter, then by order. */
export function assignTrendRows(lines: TrendLine[], n: number | null): Map<TrendRow, TrendLine> {
  const out = new Map<TrendRow, TrendLine>();
  const assigned = new Set<TrendLine>();
  const take = (letter: TrendRow, line: TrendLine) => {
    if (out.has(letter) || assigned.has(line)) return;
    out.set(letter, line);
    assigned.add(line);
  };
  if (n !== null) {
    for (const line of lines) {
      if (line.year === null || line.stage === null) continue;
      const letter = TREND_ROWS.find((l) => TREND_ROW_DEF[l].stage === line.stage && n + TREND_ROW_DEF[l].offset === line.year);
      if (letter) take(letter, line);
    }
  }
  for (const line of lines) if (line.letter && (line.stage === null || TREND_ROW_DEF[line.letter].stage === line.stage)) take(line.letter, line);
  // Whatever is left goes in order between its assigned neighbours, matching stage where known.
  let next = 0;
  lines.forEach((line, i) => {
    const known = [...out.entries()].find(([, l]) => l === line);
    if (known) {
      next = TREND_ROWS.indexOf(known[0]) + 1;
      return;
    }
    const following = lines[i + 1];
    for (let k = next; k < TREND_ROWS.length; k++) {
      const letter = TREND_ROWS[k]!;
      if (out.has(letter)) continue;
      if (line.stage && TREND_ROW_DEF[letter].stage !== line.stage) continue;
      // A 実績 row followed by a 修正目標 row is B (N−1 実績 then N 修正目標), not A.
      if (letter === 'A' && line.stage === '実績' && following && following.stage === '修正目標') continue;
      take(letter, line);
      next = k + 1;
      break;
    }
  });
  return out;
}

/** The short label of a row for messages: 「令和元 実績」 without its letter. */
export function rowLabelText(line: TrendLine, letter: TrendRow): string {
  return line.label.replace(/^[A-G](?![A-Za-z])\s*/, '').trim() || letter;
}

