// Whole published sheets: every mistake the printed sheet really has is found (with the spec's rule id and
// at its field), and no other error is reported. The sheets are not the published files: their numbers, copied
// from the published PDFs, are drawn into our own rendering of the official layout (and, in mutations.test.ts,
// into thousands of other layouts). Narrative texts are our own.
import * as path from 'path';
import { readWorkbookFile } from '../../../src/adapters/xlsx/readWorkbook';
import { checkWorkbook } from '../../../src/core/check';
import type { FormResult } from '../../../src/core/findings';
import { CURRENT_SEEDS, OLDER_SEEDS, onlyForm, seedLayout } from '../../helpers/forms';

const EXAMPLES = path.join(__dirname, '../../../examples');

function expectMatchesSeed(form: FormResult, s: (typeof CURRENT_SEEDS)[number]): void {
  const sourceErrors = s.findings.filter((f) => f.kind === 'source-error');
  for (const e of sourceErrors) {
    const hit = form.findings.find((f) => f.rule === e.rule && f.keys.includes(e.where));
    expect({ sheet: s.sheet, rule: e.rule, where: e.where, found: !!hit }).toEqual({ sheet: s.sheet, rule: e.rule, where: e.where, found: true });
  }
  const unexpected = form.findings.filter(
    (f) => f.severity === 'error' && !sourceErrors.some((e) => e.rule === f.rule && f.keys.includes(e.where)),
  );
  expect(unexpected.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
}

describe.each(CURRENT_SEEDS.map((s) => [String(s.sheet).padStart(2, '0'), s] as const))('published sheet %s: its numbers in our rendering of the official layout', (_n, s) => {
  it('reports exactly its real mistakes (grid)', () => {
    expectMatchesSeed(onlyForm(seedLayout(s.sheet)), s);
  });

  it('reports exactly its real mistakes (.xlsx in examples/)', async () => {
    const grids = await readWorkbookFile(path.join(EXAMPLES, 'current', `sheet-${String(s.sheet).padStart(2, '0')}.xlsx`));
    const { forms } = checkWorkbook(grids);
    expect(forms).toHaveLength(1);
    expectMatchesSeed(forms[0]!, s);
    expect(forms[0]!.fiscalYear).toBe(s.fiscalYear);
  });

  it('reads the numbers as printed', () => {
    const form = onlyForm(seedLayout(s.sheet));
    expect(form.values["trend.D.ケ''"]).toBe(s.trend.D?.["ケ''"] ?? null);
    expect(form.values['summary.cases']).toBe(s.summary.cases);
    expect(form.values['header.claimNo']).toBe(s.header.claimNo);
    for (const part of ['past', 'current'] as const) {
      expect(form.values[`status.${part}.balance.total`]).toBe(s.categories[part].balance.total ?? null);
    }
  });

  it('leaves the printed ratings among what the numbers allow', () => {
    const form = onlyForm(seedLayout(s.sheet));
    expect(form.findings.filter((f) => f.rule === 'RATE-MISMATCH' || f.rule === 'RATE-CODE')).toEqual([]);
  });
});

describe('older-edition sheets: their numbers in our rendering of the older layout', () => {
  it.each(OLDER_SEEDS.map((s) => [s.sheet, s] as const))('sheet %i is recognised as the older edition and says what does not apply', async (n) => {
    const grids = await readWorkbookFile(path.join(EXAMPLES, 'older', `sheet-${String(n).padStart(2, '0')}.xlsx`));
    const { forms } = checkWorkbook(grids);
    expect(forms).toHaveLength(1);
    expect(forms[0]!.edition).toBe('older');
    expect(forms[0]!.fiscalYear).toBe(2013);
    expect(forms[0]!.findings.some((f) => f.rule === 'EDITION-SCOPE')).toBe(true);
    expect(forms[0]!.header.claimName).toBeTruthy();
  });

  it('finds the understated rating of sheet 18 and the mixed counting basis of sheet 14', async () => {
    const f18 = checkWorkbook(await readWorkbookFile(path.join(EXAMPLES, 'older', 'sheet-18.xlsx'))).forms[0]!;
    expect(f18.findings.find((f) => f.rule === 'RATE-MISMATCH')).toMatchObject({ severity: 'error', proposed: 'A' });
    const f14 = checkWorkbook(await readWorkbookFile(path.join(EXAMPLES, 'older', 'sheet-14.xlsx'))).forms[0]!;
    expect(f14.findings.map((f) => f.rule)).toContain('OLD-COUNT-BASIS');
    expect(f14.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('does not rate sheet 26 against one reading when the other disagrees', async () => {
    const f26 = checkWorkbook(await readWorkbookFile(path.join(EXAMPLES, 'older', 'sheet-26.xlsx'))).forms[0]!;
    expect(f26.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
