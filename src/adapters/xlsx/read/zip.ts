// The zip preflight: what kind of file this is (magic bytes), and a strict reading of the zip container
// (APPNOTE 6.3.x). The central directory must be exactly as large as declared and end where the end record
// (or the zip64 end record) begins; every record must agree with its local header; names are unique (ignoring
// case, as OPC does) and plain; no two entries share bytes. Only the entries the reader asks for are ever
// inflated, each bounded by its declared size and checked against its CRC. The same code runs in Node and in
// the page: only inflating differs, and is passed in.
import { crc32 } from './crc32';
import { corrupt, READ_ERRORS, tooLarge, count } from './errors';
import type { ReadLimits } from './limits';

export interface ZipEntry {
  /** The name as stored, with a leading "/" dropped and "\" read as "/". */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's compressed data (after its local header). */
  dataOffset: number;
}

export interface ZipDirectory {
  entries: readonly ZipEntry[];
  /** An entry by its name, ignoring case (OPC part names are case-insensitive). */
  find(name: string): ZipEntry | undefined;
}

// ---------------------------------------------------------------------------------------------
// Bytes

const LATIN1 = new TextDecoder('latin1');
const UTF8 = new TextDecoder('utf-8');

class Bytes {
  private readonly view: DataView;
  constructor(readonly u8: Uint8Array) {
    this.view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  }
  get length(): number {
    return this.u8.length;
  }
  /** Little-endian unsigned integers; reading past the end is corruption. */
  u16(at: number): number {
    if (at < 0 || at + 2 > this.u8.length) throw READ_ERRORS.truncated();
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    if (at < 0 || at + 4 > this.u8.length) throw READ_ERRORS.truncated();
    return this.view.getUint32(at, true);
  }
  /** A 64-bit size or offset; anything past what a number holds exactly cannot be inside the file. */
  u64(at: number): number {
    if (at < 0 || at + 8 > this.u8.length) throw READ_ERRORS.truncated();
    const v = this.view.getBigUint64(at, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('zip64');
    return Number(v);
  }
  equal(a: number, b: number, length: number): boolean {
    for (let i = 0; i < length; i++) if (this.u8[a + i] !== this.u8[b + i]) return false;
    return true;
  }
}

/** UTF-16LE code units of an ASCII string (OLE directory names). */
function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[2 * i] = s.charCodeAt(i);
  return out;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0]!;
  for (let i = haystack.indexOf(first); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// What kind of file

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_DATA_DESCRIPTOR = 0x08074b50;
const SIG_OLE = 0xe011cfd0; // D0 CF 11 E0, read little-endian
const LOCAL_SIZE = 30;
const CENTRAL_SIZE = 46;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_MIN = 56;
const MAX_COMMENT = 0xffff;

/** Refuses what is not a zip (empty, OLE: an encrypted .xlsx or a legacy .xls, anything else), with its reason. */
export function checkContainer(data: Uint8Array, fileName: string | undefined): void {
  const buf = new Bytes(data);
  if (buf.length === 0) throw READ_ERRORS.empty();
  const magic = buf.length >= 4 ? buf.u32(0) : -1;
  if (magic === SIG_OLE) {
    // OLE compound file: Excel stores an encrypted .xlsx inside one (EncryptionInfo + EncryptedPackage streams);
    // a legacy .xls has a Workbook/Book stream. The directory names are UTF-16LE.
    const has = (s: string): boolean => indexOf(data, utf16le(s)) >= 0;
    if (has('EncryptedPackage') && has('EncryptionInfo')) throw READ_ERRORS.encrypted();
    if (has('Workbook') || has('Book') || /\.xls$/i.test(fileName ?? '')) throw READ_ERRORS.legacyXls();
    throw READ_ERRORS.oleUnknown();
  }
  if (magic !== SIG_LOCAL) {
    // An empty zip starts with the end record; it holds no workbook either.
    if (magic === SIG_EOCD) throw READ_ERRORS.notXlsx();
    if (buf.length >= 2 && data[0] === 0x50 && data[1] === 0x4b) throw READ_ERRORS.truncated();
    throw READ_ERRORS.notZip();
  }
  if (buf.length < LOCAL_SIZE + EOCD_SIZE) throw READ_ERRORS.truncated();
}

// ---------------------------------------------------------------------------------------------
// The end records

interface DirectoryLocation {
  count: number;
  offset: number;
  size: number;
  /** Where the central directory must end: the zip64 end record, or the end record. */
  end: number;
}

/** The end record: searched from the end; one whose comment reaches exactly the end of the file wins. */
function findEocd(buf: Bytes): number {
  const stop = Math.max(0, buf.length - EOCD_SIZE - MAX_COMMENT);
  let loose = -1;
  for (let i = buf.length - EOCD_SIZE; i >= stop; i--) {
    if (buf.u32(i) !== SIG_EOCD) continue;
    const end = i + EOCD_SIZE + buf.u16(i + 20);
    if (end === buf.length) return i;
    if (end < buf.length && loose < 0) loose = i;
  }
  return loose;
}

function locateDirectory(buf: Bytes): DirectoryLocation {
  const eocd = findEocd(buf);
  // A file that starts like a zip but has no end record was cut short.
  if (eocd < 0) throw READ_ERRORS.truncated();
  const disk = buf.u16(eocd + 4);
  const cdDisk = buf.u16(eocd + 6);
  const onDisk = buf.u16(eocd + 8);
  const total = buf.u16(eocd + 10);
  const size = buf.u32(eocd + 12);
  const offset = buf.u32(eocd + 16);

  const loc = eocd - ZIP64_LOCATOR_SIZE;
  if (loc < 0 || buf.u32(loc) !== SIG_ZIP64_LOCATOR) {
    if (disk !== 0 || cdDisk !== 0) throw corrupt('multiDisk');
    if (onDisk !== total) throw corrupt('directory');
    return { count: total, offset, size, end: eocd };
  }

  // Zip64: the locator points at the zip64 end record, which must end exactly where the locator begins; the
  // 16/32-bit fields of the end record are either saturated or equal to the zip64 values.
  if (buf.u32(loc + 4) !== 0 || buf.u32(loc + 16) > 1) throw corrupt('multiDisk');
  const z64 = buf.u64(loc + 8);
  if (z64 + ZIP64_EOCD_MIN > loc || buf.u32(z64) !== SIG_ZIP64_EOCD) throw corrupt('zip64');
  if (z64 + 12 + buf.u64(z64 + 4) !== loc) throw corrupt('zip64');
  if (buf.u32(z64 + 16) !== 0 || buf.u32(z64 + 20) !== 0) throw corrupt('multiDisk');
  const z = {
    onDisk: buf.u64(z64 + 24),
    total: buf.u64(z64 + 32),
    size: buf.u64(z64 + 40),
    offset: buf.u64(z64 + 48),
  };
  const agrees = (narrow: number, saturated: number, wide: number): boolean => narrow === saturated || narrow === wide;
  if (
    z.onDisk !== z.total ||
    !agrees(onDisk, 0xffff, z.onDisk) ||
    !agrees(total, 0xffff, z.total) ||
    !agrees(size, 0xffffffff, z.size) ||
    !agrees(offset, 0xffffffff, z.offset)
  ) {
    throw corrupt('zip64');
  }
  return { count: z.total, offset: z.offset, size: z.size, end: z64 };
}

// ---------------------------------------------------------------------------------------------
// Records

const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const FLAG_STRONG_ENCRYPTION = 0x40;
const FLAG_UTF8 = 0x800;
const FLAG_MASKED_HEADERS = 0x2000;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const METHOD_AES = 99;
const ZIP64_EXTRA = 0x0001;
const SATURATED16 = 0xffff;
const SATURATED32 = 0xffffffff;

/** Finds the zip64 extended information block in an extra field; its values are those saturated in the header. */
function zip64Values(buf: Bytes, start: number, length: number): { at: number; end: number } | null {
  const end = start + length;
  for (let e = start; e + 4 <= end; ) {
    const id = buf.u16(e);
    const size = buf.u16(e + 2);
    if (e + 4 + size > end) throw corrupt('directory');
    if (id === ZIP64_EXTRA) return { at: e + 4, end: e + 4 + size };
    e += 4 + size;
  }
  return null;
}

interface Sizes {
  compressed: number;
  uncompressed: number;
  offset: number;
}

/** Replaces each saturated 32-bit field by its value from the zip64 block, in the order APPNOTE fixes. */
function widen(buf: Bytes, extraStart: number, extraLength: number, narrow: Sizes, withOffset: boolean): Sizes {
  const needs =
    narrow.uncompressed === SATURATED32 || narrow.compressed === SATURATED32 || (withOffset && narrow.offset === SATURATED32);
  if (!needs) return narrow;
  const block = zip64Values(buf, extraStart, extraLength);
  if (!block) throw corrupt('zip64');
  let q = block.at;
  const take = (): number => {
    if (q + 8 > block.end) throw corrupt('zip64');
    const v = buf.u64(q);
    q += 8;
    return v;
  };
  const out = { ...narrow };
  if (narrow.uncompressed === SATURATED32) out.uncompressed = take();
  if (narrow.compressed === SATURATED32) out.compressed = take();
  if (withOffset && narrow.offset === SATURATED32) out.offset = take();
  return out;
}

/** A plain part name: no "." or ".." segment, no empty segment, no control character. */
function plainName(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (name === '' || /[\u0000-\u001f\u007f]/.test(name)) return false;
  const segments = name.replace(/\/$/, '').split('/');
  return segments.every((s) => s !== '' && s !== '.' && s !== '..');
}

function checkMethod(flags: number, method: number): void {
  if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADERS) || method === METHOD_AES) {
    throw READ_ERRORS.zipEncrypted();
  }
  if (method !== METHOD_STORED && method !== METHOD_DEFLATED) throw READ_ERRORS.unsupportedMethod();
}

