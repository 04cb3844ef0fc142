// The XML safety pass on its own: what a worksheet keeps, what it loses (and says so), what it refuses; the
// workbook, relationship, shared-string and style parts.
import { DEFAULT_LIMITS, type ReadLimits } from '../../src/adapters/xlsx/read/limits';
import {
  checkSharedStrings,
  checkStyles,
  newBudget,
  parseArea,
  readRelationships,
  readWorkbookXml,
  resolveTarget,
  sanitizeWorksheet,
  type Budget,
} from '../../src/adapters/xlsx/read/xmlSafety';
import { refusal } from '../helpers/readRefusal';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const ROOT = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r">';
const DATA = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';

function sanitize(inner: string, limits: Partial<ReadLimits> = {}, budget?: Budget): { xml: string; notes: string[] } {
  const l = { ...DEFAULT_LIMITS, ...limits };
  const out = sanitizeWorksheet(bytes(`${HEAD}${ROOT}${inner}</worksheet>`), budget ?? newBudget(l), l);
  return { xml: Buffer.concat(out.xml).toString(), notes: out.notes };
}

describe('parseArea', () => {
  test.each([
    ['A1', { top: 1, left: 1, bottom: 1, right: 1 }, true],
    ['C3:B2', { top: 2, left: 2, bottom: 3, right: 3 }, true],
    ['XFD1048576', { top: 1048576, left: 16384, bottom: 1048576, right: 16384 }, true],
    ['$A$1:$B$2', { top: 1, left: 1, bottom: 2, right: 2 }, false],
    ['F:F', { top: 1, left: 6, bottom: 1048576, right: 6 }, false],
    ['3:5', { top: 3, left: 1, bottom: 5, right: 16384 }, false],
  ])('%s', (ref, area, plain) => {
    expect(parseArea(ref)).toEqual({ area, plain });
  });

  test.each(['', 'A0', 'XFE1', 'A1048577', 'a1', 'A1:B2:C3', 'A:1', 'Sheet1!A1', '1:1048577'])('"%s" is unreadable', (ref) => {
    expect(parseArea(ref)).toBeNull();
  });
});

describe('sanitizeWorksheet: what is kept', () => {
  test('the cells and the merged areas, byte for byte; the root as it was; nothing else', () => {
    const merges = '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>';
    const rest =
      '<sheetPr/><dimension ref="A1:XFD1048576"/><cols><col min="1" max="2000000000"/></cols><drawing r:id="rId9"/>' +
      '<legacyDrawing r:id="rId8"/><tableParts><tablePart r:id="rId7"/></tableParts><extLst><ext uri="x"><x14:dataValidations/></ext></extLst>';
    const { xml, notes } = sanitize(`${rest}${DATA}${merges}<pageSetup paperSize="9"/>`);
    expect(xml).toBe(`${HEAD}${ROOT}${DATA}${merges}</worksheet>`);
    expect(notes).toEqual([]);
  });

  test('validations, formats and links small enough are kept (links without their relationship)', () => {
    const dv = '<dataValidation type="list" sqref="D29:V32 A1"><formula1>"A,B1"</formula1></dataValidation>';
    const cf = '<conditionalFormatting sqref="D29:V32"><cfRule type="expression" priority="1"><formula>A1</formula></cfRule></conditionalFormatting>';
    const { xml, notes } = sanitize(`${DATA}${cf}<dataValidations count="1">${dv}</dataValidations><hyperlinks><hyperlink ref="B2" r:id="rId1" display="x"/></hyperlinks>`);
    expect(xml).toBe(`${HEAD}${ROOT}${DATA}${cf}<dataValidations>${dv}</dataValidations><hyperlinks><hyperlink ref="B2" display="x"/></hyperlinks></worksheet>`);
    expect(notes).toEqual([]);
  });

  test('an empty root stays empty', () => {
    const out = sanitizeWorksheet(bytes('<worksheet/>'), newBudget(DEFAULT_LIMITS), DEFAULT_LIMITS);
    expect(Buffer.concat(out.xml).toString()).toBe(`${HEAD}<worksheet/>`);
  });
});

