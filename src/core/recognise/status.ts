// Section 3, the table of counts and balances by status category ①–⑯: the categories by their numbers (circled,
// bracketed or plain, alone or with their description in one cell) or by their descriptions; the subtotal
// columns by their headings or by their arithmetic; the data rows by 件数 / 残高 under 過年度 / 現年度.
// Either orientation: categories across (as printed) or down (a copy laid out the other way).
import { Grid, type GridCell, a1 } from '../grid';
import { parseCell } from '../text/values';
import {
  CATEGORIES,
  COLLECT_CATEGORIES,
  SETTLE_CATEGORIES,
  key,
  type Category,
  type Measure,
  type Part,
  type StatusColumn,
} from '../model/keys';
import type { Evidence, Field, Region } from '../model/form';
import { explain } from '../messages';
import { type Label, LabelIndex, isEmpty, makeField } from './labels';
import { leadingNumber } from './match';

/** Makes a field at a cell of the grid being read (which may be the transposed view of the sheet). */
type MakeField = (k: string, row: number, col: number, kind: 'count' | 'amount') => Field;

export interface StatusTable {
  fields: Field[];
  has15_2: boolean;
  /** Rows and last column (in the sheet) the table occupies: the summary comes after it or beside it. */
  top: number;
  bottom: number;
  right: number;
  /** Cells of the table (in the sheet), for telling the summary's labels from the table's. */
  covers: (row: number, col: number) => boolean;
  evidence: Evidence[];
}

/** A header row holds at least this many of the 17 categories' numbers (some copies drop one or two). */
const MIN_CATEGORIES = 10;
/** Subtotal columns stand at most this far right of the last category. */
const SUBTOTAL_SPAN = 8;
/** Row labels stand at most this many columns left of the first category. */
const ROW_LABEL_SPAN = 6;

// ---------------------------------------------------------------------------------------------
// Category numbers and descriptions

const CATEGORY_LIMIT = 17;

/** The category number a header cell starts with: ①, ⑮-2, (3), 3, 「①\n滞納発生直後…」, 「5 執行停止…」. */
export function categoryToken(l: Label): number | '15-2' | null {
  // 「【強制公】⑩⏎差押えたが…」: the mark of the enforced-only categories may come before the number.
  const first = (l.lines[0] ?? '').replace(ENFORCED_MARK, '');
  if (/^(⑮|15)(-|の|ー|‐|－)?2(?!\d)/.test(first)) return '15-2';
  return leadingNumber(l.raw.normalize('NFKC').trim().replace(ENFORCED_MARK, ''), first, CATEGORY_LIMIT);
}

const ENFORCED_MARK = /^[【[]強制公[】\]]\s*/;

/** Descriptions in our own words' key phrases; the most specific first (⑨ and ⑮-2 also speak of 納付交渉). */
const DESCRIPTIONS: [RegExp, Category][] = [
  [/無資力|交渉に応じ|特約等を?(行え|でき)ない/, '15-2'],
  [/生活に?が?困窮|停止の決議ができない/, '15'],
  [/時効/, '16'],
  [/免責/, '13'],
  [/受任通知|委任通知|破産手続|債務整理/, '12'],
  [/停止を?の?決議|執行を?の?停止|滞納処分の停止/, '14'],
  [/換価の?見込がな|換価見込な|差押えたが|差押したが/, '10'],
  [/所在不明|行方不明|相続人が?(確定しない|未確定|不明)/, '11'],
  [/滞り|滞って|再交渉|改めて/, '9'],
  [/10年以上/, '7'],
  [/10年以内/, '6'],
  [/資力の?回復|猶予|履行延期/, '8'],
  [/換価/, '5'],
  [/差押|交付要求/, '4'],
  [/調査/, '3'],
  [/催告|納付交渉|督促後|送付後/, '2'],
  [/直後|未送付|送付していない|送付前/, '1'],
];

export function categoryOfDescription(key: string): Category | null {
  for (const [re, c] of DESCRIPTIONS) if (re.test(key)) return c;
  return null;
}

// ---------------------------------------------------------------------------------------------

interface Header {
  row: number;
  tokens: Map<number, number | '15-2'>;
}

