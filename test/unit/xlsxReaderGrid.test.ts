// The exceljs → Grid mapping on its own: values as the core wants them, formulas, number formats, merged areas
// and the reader's notes on each sheet.
import ExcelJS from 'exceljs';
import { plainValue, workbookToGrids } from '../../src/adapters/xlsx/read/toGrid';
import { WorkbookReadError } from '../../src/adapters/xlsx/read/errors';

describe('plainValue', () => {
  test.each([
    ['nothing', null, null],
    ['a number', 4306, 4306],
    ['a string', '所属', '所属'],
    ['a boolean', false, false],
    ['an error', { error: '#DIV/0!' }, { error: '#DIV/0!' }],
    ['rich text', { richText: [{ text: '未収' }, { text: '金' }, { font: {} }] }, '未収金'],
    ['a hyperlink', { text: '要綱', hyperlink: 'https://example.com/' }, '要綱'],
    ['a hyperlink over rich text', { text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' }, 'ab'],
    ['a hyperlink with a number', { text: 12, hyperlink: 'x' }, '12'],
    ['an invalid date (exceljs\'s error result)', new Date(NaN), { error: '#VALUE!' }],
    ['anything else', { foo: 1 }, null],
  ])('%s', (_, v, out) => {
    expect(plainValue(v)).toEqual(out);
  });

  test('a date stays a date', () => {
    const d = new Date(Date.UTC(2020, 2, 31));
    expect(plainValue(d)).toBe(d);
  });
});

describe('workbookToGrids', () => {
  function book(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('一');
    a.getCell('A1').value = { formula: 'B1*0', result: 0 };
    a.getCell('B2').value = 0.5;
    a.getCell('B2').numFmt = '0.0%';
    a.mergeCells('C1:D2');
    a.getCell('C1').value = '結合';
    wb.addWorksheet('二').getCell('A1').value = 'x';
    return wb;
  }

  test('cells 0-based, cached 0 of a formula kept, a merged area\'s value once; merges and notes by sheet id', () => {
    const merges = [{ top: 0, left: 2, bottom: 1, right: 3 }];
    const [one, two] = workbookToGrids(book(), [{ merges, valueCells: 3, notes: [] }, { merges: [], valueCells: 1, notes: ['入力規則を省きました。'] }], 100, ExcelJS.ValueType);
    expect(one!.cells()).toEqual([
      { row: 0, col: 0, value: 0, formula: 'B1*0' },
      { row: 0, col: 2, value: '結合' },
      { row: 1, col: 1, value: 0.5, numFmt: '0.0%' },
    ]);
    expect(one!.merges).toEqual(merges);
    expect(one!.notes).toEqual([]);
    expect(two!.notes).toEqual(['入力規則を省きました。']);
  });

  test('the workbook\'s cells are counted once more as they are mapped', () => {
    expect(() => workbookToGrids(book(), [], 3, ExcelJS.ValueType)).toThrow(WorkbookReadError);
  });

  test('a sheet whose XML has values but from which exceljs returned none is unreadable, not empty', () => {
    const wb = book();
    wb.addWorksheet('三');
    const facts = (valueCells: number) => [1, 1, valueCells].map((n) => ({ merges: [], valueCells: n, notes: [] }));
    expect(workbookToGrids(wb, facts(0), 100, ExcelJS.ValueType)[2]!.cells()).toEqual([]);
    let caught: unknown;
    try {
      workbookToGrids(wb, facts(2), 100, ExcelJS.ValueType);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(WorkbookReadError);
    expect((caught as WorkbookReadError).code).toBe('read-failed');
    expect((caught as WorkbookReadError).message).toContain('左から 3 枚目のワークシート');
    expect((caught as WorkbookReadError).message).not.toContain('三');
  });
});
