// The part of the .xlsx reader that runs in Node and in the browser alike: the container checks made before
// exceljs sees the bytes (magic bytes, zip central directory, sizes, ratios, DTDs) and the exceljs → Grid mapping.
// The bytes come from someone else's workbook, so anything that could take unbounded time or memory is refused.
// Only inflating differs between hosts (node:zlib, the browser's DecompressionStream): it is passed in.
import type ExcelJS from 'exceljs';
import { Grid, parseRange, type CellValue, type GridCell, type MergedArea } from '../../core/grid';

export type WorkbookReadErrorCode =
  | 'not-zip'
  | 'encrypted'
  | 'legacy-xls'
  | 'not-xlsx'
  | 'truncated'
  | 'too-large'
  | 'zip-bomb'
  | 'too-many-cells'
  | 'unsafe-xml'
  | 'empty'
  | 'read-failed';

/** A workbook that cannot be read; `message` is plain Japanese and says what the user can do. */
export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
  constructor(
    readonly code: WorkbookReadErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ReadLimits {
  /** readWorkbookFile refuses larger files before reading them. */
  maxFileBytes: number;
  /** Sum of the declared uncompressed sizes of all zip entries. */
  maxTotalUncompressed: number;
  /** Uncompressed size of one XML part: a worksheet (≈ a million cells), the shared strings, the styles. */
  maxXmlPart: number;
  /** An entry at least this large (uncompressed)… */
  bombMinEntrySize: number;
  /** …with a compression ratio above this is treated as a zip bomb. */
  bombRatio: number;
  maxEntries: number;
  /** Cells in the whole workbook, counting merged areas (exceljs materialises every merged cell). */
  maxCells: number;
  /** Merge ranges in one worksheet (exceljs checks merges pairwise: quadratic time). */
  maxMergesPerSheet: number;
}

export const MB = 1024 * 1024;

/**
 * Defaults, measured with exceljs 4.4: 200k cells load in ~0.7 s and ~60 MB of heap, so 1M cells stay
 * within a few seconds and a few hundred MB; 5,000 merges on one sheet load in ~1.5 s.
 * A survey form is a few thousand cells, so these only stop pathological files.
 */
export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 100 * MB,
  maxTotalUncompressed: 200 * MB,
  maxXmlPart: 50 * MB,
  bombMinEntrySize: 10 * MB,
  bombRatio: 100,
  maxEntries: 10_000,
  maxCells: 1_000_000,
  maxMergesPerSheet: 5_000,
});

export interface ReadWorkbookOptions {
  limits?: Partial<ReadLimits>;
  /** Used only to word error messages (e.g. a name ending in .xls). */
  fileName?: string;
}

// ---------------------------------------------------------------------------------------------
// Messages

const MSG = {
  empty:
    'ファイルが空です(0 バイト)。保存やコピーが途中で止まった可能性があります。元のファイルをもう一度コピーするか、送付元に送り直しを依頼してください。',
  notZip:
    'Excel ブック(.xlsx)ではないため読み込めません(名前だけ .xlsx になっている可能性があります)。元のソフトで開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください。',
  encrypted:
    'パスワードで保護(暗号化)されたブックのため読み込めません。Excel で開いてパスワードを解除して保存し直してください(「ファイル」→「情報」→「ブックの保護」→「パスワードを使用して暗号化」でパスワードを空にします)。',
  legacyXls:
    '古い Excel 形式(.xls)のファイルのため読み込めません。Excel で開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで .xlsx 形式で保存し直してください。',
  oleUnknown:
    'パスワードで保護された .xlsx か、古い Excel 形式(.xls)のファイルです。パスワードがかかっている場合はパスワードを解除して保存し直してください。.xls の場合は .xlsx 形式で保存し直してください。',
  truncated:
    'ファイルが壊れているか、途中で切れています(コピーやダウンロードが最後まで終わっていない可能性があります)。元のファイルをもう一度コピーするか、Excel で開いて保存し直してください。',
  notXlsx:
    'ZIP 形式のファイルですが、Excel ブック(.xlsx)ではありません(xl/workbook.xml がありません)。Word や他のソフトのファイルではないか確認し、Excel ブック (*.xlsx) として保存し直してください。',
  xlsb: 'Excel バイナリ ブック(.xlsb)のため読み込めません。Excel で開き、「Excel ブック (*.xlsx)」形式で保存し直してください。',
  unsafeXml:
    'ブックの中に通常の Excel ファイルにはない記述(XML の DOCTYPE/ENTITY 宣言)が含まれているため、安全のため読み込みません。Excel で開いて、新しいブックとして保存し直してください。',
  zipEncrypted:
    'ブック内部のデータが暗号化されているため読み込めません。パスワードを解除して保存し直してください。',
  unsupportedMethod:
    'ブック内部のデータが Excel の使わない方式で圧縮されているため読み込めません。Excel で開いて .xlsx 形式で保存し直してください。',
} as const;

