import * as path from 'node:path';
import { readWorkbookFile } from '../../../src/adapters/xlsx/readWorkbook';
import { API_LEDGER, LEDGER_PLATFORMS, refusal, type ApiPath } from '../../../src/adapters/excel/apiLedger';
import { createOfficeAdapter } from '../../../src/adapters/excel/officeAdapter';
import { undoOutlook } from '../../../src/adapters/excel/undoOutlook';
import { AdapterError, type WorkbookAdapter } from '../../../src/adapters/excel/workbookAdapter';
import { checkWorkbook, recogniseWorkbook } from '../../../src/core/check';
import { a1, Grid } from '../../../src/core/grid';
import { gridOf, seedLayout } from '../../helpers/forms';
import type { WritePlan } from '../../../src/core/plan/writePlan';
import { excelMock, type ExcelMock } from './officeMock';

const EXAMPLE = path.join(__dirname, '../../../examples/current/sheet-03.xlsx');

let grids: Grid[];
beforeAll(async () => {
  grids = await readWorkbookFile(EXAMPLE);
});

/** Installs the mock as Excel, supporting ExcelApi 1.1 … 1.`minor` (1.20: writes merge into one undo step). */
function install(m: ReturnType<typeof excelMock>, minor = 20): void {
  (globalThis as Record<string, unknown>).Excel = m.mock;
  (globalThis as Record<string, unknown>).Office = {
    context: {
      requirements: { isSetSupported: (set: string, v: string) => set === 'ExcelApi' && Number(v.split('.')[1]) <= minor },
    },
  };
}

function cellsOf(g: Grid): string[] {
  return [...g.cells()].map((c) => JSON.stringify(c));
}

describe('office adapter: reading', () => {
  test('reads every worksheet in 3 syncs, and the core finds what it finds in the file', async () => {
    const sheet = grids[0]!;
    const other = Grid.fromRows('メモ', [['メモ'], [1, 2]], 3, 1);
    const m = excelMock([sheet, other], sheet.name);
    install(m);
    const sync = jest.spyOn(m.mock.context, 'sync');

    const snap = await createOfficeAdapter().readWorkbook();

    expect(sync).toHaveBeenCalledTimes(3);
    expect(snap.activeSheet).toBe(sheet.name);
    expect(snap.grids.map((g) => g.name)).toEqual([sheet.name, 'メモ']);
    expect(cellsOf(snap.grids[0]!)).toEqual(cellsOf(sheet));
    expect(cellsOf(snap.grids[1]!)).toEqual(cellsOf(other));
    expect(checkWorkbook(snap.grids)).toEqual(checkWorkbook([sheet, other]));
    expect(checkWorkbook(snap.grids).forms[0]!.findings.map((f) => f.rule)).toContain('TRD-CARRY');
  });

  test('each worksheet comes with its visibility (Worksheet.visibility), so the pane can leave hidden ones out', async () => {
    const sheet = grids[0]!;
    const hidden = new Grid('前年度', sheet.cells(), [], [], 'hidden');
    const veryHidden = Grid.fromRows('作業用', [['x']]);
    const m = excelMock([sheet, hidden, new Grid(veryHidden.name, veryHidden.cells(), [], [], 'veryHidden')], sheet.name);
    install(m);
    const snap = await createOfficeAdapter().readWorkbook();
    expect(snap.grids.map((g) => [g.name, g.visibility])).toEqual([
      [sheet.name, 'visible'],
      ['前年度', 'hidden'],
      ['作業用', 'veryHidden'],
    ]);
    expect(m.log.calls).toContainEqual({ api: 'Excel.WorksheetCollection.load', properties: ['items/name', 'items/visibility'] });
    expect(checkWorkbook(snap.grids, { skipHidden: true }).hiddenSheets).toEqual([{ sheet: '前年度', visibility: 'hidden', forms: 1 }]);
  });

  test('a worksheet over the cell limit is skipped with a reason, not read', async () => {
    const sheet = grids[0]!;
    const m = excelMock([sheet], sheet.name);
    install(m);
    const snap = await createOfficeAdapter({ maxCellsPerSheet: 10 }).readWorkbook();
    expect(snap.grids).toEqual([]);
    expect(snap.skipped[0]!.reason).toMatch(/大きすぎる/);
  });

  test('the live check re-reads only the form range, in one sync', async () => {
    const sheet = grids[0]!;
    const form = recogniseWorkbook([sheet]).forms[0]!;
    const { top, left, bottom, right } = form.region;
    const address = `${a1(top, left)}:${a1(bottom, right)}`;
    const m = excelMock([sheet], sheet.name, { [sheet.name]: [address] });
    install(m);
    const sync = jest.spyOn(m.mock.context, 'sync');

    const g = await createOfficeAdapter().readRegion(sheet.name, form.region);

    expect(sync).toHaveBeenCalledTimes(1);
    // The region alone is enough for the core to recognise and check the same form.
    expect(checkWorkbook([g]).forms).toEqual(checkWorkbook([sheet]).forms);
  });

  test('error values, formulas and number formats come across', async () => {
    const g = Grid.fromRows('S', [[{ value: { error: '#DIV/0!' }, formula: 'A2/0' }, { value: 0.25, numFmt: '0.0%' }], ['x', true]]);
    const m = excelMock([g], 'S');
    install(m);
    const [read] = (await createOfficeAdapter().readWorkbook()).grids;
    expect(read!.cell(0, 0)).toEqual({ value: { error: '#DIV/0!' }, formula: 'A2/0' });
    expect(read!.cell(0, 1)).toEqual({ value: 0.25, numFmt: '0.0%' });
    expect(read!.cell(1, 1)).toEqual({ value: true });
  });
});

