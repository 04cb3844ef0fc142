// Builds the package exceljs reads: the parts the check needs (the workbook's sheet list, its worksheets, the
// shared strings and the styles), found through the package's relationships as Excel finds them, checked by
// declared size before any is inflated, passed through the XML safety pass, and written under names the reader
// chooses. Every other part (images, drawings, pivot caches, external links, themes…) is never inflated.
import {
  mb,
  PART_WORDS,
  READ_ERRORS,
  tooLarge,
  type PartKind,
} from './errors';
import type { ReadLimits } from './limits';
import { storedZip, type StoredPart } from './storedZip';
import { escapeXml, utf8Xml, XML_DECLARATION } from './xmlScan';
import {
  checkSharedStrings,
  checkStyles,
  newBudget,
  readRelationships,
  readWorkbookXml,
  sanitizeWorksheet,
  type Relationship,
  type SheetEntry,
  type SheetFacts,
} from './xmlSafety';
import { extractEntry, type InflateRaw, type ZipDirectory, type ZipEntry } from './zip';

export interface SafePackage {
  /** A stored zip of the rebuilt parts. */
  zip: Uint8Array;
  /** Per sheet, in the order exceljs lists them (sheetId 1, 2, …): its merged areas and notes. */
  sheets: SheetFacts[];
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const ROOT_RELS = '_rels/.rels';
const DEFAULT_WORKBOOK = 'xl/workbook.xml';
const XLSB_WORKBOOK = 'xl/workbook.bin';
const UTF8 = new TextEncoder();

/** Relationship types end the same in transitional and strict OOXML (…/officeDocument/2006/… or purl.oclc.org). */
function isType(rel: Relationship, suffix: string): boolean {
  return rel.type.endsWith(`/${suffix}`) && rel.target !== null;
}

/** Inflates the parts, keeping the running total; every size is checked before inflating. */
class PartReader {
  private total = 0;
  constructor(
    private readonly data: Uint8Array,
    private readonly limits: ReadLimits,
    private readonly inflateRaw: InflateRaw,
  ) {}

  /** Refuses parts by their declared sizes alone, one by one and with what was already read. */
  plan(parts: readonly [ZipEntry, PartKind][]): void {
    let total = this.total;
    for (const [e, kind] of parts) {
      const size = e.uncompressedSize;
      if (size >= this.limits.bombMinEntrySize && size > this.limits.bombRatio * Math.max(1, e.compressedSize)) {
        throw READ_ERRORS.zipBomb();
      }
      if (size > this.limits.maxXmlPart) throw tooLarge(`${PART_WORDS[kind]}(展開後 ${mb(size)})が大きすぎる`);
      total += size;
    }
    if (total > this.limits.maxTotalUncompressed) throw tooLarge(`ブックの中身(展開後 ${mb(total)})が大きすぎる`);
  }