/** `reason` ends with a plain form such as 「…が大きすぎる」. */
export function tooLarge(reason: string): WorkbookReadError {
  return new WorkbookReadError(
    'too-large',
    `${reason}ため読み込みません。調査書のシートだけを新しいブックにコピーして保存し、そのファイルを検査してください。`,
  );
}

function zipBomb(): WorkbookReadError {
  return new WorkbookReadError(
    'zip-bomb',
    '展開すると極端に大きくなるデータ(圧縮率が異常に高いデータ)が含まれているため、安全のため読み込みません。送付元に確認し、Excel で保存し直したファイルを使ってください。',
  );
}

function tooManyCells(detail: string): WorkbookReadError {
  return new WorkbookReadError(
    'too-many-cells',
    `${detail}ため読み込みません。調査書のシートだけを新しいブックにコピーして保存し、そのファイルを検査してください。`,
  );
}

export function mb(n: number): string {
  return n >= MB ? `${Math.round(n / MB)} MB` : `${Math.ceil(n / 1024)} KB`;
}

// ---------------------------------------------------------------------------------------------
// Bytes: Buffer's reading methods over a plain Uint8Array, so the parsing below reads the same in both hosts.

const LATIN1 = new TextDecoder('latin1');
const UTF8 = new TextDecoder('utf-8');

function asciiBytes(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}

/** UTF-16 code units of an ASCII string, little- or big-endian. */
function utf16Bytes(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[2 * i + (bigEndian ? 1 : 0)] = s.charCodeAt(i);
  return out;
}

class Bytes {
  private readonly view: DataView;
  constructor(readonly u8: Uint8Array) {
    this.view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  }
  get length(): number {
    return this.u8.length;
  }
  byte(at: number): number | undefined {
    return this.u8[at];
  }
  readUInt16LE(at: number): number {
    return this.view.getUint16(at, true);
  }
  readUInt32LE(at: number): number {
    return this.view.getUint32(at, true);
  }
  readUInt32BE(at: number): number {
    return this.view.getUint32(at, false);
  }
  readBigUInt64LE(at: number): bigint {
    return this.view.getBigUint64(at, true);
  }
  subarray(start: number, end: number): Bytes {
    return new Bytes(this.u8.subarray(start, end));
  }
  /** First position of `needle` at or after `from`; the native search finds candidates for the first byte. */
  indexOf(needle: Uint8Array | string, from = 0): number {
    const n = typeof needle === 'string' ? asciiBytes(needle) : needle;
    const first = n[0]!;
    const last = this.u8.length - n.length;
    for (let i = this.u8.indexOf(first, from); i >= 0 && i <= last; i = this.u8.indexOf(first, i + 1)) {
      let j = 1;
      while (j < n.length && this.u8[i + j] === n[j]) j++;
      if (j === n.length) return i;
    }
    return -1;
  }
  toString(encoding: 'utf8' | 'latin1', start: number, end: number): string {
    // latin1 decodes as windows-1252 in browsers: the same for the ASCII this code compares against.
    return (encoding === 'utf8' ? UTF8 : LATIN1).decode(this.u8.subarray(start, end));
  }
}

