// The cells of a worksheet, rebuilt for exceljs's cell parser. It knows f, v, is, t and r only: any other element
// in a cell (or in a row, or in sheetData) it takes the close of for the close of the cell itself, and from there
// on every value of the sheet is lost, numbers too. A sheet of inline strings with furigana (is › rPh and
// is › phoneticPr, as Japanese input stores them) came out of it with no value at all. So such elements are cut
// out, and an inline string that is more than one <t> becomes one <t> holding the text Excel shows: its own and
// its runs' (is › t, is › r › t) in order, escapes as written, phonetic readings (is › rPh › t) left out, and the
// runs' fonts with them (the check reads text, not formatting). A plain inline string is passed on as it is.
import type { XmlTag } from './xmlScan';

/** A span of the part [from, to) replaced by `bytes` in the rebuilt part. */
interface Cut {
  from: number;
  to: number;
  bytes: Uint8Array;
}

/** The only elements exceljs reads at each depth below sheetData (1): rows, cells, a cell's formula and value. */
const READ_BY_EXCELJS = new Map<number, ReadonlySet<string>>([
  [2, new Set(['row'])],
  [3, new Set(['c'])],
  [4, new Set(['f', 'v', 'is'])],
]);

const ENCODER = new TextEncoder();
const NOTHING = new Uint8Array(0);
const INLINE_OPEN = ENCODER.encode('<is><t xml:space="preserve">');
const INLINE_CLOSE = ENCODER.encode('</t></is>');

interface InlineString {
  start: number;
  /** Offsets of the text pieces kept, [from, to) pairs (numbers, not views: a string may have many runs). */
  texts: number[];
  /** Its children (depth 5), and whether the only one so far is a <t>. */
  children: number;
  onlyText: boolean;
  /** The child being read, and where the text of the <t> being read starts. */
  parent: string;
  textStart: number;
}

/** Fed every tag of one sheetData element (depth 1 and below), in order; then `rebuild` gives its new bytes. */
export class SheetDataRebuild {
  private readonly cuts: Cut[] = [];
  /** Cells with a value or a formula: when exceljs returns none of them, it could not read the sheet. */
  valueCells = 0;
  /** An element being cut out, by depth and start. */
  private skipping: { depth: number; start: number } | null = null;
  /** Whether the open cell has a value or a formula, and where the text of its <v> starts. */
  private cell = { filled: false, valueStart: 0 };
  private inline: InlineString | null = null;

  constructor(private readonly xml: Uint8Array) {}

  visit(t: XmlTag): void {
    if (this.skipping) {
      if (t.kind === 'close' && t.depth === this.skipping.depth) this.cut(this.skipping.start, t.end, NOTHING);
      return;
    }
    const read = READ_BY_EXCELJS.get(t.depth);
    if (read && !read.has(t.name)) {
      if (t.kind === 'empty') this.cut(t.start, t.end, NOTHING);
      else if (t.kind === 'open') this.skipping = { depth: t.depth, start: t.start };
      return;
    }
    if (t.depth === 3) this.inCell(t);
    else if (t.depth === 4) this.inCellChild(t);
    else if (t.depth >= 5 && this.inline) this.inInline(t, this.inline);
  }

  /** The sheetData element [from, to) of the part, with the cuts applied (the same bytes when there are none). */
  rebuild(from: number, to: number): Uint8Array {
    if (this.cuts.length === 0) return this.xml.subarray(from, to);
    let size = to - from;
    for (const c of this.cuts) size += c.bytes.length - (c.to - c.from);
    const out = new Uint8Array(size);
    let at = from;
    let n = 0;
    const copy = (bytes: Uint8Array): void => {
      out.set(bytes, n);
      n += bytes.length;
    };
    for (const c of this.cuts) {
      copy(this.xml.subarray(at, c.from));
      copy(c.bytes);
      at = c.to;
    }
    copy(this.xml.subarray(at, to));
    return out;
  }

  private cut(from: number, to: number, bytes: Uint8Array): void {
    this.cuts.push({ from, to, bytes });
    this.skipping = null;
  }

  private inCell(t: XmlTag): void {
    if (t.kind !== 'close') this.cell = { filled: false, valueStart: 0 };
    if (t.kind !== 'open' && this.cell.filled) this.valueCells++;
  }

  private inCellChild(t: XmlTag): void {
    if (t.name === 'f') {
      this.cell.filled ||= t.kind !== 'close';
    } else if (t.name === 'v') {
      if (t.kind === 'open') this.cell.valueStart = t.end;
      else if (t.kind === 'close') this.cell.filled ||= t.start > this.cell.valueStart;
    } else if (t.kind === 'open') {
      this.inline = { start: t.start, texts: [], children: 0, onlyText: true, parent: '', textStart: 0 };
    } else if (t.kind === 'close' && this.inline) {
      this.closeInline(this.inline, t.end);
      this.inline = null;
    }
  }

  private inInline(t: XmlTag, s: InlineString): void {
    if (t.depth === 5 && t.kind !== 'close') {
      s.children++;
      s.onlyText &&= t.name === 't';
      s.parent = t.name;
    }
    if (t.name !== 't' || !(t.depth === 5 || (t.depth === 6 && s.parent === 'r'))) return;
    if (t.kind === 'open') s.textStart = t.end;
    else if (t.kind === 'close') s.texts.push(s.textStart, t.start);
  }

  private closeInline(s: InlineString, end: number): void {
    let length = 0;
    for (let i = 0; i < s.texts.length; i += 2) length += s.texts[i + 1]! - s.texts[i]!;
    this.cell.filled ||= length > 0;
    if (s.children === 1 && s.onlyText) return;
    const bytes = new Uint8Array(INLINE_OPEN.length + length + INLINE_CLOSE.length);
    bytes.set(INLINE_OPEN);
    let n = INLINE_OPEN.length;
    for (let i = 0; i < s.texts.length; i += 2) {
      bytes.set(this.xml.subarray(s.texts[i], s.texts[i + 1]), n);
      n += s.texts[i + 1]! - s.texts[i]!;
    }
    bytes.set(INLINE_CLOSE, n);
    this.cut(s.start, end, bytes);
  }
}
