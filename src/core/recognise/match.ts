// Label scores and section headings: how much a cell's text looks like a label the form prints, however it was
// retyped. Every part of the form is found through these, never through equality with one spelling.
import { circledNumber, labelKey } from '../text/normalize';

/** A label the form prints, with the spellings staff use for it. Keys are compared after labelKey. */
export interface LabelSpec {
  /** Spellings (labelKey is applied when the spec is built). */
  names: readonly string[];
  /** Words that, anywhere in the cell, mean it is some other label (債権区分 is not 債権名). */
  not?: RegExp;
}

export interface CompiledSpec {
  names: readonly string[];
  not?: RegExp;
}

export function compile(spec: LabelSpec): CompiledSpec {
  const out: CompiledSpec = { names: spec.names.map(labelKey) };
  if (spec.not) out.not = spec.not;
  return out;
}

/** How many characters a label may carry beyond a known spelling and still be that label (担当者, 課題等, 債権名称). */
const SHORT_SUFFIX = 3;
/** A longer tail (「債権名(必ず記入)」 after punctuation is gone) still counts, with less weight. */
const LONG_SUFFIX = 10;
/**
 * Scores for a spelling at the start, the end or inside the cell, with a short / long / longer tail. A label
 * starts with its name (担当者, 債権名称); a qualifier before it (今後の改善策) is rarer; a name inside a sentence is
 * a mention, below the threshold once the sentence is long.
 */
const SCORES = {
  starts: [0.9, 0.7, 0.4],
  ends: [0.8, 0.5, 0],
  contains: [0.6, 0.4, 0],
} as const;

/**
 * Score in [0, 1] of a label key against a spec: 1 for a known spelling, less as the cell says more than the label.
 * 0 when the cell names another label (spec.not) or does not start with / end with / contain a spelling.
 */
export function scoreKey(key: string, spec: CompiledSpec): number {
  if (key === '' || (spec.not && spec.not.test(key))) return 0;
  let best = 0;
  for (const name of spec.names) {
    if (key === name) return 1;
    const extra = key.length - name.length;
    if (extra < 0) continue;
    let s = 0;
    const w = key.startsWith(name) ? SCORES.starts : key.endsWith(name) ? SCORES.ends : key.includes(name) ? SCORES.contains : null;
    if (w) s = extra <= SHORT_SUFFIX ? w[0] : extra <= LONG_SUFFIX ? w[1] : w[2];
    if (s > best) best = s;
  }
  return best;
}

export function scoreText(text: string, spec: CompiledSpec): number {
  return scoreKey(labelKey(text), spec);
}

/** A label good enough to be taken for the part it names. */
export const LABEL_THRESHOLD = 0.6;

// ---------------------------------------------------------------------------------------------
// Section headings: 「2. 未収金の推移」, 「２．未収金の推移」, 「(2) 未収金の推移」, 「Ⅱ 未収金の推移」, 「第2 …」,
// 「2」 in one cell and 「未収金の推移」 in the next, or no number at all.

export interface Heading {
  /** The printed section number, or null when the heading has none. */
  number: number | null;
  /** The heading's text after its number, as a label key. */
  text: string;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6 };
const KANJI: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** Number prefixes of a heading, tried on the NFKC text (Ⅱ is II there, ２ is 2). */
const NUMBER_PREFIX = [
  /^第?([1-9])(?:章|節)?(?:[.,、)\]:：]|\s|$)/,
  /^[([]([1-9])[)\]]/,
  /^(VI|IV|V|I{1,3})(?:[.,、)\]:：]|\s|$)/,
  /^第?([一二三四五六])(?:章|節)?(?:[.,、)\]:：]|\s|$)/,
  // 「1未収金の推移」: a digit glued to the text, where the text is not a number or a year.
  /^([1-9])(?=[^\d年.,%])/,
];

function numberOf(token: string): number | null {
  if (/^[1-9]$/.test(token)) return Number(token);
  return ROMAN[token] ?? KANJI[token] ?? null;
}

/** Splits a heading into its section number and the rest. */
export function parseHeading(raw: string): Heading {
  const s = raw.normalize('NFKC').replace(/^[\s\u3000]+/, '');
  for (const re of NUMBER_PREFIX) {
    const m = re.exec(s);
    if (!m) continue;
    const n = numberOf(m[1]!);
    if (n === null) continue;
    return { number: n, text: labelKey(s.slice(m[0].length)) };
  }
  return { number: null, text: labelKey(s) };
}

/** The longest cell that can hold a section number alone: 「(２)」「第2章」「Ⅱ．」. */
const BARE_NUMBER_MAX = 5;

/** A cell that holds nothing but a section number (「2.」「(2)」「Ⅱ」「２」): its heading text is in the next cell. */
export function isBareSectionNumber(raw: string): boolean {
  if (raw.trim().length > BARE_NUMBER_MAX) return false;
  const h = parseHeading(raw);
  return h.number !== null && h.text === '';
}

/**
 * The number a row or column heading starts with — ①, (3), 3, 「①\n滞納発生直後…」, 「5 執行停止…」 — when it is
 * between 1 and `limit`; null otherwise (an amount, a year, a plain word).
 */
export function leadingNumber(raw: string, firstLine: string, limit: number): number | null {
  const c = circledNumber(firstLine[0] ?? '');
  if (c !== null) return c <= limit ? c : null;
  const m = /^[([](\d{1,2})[)\]]/.exec(firstLine) ?? /^(\d{1,2})(?:[.、:\s]|$)(?!\d)/.exec(raw.normalize('NFKC').trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= limit ? n : null;
}
