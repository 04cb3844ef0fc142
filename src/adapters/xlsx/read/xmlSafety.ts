// The XML safety pass: every part the reader hands to exceljs goes through here first. A worksheet is rebuilt
// from the elements the check needs (the cells and the merged areas) plus the data validations, conditional
// formats and hyperlinks small enough for exceljs to expand; the rest (drawings, tables, column widths, page
// setup, extensions…) never reaches it; inside sheetData, only what exceljs's cell parser reads (sheetData.ts).
// Addresses are checked against Excel's own bounds (exceljs indexes arrays by row number), counts against the
// limits, and what is left out for its size becomes a note.
// The workbook, relationship, shared-string and style parts are read for the few things the package needs.
import { a1, type MergedArea } from '../../../core/grid';
import {
  corrupt,
  count,
  droppedNote,
  tooLarge,
  tooManyCells,
  type AnnotationKind,
  type Dropped,
} from './errors';
import { EXCEL_MAX_COL, EXCEL_MAX_ROW, type ReadLimits } from './limits';
import { SheetDataRebuild } from './sheetData';
import { attribute, attributes, scanXml, unescapeXml, XML_DECLARATION, type XmlTag } from './xmlScan';

// ---------------------------------------------------------------------------------------------
// Addresses and ranges

const CELL_REF = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;
const ROW_NUMBER = /^[1-9][0-9]{0,6}$/;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B12" → 1-based row and column within Excel's bounds, or null. */
function cellRef(ref: string): { row: number; col: number } | null {
  const m = CELL_REF.exec(ref);
  if (!m) return null;
  const row = Number(m[2]);
  const col = colNumber(m[1]!);
  return row <= EXCEL_MAX_ROW && col <= EXCEL_MAX_COL ? { row, col } : null;
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1", "A1:B2", and the whole-column and whole-row forms "F:F", "3:5" ($ allowed); null when unreadable. */
export function parseArea(ref: string): { area: Area; plain: boolean } | null {
  const bare = ref.replace(/\$/g, '');
  const [a, b, extra] = bare.split(':');
  if (a === undefined || extra !== undefined) return null;
  const p = cellRef(a);
  const q = b === undefined ? p : cellRef(b);
  if (p && q) {
    const area = { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
    return { area, plain: bare === ref };
  }
  if (b === undefined) return null;
  if (/^[A-Z]{1,3}$/.test(a) && /^[A-Z]{1,3}$/.test(b)) {
    const l = colNumber(a);
    const r = colNumber(b);
    if (Math.max(l, r) > EXCEL_MAX_COL) return null;
    return { area: { top: 1, left: Math.min(l, r), bottom: EXCEL_MAX_ROW, right: Math.max(l, r) }, plain: false };
  }
  if (ROW_NUMBER.test(a) && ROW_NUMBER.test(b)) {
    const t = Number(a);
    const u = Number(b);
    if (Math.max(t, u) > EXCEL_MAX_ROW) return null;
    return { area: { top: Math.min(t, u), left: 1, bottom: Math.max(t, u), right: EXCEL_MAX_COL }, plain: false };
  }
  return null;
}

function cellsIn(a: Area): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

/** Written by the reader from the numbers it parsed, never copied from the file. */
function areaText(a: Area): string {
  const from = a1(a.top - 1, a.left - 1);
  return a.top === a.bottom && a.left === a.right ? from : `${from}:${a1(a.bottom - 1, a.right - 1)}`;
}

const UNREADABLE_RANGE = '読めない範囲';

interface RangeList {
  cells: number;
  /** How a note names each range. */
  names: string[];
  /** Plain A1 ranges only, which exceljs can take (it fails on "F:F" and "$A$1"). */
  plain: boolean;
  /** Some range could not be read, or is written in a way Excel never writes here ("$A$1"). */
  odd: boolean;
}

/** A space-separated list of ranges (sqref). */
function rangeList(value: string | undefined): RangeList {
  const tokens = (value ?? '').trim().split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0) return { cells: 0, names: [UNREADABLE_RANGE], plain: false, odd: true };
  const out: RangeList = { cells: 0, names: [], plain: true, odd: false };
  for (const t of tokens) {
    const parsed = parseArea(t);
    out.plain &&= parsed?.plain ?? false;
    out.odd ||= !parsed || t.includes('$');
    out.cells += parsed ? cellsIn(parsed.area) : 0;
    out.names.push(parsed ? areaText(parsed.area) : UNREADABLE_RANGE);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Worksheets

/** What the whole workbook may still spend: shared by its sheets, in order. */
export interface Budget {
  /** Rows, cells and merged cells left. */
  cells: number;
  /** Cells that kept validations, conditional formats and hyperlinks may still cover. */
  annotated: number;
  /** Pairs of merged areas on one sheet that exceljs may still compare. */
  mergePairs: number;
  /** Formula text exceljs may still hold, shared formulas written out per cell. */
  formulaChars: number;
  /** Row numbers exceljs may still walk (each sheet up to its last row). */
  rowSpan: number;
}

export function newBudget(limits: ReadLimits): Budget {
  return {
    cells: limits.maxCells,
    annotated: limits.maxAnnotatedCells,
    mergePairs: limits.maxMergePairs,
    formulaChars: limits.maxFormulaChars,
    rowSpan: limits.maxRowSpan,
  };
}

/** What the pass read of a sheet for its Grid, beside the cells exceljs reads. */
export interface SheetFacts {
  /** The merged areas, 0-based (the Grid takes them from here, not from exceljs's model). */
  merges: MergedArea[];
  /** Cells written with a value or a formula: when exceljs returns none of them, it could not read the sheet. */
  valueCells: number;
  /** What was left out for its size, in Japanese (one line, or none). */
  notes: string[];
}

export interface SafeSheet extends SheetFacts {
  /** The rebuilt part, in pieces (mostly views of the original bytes). */
  xml: Uint8Array[];
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder('utf-8');
const DECLARATION = ENCODER.encode(XML_DECLARATION);

interface Group {
  child: string;
  kind: AnnotationKind;
  rangeAttribute: string;
}

/** The containers whose range-bearing children are kept or dropped one by one. */
const GROUPS = new Map<string, Group>([
  ['dataValidations', { child: 'dataValidation', kind: 'dataValidation', rangeAttribute: 'sqref' }],
  ['hyperlinks', { child: 'hyperlink', kind: 'hyperlink', rangeAttribute: 'ref' }],
]);

/** exceljs resolves r:id against the sheet's relationships, which the rebuilt package does not carry. */
const RELATIONSHIP_ID = /\s[^\s=/>]+:id\s*=\s*(?:"[^"]*"|'[^']*')/g;

/** A formula element being read: where its text starts, and what kind of shared formula it is. */
interface OpenFormula {
  start: number;
  shared: boolean;
  si: string | undefined;
  master: boolean;
}

/** Spends from the workbook's cells, refusing once they are gone. */
function spendCells(budget: Budget, n: number, limits: ReadLimits): void {
  budget.cells -= n;
  if (budget.cells < 0) {
    throw tooManyCells(`セルの数(行・結合範囲・書式付き文字列の区切りなどを含めて ${count(limits.maxCells)} 個超)が多すぎる`);
  }
}

/** Rebuilds one worksheet part for exceljs; throws on what must not be read at all. */
export function sanitizeWorksheet(xml: Uint8Array, budget: Budget, limits: ReadLimits): SafeSheet {
  const kept: Uint8Array[] = [];
  const dropped = new Map<AnnotationKind, Dropped & { ranges: string[] }>();
  let root: { name: string; open: Uint8Array; empty: boolean } = { name: '', open: new Uint8Array(0), empty: false };
  /** The worksheet's child being read; a conditional format is decided at its end, once its rules are counted. */
  let child: { name: string; start: number; keep: boolean; sqref?: string | undefined; rules: number } | null = null;
  let members: string[] = [];
  let member: { start: number; keep: boolean } | null = null;
  const merges: MergedArea[] = [];
  let cells = new SheetDataRebuild(xml);
  let valueCells = 0;
  /** The sheet's extent, 1-based: exceljs makes a column object for every column up to the last one used. */
  let lastRow = 0;
  let lastCol = 0;
  const reach = (row: number, col: number): void => {
    lastRow = Math.max(lastRow, row);
    lastCol = Math.max(lastCol, col);
  };

  /**
   * Keeps a range-bearing element if the workbook's budget still covers it (its cells, and its rules for a
   * conditional format: exceljs keeps a model of each), else records it as left out.
   */
  const decide = (kind: AnnotationKind, value: string | undefined, rules = 0): boolean => {
    const r = rangeList(value);
    if (r.plain && r.cells + rules <= budget.annotated) {
      budget.annotated -= r.cells + rules;
      return true;
    }
    const d = dropped.get(kind) ?? { kind, elements: 0, ranges: [], unreadable: false };
    d.elements++;
    d.ranges.push(...r.names);
    d.unreadable ||= r.odd;
    dropped.set(kind, d);
    return false;
  };

  const spend = (n: number): void => spendCells(budget, n, limits);

  /** Shared formulas of this sheet: the master's text length by its si (exceljs keeps them per sheet). */
  const masters = new Map<string, number>();
  let formula: OpenFormula | null = null;
  const spendFormula = (n: number): void => {
    budget.formulaChars -= n;
    if (budget.formulaChars < 0) throw tooLarge(`数式の量(${count(limits.maxFormulaChars)} 文字超)が多すぎる`);
  };
  /**
   * A formula costs its text; a shared formula's follower without text of its own costs its master's text,
   * which exceljs writes out again for that cell.
   */
  const inFormula = (t: XmlTag): void => {
    if (t.kind !== 'close') {
      const shared = attribute(xml, t, 't') === 'shared';
      formula = { start: t.end, shared, si: attribute(xml, t, 'si'), master: shared && attribute(xml, t, 'ref') !== undefined };
    }
    if (t.kind === 'open' || !formula) return;
    const f: OpenFormula = formula;
    formula = null;
    const length = t.kind === 'close' ? t.start - f.start : 0;
    if (f.master && f.si !== undefined) masters.set(f.si, length);
    spendFormula(length === 0 && f.shared && !f.master && f.si !== undefined ? (masters.get(f.si) ?? 0) : length);
  };

  const inSheetData = (t: XmlTag): void => {
    cells.visit(t);
    if (t.depth === 4 && t.name === 'f') return inFormula(t);
    if (t.kind === 'close') return;
    if (t.depth === 2 && t.name === 'row') {
      const r = attribute(xml, t, 'r');
      if (r !== undefined && !(ROW_NUMBER.test(r) && Number(r) <= EXCEL_MAX_ROW)) throw corrupt('address');
      if (r !== undefined) reach(Number(r), 0);
      spend(1);
    } else if (t.depth === 3 && t.name === 'c') {
      const r = attribute(xml, t, 'r');
      const at = r === undefined ? null : cellRef(r);
      if (r !== undefined && !at) throw corrupt('address');
      if (at) reach(at.row, at.col);
      spend(1);
    }
  };

  const inMergeCells = (t: XmlTag): void => {
    if (t.kind === 'close' || t.depth !== 2 || t.name !== 'mergeCell') return;
    const parsed = parseArea(attribute(xml, t, 'ref') ?? '');
    if (!parsed) throw corrupt('address');
    if (merges.length >= limits.maxMergesPerSheet) {
      throw tooManyCells(`1 枚のシートに結合セルの範囲が多すぎる(${count(limits.maxMergesPerSheet)} 個超)`);
    }
    // exceljs compares each new merged area with every earlier one on its sheet.
    budget.mergePairs -= merges.length;
    if (budget.mergePairs < 0) throw tooManyCells('ブック全体で結合セルの範囲が多すぎる');
    // exceljs makes an object of every cell of a merged area.
    const a = parsed.area;
    spend(cellsIn(a));
    reach(a.bottom, a.right);
    merges.push({ top: a.top - 1, left: a.left - 1, bottom: a.bottom - 1, right: a.right - 1 });
  };

  const inGroup = (t: XmlTag, spec: Group): void => {
    if (t.depth !== 2 || t.name !== spec.child) return;
    if (t.kind !== 'close') member = { start: t.start, keep: decide(spec.kind, attribute(xml, t, spec.rangeAttribute)) };
    if (t.kind !== 'open' && member) {
      if (member.keep) members.push(DECODER.decode(xml.subarray(member.start, t.end)).replace(RELATIONSHIP_ID, ''));
      member = null;
    }
  };

  const close = (end: number): void => {
    if (!child) return;
    if (child.name === 'conditionalFormatting') child.keep = decide('conditionalFormatting', child.sqref, child.rules);
    if (GROUPS.has(child.name)) {
      if (members.length > 0) kept.push(ENCODER.encode(`<${child.name}>${members.join('')}</${child.name}>`));
      members = [];
    } else if (child.name === 'sheetData') {
      kept.push(cells.rebuild(child.start, end));
      valueCells += cells.valueCells;
      cells = new SheetDataRebuild(xml);
    } else if (child.keep) {
      kept.push(xml.subarray(child.start, end));
    }
    child = null;
  };

  scanXml(xml, limits, (t) => {
    if (t.depth === 0) {
      if (t.kind !== 'close') root = { name: t.name, open: xml.subarray(t.start, t.end), empty: t.kind === 'empty' };
      return;
    }
    if (t.depth === 1) {
      if (t.kind === 'close') return close(t.end);
      const keep = t.name === 'sheetData' || t.name === 'mergeCells';
      const sqref = t.name === 'conditionalFormatting' ? attribute(xml, t, 'sqref') : undefined;
      child = { name: t.name, start: t.start, keep, sqref, rules: 0 };
      if (t.kind === 'empty') close(t.end);
      return;
    }
    if (!child) return;
    const name = child.name;
    const group = GROUPS.get(name);
    if (name === 'sheetData') inSheetData(t);
    else if (name === 'mergeCells') inMergeCells(t);
    else if (group) inGroup(t, group);
    else if (name === 'conditionalFormatting' && t.depth === 2 && t.kind !== 'close' && t.name === 'cfRule') child.rules++;
  });

  // The extent's own cost: a column object per column up to the last, and a walk over every row number.
  spend(lastCol);
  budget.rowSpan -= lastRow;
  if (budget.rowSpan < 0) throw tooManyCells(`使われている行の範囲(ブック全体で ${count(limits.maxRowSpan)} 行超)が広すぎる`);

  const notes = dropped.size > 0 ? [droppedNote([...dropped.values()])] : [];
  const body = root.empty ? [root.open] : [root.open, ...kept, ENCODER.encode(`</${root.name}>`)];
  return { xml: [DECLARATION, ...body], merges, valueCells, notes };
}

// ---------------------------------------------------------------------------------------------
// Shared strings and styles: passed on as they are, once counted.

/**
 * Counts the shared strings, refusing past the limit as soon as it is reached; their rich-text runs (si › r)
 * are spent from the workbook's cells (exceljs makes an object of each, with its font).
 */
export function checkSharedStrings(xml: Uint8Array, budget: Budget, limits: ReadLimits): void {
  let n = 0;
  scanXml(xml, limits, (t) => {
    if (t.kind === 'close') return;
    if (t.depth === 1 && t.name === 'si' && ++n > limits.maxSharedStrings) {
      throw tooLarge(`共有文字列の数(${count(limits.maxSharedStrings)} 個超)が多すぎる`);
    }
    if (t.depth === 2 && t.name === 'r') spendCells(budget, 1, limits);
  });
}

/** The collections of styles.xml whose children are style records. */
const STYLE_COLLECTIONS = new Set(['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs']);

export function checkStyles(xml: Uint8Array, limits: ReadLimits): void {
  let n = 0;
  let collection = '';
  scanXml(xml, limits, (t) => {
    if (t.depth === 1 && t.kind !== 'close') collection = t.name;
    if (t.depth === 2 && t.kind !== 'close' && STYLE_COLLECTIONS.has(collection) && ++n > limits.maxStyleRecords) {
      throw tooLarge(`書式の定義の数(${count(limits.maxStyleRecords)} 個超)が多すぎる`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The workbook and relationship parts

export interface SheetEntry {
  /** The sheet's name, entities expanded. */
  name: string;
  state: string | undefined;
  relationshipId: string | undefined;
}

/** Longest sheet name taken (Excel's own limit is 31 characters). */
const MAX_SHEET_NAME = 255;

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
}

/** The sheets listed in workbook.xml, in tab order, and its 1904 date system flag. */
export function readWorkbookXml(xml: Uint8Array, limits: ReadLimits): WorkbookInfo {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let section = '';
  scanXml(xml, limits, (t) => {
    if (t.kind === 'close') return;
    if (t.depth === 1) {
      section = t.name;
      if (t.name === 'workbookPr') date1904 = /^(1|true)$/.test(attribute(xml, t, 'date1904') ?? '');
      return;
    }
    if (t.depth !== 2 || section !== 'sheets' || t.name !== 'sheet') return;
    if (sheets.length >= limits.maxSheets) throw tooLarge(`シートの数(${count(limits.maxSheets)} 枚超)が多すぎる`);
    const attrs = attributes(xml, t);
    // The relationship id is r:id, whatever prefix the file bound to the relationships namespace.
    const rid = [...attrs].find(([k]) => k.endsWith(':id'))?.[1];
    const name = attrs.get('name');
    const state = attrs.get('state');
    sheets.push({
      name: unescapeXml(name ?? ''),
      state: state === undefined ? undefined : unescapeXml(state),
      relationshipId: rid === undefined ? undefined : unescapeXml(rid),
    });
  });
  const seen = new Set<string>();
  for (const s of sheets) {
    // Excel allows 31 characters; other programs a little more. A name beyond any of them would flood the report.
    if (s.name.length > MAX_SHEET_NAME) throw corrupt('sheetName');
    const key = s.name.toLowerCase();
    if (seen.has(key)) throw corrupt('sheetNames');
    seen.add(key);
  }
  return { sheets, date1904 };
}

export interface Relationship {
  type: string;
  /** The target as a part name (resolved against the source part's folder), or null when it points outside. */
  target: string | null;
}

/** Resolves a relationship target against the folder of its source part ("" for the package root). */
export function resolveTarget(folder: string, target: string): string | null {
  const path = target.startsWith('/') ? target.slice(1) : folder === '' ? target : `${folder}/${target}`;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else {
      out.push(seg);
    }
  }
  return out.length > 0 ? out.join('/') : null;
}

/** The internal relationships of a .rels part, by id. */
export function readRelationships(xml: Uint8Array, folder: string, limits: ReadLimits): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  scanXml(xml, limits, (t) => {
    if (t.kind === 'close' || t.depth !== 1 || t.name !== 'Relationship') return;
    const attrs = attributes(xml, t);
    const id = attrs.get('Id');
    const target = attrs.get('Target');
    if (id === undefined || target === undefined || attrs.get('TargetMode') === 'External') return;
    out.set(unescapeXml(id), { type: unescapeXml(attrs.get('Type') ?? ''), target: resolveTarget(folder, unescapeXml(target)) });
  });
  return out;
}
