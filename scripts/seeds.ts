// The seed fixtures (test/fixtures/seeds): each published sheet's numbers and header facts (no prose), with the
// mistakes the printed sheet really has (`findings`) and the extraction slips that were corrected (`fixes`), and the
// content schema of the older edition (未収債権の目標及び具体処理策), which only the fixtures draw.
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { SheetDataSchema } from '../src/core/layout/sheetData';

const SEEDS = path.join(__dirname, '..', 'test', 'fixtures', 'seeds');
const num = z.number().nullable();
const text = z.string();

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

function readSeeds<T>(dir: string, schema: z.ZodType<T>): T[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^sheet-\d+\.json$/.test(f))
    .sort()
    .map((f) => schema.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))));
}

export function readCurrentSeeds(dir = path.join(SEEDS, 'current')): CurrentSeed[] {
  return readSeeds(dir, CurrentSeedSchema);
}

export function readOlderSeeds(dir = path.join(SEEDS, 'older')): OlderSeed[] {
  return readSeeds(dir, OlderSeedSchema);
}
