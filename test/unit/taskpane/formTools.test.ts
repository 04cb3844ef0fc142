// The pane's tools on a form, without rendering: 「数式を入れる」 and 「評価ガイド」 over the in-memory workbook,
// from the preview to the write and back (by the pane's journal, or Excel's Ctrl+Z where the write is one undo step).
import * as path from 'node:path';
import { readWorkbookFile } from '../../../src/adapters/xlsx/readWorkbook';
import { a1, type Grid } from '../../../src/core/grid';
import { formulaMessages, messages } from '../../../src/core/messages';
import { fileHost } from '../../../src/taskpane/model/formHost';
import { FormulaSession } from '../../../src/taskpane/model/formulaSession';
import { PaneSession } from '../../../src/taskpane/model/paneSession';
import { RatingGuideSession } from '../../../src/taskpane/model/ratingGuideSession';
import { recogniseWorkbook } from '../../../src/core/check';
import { dRowTyped as typedD, ratingsBlank as blankRatings } from '../../helpers/paneFixtures';
import { memoryWorkbook, type MemoryWorkbook, type MemoryWorkbookOptions } from '../../doubles/memoryWorkbook';

const EXAMPLES = path.join(__dirname, '../../../examples/current');
let sheet03: Grid;
let sheet01: Grid;
beforeAll(async () => {
  [sheet03] = (await readWorkbookFile(path.join(EXAMPLES, 'sheet-03.xlsx'))) as [Grid];
  [sheet01] = (await readWorkbookFile(path.join(EXAMPLES, 'sheet-01.xlsx'))) as [Grid];
});
const dRowTyped = () => typedD(sheet03);
const ratingsBlank = () => blankRatings(sheet01);

async function opened(grid: Grid, opts?: MemoryWorkbookOptions): Promise<{ wb: MemoryWorkbook; session: PaneSession }> {
  const wb = memoryWorkbook([grid], grid.name, opts);
  const session = new PaneSession(wb, { quietMs: 5 });
  await session.open();
  await session.check();
  return { wb, session };
}

const rulesOf = (session: PaneSession) =>
  session.getState().forms[0]!.report.groups.flatMap((g) => g.findings.map((f) => f.rule));

/** The cells FML-HARDCODED points at (a computed cell holding a typed value). */
const hardcoded = (session: PaneSession) =>
  session
    .getState()
    .forms[0]!.report.groups.flatMap((g) => g.findings)
    .filter((f) => f.rule === 'FML-HARDCODED')
    .flatMap((f) => f.cells.map((c) => c.address));

const snapshot = (wb: MemoryWorkbook, sheet: string) => new Map(wb.cellsOf(sheet).map((c) => [a1(c.row, c.col), JSON.stringify(c)]));

