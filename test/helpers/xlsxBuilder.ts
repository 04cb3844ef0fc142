// Hand-made .xlsx archives for the reader's tests and benchmark: a small zip writer that can also lie (sizes,
// counts, names, extra records), the parts of the smallest workbook exceljs accepts, and builders of the hostile
// and heavy files the reader must answer quickly. Everything is built in memory; nothing is a binary fixture.
import * as zlib from 'node:zlib';
import { crc32 } from '../../src/adapters/xlsx/read/crc32';

export interface ZipInput {
  name: string;
  /** Uncompressed content (deflated by the writer unless `store` or `raw` is given). */
  data?: Buffer | string;
  /** Already-compressed bytes, with the size to declare. */
  raw?: { bytes: Buffer; uncompressedSize: number; method?: number; crc?: number };
  /** Store instead of deflate. */
  store?: boolean;
  /** Declare this uncompressed size instead of the real one (an archive that lies). */
  declaredSize?: number;
  flags?: number;
  /** The name written in the local header, when it should differ from the central directory's. */
  localName?: string;
  /** Bit 3: sizes and CRC left as 0 in the local header, given by a data descriptor after the data. */
  dataDescriptor?: boolean;
  /** The uncompressed size the data descriptor states, when it should differ from the central directory's. */
  descriptorSize?: number;
  /** Declare this CRC instead of the real one. */
  crc?: number;
}

export interface ZipOptions {
  zip64?: boolean;
  /** Central records written after the counted ones, each pointing at an extra local entry. */
  uncounted?: ZipInput[];
  /** Whether the end record's directory size covers the uncounted records too (default: yes). */
  sizeCoversUncounted?: boolean;
  /** Bytes between the central directory and the end record (the records then do not end at it). */
  gap?: number;
  /** Overrides of the zip64 end record's fields. */
  zip64Entries?: bigint;
  /** Central records' local-header offsets overridden, by entry index (overlapping entries). */
  localOffsets?: Record<number, number>;
}

interface Built {
  local: Buffer[];
  central: Buffer;
}

function entryBytes(inp: ZipInput): { bytes: Buffer; method: number; size: number; crc: number } {
  if (inp.raw) {
    return { bytes: inp.raw.bytes, method: inp.raw.method ?? 8, size: inp.raw.uncompressedSize, crc: inp.raw.crc ?? 0 };
  }
  const data = typeof inp.data === 'string' ? Buffer.from(inp.data, 'utf8') : (inp.data ?? Buffer.alloc(0));
  return { bytes: inp.store ? data : zlib.deflateRawSync(data), method: inp.store ? 0 : 8, size: data.length, crc: crc32(data) };
}

function buildEntry(inp: ZipInput, offset: number, zip64: boolean, localOffset = offset): Built {
  const { bytes, method, size: realSize, crc: realCrc } = entryBytes(inp);
  const size = inp.declaredSize ?? realSize;
  const crc = inp.crc ?? realCrc;
  const name = Buffer.from(inp.name, 'utf8');
  const localName = Buffer.from(inp.localName ?? inp.name, 'utf8');
  const flags = 0x800 | (inp.flags ?? 0) | (inp.dataDescriptor ? 0x8 : 0);

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(flags, 6);
  local.writeUInt16LE(method, 8);
  if (!inp.dataDescriptor) {
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(size, 22);
  }
  local.writeUInt16LE(localName.length, 26);
  const parts = [local, localName, bytes];
  if (inp.dataDescriptor) {
    const dd = Buffer.alloc(16);
    dd.writeUInt32LE(0x08074b50, 0);
    dd.writeUInt32LE(crc, 4);
    dd.writeUInt32LE(bytes.length, 8);
    dd.writeUInt32LE(inp.descriptorSize ?? size, 12);
    parts.push(dd);
  }

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(zip64 ? 45 : 20, 4);
  central.writeUInt16LE(zip64 ? 45 : 20, 6);
  central.writeUInt16LE(flags, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(bytes.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(localOffset, 42);
  if (!zip64) return { local: parts, central: Buffer.concat([central, name]) };
  // Saturated 32-bit fields; the real values go in the zip64 extra field, in this order.
  const extra = Buffer.alloc(4 + 24);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(BigInt(size), 4);
  extra.writeBigUInt64LE(BigInt(bytes.length), 12);
  extra.writeBigUInt64LE(BigInt(localOffset), 20);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt32LE(0xffffffff, 42);
  central.writeUInt16LE(extra.length, 30);
  return { local: parts, central: Buffer.concat([central, name, extra]) };
}

export function makeZip(inputs: ZipInput[], opts: ZipOptions = {}): Buffer {
  const zip64 = opts.zip64 ?? false;
  const locals: Buffer[] = [];
  const counted: Buffer[] = [];
  const uncounted: Buffer[] = [];
  let offset = 0;
  const add = (inp: ZipInput, into: Buffer[], i: number): void => {
    const b = buildEntry(inp, offset, zip64, opts.localOffsets?.[i]);
    locals.push(...b.local);
    into.push(b.central);
    offset += b.local.reduce((n, p) => n + p.length, 0);
  };
  inputs.forEach((inp, i) => add(inp, counted, i));
  (opts.uncounted ?? []).forEach((inp) => add(inp, uncounted, -1));

  const countedCd = Buffer.concat(counted);
  const cd = Buffer.concat([countedCd, ...uncounted]);
  const cdSize = opts.sizeCoversUncounted === false ? countedCd.length : cd.length;
  const gap = Buffer.alloc(opts.gap ?? 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(inputs.length, 8);
  eocd.writeUInt16LE(inputs.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  if (!zip64) return Buffer.concat([...locals, cd, gap, eocd]);

  const z64 = Buffer.alloc(56);
  z64.writeUInt32LE(0x06064b50, 0);
  z64.writeBigUInt64LE(44n, 4);
  z64.writeUInt16LE(45, 12);
  z64.writeUInt16LE(45, 14);
  z64.writeBigUInt64LE(opts.zip64Entries ?? BigInt(inputs.length), 24);
  z64.writeBigUInt64LE(opts.zip64Entries ?? BigInt(inputs.length), 32);
  z64.writeBigUInt64LE(BigInt(cdSize), 40);
  z64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length + gap.length), 8);
  locator.writeUInt32LE(1, 16);
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(0xffffffff, 12);
  eocd.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...locals, cd, gap, z64, locator, eocd]);
}

