// Writes the zip handed to exceljs: the parts the safety pass produced, stored (not compressed), with names the
// reader chose. exceljs then reads a package the reader wrote itself, never the sender's archive.
import { CRC_INIT, crc32Final, crc32Update } from './crc32';

export interface StoredPart {
  /** An ASCII part name. */
  name: string;
  /** The content, in pieces (written one after the other). */
  data: readonly Uint8Array[];
}

const LOCAL_SIZE = 30;
const CENTRAL_SIZE = 46;
const EOCD_SIZE = 22;
const VERSION = 20;

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}

function crc32Of(chunks: readonly Uint8Array[]): number {
  let crc = CRC_INIT;
  for (const c of chunks) crc = crc32Update(crc, c);
  return crc32Final(crc);
}

export function storedZip(parts: readonly StoredPart[]): Uint8Array {
  const names = parts.map((p) => ascii(p.name));
  const sizes = parts.map((p) => p.data.reduce((n, c) => n + c.length, 0));
  const localTotal = parts.reduce((n, _, i) => n + LOCAL_SIZE + names[i]!.length + sizes[i]!, 0);
  const centralTotal = names.reduce((n, name) => n + CENTRAL_SIZE + name.length, 0);
  const out = new Uint8Array(localTotal + centralTotal + EOCD_SIZE);
  const view = new DataView(out.buffer);
  let at = 0;
  let central = localTotal;
  parts.forEach((p, i) => {
    const name = names[i]!;
    const size = sizes[i]!;
    const crc = crc32Of(p.data);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint32(at + 14, crc, true);
    view.setUint32(at + 18, size, true);
    view.setUint32(at + 22, size, true);
    view.setUint16(at + 26, name.length, true);
    out.set(name, at + LOCAL_SIZE);
    let w = at + LOCAL_SIZE + name.length;
    for (const c of p.data) {
      out.set(c, w);
      w += c.length;
    }

    view.setUint32(central, 0x02014b50, true);
    view.setUint16(central + 4, VERSION, true);
    view.setUint16(central + 6, VERSION, true);
    view.setUint32(central + 16, crc, true);
    view.setUint32(central + 20, size, true);
    view.setUint32(central + 24, size, true);
    view.setUint16(central + 28, name.length, true);
    view.setUint32(central + 42, at, true);
    out.set(name, central + CENTRAL_SIZE);

    at += LOCAL_SIZE + name.length + size;
    central += CENTRAL_SIZE + name.length;
  });
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, parts.length, true);
  view.setUint16(central + 10, parts.length, true);
  view.setUint32(central + 12, centralTotal, true);
  view.setUint32(central + 16, localTotal, true);
  return out;
}
