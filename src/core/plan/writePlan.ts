// Every write the add-in or the CLI makes goes through this one shape: the core decides, a preview shows it,
// an adapter applies it (Excel: one Excel.run with mergeUndoGroup; .xlsx: a new file), and `before` is kept
// so that the write can be undone.
// zod/mini: the same schemas, small enough for the task pane's initial bundle.
import { z } from 'zod/mini';

export const CellContentSchema = z.object({
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  /** Without the leading "=". */
  formula: z.optional(z.string()),
});
export type CellContent = z.infer<typeof CellContentSchema>;

export const PlannedWriteSchema = z.object({
  sheet: z.string(),
  /** A1 address within the sheet. */
  address: z.string(),
  /** The logical key of the field written, when it has one. */
  key: z.optional(z.string()),
  before: CellContentSchema,
  after: CellContentSchema,
  /** Why, in Japanese, in the form's terms. */
  why: z.string(),
  /** The value the cell will show after the write (a formula's result as the core computes it). */
  expected: z.union([z.number(), z.string(), z.null()]),
  /** True when the cell will show a different value than now (restoring a formula over a wrong typed value). */
  changesShownValue: z.boolean(),
  /**
   * A rate cell that holds the percentage itself (2 shown as 2.0% by a literal % in its format), not a ratio (0.02
   * under a % format): its values here are percentages, and its formula returns one.
   */
  inPercent: z.optional(z.boolean()),
});
export type PlannedWrite = z.infer<typeof PlannedWriteSchema>;

/** A cell the plan does not write but whose shown value changes with it (its formula recalculates). */
export const PlannedEffectSchema = z.object({
  sheet: z.string(),
  address: z.string(),
  key: z.optional(z.string()),
  /** Where, in Japanese, in the form's terms. */
  label: z.string(),
  before: CellContentSchema.shape.value,
  after: z.union([z.number(), z.string(), z.null()]),
  /** False where only hidden digits change (a rate that still shows 26.7%): the preview need not list it. */
  changesShownValue: z.boolean(),
  /** As for a write: the values are percentages (2 for 2.0%). */
  inPercent: z.optional(z.boolean()),
});
export type PlannedEffect = z.infer<typeof PlannedEffectSchema>;

export const WritePlanSchema = z.object({
  title: z.string(),
  writes: z.array(PlannedWriteSchema),
  /** Things the person must know before applying (e.g. FML-ADDIN-FUNCTION for the add-in variant), in Japanese. */
  caveats: z.optional(z.array(z.string())),
  /** Knock-on changes: cells left as they are whose value changes once the writes are applied. */
  effects: z.optional(z.array(PlannedEffectSchema)),
});
export type WritePlan = z.infer<typeof WritePlanSchema>;
