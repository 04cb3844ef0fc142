// Metamorphic tests of recognition: every published sheet, drawn in the official layout and then laid out in
// thousands of other ways (test/helpers/mutator.ts), must read the same values and give the same findings.
import fc from 'fast-check';
import { checkWorkbook } from '../../../src/core/check';
import type { FormResult } from '../../../src/core/findings';
import { CURRENT_SEEDS, seedLayout } from '../../helpers/forms';
import { CANONICAL, type MForm, type Plan, changedRules, classify, mutate, shift, toGrid } from '../../helpers/mutator';
import { SEEDED_MISTAKES } from '../../helpers/seededMistakes';
import type { LayoutSheet } from '../../../src/core/layout/currentLayout';

interface Canonical {
  form: MForm;
  result: FormResult;
}

const cache = new Map<string, Canonical>();

function canonicalOf(id: string, layout: () => LayoutSheet): Canonical {
  let c = cache.get(id);
  if (!c) {
    const form = classify(layout());
    const forms = checkWorkbook([toGrid(form)]).forms;
    if (forms.length !== 1) throw new Error(`${id}: the canonical layout gives ${forms.length} forms`);
    c = { form, result: forms[0]! };
    cache.set(id, c);
  }
  return c;
}

const canonical = (sheet: number) => canonicalOf(`sheet ${sheet}`, () => seedLayout(sheet));

/**
 * The values read, except the template's formulas in rows nobody filled: they show 0 and — where the canonical
 * form is blank (what they say about the row is the same: nothing was typed).
 */
function valuesOf(values: FormResult['values'], plan: Plan, canonicalValues: FormResult['values']): FormResult['values'] {
  if (plan.formulas !== 'templateRows') return values;
  const out: FormResult['values'] = {};
  for (const [k, v] of Object.entries(values)) out[k] = canonicalValues[k] === null && (v === 0 || v === '—') ? null : v;
  return out;
}

/** What a check says, independent of where the cells are. */
function gist(form: FormResult, skip: Set<string>): string[] {
  return form.findings
    .filter((f) => !skip.has(f.rule))
    .map((f) => `${f.rule} ${f.severity} ${[...f.keys].sort().join(',')}`)
    .sort();
}

function expectSame(sheet: number | string, plan: Plan, c: Canonical = canonical(sheet as number)): FormResult {
  const forms = checkWorkbook([toGrid(mutate(c.form, plan))]).forms;
  expect({ sheet, forms: forms.length }).toEqual({ sheet, forms: 1 });
  const f = forms[0]!;
  const skip = changedRules(plan);
  expect({ sheet, fiscalYear: f.fiscalYear }).toEqual({ sheet, fiscalYear: c.result.fiscalYear });
  expect({ sheet, values: valuesOf(f.values, plan, c.result.values) }).toEqual({ sheet, values: c.result.values });
  expect({ sheet, findings: gist(f, skip) }).toEqual({ sheet, findings: gist(c.result, skip) });
  return f;
}

const SHEETS = CURRENT_SEEDS.map((s) => s.sheet);

