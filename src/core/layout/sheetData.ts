// The content of one filled-in form, independent of where its cells sit: what the layouts render
// and what the seed fixtures (test/fixtures/seeds) hold. Amounts in 千円, rates in printed percent (44.4).
import { z } from 'zod';
import {
  CATEGORIES,
  HEADER_FIELDS,
  NARRATIVE_VERIFY_ROWS,
  RATING_COLUMNS,
  TREND_CODES,
  TREND_ROWS,
  type Category,
  type TrendCode,
  type TrendRow,
} from '../model/keys';

const num = z.number().nullable();
const text = z.string();

/**
 * One trend row: code → value. A code left out is a blank cell. null is a blank amount, or for a rate
 * the dash the form prints when the denominator is 0 — so a row whose current-year block was cleared
 * leaves those codes out instead of writing null.
 */
export const TrendRowSchema = z.partialRecord(z.enum(TREND_CODES), num);
export type TrendRowData = Partial<Record<TrendCode, number | null>>;

/** Whole rows may be absent (null): no 平29 row was filled in. */
export const TrendSchema = z.object(
  Object.fromEntries(TREND_ROWS.map((r) => [r, TrendRowSchema.nullable()])) as Record<
    TrendRow,
    z.ZodNullable<typeof TrendRowSchema>
  >,
);
export type TrendData = Record<TrendRow, TrendRowData | null>;

export const STATUS_COLUMNS = [...CATEGORIES, 'collect', 'settle', 'total'] as const;
export type StatusColumnKey = (typeof STATUS_COLUMNS)[number];

/** One row of section 3 (a count or a balance row): column → value; absent or null = blank. */
export const StatusRowSchema = z.partialRecord(z.enum(STATUS_COLUMNS), num);
export type StatusRowData = Partial<Record<StatusColumnKey, number | null>>;

const StatusPartSchema = z.object({ count: StatusRowSchema, balance: StatusRowSchema });
export const CategoriesSchema = z.object({ past: StatusPartSchema, current: StatusPartSchema });
export type CategoriesData = z.infer<typeof CategoriesSchema>;

export const HeaderSchema = z.object(
  Object.fromEntries(HEADER_FIELDS.map((f) => [f, text])) as Record<(typeof HEADER_FIELDS)[number], z.ZodString>,
);
export const RatingsSchema = z.object(
  Object.fromEntries(RATING_COLUMNS.map((c) => [c, text.nullable()])) as Record<
    (typeof RATING_COLUMNS)[number],
    z.ZodNullable<z.ZodString>
  >,
);
export const SummarySchema = z.object({ debtors: num, cases: num, balance: num });

const VerifySchema = z.object(
  Object.fromEntries(NARRATIVE_VERIFY_ROWS.map((r) => [r, text])) as Record<
    (typeof NARRATIVE_VERIFY_ROWS)[number],
    z.ZodString
  >,
);
export const NarrativeSchema = z.object({
  verify: z.object({ past: VerifySchema, current: VerifySchema }),
  plan: z.object({ past: text, current: text }),
});
export type NarrativeData = z.infer<typeof NarrativeSchema>;

/** One current-edition form (未収金目標及び具体取組内容調査書). */
export const SheetDataSchema = z.object({
  header: HeaderSchema,
  ratings: RatingsSchema,
  trend: TrendSchema,
  categories: CategoriesSchema,
  summary: SummarySchema,
  narrative: NarrativeSchema,
});
export type SheetData = z.infer<typeof SheetDataSchema>;

// ---------------------------------------------------------------------------------------------
// Older edition (未収債権の目標及び具体処理策). Periods are year-free: N is the reported year.

export const OLDER_PERIODS = ['N-1実績', 'N目標', 'N実績', 'N+1目標'] as const;
export type OlderPeriod = (typeof OLDER_PERIODS)[number];
export const OLDER_STATUS_ROWS = [
  'total',
  'currentYear',
  'pastYears',
  'collectSubtotal',
  '1',
  '2',
  '3',
  'settleSubtotal',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
] as const;
export type OlderStatusRow = (typeof OLDER_STATUS_ROWS)[number];

const PeriodValuesSchema = z.partialRecord(z.enum(OLDER_PERIODS), num);
const OlderRatesPartSchema = z.object({ collection: PeriodValuesSchema, settlement: PeriodValuesSchema }).nullable();
const OlderStatusEntrySchema = z.object({ count: num.optional(), amount: num.optional(), debtors: num.optional() });
const OlderVerifySchema = z.object({ 取組内容の検証: text, 課題: text });

export const OlderSheetDataSchema = z.object({
  /** claimType as printed: 私債権 | 公債権(強制徴収できない) | 公債権(強制徴収できる). */
  header: z.object({ affiliation: text, claimName: text, claimType: text }),
  /** Section 2, 千円. */
  balance: PeriodValuesSchema,
  /** Section 3, percent as printed; a part is null when the sheet has no such claims. */
  rates: z.object({ current: OlderRatesPartSchema, past: OlderRatesPartSchema }),
  /** Section 4, 千円; absent rows are blank. */
  status: z.partialRecord(z.enum(OLDER_STATUS_ROWS), OlderStatusEntrySchema),
  ratings: z.object({ total: text.nullable(), current: text.nullable(), past: text.nullable() }),
  narrative: z.object({
    verify: z.object({ current: OlderVerifySchema, past: OlderVerifySchema }),
    plan: z.object({ current: text, past: text }),
  }),
});
export type OlderSheetData = z.infer<typeof OlderSheetDataSchema>;

// ---------------------------------------------------------------------------------------------
// Seed fixtures: a published sheet's numbers and header facts (no prose), with what was corrected.

export const SeedFindingSchema = z.object({
  rule: z.string(),
  where: z.string(),
  expected: z.union([z.number(), z.string(), z.null()]),
  printed: z.union([z.number(), z.string(), z.null(), z.record(z.string(), z.number())]),
  /** source-error: the printed sheet is wrong (a checker must report it); uncertain: left as printed. */
  kind: z.string(),
});
export const SeedFixSchema = z.object({ where: z.string(), value: z.union([z.number(), z.string(), z.null()]) });

/** How the sheet prints, where published sheets differ (title wording, dash, minus sign, header typo). */
export const SeedPrintSchema = z.object({
  title: z.string(),
  dash: z.string(),
  negative: z.enum(['triangle', 'minus']),
  codeRowTypo: z.boolean(),
});

export const CurrentSeedSchema = SheetDataSchema.omit({ narrative: true }).extend({
  sheet: z.number().int(),
  edition: z.literal('current'),
  fiscalYear: z.number().int(),
  print: SeedPrintSchema,
  findings: z.array(SeedFindingSchema),
  fixes: z.array(SeedFixSchema),
});
export type CurrentSeed = z.infer<typeof CurrentSeedSchema>;

export const OlderSeedSchema = OlderSheetDataSchema.omit({ narrative: true }).extend({
  sheet: z.number().int(),
  edition: z.literal('older'),
  fiscalYear: z.number().int(),
  findings: z.array(SeedFindingSchema),
  fixes: z.array(SeedFixSchema),
});
export type OlderSeed = z.infer<typeof OlderSeedSchema>;

export type { Category, TrendCode, TrendRow };
