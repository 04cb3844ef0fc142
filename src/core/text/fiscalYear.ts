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

/** The years a form can be made for: row A (N−2) needs a 平成 or 令和 word; the upper bound only catches typos. */
export const REPORTED_YEAR_RANGE = { first: 1991, last: 2099 } as const;

export type YearArgument = { year: number; assumed?: 'bare-reiwa' } | { error: 'empty' | 'unreadable' | 'conflict' | 'range' };

/**
 * A fiscal year typed by a person (a command's --year): every spelling the forms print (平成29年度, 平29, H29,
 * 平成31/令和元年度, 令和元, 令元, R1, 令和2, 令2, R2, full-width digits) and a Western year (2020, 2020年度). A bare
 * 「令和」 is how the published sheets print 令和元 when the 元 is lost, so it is read as 令和元 (2019) and marked
 * `assumed` for the caller to say so. The whole text must be year words; two that disagree are refused.
 */
export function parseYearArgument(text: string): YearArgument {
  const s = nfkcKeepCircled(text).replace(/\s+/g, '').toUpperCase();
  if (s === '') return { error: 'empty' };
  let year: number;
  let assumed: 'bare-reiwa' | undefined;
  const western = /^(\d{4})(?:年度?)?$/.exec(s);
  if (western) year = Number(western[1]);
  else if (/^令和(?:年度?)?$/.test(s)) {
    year = 2019;
    assumed = 'bare-reiwa';
  } else {
    const hits = findFiscalYears(s);
    let rest = s;
    for (const h of [...hits].reverse()) rest = rest.slice(0, h.index) + rest.slice(h.index + h.length);
    if (hits.length === 0 || !/^[年度/・]*$/.test(rest)) return { error: 'unreadable' };
    if (hits.some((h) => h.year !== hits[0]!.year)) return { error: 'conflict' };
    year = hits[0]!.year;
  }
  if (year < REPORTED_YEAR_RANGE.first || year > REPORTED_YEAR_RANGE.last) return { error: 'range' };
  return assumed ? { year, assumed } : { year };
}
