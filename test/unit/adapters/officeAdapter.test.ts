import * as path from 'node:path';
import { readWorkbookFile } from '../../../src/adapters/xlsx/readWorkbook';
import { createOfficeAdapter, parseMergedAddress } from '../../../src/adapters/excel/officeAdapter';
import { AdapterError } from '../../../src/adapters/excel/workbookAdapter';
import { checkWorkbook, recogniseWorkbook } from '../../../src/core/check';
import { a1, Grid } from '../../../src/core/grid';
import { key } from '../../../src/core/model/keys';
import { gridOf, seedLayout, setKey } from '../../helpers/forms';
import type { WritePlan } from '../../../src/core/plan/writePlan';
import { excelMock } from './officeMock';

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

describe('office adapter: merged areas', () => {
  // Sheet 13 with its 過年度 rating blank: its label is merged across C:? so the value sits at D8; without the
  // merges the blank cell next to the label's first cell (C8) would be taken for it.
  const blankRating = () => gridOf(setKey(seedLayout(13), key.rating('past'), null), 'S13');
  const ratingAddress = (grids: Grid[]) => recogniseWorkbook(grids).forms[0]!.fields.get(key.rating('past'))!.address;

  test('come in the same sync as the contents (still 3 syncs), so a blank rating is found right of its merged label', async () => {
    const g = blankRating();
    const m = excelMock([g], g.name);
    install(m, 13);
    const sync = jest.spyOn(m.mock.context, 'sync');
    const snap = await createOfficeAdapter().readWorkbook();
    expect(sync).toHaveBeenCalledTimes(3);
    expect(m.log.mergedAreaCalls).toBe(1);
    expect(snap.grids[0]!.merges).toEqual(g.merges);
    expect(ratingAddress(snap.grids)).toBe('D8');
    expect(checkWorkbook(snap.grids)).toEqual(checkWorkbook([g]));
  });

  test('the live check reads the merged areas of the form range with it, in one sync', async () => {
    const g = blankRating();
    const form = recogniseWorkbook([g]).forms[0]!;
    const { top, left, bottom, right } = form.region;
    const m = excelMock([g], g.name, { [g.name]: [`${a1(top, left)}:${a1(bottom, right)}`] });
    install(m, 13);
    const sync = jest.spyOn(m.mock.context, 'sync');
    const read = await createOfficeAdapter().readRegion(g.name, form.region);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(read.merges).toEqual(g.merges);
    expect(ratingAddress([read])).toBe('D8');
  });

  test('before ExcelApi 1.13 there are none to ask for: the grid has no merges, and the read is the same 3 syncs', async () => {
    const g = blankRating();
    const m = excelMock([g], g.name);
    install(m, 12);
    const sync = jest.spyOn(m.mock.context, 'sync');
    const snap = await createOfficeAdapter().readWorkbook();
    expect(sync).toHaveBeenCalledTimes(3);
    expect(m.log.mergedAreaCalls).toBe(0);
    expect(snap.grids[0]!.merges).toEqual([]);
    // What the core does without merges: the cell beside the label's first cell.
    expect(ratingAddress(snap.grids)).toBe('C8');
  });

  test('where Excel refuses the merged areas (more than 512), the sheet is read again without them', async () => {
    const g = blankRating();
    const m = excelMock([g], g.name);
    install(m, 13);
    m.log.mergedAreasFail = true;
    const snap = await createOfficeAdapter().readWorkbook();
    expect(m.log.mergedAreaCalls).toBe(1);
    expect(snap.grids[0]!.merges).toEqual([]);
    expect(recogniseWorkbook(snap.grids).forms).toHaveLength(1);
  });

  test('a RangeAreas address: sheet names dropped, quoted names with "!" and "," read as names', () => {
    expect(parseMergedAddress('Sheet1!A1:B2, Sheet1!$D$4:$E$5')).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 4, right: 4 },
    ]);
    expect(parseMergedAddress("'x!A1, y'!C3:D3,'x!A1, y'!B7:B9")).toEqual([
      { top: 2, left: 2, bottom: 2, right: 3 },
      { top: 6, left: 1, bottom: 8, right: 1 },
    ]);
    expect(parseMergedAddress("'it''s'!A1:A2")).toEqual([{ top: 0, left: 0, bottom: 1, right: 0 }]);
    expect(parseMergedAddress('')).toEqual([]);
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

  test('with ExcelApi 1.20: one Excel.run with mergeUndoGroup, read then write in 2 syncs', async () => {
    const g = Grid.fromRows('S', [[1, 3]]);
    const m = excelMock([g], 'S', { S: ['B1'] });
    install(m, 20);
    const sync = jest.spyOn(m.mock.context, 'sync');
    const result = await createOfficeAdapter().applyPlan(plan({ value: 3 }));
    expect(result).toEqual({ undo: 'excel' });
    expect(m.log.runOptions).toEqual([{ mergeUndoGroup: true }]);
    expect(sync).toHaveBeenCalledTimes(2);
    const ws = (m.mock.context as unknown as { workbook: { worksheets: { s0: { ranges: Record<string, { formulas: unknown }> } } } })
      .workbook.worksheets.s0;
    expect(ws.ranges.B1!.formulas).toEqual([['=A1+2']]);
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