/** Rows that print the categories' numbers, top to bottom (a copy may split the table into 件数 and 残高). */
function findHeaderRows(index: LabelIndex, b: Region): Header[] {
  const byRow = new Map<number, Map<number, number | '15-2'>>();
  for (const l of index.find(b, () => true)) {
    const t = categoryToken(l);
    if (t === null) continue;
    let m = byRow.get(l.row);
    if (!m) byRow.set(l.row, (m = new Map()));
    m.set(l.col, t);
  }
  const runs = [...byRow]
    .map(([row, tokens]) => ({ row, tokens: longestRun(tokens) }))
    .filter((h) => h.tokens.size >= MIN_BLOCK_CATEGORIES)
    .sort((a, c) => a.row - c.row);
  const rank = (t: number | '15-2') => (t === '15-2' ? 15.5 : t);
  const ranks = (h: Header) => [...h.tokens.values()].map(rank);
  const out: Header[] = [];
  runs.forEach((h, i) => {
    const next = runs[i + 1];
    if (h.tokens.size >= MIN_CATEGORIES) out.push(h);
    // ①–⑨ in one block and ⑩–⑯ in the next (a table cut in two for printing): together they are the header.
    else if (next && next.tokens.size < MIN_CATEGORIES && Math.max(...ranks(h)) < Math.min(...ranks(next)) && h.tokens.size + next.tokens.size >= MIN_CATEGORIES) {
      out.push(h, next);
    }
  });
  return out;
}

/** Each block of a table cut in two holds at least this many categories (①–⑨ and ⑩–⑯ have 9 and 8). */
const MIN_BLOCK_CATEGORIES = 5;

/** Neighbouring categories stand at most this many columns apart (⑨ and ⑩ with the merged 計 between them). */
const CATEGORY_GAP = 6;

/**
 * The numbers of a header row that run left to right, close together: a row of amounts that happen to be small is
 * not a header, and a number beside the table (a summary's ９ 人 in the same row) is not one of its categories.
 */
function longestRun(tokens: Map<number, number | '15-2'>): Map<number, number | '15-2'> {
  const rank = (t: number | '15-2') => (t === '15-2' ? 15.5 : t);
  let best: [number, number | '15-2'][] = [];
  let run: [number, number | '15-2'][] = [];
  for (const e of [...tokens.entries()].sort((a, c) => a[0] - c[0])) {
    const prev = run[run.length - 1];
    if (prev && (rank(e[1]) <= rank(prev[1]) || e[0] - prev[0] > CATEGORY_GAP)) run = [];
    run.push(e);
    if (run.length > best.length) best = [...run];
  }
  return new Map(best);
}

interface DataRow {
  row: number;
  part: Part;
  measure: Measure;
  /** Columns right of each category's column where this row's values stand (1 for 残高 in 件数 | 残高 pairs). */
  shift: number;
}

/** 「件数 | 残高」 under each category (one row per part): the row of those labels and where each measure stands. */
interface Pairs {
  row: number;
  shift: Record<Measure, number>;
}

/** Under at least this share of the categories the two measures stand side by side for a table of pairs. */
const PAIRED_SHARE = 0.5;

function findPairs(index: LabelIndex, b: Region, headerRow: number, catCols: number[]): Pairs | null {
  for (let r = headerRow + 1; r <= Math.min(b.bottom, headerRow + PAIR_ROWS); r++) {
    const at = (c: number) => measureOf(index.at(r, c)?.key ?? '');
    const countFirst = catCols.filter((c) => at(c) === 'count' && at(c + 1) === 'balance').length;
    const balanceFirst = catCols.filter((c) => at(c) === 'balance' && at(c + 1) === 'count').length;
    const n = Math.max(countFirst, balanceFirst);
    if (n >= catCols.length * PAIRED_SHARE) return { row: r, shift: countFirst >= balanceFirst ? { count: 0, balance: 1 } : { count: 1, balance: 0 } };
  }
  return null;
}

/** The row of 件数 | 残高 labels stands at most this many rows under the category numbers (descriptions between). */
const PAIR_ROWS = 3;

/** A table of pairs: each row is a part, and gives a row of 件数 and one of 残高. */
function findPairRows(index: LabelIndex, b: Region, pairs: Pairs, firstCatCol: number, catCols: number[], givenPart: Part | null): DataRow[] {
  const rows: DataRow[] = [];
  const from = Math.max(b.left, firstCatCol - ROW_LABEL_SPAN);
  const numeric = (r: number) => catCols.some((c) => typeof index.grid.cell(r, c + pairs.shift.count)?.value === 'number' || typeof index.grid.cell(r, c + pairs.shift.balance)?.value === 'number');
  const parts: Part[] = givenPart ? [givenPart] : ['past', 'current'];
  for (let r = pairs.row + 1; r <= b.bottom && rows.length < parts.length * 2; r++) {
    const joined = index.row(r).filter((l) => l.col < firstCatCol && l.col >= from).map((l) => l.key).join('');
    if (STOP_RE.test(joined)) break;
    const named: Part | null = /過年度/.test(joined) ? 'past' : /現年度/.test(joined) ? 'current' : null;
    const part = named ?? (joined === '' && numeric(r) ? parts[rows.length / 2] ?? null : null);
    if (!part || !parts.includes(part) || rows.some((d) => d.part === part)) continue;
    rows.push({ row: r, part, measure: 'count', shift: pairs.shift.count }, { row: r, part, measure: 'balance', shift: pairs.shift.balance });
  }
  return rows;
}