/** Each dimension alone, on every sheet: a failure names the dimension. */
const SINGLE: [string, Partial<Plan>][] = [
  ['an offset', { top: 37, left: 11 }],
  ['blank rows inside and between sections', { blankRows: [0.05, 0.2, 0.33, 0.5, 0.62, 0.8, 0.95] }],
  ['blank columns inside the tables', { blankCols: [0.1, 0.3, 0.55, 0.9] }],
  ['header labels spelt otherwise (1)', { headerLabels: 1 }],
  ['header labels spelt otherwise (2)', { headerLabels: 2 }],
  ['header labels spelt otherwise (3)', { headerLabels: 3 }],
  ['header labels spelt otherwise (4)', { headerLabels: 4 }],
  ['rating labels spelt otherwise', { ratingLabels: 1 }],
  ['narrative labels spelt otherwise (1)', { narrativeLabels: 1 }],
  ['narrative labels spelt otherwise (2)', { narrativeLabels: 2 }],
  ['narrative labels spelt otherwise (3)', { narrativeLabels: 3 }],
  ['headings numbered １．', { numbering: 'fullwidth' }],
  ['headings numbered (1)', { numbering: 'paren' }],
  ['headings numbered 1)', { numbering: 'closeParen' }],
  ['headings numbered Ⅰ.', { numbering: 'roman' }],
  ['headings numbered 第1', { numbering: 'dai' }],
  ['headings without numbers', { numbering: 'none' }],
  ['headings split into number and text', { splitHeadings: true }],
  ['categories with the description in the same cell', { categories: 'newline' }],
  ['categories with the 【強制公】 mark before the number', { categories: 'marked' }],
  ['categories with the description after a space', { categories: 'space' }],
  ['categories numbered (1)', { categories: 'bracket' }],
  ['categories numbered 1', { categories: 'digits' }],
  ['no 計 headings', { subtotals: 'absent' }],
  ['no 計 or 合計 headings', { subtotals: 'absentAll' }],
  ['renamed subtotal headings', { subtotals: 'renamed' }],
  ['no row letters', { letters: 'absent' }],
  ['row letters in the label', { letters: 'combined' }],
  ['H/R years', { years: 'letter' }],
  ['年度 years', { years: 'full' }],
  ['Western years', { years: 'western' }],
  ['bare era numbers in row labels', { years: 'bare' }],
  ['full-width years', { years: 'fullwidth' }],
  ['primes ’ ″', { primes: 1 }],
  ['primes ′', { primes: 2 }],
  ['values only', { formulas: 'valuesOnly' }],
  ["the template's formulas in empty rows", { formulas: 'templateRows' }],
  ['no merged cells', { merges: false }],
  ['numbers typed as text', { textNumbers: true }],
  ['no code row', { codeRow: false }],
  ['the header as a list', { header: 'vertical' }],
  ['the header with values after a colon', { header: 'inline' }],
  ['the ratings as a list', { ratings: 'vertical' }],
  ['the ratings with their codes below', { ratings: 'below' }],
  ['the ratings as 「過年度:A」 in one cell', { ratings: 'inline' }],
  ['section 3 turned down', { statusDown: true }],
  ['row labels split into year and stage', { splitRowLabels: true }],
  ['a table beside the form', { neighbour: 'right' }],
  ['a table below the form', { neighbour: 'below' }],
  ['sections 4 and 5 as a list', { narrative: 'list' }],
  ['sections 4 and 5 turned', { narrative: 'turned' }],
  ['sections 4 and 5 each in one cell of prose', { narrative: 'block' }],
  ['section 3 as a 件数 table and a 残高 table', { statusSplit: true }],
  ['the codes in the column names', { codesInNames: true }],
  ['the summary beside the table', { summaryBeside: true }],
  ['小計 rows under the table', { statusSums: true }],
  ['a 【過年度】 table and a 【現年度】 table', { statusByPart: true }],
  ['the table cut in two after ⑨', { statusBlocks: true }],
  ['section 2 cut in two and stacked', { trendStacked: true }],
  ['件数 | 残高 under each category, a row per part', { statusPairs: true }],
  ['件数 | 残高 under each category, turned down', { statusPairs: true, statusDown: true }],
  ['the table cut in two after ⑨, turned down', { statusBlocks: true, statusDown: true }],
  ['a 【過年度】 table and a 【現年度】 table, turned down', { statusByPart: true, statusDown: true }],
  ['the summary beside a turned table', { summaryBeside: true, statusDown: true }],
  ['the header with values below its labels', { header: 'below' }],
  ['the header as a list above the title', { header: 'aboveTitle' }],
];

describe.each(SINGLE)('%s', (_name, change) => {
  it.each(SHEETS)('sheet %i reads the same', (sheet) => {
    expectSame(sheet, { ...CANONICAL, ...change });
  });
});

const planArb: fc.Arbitrary<Plan> = fc.record({
  top: fc.integer({ min: 0, max: 30 }),
  left: fc.integer({ min: 0, max: 12 }),
  blankRows: fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { maxLength: 3 }),
  blankCols: fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { maxLength: 2 }),
  headerLabels: fc.integer({ min: 0, max: 4 }),
  ratingLabels: fc.integer({ min: 0, max: 2 }),
  narrativeLabels: fc.integer({ min: 0, max: 3 }),
  numbering: fc.constantFrom('dot', 'fullwidth', 'paren', 'closeParen', 'roman', 'dai', 'none'),
  splitHeadings: fc.boolean(),
  categories: fc.constantFrom('separate', 'newline', 'space', 'marked', 'bracket', 'digits'),
  subtotals: fc.constantFrom('canonical', 'absent', 'absentAll', 'renamed'),
  letters: fc.constantFrom('canonical', 'absent', 'combined'),
  years: fc.constantFrom('short', 'letter', 'full', 'western', 'bare', 'fullwidth'),
  primes: fc.constantFrom(0, 1, 2),
  formulas: fc.constantFrom('canonical', 'valuesOnly', 'templateRows'),
  merges: fc.boolean(),
  textNumbers: fc.boolean(),
  codeRow: fc.boolean(),
  header: fc.constantFrom('row', 'vertical', 'inline', 'below', 'aboveTitle'),
  ratings: fc.constantFrom('row', 'vertical', 'below', 'inline'),
  statusDown: fc.boolean(),
  splitRowLabels: fc.boolean(),
  neighbour: fc.constantFrom('none', 'right', 'below'),
  narrative: fc.constantFrom('grid', 'list', 'turned', 'block'),
  statusSplit: fc.boolean(),
  codesInNames: fc.boolean(),
  summaryBeside: fc.boolean(),
  statusSums: fc.boolean(),
  statusByPart: fc.boolean(),
  statusBlocks: fc.boolean(),
  statusPairs: fc.boolean(),
  trendStacked: fc.boolean(),
}) as fc.Arbitrary<Plan>;

