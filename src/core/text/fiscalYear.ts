// Japanese fiscal-year words → Western year. 平成31 = 令和元 = 2019. Nothing here knows which year a survey is.
import { nfkcKeepCircled } from './normalize';

const KANJI_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "元" → 1, "12" → 12, "十二" → 12, "三十一" → 31. */
function eraNumber(s: string): number | null {
  if (s === '元') return 1;
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  const tens = m[2] ? (m[1] ? KANJI_DIGITS[m[1]]! : 1) : 0;
  const ones = m[2] ? (m[3] ? KANJI_DIGITS[m[3]]! : 0) : m[1] ? KANJI_DIGITS[m[1]]! : 0;
  const n = tens * 10 + ones;
  return n > 0 ? n : null;
}

const ERA_RE =
  /(平成|平|(?<![A-Za-z])H|令和|令|(?<![A-Za-z])R)\s*(元|\d{1,2}|[一二三四五六七八九十]{1,3})(?![\d])|((?:19|20)\d{2})\s*年/g;

export interface FiscalYearHit {
  year: number;
  index: number;
  length: number;
}

/** Every fiscal-year word in a text, in order. */
export function findFiscalYears(text: string): FiscalYearHit[] {
  const s = nfkcKeepCircled(text);
  const hits: FiscalYearHit[] = [];
  for (const m of s.matchAll(ERA_RE)) {
    if (m[3]) {
      hits.push({ year: Number(m[3]), index: m.index, length: m[0].length });
      continue;
    }
    const n = eraNumber(m[2]!);
    if (n === null) continue;
    const era = m[1]!;
    const base = era.startsWith('平') || era === 'H' ? 1988 : 2018;
    hits.push({ year: base + n, index: m.index, length: m[0].length });
  }
  return hits;
}

/** The first fiscal year named in a text, or null. */
export function parseFiscalYear(text: string): number | null {
  return findFiscalYears(text)[0]?.year ?? null;
}

/** 2019 → 令和元年度, 2018 → 平成30年度 (for messages where the form itself gives no words). */
export function fiscalYearLabel(year: number): string {
  if (year >= 2019) return `令和${year === 2019 ? '元' : year - 2018}年度`;
  if (year >= 1989) return `平成${year === 1989 ? '元' : year - 1988}年度`;
  return `${year}年度`;
}