const STOP_RE = /債務者数|決算見込|考え方|^※|^【/;

/** A table of one part is titled 「【現年度】」 or 「現年度分」 at most this many rows above its category numbers. */
const PART_TITLE_ROWS = 4;
const PART_TITLE = /^(過年度|現年度)分?(の?(状況|件数残高))?$/;

function measureOf(key: string): Measure | null {
  return /件数|件/.test(key) ? 'count' : /残高|金額|千円/.test(key) ? 'balance' : null;
}

/** `given`: the measure the header row names for a table of one measure (「件数」 over ①…). */
function findDataRows(index: LabelIndex, b: Region, headerRow: number, firstCatCol: number, catCols: number[], given: Measure | null, givenPart: Part | null): DataRow[] {
  const grid = index.grid;
  const rows: DataRow[] = [];
  let part: Part | null = givenPart;
  const from = Math.max(b.left, firstCatCol - ROW_LABEL_SPAN);
  for (let r = headerRow + 1; r <= b.bottom && rows.length < 4; r++) {
    const left = index.row(r).filter((l) => l.col < firstCatCol && l.col >= from);
    const joined = left.map((l) => l.key).join('');
    if (STOP_RE.test(joined)) break;
    if (givenPart) {
      // A table of one part: a row naming the other part belongs to the next table.
      if (/過年度|現年度/.test(joined) && !joined.includes(givenPart === 'past' ? '過年度' : '現年度')) break;
    } else if (/過年度/.test(joined)) part = 'past';
    else if (/現年度/.test(joined)) part = 'current';
    const measure = measureOf(joined) ?? (given && part && joined !== '' ? given : null);
    // A table of one measure has no row of the other: that label belongs to something beside it (a memo's 件数).
    if (!measure || (given && measure !== given)) continue;
    const p: Part = part ?? (rows.length < 2 ? 'past' : 'current');
    if (rows.some((d) => d.part === p && d.measure === measure)) continue;
    rows.push({ row: r, part: p, measure, shift: 0 });
  }
  if (rows.length > 0) return rows;
  // No row labels at all: the rows of numbers under the header, in the printed order.
  const parts: Part[] = givenPart ? [givenPart] : ['past', 'current'];
  const measures: Measure[] = given ? [given] : ['count', 'balance'];
  const order = parts.flatMap((p) => measures.map((m): [Part, Measure] => [p, m]));
  for (let r = headerRow + 1; r <= b.bottom && rows.length < order.length; r++) {
    const numeric = catCols.filter((c) => typeof grid.cell(r, c)?.value === 'number').length;
    if (numeric === 0) {
      if (rows.length > 0) break;
      continue;
    }
    const [p, m] = order[rows.length]!;
    rows.push({ row: r, part: p, measure: m, shift: 0 });
  }
  return rows;
}

function numberAt(grid: Grid, r: number, c: number, kind: 'count' | 'amount'): number | null {
  const p = parseCell(grid.cell(r, c), kind);
  return p.status === 'number' ? p.value : p.status === 'blank' || p.status === 'dash' ? 0 : null;
}

type SubtotalName = 'collect' | 'settle' | 'total';
const SUBTOTAL_MEMBERS: Record<SubtotalName, readonly Category[]> = {
  collect: COLLECT_CATEGORIES,
  settle: SETTLE_CATEGORIES,
  total: CATEGORIES,
};
const SUBTOTAL_HEADINGS: Record<SubtotalName, RegExp> = {
  collect: /回収.{0,3}計/,
  settle: /整理.{0,3}計/,
  total: /合計|総計/,
};
const HEADING_SCORE = 3;
const GENERIC_HEADING = /^小?計$/;
/** Sums that agree in this many rows take a column without heading or place (a copy that moved its 計). */
const ARITH_ENOUGH = 2;
const GENERIC_SCORE = 1.5;
const POSITION_SCORE = 2;
/** Weight of a data row whose value equals the group's sum (and the sum is not 0: 0 = 0 says little). */
const ARITH_STRONG = 1;
const ARITH_WEAK = 0.2;
/** A row where the column is a number other than the group's (non-zero) sum counts against it: one mistaken row
 *  in a real subtotal costs less than its matching rows earn. */
