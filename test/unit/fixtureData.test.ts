// Self-check of the seed fixtures: recompute every arithmetic relation of the form spec and require that the only
// broken ones are the fixture's source errors (the extraction artifacts were corrected, the real mistakes kept).
import * as fs from 'fs';
import * as path from 'path';
import { CARRY_FROM, COLLECT_CATEGORIES, SETTLE_CATEGORIES, TREND_ROWS, type TrendCode } from '../../src/core/model/keys';
import type { StatusRowData, TrendRowData } from '../../src/core/layout/sheetData';
import { ratioToPercent } from '../../scripts/printed';
import { CurrentSeedSchema, OlderSeedSchema, type CurrentSeed, type OlderSeed } from '../../scripts/seeds';

const SEEDS = path.join(__dirname, '..', 'fixtures', 'seeds');

function load<T>(dir: string, parse: (x: unknown) => T): [string, T][] {
  return fs
    .readdirSync(path.join(SEEDS, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, parse(JSON.parse(fs.readFileSync(path.join(SEEDS, dir, f), 'utf8')))]);
}

const current = load('current', (x) => CurrentSeedSchema.parse(x));
const older = load('older', (x) => OlderSeedSchema.parse(x));

type Rel = { rule: string; where: string };
const id = (r: Rel): string => `${r.rule}:${r.where}`;

/** blank (left out) vs a value; null counts as blank for amounts. */
const blank = (v: number | null | undefined): boolean => v === undefined || v === null;
const n = (v: number | null | undefined): number => v ?? 0;

function trendBreaks(seed: CurrentSeed): Rel[] {
  const out: Rel[] = [];
  for (const r of TREND_ROWS) {
    const row: TrendRowData | null = seed.trend[r];
    if (row === null) continue;
    const g = (c: TrendCode): number => n(row[c]);
    const amount = (code: TrendCode, expected: number, operands: TrendCode[]): void => {
      const printed = row[code];
      if (blank(printed)) {
        // A computed cell left blank is fine only where everything it computes from is blank too.
        if (operands.some((o) => !blank(row[o]))) out.push({ rule: 'TRD-FORMULA', where: `trend.${r}.${code}` });
        return;
      }
      if (printed !== expected) out.push({ rule: 'TRD-FORMULA', where: `trend.${r}.${code}` });
    };
    const rate = (code: TrendCode, num: number, den: number, operands: TrendCode[]): void => {
      const printed = row[code];
      const expected = den === 0 ? null : ratioToPercent(num / den);
      if (printed === undefined) {
        if (operands.some((o) => !blank(row[o]))) out.push({ rule: 'TRD-FORMULA', where: `trend.${r}.${code}` });
        return;
      }
      if (printed !== expected) out.push({ rule: 'TRD-FORMULA', where: `trend.${r}.${code}` });
    };
    amount('イ', g('ア') - g('ウ'), ['ア', 'ウ']);
    amount('カ', g('イ') + g('エ') + g('オ'), ['イ', 'エ', 'オ']);
    rate('キ', g('エ'), g('ウ'), ['エ', 'ウ']);
    rate('ク', g('カ'), g('ア'), ['カ', 'ア']);
    amount('ケ', g('ウ') - (g('エ') + g('オ')), ['ウ', 'エ', 'オ']);
    amount("カ'", g("エ'") + g("オ'"), ["エ'", "オ'"]);
    rate("キ'", g("エ'"), g("ウ'"), ["エ'", "ウ'"]);
    rate("ク'", g("カ'"), g("ウ'"), ["カ'", "ウ'"]);
    amount("ケ'", g("ウ'") - (g("エ'") + g("オ'")), ["ウ'", "エ'", "オ'"]);
    rate("キ''", g('エ') + g("エ'"), g('ウ') + g("ウ'"), ['エ', "エ'", 'ウ', "ウ'"]);
    rate("ク''", g('カ') + g("カ'"), g('ア') + g("ウ'"), ['カ', "カ'", 'ア', "ウ'"]);
    amount("ケ''", g('ケ') + g("ケ'"), ['ケ', "ケ'"]);
    // イ may be negative, and カ/ク with it (spec TRD-NEGATIVE); inputs and balances may not.
    for (const c of ['ア', 'ウ', 'エ', 'オ', "ウ'", "エ'", "オ'", 'ケ', "ケ'", "ケ''"] as const) {
      if (n(row[c]) < 0) out.push({ rule: 'TRD-NEGATIVE', where: `trend.${r}.${c}` });
    }
    if (g('エ') + g('オ') > g('ウ')) out.push({ rule: 'TRD-OVERCOLLECT', where: `trend.${r}.ウ` });
    if (g("エ'") + g("オ'") > g("ウ'")) out.push({ rule: 'TRD-OVERCOLLECT', where: `trend.${r}.ウ'` });
    const from = CARRY_FROM[r];
    const src = from ? seed.trend[from] : null;
    if (from && src && row.ア !== src["ケ''"]) out.push({ rule: 'TRD-CARRY', where: `trend.${r}.ア` });
  }
  return out;
}

