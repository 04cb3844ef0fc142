// A small, strict XML tag scanner for the parts the reader hands to exceljs. It walks every tag once, over the
// part's UTF-8 bytes (markup is ASCII, so no decoding is needed to find it), checks that the part is well formed
// (tags balanced, one root, attributes as name="value"), and refuses what an ordinary workbook never has: a DTD
// (entity expansion, external entities), nesting or attribute counts far beyond SpreadsheetML's. The safety
// pass (xmlSafety.ts) uses the tags' byte positions to copy only the elements it keeps.
import { corrupt, unsafeXml } from './errors';
import type { ReadLimits } from './limits';

export type TagKind = 'open' | 'empty' | 'close';

/** One tag; the scanner reuses the object, so read it during the callback only. */
export interface XmlTag {
  kind: TagKind;
  name: string;
  /** Byte offsets of "<" and just past ">". */
  start: number;
  end: number;
  /** The element's depth: 0 for the root. */
  depth: number;
}

export type XmlLimits = Pick<ReadLimits, 'maxXmlDepth' | 'maxAttributes'>;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** A name starts with a letter, "_" or ":" (or a non-ASCII letter, whose UTF-8 bytes are ≥ 0x80). */
function isNameStart(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a || c >= 0x80);
}

const UTF8 = new TextDecoder('utf-8');

/** Text between two offsets: names and attribute values (ASCII almost always, so decoded without a call). */
function text(xml: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) {
    const c = xml[i]!;
    if (c >= 0x80) return UTF8.decode(xml.subarray(from, to));
    s += String.fromCharCode(c);
  }
  return s;
}

function indexOfSeq(xml: Uint8Array, seq: readonly number[], from: number): number {
  for (let i = xml.indexOf(seq[0]!, from); i >= 0; i = xml.indexOf(seq[0]!, i + 1)) {
    let j = 1;
    while (j < seq.length && xml[i + j] === seq[j]) j++;
    if (j === seq.length) return i;
  }
  return -1;
}

const bytesOf = (s: string): number[] => Array.from(s, (ch) => ch.charCodeAt(0));
const COMMENT = [bytesOf('<!--'), bytesOf('-->')] as const;
const CDATA = [bytesOf('<![CDATA['), bytesOf(']]>')] as const;
const PI_END = bytesOf('?>');

function startsWith(xml: Uint8Array, at: number, seq: readonly number[]): boolean {
  for (let j = 0; j < seq.length; j++) if (xml[at + j] !== seq[j]) return false;
  return true;
}

