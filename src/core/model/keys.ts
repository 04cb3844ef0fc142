// The logical field keys of the form spec §3 and the form's own vocabulary (row letters, column codes, categories).

export const TREND_ROWS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type TrendRow = (typeof TREND_ROWS)[number];

export type Stage = '実績' | '修正目標' | '当初目標';

/** Row meaning relative to the reported year N (spec §2). */
export const TREND_ROW_DEF: Record<TrendRow, { offset: number; stage: Stage }> = {
  A: { offset: -2, stage: '実績' },
  B: { offset: -1, stage: '実績' },
  C: { offset: 0, stage: '修正目標' },
  D: { offset: 0, stage: '実績' },
  E: { offset: 1, stage: '当初目標' },
  F: { offset: 1, stage: '修正目標' },
  G: { offset: 2, stage: '当初目標' },
};

export const TREND_CODES = [
  'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ',
  "ウ'", "エ'", "オ'", "カ'", "キ'", "ク'", "ケ'",
  "キ''", "ク''", "ケ''",
] as const;
export type TrendCode = (typeof TREND_CODES)[number];

/** Inputs typed by the user (色付け箇所); ア is typed only in row A, elsewhere it carries. */
export const TREND_INPUTS: readonly TrendCode[] = ['ア', 'ウ', 'エ', 'オ', "ウ'", "エ'", "オ'"];
export const TREND_RATES: readonly TrendCode[] = ['キ', 'ク', "キ'", "ク'", "キ''", "ク''"];
export const TREND_BALANCES: readonly TrendCode[] = ['ケ', "ケ'", "ケ''"];

export function isTrendCode(s: string): s is TrendCode {
  return (TREND_CODES as readonly string[]).includes(s);
}

/** Carry chain: ア of a row = ケ'' of the row it starts from. */
export const CARRY_FROM: Partial<Record<TrendRow, TrendRow>> = { B: 'A', C: 'B', D: 'B', E: 'C', F: 'D', G: 'F' };

/** Status categories ①–⑯ with the unnumbered ⑮-2 between ⑮ and ⑯. */
export const COLLECT_CATEGORIES = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export const SETTLE_CATEGORIES = ['10', '11', '12', '13', '14', '15', '15-2', '16'] as const;
export const CATEGORIES = [...COLLECT_CATEGORIES, ...SETTLE_CATEGORIES] as const;
export type Category = (typeof CATEGORIES)[number];
export type StatusColumn = Category | 'collect' | 'settle' | 'total';
/** Categories that exist only for 強制徴収公債権. ⑮ is printed 【強制公】 on some forms but is not one (spec §4). */
export const ENFORCED_ONLY: readonly Category[] = ['4', '5', '10', '14'];

export type Part = 'past' | 'current';
export const PARTS: readonly Part[] = ['past', 'current'];
export type Measure = 'count' | 'balance';

export const HEADER_FIELDS = ['bureau', 'section', 'claimNo', 'claimType', 'claimName'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

export const RATING_COLUMNS = ['past', 'current', 'total'] as const;
export type RatingColumn = (typeof RATING_COLUMNS)[number];

export const NARRATIVE_VERIFY_ROWS = ['取組内容', '取組実績', '課題', '改善策'] as const;

// Trend keys are looked up thousands of times per check: build each string once.
const TREND_KEYS = new Map(TREND_ROWS.map((r) => [r, new Map(TREND_CODES.map((c) => [c, `trend.${r}.${c}`]))]));

const STATUS_KEYS = new Map(
  (['past', 'current'] as const).flatMap((p) =>
    (['count', 'balance'] as const).flatMap((m) =>
      [...CATEGORIES, 'collect', 'settle', 'total'].map((c) => [`${p}.${m}.${c}`, `status.${p}.${m}.${c}`] as const),
    ),
  ),
);

export const key = {
  trend: (row: TrendRow, code: TrendCode) => TREND_KEYS.get(row)?.get(code) ?? `trend.${row}.${code}`,
  status: (part: Part, m: Measure, col: StatusColumn) => STATUS_KEYS.get(`${part}.${m}.${col}`) ?? `status.${part}.${m}.${col}`,
  header: (f: HeaderField) => `header.${f}`,
  rating: (c: RatingColumn) => `rating.${c}`,
  summary: (f: 'debtors' | 'cases' | 'balance') => `summary.${f}`,
  verify: (part: Part, row: (typeof NARRATIVE_VERIFY_ROWS)[number]) => `narrative.verify.${part}.${row}`,
  plan: (part: Part) => `narrative.plan.${part}.取組内容`,
};
