// 翌年度へ繰り越し: next year's form from every example workbook repeats the rows it must (A ← B, B ← D, C ← F,
// E ← G), leaves the rest for input with live formulas, and its carry chain checks clean; forms with errors are
// refused unless forced; other layouts of the same form roll over the same way.
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { writeWorkbook } from '../../src/adapters/xlsx/writeWorkbook';
import { checkForm, recogniseWorkbook } from '../../src/core/check';
import type { Grid } from '../../src/core/grid';
import { layoutCurrentForm } from '../../src/core/layout/currentLayout';
import { yearLabel } from '../../src/core/layout/yearWords';
import type { CurrentForm, Form } from '../../src/core/model/form';
import {
  CARRY_FROM,
  CATEGORIES,
  NARRATIVE_VERIFY_ROWS,
  PARTS,
  TREND_CODES,
  TREND_INPUTS,
  TREND_RATES,
  TREND_ROWS,
  key,
  type TrendCode,
  type TrendRow,
} from '../../src/core/model/keys';
import { planRollover, ROLLED_ROWS, rolledContent } from '../../src/core/plan/rolloverPlan';
import type { NewSheetPlan } from '../../src/core/plan/sheetPlan';
import { sheetDataOf } from '../../scripts/build-fixtures';
import { gridOf, seed, seedLayout } from '../helpers/forms';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const CURRENT_EXAMPLES = fs.readdirSync(path.join(EXAMPLES, 'current')).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join('current', f));

/** What a cell shows, as the carry compares it: blank and 0 are the same amount, a blank rate is the dash. */
function shown(form: CurrentForm, k: string): number | string | null {
  const p = form.fields.get(k)?.parsed;
  const rate = TREND_RATES.some((c) => k.endsWith(`.${c}`));
  if (!p || p.status === 'blank' || p.status === 'dash') return rate ? '—' : 0;
  if (p.status === 'number') return rate ? Math.round(p.value * 1000) : p.value;
  return p.status === 'error' ? p.error : p.status === 'text' ? p.value : p.text;
}

function text(form: CurrentForm, k: string): string | null {
  const p = form.fields.get(k)?.parsed;
  return p?.status === 'text' ? p.value : p?.status === 'dash' ? '—' : p?.status === 'number' ? String(p.value) : null;
}

async function rollWorkbook(grids: Grid[], force = true): Promise<{ sources: CurrentForm[]; plans: NewSheetPlan[]; rolled: CurrentForm[] }> {
  const sources = recogniseWorkbook(grids).forms.filter((f): f is CurrentForm => f.edition === 'current');
  const taken = new Set<string>();
  const plans = sources.map((f) => {
    const r = planRollover(f, checkForm(f).findings, { force, taken });
    if (!('plan' in r)) throw new Error(r.refusal.message);
    return r.plan;
  });
  const out = await readWorkbook(await writeWorkbook(plans.map((p) => ({ name: p.sheet, layout: p.layout }))));
  const rolled = recogniseWorkbook(out).forms.filter((f): f is CurrentForm => f.edition === 'current');
  return { sources, plans, rolled };
}

/**
 * Trend rows whose shown numbers rest on a mistake of the source sheet (an error finding names one of its cells, or
 * the row it carries from is such a row): their inputs carry, but their formulas recompute to other numbers.
 */
function taintedRows(form: Form): Set<TrendRow> {
  const wrong = checkForm(form).findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys);
  const out = new Set<TrendRow>();
  for (const r of TREND_ROWS) {
    const from = CARRY_FROM[r];
    if (wrong.some((k) => k.startsWith(`trend.${r}.`)) || (from && out.has(from))) out.add(r);
  }
  return out;
}

function expectRolledFrom(source: CurrentForm, rolled: CurrentForm): void {
  const where = `${source.sheet}!${source.anchor}`;
  expect([where, rolled.fiscalYear]).toEqual([where, source.fiscalYear! + 1]);
  const tainted = taintedRows(source);
  for (const [to, from] of ROLLED_ROWS) {
    for (const code of TREND_CODES) {
      const src = key.trend(from, code);
      const typed = TREND_INPUTS.includes(code) && (code !== 'ア' || to === 'A');
      if (tainted.has(from) && !typed) continue;
      expect([where, `${to} ← ${from}`, code, shown(rolled, key.trend(to, code))]).toEqual([where, `${to} ← ${from}`, code, shown(source, src)]);
    }
  }
  // What N+1 reports anew is left for input.
  for (const r of ['D', 'F', 'G'] as TrendRow[]) {
    for (const code of TREND_INPUTS.filter((c) => c !== 'ア')) expect(rolled.fields.get(key.trend(r, code))?.parsed.status).toBe('blank');
  }
  for (const part of PARTS) {
    for (const c of CATEGORIES) expect(rolled.fields.get(key.status(part, 'balance', c))?.parsed.status).toBe('blank');
    expect(text(rolled, key.verify(part, '取組内容'))).toBe(text(source, key.plan(part)));
    for (const r of NARRATIVE_VERIFY_ROWS.filter((x) => x !== '取組内容')) expect(text(rolled, key.verify(part, r))).toBeNull();
    expect(text(rolled, key.plan(part))).toBeNull();
  }
  for (const f of ['rating.past', 'rating.current', 'rating.total', 'summary.debtors']) expect(rolled.fields.get(f)?.parsed.status).toBe('blank');
  for (const h of ['bureau', 'section', 'claimType', 'claimName'] as const) expect(text(rolled, key.header(h))).toBe(text(source, key.header(h)));
  // Every computed cell is a live formula and the chain holds.
  const rules = checkForm(rolled).findings.map((f) => f.rule);
  for (const r of ['TRD-CARRY', 'TRD-FORMULA', 'FML-HARDCODED', 'FML-VALUES-ONLY', 'FML-ERROR', 'CAT-SUBTOTAL', 'CAT-SUMMARY', 'CAT-LINK']) {
    expect([where, r, rules.includes(r)]).toEqual([where, r, false]);
  }
}

