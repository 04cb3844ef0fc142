// The forms `mishukin new` and `mishukin rollover` write, recalculated from scratch by a real spreadsheet engine:
// every formula is written with a wrong cached result, LibreOffice recomputes them all (one soffice call), and the
// repo's reader reads them back. Each computed cell must equal what the core computed; rolled forms must report on
// N+1, repeat the source rows (row B = the source's row D) and check clean in their carry chain. One blank form and
// one rolled form are printed to PDF: two A4 pages each, rendered to PNG.
// Needs LibreOffice Calc (libreoffice-calc-nogui) and poppler-utils: without them this test fails, it never skips.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { writeWorkbook } from '../../src/adapters/xlsx/writeWorkbook';
import { checkForm, recogniseWorkbook } from '../../src/core/check';
import { isCellError, type Grid } from '../../src/core/grid';
import { layoutCurrentForm, type LayoutSheet } from '../../src/core/layout/currentLayout';
import type { CurrentForm } from '../../src/core/model/form';
import { key, TREND_CODES } from '../../src/core/model/keys';
import { planRollover } from '../../src/core/plan/rolloverPlan';
import { planNewForm, type NewSheetPlan } from '../../src/core/plan/sheetPlan';
import { sheetDataOf } from '../../scripts/build-fixtures';
import { convert, findProgram, pageToPng, pdfPages } from '../../scripts/soffice';
import { CURRENT_SEEDS } from '../helpers/forms';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
/** A value no formula of the form gives: a cell still showing it was not recalculated. */
const STALE = -987654321;

jest.setTimeout(180_000);

interface Case {
  name: string;
  layouts: { sheet: string; layout: LayoutSheet }[];
  /** For rolled forms: the source forms, in sheet order. */
  sources?: CurrentForm[];
}

/** The same sheet with every cached formula result wrong. */
function stale(layout: LayoutSheet): LayoutSheet {
  return { ...layout, cells: layout.cells.map((c) => (c.formula === undefined ? c : { ...c, result: STALE })) };
}

function currentForms(grids: readonly Grid[]): CurrentForm[] {
  return recogniseWorkbook(grids).forms.filter((f): f is CurrentForm => f.edition === 'current');
}

/** What a field shows: a number (to the 12 digits a saved file keeps), — for a dash, null for blank. */
function shown(form: CurrentForm, k: string): number | string | null {
  const p = form.fields.get(k)?.parsed;
  if (!p || p.status === 'blank') return null;
  if (p.status === 'number') return Number(p.value.toPrecision(12));
  if (p.status === 'dash') return '—';
  return p.status === 'error' ? p.error : p.status === 'text' ? p.value : p.text;
}

let work = '';
const cases: Case[] = [];
const recalculated = new Map<string, Grid[]>();
const pictures: { name: string; pdf: string; pages: number; png: string }[] = [];