// ---------------------------------------------------------------------------------------------
// Zip central directory (APPNOTE 6.3.x). Only what we need: names, sizes, methods, data offsets.

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's compressed data (after its local header). */
  dataOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

function corrupt(): WorkbookReadError {
  return new WorkbookReadError('truncated', MSG.truncated);
}

/** Reads a little-endian 64-bit size; anything beyond the buffer is corruption anyway. */
function readU64(buf: Bytes, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt();
  return Number(v);
}

function findEocd(buf: Bytes): number {
  const stop = Math.max(0, buf.length - EOCD_SIZE - MAX_COMMENT);
  for (let i = buf.length - EOCD_SIZE; i >= stop; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD && i + EOCD_SIZE + buf.readUInt16LE(i + 20) <= buf.length) return i;
  }
  return -1;
}

/** Parses the central directory; throws WorkbookReadError on anything out of bounds. */
function readCentralDirectory(buf: Bytes, limits: ReadLimits): ZipEntry[] {
  const eocd = findEocd(buf);
  // A file that starts like a zip but has no end record was cut short.
  if (eocd < 0) throw corrupt();

  let entryCount = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);

  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_ZIP64_LOCATOR) throw corrupt();
    const z64 = readU64(buf, loc + 8);
    if (z64 + 56 > loc || buf.readUInt32LE(z64) !== SIG_ZIP64_EOCD) throw corrupt();
    entryCount = readU64(buf, z64 + 32);
    cdSize = readU64(buf, z64 + 40);
    cdOffset = readU64(buf, z64 + 48);
  }

  if (cdOffset + cdSize > eocd) throw corrupt();
  if (entryCount > limits.maxEntries) throw tooLarge(`ブック内部の部品の数(${entryCount} 個)が多すぎる`);
  // Each central record is at least 46 bytes: a count that cannot fit is corruption.
  if (entryCount * 46 > cdSize) throw corrupt();

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < entryCount; i++) {
    if (p + 46 > cdOffset + cdSize || buf.readUInt32LE(p) !== SIG_CENTRAL) throw corrupt();
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > cdOffset + cdSize) throw corrupt();
    // Bit 11: the name is UTF-8; otherwise CP437, whose ASCII part is all we compare against.
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen).replace(/^\/+/, '');

    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extended information: the 8-byte values present are those whose 32-bit field is saturated.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      let found = false;
      while (e + 4 <= end) {
        const id = buf.readUInt16LE(e);
        const size = buf.readUInt16LE(e + 2);
        if (e + 4 + size > end) throw corrupt();
        if (id === 0x0001) {
          let q = e + 4;
          const take = (): number => {
            if (q + 8 > e + 4 + size) throw corrupt();
            const v = readU64(buf, q);
            q += 8;
            return v;
          };
          if (uncompressedSize === 0xffffffff) uncompressedSize = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (localOffset === 0xffffffff) localOffset = take();
          found = true;
          break;
        }
        e += 4 + size;
      }
      if (!found) throw corrupt();
    }

    // The local header repeats name and extra with their own lengths; the data follows it.
    if (localOffset + 30 > cdOffset || buf.readUInt32LE(localOffset) !== SIG_LOCAL) throw corrupt();
    const dataOffset = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > cdOffset) throw corrupt();

    entries.push({ name, method, flags, compressedSize, uncompressedSize, dataOffset });
    p = next;
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Preflight: everything that must hold before exceljs (JSZip + saxes) parses the archive.

const WORKSHEET_RE = /^xl\/worksheets\/[^/]+\.xml$/i;
const XML_RE = /\.(xml|rels|vml)$/i;