/**
 * The seed of the random layouts: fixed, so that a run in CI is the same run every time; set MUTATION_SEED to
 * another number (and MUTATION_RUNS higher) to explore other layouts while developing.
 */
const SEED = Number(process.env.MUTATION_SEED ?? 20261204);

/** Random combinations per run; the whole property stays within a few seconds per thousand. */
const COMBINATIONS = Number(process.env.MUTATION_RUNS ?? 2000);

describe('combinations of every dimension', () => {
  it(`reads ${COMBINATIONS} random layouts of the published sheets the same`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHEETS), planArb, (sheet, plan): void => {
        expectSame(sheet, plan);
      }),
      { numRuns: COMBINATIONS, seed: SEED },
    );
  });
});

/** Seeded mistakes (one per rule and the ones a wider corpus found) in random layouts: found at their field. */
const MISTAKE_RUNS = Number(process.env.MUTATION_MISTAKE_RUNS ?? 600);

describe('seeded mistakes in random layouts', () => {
  it(`finds each of ${SEEDED_MISTAKES.length} mistakes at its field in ${MISTAKE_RUNS} layouts, and nothing else changes`, () => {
    fc.assert(
      fc.property(fc.nat(SEEDED_MISTAKES.length - 1), planArb, (i, plan): void => {
        const m = SEEDED_MISTAKES[i]!;
        const id = `mistake ${i} ${m.what}`;
        const c = canonicalOf(id, () => m.mutate(m.base()));
        const f = expectSame(id, plan, c);
        if (changedRules(plan).has(m.rule)) return;
        const hit = f.findings.some((x) => x.rule === m.rule && (!m.key || x.keys.includes(m.key)));
        expect({ id, found: hit }).toEqual({ id, found: true });
      }),
      { numRuns: MISTAKE_RUNS, seed: SEED },
    );
  });
});

/** Two forms on one worksheet, each in its own random layout: stacked, or side by side with a blank column between. */
const PAIR_RUNS = Number(process.env.MUTATION_PAIR_RUNS ?? 300);

describe('two forms on one worksheet', () => {
  it(`reads both forms of ${PAIR_RUNS} random pairs as each alone`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHEETS), fc.constantFrom(...SHEETS), planArb, planArb, fc.boolean(), (s1, s2, p1, p2, side): void => {
        const a = mutate(canonical(s1).form, { ...p1, top: 0, left: 0 });
        const b0 = mutate(canonical(s2).form, { ...p2, top: 0, left: 0 });
        const extent = (f: MForm, axis: 'row' | 'col') => Math.max(...f.cells.map((c) => c[axis]));
        const b = side ? shift(b0, 0, extent(a, 'col') + 2) : shift(b0, extent(a, 'row') + 3, 0);
        const forms = checkWorkbook([toGrid({ cells: [...a.cells, ...b.cells], merges: [...a.merges, ...b.merges] })]).forms;
        expect(forms).toHaveLength(2);
        const expectLike = (f: FormResult, sheet: number, plan: Plan) => {
          const c = canonical(sheet).result;
          const skip = changedRules(plan);
          expect({ sheet, values: valuesOf(f.values, plan, c.values) }).toEqual({ sheet, values: c.values });
          expect({ sheet, findings: gist(f, skip) }).toEqual({ sheet, findings: gist(c, skip) });
        };
        expectLike(forms[0]!, s1, p1);
        expectLike(forms[1]!, s2, p2);
      }),
      { numRuns: PAIR_RUNS, seed: SEED },
    );
  });
});
