import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import {
  DEFAULT_LIMITS,
  readWorkbook,
  readWorkbookFile,
  WorkbookReadError,
  type WorkbookReadErrorCode,
} from '../../src/adapters/xlsx/readWorkbook';
import type { Grid } from '../../src/core/grid';

// ---------------------------------------------------------------------------------------------
// A tiny zip writer, so each container check can be exercised with a hand-made archive.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface ZipInput {
  name: string;
  /** Uncompressed content (deflated by the writer unless `raw` is given). */
  data?: Buffer | string;
  /** Already-compressed bytes, with the sizes to declare. */
  raw?: { bytes: Buffer; uncompressedSize: number; method?: number };
  /** Store instead of deflate. */
  store?: boolean;
  /** Override the declared uncompressed size (to make an archive lie). */
  declaredSize?: number;
  flags?: number;
}

function makeZip(inputs: ZipInput[], opts: { zip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const inp of inputs) {
    const name = Buffer.from(inp.name, 'utf8');
    let bytes: Buffer;
    let method: number;
    let size: number;
    let crc = 0;
    if (inp.raw) {
      bytes = inp.raw.bytes;
      method = inp.raw.method ?? 8;
      size = inp.raw.uncompressedSize;
    } else {
      const data = typeof inp.data === 'string' ? Buffer.from(inp.data, 'utf8') : (inp.data ?? Buffer.alloc(0));
      crc = crc32(data);
      method = inp.store ? 0 : 8;
      bytes = inp.store ? data : zlib.deflateRawSync(data);
      size = data.length;
    }
    if (inp.declaredSize !== undefined) size = inp.declaredSize;
    const flags = 0x800 | (inp.flags ?? 0);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, bytes);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(opts.zip64 ? 45 : 20, 4);
    central.writeUInt16LE(opts.zip64 ? 45 : 20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(bytes.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    if (opts.zip64) {
      // Saturated 32-bit fields; the real values go in the zip64 extra field, in this order.
      const extra = Buffer.alloc(4 + 24);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(bytes.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      central.writeUInt32LE(0xffffffff, 20);
      central.writeUInt32LE(0xffffffff, 24);
      central.writeUInt32LE(0xffffffff, 42);
      central.writeUInt16LE(extra.length, 30);
      centrals.push(central, name, extra);
    } else {
      centrals.push(central, name);
    }
    offset += 30 + name.length + bytes.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(inputs.length, 8);
  eocd.writeUInt16LE(inputs.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  if (!opts.zip64) return Buffer.concat([...locals, cd, eocd]);

  const z64 = Buffer.alloc(56);
  z64.writeUInt32LE(0x06064b50, 0);
  z64.writeBigUInt64LE(44n, 4);
  z64.writeUInt16LE(45, 12);
  z64.writeUInt16LE(45, 14);
  z64.writeBigUInt64LE(BigInt(inputs.length), 24);
  z64.writeBigUInt64LE(BigInt(inputs.length), 32);
  z64.writeBigUInt64LE(BigInt(cd.length), 40);
  z64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(0xffffffff, 12);
  eocd.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...locals, cd, z64, locator, eocd]);
}

// The smallest workbook exceljs accepts, written as Excel writes it (shared formulas included).
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="調査書" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

function sheetXml(sheetData: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${extra}</worksheet>`;
}

const SHEET_DATA =
  '<row r="1"><c r="A1"><v>10</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>0</v></c><c r="C1" t="inlineStr"><is><t>所属</t></is></c></row>' +
  '<row r="2"><c r="A2"><v>20</v></c><c r="B2"><f t="shared" si="0"/><v>40</v></c><c r="C2" t="e"><v>#REF!</v></c></row>' +
  '<row r="3"><c r="A3"><v>0</v></c><c r="B3"><f t="shared" si="0"/><v>0</v></c><c r="C3" t="e"><f>1/A3</f><v>#DIV/0!</v></c><c r="D3" t="b"><v>1</v></c></row>';

function minimalXlsx(overrides: Record<string, string | Buffer | null> = {}, zipOpts: { zip64?: boolean } = {}): Buffer {
  const parts: Record<string, string | Buffer | null> = {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': ROOT_RELS,
    'xl/workbook.xml': WORKBOOK,
    'xl/_rels/workbook.xml.rels': WORKBOOK_RELS,
    'xl/worksheets/sheet1.xml': sheetXml(SHEET_DATA),
    ...overrides,
  };
  return makeZip(
    Object.entries(parts)
      .filter((e): e is [string, string | Buffer] => e[1] !== null)
      .map(([name, data]) => ({ name, data })),
    zipOpts,
  );
}

async function expectCode(p: Promise<unknown>, code: WorkbookReadErrorCode): Promise<WorkbookReadError> {
  let caught: unknown;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(WorkbookReadError);
  const err = caught as WorkbookReadError;
  expect(err.code).toBe(code);
  // Plain Japanese that says what to do.
  expect(err.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
  return err;
}

function cellsOf(g: Grid): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of g.cells()) {
    const { row, col, ...rest } = c;
    out[String.fromCharCode(65 + col) + String(row + 1)] = rest;
  }
  return out;
}

/** 300 MB of zeros deflated in 1 MB chunks: a few hundred KB, built in well under a second. */
async function deflatedZeros(totalMb: number): Promise<Buffer> {
  const d = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    d.on('end', resolve);
    d.on('error', reject);
  });
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < totalMb; i++) {
    if (!d.write(chunk)) await new Promise((r) => d.once('drain', r));
  }
  d.end();
  await done;
  return Buffer.concat(out);
}

// ---------------------------------------------------------------------------------------------

describe('readWorkbook: cell mapping', () => {
  test('a hand-written workbook: shared formulas, cached 0, errors, inline strings, booleans', async () => {
    const [g, ...rest] = await readWorkbook(minimalXlsx());
    expect(rest).toHaveLength(0);
    expect(g!.name).toBe('調査書');
    expect(cellsOf(g!)).toEqual({
      A1: { value: 10 },
      B1: { value: 0, formula: 'A1*2' },
      C1: { value: '所属' },
      A2: { value: 20 },
      B2: { value: 40, formula: 'A2*2' },
      C2: { value: { error: '#REF!' } },
      A3: { value: 0 },
      B3: { value: 0, formula: 'A3*2' },
      C3: { value: { error: '#DIV/0!' }, formula: '1/A3' },
      D3: { value: true },
    });
  });

  test('a workbook written by exceljs: rich text, hyperlinks, dates, numFmt, merges, hidden sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.getCell('A1').value = { richText: [{ text: '未収金' }, { text: '残高', font: { bold: true } }] };
    ws.getCell('A2').value = { text: '要綱', hyperlink: 'https://example.com/' };
    ws.getCell('A3').value = new Date(Date.UTC(2020, 2, 31));
    ws.getCell('A4').value = 0.444;
    ws.getCell('A4').numFmt = '0.0%';
    ws.getCell('A5').value = false;
    ws.getCell('A6').value = { formula: 'A4*0', result: 0 };
    ws.mergeCells('B1:D2');
    ws.getCell('B1').value = '債権名';
    const hidden = wb.addWorksheet('隠し', { state: 'hidden' });
    hidden.getCell('C7').value = 'x';
    hidden.getRow(7).hidden = true;
    const buf = Buffer.from(await wb.xlsx.writeBuffer());

    const grids = await readWorkbook(buf);
    expect(grids.map((g) => g.name)).toEqual(['Sheet1', '隠し']);
    const c = cellsOf(grids[0]!);
    expect(c['A1']).toEqual({ value: '未収金残高' });
    expect(c['A2']).toEqual({ value: '要綱' });
    expect((c['A3'] as { value: unknown }).value).toEqual(new Date(Date.UTC(2020, 2, 31)));
    expect(c['A4']).toEqual({ value: 0.444, numFmt: '0.0%' });
    expect(c['A5']).toEqual({ value: false });
    expect(c['A6']).toEqual({ value: 0, formula: 'A4*0' });
    // The merged label appears once, at its top-left cell.
    expect(c['B1']).toEqual({ value: '債権名' });
    expect(Object.keys(c).filter((k) => /^[BCD][12]$/.test(k))).toEqual(['B1']);
    // Hidden sheets and rows are read too.
    expect(grids[1]!.cell(6, 2)).toEqual({ value: 'x' });
  });

  test('a zip64 archive is read like any other', async () => {
    const [g] = await readWorkbook(minimalXlsx({}, { zip64: true }));
    expect(g!.cell(1, 1)).toEqual({ value: 40, formula: 'A2*2' });
  });

  test('a zip64 archive still gets its sizes checked', async () => {
    await expectCode(readWorkbook(minimalXlsx({}, { zip64: true }), { limits: { maxTotalUncompressed: 1000 } }), 'too-large');
  });

  test('an empty worksheet gives an empty grid', async () => {
    const [g] = await readWorkbook(minimalXlsx({ 'xl/worksheets/sheet1.xml': sheetXml('') }));
    expect(g!.cellCount).toBe(0);
  });
});

describe('readWorkbook: refuses unreadable or hostile files', () => {
  test('empty file', async () => {
    await expectCode(readWorkbook(Buffer.alloc(0)), 'empty');
  });

  test('a text file renamed .xlsx', async () => {
    const err = await expectCode(readWorkbook(Buffer.from('所属,担当\n財政局,収納課\n', 'utf8')), 'not-zip');
    expect(err.message).toContain('.xlsx');
  });

  test('a truncated xlsx (cut in half)', async () => {
    const full = minimalXlsx();
    await expectCode(readWorkbook(full.subarray(0, Math.floor(full.length / 2))), 'truncated');
  });

  test('a truncated exceljs workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').getCell('A1').value = 1;
    const full = Buffer.from(await wb.xlsx.writeBuffer());
    await expectCode(readWorkbook(full.subarray(0, Math.floor(full.length / 2))), 'truncated');
  });

  test('a central directory pointing outside the file', async () => {
    const z = minimalXlsx();
    const eocd = z.length - 22;
    z.writeUInt32LE(z.length + 1000, eocd + 16);
    await expectCode(readWorkbook(z), 'truncated');
  });

  test('an entry whose data runs past the central directory', async () => {
    const z = makeZip([{ name: 'xl/workbook.xml', data: WORKBOOK }]);
    // Central record's compressed size (first record follows the single local entry).
    const cdOffset = z.readUInt32LE(z.length - 22 + 16);
    z.writeUInt32LE(1_000_000, cdOffset + 20);
    await expectCode(readWorkbook(z), 'truncated');
  });

  test('corrupt deflate data', async () => {
    const z = makeZip([
      { name: 'xl/workbook.xml', raw: { bytes: Buffer.from([0xff, 0xff, 0xff, 0xff]), uncompressedSize: 100 } },
    ]);
    await expectCode(readWorkbook(z), 'truncated');
  });

  test('an OLE file holding an encrypted .xlsx', async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1152);
    const err = await expectCode(readWorkbook(ole), 'encrypted');
    expect(err.message).toContain('パスワードを解除して保存し直してください');
  });

  test('an OLE file holding a legacy .xls', async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from('Workbook', 'utf16le').copy(ole, 1024);
    const err = await expectCode(readWorkbook(ole), 'legacy-xls');
    expect(err.message).toContain('.xlsx 形式で保存し直してください');
  });

  test('an OLE file of unknown content mentions both remedies', async () => {
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0]).copy(ole, 0);
    const err = await expectCode(readWorkbook(ole), 'legacy-xls');
    expect(err.message).toContain('パスワードを解除して保存し直してください');
    expect(err.message).toContain('.xlsx 形式で保存し直してください');
  });

  test('a zip without xl/workbook.xml', async () => {
    const z = makeZip([{ name: 'word/document.xml', data: '<w:document/>' }]);
    await expectCode(readWorkbook(z), 'not-xlsx');
  });

  test('an .xlsb (binary workbook)', async () => {
    const z = makeZip([{ name: 'xl/workbook.bin', data: Buffer.from([1, 2, 3]) }]);
    const err = await expectCode(readWorkbook(z), 'not-xlsx');
    expect(err.message).toContain('.xlsb');
  });

  test('a zip bomb: one entry of 300 MB of zeros', async () => {
    const started = Date.now();
    const bytes = await deflatedZeros(300);
    const z = makeZip([
      { name: 'xl/workbook.xml', data: WORKBOOK },
      { name: 'xl/worksheets/sheet1.xml', raw: { bytes, uncompressedSize: 300 * 1024 * 1024 } },
    ]);
    const t0 = Date.now();
    await expectCode(readWorkbook(z), 'zip-bomb');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('an entry that declares a small size but inflates to far more', async () => {
    const bytes = zlib.deflateRawSync(Buffer.alloc(4 * 1024 * 1024));
    const z = makeZip([
      { name: 'xl/workbook.xml', data: WORKBOOK },
      { name: 'xl/media/image1.png', raw: { bytes, uncompressedSize: 1000 } },
    ]);
    await expectCode(readWorkbook(z), 'zip-bomb');
  });

  test('a huge declared size with a tiny body is refused before inflating', async () => {
    const z = makeZip([
      { name: 'xl/workbook.xml', data: WORKBOOK },
      { name: 'xl/worksheets/sheet1.xml', raw: { bytes: Buffer.alloc(10), uncompressedSize: 0xfffffff0 } },
    ]);
    await expectCode(readWorkbook(z), 'zip-bomb');
  });

  test('a total declared size over the limit', async () => {
    const z = minimalXlsx();
    await expectCode(readWorkbook(z, { limits: { maxTotalUncompressed: 1000 } }), 'too-large');
  });

  test('a worksheet XML over the limit', async () => {
    const big = sheetXml(SHEET_DATA + '<row r="9"></row>'.repeat(100));
    const limits = { maxXmlPart: 2000 };
    const err = await expectCode(readWorkbook(minimalXlsx({ 'xl/worksheets/sheet1.xml': big }), { limits }), 'too-large');
    expect(err.message).toContain('シート 1 枚');
  });

  test('another XML part over the limit', async () => {
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>x</t></si>'.repeat(200)}</sst>`;
    const limits = { maxXmlPart: 2000 };
    const err = await expectCode(readWorkbook(minimalXlsx({ 'xl/sharedStrings.xml': sst }), { limits }), 'too-large');
    expect(err.message).toContain('sharedStrings');
  });

  test('too many entries', async () => {
    await expectCode(readWorkbook(minimalXlsx(), { limits: { maxEntries: 3 } }), 'too-large');
  });

  test('a DOCTYPE in the workbook part', async () => {
    const evil = WORKBOOK.replace('?>', '?><!DOCTYPE workbook SYSTEM "http://example.com/evil.dtd">');
    await expectCode(readWorkbook(minimalXlsx({ 'xl/workbook.xml': evil })), 'unsafe-xml');
  });

  test('an ENTITY (billion laughs) in a worksheet', async () => {
    const evil = sheetXml(SHEET_DATA).replace(
      '?>',
      '?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
    );
    await expectCode(readWorkbook(minimalXlsx({ 'xl/worksheets/sheet1.xml': evil })), 'unsafe-xml');
  });

  test('an external entity in sharedStrings, encoded as UTF-16', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><!ENTITY xxe SYSTEM "file:///etc/passwd"><sst/>';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    await expectCode(readWorkbook(minimalXlsx({ 'xl/sharedStrings.xml': utf16 })), 'unsafe-xml');
  });

  test('a DOCTYPE in a relationships part', async () => {
    const evil = ROOT_RELS.replace('?>', '?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>');
    await expectCode(readWorkbook(minimalXlsx({ '_rels/.rels': evil })), 'unsafe-xml');
  });

  test('too many cells, counted before exceljs loads anything', async () => {
    await expectCode(readWorkbook(minimalXlsx(), { limits: { maxCells: 5 } }), 'too-many-cells');
  });

  test('a merge covering the whole sheet', async () => {
    const sheet = sheetXml(SHEET_DATA, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>');
    const t0 = Date.now();
    await expectCode(readWorkbook(minimalXlsx({ 'xl/worksheets/sheet1.xml': sheet })), 'too-many-cells');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  test('too many merge ranges on one sheet', async () => {
    const merges = Array.from({ length: 20 }, (_, i) => `<mergeCell ref="E${2 * i + 1}:F${2 * i + 2}"/>`).join('');
    const sheet = sheetXml(SHEET_DATA, `<mergeCells count="20">${merges}</mergeCells>`);
    await expectCode(
      readWorkbook(minimalXlsx({ 'xl/worksheets/sheet1.xml': sheet }), { limits: { maxMergesPerSheet: 10 } }),
      'too-many-cells',
    );
  });

  test('encrypted zip entries', async () => {
    const z = makeZip([{ name: 'xl/workbook.xml', data: WORKBOOK, flags: 0x1 }]);
    await expectCode(readWorkbook(z), 'encrypted');
  });

  test('a zip exceljs cannot make sense of is read-failed, not a crash', async () => {
    const z = minimalXlsx({ 'xl/workbook.xml': '<workbook><sheets><sheet name="a" sheetId="1" r:id="rIdX"/></sheets>' });
    await expectCode(readWorkbook(z), 'read-failed');
  });

  test('the defaults are the documented ones', () => {
    expect(DEFAULT_LIMITS.maxFileBytes).toBe(100 * 1024 * 1024);
    expect(DEFAULT_LIMITS.maxTotalUncompressed).toBe(200 * 1024 * 1024);
    expect(DEFAULT_LIMITS.maxXmlPart).toBe(50 * 1024 * 1024);
    expect(DEFAULT_LIMITS.bombRatio).toBe(100);
  });
});

describe('readWorkbookFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mishukin-reader-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('reads a file and leaves it untouched', async () => {
    const file = path.join(dir, 'ok.xlsx');
    const bytes = minimalXlsx();
    await fs.writeFile(file, bytes);
    const before = await fs.stat(file);
    const grids = await readWorkbookFile(file);
    expect(grids).toHaveLength(1);
    const after = await fs.stat(file);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(Buffer.compare(await fs.readFile(file), bytes)).toBe(0);
    expect((await fs.readdir(dir)).sort()).toEqual(['ok.xlsx']);
  });

  test('refuses a file over the size limit before reading it', async () => {
    const file = path.join(dir, 'big.xlsx');
    await fs.writeFile(file, Buffer.alloc(4096));
    await expectCode(readWorkbookFile(file, { limits: { maxFileBytes: 1024 } }), 'too-large');
  });

  test('a missing file', async () => {
    const err = await expectCode(readWorkbookFile(path.join(dir, 'nope.xlsx')), 'read-failed');
    expect(err.message).toContain('見つかりません');
  });

  test('a folder', async () => {
    await expectCode(readWorkbookFile(dir), 'read-failed');
  });

  test('a .xls name with an OLE body says legacy-xls', async () => {
    const file = path.join(dir, 'old.xls');
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0]).copy(ole, 0);
    await fs.writeFile(file, ole);
    await expectCode(readWorkbookFile(file), 'legacy-xls');
  });
});

describe('readWorkbook: property', () => {
  const base = minimalXlsx();

  async function outcome(data: Buffer): Promise<'ok' | WorkbookReadErrorCode> {
    try {
      await readWorkbook(data);
      return 'ok';
    } catch (e) {
      if (e instanceof WorkbookReadError) return e.code;
      throw e;
    }
  }

  test('any truncation gives a WorkbookReadError, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: base.length - 1 }), async (cut) => {
        expect(await outcome(base.subarray(0, cut))).not.toBe('ok');
      }),
      { numRuns: 200 },
    );
  });

  test('any byte corruption gives grids or a WorkbookReadError, never a crash', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        async (flips) => {
          const data = Buffer.from(base);
          for (const [at, byte] of flips) data[at] = byte;
          seen.add(await outcome(data));
        },
      ),
      { numRuns: 400 },
    );
    // Both paths were exercised: some corruptions pass the preflight and reach exceljs.
    expect(seen.size).toBeGreaterThan(1);
  });
});