// ---------------------------------------------------------------------------------------------
// The smallest workbook exceljs accepts, written as Excel writes it (shared formulas included).

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const CONTENT_TYPES = `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
export const ROOT_RELS = `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** workbook.xml naming the given sheets, rId1… in order. */
export function workbookXml(names: readonly string[] = ['調査書'], inner = ''): string {
  const sheets = names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${sheets}</sheets>${inner}</workbook>`;
}

/** workbook.xml.rels: rId1… → worksheets/sheet1.xml…, then styles and shared strings. */
export function workbookRels(sheets: number, extra = ''): string {
  const rels = Array.from(
    { length: sheets },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${extra}</Relationships>`;
}

export const WORKBOOK = workbookXml();
export const WORKBOOK_RELS = workbookRels(1);

export function sheetXml(sheetData: string, extra = ''): string {
  return `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetData>${sheetData}</sheetData>${extra}</worksheet>`;
}

export const SHEET_DATA =
  '<row r="1"><c r="A1"><v>10</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>0</v></c><c r="C1" t="inlineStr"><is><t>所属</t></is></c></row>' +
  '<row r="2"><c r="A2"><v>20</v></c><c r="B2"><f t="shared" si="0"/><v>40</v></c><c r="C2" t="e"><v>#REF!</v></c></row>' +
  '<row r="3"><c r="A3"><v>0</v></c><c r="B3"><f t="shared" si="0"/><v>0</v></c><c r="C3" t="e"><f>1/A3</f><v>#DIV/0!</v></c><c r="D3" t="b"><v>1</v></c></row>';

export type Parts = Record<string, string | Buffer | null>;

export function minimalParts(overrides: Parts = {}): [string, string | Buffer][] {
  const parts: Parts = {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': ROOT_RELS,
    'xl/workbook.xml': WORKBOOK,
    'xl/_rels/workbook.xml.rels': WORKBOOK_RELS,
    'xl/worksheets/sheet1.xml': sheetXml(SHEET_DATA),
    ...overrides,
  };
  return Object.entries(parts).filter((e): e is [string, string | Buffer] => e[1] !== null);
}

/** The minimal workbook's parts as zip inputs, to build variants of its archive. */
export function minimalInputs(overrides: Parts = {}): ZipInput[] {
  return minimalParts(overrides).map(([name, data]) => ({ name, data }));
}

/** The minimal workbook with some parts replaced (null removes one). */
export function minimalXlsx(overrides: Parts = {}, zipOpts: ZipOptions = {}): Buffer {
  return makeZip(minimalInputs(overrides), zipOpts);
}

const zeros = new Map<number, Promise<Buffer>>();

/** `totalMb` MB of zeros deflated: about 1 KB per MB, each size built once (a gigabyte takes seconds). */
export function deflatedZeros(totalMb: number): Promise<Buffer> {
  if (!zeros.has(totalMb)) zeros.set(totalMb, deflateZeros(totalMb));
  return zeros.get(totalMb)!;
}

async function deflateZeros(totalMb: number): Promise<Buffer> {
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

/** The parts of a well-formed archive we wrote ourselves (examples/): no checks, for building variants of it. */
export function unzipTrusted(zip: Buffer): [string, Buffer][] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: [string, Buffer][] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const skip = nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const local = zip.readUInt32LE(p + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + compressed);
    out.push([name, method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw)]);
    p += 46 + skip;
  }
  return out;
}

/** An archive's parts with some replaced or added (null removes one), re-zipped. */
export function rezip(zip: Buffer, change: (parts: Map<string, Buffer | string>) => void, opts: ZipOptions = {}): Buffer {
  const parts = new Map<string, Buffer | string>(unzipTrusted(zip));
  change(parts);
  return makeZip(
    [...parts].map(([name, data]) => ({ name, data })),
    opts,
  );
}
