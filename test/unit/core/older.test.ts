// The older edition read by its labels: offsets, year words and later survey years do not change what is found.
import { layoutOlderForm, type OlderLayoutOptions } from '../../../scripts/olderLayout';
import { olderDataOf } from '../../../scripts/build-fixtures';
import type { FormResult } from '../../../src/core/findings';
import { checkLayout, OLDER_SEEDS } from '../../helpers/forms';

function olderForm(n: number, opts: Partial<OlderLayoutOptions> = {}): FormResult {
  const s = OLDER_SEEDS.find((x) => x.sheet === n)!;
  const forms = checkLayout(layoutOlderForm(olderDataOf(s), { fiscalYear: s.fiscalYear, ...opts }));
  expect(forms).toHaveLength(1);
  return forms[0]!;
}

const gist = (f: FormResult) => f.findings.map((x) => `${x.rule} ${[...x.keys].sort().join(',')}`).sort();

describe.each(OLDER_SEEDS.map((s) => [s.sheet] as const))('older sheet %i', (n) => {
  it.each([
    ['an offset', { top: 25, left: 6 }],
    ['年度 year words', { yearStyle: 'full' as const }],
    ['labels broken over lines', { splitLabels: true }],
    ['values only', { valuesOnly: true }],
  ])('reads %s the same', (_name, opts) => {
    expect(gist(olderForm(n, opts))).toEqual(gist(olderForm(n)));
  });

  it('reads a later survey year of the edition', () => {
    const f = olderForm(n, { fiscalYear: 2016 });
    expect(f.fiscalYear).toBe(2016);
    expect(gist(f)).toEqual(gist(olderForm(n)));
  });

  it('reads the balances, rates and status by their year-free keys', () => {
    const f = olderForm(n);
    const s = OLDER_SEEDS.find((x) => x.sheet === n)!;
    expect(f.values['older.balance.N実績']).toBe(s.balance['N実績'] ?? null);
    expect(f.values['older.status.total.amount']).toBe(s.status.total?.amount ?? null);
    expect(f.edition).toBe('older');
  });
});
