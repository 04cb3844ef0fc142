// Recognition of the older edition (未収債権の目標及び具体処理策, 平成25–29 surveys) by its title and sections.
// Its tables are read as label grids: a value sits where a row label's row meets a column label's column.
import { type Grid, a1 } from '../grid';
import { circledNumber, normalizeLabel } from '../text/normalize';
import { findFiscalYears } from '../text/fiscalYear';
import type { Field, Form, OlderForm, Region } from '../model/form';
import { band, type Label, type LabelIndex, isEmpty, makeField, valueCellOf } from './labels';
import type { FieldKind } from '../text/values';

export const OLDER_TITLE_RE = /未収債権の目標及び具体的?処理策/;
const BALANCE_RE = /未収金残高の推移/;
const RATES_RE = /徴収率及び整理率/;
const STATUS_RE = /決算での未収金残高の状況|未収金残高の状況/;
const RATINGS_RE = /目標達成状況/;

export type OlderSlot = 'N-1実績' | 'N目標' | 'N実績' | 'N+1目標';

interface StageLabel {
  label: Label;
  year: number;
  stage: '実績' | '目標';
}

/** "24実績", "平成25年度目標", "H26 目標": bare numbers in this edition are 平成 years. */
function stageLabels(index: LabelIndex, b: Region): StageLabel[] {
  const out: StageLabel[] = [];
  for (const l of index.find(b, (x) => /(実績|目標)$/.test(x.norm) && x.norm.length <= 14)) {
    const stage = l.norm.endsWith('実績') ? '実績' : '目標';
    const era = findFiscalYears(l.norm)[0];
    const bare = /^(\d{1,2})(年度)?(実績|目標)$/.exec(l.norm);
    const year = era?.year ?? (bare ? 1988 + Number(bare[1]) : null);
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

/** The first non-empty cell below (labels in a row) or to the right (labels in a column). */
function valueNear(grid: Grid, l: Label, horizontal: boolean): { row: number; col: number } {
  for (let d = 1; d <= 3; d++) {
    const [r, c] = horizontal ? [l.row + d, l.col] : [l.row, l.col + d];
    if (!isEmpty(grid.cell(r, c))) return { row: r, col: c };
  }
  return horizontal ? { row: l.row + 1, col: l.col } : { row: l.row, col: l.col + 1 };
}

function unitOf(index: LabelIndex, b: Region): number {
  const u = index.find(b, (l) => /単位[:：]?(千円|円)/.test(l.norm))[0];
  return u && /単位[:：]?円/.test(u.norm) ? 1 : 1000;
}

export function findOlderForms(grid: Grid, index: LabelIndex, taken: Form[]): OlderForm[] {
  const inTaken = (row: number) => taken.some((f) => row >= f.region.top && row <= f.region.bottom);
  const all: Region = { top: 0, left: 0, bottom: grid.rowCount - 1, right: grid.colCount - 1 };
  const titles = index.find(all, (l) => OLDER_TITLE_RE.test(l.norm) && !/一覧/.test(l.norm) && !inTaken(l.row));
  const forms: OlderForm[] = [];
  titles.forEach((t, i) => {
    const bottom = (titles[i + 1]?.row ?? grid.rowCount) - 1;
    const region: Region = { top: t.row, left: 0, bottom, right: grid.colCount - 1 };
    // A title alone (a list of claims, a cover page) is not a form: the balance table must follow.
    if (!index.first(region, (l) => BALANCE_RE.test(l.norm))) return;
    forms.push(readOlderForm(grid, index, region, t));
  });
  return forms;
}

function readOlderForm(grid: Grid, index: LabelIndex, region: Region, title: Label): OlderForm {
  const fields = new Map<string, Field>();
  const put = (k: string, at: { row: number; col: number }, kind: FieldKind) => fields.set(k, makeField(grid, k, at.row, at.col, kind));
  const sec = (re: RegExp) => index.first(region, (l) => re.test(l.norm));
  const s2 = sec(BALANCE_RE);
  const s3 = sec(RATES_RE);
  const s4 = sec(STATUS_RE);
  const s5 = index.find(region, (l) => RATINGS_RE.test(l.norm) && l.row > (s4?.row ?? region.top))[0];
  const rowOf = (l: Label | undefined, fallback: number) => l?.row ?? fallback;
  region.left = Math.min(...index.find(region, () => true).map((l) => l.col));

  // 1. Header: labels with the value inline ("所属 : 福祉局…") or beside them.
  const headerBand = band(region, region.top, rowOf(s2, region.bottom) - 1);
  const headerDefs: [string, RegExp][] = [
    ['affiliation', /^所属(名)?[:：]?/],
    ['claimType', /^(債権)?区分[:：]?/],
    ['claimName', /^(1[.．]?)?債権名[:：]?/],
  ];
  const isHeaderLabel = (s: string) => headerDefs.some(([, re]) => re.test(s) && s.replace(re, '') === '');
  let headerFound = false;
  for (const [name, re] of headerDefs) {
    const l = index.first(headerBand, (x) => re.test(x.norm));
    if (!l) continue;
    headerFound = true;
    const k = `older.header.${name}`;
    const inline = l.raw.replace(/^[^:：]*[:：]/, '').trim();
    if (/[:：]/.test(l.raw) && inline !== '') {
      const f = makeField(grid, k, l.row, l.col, 'text');
      f.parsed = { status: 'text', value: inline };
      fields.set(k, f);
    } else if (name === 'claimName' && /^1[.．]/.test(l.norm) && !isEmpty(grid.cell(l.row + 1, l.col))) {
      // 「1. 債権名(債権区分)」 is a section heading: the name is printed on the line below it.
      put(k, { row: l.row + 1, col: l.col }, 'text');
    } else put(k, valueCellOf(grid, l, isHeaderLabel), 'text');
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
      put(`older.balance.${slot}`, valueNear(grid, s.label, horizontal), 'amount');
    }
  }

  // 3. Rates: 現年度/過年度 × 徴収率/整理率 × the four slots.
  let ratesFound = false;
  const s3Band = band(region, rowOf(s3, region.bottom), rowOf(s4, region.bottom) - 1);
  if (s3 && fiscalYear !== null) {
    const stages = stageLabels(index, s3Band);
    const parts = index.find(s3Band, (l) => /^(うち)?(現年度|過年度)(分)?$/.test(l.norm));
    for (const rl of index.find(s3Band, (l) => /^(徴収率|整理率)/.test(l.norm))) {
      // The part is the nearest 現年度/過年度 label above or to the left.
      const part = parts
        .filter((p) => p.row <= rl.row && p.col <= rl.col + 6)
        .sort((a, b) => b.row - a.row || Math.abs(rl.col - a.col) - Math.abs(rl.col - b.col))[0];
      if (!part) continue;
      const p = /現年度/.test(part.norm) ? 'current' : 'past';
      const measure = /^徴収率/.test(rl.norm) ? 'collection' : 'settlement';
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

  // 4. Status: rows 合計 / 賦課分 / 以前賦課分 / 回収債権計 / ①–③ / 整理債権計 / ④–⑩ × columns 件数 / 金額 / 債務者数.
  let statusFound = false;
  const s4Band = band(region, rowOf(s4, region.bottom), rowOf(s5, region.bottom) - 1);
  if (s4) {
    const colHeads = index.find(s4Band, (l) => /^(人\(件\)数|件数|人数|金額|債務者数)/.test(l.norm));
    const rowDefs: [string, (s: string) => boolean][] = [
      ['total', (s) => /^合計/.test(s)],
      ['currentYear', (s) => /賦課分$/.test(s) && !/以前/.test(s)],
      ['pastYears', (s) => /以前賦課分$/.test(s)],
      ['collectSubtotal', (s) => /^回収債権計?/.test(s) && /計/.test(s)],
      ['settleSubtotal', (s) => /^整理債権計?/.test(s) && /計/.test(s)],
    ];
    const rowLabels: [string, Label][] = [];
    for (const l of index.find(s4Band, (x) => x.row > s4.row || x.col !== s4.col)) {
      const def = rowDefs.find(([, p]) => p(l.norm));
      if (def && !rowLabels.some(([n2]) => n2 === def[0])) rowLabels.push([def[0], l]);
      const c = circledNumber(l.norm[0] ?? '');
      if (c !== null && c <= 10 && !rowLabels.some(([n2]) => n2 === String(c))) rowLabels.push([String(c), l]);
    }
    for (const [name, l] of rowLabels) {
      for (const [measure, re] of [
        ['count', /^(人\(件\)数|件数|人数)/],
        ['amount', /^金額/],
        ['debtors', /^債務者数/],
      ] as const) {
        if (measure === 'debtors' && name !== 'total') continue;
        const head = colHeads
          .filter((h) => re.test(h.norm) && h.row <= l.row && h.col > l.col)
          .sort((a, b) => b.row - a.row || a.col - b.col)[0];
        if (!head) continue;
        statusFound = true;
        put(`older.status.${name}.${measure}`, { row: l.row, col: head.col }, measure === 'amount' ? 'amount' : 'count');
      }
    }
  }

  // 5. Ratings: 目標達成状況(現年度+過年度) / うち現年度 / うち過年度, each with its code beside or below.
  let ratingsFound = false;
  const s5Band = band(region, rowOf(s5, region.bottom), region.bottom);
  for (const [name, re] of [
    ['total', /現年度\+過年度|合計/],
    ['current', /^うち現年度/],
    ['past', /^うち過年度/],
  ] as const) {
    const l = index.first(s5Band, (x) => re.test(x.norm) && x.norm.length <= 24);
    if (!l) continue;
    ratingsFound = true;
    const below = grid.cell(l.row + 1, l.col);
    const at = !isEmpty(below) && typeof below!.value === 'string' && /^[ABC]/i.test(normalizeLabel(below!.value)) ? { row: l.row + 1, col: l.col } : valueCellOf(grid, l, (s) => /うち|目標達成状況/.test(s), 3);
    put(`older.rating.${name}`, at, 'rating');
  }

  const cells = grid.cells().filter((c) => c.row >= region.top && c.row <= region.bottom);
  return {
    edition: 'older',
    sheet: grid.name,
    anchor: a1(title.row, title.col),
    fiscalYear,
    fields,
    region,
    cells,
    units: { balance: unitOf(index, s2Band), status: unitOf(index, s4Band) },
    found: { header: headerFound, balance: balanceFound, rates: ratesFound, status: statusFound, ratings: ratingsFound },
  };
}
