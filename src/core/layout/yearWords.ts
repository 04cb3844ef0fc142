// The year words the form prints: 平29 / 令和元 in the trend rows, 令和元年度 in titles and sentences.
export type YearStyle = 'short' | 'letterH' | 'full' | 'fullwidth';

const FULLWIDTH_DIGITS = '０１２３４５６７８９';

/** Half-width digits as full-width (２９). */
export function toFullwidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => FULLWIDTH_DIGITS[Number(d)]!);
}

/** The first fiscal year of 平成 and of 令和 (令和元 = 平成31 = 2019). */
const HEISEI_FIRST = 1989;
const REIWA_FIRST = 2019;

function era(year: number): { name: string; short: string; letter: string; n: number } {
  if (year >= REIWA_FIRST) return { name: '令和', short: '令和', letter: 'R', n: year - REIWA_FIRST + 1 };
  if (year >= HEISEI_FIRST) return { name: '平成', short: '平', letter: 'H', n: year - HEISEI_FIRST + 1 };
  throw new RangeError(`年度 ${year} は平成・令和の範囲外です`);
}

/** Whether a year has a 平成 or 令和 word. */
export function hasEraWord(year: number): boolean {
  return Number.isInteger(year) && year >= HEISEI_FIRST;
}

/** A trend-row year word: 平29 / 令和元 (short), H29 / R1, 平成29年度 / 令和元年度, 平２９. */
export function yearLabel(year: number, style: YearStyle = 'short'): string {
  const e = era(year);
  const n = e.n === 1 ? '元' : String(e.n);
  switch (style) {
    case 'short':
      return `${e.short}${n}`;
    case 'letterH':
      return `${e.letter}${e.n}`;
    case 'full':
      return `${e.name}${n}年度`;
    case 'fullwidth':
      return toFullwidth(`${e.short}${n}`);
  }
}

/** The year word of titles and sentences: 令和元年度, 平成30年度 (full-width digits with 'fullwidth'). */
export function yearTitle(year: number, style: YearStyle = 'short'): string {
  const e = era(year);
  const s = `${e.name}${e.n === 1 ? '元' : e.n}年度`;
  return style === 'fullwidth' ? toFullwidth(s) : s;
}