/** DTD markers in ASCII/UTF-8 and in UTF-16 (either byte order); saxes gets no DTD at all. */
const UNSAFE_PATTERNS: Uint8Array[] = ['<!DOCTYPE', '<!ENTITY', '<!doctype', '<!entity'].flatMap((s) => [
  asciiBytes(s),
  utf16Bytes(s, false),
  utf16Bytes(s, true),
]);

/** Inflating this much beyond the declared size means the size lies: treated as a bomb. */
const SIZE_SLACK = 1 * MB;

/**
 * Inflates raw deflate data. It must stop as soon as the output would pass `maxOutput` and throw
 * InflateLimitError then; any other throw means the data is damaged.
 */
export type InflateRaw = (data: Uint8Array, maxOutput: number) => Promise<Uint8Array>;

export class InflateLimitError extends Error {
  override readonly name = 'InflateLimitError';
}

async function inflateEntry(buf: Bytes, e: ZipEntry, inflateRaw: InflateRaw): Promise<Bytes> {
  const raw = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw corrupt();
    return raw;
  }
  // A little headroom tells a corrupt size field (output slightly off) from a size-lying bomb.
  const cap = e.uncompressedSize + SIZE_SLACK;
  let out: Uint8Array;
  try {
    out = await inflateRaw(raw.u8, cap);
  } catch (err) {
    if (err instanceof InflateLimitError) throw zipBomb();
    throw corrupt();
  }
  // A size that does not match the data: the archive is damaged (a bomb would have overflowed the cap).
  if (out.length !== e.uncompressedSize) throw corrupt();
  return new Bytes(out);
}

/** Counts `<c` cell elements (`<c `, `<c>`, `<c/`) without building strings. */
function countCellTags(xml: Bytes): number {
  let n = 0;
  let i = xml.indexOf('<c');
  while (i >= 0) {
    const next = xml.byte(i + 2);
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
    i = xml.indexOf('<c', i + 2);
  }
  return n;
}

const MERGE_RE = /<mergeCell\s[^>]*?ref\s*=\s*["']\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?["']/g;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Number of merge ranges and the cells they cover, from the <mergeCells> block only. */
function mergeStats(xml: Bytes): { merges: number; area: number } {
  const start = xml.indexOf('<mergeCells');
  if (start < 0) return { merges: 0, area: 0 };
  const endTag = xml.indexOf('</mergeCells>', start);
  const text = xml.toString('latin1', start, endTag < 0 ? xml.length : endTag);
  let merges = 0;
  let area = 0;
  for (const m of text.matchAll(MERGE_RE)) {
    merges++;
    if (m[3] === undefined || m[4] === undefined) continue;
    const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
    const cols = Math.abs(colNumber(m[3]) - colNumber(m[1]!)) + 1;
    area += rows * cols;
  }
  return { merges, area };
}

async function preflightZip(buf: Bytes, limits: ReadLimits, inflateRaw: InflateRaw): Promise<void> {
  const entries = readCentralDirectory(buf, limits);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('xl/workbook.bin')) throw new WorkbookReadError('not-xlsx', MSG.xlsb);
    throw new WorkbookReadError('not-xlsx', MSG.notXlsx);
  }

  // Declared sizes first: cheap, and refuses honest bombs without inflating anything.
  let total = 0;
  for (const e of entries) {
    if (e.flags & 0x1) throw new WorkbookReadError('encrypted', MSG.zipEncrypted);
    if (e.method !== 0 && e.method !== 8) throw new WorkbookReadError('not-xlsx', MSG.unsupportedMethod);
    if (
      e.uncompressedSize >= limits.bombMinEntrySize &&
      e.uncompressedSize > limits.bombRatio * Math.max(1, e.compressedSize)
    ) {
      throw zipBomb();
    }
    total += e.uncompressedSize;
    if (XML_RE.test(e.name) && e.uncompressedSize > limits.maxXmlPart) {
      const what = WORKSHEET_RE.test(e.name) ? 'シート 1 枚のデータ' : `ブック内部の ${e.name}`;
      throw tooLarge(`${what}(展開後 ${mb(e.uncompressedSize)})が大きすぎる`);
    }
  }
  if (total > limits.maxTotalUncompressed) throw tooLarge(`ブックの中身(展開後 ${mb(total)})が大きすぎる`);

  // Then inflate each entry, one at a time, bounded by its declared size: JSZip would inflate
  // all of them, so a lying size must be caught here. XML parts are also scanned.
  let cells = 0;
  for (const e of entries) {
    if (e.name.endsWith('/') && e.uncompressedSize === 0) continue;
    const data = await inflateEntry(buf, e, inflateRaw);
    if (!XML_RE.test(e.name)) continue;
    for (const pat of UNSAFE_PATTERNS) {
      if (data.indexOf(pat) >= 0) throw new WorkbookReadError('unsafe-xml', MSG.unsafeXml);
    }
    if (WORKSHEET_RE.test(e.name)) {
      const { merges, area } = mergeStats(data);
      if (merges > limits.maxMergesPerSheet) {
        throw tooManyCells(`1 枚のシートに結合セルの範囲が多すぎる(${merges} 個)`);
      }
      cells += countCellTags(data) + area;
      if (cells > limits.maxCells) {
        throw tooManyCells(`セルの数(結合範囲を含めて ${limits.maxCells.toLocaleString('en-US')} 個超)が多すぎる`);
      }
    }
  }
}

