// The zip the reader writes for exceljs, and the CRC it checks every part with.
import { inflateRawSync } from 'node:zlib';
import { crc32, crc32Final, crc32Update, CRC_INIT } from '../../src/adapters/xlsx/read/crc32';
import { DEFAULT_LIMITS } from '../../src/adapters/xlsx/read/limits';
import { storedZip } from '../../src/adapters/xlsx/read/storedZip';
import { extractEntry, readZipDirectory } from '../../src/adapters/xlsx/read/zip';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('crc32', () => {
  test('the standard check value, and pieces give what the whole gives', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const whole = text('未収金目標及び具体取組内容調査書'.repeat(7));
    for (const cut of [0, 1, 7, 8, 9, 30, whole.length]) {
      expect(crc32Final(crc32Update(crc32Update(CRC_INIT, whole.subarray(0, cut)), whole.subarray(cut)))).toBe(crc32(whole));
    }
  });
});

describe('storedZip', () => {
  test('what it writes passes the strict reading, parts whole (written from pieces) and their CRCs right', async () => {
    const zip = storedZip([
      { name: 'xl/workbook.xml', data: [text('<workbook>'), text('</workbook>')] },
      { name: 'xl/worksheets/sheet1.xml', data: [text('<worksheet/>')] },
      { name: 'empty', data: [] },
    ]);
    const dir = readZipDirectory(zip, DEFAULT_LIMITS);
    expect(dir.entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['xl/workbook.xml', 0, 21],
      ['xl/worksheets/sheet1.xml', 0, 12],
      ['empty', 0, 0],
    ]);
    const inflate = async (d: Uint8Array, max: number): Promise<Uint8Array> => inflateRawSync(d, { maxOutputLength: max });
    const read = async (name: string): Promise<string> => new TextDecoder().decode(await extractEntry(zip, dir.find(name)!, inflate));
    expect(await read('xl/workbook.xml')).toBe('<workbook></workbook>');
    expect(await read('xl/worksheets/sheet1.xml')).toBe('<worksheet/>');
  });
});