describe('office adapter: every path against the API ledger', () => {
  // Sheet 13 has merged labels: the reads must still not ask Excel for merged areas.
  const merged = () => gridOf(seedLayout(13), 'S13');
  const regionOf = (g: Grid) => recogniseWorkbook([g]).forms[0]!.region;
  const addressOf = ({ top, left, bottom, right }: { top: number; left: number; bottom: number; right: number }) =>
    `${a1(top, left)}:${a1(bottom, right)}`;

  /** Runs `step` with the mock refusing what the ledger does not allow on `path`; the calls it made. */
  async function guarded(m: ExcelMock, path: ApiPath, step: () => Promise<unknown>): Promise<string[]> {
    m.log.guard = path;
    m.log.calls = [];
    await step();
    m.log.guard = null;
    expect(m.log.refused).toEqual([]);
    return m.log.calls.map((c) => c.api);
  }

  test.each([20, 12])('reading (open, チェック, each live check) calls only what keeps the undo history, ExcelApi 1.%i', async (minor) => {
    const g = merged();
    const m = excelMock([g], g.name, { [g.name]: [addressOf(regionOf(g))] });
    install(m, minor);
    const adapter = createOfficeAdapter();
    const calls = await guarded(m, 'read', async () => {
      const snap = await adapter.readWorkbook();
      const region = await adapter.readRegion(g.name, regionOf(g));
      // No merged areas from Excel: where a value sits is read from the labels and the value layout.
      expect(snap.grids[0]!.merges).toEqual([]);
      expect(region.merges).toEqual([]);
    });
    expect(calls).not.toContain('Excel.Range.getMergedAreasOrNullObject');
    expect(new Set(calls)).toEqual(
      new Set(['Excel.run', 'Excel.RequestContext.sync', 'Excel.WorksheetCollection.load', 'Excel.WorksheetCollection.getActiveWorksheet',
        'Excel.Worksheet.load', 'Excel.Worksheet.getUsedRange', 'Excel.Range.load', 'Excel.WorksheetCollection.getItem', 'Excel.Worksheet.getRange']),
    );
  });

  test('selecting a cell and listening for edits call only what the ledger allows', async () => {
    const g = merged();
    const m = excelMock([g], g.name, { [g.name]: ['D8'] });
    install(m);
    const adapter = createOfficeAdapter();
    await guarded(m, 'select', () => adapter.selectCell(g.name, 'D8'));
    await guarded(m, 'watch', async () => {
      const offChanges = await adapter.onSheetChanged(g.name, () => undefined);
      const offSheets = await adapter.onSheetActivated(() => undefined);
      await m.log.changeHandlers.get(g.name)!({ address: 'D8' });
      await m.log.activationHandlers[0]!({ worksheetId: '{id-0}' });
      await offChanges();
      await offSheets();
    });
  });

  test('a read path that asked Excel for merged areas would fail: the ledger denies it (office-js #5918)', async () => {
    const g = merged();
    const address = addressOf(regionOf(g));
    const m = excelMock([g], g.name, { [g.name]: [address] });
    install(m);
    m.log.guard = 'read';
    // What the adapter did before this ledger: the contents and the merged areas in one sync.
    const read = Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem(g.name).getRange(address);
      r.load('values');
      r.getMergedAreasOrNullObject().load('address');
      await context.sync();
    });
    await expect(read).rejects.toThrow(/getMergedAreasOrNullObject is not listed for the read path/);
    expect(m.log.refused).toHaveLength(1);
    expect(refusal('read', { api: 'Excel.Range.getMergedAreasOrNullObject' })).toMatch(/not listed/);
    // Even listed, it would be refused: it is not known to keep the undo history anywhere.
    expect(API_LEDGER['Excel.Range.getMergedAreasOrNullObject'].undo).toEqual({ desktop: 'cleared', web: 'unverified', mac: 'unverified' });
  });

  test('the guard refuses a call the ledger does not know, and a load of a property it does not list', () => {
    expect(refusal('read', { api: 'Excel.Range.clear' })).toMatch(/not in the API ledger/);
    expect(refusal('read', { api: 'Excel.Range.load', properties: ['values', 'format/fill/color'] })).toMatch(/format\/fill\/color/);
    expect(refusal('read', { api: 'Excel.Range.formulas' })).toMatch(/not listed for the read path/);
    expect(refusal('write', { api: 'Excel.Range.formulas' })).toBeNull();
  });

  test('every entry says where it comes from, and the calls no path makes say why', () => {
    for (const [api, e] of Object.entries(API_LEDGER)) {
      expect(e.sources.length).toBeGreaterThan(0);
      for (const url of e.sources) expect(url).toMatch(/^https:\/\/(learn\.microsoft\.com|github\.com\/OfficeDev)\//);
      expect(LEDGER_PLATFORMS.every((p) => ['kept', 'cleared', 'unverified'].includes(e.undo[p]))).toBe(true);
      if (e.paths.length === 0) expect(`${api}: ${e.note}`).toMatch(/Not called/);
    }
  });
});

