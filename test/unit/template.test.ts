// 新しい調査書: the blank form of any year is the real template (every year word right, plain formulas that show 0
// and — over empty inputs, shaded and unlocked inputs, drop-down lists, formats, print setup), the checker
// recognises it with the right N, and once filled consistently it checks clean.
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { writeWorkbook } from '../../src/adapters/xlsx/writeWorkbook';
import { checkWorkbook } from '../../src/core/check';
import { CLAIM_TYPES, layoutCurrentForm, type LayoutCell, type LayoutSheet } from '../../src/core/layout/currentLayout';
import { yearLabel, yearTitle } from '../../src/core/layout/yearWords';
import { TREND_ROWS, TREND_ROW_DEF } from '../../src/core/model/keys';
import { planNewForm } from '../../src/core/plan/sheetPlan';
import { parseYearArgument } from '../../src/core/text/fiscalYear';
import { toFullwidth } from '../../src/core/layout/yearWords';
import { sheetDataOf } from '../../scripts/build-fixtures';
import { CURRENT_SEEDS, gridOf, seed } from '../helpers/forms';

const YEARS = Array.from({ length: 15 }, (_, i) => 2016 + i);

/** Every way form-spec §1 spells the year N (and the Western year). */
function spellings(N: number): string[] {
  const out = [String(N), `${N}年度`];
  if (N <= 2019) {
    const h = N - 1988;
    out.push(`平成${h}年度`, `平${h}`, `H${h}`, `平成${toFullwidth(String(h))}年度`);
  }
  if (N === 2019) out.push('平成31/令和元年度', '令和元', '令元', '令和', 'R1', '令和元年度');
  if (N >= 2020) {
    const r = N - 2018;
    out.push(`令和${r}`, `令${r}`, `R${r}`, `令和${toFullwidth(String(r))}`, `令和${r}年度`);
  }
  return out;
}

const byKey = (layout: LayoutSheet): Map<string, LayoutCell> => new Map(layout.cells.filter((c) => c.key).map((c) => [c.key!, c]));
const texts = (layout: LayoutSheet): string[] => layout.cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');

describe('--year', () => {
  it.each(YEARS)('every spelling of %i reads as that year', (N) => {
    for (const s of spellings(N)) expect([s, parseYearArgument(s)]).toEqual([s, expect.objectContaining({ year: N })]);
  });

  it('reads a bare 令和 as 令和元 and says so; refuses what is not one year', () => {
    expect(parseYearArgument('令和')).toEqual({ year: 2019, assumed: 'bare-reiwa' });
    expect(parseYearArgument('r2')).toEqual({ year: 2020 });
    expect(parseYearArgument('平成30/令和元')).toEqual({ error: 'conflict' });
    expect(parseYearArgument('令')).toEqual({ error: 'unreadable' });
    expect(parseYearArgument('R2年度の調査')).toEqual({ error: 'unreadable' });
    expect(parseYearArgument('1985')).toEqual({ error: 'range' });
    expect(parseYearArgument(' ')).toEqual({ error: 'empty' });
  });
});