describe('数式を入れる', () => {
  test('preview → untick → write → the list is checked again → undo by the journal', async () => {
    const grid = dRowTyped();
    const { wb, session } = await opened(grid);
    expect(rulesOf(session)).toEqual(expect.arrayContaining(['TRD-CARRY', 'FML-HARDCODED']));
    const tool = new FormulaSession(session.formHost());
    let s = tool.getState();
    expect(s.canWrite).toBe(true);
    expect(s.unavailable).toBeNull();

    // Each cell in form terms, what it holds, the formula and the value it gives; D20 changes a shown number.
    const d20 = s.rows.find((r) => r.address === 'D20')!;
    expect(d20).toMatchObject({
      place: '2. 未収金の推移 E行(令和2 当初目標) ア列',
      now: '4,306',
      formula: '=V18',
      result: '4,308',
      changesShownValue: true,
      ticked: true,
    });
    const l19 = s.rows.find((r) => r.address === 'L19')!;
    expect(l19).toMatchObject({ place: '2. 未収金の推移 D行(令和元 実績) ケ列', formula: '=F19-(G19+H19)', changesShownValue: false });
    expect(s.rows.filter((r) => r.changesShownValue).map((r) => r.address)).toEqual(['D20']);
    expect(s.effects.map((e) => [e.address, e.before, e.after])).toEqual([
      ['E20', '▲2', '0'],
      ['I20', '598', '600'],
    ]);
    expect(s.summary).toBe(formulaMessages.renderCounts(s.rows.length, 1, 2));

    // Unticked: D20 keeps its typed value; the plan is made again without it, and nothing follows from it.
    tool.setTicked(['D20'], false);
    s = tool.getState();
    expect(s.rows.find((r) => r.address === 'D20')!.ticked).toBe(false);
    expect(s.plan!.writes.map((w) => w.address)).not.toContain('D20');
    expect(s.effects).toEqual([]);
    const planned = new Set(s.plan!.writes.map((w) => w.address));

    const before = snapshot(wb, grid.name);
    await tool.write();
    s = tool.getState();
    expect(s.write).toMatchObject({ stage: 'written', undo: 'journal', canUndo: true, problem: null });
    expect(s.write.notice).toContain('下の「元に戻す」');
    // One batch, only the plan's cells.
    expect(wb.applied).toHaveLength(1);
    const after = snapshot(wb, grid.name);
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    expect(new Set(changed)).toEqual(planned);
    expect(wb.cellsOf(grid.name).find((c) => a1(c.row, c.col) === 'L19')!.formula).toBe('F19-(G19+H19)');
    // Checked again: the typed D row is mended, the unticked carry is not; the preview now lists D20 only.
    expect(hardcoded(session)).toEqual(['D20']);
    expect(rulesOf(session)).toContain('TRD-CARRY');
    expect(s.rows.map((r) => r.address)).toEqual(['D20']);

    await tool.undo();
    s = tool.getState();
    expect(s.write).toMatchObject({ stage: 'undone', canUndo: false, problem: null });
    expect(s.write.notice).toBe(`元に戻しました(${planned.size} 個のセル)。`);
    expect(snapshot(wb, grid.name)).toEqual(before);
    expect(hardcoded(session).length).toBe(planned.size + 1);
    tool.dispose();
    await session.dispose();
  });

  test('with ExcelApi 1.20 the write is one undo step: the pane says Ctrl+Z and keeps no journal', async () => {
    const { wb, session } = await opened(sheet03, { undo: 'excel' });
    const tool = new FormulaSession(session.formHost());
    expect(tool.getState().rows.map((r) => r.address)).toEqual(['D20']);
    // Said before writing: how it will be undone on this Excel.
    expect(tool.getState().undoNote).toMatch(/^Excel on the web\(ExcelApi 1\.20 対応\)では.*Ctrl\+Z\)1 回/);
    await tool.write();
    const s = tool.getState();
    expect(s.write).toMatchObject({ stage: 'written', undo: 'excel', canUndo: false });
    expect(s.write.notice).toContain('Ctrl+Z');
    expect(wb.applied).toHaveLength(1);
    expect(rulesOf(session)).not.toContain('TRD-CARRY');
    tool.dispose();
    await session.dispose();
  });

  test('before ExcelApi 1.20 the preview says the undo history is lost and the pane\'s 元に戻す takes the write back', async () => {
    const { session } = await opened(dRowTyped());
    const tool = new FormulaSession(session.formHost());
    expect(tool.getState().undoNote).toMatch(/履歴が消え.*作業ウィンドウの「元に戻す」/);
    tool.dispose();
    await session.dispose();
  });

  test('where Excel refuses to group the write, the pane says so after writing and its 元に戻す takes over', async () => {
    const { wb, session } = await opened(sheet03, { undo: 'grouping-fails' });
    const tool = new FormulaSession(session.formHost());
    expect(tool.getState().undoNote).toContain('Ctrl+Z');
    await tool.write();
    expect(tool.getState().write).toMatchObject({ stage: 'written', undo: 'journal', canUndo: true });
    expect(tool.getState().write.notice).toMatch(/まとめられなかった.*下の「元に戻す」.*1 回だけ/);
    expect(wb.applied).toHaveLength(1);
    await tool.undo();
    expect(tool.getState().write.stage).toBe('undone');
    expect(rulesOf(session)).toContain('TRD-CARRY');
    tool.dispose();
    await session.dispose();
  });

  test('in file mode nothing is said about undoing: nothing is written', () => {
    const form = recogniseWorkbook([sheet03]).forms[0]!;
    const tool = new FormulaSession(fileHost(form));
    expect(tool.getState()).toMatchObject({ canWrite: false, undoNote: null });
    tool.dispose();
  });

  test('the MISHUKIN variant carries the FML-ADDIN-FUNCTION caveat', async () => {
    const { session } = await opened(dRowTyped());
    const tool = new FormulaSession(session.formHost());
    expect(tool.getState().caveats.join('')).not.toContain('MISHUKIN');
    tool.setVariant('addin');
    const s = tool.getState();
    expect(s.variant).toBe('addin');
    expect(s.rows.find((r) => r.address === 'J19')!.formula).toMatch(/^=MISHUKIN\./);
    expect(s.caveats[0]).toContain(messages.fmlAddin('X').split('X')[1]!);
    tool.dispose();
    await session.dispose();
  });

  test('a cell changed after the preview: nothing is written, and the reason is said', async () => {
    const { wb, session } = await opened(sheet03);
    await session.setLive(false);
    const tool = new FormulaSession(session.formHost());
    wb.edit(sheet03.name, 'D20', 4307);
    await tool.write();
    expect(tool.getState().write).toMatchObject({ stage: 'idle', notice: null });
    expect(tool.getState().write.problem).toMatch(/D20 の内容が、確認したときから変わっています/);
    expect(wb.applied).toEqual([]);
    tool.dispose();
    await session.dispose();
  });

  test('file mode: the same preview, nothing to write with', async () => {
    const form = recogniseWorkbook([sheet03]).forms[0]!;
    const tool = new FormulaSession(fileHost(form));
    expect(tool.getState()).toMatchObject({ canWrite: false, unavailable: null });
    expect(tool.getState().rows.map((r) => r.address)).toEqual(['D20']);
    await tool.write();
    expect(tool.getState().write.stage).toBe('idle');
  });
});

