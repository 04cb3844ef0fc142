// Recognition of the current edition (未収金目標及び具体取組内容調査書) by its labels and codes, wherever it sits.
// The trend table's code row (ア … ケ'') is the form's spine; every other part is found by its own labels
// within the band of rows that belongs to that form.
import { type Grid, a1 } from '../grid';
import { circledNumber } from '../text/normalize';
import { findFiscalYears, parseFiscalYear } from '../text/fiscalYear';
import type { CurrentForm, Field, Region } from '../model/form';
import {
  CATEGORIES,
  type Category,
  HEADER_FIELDS,
  type HeaderField,
  key,
  NARRATIVE_VERIFY_ROWS,
  type Part,
  type Stage,
  TREND_RATES,
  TREND_ROW_DEF,
  TREND_ROWS,
  type TrendCode,
  type TrendRow,
  isTrendCode,
} from '../model/keys';
import { band, type Label, LabelIndex, isEmpty, makeField, valueCellOf } from './labels';

export const CURRENT_TITLE_RE = /未収金(目標|目録)及び具体的?取組(内容)?(の)?調査/;
const SECTION1_RE = /^1[.．、]?.*(達成状況|修正目標)/;
const SECTION2_RE = /^2[.．、]?.*未収金の推移/;
const SECTION3_RE = /^3[.．、]?.*(未収金実績の状況|決算見込|区分別)/;
const SECTION4_RE = /^4[.．、]?.*(検証|取組内容)/;
const SECTION5_RE = /^5[.．、]?.*取組内容/;
const CODE_RE = /^([アイウエオカキクケ])('{0,2})(?![ァ-ヶー'])/;

/** The trend code at the start of one line of a cell, e.g. "カ'=エ'+オ'" → "カ'". */
function codeOf(line: string): TrendCode | null {
  const m = CODE_RE.exec(line);
  if (!m) return null;
  const c = m[1]! + m[2]!;
  return isTrendCode(c) ? c : null;
}

export interface CodeRow {
  row: number;
  cols: Map<TrendCode, number>;
}

const NAME_CODES: [RegExp, readonly TrendCode[]][] = [
  [/調定繰越額|前年度からの/, ['ア']],
  [/調定減少額|年度中の/, ['イ']],
  [/^調定額/, ['ウ', "ウ'"]],
  [/^徴収額/, ['エ', "エ'"]],
  [/^不納欠損額/, ['オ', "オ'"]],
  [/^整理額/, ['カ', "カ'"]],
  [/^徴収率/, ['キ', "キ'", "キ''"]],
  [/^整理率/, ['ク', "ク'", "ク''"]],
  [/^未収金残高/, ['ケ', "ケ'", "ケ''"]],
];

/**
 * A sheet without the code row still prints the column names: the n-th 調定額 from the left is ウ then ウ',
 * the n-th 未収金残高 is ケ, ケ', ケ'' (past, current, total are always in that order).
 */
function codesFromNames(labels: Label[]): Map<TrendCode, number> {
  const seen = new Map<RegExp, number>();
  const cols = new Map<TrendCode, number>();
  for (const l of [...labels].sort((a, b) => a.col - b.col)) {
    const hit = NAME_CODES.find(([re]) => re.test(l.norm));
    if (!hit) continue;
    const n = seen.get(hit[0]) ?? 0;
    seen.set(hit[0], n + 1);
    const code = hit[1][n];
    if (code && !cols.has(code)) cols.set(code, l.col);
  }
  return cols;
}

/** Rows that print at least 12 distinct trend codes (or, failing that, the column names): one per form. */
export function findCodeRows(index: LabelIndex): CodeRow[] {
  const byCodes = findRowsByCodes(index);
  const byNames: CodeRow[] = [];
  const rowsWithLabels = new Set(index.labels.map((l) => l.row));
  for (const row of rowsWithLabels) {
    if (byCodes.some((c) => Math.abs(c.row - row) <= 3)) continue;
    const cols = codesFromNames(index.row(row));
    if (cols.size >= 15) byNames.push({ row, cols });
  }
  return [...byCodes, ...byNames].sort((a, b) => a.row - b.row);
}

function findRowsByCodes(index: LabelIndex): CodeRow[] {
  const rows = new Map<number, Map<TrendCode, number>>();
  for (const l of index.labels) {
    for (const line of l.lines) {
      const code = codeOf(line);
      if (!code) continue;
      let m = rows.get(l.row);
      if (!m) rows.set(l.row, (m = new Map()));
      if (!m.has(code)) m.set(code, l.col);
      break;
    }
  }
  return [...rows.entries()]
    .filter(([, m]) => m.size >= 12)
    .map(([row, cols]) => ({ row, cols }))
    .sort((a, b) => a.row - b.row);
}

