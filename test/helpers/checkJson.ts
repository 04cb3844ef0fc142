// The documented shape of `mishukin check --format json`, for the tests that read it back.
import { z } from 'zod';

export const CheckJson = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
      forms: z.array(
        z.object({
          sheet: z.string(),
          anchor: z.string(),
          edition: z.enum(['current', 'older']),
          fiscalYear: z.number().nullable(),
          header: z.record(z.string(), z.string().nullable()),
          values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
          findings: z.array(
            z.object({
              rule: z.string(),
              severity: z.enum(['error', 'warning', 'info']),
              keys: z.array(z.string()),
              cells: z.array(z.string()),
              message: z.string(),
              proposed: z.string().optional(),
            }),
          ),
        }),
      ),
      hiddenSheets: z.array(z.object({ sheet: z.string(), visibility: z.enum(['hidden', 'veryHidden']), forms: z.number() })),
    }),
  ),
});
