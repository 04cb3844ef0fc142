// Section headings of the current edition, however they are numbered or split, and never a narrative cell that
// happens to start like one.
import type { Region } from '../model/form';
import { findFiscalYears } from '../text/fiscalYear';
import { type Label, type LabelIndex } from './labels';
import { parseHeading } from './match';

export type SectionNo = 1 | 2 | 3 | 4 | 5;

/** What each heading says after its number (label keys: no spaces, punctuation or brackets). */
const SECTION_TEXT: Record<SectionNo, RegExp> = {
  1: /達成状況|達成度/,
  2: /未収金の推移|推移/,
  3: /未収金実績の状況|実績の状況|区分別|決算見込における未収|未収金の状況/,
  4: /取組内容の検証|取組の検証|検証/,
  5: /取組内容|取組予定|取組計画|取組方針/,
};

/** The heading's words stand near its start: a sentence that mentions them later is not a heading. */
const HEADING_WINDOW = 32;

function saysSection(text: string, n: SectionNo): boolean {
  const head = text.slice(0, HEADING_WINDOW);
  if (!SECTION_TEXT[n].test(head)) return false;
  if (n === 5 && /検証/.test(head)) return false;
  return true;
}

const SUMMARY_FIELD = /における(債務者数|未収債権の?件数|未収金の?残高)/;

const sectionCache = new WeakMap<Label, SectionNo | null>();

/** Which section a heading cell names, if any (worked out once per cell). */
export function sectionOf(l: Label): SectionNo | null {
  let n = sectionCache.get(l);
  if (n === undefined) {
    n = readSection(l);
    sectionCache.set(l, n);
  }
  return n;
}

/** Any section's words: most cells have none and need no closer look. */
const ANY_SECTION = new RegExp(Object.values(SECTION_TEXT).map((re) => re.source).join('|'));

/** Unnumbered headings must carry their section's words. */
function readSection(l: Label): SectionNo | null {
  if (!ANY_SECTION.test(l.key)) return null;
  const h = parseHeading(l.raw);
  if (h.number !== null) {
    if (h.number < 1 || h.number > 5) return null;
    const n = h.number as SectionNo;
    return saysSection(h.text, n) ? n : null;
  }
  // Without a number, the words alone, and the words that come first: 「令和2年度の取組内容 …「1. …の達成状況」…」
  // is section 5 although it quotes section 1. 「取組内容」 alone is a row label of sections 4 and 5, not a
  // heading, nor is 「取組内容(過年度)」, so section 4 and 5 headings without a number must say more (取組, a year).
  let found: { n: SectionNo; at: number } | null = null;
  for (const n of [1, 2, 3, 4, 5] as const) {
    if (!saysSection(h.text, n)) continue;
    if (n === 5 && findFiscalYears(h.text).length === 0 && !/翌年度|来年度|次年度/.test(h.text)) continue;
    if (n === 4 && !/取組/.test(h.text)) continue;
    // 「令和元年度決算見込における未収債権の件数…」 labels a summary field (wherever it stands), not section 3.
    if (n === 3 && SUMMARY_FIELD.test(h.text)) continue;
    const at = h.text.search(SECTION_TEXT[n]);
    if (!found || at < found.at) found = { n, at };
  }
  return found?.n ?? null;
}

/** A heading begins its row within the form: a cell with a label to its left is a value (a narrative cell). */
function beginsRow(index: LabelIndex, l: Label, left: number): boolean {
  return !index.row(l.row).some((x) => x.col < l.col && x.col >= left);
}

export type Headings = Partial<Record<SectionNo, Label>>;

/** Candidates for every section in a region, in row order. */
export function headingCandidates(index: LabelIndex, region: Region): Map<SectionNo, Label[]> {
  const out = new Map<SectionNo, Label[]>();
  for (const l of index.find(region, () => true, index.headings)) {
    const n = sectionOf(l);
    if (n === null || !beginsRow(index, l, region.left)) continue;
    const list = out.get(n);
    if (list) list.push(l);
    else out.set(n, [l]);
  }
  return out;
}
