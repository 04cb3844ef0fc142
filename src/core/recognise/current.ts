// One current-edition form (未収金目標及び具体取組内容調査書) within its region: the trend table is the spine, and
// every other part is found by its own labels in the band of rows where it must stand, confirmed by structure.
// What cannot be found is listed as missing (the checker's limit), never guessed.
import { type Grid, a1 } from '../grid';
import { CLEARLY_PERCENT, parseNumberText, percentSign } from '../text/values';
import { parseFiscalYear } from '../text/fiscalYear';
import type { CurrentForm, Evidence, Field, MissingPart, Region } from '../model/form';
import { key, NARRATIVE_VERIFY_ROWS, TREND_CODES, TREND_RATES, TREND_ROWS, type TrendRow } from '../model/keys';
import { explain, messages } from '../messages';
import { band, type Label, type LabelIndex, makeField } from './labels';
import { assignTrendRows, readTrendLines, rowLabelText, type Spine, yearFromRows } from './trend';
import { headingCandidates, type SectionNo } from './sections';
import { readHeader, readRatings } from './header';
import { readStatusTable } from './status';
import { readSummary, withBeside } from './summary';
import { readNarrative } from './narrative';

/** The group and name rows of the trend table stand at most this many rows above its code row. */
const TABLE_HEADER_SPAN = 3;

/** The top row of the trend table's header (group row, names row, code row): the bands above end there. */
function tableTop(index: LabelIndex, spine: Spine): number {
  let top = spine.row;
  for (let r = spine.row - 1; r >= spine.row - TABLE_HEADER_SPAN && r >= 0; r--) {
    if (index.row(r).some((l) => l.col >= spine.firstCol - 1 && l.col <= spine.lastCol)) top = r;
    else break;
  }
  return top;
}

const HEADER_PART = '表頭';
const RATINGS_PART = '1. 修正目標の達成状況(評価欄)';
const STATUS_PART = '3. 未収金実績の状況(区分別の表)';
const SUMMARY_PART = '3. 債務者数・件数・残高';
const VERIFY_PART = '4. 取組内容の検証など';
const PLAN_PART = '5. 翌年度の取組内容';

/**
 * Rates typed by hand as percentages: where one of them shows a literal % sign (0.6 under 0.0"%") or, shown without a
 * % sign, is clearly a percentage (44.4), the small ones shown without a % sign are too (0.9 for 0.9%), not ratios (90%).
 */
function ratesAsPrinted(grid: Grid, fields: Map<string, Field>): void {
  const typed = [...fields.values()].filter((f) => f.kind === 'rate' && f.formula === undefined && f.parsed.status === 'number');
  const shown = typed.flatMap((f) => {
    const v = grid.cell(f.row, f.col)?.value;
    // Text shows as typed whatever the number format; text with a % sign was read as a percentage already.
    if (typeof v === 'number') return [{ f, raw: v, sign: percentSign(f.numFmt, v) }];
    const raw = typeof v !== 'string' || v.includes('%') || v.includes('％') ? null : (parseNumberText(v, 'rate')?.value ?? null);
    return raw === null ? [] : [{ f, raw, sign: 'none' as const }];
  });
  if (!shown.some(({ raw, sign }) => sign === 'literal' || (sign === 'none' && Math.abs(raw) > CLEARLY_PERCENT))) return;
  for (const { f, raw, sign } of shown) {
    if (sign === 'none' && Math.abs(raw) <= CLEARLY_PERCENT && f.parsed.status === 'number') f.parsed = { ...f.parsed, value: raw / 100 };
  }
}

