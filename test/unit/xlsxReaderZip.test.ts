// The zip preflight on its own: what kind of file, the strict reading of the container, and inflating one entry.
import { inflateRawSync } from 'node:zlib';
import { DEFAULT_LIMITS } from '../../src/adapters/xlsx/read/limits';
import {
  checkContainer,
  extractEntry,
  InflateLimitError,
  readZipDirectory,
  type InflateRaw,
  type ZipDirectory,
} from '../../src/adapters/xlsx/read/zip';
import { asyncRefusal, refusal } from '../helpers/readRefusal';
import { deflatedZeros, makeZip, type ZipInput } from '../helpers/xlsxBuilder';

const inflate: InflateRaw = async (data, maxOutput) => {
  try {
    return inflateRawSync(data, { maxOutputLength: maxOutput });
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError();
    throw err;
  }
};

const read = (zip: Buffer): ZipDirectory => readZipDirectory(zip, DEFAULT_LIMITS);

const A: ZipInput = { name: 'xl/a.xml', data: '<a>未収金</a>' };
const B: ZipInput = { name: 'xl/b.xml', data: '<b/>', store: true };

/** Offset of the end record, and of the first central record. */
function offsets(zip: Buffer): { eocd: number; cd: number } {
  const eocd = zip.length - 22;
  return { eocd, cd: zip.readUInt32LE(eocd + 16) };
}

describe('checkContainer', () => {
  test.each([
    ['an empty file', Buffer.alloc(0), 'empty'],
    ['a text file', Buffer.from('所属,担当\n'), 'not-zip'],
    ['an empty zip (only the end record)', Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), 'not-xlsx'],
    ['a file starting with "PK" but no local header', Buffer.from('PK\u0007\u0008rest of it'), 'truncated'],
    ['a local header and nothing else', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'truncated'],
  ] as const)('%s', (_, bytes, code) => {
    expect(refusal(() => checkContainer(bytes, undefined)).code).toBe(code);
  });

  test('an OLE file: encrypted .xlsx, legacy .xls by its stream or by its name', () => {
    const ole = (...streams: string[]): Buffer => {
      const b = Buffer.alloc(2048);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0]).copy(b, 0);
      streams.forEach((s, i) => Buffer.from(s, 'utf16le').copy(b, 512 + 128 * i));
      return b;
    };
    expect(refusal(() => checkContainer(ole('EncryptionInfo', 'EncryptedPackage'), 'a.xlsx')).code).toBe('encrypted');
    expect(refusal(() => checkContainer(ole('Workbook'), 'a.xlsx')).code).toBe('legacy-xls');
    expect(refusal(() => checkContainer(ole(), 'old.XLS')).message).toContain('古い Excel 形式');
    expect(refusal(() => checkContainer(ole(), 'a.xlsx')).message).toContain('パスワード');
  });

  test('a zip passes', () => {
    expect(() => checkContainer(makeZip([A]), 'a.xlsx')).not.toThrow();
  });
});

describe('readZipDirectory: what a well-formed archive gives', () => {
  test('names, sizes and methods; look-ups ignore case; a leading "/" and "\\" separators are read as OPC names', () => {
    const dir = read(makeZip([A, B, { name: '/xl\\c.xml', data: 'c' }]));
    expect(dir.entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['xl/a.xml', 8, Buffer.byteLength('<a>未収金</a>')],
      ['xl/b.xml', 0, 4],
      ['xl/c.xml', 8, 1],
    ]);
    expect(dir.find('XL/A.XML')?.name).toBe('xl/a.xml');
    expect(dir.find('xl/none.xml')).toBeUndefined();
  });

  test('zip64 records and data descriptors (signed or not) are read', () => {
    expect(read(makeZip([A, B], { zip64: true })).entries).toHaveLength(2);
    expect(read(makeZip([{ ...A, dataDescriptor: true }, { ...B, dataDescriptor: true }])).entries).toHaveLength(2);
    // Without the optional signature, the descriptor is the 12 bytes after the data.
    const signed = makeZip([{ ...A, dataDescriptor: true }]);
    const at = signed.indexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08]));
    const unsigned = Buffer.concat([signed.subarray(0, at), signed.subarray(at + 4)]);
    const cd = unsigned.readUInt32LE(unsigned.length - 22 + 16) - 4;
    unsigned.writeUInt32LE(cd, unsigned.length - 22 + 16);
    expect(read(unsigned).entries).toHaveLength(1);
  });

  test('an end record with a comment, and bytes after it, are found', () => {
    const zip = makeZip([A]);
    zip.writeUInt16LE(5, zip.length - 2);
    expect(read(Buffer.concat([zip, Buffer.from('hello')])).entries).toHaveLength(1);
    expect(read(Buffer.concat([zip, Buffer.from('hello'), Buffer.alloc(3)])).entries).toHaveLength(1);
  });
});