/**
 * The local header at `l` must repeat the central record at `p`: name, method, encryption, and (unless a data
 * descriptor follows the data) CRC and sizes; with a data descriptor, the descriptor must. Sets the entry's data
 * offset and returns where its bytes end (data and descriptor).
 */
function checkLocal(buf: Bytes, p: number, e: ZipEntry, l: number, nameLength: number, limit: number): number {
  if (l + LOCAL_SIZE > limit || buf.u32(l) !== SIG_LOCAL) throw corrupt('localHeader');
  const flags = buf.u16(l + 6);
  const nameLen = buf.u16(l + 26);
  const extraLen = buf.u16(l + 28);
  if (
    buf.u16(l + 8) !== e.method ||
    (flags & (FLAG_ENCRYPTED | FLAG_DATA_DESCRIPTOR)) !== (e.flags & (FLAG_ENCRYPTED | FLAG_DATA_DESCRIPTOR)) ||
    nameLen !== nameLength ||
    !buf.equal(l + LOCAL_SIZE, p + CENTRAL_SIZE, nameLength)
  ) {
    throw corrupt('localHeader');
  }
  e.dataOffset = l + LOCAL_SIZE + nameLen + extraLen;
  const dataEnd = e.dataOffset + e.compressedSize;
  if (dataEnd > limit) throw corrupt('localHeader');

  const crc = buf.u32(l + 14);
  const extraStart = l + LOCAL_SIZE + nameLen;
  const sizes = widen(buf, extraStart, extraLen, { compressed: buf.u32(l + 18), uncompressed: buf.u32(l + 22), offset: 0 }, false);
  const same = crc === e.crc && sizes.compressed === e.compressedSize && sizes.uncompressed === e.uncompressedSize;
  if (!(flags & FLAG_DATA_DESCRIPTOR)) {
    if (!same) throw corrupt('localHeader');
    return dataEnd;
  }
  // With a data descriptor the local fields are zero (or already right); the descriptor follows the data,
  // optionally signed, with 8-byte sizes when the entry is zip64.
  if (!same && (crc !== 0 || sizes.compressed !== 0 || sizes.uncompressed !== 0)) throw corrupt('localHeader');
  let d = dataEnd;
  if (d + 4 <= limit && buf.u32(d) === SIG_DATA_DESCRIPTOR) d += 4;
  const wide = zip64Values(buf, extraStart, extraLen) !== null;
  const end = d + 4 + (wide ? 16 : 8);
  if (end > limit) throw corrupt('localHeader');
  const dCompressed = wide ? buf.u64(d + 4) : buf.u32(d + 4);
  const dUncompressed = wide ? buf.u64(d + 12) : buf.u32(d + 8);
  if (buf.u32(d) !== e.crc || dCompressed !== e.compressedSize || dUncompressed !== e.uncompressedSize) {
    throw corrupt('localHeader');
  }
  return end;
}

