// Every write the add-in or the CLI makes goes through this one shape: the core decides, a preview shows it,
// an adapter applies it (Excel: one Excel.run with mergeUndoGroup; .xlsx: a new file), and `before` is kept
// so that the write can be undone.
import { z } from 'zod';

export const CellContentSchema = z.object({
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  /** Without the leading "=". */
  formula: z.string().optional(),
});
export type CellContent = z.infer<typeof CellContentSchema>;

export const PlannedWriteSchema = z.object({
  sheet: z.string(),
  /** A1 address within the sheet. */
  address: z.string(),
  /** The logical key of the field written, when it has one. */
  key: z.string().optional(),
  before: CellContentSchema,
  after: CellContentSchema,
  /** Why, in Japanese, in the form's terms. */
  why: z.string(),
  /** The value the cell will show after the write (a formula's result as the core computes it). */
  expected: z.union([z.number(), z.string(), z.null()]),
  /** True when the cell will show a different value than now (restoring a formula over a wrong typed value). */
  changesShownValue: z.boolean(),
});
export type PlannedWrite = z.infer<typeof PlannedWriteSchema>;

export const WritePlanSchema = z.object({
  title: z.string(),
  writes: z.array(PlannedWriteSchema),
});
export type WritePlan = z.infer<typeof WritePlanSchema>;
