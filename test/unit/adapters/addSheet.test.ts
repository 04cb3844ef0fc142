// Adding a worksheet through Office.js (新しい調査書, 翌年度へ繰り越し), over office-addin-mock: only the calls the API
// ledger allows on the 'sheets' path, made on the new sheet and nowhere else; the whole form written (contents,
// formats, merges, widths, drop-down lists, print setup, protection when asked); what a host without ExcelApi 1.8
// or 1.9 does not get, said; a name taken since the preview refused. And the preview's word on undo, held to the ledger.
import { API_LEDGER, LEDGER_PLATFORMS, refusal, type LedgerEntry, type UndoEffect } from '../../../src/adapters/excel/apiLedger';
import { createOfficeAdapter } from '../../../src/adapters/excel/officeAdapter';
import { sheetUndoOutlook } from '../../../src/adapters/excel/undoOutlook';
import { AdapterError } from '../../../src/adapters/excel/workbookAdapter';
import { recogniseWorkbook } from '../../../src/core/check';
import { a1, Grid, parseA1, type GridCell } from '../../../src/core/grid';
import { columnWidthPoints, INPUT_FILL, rangeAddress, type LayoutSheet } from '../../../src/core/layout/sheet';
import { planNewForm } from '../../../src/core/plan/sheetPlan';
import { excelMock, type ExcelMock, type NewSheetCall, type NewSheetLog } from './officeMock';

const memo = () => Grid.fromRows('メモ', [['所属', '福祉局'], [1, 2]]);

/** Installs the mock as Excel, supporting ExcelApi 1.1 … 1.`minor`. */
function install(m: ExcelMock, minor = 20): void {
  (globalThis as Record<string, unknown>).Excel = m.mock;
  (globalThis as Record<string, unknown>).Office = {
    context: {
      requirements: { isSetSupported: (set: string, v: string) => set === 'ExcelApi' && Number(v.split('.')[1]) <= minor },
    },
  };
}

const ledger = API_LEDGER as Record<string, LedgerEntry>;
const isWrite = (api: string) => ledger[api]?.kind === 'write';

/** Adds `layout` as a sheet with the mock refusing what the ledger does not allow on the 'sheets' path. */
async function added(layout: LayoutSheet, minor = 20, name = '調査書 令和2年度'): Promise<{ m: ExcelMock; sheet: NewSheetLog; skipped: string[] }> {
  const m = excelMock([memo()], 'メモ');
  install(m, minor);
  m.log.guard = 'sheets';
  const result = await createOfficeAdapter({ platform: 'desktop' }).addSheet({ name, layout });
  m.log.guard = null;
  expect(m.log.refused).toEqual([]);
  expect(result.name).toBe(name);
  return { m, sheet: m.log.added[0]!, skipped: result.skipped };
}

const callsOf = (sheet: NewSheetLog, api: string): NewSheetCall[] => sheet.calls.filter((c) => c.api === api);

/** What the new sheet's cells were given, by position ("row,col"): Range.formulas and Range.numberFormat over one range. */
function written(sheet: NewSheetLog): Map<string, { input: unknown; numFmt: string }> {
  const [formulas] = callsOf(sheet, 'Excel.Range.formulas');
  const [formats] = callsOf(sheet, 'Excel.Range.numberFormat');
  expect(formats!.target).toBe(formulas!.target);
  const top = parseA1(formulas!.target.split(':')[0]!)!;
  const out = new Map<string, { input: unknown; numFmt: string }>();
  (formulas!.value as unknown[][]).forEach((row, i) =>
    row.forEach((input, j) => out.set(`${top.row + i},${top.col + j}`, { input, numFmt: (formats!.value as string[][])[i]![j]! })),
  );
  return out;
}