describe('sanitizeWorksheet: what is left out, and said', () => {
  test('whole columns, whole sheets, ranges exceljs cannot take: dropped, one note naming them by kind', () => {
    const { xml, notes } = sanitize(
      DATA +
        '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"/></conditionalFormatting>' +
        '<dataValidations><dataValidation sqref="D1:D1048576"/><dataValidation sqref="F:F H:H"/><dataValidation sqref="A1"/></dataValidations>' +
        '<hyperlinks><hyperlink ref="B1:B1048576" r:id="rId1"/></hyperlinks>',
    );
    expect(xml).toBe(`${HEAD}${ROOT}${DATA}<dataValidations><dataValidation sqref="A1"/></dataValidations></worksheet>`);
    expect(notes).toEqual([
      '範囲が広すぎるため読み込まなかったもの: 条件付き書式 1 件(A1:XFD1048576)、入力規則 2 件(D1:D1048576、F1:F1048576、H1:H1048576)、ハイパーリンク 1 件(B1:B1048576)。検査には使わない情報なので、検査の結果には影響しません。',
    ]);
  });

  test('more than three ranges of a kind are summed up; unreadable ones say so', () => {
    const many = Array.from({ length: 5 }, (_, i) => `<dataValidation sqref="${String.fromCharCode(65 + i)}:${String.fromCharCode(65 + i)}"/>`).join('');
    const { notes } = sanitize(`${DATA}<dataValidations>${many}<dataValidation sqref="Sheet2!A1"/></dataValidations>`);
    expect(notes).toEqual([
      '範囲が広すぎるか範囲の書き方が読めないため読み込まなかったもの: 入力規則 6 件(A1:A1048576、B1:B1048576、C1:C1048576 ほか)。検査には使わない情報なので、検査の結果には影響しません。',
    ]);
  });

  test('a conditional format costs its rules too: a small range with a flood of rules is dropped', () => {
    const rules = (n: number): string => Array.from({ length: n }, (_, i) => `<cfRule type="expression" priority="${i + 1}"/>`).join('');
    const cf = (n: number): string => `<conditionalFormatting sqref="A1:A10">${rules(n)}</conditionalFormatting>`;
    const limits = { maxAnnotatedCells: 20 };
    expect(sanitize(DATA + cf(10), limits).xml).toContain('<conditionalFormatting');
    const flooded = sanitize(DATA + cf(11), limits);
    expect(flooded.xml).not.toContain('<conditionalFormatting');
    expect(flooded.notes[0]).toContain('条件付き書式 1 件(A1:A10)');
  });

  test('a small range written with "$" (which Excel never writes there) is dropped as unreadable', () => {
    const { xml, notes } = sanitize(`${DATA}<dataValidations><dataValidation sqref="$A$1:$B$2"/></dataValidations>`);
    expect(xml).toBe(`${HEAD}${ROOT}${DATA}</worksheet>`);
    expect(notes[0]).toMatch(/^範囲が広すぎるか範囲の書き方が読めないため読み込まなかったもの: 入力規則 1 件\(A1:B2\)/);
  });

  test('the budget is the whole workbook\'s: a later sheet keeps only what is left of it', () => {
    const limits = { ...DEFAULT_LIMITS, maxAnnotatedCells: 150 };
    const budget = newBudget(limits);
    const dv = '<dataValidations><dataValidation sqref="A1:A100"/></dataValidations>';
    expect(sanitize(DATA + dv, limits, budget).notes).toEqual([]);
    expect(budget.annotated).toBe(50);
    expect(sanitize(DATA + dv, limits, budget).notes).toHaveLength(1);
  });
});