/** Reads and checks the whole central directory; throws a WorkbookReadError on anything inconsistent. */
export function readZipDirectory(data: Uint8Array, limits: Pick<ReadLimits, 'maxEntries'>): ZipDirectory {
  const buf = new Bytes(data);
  const cd = locateDirectory(buf);
  if (cd.offset + cd.size > buf.length) throw READ_ERRORS.truncated();
  // The records must fill the declared size exactly and end where the end record begins: a record
  // appended after the counted ones, or a gap, is refused.
  if (cd.offset + cd.size !== cd.end) throw corrupt('directory');
  // A count that cannot fit in the directory's size is a lie; a true one may still be too many.
  if (cd.count * CENTRAL_SIZE > cd.size) throw corrupt('directory');
  if (cd.count > limits.maxEntries) throw tooLarge(`ブック内部の部品の数(${count(cd.count)} 個)が多すぎる`);

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  const spans: [number, number][] = [];
  const cdEnd = cd.offset + cd.size;
  let p = cd.offset;
  for (let i = 0; i < cd.count; i++) {
    if (p + CENTRAL_SIZE > cdEnd || buf.u32(p) !== SIG_CENTRAL) throw corrupt('directory');
    const flags = buf.u16(p + 8);
    const method = buf.u16(p + 10);
    const nameLen = buf.u16(p + 28);
    const extraLen = buf.u16(p + 30);
    const next = p + CENTRAL_SIZE + nameLen + extraLen + buf.u16(p + 32);
    if (next > cdEnd) throw corrupt('directory');
    checkMethod(flags, method);
    const diskStart = buf.u16(p + 34);
    const sizes = widen(
      buf,
      p + CENTRAL_SIZE + nameLen,
      extraLen,
      { compressed: buf.u32(p + 20), uncompressed: buf.u32(p + 24), offset: buf.u32(p + 42) },
      true,
    );
    if (diskStart !== 0 && diskStart !== SATURATED16) throw corrupt('multiDisk');

    // Bit 11: the name is UTF-8; otherwise CP437, whose ASCII part is all the reader looks for.
    const raw = (flags & FLAG_UTF8 ? UTF8 : LATIN1).decode(data.subarray(p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLen));
    const name = raw.replace(/\\/g, '/').replace(/^\/+/, '');
    if (!plainName(name)) throw corrupt('badName');
    const key = name.toLowerCase();
    if (byName.has(key)) throw corrupt('duplicate');

    const entry: ZipEntry = {
      name,
      method,
      flags,
      crc: buf.u32(p + 16),
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      dataOffset: 0,
    };
    const end = checkLocal(buf, p, entry, sizes.offset, nameLen, cd.offset);
    spans.push([sizes.offset, end]);
    entries.push(entry);
    byName.set(key, entry);
    p = next;
  }
  if (p !== cdEnd) throw corrupt('directory');

  // Entries that share bytes inflate the same data many times over (an overlapping-entry bomb).
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) if (spans[i]![0] < spans[i - 1]![1]) throw corrupt('overlap');

  return { entries, find: (name) => byName.get(name.toLowerCase()) };
}