describe('rollover of the example workbooks', () => {
  it.each([...CURRENT_EXAMPLES, 'multi-form.xlsx'])('%s', async (file) => {
    const { sources, plans, rolled } = await rollWorkbook(await readWorkbook(fs.readFileSync(path.join(EXAMPLES, file))));
    expect(rolled).toHaveLength(sources.length);
    expect(new Set(plans.map((p) => p.sheet)).size).toBe(plans.length);
    sources.forEach((s, i) => {
      expectRolledFrom(s, rolled[i]!);
      // Row B of next year's form is this year's row D.
      const codes: readonly TrendCode[] = taintedRows(s).has('D') ? TREND_INPUTS.filter((c) => c !== 'ア') : TREND_CODES;
      for (const code of codes) expect(shown(rolled[i]!, key.trend('B', code))).toBe(shown(s, key.trend('D', code)));
      expect(rolled[i]!.rowLabels.B).toBe(`${yearLabel(s.fiscalYear!)} 実績`);
    });
  });
});

describe('planRollover', () => {
  const formOf = (grids: Grid[]): CurrentForm => recogniseWorkbook(grids).forms[0] as CurrentForm;

  it('refuses a form with error findings, listing them, unless forced', () => {
    const form = formOf([gridOf(seedLayout(14))]);
    const findings = checkForm(form).findings;
    const r = planRollover(form, findings);
    expect('refusal' in r && r.refusal).toMatchObject({ reason: 'errors' });
    if (!('refusal' in r)) return;
    expect(r.refusal.errors.map((e) => e.rule).sort()).toEqual(['CAT-LINK', 'CAT-LINK', 'CAT-SUMMARY', 'TRD-FORMULA']);
    expect(r.refusal.message).toMatch(/エラーが 4 件あります。誤りを翌年度に引き継がないよう/);
    expect(r.refusal.message).toContain("・TRD-FORMULA 2. 未収金の推移 B行(平30 実績) ケ'列");
    const forced = planRollover(form, findings, { force: true });
    expect('plan' in forced && forced.plan.notes[0]).toMatch(/エラーが 4 件ありますが、指定によりそのまま繰り越します/);
  });

  it('refuses the older edition', async () => {
    const form = recogniseWorkbook(await readWorkbook(fs.readFileSync(path.join(EXAMPLES, 'older', 'sheet-14.xlsx')))).forms[0]!;
    const r = planRollover(form, checkForm(form).findings);
    expect('refusal' in r && r.refusal.reason).toBe('older');
  });

  it('rolls another arrangement of the form (offset, other year words, split labels, values only, no ⑮-2) the same way', async () => {
    const layout = seedLayout(13, { top: 6, left: 3, yearStyle: 'full', splitLabels: true, valuesOnly: true, with15_2: false });
    const { sources, rolled } = await rollWorkbook([gridOf(layout, '別様式')]);
    expect(sources[0]!.anchor).toBe('D7');
    expectRolledFrom(sources[0]!, rolled[0]!);
    expect(rolled[0]!.anchor).toBe('B2');
    expect(rolled[0]!.has15_2).toBe(true);
  });

  it("keeps ア typed where the row it carries from is empty (a claim's first years)", async () => {
    const data = sheetDataOf(seed(13));
    const young = { ...data, trend: { ...data.trend, A: null, B: null }, typedCarry: { D: 500, C: 500 } };
    const source = formOf([gridOf(layoutCurrentForm(young, { fiscalYear: 2019 }))]);
    expect(source.fields.get('trend.D.ア')?.parsed).toMatchObject({ value: 500 });
    const content = rolledContent(source);
    expect(content.trend.A).toBeNull();
    expect(content.typedCarry).toEqual({ B: 500 });
    const { rolled } = await rollWorkbook([gridOf(layoutCurrentForm(young, { fiscalYear: 2019 }))]);
    expect(rolled[0]!.fields.get('trend.B.ア')).toMatchObject({ parsed: { value: 500 } });
    expect(rolled[0]!.fields.get('trend.B.ア')?.formula).toBeUndefined();
    expect(rolled[0]!.fields.get('trend.C.ア')?.formula).toBeDefined();
    expect(checkForm(rolled[0]!).findings.map((f) => f.rule)).not.toEqual(expect.arrayContaining(['TRD-CARRY']));
    expect(checkForm(rolled[0]!).findings.map((f) => f.rule)).not.toContain('FML-HARDCODED');
  });

  it('names each rolled sheet after its claim and year, unique and within Excel limits', () => {
    const form = formOf([gridOf(seedLayout(13))]);
    const taken = new Set<string>(['001 既存']);
    const names = [0, 1].map(() => {
      const r = planRollover(form, checkForm(form).findings, { taken });
      return 'plan' in r ? r.plan.sheet : '';
    });
    expect(names[0]).toMatch(/\(令和2\)$/);
    expect(names[1]).not.toBe(names[0]);
    for (const n of names) expect([...n].length).toBeLessThanOrEqual(31);
  });
});