  /** A part's bytes, in UTF-8. */
  async read(e: ZipEntry, kind: PartKind): Promise<Uint8Array> {
    this.plan([[e, kind]]);
    this.total += e.uncompressedSize;
    return utf8Xml(await extractEntry(this.data, e, this.inflateRaw));
  }
}

/**
 * exceljs drops every backslash of a number format as it reads it, so 0.0\% (LibreOffice's way of writing
 * 0.0"%") would come out as 0.0%: a literal % sign (the number shown as typed) would turn into Excel's % operator
 * (the number ×100). An escaped % is passed on quoted, which means the same and survives exceljs.
 */
function quoteEscapedPercent(styles: Uint8Array): Uint8Array {
  const xml = new TextDecoder().decode(styles);
  if (!xml.includes('\\%')) return styles;
  const code = (value: string): string =>
    // Quoted text is left as it is; an escape pair is taken whole (\\ is a backslash, not an escape of what follows).
    value.replace(/(&quot;.*?&quot;)|\\([\s\S])/g, (m, quoted: string | undefined, ch: string) => (quoted === undefined && ch === '%' ? '&quot;%&quot;' : m));
  return UTF8.encode(xml.replace(/(\bformatCode=")([^"]*)"/g, (_, attr: string, value: string) => `${attr}${code(value)}"`));
}

/** "xl/workbook.xml" → folder "xl" and its relationships part "xl/_rels/workbook.xml.rels". */
function relsOf(name: string): { folder: string; rels: string } {
  const i = name.lastIndexOf('/');
  return i < 0 ? { folder: '', rels: `_rels/${name}.rels` } : { folder: name.slice(0, i), rels: `${name.slice(0, i)}/_rels/${name.slice(i + 1)}.rels` };
}

/** The part holding the workbook: the root relationships' officeDocument, else the usual name. */
async function findWorkbook(dir: ZipDirectory, parts: PartReader, limits: ReadLimits): Promise<ZipEntry> {
  let name = DEFAULT_WORKBOOK;
  const rootRels = dir.find(ROOT_RELS);
  if (rootRels) {
    const rels = readRelationships(await parts.read(rootRels, 'relationships'), '', limits);
    const main = [...rels.values()].find((r) => isType(r, 'officeDocument'));
    if (main?.target) name = main.target;
  }
  if (/\.bin$/i.test(name)) throw READ_ERRORS.xlsb();
  const entry = dir.find(name) ?? dir.find(DEFAULT_WORKBOOK);
  if (entry) return entry;
  throw dir.find(XLSB_WORKBOOK) ? READ_ERRORS.xlsb() : READ_ERRORS.notXlsx();
}

function workbookXml(sheets: readonly SheetEntry[], date1904: boolean): string {
  const list = sheets
    .map((s, i) => {
      const state = s.state === undefined ? '' : ` state="${escapeXml(s.state)}"`;
      return `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`;
    })
    .join('');
  const pr = date1904 ? '<workbookPr date1904="1"/>' : '';
  return `${XML_DECLARATION}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_RELATIONSHIPS}">${pr}<sheets>${list}</sheets></workbook>`;
}

function workbookRelsXml(sheets: number): string {
  const list = Array.from(
    { length: sheets },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `${XML_DECLARATION}<Relationships xmlns="${NS_PACKAGE_RELATIONSHIPS}">${list}</Relationships>`;
}

export async function buildSafePackage(
  data: Uint8Array,
  dir: ZipDirectory,
  limits: ReadLimits,
  inflateRaw: InflateRaw,
): Promise<SafePackage> {
  const parts = new PartReader(data, limits, inflateRaw);
  const workbook = await findWorkbook(dir, parts, limits);
  const info = readWorkbookXml(await parts.read(workbook, 'workbook'), limits);

  const { folder, rels: relsName } = relsOf(workbook.name);
  const relsEntry = dir.find(relsName);
  const rels = relsEntry ? readRelationships(await parts.read(relsEntry, 'relationships'), folder, limits) : new Map<string, Relationship>();

  // Worksheets only: chart sheets, dialog and macro sheets have no cells to check; a sheet whose part is
  // missing is skipped, as Excel's repair would drop it.
  const sheets = info.sheets.flatMap((sheet) => {
    const rel = sheet.relationshipId === undefined ? undefined : rels.get(sheet.relationshipId);
    const entry = rel && isType(rel, 'worksheet') ? dir.find(rel.target!) : undefined;
    return entry ? [{ sheet, entry }] : [];
  });
  const byType = (suffix: string, usual: string): ZipEntry | undefined => {
    const rel = [...rels.values()].find((r) => isType(r, suffix));
    return (rel && dir.find(rel.target!)) ?? dir.find(usual);
  };
  const sharedStrings = byType('sharedStrings', 'xl/sharedStrings.xml');
  const styles = byType('styles', 'xl/styles.xml');

  parts.plan([
    ...sheets.map((s): [ZipEntry, PartKind] => [s.entry, 'worksheet']),
    ...(sharedStrings ? [[sharedStrings, 'sharedStrings'] as [ZipEntry, PartKind]] : []),
    ...(styles ? [[styles, 'styles'] as [ZipEntry, PartKind]] : []),
  ]);

  const out: StoredPart[] = [
    { name: 'xl/workbook.xml', data: [UTF8.encode(workbookXml(sheets.map((s) => s.sheet), info.date1904))] },
    { name: 'xl/_rels/workbook.xml.rels', data: [UTF8.encode(workbookRelsXml(sheets.length))] },
  ];
  const budget = newBudget(limits);
  if (sharedStrings) {
    const part = await parts.read(sharedStrings, 'sharedStrings');
    checkSharedStrings(part, budget, limits);
    out.push({ name: 'xl/sharedStrings.xml', data: [part] });
  }
  if (styles) {
    const part = await parts.read(styles, 'styles');
    checkStyles(part, limits);
    out.push({ name: 'xl/styles.xml', data: [quoteEscapedPercent(part)] });
  }
  const facts: SheetFacts[] = [];
  for (const [i, s] of sheets.entries()) {
    const { xml, ...rest } = sanitizeWorksheet(await parts.read(s.entry, 'worksheet'), budget, limits);
    out.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: xml });
    facts.push(rest);
  }
  return { zip: storedZip(out), sheets: facts };
}