describe('readZipDirectory: the directory must be exactly what the end record declares', () => {
  test('a record after the counted ones, covered by the declared size or not', () => {
    expect(refusal(() => read(makeZip([A], { uncounted: [B] }))).message).toContain('中央ディレクトリ');
    expect(refusal(() => read(makeZip([A], { uncounted: [B], sizeCoversUncounted: false }))).message).toContain('中央ディレクトリ');
  });

  test('bytes between the directory and the end record', () => {
    expect(refusal(() => read(makeZip([A], { gap: 1 }))).code).toBe('corrupt');
  });

  test('a count that cannot fit, or differing counts', () => {
    const zip = makeZip([A, B]);
    const { eocd } = offsets(zip);
    zip.writeUInt16LE(3, eocd + 8);
    expect(refusal(() => read(zip)).code).toBe('corrupt');
    zip.writeUInt16LE(3, eocd + 10);
    expect(refusal(() => read(zip)).code).toBe('corrupt');
  });

  test('fewer records counted than there are', () => {
    const zip = makeZip([A, B]);
    const { eocd } = offsets(zip);
    zip.writeUInt16LE(1, eocd + 8);
    zip.writeUInt16LE(1, eocd + 10);
    expect(refusal(() => read(zip)).code).toBe('corrupt');
  });

  test('a split archive', () => {
    const zip = makeZip([A]);
    zip.writeUInt16LE(1, zip.length - 22 + 4);
    expect(refusal(() => read(zip)).message).toContain('分割');
  });

  test('a directory offset past the end is a cut file', () => {
    const zip = makeZip([A]);
    zip.writeUInt32LE(zip.length, zip.length - 22 + 16);
    expect(refusal(() => read(zip)).code).toBe('truncated');
  });

  test('too many entries', () => {
    expect(refusal(() => readZipDirectory(makeZip([A, B]), { maxEntries: 1 })).code).toBe('too-large');
  });
});

describe('readZipDirectory: zip64 must agree with itself', () => {
  const z64 = (): Buffer => makeZip([A, B], { zip64: true });
  /** Offsets of the zip64 end record and its locator. */
  const at = (zip: Buffer): { record: number; locator: number } => {
    const locator = zip.length - 22 - 20;
    return { record: Number(zip.readBigUInt64LE(locator + 8)), locator };
  };

  test('a count that cannot fit in the directory', () => {
    expect(refusal(() => read(makeZip([A, B], { zip64: true, zip64Entries: 1n << 40n }))).code).toBe('corrupt');
  });

  test('a 32-bit field of the end record that is neither saturated nor the zip64 value', () => {
    const zip = z64();
    zip.writeUInt16LE(5, zip.length - 22 + 10);
    expect(refusal(() => read(zip)).message).toContain('ZIP64');
  });

  test('a zip64 record that does not end where the locator begins', () => {
    const zip = z64();
    const { record } = at(zip);
    zip.writeBigUInt64LE(48n, record + 4);
    expect(refusal(() => read(zip)).message).toContain('ZIP64');
  });

  test('a locator pointing anywhere else', () => {
    const zip = z64();
    const { locator } = at(zip);
    zip.writeBigUInt64LE(0n, locator + 8);
    expect(refusal(() => read(zip)).message).toContain('ZIP64');
  });

  test('a size past what a number holds exactly', () => {
    const zip = z64();
    const { record } = at(zip);
    zip.writeBigUInt64LE(1n << 60n, record + 40);
    expect(refusal(() => read(zip)).message).toContain('ZIP64');
  });

  test('a saturated size with no zip64 field in the record', () => {
    const zip = makeZip([A]);
    const { cd } = offsets(zip);
    zip.writeUInt32LE(0xffffffff, cd + 24);
    expect(refusal(() => read(zip)).message).toContain('ZIP64');
  });
});

describe('readZipDirectory: names', () => {
  test.each([
    ['a ".." segment', 'xl/worksheets/../workbook.xml'],
    ['a "." segment', 'xl/./workbook.xml'],
    ['an empty segment', 'xl//workbook.xml'],
    ['a control character', 'xl/\u001b[2Jworkbook.xml'],
  ])('%s is refused', (_, name) => {
    expect(refusal(() => read(makeZip([A, { name, data: 'x' }]))).message).toContain('部品の名前が不正');
  });

  test.each([
    ['exactly', 'xl/a.xml'],
    ['but for case', 'XL/A.xml'],
    ['but for a leading "/"', '/xl/a.xml'],
    ['but for "\\" separators', 'xl\\a.xml'],
  ])('the same name twice (%s) is refused', (_, name) => {
    expect(refusal(() => read(makeZip([A, { name, data: 'x' }]))).message).toContain('同じ名前の部品');
  });

  test('directory entries are fine', () => {
    expect(read(makeZip([{ name: 'xl/', data: '' }, A])).entries).toHaveLength(2);
  });
});