beforeAll(async () => {
  findProgram('soffice', 'SOFFICE');
  findProgram('pdftoppm');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mishukin-lo-templates-'));
  const [inDir, outDir, pdfDir] = ['in', 'out', 'pdf'].map((d) => path.join(work, d));
  for (const d of [inDir!, outDir!, pdfDir!]) fs.mkdirSync(d);

  const plan = (p: NewSheetPlan) => ({ sheet: p.sheet, layout: p.layout });
  for (const N of [2016, 2019, 2020, 2030]) cases.push({ name: `blank-${N}.xlsx`, layouts: [plan(planNewForm({ fiscalYear: N, protect: N === 2030 }))] });
  // The template filled with the numbers of every published sheet, for another year than printed.
  cases.push({
    name: 'filled.xlsx',
    layouts: CURRENT_SEEDS.map((s) => ({ sheet: `filled-${s.sheet}`, layout: layoutCurrentForm(sheetDataOf(s), { fiscalYear: 2024 }) })),
  });
  for (const file of [...fs.readdirSync(path.join(EXAMPLES, 'current')).sort().map((f) => path.join('current', f)), 'multi-form.xlsx']) {
    const sources = currentForms(await readWorkbook(fs.readFileSync(path.join(EXAMPLES, file))));
    const taken = new Set<string>();
    const layouts = sources.map((f) => {
      const r = planRollover(f, checkForm(f).findings, { force: true, taken });
      if (!('plan' in r)) throw new Error(r.refusal.message);
      return plan(r.plan);
    });
    cases.push({ name: `rolled-${path.basename(file)}`, layouts, sources });
  }
  for (const c of cases) {
    const bytes = await writeWorkbook(c.layouts.map((l) => ({ name: l.sheet, layout: stale(l.layout) })));
    fs.writeFileSync(path.join(inDir!, c.name), bytes);
  }
  await convert(cases.map((c) => path.join(inDir!, c.name)), 'xlsx', outDir!, path.join(work, 'profile'));
  for (const c of cases) {
    const out = path.join(outDir!, c.name);
    if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${c.name}`);
    recalculated.set(c.name, await readWorkbook(fs.readFileSync(out)));
  }

  // Print one blank and one rolled form, from the recalculated files.
  const printed = ['blank-2020.xlsx', 'rolled-sheet-03.xlsx'];
  await convert(printed.map((n) => path.join(outDir!, n)), 'pdf', pdfDir!, path.join(work, 'profile'));
  for (const n of printed) {
    const pdf = path.join(pdfDir!, n.replace(/\.xlsx$/, '.pdf'));
    pictures.push({ name: n, pdf, pages: await pdfPages(pdf), png: await pageToPng(pdf, 1, path.join(pdfDir!, n.replace(/\.xlsx$/, '')), 50) });
  }
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('new and rolled forms recalculated by LibreOffice', () => {
  it('gives exactly what the core computed, in every computed cell, and no error value anywhere', () => {
    let compared = 0;
    for (const c of cases) {
      const forms = currentForms(recalculated.get(c.name)!);
      expect([c.name, forms.length]).toEqual([c.name, c.layouts.length]);
      forms.forEach((form, i) => {
        for (const cell of c.layouts[i]!.layout.cells) {
          if (cell.formula === undefined) continue;
          const got = shown(form, cell.key!);
          const want = typeof cell.result === 'number' ? Number(cell.result.toPrecision(12)) : cell.result!;
          const where = `${c.name} ${form.sheet} ${cell.key} =${cell.formula}`;
          expect([where, typeof want === 'number' && typeof got === 'number' ? Math.abs(got - want) < 1e-9 : got === want]).toEqual([where, true]);
          expect(form.fields.get(cell.key!)?.formula).toBe(cell.formula);
          compared++;
        }
        expect(form.cells.filter((x) => isCellError(x.value)).map((x) => `${c.name} ${x.row},${x.col}`)).toEqual([]);
      });
    }
    expect(compared).toBe(40 * 104); // 4 blank, 17 filled, 19 rolled forms × 104 computed cells
  });

  it('blank forms report on their year', () => {
    for (const N of [2016, 2019, 2020, 2030]) {
      expect(currentForms(recalculated.get(`blank-${N}.xlsx`)!).map((f) => f.fiscalYear)).toEqual([N]);
    }
  });

  it('rolled forms report on N+1, row B is the source row D, and the carry chain checks clean', () => {
    let rolled = 0;
    for (const c of cases.filter((x) => x.sources)) {
      const forms = currentForms(recalculated.get(c.name)!);
      forms.forEach((form, i) => {
        const source = c.sources![i]!;
        expect(form.fiscalYear).toBe(source.fiscalYear! + 1);
        const sourceWrong = checkForm(source).findings.some((f) => f.severity === 'error' && f.keys.some((k) => /^trend\.[ABD]\./.test(k)));
        for (const code of TREND_CODES) {
          if (sourceWrong && !['ウ', 'エ', 'オ', "ウ'", "エ'", "オ'"].includes(code)) continue;
          // Blank reads as the form prints it: 0 for an amount, — for a rate.
          const asPrinted = (v: number | string | null) => v ?? (/^[キク]/.test(code) ? '—' : 0);
          const want = asPrinted(shown(source, key.trend('D', code)));
          expect([c.name, code, asPrinted(shown(form, key.trend('B', code)))]).toEqual([c.name, code, want]);
        }
        const rules = checkForm(form).findings.map((f) => f.rule);
        for (const r of ['TRD-CARRY', 'TRD-FORMULA', 'FML-HARDCODED', 'FML-ERROR']) expect([c.name, r, rules.includes(r)]).toEqual([c.name, r, false]);
        rolled++;
      });
    }
    expect(rolled).toBe(19); // 17 examples and the two forms of multi-form.xlsx
  });

  it('prints a blank and a rolled form on two A4 landscape pages, rendered to PNG', () => {
    for (const p of pictures) {
      expect([p.name, p.pages]).toEqual([p.name, 2]);
      const png = fs.readFileSync(p.png);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // A4 landscape (297 × 210 mm) at 50 dpi: about 585 × 413 pixels (width and height from the PNG header).
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect([Math.abs(w - 585) <= 2, Math.abs(h - 413) <= 2]).toEqual([true, true]);
    }
  });
});