function statusBreaks(seed: CurrentSeed): Rel[] {
  const out: Rel[] = [];
  for (const part of ['past', 'current'] as const) {
    for (const m of ['count', 'balance'] as const) {
      const row: StatusRowData = seed.categories[part][m];
      const collect = COLLECT_CATEGORIES.reduce((s, c) => s + n(row[c]), 0);
      const settle = SETTLE_CATEGORIES.reduce((s, c) => s + n(row[c]), 0);
      const check = (col: 'collect' | 'settle' | 'total', expected: number): void => {
        if (row[col] !== expected) out.push({ rule: 'CAT-SUBTOTAL', where: `status.${part}.${m}.${col}` });
      };
      check('collect', collect);
      check('settle', settle);
      check('total', collect + settle);
    }
    const count = seed.categories[part].count;
    const balance = seed.categories[part].balance;
    for (const c of [...COLLECT_CATEGORIES, ...SETTLE_CATEGORIES]) {
      if (n(balance[c]) > 0 && n(count[c]) === 0) out.push({ rule: 'CAT-PAIR', where: `status.${part}.count.${c}` });
      if (n(count[c]) > 0 && n(balance[c]) === 0) out.push({ rule: 'CAT-PAIR', where: `status.${part}.balance.${c}` });
    }
  }
  const D = seed.trend.D;
  if (n(seed.categories.past.balance.total) !== n(D?.ケ)) out.push({ rule: 'CAT-LINK', where: 'status.past.balance.total' });
  if (n(seed.categories.current.balance.total) !== n(D?.["ケ'"])) {
    out.push({ rule: 'CAT-LINK', where: 'status.current.balance.total' });
  }
  const cases = n(seed.categories.past.count.total) + n(seed.categories.current.count.total);
  if (seed.summary.cases !== cases) out.push({ rule: 'CAT-SUMMARY', where: 'summary.cases' });
  if (seed.summary.balance !== n(D?.["ケ''"])) out.push({ rule: 'CAT-SUMMARY', where: 'summary.balance' });
  const debtors = n(seed.summary.debtors);
  if (debtors > n(seed.summary.cases) || (debtors === 0 && n(seed.summary.balance) > 0)) {
    out.push({ rule: 'CAT-DEBTORS', where: 'summary.debtors' });
  }
  return out;
}

/** The fixture's value at a logical key (for checking the `fixes` list). */
function valueAt(seed: CurrentSeed, where: string): number | null | undefined {
  const parts = where.split('.');
  if (parts[0] === 'trend') return seed.trend[parts[1] as (typeof TREND_ROWS)[number]]?.[parts[2] as TrendCode];
  if (parts[0] === 'status') {
    const [, part, m, col] = parts as [string, 'past' | 'current', 'count' | 'balance', string];
    return (seed.categories[part][m] as Record<string, number | null | undefined>)[col];
  }
  if (parts[0] === 'summary') return seed.summary[parts[1] as 'debtors' | 'cases' | 'balance'];
  throw new Error(`unknown key ${where}`);
}

