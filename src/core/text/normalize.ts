// Text as printed on real sheets varies: full-width digits, half-width katakana, several primes and dashes,
// labels broken over lines. Labels are compared after this normalisation, never as typed.

const CIRCLED = /[\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf]+/g;

/** NFKC everywhere except circled numbers (NFKC would turn ① into 1). */
export function nfkcKeepCircled(s: string): string {
  if (!/[\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf]/.test(s)) return s.normalize('NFKC');
  let out = '';
  let last = 0;
  for (const m of s.matchAll(CIRCLED)) {
    out += s.slice(last, m.index).normalize('NFKC') + m[0];
    last = m.index + m[0].length;
  }
  return out + s.slice(last).normalize('NFKC');
}

/** Unifies the primes used for ウ' ケ'' and friends: ' ’ ‘ ′ ´ ` → ', and ″ " → ''. */
export function unifyPrimes(s: string): string {
  if (!/[″〃"“”’‘′´`]/.test(s)) return s;
  return s.replace(/[″〃"“”]/g, "''").replace(/[’‘′´`]/g, "'");
}

/** A label for comparison: NFKC (circled numbers kept), primes unified, all white space removed. */
export function normalizeLabel(s: string): string {
  return unifyPrimes(nfkcKeepCircled(s)).replace(/\s+/g, '');
}

/** Each line of a cell's text, normalised, for labels that share a cell with others. */
export function normalizedLines(s: string): string[] {
  return unifyPrimes(nfkcKeepCircled(s))
    .split(/\r?\n|\r/)
    .map((l) => l.replace(/\s+/g, ''))
    .filter((l) => l.length > 0);
}

/** The dash variants that mean "nothing" (—): — - － ― ー ‐ − – and friends. */
export const DASH_RE = /^[-‐‑‒–—―−ーｰ－─━]$/;

/** Words that mean "nothing here" as a dash does. */
const NOTHING_RE = /^(該当なし|該当無し|なし|無し|N\/A)$/i;

export function isDash(s: string): boolean {
  const t = s.trim().normalize('NFKC');
  return DASH_RE.test(t) || NOTHING_RE.test(t);
}

const CIRCLED_NUMBERS = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** ① → 1 … ⑳ → 20; null for anything else. */
export function circledNumber(ch: string): number | null {
  const i = CIRCLED_NUMBERS.indexOf(ch);
  return i < 0 ? null : i + 1;
}

export function toCircled(n: number): string {
  return CIRCLED_NUMBERS[n - 1] ?? String(n);
}

/**
 * Punctuation, brackets and symbols that people add around a label without changing what it names
 * (「所属:」, 【所属】, 債権名(必須), 課題・改善策 …). Primes are not among them: ウ' and ウ differ.
 */
const LABEL_NOISE = /[()[\]{}【】〔〕「」『』〈〉《》<>:;,.、。・･!?~〜～_/\\*※#＝=＋+|｜"“”…‥◆◇■□●○▼▽▲△☆★\-‐‑‒–—―−ー]/g;

/** Spellings of one word that staff use interchangeably (送り仮名 and the like), folded to one. */
const WORD_VARIANTS: readonly [RegExp, string][] = [
  [/取り?組み?/g, '取組'],
  [/差し?押さ?え?/g, '差押'],
  [/見込み/g, '見込'],
];

/**
 * The key a label is compared by: NFKC (circled numbers kept), primes unified, white space, punctuation and
 * brackets removed, and common spelling variants folded. 「担当 :」「【担当】」「担 当」 all give 担当.
 */
export function labelKey(s: string): string {
  return keyOfNormalized(normalizeLabel(s));
}

/** labelKey of a text already through normalizeLabel (or its normalizedLines joined). */
export function keyOfNormalized(norm: string): string {
  let k = norm.replace(LABEL_NOISE, '');
  for (const [re, to] of WORD_VARIANTS) k = k.replace(re, to);
  return k;
}
