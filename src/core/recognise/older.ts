// Recognition of the older edition (未収債権の目標及び具体処理策, 平成25–29 surveys) by its title and sections.
// Its tables are read as label grids: a value sits where a row label's row meets a column label's column.
// Labels go through the same normaliser and scores as the current edition's.
import { a1 } from '../grid';
import { labelKey } from '../text/normalize';
import { findFiscalYears } from '../text/fiscalYear';
import type { Evidence, Field, MissingPart, OlderForm, Region } from '../model/form';
import { type FieldKind, parseCell } from '../text/values';
import { explain, messages } from '../messages';
import { band, type Label, type LabelIndex, isEmpty, makeField, valueCellOf } from './labels';
import { type CompiledSpec, LABEL_THRESHOLD, compile, leadingNumber, scoreKey } from './match';

const BALANCE_RE = /未収金残高の推移/;
const RATES_RE = /徴収率及び整理率|徴収率整理率/;
const STATUS_RE = /決算での未収金残高の状況|未収金残高の状況/;
const RATINGS_RE = /目標達成状況/;

export type OlderSlot = 'N-1実績' | 'N目標' | 'N実績' | 'N+1目標';

interface StageLabel {
  label: Label;
  year: number;
  stage: '実績' | '目標';
}

/** Bare numbers in this edition's year words are 平成 years (「24実績」「25年度目標」). */
const HEISEI_BASE = 1988;
/** A stage label is short: 「平成25年度目標」 at most. */
const STAGE_LABEL_MAX = 14;

/** "24実績", "平成25年度目標", "H26 目標". */
function stageLabels(index: LabelIndex, b: Region): StageLabel[] {
  const out: StageLabel[] = [];
  for (const l of index.find(b, (x) => /(実績|目標)$/.test(x.key) && x.key.length <= STAGE_LABEL_MAX)) {
    const stage = l.key.endsWith('実績') ? '実績' : '目標';
    const era = findFiscalYears(l.key)[0];
    const bare = /^(\d{1,2})(年度?)?(実績|目標)$/.exec(l.key);
    const year = era?.year ?? (bare ? HEISEI_BASE + Number(bare[1]) : null);
    if (year !== null) out.push({ label: l, year, stage });
  }
  return out;
}

function slotOf(s: StageLabel, n: number): OlderSlot | null {
  if (s.stage === '実績' && s.year === n - 1) return 'N-1実績';
  if (s.stage === '目標' && s.year === n) return 'N目標';
  if (s.stage === '実績' && s.year === n) return 'N実績';
  if (s.stage === '目標' && s.year === n + 1) return 'N+1目標';
  return null;
}

/** A balance stands at most this many cells below (or beside) its stage label. */
const VALUE_REACH = 3;

/** The first non-empty cell below (labels in a row) or to the right (labels in a column). */
function valueNear(index: LabelIndex, l: Label, horizontal: boolean): { row: number; col: number } {
  for (let d = 1; d <= VALUE_REACH; d++) {
    const [r, c] = horizontal ? [l.row + d, l.col] : [l.row, l.col + d];
    if (!isEmpty(index.grid.cell(r, c))) return { row: r, col: c };
  }
  return horizontal ? { row: l.row + 1, col: l.col } : { row: l.row, col: l.col + 1 };
}

/** Units of a section, in 円: amounts are compared in the coarser of two sections' units. */
const YEN = 1;
const THOUSAND_YEN = 1000;

function unitOf(index: LabelIndex, b: Region): number {
  const u = index.find(b, (l) => /単位(千円|円)/.test(l.key))[0];
  return u && /単位円/.test(u.key) ? YEN : THOUSAND_YEN;
}

// ---------------------------------------------------------------------------------------------
// Header: 「1. 債権名(債権区分)」 heading with the name on the line below, 「所属 : …」 and 「区分 : …」 with their
// values after the colon or in the next cell.