const STAGE_RE = /(修正目標|当初目標|実績)/;

function stageOf(text: string): Stage | null {
  const m = STAGE_RE.exec(text);
  return m ? (m[1] as Stage) : null;
}

interface TrendLine {
  row: number;
  label: string;
  letter: TrendRow | null;
  year: number | null;
  stage: Stage | null;
}

function readTrendLines(grid: Grid, index: LabelIndex, codeRow: CodeRow, endRow: number, left: number): TrendLine[] {
  const codeCols = [...codeRow.cols.values()];
  const firstCodeCol = Math.min(...codeCols);
  const lines: TrendLine[] = [];
  let gap = 0;
  for (let r = codeRow.row + 1; r <= endRow; r++) {
    const labelCells = index.row(r).filter((l) => l.col < firstCodeCol && l.col >= left);
    const label = labelCells.map((l) => l.raw.replace(/\s+/g, ' ').trim()).join(' ');
    let filled = 0;
    for (const c of codeCols) if (!isEmpty(grid.cell(r, c))) filled++;
    const stage = stageOf(labelCells.map((l) => l.norm).join(''));
    if (!stage && filled < 3) {
      // Header rows between the code row and the data, or the blank rows after the table.
      if (lines.length > 0 && ++gap > 2) break;
      continue;
    }
    gap = 0;
    let letter: TrendRow | null = null;
    for (const l of labelCells) {
      const m = /^([A-G])(?![A-Za-z])/.exec(l.norm);
      if (m) {
        letter = m[1] as TrendRow;
        break;
      }
    }
    const years = findFiscalYears(labelCells.map((l) => l.norm).join(' '));
    lines.push({ row: r, label, letter, year: years[0]?.year ?? null, stage });
    if (lines.length >= 9) break;
  }
  return lines;
}

/** N from the rows themselves: the latest 実績 year, else the first 当初目標 year − 1. */
function yearFromRows(lines: TrendLine[]): number | null {
  const actual = lines.filter((l) => l.stage === '実績' && l.year !== null).map((l) => l.year!);
  if (actual.length > 0) return Math.max(...actual);
  const initial = lines.filter((l) => l.stage === '当初目標' && l.year !== null).map((l) => l.year!);
  if (initial.length > 0) return Math.min(...initial) - 1;
  return null;
}

/** Assigns rows A–G: by year and stage where the labels give both, then by printed letter, then by order. */
function assignTrendRows(lines: TrendLine[], n: number | null): Map<TrendRow, TrendLine> {
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
      const letter = TREND_ROWS.find(
        (l) => TREND_ROW_DEF[l].stage === line.stage && n + TREND_ROW_DEF[l].offset === line.year,
      );
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
      if (letter === 'A' && line.stage === '実績' && following && stageOf(following.label) === '修正目標') continue;
      take(letter, line);
      next = k + 1;
      break;
    }
  });
  return out;
}