describe('office adapter: selection and events', () => {
  test('selecting a cell activates its worksheet, in one sync', async () => {
    const [sheet] = grids;
    const other = Grid.fromRows('メモ', [['x']]);
    const m = excelMock([other, sheet!], 'メモ', { [sheet!.name]: ['D20'] });
    install(m);
    const sync = jest.spyOn(m.mock.context, 'sync');
    await createOfficeAdapter().selectCell(sheet!.name, 'D20');
    expect(sync).toHaveBeenCalledTimes(1);
    expect(m.log.activated).toEqual([sheet!.name]);
    expect(m.log.selected).toEqual([`${sheet!.name}!D20`]);
  });

  test('change events reach the handler with the sheet and address; unsubscribing removes the handler', async () => {
    const [sheet] = grids;
    const m = excelMock([sheet!], sheet!.name);
    install(m);
    const seen: unknown[] = [];
    const off = await createOfficeAdapter().onSheetChanged(sheet!.name, (c) => seen.push(c));
    await m.log.changeHandlers.get(sheet!.name)!({ address: 'E20' });
    expect(seen).toEqual([{ sheet: sheet!.name, address: 'E20' }]);
    await off();
    expect(m.log.removed).toBe(1);
  });

  test('activation events give the worksheet name', async () => {
    const a = Grid.fromRows('A', [['x']]);
    const b = Grid.fromRows('B', [['y']]);
    const m = excelMock([a, b], 'A');
    install(m);
    const seen: string[] = [];
    await createOfficeAdapter().onSheetActivated((s) => seen.push(s));
    await m.log.activationHandlers[0]!({ worksheetId: '{id-1}' });
    expect(seen).toEqual(['B']);
  });
});

describe('office adapter: timeouts and errors', () => {
  test('a run that never answers ends in a timeout error in Japanese', async () => {
    const m = excelMock([grids[0]!], grids[0]!.name);
    install(m);
    (m.mock as unknown as { run: () => Promise<never> }).run = () => new Promise<never>(() => undefined);
    const err = await createOfficeAdapter({ timeoutMs: 30 }).readWorkbook().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect((err as AdapterError).kind).toBe('timeout');
    expect((err as AdapterError).message).toMatch(/応答がありません.*再試行/);
  });

  test('an API error is reported with its code', async () => {
    const m = excelMock([grids[0]!], grids[0]!.name);
    install(m);
    const err = await createOfficeAdapter()
      .selectCell('ない', 'A1')
      .catch((e: unknown) => e);
    expect((err as AdapterError).kind).toBe('api');
    expect((err as AdapterError).message).toContain('ItemNotFound');
  });
});

