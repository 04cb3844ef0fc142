// The content of one current-edition form, independent of where its cells sit: what the layout renders (a blank
// template, a rolled-over form, a fixture of a published sheet). Amounts in 千円, rates in printed percent (44.4).
// The layout reads the input fields (色付け箇所) and computes every other cell; computed values in the content are
// there for the fixtures, which compare them with what the formulas give.
import { z } from 'zod';
import {
  CATEGORIES,
  HEADER_FIELDS,
  NARRATIVE_VERIFY_ROWS,
  RATING_COLUMNS,
  TREND_CODES,
  TREND_ROWS,
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

/**
 * ア typed instead of its carry formula, by row: where the row it carries from holds no input (a claim's first
 * year: nothing to carry from), the sheet keeps the amount it started with.
 */
export const TypedCarrySchema = z.partialRecord(z.enum(TREND_ROWS), z.number());

/** One current-edition form (未収金目標及び具体取組内容調査書). */
export const SheetDataSchema = z.object({
  header: HeaderSchema,
  ratings: RatingsSchema,
  trend: TrendSchema,
  categories: CategoriesSchema,
  summary: SummarySchema,
  narrative: NarrativeSchema,
  typedCarry: TypedCarrySchema.optional(),
});
export type SheetData = z.infer<typeof SheetDataSchema>;

const emptyStatus = (): StatusRowData => ({});

/** A form with nothing typed in: the blank template's content. */
export function emptySheetData(): SheetData {
  const none = { 取組内容: '', 取組実績: '', 課題: '', 改善策: '' };
  return {
    header: { bureau: '', section: '', claimNo: '', claimType: '', claimName: '' },
    ratings: { past: null, current: null, total: null },
    trend: { A: null, B: null, C: null, D: null, E: null, F: null, G: null },
    categories: {
      past: { count: emptyStatus(), balance: emptyStatus() },
      current: { count: emptyStatus(), balance: emptyStatus() },
    },
    summary: { debtors: null, cases: null, balance: null },
    narrative: { verify: { past: { ...none }, current: { ...none } }, plan: { past: '', current: '' } },
  };
}