type OlderHeader = 'affiliation' | 'claimType' | 'claimName';
const HEADER_SPECS: Record<OlderHeader, CompiledSpec> = {
  affiliation: compile({ names: ['所属', '所属名', '所管部署', '担当'] }),
  claimType: compile({ names: ['区分', '債権区分', '債権の区分'], not: /債権名/ }),
  claimName: compile({ names: ['債権名', '債権の名称', '債権名称', '債権名債権区分', '1債権名債権区分', '1債権名'] }),
};
const HEADER_LABEL_MAX = 12;
/** 「1. 債権名(債権区分)」 is longer than a plain label: a heading may carry this many more characters. */
const HEADING_EXTRA = 4;
/** The claim name under its heading starts at most this many columns right of the heading's cell. */
const NAME_REACH = 3;
/** A rate row's 現年度/過年度 label stands above it or at most this many columns right of it (merged labels). */
const PART_REACH = 6;
/** A rating label of section 5 is short (「目標達成状況(現年度+過年度)」). */
const RATING_LABEL_MAX = 24;

function headerOf(l: Label): { field: OlderHeader; score: number; inline: string | null } | null {
  const raw = l.raw.normalize('NFKC').trim();
  // 「所属 : 福祉局」, or the label on its first line and the value on the next (「1. 債権名(債権区分)⏎大学奨学費…」).
  const colon = /^([^:\n]{1,14}):\s*(.*)$/s.exec(raw) ?? /^([^\n]{1,20})\n\s*(\S.*)$/s.exec(raw);
  const labelText = colon ? colon[1]! : raw;
  const k = labelKey(labelText);
  if (k.length > HEADER_LABEL_MAX + HEADING_EXTRA) return null;
  let out: { field: OlderHeader; score: number; inline: string | null } | null = null;
  for (const f of Object.keys(HEADER_SPECS) as OlderHeader[]) {
    const s = scoreKey(k, HEADER_SPECS[f]);
    if (s >= LABEL_THRESHOLD && (!out || s > out.score)) out = { field: f, score: s, inline: inlineValue(colon?.[2]) };
  }
  return out;
}

