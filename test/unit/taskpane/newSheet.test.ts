// The pane's 新しい調査書 / 翌年度へ繰り越し: the previews come from the core's plans (with the undo warning shown
// before anything is added), and the sheet writer queues the whole laid-out form on a new worksheet.
import type { SheetWriter } from '../../../src/adapters/excel/sheetWriter';
import { queueLayout } from '../../../src/adapters/excel/sheetWriter';
import { recogniseWorkbook } from '../../../src/core/check';
import { INPUT_FILL, type LayoutSheet } from '../../../src/core/layout/sheet';
import { planNewForm } from '../../../src/core/plan/sheetPlan';
import { addPlannedSheet, previewNewForm, previewRollover, UNDO_WARNING } from '../../../src/taskpane/model/newSheetSession';
import { gridOf, seedLayout } from '../../helpers/forms';

const opts = { protect: false, force: false };

describe('newSheetSession', () => {
  it('previews the blank form of the year typed, with a name not taken', () => {
    const p = previewNewForm('R2', opts, ['調査書 令和2年度']);
    expect(p.problem).toBeNull();
    expect(p.plan?.fiscalYear).toBe(2020);
    expect(p.plan?.sheet).toBe('調査書 令和2年度 (2)');
    expect(previewNewForm('令和', opts, []).note).toContain('令和元年度(2019年度)として扱います');
    expect(previewNewForm('来年', opts, [])).toMatchObject({ plan: null, problem: expect.stringContaining('「来年」を年度として読み取れません') });
  });

  it('previews next year’s form from the selected form, or says why not (forceable when the form has errors)', () => {
    const form = recogniseWorkbook([gridOf(seedLayout(13))]).forms[0]!;
    const p = previewRollover(form, opts, []);
    expect(p.plan?.fiscalYear).toBe(2020);
    expect(p.plan?.carried.some((l) => l.startsWith('2. B行(令和元 実績) ← 元の D行'))).toBe(true);
    const broken = recogniseWorkbook([gridOf(seedLayout(14))]).forms[0]!;
    expect(previewRollover(broken, opts, [])).toMatchObject({ plan: null, forceable: true, problem: expect.stringContaining('エラーが 4 件') });
    expect(previewRollover(broken, { protect: true, force: true }, []).plan?.layout.protect).toBe(true);
    expect(previewRollover(null, opts, []).problem).toContain('調査書が選ばれていません');
  });

  it('adds the planned sheet through the writer and says so; the warning names the lost undo history', async () => {
    const added: [string, LayoutSheet][] = [];
    const writer: SheetWriter = { sheetNames: async () => [], addSheet: async (n, l) => void added.push([n, l]) };
    const plan = planNewForm({ fiscalYear: 2021 });
    expect(await addPlannedSheet(writer, plan)).toBe('シート「調査書 令和3年度」を追加しました。');
    expect(added).toEqual([[plan.sheet, plan.layout]]);
    expect(UNDO_WARNING).toContain('元に戻す');
  });
});

/** A worksheet of the Excel object model that records what is set on it. */
function recordingSheet() {
  const ranges = new Map<string, Record<string, unknown>>();
  const rangeAt = (id: string) => {
    let r = ranges.get(id);
    if (!r) {
      const borders = new Map<string, Record<string, unknown>>();
      const format = { font: {}, fill: {}, protection: {}, borders: { getItem: (e: string) => borders.get(e) ?? borders.set(e, {}).get(e)! } };
      r = { id, format, dataValidation: {}, merged: false, merge() { (this as { merged: boolean }).merged = true; } };
      ranges.set(id, r);
    }
    return r;
  };
  const page = { printArea: '', setPrintArea(a: string) { page.printArea = a; } } as Record<string, unknown> & { printArea: string };
  const breaks: string[] = [];
  const protection = { protected: null as unknown, protect(o: unknown) { protection.protected = o; } };
  const ws = {
    getRange: (a: string) => rangeAt(a),
    getRangeByIndexes: (r: number, c: number) => rangeAt(`${r},${c}`),
    pageLayout: page,
    horizontalPageBreaks: { add: (a: string) => breaks.push(a) },
    protection,
  };
  return { ws, ranges, page, breaks, protection };
}

describe('queueLayout (Office.js)', () => {
  it('writes contents, formats, merges, looks, widths, lists, print setup and protection on the new sheet', () => {
    const { layout } = planNewForm({ fiscalYear: 2020, protect: true });
    const rec = recordingSheet();
    queueLayout(rec.ws as unknown as Excel.Worksheet, layout);
    const whole = rec.ranges.get('B2:W52')!;
    const formulas = whole['formulas'] as (string | number)[][];
    const cell = (key: string) => layout.cells.find((c) => c.key === key)!;
    const at = (key: string) => formulas[cell(key).row - 1]![cell(key).col - 1];
    expect(at("trend.D.ケ''")).toBe('=L19+S19');
    expect(at('trend.D.キ')).toBe('=IF(F19=0,"—",G19/F19)');
    expect(at('header.claimType')).toBe('');
    expect(formulas[0]![0]).toBe('未収金目標及び具体取組内容調査書');
    expect(at('trend.D.ウ')).toBe('');
    expect((whole['numberFormat'] as string[][])[cell('trend.D.キ').row - 1]![cell('trend.D.キ').col - 1]).toBe('0.0%');
    expect([...rec.ranges.values()].filter((r) => r['merged']).length).toBe(layout.merges.length);
    const input = rec.ranges.get(`${cell('trend.D.ウ').row},${cell('trend.D.ウ').col}`)!['format'] as { fill: { color: string }; protection: { locked: boolean } };
    expect(input.fill.color).toBe(INPUT_FILL);
    expect(input.protection.locked).toBe(false);
    const rating = rec.ranges.get(`${cell('rating.past').row},${cell('rating.past').col}`)!['dataValidation'] as Record<string, unknown>;
    expect(rating).toMatchObject({ rule: { list: { inCellDropDown: true, source: 'A,B1,B2,—' } }, prompt: { showPrompt: true, title: '達成状況' } });
    expect(rec.page).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printArea: 'B2:W52', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(rec.breaks).toEqual(['B43']);
    expect(rec.protection.protected).toMatchObject({ allowFormatCells: true });
  });
});
