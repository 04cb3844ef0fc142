import * as path from 'node:path';
import { AdapterError } from '../../../src/adapters/excel/workbookAdapter';
import { readWorkbookFile } from '../../../src/adapters/xlsx/readWorkbook';
import { Grid } from '../../../src/core/grid';
import { PaneSession, type ExcelPaneState } from '../../../src/taskpane/model/paneSession';
import { hiddenSheetNote } from '../../../src/taskpane/model/present';
import { memoryWorkbook } from '../../doubles/memoryWorkbook';

const EXAMPLES = path.join(__dirname, '../../../examples');
let sheet03: Grid[];
let multi: Grid[];
beforeAll(async () => {
  sheet03 = await readWorkbookFile(path.join(EXAMPLES, 'current/sheet-03.xlsx'));
  multi = await readWorkbookFile(path.join(EXAMPLES, 'multi-form.xlsx'));
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rules(s: ExcelPaneState): string[] {
  const f = s.forms.find((x) => x.summary.id === s.selectedId);
  return f ? f.report.groups.flatMap((g) => g.findings.map((x) => x.rule)) : [];
}

/** Resolves once the session has applied a result newer than `revision`. */
function nextRevision(session: PaneSession, revision: number): Promise<ExcelPaneState> {
  return new Promise((resolve) => {
    const off = session.subscribe((s) => {
      if (s.revision > revision && s.busy === null) {
        off();
        resolve(s);
      }
    });
  });
}

describe('pane session (Excel mode, with an in-memory workbook)', () => {
  test('open recognises the active form and shows its header; チェック lists the findings by severity', async () => {
    const wb = memoryWorkbook(sheet03);
    const session = new PaneSession(wb, { quietMs: 10 });
    await session.open();
    let s = session.getState();
    expect(s.problem).toBeNull();
    const shown = s.forms.find((f) => f.summary.id === s.selectedId)!.summary;
    expect(shown).toMatchObject({ bureau: '福祉局', claimName: '特別障がい者手当等返還金', claimNo: '038', edition: '現行様式' });
    expect(shown.year).toBe('令和元年度(2019)');
    expect(s.checked).toBe(false);

    await session.check();
    s = session.getState();
    expect(s.checked).toBe(true);
    expect(wb.reads).toEqual({ workbook: 1, region: 1 });
    const report = s.forms[0]!.report;
    expect(report.counts).toEqual({ error: 1, warning: 1, info: 0 });
    const carry = report.groups[0]!.findings[0]!;
    expect(carry.rule).toBe('TRD-CARRY');
    expect(carry.place).toBe('2. 未収金の推移 E行(令和2 当初目標) ア列');
    expect(carry.cells[0]).toEqual({ sheet: sheet03[0]!.name, address: 'D20' });

    await session.goTo(carry.cells[0]!);
    expect(wb.selections).toEqual([`${sheet03[0]!.name}!D20`]);
    await session.dispose();
  });

  test('live checking: a burst of edits is read once, after the quiet time, and the list follows', async () => {
    const wb = memoryWorkbook(sheet03);
    const session = new PaneSession(wb, { quietMs: 30 });
    await session.open();
    await session.check();
    const name = sheet03[0]!.name;
    const rev = session.getState().revision;
    const updated = nextRevision(session, rev);
    wb.edit(name, 'D20', 1);
    wb.edit(name, 'D20', 2);
    wb.edit(name, 'D20', '=V18');
    const s = await updated;
    expect(wb.reads.region).toBe(2);
    expect(rules(s)).not.toContain('TRD-CARRY');
    await session.dispose();
  });

  test('live checking: one change event (a paste) is one read; events during a read are gathered into one more', async () => {
    const wb = memoryWorkbook(sheet03);
    const session = new PaneSession(wb, { quietMs: 5 });
    await session.open();
    await session.check();
    const name = sheet03[0]!.name;
    wb.readDelays.push(60);
    wb.edit(name, 'D20', '=V18');
    await wait(20);
    // The read is under way: three more edits come in, each after more than the quiet time.
    wb.edit(name, 'D21', 1);
    await wait(12);
    wb.edit(name, 'D22', 2);
    await wait(12);
    wb.edit(name, 'D20', 1);
    await wait(150);
    expect(wb.reads.region).toBe(3);
    expect(rules(session.getState())).toContain('TRD-CARRY');
    await session.dispose();
  });

  test('an older read that finishes last does not overwrite a newer result', async () => {
    const wb = memoryWorkbook(sheet03);
    const session = new PaneSession(wb, { quietMs: 1 });
    await session.open();
    await session.check();
    const name = sheet03[0]!.name;
    // First re-read (the fixed value) is slow; the second (broken again) is fast and must win.
    wb.readDelays.push(80, 0);
    wb.edit(name, 'D20', '=V18');
    await wait(20);
    wb.edit(name, 'D20', 1);
    await wait(150);
    expect(wb.reads.region).toBe(3);
    expect(rules(session.getState())).toContain('TRD-CARRY');
    await session.dispose();
  });

  test('with live checking off, edits read nothing; turning it on catches up', async () => {
    const wb = memoryWorkbook(sheet03);
    const session = new PaneSession(wb, { quietMs: 1 });
    await session.open();
    await session.check();
    await session.setLive(false);
    wb.edit(sheet03[0]!.name, 'D20', '=V18');
    await wait(20);
    expect(wb.reads.region).toBe(1);
    expect(rules(session.getState())).toContain('TRD-CARRY');
    await session.setLive(true);
    expect(rules(session.getState())).not.toContain('TRD-CARRY');
    await session.dispose();
  });

  test('a sheet that is not the form: nothing selected, and the reason is there to show', async () => {
    const wb = memoryWorkbook(multi, 'メモ');
    const session = new PaneSession(wb, { quietMs: 1 });
    await session.open();
    const s = session.getState();
    expect(s.selectedId).toBeNull();
    expect(s.forms).toHaveLength(2);
    expect(s.notForms.find((n) => n.sheet === 'メモ')!.reason).toMatch(/見出しが見つかりません/);
    // Activating a form's sheet shows that form.
    wb.activate(multi[1]!.name);
    expect(session.getState().selectedId).toBe(`${multi[1]!.name}!C5`);
    await session.dispose();
  });

  test('a hidden sheet with a form is left out and named; shown again and activated, it is read and its form shown', async () => {
    const live = sheet03[0]!;
    const old = new Grid('(前年度)', live.cells(), live.merges, [], 'hidden');
    const wb = memoryWorkbook([live, old], live.name);
    const session = new PaneSession(wb, { quietMs: 1 });
    await session.open();
    let s = session.getState();
    expect(s.forms.map((f) => f.summary.sheet)).toEqual([live.name]);
    expect(s.hiddenSheets).toEqual([{ sheet: '(前年度)', visibility: 'hidden', forms: 1 }]);
    expect(s.notForms).toEqual([]);
    expect(hiddenSheetNote(s.hiddenSheets[0]!, 'excel')).toBe(
      '非表示のシート「(前年度)」に調査書が 1 件ありますが、点検していません。シート見出しを右クリックして「再表示」を選ぶと点検します。',
    );

    const rev = s.revision;
    const reread = nextRevision(session, rev);
    wb.show('(前年度)');
    wb.activate('(前年度)');
    s = await reread;
    expect(wb.reads.workbook).toBe(2);
    expect(s.forms.map((f) => f.summary.sheet)).toEqual([live.name, '(前年度)']);
    expect(s.hiddenSheets).toEqual([]);
    expect(s.selectedId).toBe(s.forms[1]!.summary.id);
    await session.dispose();
  });

  test('a timeout is said in Japanese, and 再試行 repeats the step', async () => {
    const wb = memoryWorkbook(sheet03);
    const readRegion = wb.readRegion;
    let fail = true;
    wb.readRegion = (sheet, region) => {
      if (fail) return Promise.reject(new AdapterError('timeout', 'Excel から 10 秒たっても応答がありません。'));
      return readRegion(sheet, region);
    };
    const session = new PaneSession(wb, { quietMs: 1 });
    await session.open();
    await session.check();
    expect(session.getState()).toMatchObject({ busy: null, problem: 'Excel から 10 秒たっても応答がありません。', checked: false });
    fail = false;
    await session.retry();
    expect(session.getState()).toMatchObject({ busy: null, problem: null, checked: true });
    await session.dispose();
  });
});