/** The value typed after a label in its own cell; not a bracketed rest of the label (「債権名⏎(債権区分)」). */
function inlineValue(rest: string | undefined): string | null {
  const v = rest?.trim() ?? '';
  return v === '' || /^[(（]/.test(v) ? null : v;
}

/** The code typed after a rating's label and a colon in one cell, alone or among the others (「合計:A うち現年度:C1 …」). */
function ratingInline(raw: string, label: RegExp): string | null {
  const pairs = [...raw.normalize('NFKC').matchAll(/([^\s:]{1,24}):\s*([^\s:]*)(?=\s|$)/g)];
  const m = pairs.find((p) => label.test(labelKey(p[1]!)));
  // An empty code among others (「うち現年度: うち過年度:C1」) is a blank rating there; 「合計:」 alone has its code beside.
  if (!m || (m[2] === '' && pairs.length < 2)) return null;
  return m[2]!;
}

function isHeaderCell(index: LabelIndex, row: number, col: number): boolean {
  const l = index.at(row, col);
  return !!l && headerOf(l) !== null;
}

/** The claim name under its heading: the first written cell of the next lines that is not itself a label. */
function nameBelow(index: LabelIndex, l: Label, b: Region): { row: number; col: number } | null {
  for (let r = l.row + 1; r <= Math.min(b.bottom, l.row + 2); r++) {
    for (const x of index.row(r)) {
      if (x.col < b.left || x.col > b.right || x.col > l.col + NAME_REACH) continue;
      if (headerOf(x)) continue;
      return { row: r, col: x.col };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Section 4's rows: ①–⑩ by number (circled, plain or bracketed, alone or with the description) or description.

const OLDER_DESCRIPTIONS: [RegExp, number][] = [
  [/換価前|再交渉/, 1],
  [/分納|徴収猶予/, 2],
  [/交渉中/, 3],
  [/換価残/, 4],
  [/執行停止|徴収停止/, 5],
  [/時効/, 6],
  [/生活困窮/, 7],
  [/免責|破産/, 8],
  [/限定承認|相続財産/, 9],
  [/死亡|行方不明/, 10],
];

const OLDER_CATEGORIES = 10;
/** A category's description is a phrase; a longer cell is a note (which may mention 分納 or 破産 too). */
const OLDER_DESCRIPTION_MAX = 40;

function olderCategory(l: Label): number | null {
  const n = leadingNumber(l.raw, l.lines[0] ?? '', OLDER_CATEGORIES);
  if (n !== null) return n;
  if (l.key.length > OLDER_DESCRIPTION_MAX) return null;
  for (const [re, n] of OLDER_DESCRIPTIONS) if (re.test(l.key)) return n;
  return null;
}

export function readOlderForm(index: LabelIndex, region: Region, title: Label): OlderForm | null {
  const grid = index.grid;
  // A title alone (a list of claims, a cover page) is not a form: the balance table must follow.
  const sections = index.find(region, () => true, index.headings);
  const sec = (re: RegExp) => sections.find((l) => re.test(l.key));
  const s2 = sec(BALANCE_RE);
  if (!s2) return null;
  const fields = new Map<string, Field>();
  const evidence: Evidence[] = [{ part: '表題', cells: [a1(title.row, title.col)], reason: explain.heading(title.raw.trim()) }];
  const missing: MissingPart[] = [];
  const put = (k: string, at: { row: number; col: number }, kind: FieldKind) => {
    if (!fields.has(k)) fields.set(k, makeField(grid, k, at.row, at.col, kind));
  };
  const s3 = sec(RATES_RE);
  const s4 = sec(STATUS_RE);
  const s5 = sections.find((l) => RATINGS_RE.test(l.key) && l.row > (s4?.row ?? region.top));
  const rowOf = (l: Label | undefined, fallback: number) => l?.row ?? fallback;

  // 1. Header
  const headerBand = band(region, region.top, rowOf(s2, region.bottom) - 1);
  const picked = new Map<OlderHeader, { label: Label; score: number; inline: string | null }>();
  for (const l of index.find(headerBand, () => true)) {
    const h = headerOf(l);
    if (!h) continue;
    const cur = picked.get(h.field);
    if (!cur || h.score > cur.score) picked.set(h.field, { label: l, score: h.score, inline: h.inline });
  }
  for (const [name, { label: l, inline, score }] of picked) {
    const k = `older.header.${name}`;
    evidence.push({ part: '1. 債権名・所属', cells: [a1(l.row, l.col)], reason: explain.label(l.raw.trim(), score) });
    if (inline !== null) {
      const f = makeField(grid, k, l.row, l.col, 'text');
      f.parsed = { status: 'text', value: inline };
      fields.set(k, f);
      continue;
    }
    // 「1. 債権名(債権区分)」 is a heading: the name is printed on the line below it, never the 所属 beside it.
    const isHeading = name === 'claimName' && /区分|^1/.test(l.key);
    const below = isHeading ? nameBelow(index, l, headerBand) : null;
    if (below) {
      put(k, below, 'text');
      continue;
    }
    const at = valueCellOf(index, l, (s) => s.length <= HEADER_LABEL_MAX + HEADING_EXTRA && Object.values(HEADER_SPECS).some((sp) => scoreKey(s, sp) >= LABEL_THRESHOLD), 6, headerBand.right);
    if (isHeaderCell(index, at.row, at.col)) put(k, { row: l.row, col: l.col + 1 }, 'text');
    else put(k, at, 'text');
  }
  for (const name of ['affiliation', 'claimName', 'claimType'] as const) {
    if (!picked.has(name)) missing.push({ id: `older.header.${name}`, part: `1. ${messages.olderHeaderName(name)}`, lookedFor: messages.lookedForLabel(messages.olderHeaderName(name)) });
  }

  // N: the latest 実績 year of the balance table.
  const s2Band = band(region, rowOf(s2, region.top), rowOf(s3, region.bottom) - 1);
  const s2Labels = stageLabels(index, s2Band);
  const years = s2Labels.filter((s) => s.stage === '実績').map((s) => s.year);
  const n = years.length ? Math.max(...years) : null;
  const titleYear = findFiscalYears(title.raw)[0]?.year ?? null;
  const fiscalYear = n ?? titleYear;

  // 2. Balance trend
  let balanceFound = false;
  if (fiscalYear !== null) {
    const horizontal = s2Labels.length > 1 && s2Labels.every((s) => s.label.row === s2Labels[0]!.label.row);
    for (const s of s2Labels) {
      const slot = slotOf(s, fiscalYear);
      if (!slot || fields.has(`older.balance.${slot}`)) continue;
      balanceFound = true;
      put(`older.balance.${slot}`, valueNear(index, s.label, horizontal), 'amount');
    }
  }
  if (!balanceFound) missing.push({ id: 'older.balance', part: '2. 未収金残高の推移', lookedFor: messages.lookedForOlderBalance() });

  // 3. Rates: 現年度/過年度 × 徴収率/整理率 × the four slots.
  let ratesFound = false;
  const s3Band = band(region, rowOf(s3, region.bottom), rowOf(s4, region.bottom) - 1);
  if (s3 && fiscalYear !== null) {
    const stages = stageLabels(index, s3Band);
    const parts = index.find(s3Band, (l) => /^(うち)?(現年度|過年度)(分)?$/.test(l.key));
    for (const rl of index.find(s3Band, (l) => /^(徴収率|整理率)/.test(l.key) && l.key.length <= 8)) {
      // The part is the nearest 現年度/過年度 label above or to the left.
      const part = parts
        .filter((p) => p.row <= rl.row && p.col <= rl.col + PART_REACH)
        .sort((a, b) => b.row - a.row || Math.abs(rl.col - a.col) - Math.abs(rl.col - b.col))[0];
      if (!part) continue;
      const p = /現年度/.test(part.key) ? 'current' : 'past';
      const measure = /^徴収率/.test(rl.key) ? 'collection' : 'settlement';
      for (const s of stages) {
        const slot = slotOf(s, fiscalYear);
        if (!slot) continue;
        const k = `older.rates.${p}.${measure}.${slot}`;
        if (fields.has(k)) continue;
        // Header row of stages above the rate rows, or a column of stages left of the rate columns.
        const at = s.label.row < rl.row && s.label.col > rl.col ? { row: rl.row, col: s.label.col } : s.label.row > rl.row && s.label.col < rl.col ? { row: s.label.row, col: rl.col } : null;
        if (!at) continue;
        ratesFound = true;
        put(k, at, 'rate');
      }
    }
  }
  if (!ratesFound) missing.push({ id: 'older.rates', part: '3. 徴収率及び整理率', lookedFor: messages.lookedForOlderRates() });

  // 4. Status: rows 合計 / 賦課分 / 以前賦課分 / 回収債権計 / ①–③ / 整理債権計 / ④–⑩ × columns 件数 / 金額 / 債務者数.
  let statusFound = false;
  const s4Band = band(region, rowOf(s4, region.bottom), rowOf(s5, region.bottom) - 1);
  if (s4) {
    const colHeads = index.find(s4Band, (l) => /^(人件数|件数|人数|金額|債務者数)/.test(l.key));
    const sideways = colHeads.length > 1 && colHeads.every((h) => h.col === colHeads[0]!.col);
    const rowDefs: [string, (s: string) => boolean][] = [
      ['total', (s) => /^合計/.test(s)],
      ['currentYear', (s) => /賦課分$/.test(s) && !/以前/.test(s)],
      ['pastYears', (s) => /以前賦課分$/.test(s)],
      ['collectSubtotal', (s) => /^回収債?権?(小)?計/.test(s)],
      ['settleSubtotal', (s) => /^整理債?権?(小)?計/.test(s)],
    ];
    const rowLabels: [string, Label][] = [];
    for (const l of index.find(s4Band, (x) => x.row > s4.row || x.col !== s4.col)) {
      if (colHeads.includes(l)) continue;
      const def = rowDefs.find(([, p]) => p(l.key));
      if (def && !rowLabels.some(([n2]) => n2 === def[0])) {
        rowLabels.push([def[0], l]);
        continue;
      }
      const c = olderCategory(l);
      if (c === null || rowLabels.some(([n2]) => n2 === String(c))) continue;
      // A number alone in its cell takes the row; its description stands beside it.
      rowLabels.push([String(c), l]);
    }
    for (const [name, l] of rowLabels) {
      for (const [measure, re] of [
        ['count', /^(人件数|件数|人数)/],
        ['amount', /^金額/],
        ['debtors', /^債務者数/],
      ] as const) {
        if (measure === 'debtors' && name !== 'total') continue;
        // Measures across (their heads above, right of the row labels), or turned: down the left, under the lines.
        const head = sideways
          ? colHeads.filter((h) => re.test(h.key) && h.col < l.col && h.row > l.row).sort((a, b) => b.col - a.col || a.row - b.row)[0]
          : colHeads.filter((h) => re.test(h.key) && h.row <= l.row && h.col > l.col).sort((a, b) => b.row - a.row || a.col - b.col)[0];
        if (!head) continue;
        statusFound = true;
        put(`older.status.${name}.${measure}`, sideways ? { row: head.row, col: l.col } : { row: l.row, col: head.col }, measure === 'amount' ? 'amount' : 'count');
      }
    }
  }
  if (!statusFound) missing.push({ id: 'older.status', part: '4. 決算での未収金残高の状況', lookedFor: messages.lookedForOlderStatus() });

  // 5. Ratings: 目標達成状況(現年度+過年度) / うち現年度 / うち過年度, each with its code beside or below.
  let ratingsFound = false;
  const s5Band = band(region, rowOf(s5, region.bottom), region.bottom);
  for (const [name, re] of [
    ['total', /現年度過年度|合計/],
    ['current', /^うち現年度/],
    ['past', /^うち過年度/],
  ] as const) {
    const l = index.first(s5Band, (x) => re.test(x.key) && x.key.length <= RATING_LABEL_MAX) ?? index.first(s5Band, (x) => ratingInline(x.raw, re) !== null);
    if (!l) continue;
    ratingsFound = true;
    // 「合計:C1」「うち現年度:A」: the code after the colon, in the label's own cell (one line of several, too).
    const typed = ratingInline(l.raw, re);
    if (typed !== null) {
      const f = makeField(grid, `older.rating.${name}`, l.row, l.col, 'rating');
      f.parsed = parseCell({ value: typed }, 'rating');
      fields.set(f.key, f);
      continue;
    }
    const below = index.at(l.row + 1, l.col);
    const at = below && /^[ABC]/i.test(below.key) && below.key.length <= 3 ? { row: l.row + 1, col: l.col } : valueCellOf(index, l, (s) => /うち|目標達成状況/.test(s), 3, region.right);
    put(`older.rating.${name}`, at, 'rating');
  }
  if (!ratingsFound) missing.push({ id: 'older.ratings', part: '5. 目標達成状況', lookedFor: messages.lookedForOlderRatings() });

  const cells = grid.cells().filter((c) => c.row >= region.top && c.row <= region.bottom && c.col >= region.left && c.col <= region.right);
  return {
    edition: 'older',
    sheet: grid.name,
    anchor: a1(title.row, title.col),
    fiscalYear,
    fields,
    region,
    cells,
    evidence,
    missing,
    units: { balance: unitOf(index, s2Band), status: unitOf(index, s4Band) },
    found: { header: picked.size > 0, balance: balanceFound, rates: ratesFound, status: statusFound, ratings: ratingsFound },
  };
}