describe('planNewForm', () => {
  it.each(YEARS)('N=%i: the checker recognises the blank form with the right year, and every year word is right', async (N) => {
    const plan = planNewForm({ fiscalYear: N });
    const grids = await readWorkbook(await writeWorkbook([{ name: plan.sheet, layout: plan.layout }]));
    const { forms } = checkWorkbook(grids);
    expect(forms.map((f) => [f.edition, f.fiscalYear])).toEqual([['current', N]]);
    const t = texts(plan.layout);
    for (const r of TREND_ROWS) expect(t).toContain(`${yearLabel(N + TREND_ROW_DEF[r].offset)} ${TREND_ROW_DEF[r].stage}`);
    expect(t.some((s) => s.startsWith(`1. ${yearTitle(N)}の修正目標`))).toBe(true);
    expect(t.some((s) => s.startsWith(`3. ${yearTitle(N)}決算見込`))).toBe(true);
    expect(t).toContain(`4. ${yearTitle(N)}の取組内容の検証など`);
    expect(t.some((s) => s.startsWith(`5. ${yearTitle(N + 1)}の取組内容`))).toBe(true);
    expect(t.some((s) => s.startsWith(`${yearTitle(N)}決算見込における`) && s.includes('未収金残高'))).toBe(true);
    expect(plan.sheet).toBe(`調査書 ${yearTitle(N)}`);
  });

  it('holds a plain formula in every computed cell, showing 0 or — (never an error) over empty inputs', () => {
    const { layout } = planNewForm({ fiscalYear: 2020 });
    const computed = layout.cells.filter((c) => c.style === 'computed');
    expect(computed.length).toBe(7 * 12 + 6 + 4 * 3 + 2); // trend: ア of B–G and 11 columns per row; 計/合計; summary
    for (const c of computed) {
      expect([c.key, c.formula]).toEqual([c.key, expect.stringMatching(/^[A-Z0-9+\-(),:=/"—]+$/)]);
      expect([c.key, c.result]).toEqual([c.key, c.numFmt === '0.0%' ? '—' : 0]);
    }
    const k = byKey(layout);
    expect(k.get('trend.B.ア')?.formula).toBe(k.get("trend.A.ケ''") && `V16`);
    expect(k.get('trend.D.キ')?.formula).toBe('IF(F19=0,"—",G19/F19)');
    expect(k.get('status.past.count.collect')?.formula).toBe('SUM(D29:L29)');
    expect(k.get('status.past.count.total')?.formula).toBe('M29+V29');
    expect(k.get('summary.cases')?.formula).toBe('W29+W31');
    expect(k.get('summary.balance')?.formula).toBe('V19');
    // Inputs are empty and shaded; nothing is typed anywhere a person types.
    const inputs = layout.cells.filter((c) => c.style === 'input');
    expect(inputs.every((c) => c.value === null)).toBe(true);
    expect(inputs.filter((c) => c.key?.startsWith('trend.')).length).toBe(7 * 6 + 1);
  });

  it('is the same form as a filled one: the template with inputs typed is what the layout draws from the content', () => {
    const blank = planNewForm({ fiscalYear: 2019 }).layout;
    const filled = layoutCurrentForm(sheetDataOf(seed(13)), { fiscalYear: 2019 });
    const shape = (l: LayoutSheet) =>
      l.cells.map((c) => [c.row, c.col, c.key ?? null, c.style ?? null, c.formula ?? null, c.numFmt ?? null, c.key ? null : c.value]);
    expect(shape(filled)).toEqual(shape(blank));
    expect(filled.merges).toEqual(blank.merges);
    expect(filled.validations).toEqual(blank.validations);
  });

  it.each(CURRENT_SEEDS.filter((s) => s.findings.every((f) => f.kind !== 'source-error')).map((s) => [s.sheet, s] as const))(
    'filled with the numbers of published sheet %i for every year, it checks clean',
    (_n, s) => {
      for (const N of [2016, 2019, 2024, 2030]) {
        const { forms } = checkWorkbook([gridOf(layoutCurrentForm(sheetDataOf(s), { fiscalYear: N }))]);
        expect(forms.map((f) => f.fiscalYear)).toEqual([N]);
        // What the published sheet itself leaves open (a 【強制公】 category on a 私債権, kept as printed) may stay.
        const recorded = new Set(s.findings.map((f) => f.rule));
        const problems = forms[0]!.findings.filter((f) => f.severity !== 'info' && !recorded.has(f.rule)).map((f) => `${f.rule} ${f.message}`);
        expect([s.sheet, N, problems]).toEqual([s.sheet, N, []]);
      }
    },
  );

  it('writes drop-down lists with input messages, shading, unlocked inputs, formats, widths and the print setup', async () => {
    const plan = planNewForm({ fiscalYear: 2020, protect: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook([{ name: plan.sheet, layout: plan.layout }])) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const k = byKey(plan.layout);
    const cell = (key: string) => ws.getCell(k.get(key)!.row + 1, k.get(key)!.col + 1);
    expect(cell('header.claimType').dataValidation).toMatchObject({
      type: 'list',
      formulae: [`"${CLAIM_TYPES.join(',')}"`],
      showInputMessage: true,
      promptTitle: '債権区分',
    });
    for (const r of ['rating.past', 'rating.current', 'rating.total']) {
      expect(cell(r).dataValidation).toMatchObject({ type: 'list', formulae: ['"A,B1,B2,—"'], showErrorMessage: true });
      expect(cell(r).dataValidation.prompt).toContain('B1 取組みは予定通り実施したが目標は未達');
    }
    expect(cell('trend.D.ウ').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(cell('trend.D.ウ').protection).toMatchObject({ locked: false });
    expect(cell('trend.D.ケ').protection?.locked).not.toBe(false);
    expect(cell('trend.D.ウ').numFmt).toBe('#,##0;"▲"#,##0');
    expect(cell('trend.D.キ').numFmt).toBe('0.0%');
    expect(cell('status.past.count.1').numFmt).toBe('#,##0');
    expect(ws.getColumn(k.get('trend.D.ウ')!.col + 1).width).toBe(11);
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection).not.toHaveProperty('hashValue'); // no password
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printArea).toBe('B2:W52');
    expect(plan.layout.print?.pageStarts).toEqual([k.get('narrative.verify.past.取組内容')!.row - 2]); // page 2: 4. and 5.
  });

  it('protects only when asked', async () => {
    const plan = planNewForm({ fiscalYear: 2020 });
    expect(plan.layout.protect).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook([{ name: plan.sheet, layout: plan.layout }])) as unknown as ArrayBuffer);
    expect((wb.worksheets[0] as unknown as { sheetProtection?: unknown }).sheetProtection ?? null).toBeNull();
  });
});
