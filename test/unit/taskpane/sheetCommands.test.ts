// 「新しい調査書」 and 「翌年度へ繰り越し」 in the pane, without rendering, over the in-memory workbook: the preview
// (what is added, what adding does to Excel's undo history here, what this Excel cannot set), the refusal of a form
// with errors and the deliberate choice to roll it over all the same, adding (only new sheets), and closing without.
import * as path from 'node:path';
import { readWorkbookFile } from '../../../src/adapters/xlsx/readWorkbook';
import { recogniseWorkbook } from '../../../src/core/check';
import { Grid, type GridCell } from '../../../src/core/grid';
import { sheetPlanMessages } from '../../../src/core/messages';
import { PaneSession } from '../../../src/taskpane/model/paneSession';
import { likelyYear, SheetCommandSession, type SheetCommand } from '../../../src/taskpane/model/sheetCommandSession';
import { memoryWorkbook, type MemoryWorkbook, type MemoryWorkbookOptions } from '../../doubles/memoryWorkbook';
import { gridOf, seedLayout } from '../../helpers/forms';

const EXAMPLES = path.join(__dirname, '../../../examples');
/** 2026-12-04: the survey of 令和8年度 asks for the results of 令和7 (2025). */
const TODAY = new Date(2026, 11, 4);

let sheet03: Grid[];
let sheet01: Grid[];
let multi: Grid[];
let older: Grid[];
beforeAll(async () => {
  const read = (f: string) => readWorkbookFile(path.join(EXAMPLES, f));
  [sheet03, sheet01, multi, older] = await Promise.all([
    read('current/sheet-03.xlsx'),
    read('current/sheet-01.xlsx'),
    read('multi-form.xlsx'),
    read('older/sheet-14.xlsx'),
  ]);
});

interface Opened {
  wb: MemoryWorkbook;
  pane: PaneSession;
  command: SheetCommandSession;
}

async function opened(grids: Grid[], command: SheetCommand, opts?: MemoryWorkbookOptions): Promise<Opened> {
  const wb = memoryWorkbook(grids, grids[0]?.name ?? null, opts);
  const pane = new PaneSession(wb, { quietMs: 5 });
  await pane.open();
  return { wb, pane, command: new SheetCommandSession(pane.sheetHost(), command, { today: TODAY }) };
}

/** Every cell of every sheet, to show that adding left them as they were. */
const contents = (wb: MemoryWorkbook, sheets: string[]): string[] => sheets.flatMap((s) => wb.cellsOf(s).map((c) => `${s}:${JSON.stringify(c)}`));

/** The added sheet as the recogniser reads it. */
function formOf(wb: MemoryWorkbook, sheet: string) {
  const cells: GridCell[] = wb.cellsOf(sheet);
  return recogniseWorkbook([new Grid(sheet, cells)]).forms[0]!;
}