/** Calls `visit` for every start, empty and end tag, in order; comments, CDATA and processing instructions are skipped. */
export function scanXml(xml: Uint8Array, limits: XmlLimits, visit: (tag: XmlTag) => void): void {
  const stack: string[] = [];
  const tag: XmlTag = { kind: 'open', name: '', start: 0, end: 0, depth: 0 };
  let roots = 0;
  let i = xml.indexOf(LT);
  while (i >= 0) {
    const c1 = xml[i + 1];
    if (c1 === BANG) {
      // Only comments and CDATA may start with "<!"; anything else is a DTD declaration.
      const pair = startsWith(xml, i, COMMENT[0]) ? COMMENT : startsWith(xml, i, CDATA[0]) ? CDATA : null;
      if (!pair) throw unsafeXml('dtd');
      const e = indexOfSeq(xml, pair[1], i + pair[0].length);
      if (e < 0) throw corrupt('xml');
      i = xml.indexOf(LT, e + pair[1].length);
      continue;
    }
    if (c1 === QUESTION) {
      const e = indexOfSeq(xml, PI_END, i + 2);
      if (e < 0) throw corrupt('xml');
      i = xml.indexOf(LT, e + 2);
      continue;
    }

    if (c1 === SLASH) {
      const e = xml.indexOf(GT, i + 2);
      if (e < 0) throw corrupt('xml');
      let nameEnd = e;
      while (isSpace(xml[nameEnd - 1])) nameEnd--;
      const name = text(xml, i + 2, nameEnd);
      if (stack.pop() !== name) throw corrupt('xml');
      tag.kind = 'close';
      tag.name = name;
      tag.start = i;
      tag.end = e + 1;
      tag.depth = stack.length;
      visit(tag);
      i = xml.indexOf(LT, e + 1);
      continue;
    }

    // A start or empty tag: the name, then attributes, strictly: whitespace, name, "=", a quoted value (which
    // may hold ">" or "/"). The attribute look-ups below rely on this shape.
    if (!isNameStart(c1)) throw corrupt('xml');
    let j = i + 1;
    let c = xml[j];
    while (c !== undefined && !isSpace(c) && c !== GT && c !== SLASH && c !== LT) c = xml[++j];
    const name = text(xml, i + 1, j);
    let attributes = 0;
    let end = -1;
    let kind: TagKind = 'open';
    while (end < 0) {
      const spaced = isSpace(c);
      while (isSpace(c)) c = xml[++j];
      if (c === GT) {
        end = j + 1;
      } else if (c === SLASH) {
        if (xml[j + 1] !== GT) throw corrupt('xml');
        end = j + 2;
        kind = 'empty';
      } else {
        const from = j;
        while (c !== undefined && !isSpace(c) && c !== EQUALS && c !== GT && c !== SLASH && c !== LT && c !== DQUOTE && c !== SQUOTE) {
          c = xml[++j];
        }
        if (!spaced || j === from) throw corrupt('xml');
        while (isSpace(c)) c = xml[++j];
        if (c !== EQUALS) throw corrupt('xml');
        c = xml[++j];
        while (isSpace(c)) c = xml[++j];
        if (c !== DQUOTE && c !== SQUOTE) throw corrupt('xml');
        const q = xml.indexOf(c, j + 1);
        if (q < 0) throw corrupt('xml');
        j = q + 1;
        c = xml[j];
        if (++attributes > limits.maxAttributes) throw unsafeXml('attributes');
      }
    }
    if (stack.length === 0 && roots++ > 0) throw corrupt('xml');
    if (stack.length >= limits.maxXmlDepth) throw unsafeXml('depth');
    tag.kind = kind;
    tag.name = name;
    tag.start = i;
    tag.end = end;
    tag.depth = stack.length;
    if (kind === 'open') stack.push(name);
    visit(tag);
    i = xml.indexOf(LT, end);
  }
  if (stack.length > 0 || roots === 0) throw corrupt('xml');
}

/**
 * Calls `each` with every attribute of a tag as written (entities not expanded), in order, until it returns
 * true. The scanner has checked the tag's shape, so this walks it plainly.
 */
function eachAttribute(xml: Uint8Array, tag: Pick<XmlTag, 'start' | 'end'>, each: (name: string, value: string) => boolean): void {
  let j = tag.start + 1;
  let c = xml[j];
  while (j < tag.end && !isSpace(c) && c !== GT && c !== SLASH) c = xml[++j];
  for (;;) {
    while (isSpace(c)) c = xml[++j];
    if (j >= tag.end || c === GT || c === SLASH) return;
    const from = j;
    while (!isSpace(c) && c !== EQUALS) c = xml[++j];
    const name = text(xml, from, j);
    while (c !== DQUOTE && c !== SQUOTE) c = xml[++j];
    const close = xml.indexOf(c, j + 1);
    if (each(name, text(xml, j + 1, close))) return;
    j = close + 1;
    c = xml[j];
  }
}

/** A tag's attributes as written (entities not expanded), name → value. */
export function attributes(xml: Uint8Array, tag: Pick<XmlTag, 'start' | 'end'>): Map<string, string> {
  const out = new Map<string, string>();
  eachAttribute(xml, tag, (name, value) => {
    out.set(name, value);
    return false;
  });
  return out;
}

/** One attribute's value as written (entities not expanded), or undefined. */
export function attribute(xml: Uint8Array, tag: Pick<XmlTag, 'start' | 'end'>, name: string): string | undefined {
  let found: string | undefined;
  eachAttribute(xml, tag, (n, value) => {
    if (n !== name) return false;
    found = value;
    return true;
  });
  return found;
}

/** The declaration of every part the reader writes. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Expands the five predefined entities and character references (all an XML part without a DTD can hold). */
export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]!};`);
}

/**
 * A part's bytes as UTF-8 without a byte order mark, as the scanner and exceljs read them: UTF-8 parts as they
 * are, UTF-16 ones (which XML allows, with their BOM) transcoded.
 */
export function utf8Xml(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  return utf16 ? new TextEncoder().encode(new TextDecoder(utf16).decode(bytes.subarray(2))) : bytes;
}
