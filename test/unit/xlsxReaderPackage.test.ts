// The package exceljs reads: only the parts the check needs, found through the relationships, checked by
// declared size before any is inflated, written under the reader's own names.
import { inflateRawSync } from 'node:zlib';
import { WorkbookReadError } from '../../src/adapters/xlsx/read/errors';
import { DEFAULT_LIMITS, type ReadLimits } from '../../src/adapters/xlsx/read/limits';
import { buildSafePackage, type SafePackage } from '../../src/adapters/xlsx/read/package';
import { readZipDirectory, type InflateRaw } from '../../src/adapters/xlsx/read/zip';
import { minimalXlsx, sheetXml, SHEET_DATA, unzipTrusted, workbookRels, workbookXml } from '../helpers/xlsxBuilder';

function build(zip: Buffer, limits: Partial<ReadLimits> = {}, inflated: number[] = []): Promise<SafePackage> {
  const l = { ...DEFAULT_LIMITS, ...limits };
  const inflate: InflateRaw = async (data, max) => {
    inflated.push(data.length);
    return inflateRawSync(data, { maxOutputLength: max });
  };
  return buildSafePackage(zip, readZipDirectory(zip, l), l, inflate);
}

const STYLES = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf/></cellXfs></styleSheet>';
const SST = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>';

describe('buildSafePackage', () => {
  test('only the rebuilt parts, under the reader\'s names; sheet ids renumbered in tab order; no defined names', async () => {
    const wb = workbookXml(['調査&amp;書', 'b'], '<definedNames><definedName name="x">b!$A:$XFD</definedName></definedNames>')
      .replace('sheetId="1"', 'sheetId="2000000000"')
      .replace('sheetId="2"', 'sheetId="7" state="hidden"');
    const zip = minimalXlsx({
      'xl/workbook.xml': wb,
      'xl/_rels/workbook.xml.rels': workbookRels(2),
      'xl/worksheets/sheet2.xml': sheetXml(SHEET_DATA),
      'xl/styles.xml': STYLES,
      'xl/sharedStrings.xml': SST,
      'xl/theme/theme1.xml': '<a:theme/>',
      'xl/media/image1.png': Buffer.alloc(1000, 1),
      'docProps/app.xml': '<Properties/>',
    });
    const pkg = await build(zip);
    const parts = new Map(unzipTrusted(Buffer.from(pkg.zip)));
    expect([...parts.keys()]).toEqual([
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const book = parts.get('xl/workbook.xml')!.toString();
    expect(book).toContain('<sheets><sheet name="調査&amp;書" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" state="hidden" r:id="rId2"/></sheets>');
    expect(book).not.toContain('definedName');
    expect(parts.get('xl/sharedStrings.xml')!.toString()).toBe(SST);
    expect(pkg.sheets).toEqual([
      { merges: [], valueCells: 10, notes: [] },
      { merges: [], valueCells: 10, notes: [] },
    ]);
  });

  test('every needed part is checked by its declared size before any is inflated', async () => {
    const big = sheetXml(SHEET_DATA + '<row r="9"/>'.repeat(500));
    const zip = minimalXlsx({
      'xl/workbook.xml': workbookXml(['a', 'b']),
      'xl/_rels/workbook.xml.rels': workbookRels(2),
      'xl/worksheets/sheet2.xml': big,
    });
    const inflated: number[] = [];
    await expect(build(zip, { maxXmlPart: big.length - 1 }, inflated)).rejects.toThrow(WorkbookReadError);
    // The root relationships, the workbook and its relationships; not the first sheet.
    expect(inflated).toHaveLength(3);
  });

  test('parts it never needs are never inflated', async () => {
    const zip = minimalXlsx({ 'xl/media/image1.png': Buffer.alloc(100_000, 1), 'xl/pivotCache/pivotCacheRecords1.xml': '<x/>'.repeat(10_000) });
    const inflated: number[] = [];
    await build(zip, {}, inflated);
    expect(inflated).toHaveLength(4);
  });

  test('the workbook is the one the root relationships name; the usual one without them', async () => {
    const zip = minimalXlsx({ '_rels/.rels': null });
    expect(new Map(unzipTrusted(Buffer.from((await build(zip)).zip))).get('xl/worksheets/sheet1.xml')).toBeDefined();
  });
});
