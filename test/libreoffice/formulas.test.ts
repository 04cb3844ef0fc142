// The restored formulas checked by a real spreadsheet engine: every example workbook (and a values-only copy of
// every published sheet, and sheets whose rate cells hold percentages under 0.0"%") gets its formulas through the
// same code as `mishukin formulas`, with deliberately wrong cached results; LibreOffice recalculates them all (one
// soffice call); the repo's reader reads the results back, as the cells show them. Each recalculated cell must
// equal what the core computed, and the printed number wherever the sheet was right.
// Needs LibreOffice Calc (Debian package libreoffice-calc-nogui): without it this test fails, it never skips.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writePlannedCopy } from '../../src/adapters/xlsx/applyPlan';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { writeWorkbook } from '../../src/adapters/xlsx/writeWorkbook';
import { recogniseWorkbook } from '../../src/core/check';
import { isCellError, type Grid } from '../../src/core/grid';
import type { CurrentForm, Form } from '../../src/core/model/form';
import { isRateKey, planFormulas, standardFormulas, type StandardCell } from '../../src/core/plan/formulaPlan';
import type { WritePlan } from '../../src/core/plan/writePlan';
import { isDash } from '../../src/core/text/normalize';
import { printedAt, ratesAsPercentNumbers, showsPrinted, wrongOnTheSheet } from '../helpers/formulaFixtures';
import { CURRENT_SEEDS, seed, seedLayout } from '../helpers/forms';
import { convert, findProgram } from '../../scripts/soffice';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
/** Rates typed as percentages (2.0 shows 2.0%): the format staff use, which the formulas must not break. */
const PERCENT_FORMAT = '0.0"%"';
/** A value no formula of the form gives: a cell still showing it was not recalculated. */
const STALE = -987654321;

jest.setTimeout(180_000);

function currentForms(grids: readonly Grid[]): CurrentForm[] {
  return recogniseWorkbook(grids).forms.filter((f: Form): f is CurrentForm => f.edition === 'current');
}

/** The plan with wrong cached results everywhere it writes, so that only a recalculation can give the right ones. */
function stale(plan: WritePlan): WritePlan {
  return {
    ...plan,
    writes: plan.writes.map((w) => ({ ...w, expected: STALE, after: { ...w.after, value: STALE } })),
    effects: (plan.effects ?? []).map((e) => ({ ...e, after: STALE })),
  };
}

interface Case {
  name: string;
  seedNo: number;
  /** What the core computed for every computed cell of each form, by sheet and anchor. */
  expected: Map<string, StandardCell[]>;
  planned: number;
}

const formId = (f: { sheet: string; anchor: string }) => `${f.sheet}!${f.anchor}`;

let work = '';
const cases: Case[] = [];
const recalculated = new Map<string, Grid[]>();