describe('新しい調査書', () => {
  test('preview: the year most likely reported, the sheet, empty inputs and live formulas, and before adding that the undo history is lost', async () => {
    const { wb, command } = await opened(sheet03, 'newForm');
    expect(likelyYear(TODAY)).toBe(2025);
    expect(likelyYear(new Date(2027, 2, 31))).toBe(2025);
    expect(likelyYear(new Date(2027, 3, 1))).toBe(2026);
    const s = command.getState();
    expect(s.unavailable).toBeNull();
    expect(s.year).toEqual({ text: '令和7年度', problem: null, note: null });
    expect(s.count).toBe(1);
    const plan = s.items[0]!.plan!;
    expect(plan.sheet).toBe('調査書 令和7年度');
    expect(plan.fiscalYear).toBe(2025);
    expect(plan.title).toBe(sheetPlanMessages.newTitle(2025));
    expect(plan.notes).toEqual([sheetPlanMessages.newNote()]);
    // The double stands for Windows before ExcelApi 1.20: adding and writing clear the undo history; how to remove the sheet.
    expect(s.undo.effect).toBe('cleared');
    expect(s.undo.text).toMatch(/^Windows 版 Excel\(ExcelApi 1\.20 より前\)では、シートの追加・書き込みで Excel の「元に戻す」\(Ctrl\+Z\)の履歴が消え/);
    expect(s.undo.text).toMatch(/シート見出しを右クリックして「削除」/);
    expect(s.lacking).toEqual([]);
    // Nothing is written by a preview.
    expect(wb.added).toEqual([]);
    expect(wb.applied).toEqual([]);
  });

  test('the year in any spelling the form allows; a bare 令和 is 令和元 with a note; an unreadable year adds nothing', async () => {
    const { wb, command } = await opened(sheet03, 'newForm');
    for (const [text, year] of [['R2', 2020], ['令和２', 2020], ['平成30年度', 2018], ['H31', 2019], ['2024', 2024]] as const) {
      command.setYear(text);
      expect(command.getState().items[0]!.plan!.fiscalYear).toBe(year);
    }
    command.setYear('令和');
    expect(command.getState().year.note).toBe(sheetPlanMessages.yearBareReiwa());
    expect(command.getState().items[0]!.plan!.fiscalYear).toBe(2019);

    command.setYear('来年');
    const s = command.getState();
    expect(s.year.problem).toBe(sheetPlanMessages.yearUnreadable('来年'));
    expect(s.items).toEqual([]);
    expect(s.count).toBe(0);
    await command.add();
    expect(wb.added).toEqual([]);
    expect(command.getState().stage).toBe('preview');
  });

  test('confirm: one new sheet, named apart from the others; no cell of the workbook touched; the pane reads it and shows its form', async () => {
    const taken = Grid.fromRows('調査書 令和2年度', [['メモ']]);
    const { wb, pane, command } = await opened([...sheet03, taken], 'newForm');
    const before = contents(wb, [sheet03[0]!.name, taken.name]);
    command.setYear('令和2');
    expect(command.getState().items[0]!.plan!.sheet).toBe('調査書 令和2年度 (2)');

    await command.add();
    const s = command.getState();
    expect(s.stage).toBe('added');
    expect(s.problem).toBeNull();
    expect(s.added).toEqual([{ name: '調査書 令和2年度 (2)', skipped: [] }]);
    expect(wb.added.map((a) => a.name)).toEqual(['調査書 令和2年度 (2)']);
    expect(wb.applied).toEqual([]);
    expect(contents(wb, [sheet03[0]!.name, taken.name])).toEqual(before);

    // The new sheet holds the blank form of 令和2 (N = 2020), with its formulas; the pane has read it and selected it.
    const form = formOf(wb, '調査書 令和2年度 (2)');
    expect(form).toMatchObject({ edition: 'current', fiscalYear: 2020 });
    expect(wb.cellsOf('調査書 令和2年度 (2)').filter((c) => c.formula !== undefined).length).toBeGreaterThan(100);
    const p = pane.getState();
    expect(p.forms.map((f) => f.summary.sheet)).toEqual([sheet03[0]!.name, '調査書 令和2年度 (2)']);
    expect(p.selectedId).toBe('調査書 令和2年度 (2)!B2');

    // 続けて作る: planned again from the workbook as it is now.
    command.again();
    expect(command.getState().items[0]!.plan!.sheet).toBe('調査書 令和2年度 (3)');
  });

  test('cancel: closing the preview adds nothing, and the closed preview no longer follows the workbook', async () => {
    const { wb, pane, command } = await opened(sheet03, 'rollover');
    command.setForce(true);
    // While open, a new read of the workbook plans again (new form objects, same content).
    let before = command.getState();
    await pane.open();
    expect(command.getState()).not.toBe(before);
    command.dispose();
    before = command.getState();
    await pane.open();
    expect(command.getState()).toBe(before);
    expect(wb.added).toEqual([]);
    expect(wb.applied).toEqual([]);
  });

  test('what adding does to the undo history follows the ledger per platform; protecting the sheet clears it everywhere', async () => {
    const { command } = await opened(sheet03, 'newForm', { undo: 'excel' });
    expect(command.getState().undo).toMatchObject({ effect: 'kept', text: expect.stringMatching(/^Excel on the web\(ExcelApi 1\.20 対応\)では、シートを追加しても、それまでの「元に戻す」/) });
    command.setProtect(true);
    expect(command.getState().items[0]!.plan!.layout.protect).toBe(true);
    expect(command.getState().undo).toMatchObject({
      effect: 'cleared',
      text: expect.stringMatching(/^Excel on the web\(ExcelApi 1\.20 対応\)では、シートの保護\(計算欄のロック\)で Excel の「元に戻す」\(Ctrl\+Z\)の履歴が消え/),
    });
  });

  test('an Excel without ExcelApi 1.8 and 1.9 gets the form without drop-down lists and print setup, said before and after; without 1.2, nothing', async () => {
    const { command } = await opened(sheet03, 'newForm', { excelApi: 7 });
    const lacking = command.getState().lacking;
    expect(lacking).toHaveLength(2);
    expect(lacking[0]).toMatch(/ExcelApi 1\.8 に対応していないため、債権区分と達成状況の一覧/);
    expect(lacking[1]).toMatch(/ExcelApi 1\.9 に対応していないため、印刷の設定/);
    await command.add();
    expect(command.getState().added[0]!.skipped).toEqual(lacking);

    const old = await opened(sheet03, 'newForm', { excelApi: 1 });
    expect(old.command.getState()).toMatchObject({ count: 0, unavailable: expect.stringMatching(/ExcelApi 1\.2 に対応していないため.*mishukin new/) });
    await old.command.add();
    expect(old.wb.added).toEqual([]);
  });
});