/** Checks magic bytes and the container; throws a WorkbookReadError saying what to do. */
async function preflight(bytes: Uint8Array, limits: ReadLimits, fileName: string | undefined, inflateRaw: InflateRaw): Promise<void> {
  const data = new Bytes(bytes);
  if (data.length === 0) throw new WorkbookReadError('empty', MSG.empty);
  if (data.length >= 4 && data.readUInt32BE(0) === 0xd0cf11e0) {
    // OLE compound file: Excel stores an encrypted .xlsx inside one (EncryptionInfo + EncryptedPackage
    // streams); a legacy .xls has a Workbook/Book stream. The directory names are UTF-16LE.
    const has = (s: string): boolean => data.indexOf(utf16Bytes(s, false)) >= 0;
    if (has('EncryptedPackage') && has('EncryptionInfo')) throw new WorkbookReadError('encrypted', MSG.encrypted);
    if (has('Workbook') || has('Book') || /\.xls$/i.test(fileName ?? '')) {
      throw new WorkbookReadError('legacy-xls', MSG.legacyXls);
    }
    throw new WorkbookReadError('legacy-xls', MSG.oleUnknown);
  }
  if (data.length < 4 || data.readUInt32LE(0) !== SIG_LOCAL) {
    // An empty zip starts with the end record; it holds no workbook either.
    if (data.length >= 4 && data.readUInt32LE(0) === SIG_EOCD) throw new WorkbookReadError('not-xlsx', MSG.notXlsx);
    if (data.length >= 2 && data.byte(0) === 0x50 && data.byte(1) === 0x4b) throw corrupt();
    throw new WorkbookReadError('not-zip', MSG.notZip);
  }
  if (data.length < 30 + EOCD_SIZE) throw corrupt();
  await preflightZip(data, limits, inflateRaw);
}

// ---------------------------------------------------------------------------------------------
// Cell mapping

interface ErrorLike {
  error: string;
}
interface RichTextLike {
  richText: { text?: unknown }[];
}

function isErrorLike(v: unknown): v is ErrorLike {
  return typeof v === 'object' && v !== null && typeof (v as { error?: unknown }).error === 'string';
}

function isRichTextLike(v: unknown): v is RichTextLike {
  return typeof v === 'object' && v !== null && Array.isArray((v as { richText?: unknown }).richText);
}

function richTextToString(v: RichTextLike): string {
  return v.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
}