/** The new sheet as the recogniser would read it from Excel. */
function writtenGrid(sheet: NewSheetLog): Grid {
  const cells: GridCell[] = [];
  for (const [at, { input }] of written(sheet)) {
    if (input === '') continue;
    const [row, col] = at.split(',').map(Number) as [number, number];
    const formula = typeof input === 'string' && input.startsWith('=') ? input.slice(1) : undefined;
    const value = formula !== undefined ? null : typeof input === 'string' ? input.replace(/^'/, '') : (input as number);
    cells.push(formula !== undefined ? { row, col, value, formula } : { row, col, value });
  }
  return new Grid(sheet.name, cells);
}

describe('office adapter: adding a sheet (新しい調査書, 翌年度へ繰り越し)', () => {
  const plan = planNewForm({ fiscalYear: 2020 });

  test('only what the ledger allows on the sheets path, every write on the new sheet, none elsewhere; then the sheet is shown', async () => {
    const { m, sheet } = await added(plan.layout);
    const apis = m.log.calls.map((c) => c.api);
    expect(apis).not.toContain('Excel.WorksheetCollection.getItem');
    expect(apis).not.toContain('Excel.Worksheet.getUsedRange');
    expect(apis.filter((a) => a === 'Excel.RequestContext.sync')).toHaveLength(2);
    // Each write the adapter made is one the new sheet recorded: nothing was written to the workbook's own sheets.
    expect(apis.filter((a) => isWrite(a) && a !== 'Excel.WorksheetCollection.add')).toHaveLength(sheet.calls.filter((c) => isWrite(c.api)).length);
    expect(apis.filter((a) => a === 'Excel.WorksheetCollection.add')).toHaveLength(1);
    expect(m.log.added.map((s) => s.name)).toEqual(['調査書 令和2年度']);
    expect(sheet.calls.at(-1)!.api).toBe('Excel.Worksheet.activate');
    // Every call of the path is in the ledger for it.
    for (const api of new Set(apis)) expect(`${api}: ${ledger[api]?.paths.includes('sheets')}`).toBe(`${api}: true`);
  });

  test('the form as the layout draws it: labels, inputs empty, formulas live, formats; read back, it is the form for 令和2', async () => {
    const { sheet } = await added(plan.layout);
    const cells = written(sheet);
    for (const c of plan.layout.cells) {
      const got = cells.get(`${c.row},${c.col}`)!;
      const text = typeof c.value === 'string' && /^[\s=+\-@\d.,]/.test(c.value) ? `'${c.value}` : c.value;
      expect(got.input).toBe(c.formula !== undefined ? `=${c.formula}` : (text ?? ''));
      expect(got.numFmt).toBe(c.numFmt ?? 'General');
    }
    // Inputs are empty; every computed cell is a formula.
    expect(plan.layout.cells.filter((c) => c.style === 'input').every((c) => cells.get(`${c.row},${c.col}`)!.input === '')).toBe(true);
    expect(plan.layout.cells.filter((c) => c.style === 'computed').every((c) => String(cells.get(`${c.row},${c.col}`)!.input).startsWith('='))).toBe(true);
    expect(recogniseWorkbook([writtenGrid(sheet)]).forms[0]).toMatchObject({ edition: 'current', fiscalYear: 2020 });
  });

  test('merges, shading of the inputs (unlocked), column widths, drop-down lists with their messages, A4 landscape with its page break', async () => {
    const { sheet, skipped } = await added(plan.layout);
    expect(skipped).toEqual([]);
    expect(callsOf(sheet, 'Excel.Range.merge').map((c) => c.target).sort()).toEqual(plan.layout.merges.map(rangeAddress).sort());

    // Every input cell lies in a range shaded as 色付け箇所 and left unlocked.
    const ranges = (api: string, value: unknown) => callsOf(sheet, api).filter((c) => c.value === value).map((c) => c.target);
    const covers = (targets: string[], row: number, col: number) =>
      targets.some((t) => {
        const [a, b = a] = t.split(':').map((x) => parseA1(x!)!);
        return row >= a!.row && row <= b!.row && col >= a!.col && col <= b!.col;
      });
    const shaded = ranges('Excel.RangeFill.color', INPUT_FILL);
    const unlocked = ranges('Excel.FormatProtection.locked', false);
    const inputs = plan.layout.cells.filter((c) => c.style === 'input');
    expect(inputs.length).toBeGreaterThan(50);
    for (const c of inputs) expect([covers(shaded, c.row, c.col), covers(unlocked, c.row, c.col)]).toEqual([true, true]);
    // Runs of alike cells are formatted as one range: far fewer fills than input cells.
    expect(shaded.length).toBeLessThan(inputs.length / 2);

    // Each column of the layout its width, in points ("C:C").
    const widths = new Map(callsOf(sheet, 'Excel.RangeFormat.columnWidth').map((w) => [w.target, w.value]));
    const columns = Object.entries(plan.layout.columnWidths!);
    expect(widths.size).toBe(columns.length);
    for (const [col, chars] of columns) {
      const letters = a1(0, Number(col)).replace(/\d+$/, '');
      expect(widths.get(`${letters}:${letters}`)).toBe(columnWidthPoints(chars));
    }

    const rules = callsOf(sheet, 'Excel.DataValidation.rule');
    const validated = plan.layout.validations!.flatMap((v) => v.cells);
    expect(rules).toHaveLength(validated.length);
    const rating = plan.layout.validations!.find((v) => v.list.includes('B1'))!;
    expect(rules.map((r) => r.value)).toContainEqual({ list: { inCellDropDown: true, source: rating.list.join(',') } });
    expect(callsOf(sheet, 'Excel.DataValidation.prompt').map((p) => p.value)).toContainEqual({
      showPrompt: true,
      title: rating.prompt.title,
      message: rating.prompt.text,
    });

    const page = (api: string) => callsOf(sheet, `Excel.PageLayout.${api}`).map((c) => c.value);
    expect([page('orientation'), page('paperSize'), page('centerHorizontally'), page('zoom')]).toEqual([
      ['Landscape'],
      ['A4'],
      [true],
      [{ horizontalFitToPages: 1 }],
    ]);
    expect(page('setPrintArea')).toEqual([[rangeAddress(plan.layout.print!.area)]]);
    expect(callsOf(sheet, 'Excel.PageBreakCollection.add')).toHaveLength(plan.layout.print!.pageStarts.length);
    expect(callsOf(sheet, 'Excel.WorksheetProtection.protect')).toEqual([]);
  });

  test('protection only when asked, formatting still allowed', async () => {
    const { sheet } = await added(planNewForm({ fiscalYear: 2020, protect: true }).layout);
    expect(callsOf(sheet, 'Excel.WorksheetProtection.protect').map((c) => c.value)).toEqual([
      [{ allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true }],
    ]);
  });

  test('without ExcelApi 1.8 and 1.9: no drop-down lists, no print setup, and the sheet says so', async () => {
    const { sheet, skipped } = await added(plan.layout, 7);
    const apis = sheet.calls.map((c) => c.api);
    expect(apis.filter((a) => /DataValidation|PageLayout|PageBreak/.test(a))).toEqual([]);
    expect(apis).toContain('Excel.Range.merge');
    expect(skipped).toEqual([expect.stringMatching(/ExcelApi 1\.8.*一覧/), expect.stringMatching(/ExcelApi 1\.9.*印刷の設定/)]);
  });

  test('a sheet of that name (in any case) added since the preview: refused, nothing added', async () => {
    const m = excelMock([memo(), Grid.fromRows('調査書 R2', [['x']])], 'メモ');
    install(m);
    const err = await createOfficeAdapter()
      .addSheet({ name: '調査書 r2', layout: plan.layout })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect((err as AdapterError).kind).toBe('conflict');
    expect((err as AdapterError).message).toMatch(/「調査書 r2」がすでにあります/);
    expect(m.log.added).toEqual([]);
  });
});

describe('what the preview says about undo, held to the ledger', () => {
  test('only the sheets path, whose preview warns, may call what clears the undo history, and only what the ledger lists for it', () => {
    expect(refusal('sheets', { api: 'Excel.WorksheetCollection.add' })).toBeNull();
    expect(refusal('sheets', { api: 'Excel.WorksheetProtection.protect' })).toBeNull();
    expect(refusal('write', { api: 'Excel.WorksheetCollection.add' })).toMatch(/not listed for the write path/);
    expect(refusal('sheets', { api: 'Excel.Range.getMergedAreasOrNullObject' })).toMatch(/not listed for the sheets path/);
    expect(refusal('sheets', { api: 'Excel.Worksheet.delete' })).toMatch(/not in the API ledger/);
  });

  const ORDER: readonly UndoEffect[] = ['kept', 'unverified', 'cleared'];
  const worst = (effects: UndoEffect[]) => effects.reduce((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), 'kept');

  test.each([false, true])('with ExcelApi 1.20, per platform: the worst of the sheets path’s entries (protect: %p)', (protect) => {
    const entries = Object.entries(ledger).filter(([api, e]) => e.paths.includes('sheets') && (protect || api !== 'Excel.WorksheetProtection.protect'));
    for (const p of LEDGER_PLATFORMS) {
      expect(`${p}: ${sheetUndoOutlook(p, true, protect).effect}`).toBe(`${p}: ${worst(entries.map(([, e]) => e.undo[p]))}`);
    }
  });

  test('adding a sheet clears the undo history on Windows, is unverified on Mac, and before ExcelApi 1.20 clears it everywhere', () => {
    expect(sheetUndoOutlook('desktop', true, false)).toMatchObject({
      effect: 'cleared',
      text: expect.stringMatching(/^Windows 版 Excel\(ExcelApi 1\.20 対応\)では、シートの追加で Excel の「元に戻す」\(Ctrl\+Z\)の履歴が消え.*シート見出しを右クリックして「削除」/),
    });
    expect(sheetUndoOutlook('mac', true, false)).toMatchObject({ effect: 'unverified', text: expect.stringMatching(/^Mac 版 Excel.*シートの追加のあとも.*確かめられていません/) });
    expect(sheetUndoOutlook('other', true, false).effect).toBe('unverified');
    for (const p of LEDGER_PLATFORMS) expect(sheetUndoOutlook(p, false, false).effect).toBe('cleared');
  });
});