describe('sanitizeWorksheet: what is refused', () => {
  test.each([
    ['a row past Excel\'s last', '<sheetData><row r="1048577"/></sheetData>'],
    ['a row number that is not one', '<sheetData><row r="1e3"/></sheetData>'],
    ['a cell past the last column', '<sheetData><row r="1"><c r="XFE1"/></row></sheetData>'],
    ['a cell address in lower case', '<sheetData><row r="1"><c r="a1"/></row></sheetData>'],
    ['a merged area that is not a range', `${DATA}<mergeCells><mergeCell ref="A1:"/></mergeCells>`],
  ])('%s', (_, inner) => {
    expect(refusal(() => sanitize(inner)).message).toContain('Excel の範囲');
  });

  test('the last row and column are fine', () => {
    expect(() => sanitize('<sheetData><row r="1048576"><c r="XFD1048576"/></row></sheetData>')).not.toThrow();
  });

  test('rows, cells, merged cells and columns up to the last used count against the workbook\'s cells', () => {
    const limits = { maxCells: 9 };
    const budget = newBudget({ ...DEFAULT_LIMITS, ...limits });
    sanitize(DATA, limits, budget); // a row, a cell, column A
    expect(budget.cells).toBe(6);
    sanitize(`${DATA}<mergeCells><mergeCell ref="B1:B2"/></mergeCells>`, limits, budget); // and two merged cells, columns A–B
    expect(budget.cells).toBe(0);
    expect(refusal(() => sanitize(DATA, limits, budget)).code).toBe('too-many-cells');
  });

  test('a cell in the last column costs its sheet 16,384 column objects; rows up to the last are walked', () => {
    const far = '<sheetData><row r="1048576"><c r="XFD1048576"/></row></sheetData>';
    const budget = newBudget(DEFAULT_LIMITS);
    sanitize(far, {}, budget);
    expect(DEFAULT_LIMITS.maxCells - budget.cells).toBe(2 + 16384);
    expect(DEFAULT_LIMITS.maxRowSpan - budget.rowSpan).toBe(1048576);
    expect(refusal(() => sanitize(far, { maxRowSpan: 1048575 })).message).toContain('行の範囲');
  });

  test('the merged areas come back 0-based', () => {
    const out = sanitizeWorksheet(bytes(`${ROOT}${DATA}<mergeCells><mergeCell ref="B2:C4"/></mergeCells></worksheet>`), newBudget(DEFAULT_LIMITS), DEFAULT_LIMITS);
    expect(out.merges).toEqual([{ top: 1, left: 1, bottom: 3, right: 2 }]);
  });

  test('merged areas: per sheet, and in pairs over the workbook', () => {
    const merges = (n: number): string => `<mergeCells>${Array.from({ length: n }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join('')}</mergeCells>`;
    expect(refusal(() => sanitize(DATA + merges(4), { maxMergesPerSheet: 3 })).message).toContain('1 枚のシート');
    const limits = { ...DEFAULT_LIMITS, maxMergePairs: 10 };
    const budget = newBudget(limits);
    sanitize(DATA + merges(4), limits, budget);
    expect(budget.mergePairs).toBe(4);
    expect(refusal(() => sanitize(DATA + merges(4), limits, budget)).message).toContain('ブック全体で結合セル');
  });

  test('formula text: a shared formula costs its master\'s text for every cell that uses it', () => {
    const rows = [
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A4" si="0">B1*100</f><v>1</v></c><c r="B1"><f>SUM(C1:C9)</f></c></row>',
      '<row r="2"><c r="A2"><f t="shared" si="0"/></c></row>',
      '<row r="3"><c r="A3"><f t="shared" si="0"></f></c></row>',
      '<row r="4"><c r="A4"><f t="shared" si="0">B4*100</f></c></row>',
    ].join('');
    const budget = newBudget(DEFAULT_LIMITS);
    sanitize(`<sheetData>${rows}</sheetData>`, {}, budget);
    expect(DEFAULT_LIMITS.maxFormulaChars - budget.formulaChars).toBe(6 + 10 + 6 + 6 + 6);
    expect(refusal(() => sanitize(`<sheetData>${rows}</sheetData>`, { maxFormulaChars: 33 })).message).toContain('数式の量');
  });
});