const ARITH_WRONG = 0.5;
/** Subtotal columns follow the categories with at most this many columns between them (a spacer). */
const ADJACENT = 2;

interface Read {
  fields: Field[];
  has15_2: boolean;
  evidence: Evidence[];
  /** The table's extent in the grid read. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Reads the table (or tables) with categories across, in `index`'s grid (the sheet, or its transpose). */
function readHorizontal(index: LabelIndex, b: Region, mk: MakeField, toA1: (r: number, c: number) => string): Read | null {
  const headers = findHeaderRows(index, b);
  const reads: Read[] = [];
  let top = b.top;
  headers.forEach((h, i) => {
    const next = headers[i + 1];
    const sub: Region = { ...b, top, bottom: next ? next.row - 1 : b.bottom };
    const r = readTable(index, sub, h, mk, toA1);
    if (r) {
      reads.push(r);
      top = r.bottom + 1;
    }
  });
  if (reads.length === 0) return null;
  const seen = new Set<string>();
  return {
    fields: reads.flatMap((r) => r.fields).filter((f) => !seen.has(f.key) && seen.add(f.key)),
    has15_2: reads.some((r) => r.has15_2),
    evidence: reads.flatMap((r) => r.evidence),
    top: Math.min(...reads.map((r) => r.top)),
    bottom: Math.max(...reads.map((r) => r.bottom)),
    left: Math.min(...reads.map((r) => r.left)),
    right: Math.max(...reads.map((r) => r.right)),
  };
}

function readTable(index: LabelIndex, b: Region, header: Header, mk: MakeField, toA1: (r: number, c: number) => string): Read | null {
  const grid = index.grid;
  const evidence: Evidence[] = [];
  const tokenCols = [...header.tokens.entries()].sort((a, c) => a[0] - c[0]);
  const firstCol = tokenCols[0]![0];
  const lastTokenCol = tokenCols[tokenCols.length - 1]![0];
  const shifted = tokenCols.some(([, t]) => t === CATEGORY_LIMIT);
  const headerKeyAt = (c: number, top: number, bottom: number) => {
    let s = '';
    for (let r = top; r <= bottom; r++) {
      const l = index.at(r, c);
      if (l) s += l.key;
    }
    return s;
  };
  // Provisional data rows to bound the header band (descriptions live between the numbers and the data).
  const labelFrom = Math.max(b.left, firstCol - ROW_LABEL_SPAN);
  const given = measureOf(index.row(header.row).filter((l) => l.col < firstCol && l.col >= labelFrom).map((l) => l.key).join(''));
  // 「【現年度】」 over a table of one part (a copy may give 過年度 and 現年度 a table each).
  const titled = index.find({ top: Math.max(b.top, header.row - PART_TITLE_ROWS), bottom: header.row, left: labelFrom, right: lastTokenCol }, (l) => PART_TITLE.test(l.key))[0];
  const givenPart: Part | null = titled ? (titled.key.startsWith('過年度') ? 'past' : 'current') : null;
  const pairs = findPairs(index, b, header.row, tokenCols.map(([c]) => c));
  const provisional = pairs
    ? findPairRows(index, b, pairs, firstCol, tokenCols.map(([c]) => c), givenPart)
    : findDataRows(index, b, header.row, firstCol, tokenCols.map(([c]) => c), given, givenPart);
  // In a table of pairs a category's or subtotal's second column is its pair's, not a column of its own.
  const leads = (c: number) => !pairs || measureOf(index.at(pairs.row, c)?.key ?? '') === (pairs.shift.count === 0 ? 'count' : 'balance');
  const dataTop = provisional[0]?.row ?? header.row + 1;
  const bandTop = Math.max(b.top, header.row - 2);
  const bandBottom = dataTop - 1;
  const descAt = (c: number) => categoryOfDescription(headerKeyAt(c, bandTop, bandBottom).replace(/^[①-⑳]/, ''));

  const catCol = new Map<Category, number>();
  for (const [c, t] of tokenCols) {
    let cat: Category;
    if (t === '15-2') cat = '15-2';
    else if (shifted) cat = descAt(c) ?? (t === 16 ? '15-2' : t === CATEGORY_LIMIT ? '16' : (String(t) as Category));
    else cat = String(t) as Category;
    if (!catCol.has(cat)) catCol.set(cat, c);
  }
  const lastCol = Math.min(b.right, Math.max(lastTokenCol, ...catCol.values()) + SUBTOTAL_SPAN);
  const tokenColSet = new Set(tokenCols.map(([c]) => c));
  const used = (c: number) => {
    for (let r = bandTop; r <= (provisional[provisional.length - 1]?.row ?? bandBottom); r++) if (!isEmpty(grid.cell(r, c))) return true;
    return false;
  };
  // Columns without a number: a description names the category (the unnumbered ⑮-2 column among them).
  for (let c = firstCol; c <= lastTokenCol; c++) {
    if (tokenColSet.has(c) || !leads(c)) continue;
    const d = descAt(c);
    if (d && !catCol.has(d)) catCol.set(d, c);
  }
  const c15 = catCol.get('15');
  const c16 = catCol.get('16');
  if (!catCol.has('15-2') && c15 !== undefined && c16 !== undefined) {
    for (let c = c15 + 1; c < c16; c++) {
      if (!leads(c) || !used(c) || GENERIC_HEADING.test(headerKeyAt(c, bandTop, bandBottom))) continue;
      catCol.set('15-2', c);
      break;
    }
  }
  const has15_2 = catCol.has('15-2');
  evidence.push({
    part: '3. 区分別の表',
    cells: [`${toA1(header.row, firstCol)}:${toA1(header.row, lastTokenCol)}`],
    reason: explain.categoryRow(catCol.size, has15_2),
  });

  const dataRows = provisional;
  if (dataRows.length === 0) return null;
  for (const d of dataRows) {
    evidence.push({ part: '3. 区分別の表', cells: [toA1(d.row, firstCol)], reason: explain.statusRow(d.part, d.measure) });
  }

  // Subtotal columns: heading, position and arithmetic, scored together.
  const catCols = new Set(catCol.values());
  const collectCols = COLLECT_CATEGORIES.map((c) => catCol.get(c)).filter((c): c is number => c !== undefined);
  const settleCols = SETTLE_CATEGORIES.map((c) => catCol.get(c)).filter((c): c is number => c !== undefined);
  const lastCollect = Math.max(...collectCols, -1);
  const firstSettle = Math.min(...settleCols, Number.POSITIVE_INFINITY);
  const lastSettle = Math.max(...settleCols, -1);
  // A subtotal column holds numbers in the data rows, or a subtotal heading (an empty one still has its place).
  const holdsNumbers = (c: number) => dataRows.some((d) => numberAt(grid, d.row, c + d.shift, 'count') !== null && !isEmpty(grid.cell(d.row, c + d.shift)));
  const headed = (c: number) => {
    const h = headerKeyAt(c, bandTop, bandBottom);
    return GENERIC_HEADING.test(h) || Object.values(SUBTOTAL_HEADINGS).some((re) => re.test(h));
  };
  const candidates: number[] = [];
  for (let c = firstCol; c <= lastCol; c++) if (!catCols.has(c) && leads(c) && (holdsNumbers(c) || headed(c))) candidates.push(c);
  // The columns right after the last category, as long as they follow each other: a table further right is not this one's.
  const after: number[] = [];
  for (const c of candidates) if (c > lastSettle && c - (after[after.length - 1] ?? lastSettle) <= ADJACENT) after.push(c);
  const scores: { c: number; g: SubtotalName; score: number; why: string }[] = [];
  for (const c of candidates) {
    const head = headerKeyAt(c, bandTop, bandBottom);
    for (const g of ['collect', 'settle', 'total'] as const) {
      let score = 0;
      const why: string[] = [];
      if (SUBTOTAL_HEADINGS[g].test(head)) {
        score += HEADING_SCORE;
        why.push(explain.heading(head));
      } else if (GENERIC_HEADING.test(head) && g !== 'total') {
        score += GENERIC_SCORE;
        why.push(explain.heading(head));
      }
      // ①–⑨ 計 ⑩–⑯ 計 合計: a lone column after ⑯ may be either subtotal, and its heading or sums decide.
      const inPlace =
        g === 'collect'
          ? c > lastCollect && c < firstSettle
          : g === 'settle'
            ? c === after[0] && (after.length > 1 || !SUBTOTAL_HEADINGS.total.test(head))
            : c === after[after.length - 1] && (after.length > 1 || !SUBTOTAL_HEADINGS.settle.test(head));
      if (inPlace) {
        score += POSITION_SCORE;
        why.push(explain.position());
      }
      let strong = 0;
      let weak = 0;
      let wrong = 0;
      for (const d of dataRows) {
        const kind = d.measure === 'count' ? 'count' : 'amount';
        const v = numberAt(grid, d.row, c + d.shift, kind);
        let sum = 0;
        for (const m of SUBTOTAL_MEMBERS[g]) {
          const mc = catCol.get(m);
          if (mc !== undefined) sum += numberAt(grid, d.row, mc + d.shift, kind) ?? 0;
        }
        if (v === sum) {
          if (sum !== 0) strong++;
          else weak++;
        } else if (v !== null && sum !== 0) wrong++;
      }
      score += strong * ARITH_STRONG + weak * ARITH_WEAK - wrong * ARITH_WRONG;
      if (strong > 0) why.push(explain.arithmetic(strong, dataRows.length));
      // A column qualifies by its heading, its place or its sums; its score then ranks it against the others.
      const hasHeading = SUBTOTAL_HEADINGS[g].test(head) || (GENERIC_HEADING.test(head) && g !== 'total');
      if (hasHeading || inPlace || strong >= ARITH_ENOUGH) scores.push({ c, g, score, why: why.join('、') });
    }
  }
  const subCol = new Map<SubtotalName, number>();
  for (const s of scores.sort((x, y) => y.score - x.score)) {
    if (subCol.has(s.g) || [...subCol.values()].includes(s.c)) continue;
    subCol.set(s.g, s.c);
    evidence.push({ part: '3. 区分別の表', cells: [toA1(header.row, s.c)], reason: explain.subtotal(s.g, s.why) });
  }

  const fields: Field[] = [];
  for (const d of dataRows) {
    const kind = d.measure === 'count' ? 'count' : 'amount';
    for (const cat of CATEGORIES) {
      const c = catCol.get(cat);
      if (c !== undefined) fields.push(mk(key.status(d.part, d.measure, cat), d.row, c + d.shift, kind));
    }
    for (const [s, c] of subCol) fields.push(mk(key.status(d.part, d.measure, s as StatusColumn), d.row, c + d.shift, kind));
  }
  const right = Math.max(lastTokenCol, ...subCol.values(), ...catCol.values()) + (pairs ? 1 : 0);
  return { fields, has15_2, evidence, top: bandTop, bottom: dataRows[dataRows.length - 1]!.row, left: labelFrom, right };
}

function transpose(grid: Grid, b: Region): Grid {
  const cells: GridCell[] = [];
  for (const c of grid.cells()) {
    if (c.row < b.top || c.row > b.bottom || c.col < b.left || c.col > b.right) continue;
    cells.push({ ...c, row: c.col, col: c.row });
  }
  const merges = grid.merges.map((m) => ({ top: m.left, left: m.top, bottom: m.right, right: m.bottom }));
  return new Grid(grid.name, cells, merges);
}

/** Section 3's table within a band of the sheet, in either orientation; null when no category header is there. */
export function readStatusTable(index: LabelIndex, b: Region): StatusTable | null {
  const grid = index.grid;
  const across = readHorizontal(index, b, (k, r, c, kind) => makeField(grid, k, r, c, kind), a1);
  if (across) {
    const t = across;
    return { ...t, covers: (r, c) => r >= t.top && r <= t.bottom && c >= t.left && c <= t.right };
  }
  const tg = transpose(grid, b);
  const tIndex = new LabelIndex(tg);
  const tb: Region = { top: b.left, left: b.top, bottom: b.right, right: b.bottom };
  const down = readHorizontal(
    tIndex,
    tb,
    (k, r, c, kind) => ({ ...makeField(tg, k, r, c, kind), row: c, col: r, address: a1(c, r) }),
    (r, c) => a1(c, r),
  );
  if (!down) return null;
  // Back in the sheet's orientation: the table's rows are the transpose's columns.
  const t = { top: down.left, bottom: down.right, left: down.top, right: down.bottom };
  return {
    fields: down.fields,
    has15_2: down.has15_2,
    evidence: down.evidence.map((e) => ({ ...e, reason: `${e.reason}${explain.transposed()}` })),
    top: t.top,
    bottom: t.bottom,
    right: t.right,
    covers: (r, c) => r >= t.top && r <= t.bottom && c >= t.left && c <= t.right,
  };
}