describe('office adapter: applying a write plan', () => {
  const plan = (before: { value: number | null; formula?: string }): WritePlan => ({
    title: '数式を入れる',
    writes: [
      {
        sheet: 'S',
        address: 'B1',
        before,
        after: { value: 3, formula: 'A1+2' },
        why: 'テスト',
        expected: 3,
        changesShownValue: false,
      },
    ],
  });

  test('with ExcelApi 1.20: one Excel.run with mergeUndoGroup, read then write in 2 syncs, each cell written once', async () => {
    const g = Grid.fromRows('S', [[1, 3]]);
    const m = excelMock([g], 'S', { S: ['B1'] });
    install(m, 20);
    const sync = jest.spyOn(m.mock.context, 'sync');
    m.log.guard = 'write';
    const result = await createOfficeAdapter({ platform: 'web' }).applyPlan(plan({ value: 3 }));
    expect(m.log.refused).toEqual([]);
    expect(result).toEqual({ undo: 'excel' });
    expect(m.log.runOptions).toEqual([{ mergeUndoGroup: true }]);
    expect(sync).toHaveBeenCalledTimes(2);
    const ws = (m.mock.context as unknown as { workbook: { worksheets: { s0: { ranges: Record<string, { formulas: unknown }> } } } })
      .workbook.worksheets.s0;
    expect(ws.ranges.B1!.formulas).toEqual([['=A1+2']]);
    expect(formulaWrites(m)).toBe(1);
  });

  test('before ExcelApi 1.20: the journal writes every `before` back', async () => {
    const g = Grid.fromRows('S', [[1, 3]]);
    const m = excelMock([g], 'S', { S: ['B1'] });
    install(m, 19);
    const result = await createOfficeAdapter().applyPlan(plan({ value: 3 }));
    expect(m.log.runOptions).toEqual([]);
    expect(result.undo).toBe('journal');
    if (result.undo !== 'journal') return;
    expect(result.journal.writes[0]).toMatchObject({ address: 'B1', before: { formula: 'A1+2' }, after: { value: 3 } });
  });

  const formulaWrites = (m: ExcelMock) => m.log.calls.filter((c) => c.api === 'Excel.Range.formulas').length;

  test.each(['before-write', 'after-write'] as const)(
    'where Excel refuses the undo group (%s), the write is made once, without it, and the journal takes over',
    async (when) => {
      const g = Grid.fromRows('S', [[1, 3]]);
      const m = excelMock([g], 'S', { S: ['B1'] });
      install(m, 20);
      m.log.groupingFails = when;
      m.log.guard = 'write';
      const result = await createOfficeAdapter({ platform: 'web' }).applyPlan(plan({ value: 3 }));
      expect(m.log.refused).toEqual([]);
      expect(result).toMatchObject({ undo: 'journal', groupingFailed: true });
      expect(formulaWrites(m)).toBe(1);
      expect(m.log.runOptions).toEqual([{ mergeUndoGroup: true }]);
      const ws = (m.mock.context as unknown as { workbook: { worksheets: { s0: { ranges: Record<string, { formulas: unknown }> } } } })
        .workbook.worksheets.s0;
      expect(ws.ranges.B1!.formulas).toEqual([['=A1+2']]);
    },
  );

  test('the preview says how the write is undone, from the ledger, per platform', () => {
    expect(undoOutlook('web', true)).toMatchObject({ way: 'excel', text: expect.stringMatching(/^Excel on the web.*Ctrl\+Z\)1 回でまとめて取り消せます/) });
    expect(undoOutlook('desktop', true)).toMatchObject({ way: 'excel', text: expect.stringMatching(/^Windows 版 Excel/) });
    expect(undoOutlook('desktop', false)).toMatchObject({ way: 'journal', text: expect.stringMatching(/^Windows 版 Excel\(ExcelApi 1\.20 より前\).*履歴が消え.*作業ウィンドウの「元に戻す」/) });
    expect(undoOutlook('mac', false).way).toBe('journal');
    expect(undoOutlook('other', true)).toMatchObject({ way: 'journal', text: expect.stringMatching(/確かめられていません.*作業ウィンドウの「元に戻す」/) });
    const g = Grid.fromRows('S', [[1, 3]]);
    install(excelMock([g], 'S'), 19);
    const adapter: WorkbookAdapter = createOfficeAdapter({ platform: 'desktop' });
    expect(adapter.undoOutlook()).toEqual(undoOutlook('desktop', false));
  });

  test('a cell changed since the plan was made stops the write', async () => {
    const g = Grid.fromRows('S', [[1, 99]]);
    const m = excelMock([g], 'S', { S: ['B1'] });
    install(m);
    const err = await createOfficeAdapter()
      .applyPlan(plan({ value: 3 }))
      .catch((e: unknown) => e);
    expect((err as AdapterError).kind).toBe('conflict');
    const ws = (m.mock.context as unknown as { workbook: { worksheets: { s0: { ranges: Record<string, { formulas: unknown }> } } } })
      .workbook.worksheets.s0;
    expect(ws.ranges.B1!.formulas).toEqual([[99]]);
  });
});