/** Maps a plain exceljs value (or a formula's cached result) to a CellValue. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    // exceljs turns every date-formatted result into a Date, even an error result: the error text is lost.
    return Number.isNaN(v.getTime()) ? { error: '#VALUE!' } : v;
  }
  if (isErrorLike(v)) return { error: v.error };
  if (isRichTextLike(v)) return richTextToString(v);
  if (typeof v === 'object' && 'text' in v) {
    const t = (v as { text: unknown }).text;
    return isRichTextLike(t) ? richTextToString(t) : typeof t === 'string' ? t : t == null ? null : String(t);
  }
  return null;
}

type ValueTypes = typeof ExcelJS.ValueType;

function mapCell(cell: ExcelJS.Cell, row: number, col: number, vt: ValueTypes): GridCell | null {
  const type = cell.type;
  // A merged-away cell: its label shows once, at the merge's top-left cell.
  if (type === vt.Merge || type === vt.Null) return null;

  const out: GridCell = { row, col, value: null };
  if (type === vt.Formula) {
    // cell.value drops a cached 0 (falsy); cell.result keeps it.
    out.value = plainValue(cell.result);
    let formula: string | undefined;
    try {
      // For a shared-formula slave exceljs translates the master's formula to this cell.
      formula = cell.formula;
    } catch {
      formula = undefined;
    }
    if (typeof formula === 'string' && formula !== '') out.formula = formula.replace(/^=/, '');
  } else {
    out.value = plainValue(cell.value);
  }
  const numFmt = cell.numFmt;
  if (typeof numFmt === 'string' && numFmt !== '') out.numFmt = numFmt;
  if (out.value === null && out.formula === undefined) return null;
  return out;
}

function worksheetToGrid(ws: ExcelJS.Worksheet, budget: { cells: number; max: number }, vt: ValueTypes): Grid {
  const cells: GridCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = mapCell(cell, rowNumber - 1, colNumber - 1, vt);
      if (!c) return;
      if (++budget.cells > budget.max) {
        throw tooManyCells(`使われているセルの数(${budget.max.toLocaleString('en-US')} 個超)が多すぎる`);
      }
      cells.push(c);
    });
  });
  // exceljs keeps the merged ranges as "B2:C3" strings in the sheet's model.
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((m): m is MergedArea => m !== null);
  return new Grid(ws.name, cells, merges);
}

// ---------------------------------------------------------------------------------------------
// Reading, given the host's inflate and exceljs

export interface ReaderHost {
  inflateRaw: InflateRaw;
  /** exceljs, loaded only once the container has passed its checks (a lazy chunk in the browser). */
  loadExcelJS: () => Promise<typeof ExcelJS>;
}

export function resolveLimits(opts: ReadWorkbookOptions | undefined): ReadLimits {
  return { ...DEFAULT_LIMITS, ...opts?.limits };
}

/** Reads a workbook held in memory: one Grid per worksheet (hidden sheets included), cells 0-based. */
export async function readWorkbookWith(host: ReaderHost, data: Uint8Array, opts?: ReadWorkbookOptions): Promise<Grid[]> {
  const limits = resolveLimits(opts);
  await preflight(data, limits, opts?.fileName, host.inflateRaw);

  const excel = await host.loadExcelJS();
  const wb = new excel.Workbook();
  try {
    // exceljs's typings want its own Buffer alias; a Uint8Array is what both of its builds read.
    await wb.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (err) {
    const detail = err instanceof Error && err.message ? `(詳細: ${err.message})` : '';
    throw new WorkbookReadError(
      'read-failed',
      `ブックを読み込めませんでした${detail}。Excel で開いて保存し直してから、もう一度検査してください。`,
    );
  }

  const budget = { cells: 0, max: limits.maxCells };
  try {
    return wb.worksheets.map((ws) => worksheetToGrid(ws, budget, excel.ValueType));
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    const detail = err instanceof Error && err.message ? `(詳細: ${err.message})` : '';
    throw new WorkbookReadError(
      'read-failed',
      `ブックのセルを読み取れませんでした${detail}。Excel で開いて保存し直してから、もう一度検査してください。`,
    );
  }
}