describe('sanitizeWorksheet: the cells exceljs reads', () => {
  const row = (cells: string): string => `<sheetData><row r="1">${cells}</row></sheetData>`;
  const kept = (inner: string): string => `${HEAD}${ROOT}${inner}</worksheet>`;
  const valueCells = (inner: string): number => {
    const l = DEFAULT_LIMITS;
    return sanitizeWorksheet(bytes(`${HEAD}${ROOT}${inner}</worksheet>`), newBudget(l), l).valueCells;
  };

  test('an inline string with furigana becomes its text alone; the phonetic reading is left out', () => {
    const furigana = '<rPh sb="0" eb="3"><t>ミシュウキン</t></rPh><phoneticPr fontId="1" type="noConversion"/>';
    const { xml } = sanitize(row(`<c r="A1" t="inlineStr" s="2"><is><t xml:space="preserve">未収金 </t>${furigana}</is></c><c r="B1"><v>5</v></c>`));
    expect(xml).toBe(kept(row('<c r="A1" t="inlineStr" s="2"><is><t xml:space="preserve">未収金 </t></is></c><c r="B1"><v>5</v></c>')));
  });

  test('rich-text runs of an inline string are joined as Excel shows them, escapes kept; runs are not spent', () => {
    const runs = '<r><t>債権</t></r><r><rPr><b/><sz val="11"/></rPr><t>A&amp;B</t></r><r><t/></r>';
    const budget = newBudget(DEFAULT_LIMITS);
    const { xml } = sanitize(row(`<c r="A1" t="inlineStr"><is>${runs}<rPh sb="0" eb="2"><t>サイケン</t></rPh></is></c>`), {}, budget);
    expect(xml).toBe(kept(row('<c r="A1" t="inlineStr"><is><t xml:space="preserve">債権A&amp;B</t></is></c>')));
    expect(DEFAULT_LIMITS.maxCells - budget.cells).toBe(1 + 1 + 1);
  });

  test('plain inline strings, shared strings, numbers and formulas pass byte for byte', () => {
    const cells =
      '<c r="A1" t="inlineStr"><is><t>所属</t></is></c><c r="B1" t="inlineStr"><is/></c><c r="C1" t="s"><v>0</v></c>' +
      '<c r="D1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E1" s="1"/>';
    expect(sanitize(row(cells)).xml).toBe(kept(row(cells)));
  });

  test('elements exceljs does not read in a cell, a row or sheetData are cut out, with what they hold', () => {
    const ext = '<extLst><ext uri="x"><c r="Z9" t="inlineStr"><is><t>x</t><rPh><t>y</t></rPh></is></c></ext></extLst>';
    const { xml } = sanitize(`<sheetData>${ext}<row r="1"><c r="A1"><v>1</v>${ext}</c>${ext}<c r="B1"><v>2</v></c><x/></row></sheetData>`);
    expect(xml).toBe(kept(row('<c r="A1"><v>1</v></c><c r="B1"><v>2</v></c>')));
  });

  test('cells with a value or a formula are counted; empty ones are not', () => {
    expect(
      valueCells(
        row(
          '<c r="A1"><v>1</v></c><c r="B1"><v></v></c><c r="C1" s="1"/><c r="D1"><f t="shared" si="0"/></c>' +
            '<c r="E1" t="inlineStr"><is><t></t></is></c><c r="F1" t="inlineStr"><is><r><t>a</t></r><rPh><t>x</t></rPh></is></c>' +
            '<c r="G1" t="inlineStr"><is><rPh><t>x</t></rPh></is></c>',
        ),
      ),
    ).toBe(3);
    expect(valueCells('<sheetData/>')).toBe(0);
  });
});

describe('shared strings and styles', () => {
  test('shared strings are counted; their rich-text runs are spent from the cells', () => {
    const sst = (n: number): Uint8Array => bytes(`<sst>${'<si><t>a</t></si>'.repeat(n)}</sst>`);
    const limits = { ...DEFAULT_LIMITS, maxSharedStrings: 3 };
    expect(() => checkSharedStrings(sst(3), newBudget(limits), limits)).not.toThrow();
    expect(refusal(() => checkSharedStrings(sst(4), newBudget(limits), limits)).message).toContain('共有文字列の数');
    const budget = newBudget(DEFAULT_LIMITS);
    checkSharedStrings(bytes('<sst><si><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></si></sst>'), budget, DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS.maxCells - budget.cells).toBe(2);
  });

  test('style records of every collection are counted; other parts of styles.xml are not', () => {
    const styles = bytes(
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0"/></numFmts><fonts><font/></fonts><fills><fill/></fills>' +
        '<borders><border/></borders><cellStyleXfs><xf/></cellStyleXfs><cellXfs><xf/></cellXfs><cellStyles><cellStyle/></cellStyles>' +
        '<dxfs><dxf/></dxfs><colors><indexedColors><rgbColor/><rgbColor/></indexedColors></colors></styleSheet>',
    );
    expect(() => checkStyles(styles, { ...DEFAULT_LIMITS, maxStyleRecords: 8 })).not.toThrow();
    expect(refusal(() => checkStyles(styles, { ...DEFAULT_LIMITS, maxStyleRecords: 7 })).message).toContain('書式の定義の数');
  });
});