export function readCurrentForm(index: LabelIndex, spine: Spine, region: Region, titleRow: number | null): CurrentForm {
  const grid = index.grid;
  const fields = new Map<string, Field>();
  const put = (f: Field) => {
    if (!fields.has(f.key)) fields.set(f.key, f);
  };
  const evidence: Evidence[] = [spine.evidence];
  const missing: MissingPart[] = [];
  const heads = headingCandidates(index, region);
  const cand = (n: SectionNo) => heads.get(n) ?? [];
  const evidenceOf = (part: string, l: Label | undefined) => {
    if (l) evidence.push({ part, cells: [a1(l.row, l.col)], reason: explain.heading(l.raw.replace(/\s+/g, ' ').trim().slice(0, 40)) });
  };

  // Above the table: section 2's heading, section 1's above it, the header above that.
  const top = tableTop(index, spine);
  const sec2 = cand(2).filter((l) => l.row <= top).pop();
  const sec1 = cand(1).filter((l) => l.row < (sec2?.row ?? top)).pop();
  evidenceOf('2. 未収金の推移', sec2);
  evidenceOf('1. 達成状況', sec1);
  const aboveTable = (sec2?.row ?? top) - 1;

  // Below the table: section 3's heading, its table, section 4 and 5.
  const lastPart = spine.next ?? spine;
  const sec3 = cand(3).find((l) => l.row > lastPart.headerBottom);
  const statusSearch = band(region, sec3 ? sec3.row + 1 : lastPart.headerBottom + 1, region.bottom);
  const sec4Guess = cand(4).find((l) => l.row > (sec3?.row ?? lastPart.headerBottom));
  const status = readStatusTable(index, sec4Guess ? band(statusSearch, statusSearch.top, sec4Guess.row - 1) : statusSearch);
  const statusTop = status ? Math.min(...status.fields.map((f) => f.row)) : null;
  const sec4 = cand(4).find((l) => l.row > (status?.bottom ?? sec3?.row ?? lastPart.headerBottom));
  const sec5 = cand(5).find((l) => l.row > (sec4?.row ?? status?.bottom ?? lastPart.headerBottom));
  evidenceOf('3. 未収金実績の状況', sec3);
  evidenceOf(VERIFY_PART, sec4);
  evidenceOf(PLAN_PART, sec5);

  // Header and ratings
  const header = readHeader(index, band(region, region.top, (sec1?.row ?? aboveTable + 1) - 1));
  header.fields.forEach(put);
  evidence.push(...header.evidence);
  if (!header.found) missing.push({ id: 'header', part: HEADER_PART, lookedFor: messages.lookedForHeader() });
  else for (const f of header.missing) missing.push({ id: `header.${f}`, part: `${HEADER_PART} ${messages.headerName(f)}`, lookedFor: messages.lookedForLabel(messages.headerName(f)) });
  const ratingsBand = band(region, sec1 ? sec1.row + 1 : region.top, aboveTable);
  const ratings = readRatings(index, ratingsBand);
  ratings.fields.forEach(put);
  evidence.push(...ratings.evidence);
  if (!ratings.found) missing.push({ id: 'ratings', part: RATINGS_PART, lookedFor: messages.lookedForRatings() });
  else for (const c of ratings.missing) missing.push({ id: `rating.${c}`, part: `${RATINGS_PART} ${messages.ratingName(c)}`, lookedFor: messages.lookedForLabel(messages.ratingName(c)) });

  // Section 2: rows A–G down to section 3 (its heading, or its table where the heading is missing).
  const trendBottom = Math.min(sec3?.row ?? Number.POSITIVE_INFINITY, statusTop !== null ? statusTop : Number.POSITIVE_INFINITY, region.bottom + 1) - 1;
  // A table cut in two: each part's rows end where the next part's header begins.
  const parts = spine.next ? [spine, spine.next] : [spine];
  const partLines = parts.map((p, i) => readTrendLines(index, p, i + 1 < parts.length ? tableTop(index, parts[i + 1]!) - 1 : trendBottom, region.left));
  const lines = partLines[0]!;
  const titleYears = [sec1, sec3, sec4].map((l) => (l ? parseFiscalYear(l.raw) : null)).filter((y): y is number => y !== null);
  const plannedYear = sec5 ? parseFiscalYear(sec5.raw) : null;
  if (plannedYear !== null) titleYears.push(plannedYear - 1);
  const titleYear = titleYears[0] ?? null;
  const rowsYear = yearFromRows(lines);
  const n = rowsYear ?? titleYear;
  const rows = assignTrendRows(lines, n);
  const rowLabels: Partial<Record<TrendRow, string>> = {};
  parts.forEach((p, i) => {
    const partRows = i === 0 ? rows : assignTrendRows(partLines[i]!, n);
    if (i > 0) evidence.push(p.evidence);
    for (const [letter, line] of partRows) {
      rowLabels[letter] ??= rowLabelText(line, letter);
      for (const [code, col] of p.cols) put(makeField(grid, key.trend(letter, code), line.row, col, TREND_RATES.includes(code) ? 'rate' : 'amount'));
      evidence.push({ part: '2. 未収金の推移', cells: [a1(line.row, p.firstCol)], reason: explain.trendRow(letter, line.label, line.year !== null && line.stage !== null, line.letter !== null) });
    }
  });
  // Row A (N−2 実績) is left out of tables whose claim is younger: its absence is not worth a word.
  for (const r of TREND_ROWS) if (r !== 'A' && !rows.has(r)) missing.push({ id: `trend.${r}`, part: `2. 未収金の推移 ${r}行`, lookedFor: messages.lookedForTrendRow(r) });
  const lostCodes = TREND_CODES.filter((c) => !parts.some((p) => p.cols.has(c)));
  if (lostCodes.length) missing.push({ id: 'trend.codes', part: `2. 未収金の推移 ${lostCodes.join('・')}列`, lookedFor: messages.lookedForCodes(lostCodes) });

  // Section 3
  if (status) {
    status.fields.forEach(put);
    evidence.push(...status.evidence);
  } else missing.push({ id: 'status', part: STATUS_PART, lookedFor: messages.lookedForStatus() });
  const summaryBand = band(region, status ? status.bottom + 1 : sec3 ? sec3.row + 1 : trendBottom + 1, (sec4?.row ?? region.bottom + 1) - 1);
  const below = readSummary(index, summaryBand, status ? status.covers : () => false);
  // Some copies put the summary beside the table, right of its last column: read there what is not below.
  const summary = status && below.missing.length ? withBeside(below, readSummary(index, { ...band(region, status.top, status.bottom), left: status.right + 1 }, () => false)) : below;
  summary.fields.forEach(put);
  evidence.push(...summary.evidence);
  if (!summary.found) missing.push({ id: 'summary', part: SUMMARY_PART, lookedFor: messages.lookedForSummary() });
  else for (const f of summary.missing) missing.push({ id: `summary.${f}`, part: `3. ${messages.summaryName(f)}`, lookedFor: messages.lookedForLabel(messages.summaryName(f)) });

  // Sections 4 and 5
  const verify = sec4
    ? readNarrative(index, band(region, sec4.row + 1, (sec5?.row ?? region.bottom + 1) - 1), NARRATIVE_VERIFY_ROWS, (p, r) => key.verify(p, r as (typeof NARRATIVE_VERIFY_ROWS)[number]), VERIFY_PART)
    : null;
  verify?.fields.forEach(put);
  if (verify) evidence.push(...verify.evidence);
  if (!verify?.found) missing.push({ id: 'verify', part: VERIFY_PART, lookedFor: messages.lookedForNarrative(VERIFY_PART) });
  const plan = sec5 ? readNarrative(index, band(region, sec5.row + 1, region.bottom), ['取組内容'], (p) => key.plan(p), PLAN_PART) : null;
  plan?.fields.forEach(put);
  if (plan) evidence.push(...plan.evidence);
  if (!plan?.found) missing.push({ id: 'plan', part: PLAN_PART, lookedFor: messages.lookedForNarrative(PLAN_PART) });

  ratesAsPrinted(grid, fields);

  const cells = grid.cells().filter((c) => c.row >= region.top && c.row <= region.bottom && c.col >= region.left && c.col <= region.right);
  const anchorRow = titleRow ?? region.top;
  const anchorLabel = index.row(anchorRow).find((l) => l.col >= region.left && l.col <= region.right);
  return {
    edition: 'current',
    sheet: grid.name,
    anchor: a1(anchorRow, anchorLabel?.col ?? region.left),
    fiscalYear: n,
    titleYear,
    fields,
    region,
    cells,
    rowLabels,
    has15_2: status?.has15_2 ?? false,
    evidence,
    missing,
    found: {
      header: header.found,
      ratings: ratings.found,
      status: status !== null,
      summary: summary.found,
      verify: verify?.found ?? false,
      plan: plan?.found ?? false,
    },
  };
}