beforeAll(async () => {
  findProgram('soffice', 'SOFFICE'); // fails loudly, naming the Debian package, before any work
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mishukin-lo-'));
  const inDir = path.join(work, 'in');
  const outDir = path.join(work, 'out');
  fs.mkdirSync(inDir);
  fs.mkdirSync(outDir);

  const inputs: { name: string; seedNo: number; bytes: Buffer }[] = [];
  for (const f of fs.readdirSync(path.join(EXAMPLES, 'current')).filter((x) => x.endsWith('.xlsx')).sort()) {
    inputs.push({ name: `example-${f}`, seedNo: Number(/(\d+)/.exec(f)![1]), bytes: fs.readFileSync(path.join(EXAMPLES, 'current', f)) });
  }
  for (const s of CURRENT_SEEDS) {
    const bytes = await writeWorkbook([{ name: 'values', layout: seedLayout(s.sheet, { valuesOnly: true }) }]);
    inputs.push({ name: `values-${String(s.sheet).padStart(2, '0')}.xlsx`, seedNo: s.sheet, bytes });
  }
  // A form away from the top-left corner.
  const moved = await writeWorkbook([{ name: 'moved', layout: seedLayout(12, { valuesOnly: true, top: 6, left: 3 }) }]);
  inputs.push({ name: 'moved-12.xlsx', seedNo: 12, bytes: moved });
  // Rates typed as percentages under 0.0"%" (sheet 9's run from 0.3% to 18.6%), and a sheet whose 0.0"%" rate cells
  // got ratio formulas (each showing 0.1% for 14.5%).
  for (const [name, seedNo, valuesOnly] of [['percent-09.xlsx', 9, true], ['ratio-in-percent-14.xlsx', 14, false]] as const) {
    const layout = ratesAsPercentNumbers(seedLayout(seedNo, { valuesOnly }), PERCENT_FORMAT);
    inputs.push({ name, seedNo, bytes: await writeWorkbook([{ name: 'percent', layout }]) });
  }

  for (const input of inputs) {
    const forms = currentForms(await readWorkbook(input.bytes));
    const plans = forms.map((f) => planFormulas(f));
    const expected = new Map(forms.map((f) => [formId(f), standardFormulas(f)]));
    fs.writeFileSync(path.join(inDir, input.name), await writePlannedCopy(input.bytes, plans.map(stale)));
    cases.push({ name: input.name, seedNo: input.seedNo, expected, planned: plans.reduce((n, p) => n + p.writes.length, 0) });
  }

  await convert(cases.map((c) => path.join(inDir, c.name)), 'xlsx', outDir, path.join(work, 'profile'));
  for (const c of cases) {
    const out = path.join(outDir, c.name);
    if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${c.name}`);
    recalculated.set(c.name, await readWorkbook(fs.readFileSync(out)));
  }
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

function valueOf(form: CurrentForm, k: string): number | string | null {
  const p = form.fields.get(k)?.parsed;
  if (!p || p.status === 'blank') return null;
  if (p.status === 'number') return p.value;
  if (p.status === 'dash') return '—';
  if (p.status === 'error') return p.error;
  return p.status === 'text' ? p.value : p.text;
}

describe('formulas recalculated by LibreOffice', () => {
  it('converted every workbook (17 examples, 17 values-only copies, one moved form, two with 0.0"%" rates)', () => {
    expect(cases).toHaveLength(37);
    expect(recalculated.size).toBe(37);
    // Every values-only copy needed formulas: the stale results prove LibreOffice recomputed them.
    expect(cases.filter((c) => c.name.startsWith('values-')).every((c) => c.planned > 40)).toBe(true);
  });

  it('gives exactly what the core computed, in every computed cell', () => {
    let compared = 0;
    for (const c of cases) {
      const forms = currentForms(recalculated.get(c.name)!);
      expect(forms.map(formId).sort()).toEqual([...c.expected.keys()].sort());
      for (const form of forms) {
        for (const cell of c.expected.get(formId(form))!) {
          const got = valueOf(form, cell.key);
          const f = form.fields.get(cell.key)!;
          expect(f.formula).toBeDefined();
          const where = `${c.name} ${cell.address} ${cell.key} =${cell.formula}`;
          if (typeof cell.expected === 'number') {
            expect([where, typeof got === 'number' ? Math.abs(got - cell.expected) <= 1e-12 * Math.max(1, Math.abs(cell.expected)) : got]).toEqual([where, true]);
          } else {
            expect([where, isDash(cell.expected) ? got === '—' : got === cell.expected]).toEqual([where, true]);
          }
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });

  it('equals the printed numbers wherever the published sheet was right', () => {
    let compared = 0;
    for (const c of cases) {
      const s = seed(c.seedNo);
      for (const form of currentForms(recalculated.get(c.name)!)) {
        const wrong = wrongOnTheSheet(s, form);
        for (const cell of c.expected.get(formId(form))!) {
          const printed = printedAt(s, cell.key);
          if (printed === undefined || wrong.has(cell.key)) continue;
          const f = form.fields.get(cell.key)!;
          const got = f.parsed.status === 'number' ? f.parsed.value : f.parsed.status === 'dash' ? '—' : null;
          expect([c.name, cell.key, showsPrinted(cell.key, got, printed)]).toEqual([c.name, cell.key, true]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });

  it('keeps rate cells that hold percentages so: their own format, the percentage as their number', () => {
    let compared = 0;
    for (const name of ['percent-09.xlsx', 'ratio-in-percent-14.xlsx']) {
      const c = cases.find((x) => x.name === name)!;
      const [form] = currentForms(recalculated.get(name)!);
      const grid = recalculated.get(name)![0]!;
      for (const cell of c.expected.get(formId(form!))!.filter((x) => isRateKey(x.key) && typeof x.expected === 'number')) {
        const f = form!.fields.get(cell.key)!;
        const held = grid.cell(f.row, f.col)!;
        const where = `${name} ${cell.address}`;
        expect([where, held.numFmt, cell.unit]).toEqual([where, PERCENT_FORMAT, 'percent']);
        expect([where, held.value as number]).toEqual([where, expect.closeTo((cell.expected as number) * 100, 10)]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('shows no error value anywhere in the recalculated forms', () => {
    for (const c of cases) {
      for (const form of currentForms(recalculated.get(c.name)!)) {
        expect(form.cells.filter((x) => isCellError(x.value)).map((x) => `${c.name} ${x.row},${x.col}`)).toEqual([]);
      }
    }
  });
});