// ---------------------------------------------------------------------------------------------
// Inflating one entry

/**
 * Inflates raw deflate data. It must stop as soon as the output would pass `maxOutput` and throw
 * InflateLimitError then; any other throw means the data is damaged.
 */
export type InflateRaw = (data: Uint8Array, maxOutput: number) => Promise<Uint8Array>;

export class InflateLimitError extends Error {
  override readonly name = 'InflateLimitError';
}

/** Inflating this much beyond the declared size means the size lies on purpose: a bomb, not a damaged file. */
const SIZE_SLACK = 1024 * 1024;

/** An entry's data, inflated within its declared size and checked against its CRC. */
export async function extractEntry(data: Uint8Array, e: ZipEntry, inflateRaw: InflateRaw): Promise<Uint8Array> {
  const raw = data.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  let out: Uint8Array;
  if (e.method === METHOD_STORED) {
    if (e.compressedSize !== e.uncompressedSize) throw corrupt('localHeader');
    out = raw;
  } else {
    try {
      out = await inflateRaw(raw, e.uncompressedSize + SIZE_SLACK);
    } catch (err) {
      if (err instanceof InflateLimitError) throw READ_ERRORS.zipBomb();
      throw corrupt('data');
    }
    // Slightly off: the size field is damaged (a bomb would have overflowed the slack).
    if (out.length !== e.uncompressedSize) throw corrupt('data');
  }
  if (crc32(out) !== e.crc) throw corrupt('checksum');
  return out;
}