describe('current-edition seed fixtures', () => {
  it('has the 17 published sheets', () => {
    expect(current.map(([f]) => f)).toEqual(Array.from({ length: 17 }, (_, i) => `sheet-${String(i + 1).padStart(2, '0')}.json`));
  });

  it.each(current)('%s: the only broken relations are its source errors', (_f, seed) => {
    const broken = [...trendBreaks(seed), ...statusBreaks(seed)].map(id).sort();
    const expected = seed.findings.filter((x) => x.kind === 'source-error').map(id).sort();
    expect(broken).toEqual(expected);
  });

  it.each(current)('%s: keeps no extraction artifact and lists every fix it made', (_f, seed) => {
    expect(seed.findings.filter((x) => x.kind === 'extraction-artifact')).toEqual([]);
    for (const fix of seed.fixes) expect([fix.where, valueAt(seed, fix.where)]).toEqual([fix.where, fix.value]);
  });

  it('keeps the known source errors', () => {
    const errors = Object.fromEntries(
      current.map(([f, s]) => [f, s.findings.filter((x) => x.kind === 'source-error').map(id).sort()]),
    );
    expect(errors['sheet-03.json']).toEqual(['TRD-CARRY:trend.E.ア']);
    expect(errors['sheet-12.json']).toEqual(['CAT-PAIR:status.past.count.13']);
    expect(errors['sheet-14.json']).toEqual([
      'CAT-LINK:status.current.balance.total',
      'CAT-LINK:status.past.balance.total',
      'CAT-SUMMARY:summary.balance',
      "TRD-FORMULA:trend.B.ケ'",
    ]);
    expect(errors['sheet-17.json']).toEqual(['CAT-DEBTORS:summary.debtors']);
    const total = Object.values(errors).reduce((s, e) => s + (e?.length ?? 0), 0);
    expect(total).toBe(7);
  });

  it('carries the corrections the extraction notes call for', () => {
    const seed = (n: number): CurrentSeed => current.find(([, s]) => s.sheet === n)![1];
    expect(seed(6).categories.past.count['13']).toBe(18);
    expect(seed(11).categories.past.count['6']).toBe(2);
    expect(seed(11).categories.past.balance['6']).toBe(12626);
    expect(seed(16).categories.past.count).toMatchObject({ '16': 1, settle: 1, total: 1 });
    expect(seed(16).categories.past.balance).toMatchObject({ '16': 747, settle: 747, total: 747 });
    expect(seed(9).categories.past.balance.settle).toBe(65533);
    for (const r of TREND_ROWS) expect(seed(7).trend[r]?.["ケ'"]).toBe(0);
  });
});

function olderBreaks(seed: OlderSeed): Rel[] {
  const out: Rel[] = [];
  const s = seed.status;
  const f = (row: keyof OlderSeed['status'], fld: 'count' | 'amount'): number => n(s[row]?.[fld]);
  for (const fld of ['count', 'amount'] as const) {
    const collect = (['1', '2', '3'] as const).reduce((t, k) => t + f(k, fld), 0);
    const settle = (['4', '5', '6', '7', '8', '9', '10'] as const).reduce((t, k) => t + f(k, fld), 0);
    if (f('collectSubtotal', fld) !== collect) out.push({ rule: 'CAT-SUBTOTAL', where: `older.status.collectSubtotal.${fld}` });
    if (f('settleSubtotal', fld) !== settle) out.push({ rule: 'CAT-SUBTOTAL', where: `older.status.settleSubtotal.${fld}` });
    const total = f('total', fld);
    if (total !== f('currentYear', fld) + f('pastYears', fld)) {
      out.push({ rule: 'CAT-SUBTOTAL', where: `older.status.total.${fld}` });
    }
    if (total !== f('collectSubtotal', fld) + f('settleSubtotal', fld)) {
      // Counts that add up to the debtors instead of the cases: a mixed counting basis (older-edition.md).
      const rule = fld === 'count' && f('collectSubtotal', fld) + f('settleSubtotal', fld) === n(s.total?.debtors)
        ? 'CAT-COUNT-BASIS'
        : 'CAT-SUBTOTAL';
      out.push({ rule, where: `older.status.total.${fld}` });
    }
  }
  if (n(seed.balance.N実績) !== f('total', 'amount')) out.push({ rule: 'CAT-LINK', where: 'older.balance.N実績' });
  return out;
}

describe('older-edition seed fixtures', () => {
  it('has the four sheets', () => {
    expect(older.map(([f]) => f)).toEqual(['sheet-14.json', 'sheet-16.json', 'sheet-18.json', 'sheet-26.json']);
  });

  it.each(older)('%s: the arithmetic holds except for its recorded inconsistencies', (_f, seed) => {
    const arithmetic = new Set(['CAT-SUBTOTAL', 'CAT-COUNT-BASIS', 'CAT-LINK']);
    const broken = olderBreaks(seed).map(id).sort();
    const expected = seed.findings.filter((x) => arithmetic.has(x.rule)).map(id).sort();
    expect(broken).toEqual(expected);
  });

  it.each(older)('%s: every picked value is listed in fixes', (_f, seed) => {
    for (const fix of seed.fixes) {
      const [, area, row, fld] = fix.where.split('.');
      const v =
        area === 'balance'
          ? seed.balance[row as keyof OlderSeed['balance']]
          : seed.status[row as keyof OlderSeed['status']]?.[fld as 'count' | 'amount'];
      expect([fix.where, v]).toEqual([fix.where, fix.value]);
    }
  });
});