describe('評価ガイド', () => {
  test('open → answer → preview → write → B1 follow-ups with links → undo by the journal', async () => {
    const grid = ratingsBlank();
    const { wb, session } = await opened(grid);
    const guide = new RatingGuideSession(session.formHost());
    let s = guide.getState();
    // The three columns with C行, D行 and the difference; the question only where the numbers leave one.
    expect(s.columns.map((c) => [c.label, c.target, c.actual, c.difference, c.proposed, c.questions])).toEqual([
      ['過年度', '75', '106', '+31', 'B1 または B2', ['actionsCarriedOut']],
      ['現年度', '0', '0', '0', 'A または —', ['targetWasSet']],
      ['合計', '75', '106', '+31', 'B1 または B2', ['actionsCarriedOut']],
    ]);
    expect(s.columns[0]!.reasons[0]).toContain('目標を 31千円 上回っています(未達)');
    expect(s.decided).toBe(false);

    guide.answer('past', 'actionsCarriedOut', false);
    guide.answer('current', 'targetWasSet', false);
    expect(guide.getState().decided).toBe(false);
    guide.answer('total', 'actionsCarriedOut', true);
    s = guide.getState();
    expect(s.columns.map((c) => c.code)).toEqual(['B2', '—', 'B1']);
    expect(s.decided).toBe(true);

    guide.openPreview();
    s = guide.getState();
    expect(s.preview!.map((r) => [r.address, r.place, r.now, r.result])).toEqual([
      ['D8', '1. 達成状況 過年度', '空欄', 'B2'],
      ['G8', '1. 達成状況 現年度', '空欄', '—'],
      ['K8', '1. 達成状況 合計', '空欄', 'B1'],
    ]);

    const before = snapshot(wb, grid.name);
    await guide.write();
    s = guide.getState();
    expect(s.write).toMatchObject({ stage: 'written', undo: 'journal', canUndo: true });
    expect(s.preview).toBeNull();
    const after = snapshot(wb, grid.name);
    expect([...after.keys()].filter((k) => after.get(k) !== before.get(k)).sort()).toEqual(['D8', 'G8', 'K8']);
    expect(rulesOf(session)).not.toContain('RATE-CODE');
    // B2 in 過年度 with its 課題 blank: the pane points at the cell, and the link selects it.
    expect(s.followUps).toEqual([{ message: '4. 取組内容の検証など 課題(過年度) [D47]', cell: { sheet: grid.name, address: 'D47' } }]);
    guide.select(s.followUps[0]!.cell);
    await new Promise((r) => setTimeout(r, 0));
    expect(wb.selections).toEqual([`${grid.name}!D47`]);

    await guide.undo();
    s = guide.getState();
    expect(s.write).toMatchObject({ stage: 'undone', canUndo: false });
    expect(s.followUps).toEqual([]);
    expect(snapshot(wb, grid.name)).toEqual(before);
    guide.dispose();
    await session.dispose();
  });

  test('a code the numbers come to rule out is refused with the core’s Japanese message, and asked again', async () => {
    const { wb, session } = await opened(ratingsBlank());
    await session.setLive(false);
    const guide = new RatingGuideSession(session.formHost());
    guide.answer('current', 'targetWasSet', true);
    expect(guide.getState().columns[1]!.code).toBe('A');
    // 現年度 D行 ケ' becomes 5: with a target of 0 that is missed, A is no longer possible.
    wb.edit(sheet01.name, 'S19', 5);
    await session.check();
    const s = guide.getState();
    expect(s.refused).toBe('1. 達成状況 現年度に「A」は入力できません。数値からは「B1」または「B2」または「—」です。');
    expect(s.columns[1]).toMatchObject({ proposed: 'B1 または B2 または —', questions: ['targetWasSet'], answers: {}, code: null });
    // Answering again: a target was set and missed, so the actions question follows.
    guide.answer('current', 'targetWasSet', true);
    expect(guide.getState().columns[1]!.questions).toEqual(['targetWasSet', 'actionsCarriedOut']);
    expect(guide.getState().refused).toBeNull();
    guide.dispose();
    await session.dispose();
  });

  test('with ExcelApi 1.20 the pane says Ctrl+Z; nothing to follow up for an A', async () => {
    const { session } = await opened(ratingsBlank(), { undo: 'excel' });
    const guide = new RatingGuideSession(session.formHost());
    for (const c of ['past', 'total'] as const) guide.answer(c, 'actionsCarriedOut', true);
    guide.answer('current', 'targetWasSet', true);
    guide.openPreview();
    await guide.write();
    const s = guide.getState();
    expect(s.write.notice).toContain('Ctrl+Z');
    expect(s.write.canUndo).toBe(false);
    // B1 with 課題(過年度) blank still needs it.
    expect(s.followUps.map((f) => f.cell.address)).toEqual(['D47']);
    guide.dispose();
    await session.dispose();
  });
});