describe('workbook and relationships', () => {
  const wb = (sheets: string, pr = ''): Uint8Array =>
    bytes(`<workbook xmlns:r="r" xmlns:x="r">${pr}<sheets>${sheets}</sheets><definedNames><definedName>x</definedName></definedNames></workbook>`);

  test('sheets in tab order with their relationship ids (any prefix), names unescaped; the 1904 flag', () => {
    const info = readWorkbookXml(
      wb('<sheet name="調査&amp;書" sheetId="5" r:id="rId2"/><sheet name="b" sheetId="1" state="hidden" x:id="rId1"/>', '<workbookPr date1904="true"/>'),
      DEFAULT_LIMITS,
    );
    expect(info).toEqual({
      sheets: [
        { name: '調査&書', state: undefined, relationshipId: 'rId2' },
        { name: 'b', state: 'hidden', relationshipId: 'rId1' },
      ],
      date1904: true,
    });
    expect(readWorkbookXml(wb('<sheet name="a" r:id="rId1"/>', '<workbookPr date1904="0"/>'), DEFAULT_LIMITS).date1904).toBe(false);
  });

  test('sheets elsewhere than in <sheets> are not sheets', () => {
    const xml = bytes('<workbook><extLst><ext><sheet name="x"/></ext></extLst><sheets><sheet name="a"/></sheets></workbook>');
    expect(readWorkbookXml(xml, DEFAULT_LIMITS).sheets.map((s) => s.name)).toEqual(['a']);
  });

  test('too many sheets, the same name twice, a name no program writes', () => {
    const three = wb('<sheet name="a"/><sheet name="b"/><sheet name="c"/>');
    expect(refusal(() => readWorkbookXml(three, { ...DEFAULT_LIMITS, maxSheets: 2 })).message).toContain('シートの数');
    expect(refusal(() => readWorkbookXml(wb('<sheet name="調査書"/><sheet name="調査書"/>'), DEFAULT_LIMITS)).message).toContain('同じ名前のシート');
    expect(refusal(() => readWorkbookXml(wb('<sheet name="Ab"/><sheet name="aB"/>'), DEFAULT_LIMITS)).code).toBe('corrupt');
    expect(refusal(() => readWorkbookXml(wb(`<sheet name="${'x'.repeat(256)}"/>`), DEFAULT_LIMITS)).message).toContain('シート名');
  });

  test('relationships: internal ones by id, targets resolved against the source folder', () => {
    const rels = bytes(
      '<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="t/worksheet" Target="../other/s.xml"/>' +
        '<Relationship Id="rId3" Type="t/worksheet" Target="/xl/worksheets/a&amp;b.xml"/>' +
        '<Relationship Id="rId4" Type="t/hyperlink" Target="file:///etc/passwd" TargetMode="External"/>' +
        '<Relationship Id="rId5" Type="t/worksheet" Target="../../../etc/passwd"/></Relationships>',
    );
    expect(Object.fromEntries(readRelationships(rels, 'xl', DEFAULT_LIMITS))).toEqual({
      rId1: { type: 't/worksheet', target: 'xl/worksheets/sheet1.xml' },
      rId2: { type: 't/worksheet', target: 'other/s.xml' },
      rId3: { type: 't/worksheet', target: 'xl/worksheets/a&b.xml' },
      rId5: { type: 't/worksheet', target: null },
    });
  });

  test('resolveTarget', () => {
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(resolveTarget('xl', './a/./b.xml')).toBe('xl/a/b.xml');
    expect(resolveTarget('xl/a', '/b.xml')).toBe('b.xml');
    expect(resolveTarget('xl', '../..')).toBeNull();
  });
});