describe('readZipDirectory: local headers must agree with the directory', () => {
  test.each([
    ['another name', { localName: 'xl/z.xml' }],
    ['a name of another length', { localName: 'xl/zz.xml' }],
  ])('%s', (_, change) => {
    expect(refusal(() => read(makeZip([{ ...A, ...change }, B]))).message).toContain('ローカルヘッダー');
  });

  test('another method, CRC, size or encryption flag', () => {
    const zip = makeZip([A]);
    for (const [at, value] of [
      [8, 0],
      [14, 1],
      [18, 1],
      [22, 1],
    ] as const) {
      const bad = Buffer.from(zip);
      if (at === 8) bad.writeUInt16LE(value, at);
      else bad.writeUInt32LE(value, at);
      expect(refusal(() => read(bad)).code).toBe('corrupt');
    }
  });

  test('a data descriptor disagreeing with the directory', () => {
    expect(refusal(() => read(makeZip([{ ...A, dataDescriptor: true, descriptorSize: 1 }]))).message).toContain('ローカルヘッダー');
  });

  test('a local header past the start of the directory', () => {
    const zip = makeZip([A]);
    const { cd } = offsets(zip);
    zip.writeUInt32LE(cd, cd + 42);
    expect(refusal(() => read(zip)).code).toBe('corrupt');
  });

  test('two entries sharing bytes (one inside the other\'s data) are refused', () => {
    // B's local entry, copied into A's stored data; B's directory record points there.
    const alone = makeZip([B]);
    const bLocal = alone.subarray(0, alone.readUInt32LE(alone.length - 22 + 16));
    const outer: ZipInput = { name: 'xl/outer.bin', data: Buffer.from(bLocal), store: true };
    const zip = makeZip([outer, B], { localOffsets: { 1: 30 + Buffer.byteLength(outer.name) } });
    expect(refusal(() => read(zip)).message).toContain('重なっています');
  });
});

describe('readZipDirectory: encryption and methods', () => {
  test.each([
    ['the encryption flag', { flags: 0x1 }, 'encrypted'],
    ['strong encryption', { flags: 0x40 }, 'encrypted'],
    ['AES (method 99)', { raw: { bytes: Buffer.from('x'), uncompressedSize: 1, method: 99 } }, 'encrypted'],
    ['bzip2 (method 12)', { raw: { bytes: Buffer.from('x'), uncompressedSize: 1, method: 12 } }, 'not-xlsx'],
  ] as const)('%s', (_, change, code) => {
    expect(refusal(() => read(makeZip([{ ...A, ...change }]))).code).toBe(code);
  });
});

describe('extractEntry', () => {
  const one = async (inp: ZipInput): Promise<Uint8Array> => {
    const zip = makeZip([inp]);
    return extractEntry(zip, read(zip).entries[0]!, inflate);
  };

  test('stored and deflated data come back as they were', async () => {
    expect(Buffer.from(await one(A)).toString()).toBe('<a>未収金</a>');
    expect(Buffer.from(await one(B)).toString()).toBe('<b/>');
  });

  test('a size that lies by a lot is a bomb; by a little, a damaged file', async () => {
    const data = Buffer.alloc(4 * 1024 * 1024, 0x61);
    expect((await asyncRefusal(one({ name: 'x', data, declaredSize: 1000 }))).code).toBe('zip-bomb');
    expect((await asyncRefusal(one({ name: 'x', data, declaredSize: data.length - 10 }))).message).toContain('圧縮データ');
    expect((await asyncRefusal(one({ name: 'x', data, declaredSize: data.length + 10 }))).message).toContain('圧縮データ');
  });

  test('a bomb is inflated no further than its declared size (and a little slack), whatever it would give', async () => {
    const zip = makeZip([{ name: 'x', raw: { bytes: await deflatedZeros(1024), uncompressedSize: 1000 } }]);
    const caps: number[] = [];
    const watched: InflateRaw = (data, maxOutput) => {
      caps.push(maxOutput);
      return inflate(data, maxOutput);
    };
    expect((await asyncRefusal(extractEntry(zip, read(zip).entries[0]!, watched))).code).toBe('zip-bomb');
    expect(caps).toEqual([1000 + 1024 * 1024]);
  });

  test('data that does not match its CRC', async () => {
    expect((await asyncRefusal(one({ ...A, crc: 1 }))).message).toContain('CRC');
    expect((await asyncRefusal(one({ ...B, crc: 1 }))).message).toContain('CRC');
  });

  test('damaged deflate data', async () => {
    const raw = { bytes: Buffer.from([0xff, 0xff, 0xff]), uncompressedSize: 10 };
    expect((await asyncRefusal(one({ name: 'x', raw }))).message).toContain('圧縮データ');
  });

  test('a stored entry whose sizes differ', async () => {
    expect((await asyncRefusal(one({ ...B, declaredSize: 3 }))).code).toBe('corrupt');
  });
});