function labelIs(norm: string, ...names: string[]): boolean {
  const base = norm.replace(/[(（].*$/, '');
  return names.some((n) => base === n);
}

const HEADER_LABELS: Record<HeaderField, (norm: string) => boolean> = {
  bureau: (s) => labelIs(s, '所属', '所属名', '局', '所属局'),
  section: (s) => labelIs(s, '担当', '担当課', '担当部署', '所管課', '所管部署'),
  claimNo: (s) => /^(債権)?整理番号/.test(s),
  claimType: (s) => labelIs(s, '債権区分', '区分'),
  claimName: (s) => labelIs(s, '債権名', '債権の名称'),
};

function isHeaderLabel(norm: string): boolean {
  return Object.values(HEADER_LABELS).some((p) => p(norm));
}

export interface CurrentCandidate {
  codeRow: CodeRow;
  top: number;
  titleRow: number | null;
}

/** Finds where each form starts: the title (or header) above its code row, after the previous form. */
export function locateCurrentForms(index: LabelIndex, codeRows: CodeRow[]): CurrentCandidate[] {
  const all: Region = { top: 0, left: 0, bottom: index.grid.rowCount, right: index.grid.colCount };
  return codeRows.map((cr, i) => {
    const from = i === 0 ? 0 : codeRows[i - 1]!.row + 1;
    const above = band(all, from, cr.row - 1);
    const titles = index.find(above, (l) => CURRENT_TITLE_RE.test(l.norm));
    const title = titles[titles.length - 1];
    if (title) return { codeRow: cr, top: title.row, titleRow: title.row };
    const heads = index.find(above, (l) => HEADER_LABELS.bureau(l.norm) || SECTION1_RE.test(l.norm));
    const firstHead = heads.find((h) => h.row > (i === 0 ? -1 : codeRows[i - 1]!.row + 8));
    return { codeRow: cr, top: firstHead ? firstHead.row : Math.max(from, cr.row - 3), titleRow: null };
  });
}

/** Reads one current-edition form within rows [top, bottom]. */
export function readCurrentForm(grid: Grid, index: LabelIndex, cand: CurrentCandidate, bottom: number): CurrentForm {
  const codeCols = [...cand.codeRow.cols.values()];
  const region: Region = { top: cand.top, left: 0, bottom, right: grid.colCount - 1 };
  const fields = new Map<string, Field>();
  const put = (f: Field) => fields.set(f.key, f);

  const sec1 = index.first(band(region, region.top, cand.codeRow.row), (l) => SECTION1_RE.test(l.norm));
  const sec2 = index.first(band(region, region.top, cand.codeRow.row), (l) => SECTION2_RE.test(l.norm));
  const sec3 = index.first(band(region, cand.codeRow.row + 1, bottom), (l) => SECTION3_RE.test(l.norm));
  const sec4 = index.first(band(region, (sec3?.row ?? cand.codeRow.row) + 1, bottom), (l) => SECTION4_RE.test(l.norm));
  const sec5 = index.first(band(region, (sec4?.row ?? cand.codeRow.row) + 1, bottom), (l) => SECTION5_RE.test(l.norm));

  // Left edge: the leftmost label of the form (titles may sit centred).
  const left = Math.min(
    ...codeCols,
    ...index.find(band(region, region.top, bottom), () => true).map((l) => l.col),
  );
  region.left = left;

  // Header
  const headerBand = band(region, region.top, (sec1?.row ?? cand.codeRow.row) - 1);
  const headerLabels = index.find(headerBand, (l) => isHeaderLabel(l.norm));
  let headerFound = false;
  for (const f of HEADER_FIELDS) {
    const l = headerLabels.find((h) => HEADER_LABELS[f](h.norm));
    if (!l) continue;
    headerFound = true;
    const at = valueCellOf(grid, l, isHeaderLabel);
    put(makeField(grid, key.header(f), at.row, at.col, 'text'));
  }

  // Section 1: ratings
  let ratingsFound = false;
  if (sec1) {
    const end = (sec2?.row ?? cand.codeRow.row - 1) - 1;
    const b = band(region, sec1.row + 1, end);
    const isRatingLabel = (s: string) => labelIs(s, '過年度', '現年度') || /^合計/.test(s);
    const pick = (pred: (s: string) => boolean) => index.first(b, (l) => pred(l.norm));
    const labels = {
      past: pick((s) => labelIs(s, '過年度')),
      current: pick((s) => labelIs(s, '現年度')),
      total: pick((s) => /^合計/.test(s) && s.length <= 14),
    };
    for (const [col, l] of Object.entries(labels) as [keyof typeof labels, Label | undefined][]) {
      if (!l) continue;
      ratingsFound = true;
      const at = valueCellOf(grid, l, isRatingLabel, 3);
      put(makeField(grid, key.rating(col), at.row, at.col, 'rating'));
    }
  }

  // Section 2: trend rows
  const trendEnd = (sec3?.row ?? bottom + 1) - 1;
  const lines = readTrendLines(grid, index, cand.codeRow, trendEnd, left);
  const titleYear =
    (sec1 ? parseFiscalYear(sec1.raw) : null) ?? (sec3 ? parseFiscalYear(sec3.raw) : null);
  const rowsYear = yearFromRows(lines);
  const n = titleYear ?? rowsYear;
  const rows = assignTrendRows(lines, rowsYear ?? n);
  const rowLabels: Partial<Record<TrendRow, string>> = {};
  for (const [letter, line] of rows) {
    rowLabels[letter] = line.label.replace(/^[A-G]\s*/, '').trim() || letter;
    for (const [code, col] of cand.codeRow.cols) {
      put(makeField(grid, key.trend(letter, code), line.row, col, TREND_RATES.includes(code) ? 'rate' : 'amount'));
    }
  }

  // Section 3: status by category
  const status = sec3 ? readStatus(grid, index, band(region, sec3.row + 1, (sec4?.row ?? bottom + 1) - 1), put) : null;

  // Sections 4 and 5: narrative
  const verifyFound = sec4
    ? readNarrative(grid, index, band(region, sec4.row + 1, (sec5?.row ?? bottom + 1) - 1), NARRATIVE_VERIFY_ROWS, (p, r) => key.verify(p, r as (typeof NARRATIVE_VERIFY_ROWS)[number]), put)
    : false;
  const planFound = sec5
    ? readNarrative(grid, index, band(region, sec5.row + 1, bottom), ['取組内容'], (p) => key.plan(p), put)
    : false;

  const cells = grid.cells().filter(
    (c) => c.row >= region.top && c.row <= region.bottom && c.col >= region.left,
  );
  const anchorRow = cand.titleRow ?? region.top;
  const anchorLabel = index.row(anchorRow).filter((l) => l.col >= left)[0];
  return {
    edition: 'current',
    sheet: grid.name,
    anchor: a1(anchorRow, anchorLabel?.col ?? left),
    fiscalYear: n,
    fields,
    region,
    cells,
    rowLabels,
    has15_2: status?.has15_2 ?? false,
    found: {
      header: headerFound,
      ratings: ratingsFound,
      status: status !== null && status.rows > 0,
      summary: status?.summary ?? false,
      verify: verifyFound,
      plan: planFound,
    },
  };
}

interface StatusRead {
  rows: number;
  has15_2: boolean;
  summary: boolean;
}

function readStatus(grid: Grid, index: LabelIndex, b: Region, put: (f: Field) => void): StatusRead | null {
  // The header row that prints the circled numbers ①…⑯.
  const circledByRow = new Map<number, Map<number, number>>();
  for (const l of index.find(b, (x) => x.norm.length <= 3 && circledNumber(x.norm[0] ?? '') !== null)) {
    const n = circledNumber(l.norm[0]!)!;
    const isPair = /^[⑮]((-|の|ー)?2)$/.test(l.norm);
    let m = circledByRow.get(l.row);
    if (!m) circledByRow.set(l.row, (m = new Map()));
    if (isPair) m.set(152, l.col);
    else if (!m.has(n)) m.set(n, l.col);
  }
  const headerEntry = [...circledByRow.entries()].filter(([, m]) => m.size >= 10).sort((a, b2) => a[0] - b2[0])[0];
  if (!headerEntry) return null;
  const [headerRow, nums] = headerEntry;
  const catCol = new Map<Category, number>();
  for (let i = 1; i <= 16; i++) if (nums.has(i)) catCol.set(String(i) as Category, nums.get(i)!);
  const col1 = catCol.get('1') ?? Math.min(...nums.values());

  // Data rows: 件数 / 残高 labels left of ①, grouped under 過年度 / 現年度.
  const dataRows: { row: number; part: Part; measure: 'count' | 'balance' }[] = [];
  let part: Part | null = null;
  let seen = 0;
  for (let r = headerRow + 1; r <= b.bottom && dataRows.length < 4; r++) {
    const left = index.row(r).filter((l) => l.col < col1);
    const joined = left.map((l) => l.norm).join('');
    if (/債務者数|決算見込/.test(joined)) break;
    if (/過年度/.test(joined)) part = 'past';
    else if (/現年度/.test(joined)) part = 'current';
    const measure = /件数/.test(joined) ? 'count' : /残高/.test(joined) ? 'balance' : null;
    if (!measure) continue;
    const p: Part = part ?? (seen < 2 ? 'past' : 'current');
    dataRows.push({ row: r, part: p, measure });
    seen++;
  }
  if (dataRows.length === 0) return null;

  // ⑮-2: a column between ⑮ and ⑯ that holds anything in the header rows or the data rows.
  const headerRows: number[] = [];
  for (let r = b.top; r < dataRows[0]!.row; r++) headerRows.push(r);
  const usedRows = [...headerRows, ...dataRows.map((d) => d.row)];
  const colHasContent = (c: number) => usedRows.some((r) => !isEmpty(grid.cell(r, c)));
  const labelAt = (c: number) =>
    headerRows
      .map((r) => grid.cell(r, c)?.value)
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.replace(/\s+/g, ''))
      .join('');
  const c15 = catCol.get('15');
  const c16 = catCol.get('16');
  let has15_2 = false;
  if (nums.has(152)) {
    catCol.set('15-2', nums.get(152)!);
    has15_2 = true;
  } else if (c15 !== undefined && c16 !== undefined) {
    for (let c = c15 + 1; c < c16; c++) {
      if (colHasContent(c)) {
        catCol.set('15-2', c);
        has15_2 = true;
        break;
      }
    }
  }
  // Subtotal columns: labelled 計 where they are, otherwise by position (the first used column after the block).
  const firstUsed = (from: number, to: number, pred: (c: number) => boolean) => {
    for (let c = from; c <= to; c++) if (pred(c)) return c;
    return undefined;
  };
  const c9 = catCol.get('9');
  const c10 = catCol.get('10');
  const subCols: Partial<Record<'collect' | 'settle' | 'total', number>> = {};
  if (c9 !== undefined && c10 !== undefined) {
    subCols.collect =
      firstUsed(c9 + 1, c10 - 1, (c) => /計/.test(labelAt(c))) ?? firstUsed(c9 + 1, c10 - 1, colHasContent);
  }
  const lastCat = c16 ?? Math.max(...catCol.values());
  const limit = lastCat + 8;
  const totalByLabel = firstUsed(lastCat + 1, limit, (c) => /合計/.test(labelAt(c)));
  subCols.settle = firstUsed(lastCat + 1, (totalByLabel ?? limit + 1) - 1, (c) => /計/.test(labelAt(c)) || colHasContent(c));
  subCols.total = totalByLabel ?? (subCols.settle !== undefined ? firstUsed(subCols.settle + 1, limit, colHasContent) : undefined);

  for (const d of dataRows) {
    const kind = d.measure === 'count' ? 'count' : 'amount';
    for (const cat of CATEGORIES) {
      const c = catCol.get(cat);
      if (c !== undefined) put(makeField(grid, key.status(d.part, d.measure, cat), d.row, c, kind));
    }
    for (const [s, c] of Object.entries(subCols) as ['collect' | 'settle' | 'total', number | undefined][]) {
      if (c !== undefined) put(makeField(grid, key.status(d.part, d.measure, s), d.row, c, kind));
    }
  }

  // Summary: 債務者数, 未収債権の件数(過年度+現年度), 未収金残高(過年度+現年度) after the table.
  const lastData = dataRows[dataRows.length - 1]!.row;
  const sb = band(b, lastData + 1, b.bottom);
  // Notes on counting (【…の考え方】, ① …, ※ …) mention 件数 and 債務者数 too: they are not the fields.
  const summaryLabels = index.find(
    sb,
    (l) => /債務者数|件数|残高/.test(l.norm) && l.norm.length <= 70 && !/^[【※(（①-⑳]/.test(l.norm),
  );
  const isSummaryLabel = (s: string) => /債務者数|件数|残高|決算見込/.test(s);
  let summary = false;
  const pick = (re: RegExp, exclude?: RegExp) =>
    summaryLabels.find((l) => re.test(l.norm) && !(exclude && exclude.test(l.norm)));
  const debtors = pick(/債務者数/);
  const cases = pick(/件数/, /債務者数/);
  const balance = pick(/残高/, /債務者数|件数/);
  for (const [f, l, kind] of [
    ['debtors', debtors, 'count'],
    ['cases', cases, 'count'],
    ['balance', balance, 'amount'],
  ] as const) {
    if (!l) continue;
    summary = true;
    const at = valueCellOf(grid, l, isSummaryLabel, 30);
    put(makeField(grid, key.summary(f), at.row, at.col, kind));
  }
  return { rows: dataRows.length, has15_2, summary };
}

function readNarrative(
  grid: Grid,
  index: LabelIndex,
  b: Region,
  rowNames: readonly string[],
  keyOf: (part: Part, row: string) => string,
  put: (f: Field) => void,
): boolean {
  const head = index.first(b, (l) => l.norm === '過年度');
  if (!head) return false;
  const partCols: [Part, number][] = [['past', head.col]];
  const cur = index.row(head.row).find((l) => l.norm === '現年度');
  if (cur) partCols.push(['current', cur.col]);
  let found = false;
  for (const name of rowNames) {
    const l = index.first(band(b, head.row + 1, b.bottom), (x) => x.col < head.col && x.norm === name);
    if (!l) continue;
    found = true;
    for (const [p, c] of partCols) put(makeField(grid, keyOf(p, name), l.row, c, 'text'));
  }
  return found;
}