describe('翌年度へ繰り越し', () => {
  test('a form with error findings is refused with its errors in Japanese; 「エラーがあっても繰り越す」 rolls it over all the same', async () => {
    const { wb, pane, command } = await opened(sheet03, 'rollover');
    let s = command.getState();
    expect(s.withErrors).toBe(1);
    expect(s.count).toBe(0);
    const item = s.items[0]!;
    expect(item).toMatchObject({ plan: null, forceable: true, ticked: false });
    expect(item.source).toBe(`シート「${sheet03[0]!.name}」B2 ・令和元年度`);
    expect(item.refusal![0]).toBe(sheetPlanMessages.rolloverErrors(sheet03[0]!.name, 'B2', 1));
    expect(item.refusal![1]).toMatch(/^・TRD-CARRY 2\. 未収金の推移 E行\(令和2 当初目標\) ア列 \[D20\]/);
    await command.add();
    expect(wb.added).toEqual([]);

    command.setForce(true);
    s = command.getState();
    expect(s.count).toBe(1);
    // Still a form with errors: the choice stays offered, to be taken back.
    expect(s.withErrors).toBe(1);
    expect(s.items[0]!.forceable).toBe(true);
    const plan = s.items[0]!.plan!;
    expect(s.items[0]!.ticked).toBe(true);
    expect(plan.notes[0]).toBe(sheetPlanMessages.rolloverForced(1));
    expect(plan.sheet).toBe('038 特別障がい者手当等返還金(令和2)');
    expect(plan.fiscalYear).toBe(2020);

    const before = contents(wb, [sheet03[0]!.name]);
    await command.add();
    expect(command.getState()).toMatchObject({ stage: 'added', added: [{ name: plan.sheet, skipped: [] }] });
    expect(contents(wb, [sheet03[0]!.name])).toEqual(before);
    // Next year's form: the header carried, row B from the old D row (ウ of 令和元 実績), in the official layout.
    const rolled = formOf(wb, plan.sheet);
    expect(rolled).toMatchObject({ edition: 'current', fiscalYear: 2020 });
    const source = recogniseWorkbook(sheet03).forms[0]!;
    for (const [to, from] of [['trend.B.ウ', 'trend.D.ウ'], ['header.claimName', 'header.claimName'], ['header.claimNo', 'header.claimNo']]) {
      expect(rolled.fields.get(to!)!.parsed).toEqual(source.fields.get(from!)!.parsed);
    }
    expect(pane.getState().forms).toHaveLength(2);
  });

  test('several forms: one rolled form each, names apart; one can be left out; an older-edition form is said and never rolled', async () => {
    const { wb, command } = await opened([...sheet01, ...multi, ...older], 'rollover');
    let s = command.getState();
    expect(s.items.map((i) => [i.plan?.sheet ?? null, i.forceable])).toEqual([
      ['014 馬淵生活館館室使用料(令和2)', false],
      [null, true],
      ['045 居宅介護給付費返還金(居宅生活支援費返還金)(令和2)', false],
      [null, false],
    ]);
    expect(s.items[3]!.refusal).toEqual([sheetPlanMessages.rolloverOlder(older[0]!.name, s.items[3]!.id.split('!')[1]!)]);
    expect(s.summary).toBe('調査書 4 件のうち 2 件から、翌年度の調査書を作ります。');
    expect(s.count).toBe(2);

    command.setTicked(s.items[0]!.id, false);
    s = command.getState();
    expect(s.count).toBe(1);
    expect(s.items[0]).toMatchObject({ ticked: false });
    await command.add();
    expect(wb.added.map((a) => a.name)).toEqual(['045 居宅介護給付費返還金(居宅生活支援費返還金)(令和2)']);
  });

  test('a form in another layout (elsewhere on the sheet, values only, other year words) rolls over into the official layout', async () => {
    const other = gridOf(seedLayout(13, { top: 6, left: 3, yearStyle: 'full', splitLabels: true, valuesOnly: true, with15_2: false }), '別様式');
    const { wb, command } = await opened([other], 'rollover');
    const plan = command.getState().items[0]!.plan!;
    expect(plan.fiscalYear).toBe(2020);
    await command.add();
    const rolled = formOf(wb, plan.sheet);
    // The official layout: at B2, every computed cell a formula, the ⑮-2 column printed.
    expect(rolled).toMatchObject({ edition: 'current', fiscalYear: 2020, anchor: 'B2', has15_2: true });
    expect(rolled.fields.get("trend.B.ケ''")!.formula).toBeDefined();
    const source = recogniseWorkbook([other]).forms[0]!;
    expect(rolled.fields.get('trend.B.ウ')!.parsed).toEqual(source.fields.get('trend.D.ウ')!.parsed);
  });

  test('two forms of one claim roll over to sheets of different names', async () => {
    const copy = new Grid(`${sheet01[0]!.name} 写`, [...sheet01[0]!.cells()]);
    const { command } = await opened([...sheet01, copy], 'rollover');
    expect(command.getState().items.map((i) => i.plan!.sheet)).toEqual(['014 馬淵生活館館室使用料(令和2)', '014 馬淵生活館館室使用料(令和2) (2)']);
  });

  test('a workbook without a form has nothing to roll over', async () => {
    const { command } = await opened([Grid.fromRows('メモ', [['メモ']])], 'rollover');
    expect(command.getState()).toMatchObject({ count: 0, items: [], unavailable: expect.stringMatching(/繰り越せる調査書がありません/) });
  });

  test('a sheet of the planned name added since the preview: nothing is added, it is said, and the preview takes another name', async () => {
    const { wb, command } = await opened(sheet01, 'rollover');
    const plan = command.getState().items[0]!.plan!;
    // Someone adds a sheet of that name (in another case) after the preview was made.
    await wb.addSheet({ name: plan.sheet.toUpperCase(), layout: { cells: [], merges: [] } });
    await command.add();
    const s = command.getState();
    expect(s.stage).toBe('preview');
    expect(s.problem).toMatch(/「014 馬淵生活館館室使用料\(令和2\)」がすでにあります.*シートは追加していません/);
    expect(wb.added).toHaveLength(1);
    expect(s.items[0]!.plan!.sheet).toBe('014 馬淵生活館館室使用料(令和2) (2)');
    await command.add();
    expect(command.getState().added.map((a) => a.name)).toEqual(['014 馬淵生活館館室使用料(令和2) (2)']);
  });
});
