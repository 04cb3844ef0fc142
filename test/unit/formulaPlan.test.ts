// 「数式を入れる」 in the core: the plan of every example form, its formulas evaluated independently of the plan
// (parsed back from their text), the printed numbers they reproduce, what it must never touch, offsets, the
// add-in variant, partial plans, the grid preview and the text rendering.
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { recogniseWorkbook } from '../../src/core/check';
import { computedFields } from '../../src/core/formulas/computed';
import { canonicalFormula, type Canonical } from '../../src/core/formulas/equivalence';
import { FUNCTION_DASH } from '../../src/core/formulas/functions';
import { a1, Grid, isCellError, parseA1, type CellValue } from '../../src/core/grid';
import { messages } from '../../src/core/messages';
import type { CurrentForm, Form } from '../../src/core/model/form';
import { key, TREND_INPUTS, type TrendRow } from '../../src/core/model/keys';
import { applyPlanToGrid, planFormulas, standardFormulas } from '../../src/core/plan/formulaPlan';
import { renderPlan } from '../../src/core/plan/renderPlan';
import { WritePlanSchema, type WritePlan } from '../../src/core/plan/writePlan';
import { isDash } from '../../src/core/text/normalize';
import { printedAt, showsPrinted, wrongOnTheSheet } from '../helpers/formulaFixtures';
import { CURRENT_SEEDS, gridOf, seed, seedLayout, setKey } from '../helpers/forms';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

function currentForms(grids: readonly Grid[]): CurrentForm[] {
  return recogniseWorkbook(grids).forms.filter((f: Form): f is CurrentForm => f.edition === 'current');
}

function onlyForm(grid: Grid): CurrentForm {
  const forms = currentForms([grid]);
  if (forms.length !== 1) throw new Error(`expected one form, found ${forms.length}`);
  return forms[0]!;
}

type Linear = Extract<Canonical, { kind: 'amount' }>['sum'];

/** A formula's value computed from its text (not from the plan's expression trees) over a grid's values. */
function evaluateText(formula: string, grid: Grid): number | string {
  const c: Canonical | null = canonicalFormula(formula);
  if (!c) throw new Error(`not a form formula: ${formula}`);
  const v = (addr: string): number => {
    const p = parseA1(addr)!;
    const x: CellValue | undefined = grid.cell(p.row, p.col)?.value;
    if (x === null || x === undefined) return 0;
    if (typeof x !== 'number') throw new Error(`${addr} holds ${JSON.stringify(x)}`);
    return x;
  };
  const lin = (l: Linear): number => [...l.cells].reduce((s, [addr, k]) => s + k * v(addr), l.constant);
  if (c.kind === 'amount') return lin(c.sum);
  const den = lin(c.den);
  return den === 0 ? 'dash' : lin(c.num) / den;
}

interface Example {
  file: string;
  grid: Grid;
  form: CurrentForm;
  seedNo: number | null;
}

const examples: Example[] = [];

beforeAll(async () => {
  const files = [
    ...fs.readdirSync(path.join(EXAMPLES, 'current')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join('current', f)),
    'multi-form.xlsx',
  ].sort();
  for (const file of files) {
    const grids = await readWorkbook(fs.readFileSync(path.join(EXAMPLES, file)));
    for (const form of currentForms(grids)) {
      const grid = grids.find((g) => g.name === form.sheet)!;
      const m = /sheet-(\d+)\.xlsx$/.exec(file);
      const name = form.fields.get(key.header('claimName'))?.parsed;
      const seedNo = m ? Number(m[1]) : (CURRENT_SEEDS.find((s) => name?.status === 'text' && s.header.claimName === name.value)?.sheet ?? null);
      examples.push({ file, grid, form, seedNo });
    }
  }
});

describe('on every example form', () => {
  it('finds the 17 sheets and the two forms of multi-form.xlsx', () => {
    expect(examples).toHaveLength(19);
    expect(examples.every((e) => e.seedNo !== null)).toBe(true);
  });

  it('plans a valid WritePlan whose expected values are what its formulas give, read back from their text', () => {
    for (const { grid, form } of examples) {
      const plan = planFormulas(form);
      expect(WritePlanSchema.parse(plan)).toEqual(plan);
      const after = applyPlanToGrid(grid, plan);
      for (const c of standardFormulas(form)) {
        const got = evaluateText(c.formula, after);
        if (got === 'dash') expect(typeof c.expected === 'string' && isDash(c.expected)).toBe(true);
        else expect(got).toBeCloseTo(c.expected as number, 12);
        const p = parseA1(c.address)!;
        const shown = after.cell(p.row, p.col)!;
        expect(shown.value).toEqual(c.expected);
        expect(canonicalFormula(shown.formula!)).toEqual(canonicalFormula(c.formula));
      }
    }
  });

  it('reproduces the printed numbers except at the published sheets’ source errors (and what follows from them)', () => {
    let compared = 0;
    const differing: string[] = [];
    for (const { form, seedNo, file } of examples) {
      const s = seed(seedNo!);
      const wrong = wrongOnTheSheet(s, form);
      for (const c of standardFormulas(form)) {
        const printed = printedAt(s, c.key);
        if (printed === undefined) continue;
        compared++;
        if (!showsPrinted(c.key, c.expected, printed)) {
          differing.push(`${file} ${c.key}`);
          expect(wrong).toContain(c.key);
        }
      }
    }
    expect(compared).toBeGreaterThan(1500);
    // The source errors of sheet-03 (E.ア) and sheet-14 (B.ケ', summary.balance) move the numbers after them.
    expect(differing).toEqual(expect.arrayContaining(['current/sheet-03.xlsx trend.E.ア', "current/sheet-14.xlsx trend.B.ケ'", 'current/sheet-14.xlsx summary.balance']));
  });

  it('writes only where the example types a value over a formula (the known source errors)', () => {
    const written = examples.flatMap(({ file, form }) => planFormulas(form).writes.map((w) => `${file} ${w.key}`));
    expect(written.sort()).toEqual(
      ['current/sheet-03.xlsx trend.E.ア', "current/sheet-14.xlsx trend.B.ケ'", 'current/sheet-14.xlsx summary.balance', 'multi-form.xlsx trend.E.ア'].sort(),
    );
  });

  it('never writes an input cell, a label, or outside the form', () => {
    for (const { form } of examples) {
      for (const variant of ['plain', 'addin'] as const) {
        const computed = new Set(computedFields(form).map((c) => c.key));
        const fieldAt = new Map([...form.fields.values()].map((f) => [f.address, f.key]));
        for (const w of planFormulas(form, { variant }).writes) {
          expect(computed).toContain(w.key);
          expect(fieldAt.get(w.address)).toBe(w.key);
          const p = parseA1(w.address)!;
          expect(p.row >= form.region.top && p.row <= form.region.bottom && p.col >= form.region.left && p.col <= form.region.right).toBe(true);
        }
      }
    }
  });
});

describe('a values-only copy (every computed cell typed)', () => {
  it('gets a formula in every computed cell of every filled row, and the printed numbers back', () => {
    for (const s of CURRENT_SEEDS) {
      const withFormulas = seedLayout(s.sheet);
      const form = onlyForm(gridOf(seedLayout(s.sheet, { valuesOnly: true })));
      const plan = planFormulas(form);
      const planned = new Set(plan.writes.map((w) => w.key));
      const young = s.trend.A === null; // B.ア is typed: nothing to carry from
      // 過年度分 / 現年度分 of a row: the codes without / with one prime; a block whose typed inputs the sheet left
      // empty stays so (its computed cells show 0 and — from the template alone).
      const blockOf = (code: string) => (code.endsWith("''") ? 2 : code.endsWith("'") ? 1 : 0);
      const printedBlock = (row: TrendRow, block: number): boolean =>
        TREND_INPUTS.some((c) => (block === 2 || blockOf(c) === block) && (s.trend[row]?.[c] ?? null) !== null);
      const expected = withFormulas.cells
        .filter((c) => c.style === 'computed' && c.key)
        .map((c) => c.key!)
        .filter((k) => {
          const [, row, code] = /^trend\.([A-G])\.(.+)$/.exec(k) ?? [];
          return !(row && code && !printedBlock(row as TrendRow, blockOf(code))) && !(young && k === key.trend('B', 'ア'));
        });
      expect([...planned].sort()).toEqual(expected.sort());
      expect(plan.writes.every((w) => w.after.formula !== undefined && w.before.formula === undefined)).toBe(true);
      // Printed and restored agree except at the source errors.
      const wrong = wrongOnTheSheet(s, form);
      for (const w of plan.writes) {
        if (w.changesShownValue) expect(wrong).toContain(w.key);
      }
    }
  });

  it('says the cells were typed values, and which shown values change', () => {
    const form = onlyForm(gridOf(seedLayout(14, { valuesOnly: true })));
    const plan = planFormulas(form);
    const k = plan.writes.find((w) => w.key === "trend.B.ケ'");
    expect(k).toMatchObject({ address: 'S17', before: { value: 2366 }, after: { formula: 'M17-(N17+O17)', value: 2368 }, expected: 2368, changesShownValue: true });
    expect(k?.why).toContain("ケ'=ウ'-(エ'+オ')");
    expect(k?.why).toContain('2,366');
    expect(plan.writes.filter((w) => w.changesShownValue).map((w) => w.key)).toEqual(
      expect.arrayContaining(["trend.B.ケ'", "trend.B.ケ''", 'trend.C.ア', 'trend.D.ア', 'summary.balance']),
    );
  });
});

describe('references move with the form', () => {
  const shift = (formula: string, rows: number, cols: number) =>
    formula.replace(/\b([A-Z]{1,3})(\d+)\b/g, (m) => {
      const p = parseA1(m)!;
      return a1(p.row + rows, p.col + cols);
    });

  it('gives the same formulas, shifted, for a form placed elsewhere', () => {
    const at = (top: number, left: number) => planFormulas(onlyForm(gridOf(seedLayout(3, { valuesOnly: true, top, left }))));
    const home = at(1, 1);
    const away = at(9, 5);
    expect(away.writes).toHaveLength(home.writes.length);
    home.writes.forEach((w, i) => {
      const moved = away.writes[i]!;
      expect(moved.key).toBe(w.key);
      expect(moved.address).toBe(shift(w.address, 8, 4));
      expect(moved.after.formula).toBe(shift(w.after.formula!, 8, 4));
      expect(moved.expected).toEqual(w.expected);
    });
  });

  it('plans the second form of multi-form.xlsx at its own place', () => {
    const second = examples.find((e) => e.file === 'multi-form.xlsx' && e.form.anchor !== 'B2')!;
    const form = onlyForm(gridOf(seedLayout(second.seedNo!, { valuesOnly: true, top: 4, left: 2 })));
    const w = planFormulas(form).writes.find((x) => x.key === "trend.D.ケ''")!;
    expect(w.address).toBe(form.fields.get("trend.D.ケ''")!.address);
    expect(w.after.formula).toBe(`${form.fields.get('trend.D.ケ')!.address}+${form.fields.get("trend.D.ケ'")!.address}`);
  });
});

describe('which cells are left alone', () => {
  const layout = seedLayout(14);

  it('leaves a formula that computes the same although written otherwise', () => {
    const f = form(setKey(layout, 'status.past.count.collect', 748, 'D29+E29+F29+G29+H29+I29+J29+K29+L29'));
    const g = form(setKey(layout, 'trend.D.キ', 0.1452664, 'IFERROR($G$19/$F$19,"-")'));
    expect(planFormulas(f).writes.map((w) => w.key)).not.toContain('status.past.count.collect');
    expect(planFormulas(g).writes.map((w) => w.key)).not.toContain('trend.D.キ');
  });

  it('rewrites a formula that computes something else, and a bare division (#DIV/0! at 0)', () => {
    const f = form(setKey(layout, 'status.past.count.collect', 748, 'SUM(D29:K29)'));
    const g = form(setKey(layout, 'trend.D.キ', 0.1452664, 'G19/F19'));
    const w = planFormulas(f).writes.find((x) => x.key === 'status.past.count.collect')!;
    expect(w.after.formula).toBe('SUM(D29:L29)');
    expect(w.why).toContain('=SUM(D29:K29)');
    expect(planFormulas(g).writes.find((x) => x.key === 'trend.D.キ')!.after.formula).toBe('IF(F19=0,"—",G19/F19)');
  });

  it('replaces MISHUKIN functions by plain formulas (recipients without the add-in would see #NAME?)', () => {
    const f = form(setKey(layout, 'trend.D.キ', 0.1452664, 'MISHUKIN.徴収率(G19,F19)'));
    const w = planFormulas(f).writes.find((x) => x.key === 'trend.D.キ')!;
    expect(w.after.formula).toBe('IF(F19=0,"—",G19/F19)');
    expect(w.changesShownValue).toBe(false);
    expect(w.why).toContain('MISHUKIN');
  });

  it('leaves a trend row nobody filled in blank, and a young claim’s typed B.ア', () => {
    const f = form(seedLayout(14, { valuesOnly: true })); // row A is empty on sheet-14
    const keys = planFormulas(f).writes.map((w) => w.key);
    expect(keys.some((k) => k?.startsWith('trend.A.'))).toBe(false);
    expect(keys).not.toContain('trend.B.ア');
    expect(keys).toContain('trend.C.ア');
  });

  it('leaves an empty 現年度分 blank (sheet-02 has no current-year claims), but fills the totals', () => {
    const keys = planFormulas(form(seedLayout(2, { valuesOnly: true }))).writes.map((w) => w.key);
    expect(keys.filter((k) => /^trend\.[A-G]\.[^']+'$/.test(k ?? ''))).toEqual([]);
    expect(keys).toContain("trend.D.ケ''");
    expect(keys).toContain("trend.D.ク''");
  });

  function form(l: ReturnType<typeof seedLayout>): CurrentForm {
    return onlyForm(gridOf(l));
  }
});

describe('the add-in variant', () => {
  const f = onlyForm(gridOf(seedLayout(14, { valuesOnly: true })));
  const plan = planFormulas(f, { variant: 'addin' });
  const byKey = (k: string) => plan.writes.find((w) => w.key === k)!;

  it('uses MISHUKIN functions where one applies, plain formulas elsewhere', () => {
    expect(byKey('trend.D.キ').after.formula).toBe('MISHUKIN.徴収率(G19,F19)');
    expect(byKey("trend.D.ク''").after.formula).toBe('MISHUKIN.整理率合計(I19,P19,D19,M19)');
    expect(byKey("trend.D.カ'").after.formula).toBe('MISHUKIN.整理額(0,N19,O19)');
    expect(byKey("trend.D.ケ''").after.formula).toBe('L19+S19');
    expect(byKey('trend.D.ア').after.formula).toBe('V17');
    expect(byKey('status.past.count.collect').after.formula).toBe('SUM(D29:L29)');
  });

  it('gives the same numbers as the plain formulas, and — where a rate’s denominator is 0', () => {
    const plain = planFormulas(f);
    for (const w of plain.writes) {
      const a = byKey(w.key!);
      expect(a.expected).toEqual(typeof w.expected === 'string' && a.after.formula!.startsWith('MISHUKIN.') ? FUNCTION_DASH : w.expected);
    }
  });

  it('carries the FML-ADDIN-FUNCTION caveat', () => {
    const [head, tail] = messages.fmlAddin('\u0000').split('\u0000');
    const caveat = plan.caveats?.[0] ?? '';
    expect(caveat.startsWith(head!) && caveat.endsWith(tail!)).toBe(true);
    expect(caveat).toContain('#NAME?');
    expect(planFormulas(f).caveats).toBeUndefined();
  });

  it('is recognised as already there when run again, and the plain variant replaces it', () => {
    const after = applyPlanToGrid(gridOf(seedLayout(14, { valuesOnly: true })), plan);
    const again = onlyForm(after);
    expect(planFormulas(again, { variant: 'addin' }).writes).toEqual([]);
    const back = planFormulas(again);
    expect(back.writes.every((w) => !/MISHUKIN/.test(w.after.formula!))).toBe(true);
    expect(back.writes.length).toBe(plan.writes.filter((w) => /MISHUKIN/.test(w.after.formula!)).length);
  });
});

describe('partial plans and the grid preview', () => {
  const layout = seedLayout(14);
  const grid = gridOf(layout);
  const f = onlyForm(grid);

  it('lists the knock-on changes of cells it leaves alone, and the preview shows them', () => {
    const plan = planFormulas(f);
    expect(plan.effects?.map((e) => e.key)).toEqual(expect.arrayContaining(["trend.B.ケ''", 'trend.C.ア', 'trend.D.ア']));
    const after = applyPlanToGrid(grid, plan);
    const v = (addr: string) => after.cell(parseA1(addr)!.row, parseA1(addr)!.col);
    expect(v('S17')).toMatchObject({ value: 2368, formula: 'M17-(N17+O17)' });
    expect(v('V17')).toMatchObject({ value: 19074, formula: 'L17+S17' });
    expect(planFormulas(onlyForm(after)).writes).toEqual([]);
  });

  it('applies only the selected writes (and then no knock-on values)', () => {
    const plan = planFormulas(f);
    const after = applyPlanToGrid(grid, plan, ['$J$41']);
    const v = (addr: string) => after.cell(parseA1(addr)!.row, parseA1(addr)!.col);
    expect(v('J41')).toMatchObject({ value: 18714, formula: 'V19' });
    expect(v('S17')).toMatchObject({ value: 2366 });
    expect(v('S17')!.formula).toBeUndefined();
    expect(v('V17')).toMatchObject({ value: 19072 });
    expect(grid.cellCount).toBe(after.cellCount);
  });

  it('plans a subset exactly with `only`: the other cells are read as they are', () => {
    const plan = planFormulas(f, { only: ['J41'] });
    expect(plan.writes.map((w) => w.address)).toEqual(['J41']);
    expect(plan.effects).toBeUndefined();
    const sub = planFormulas(f, { only: ['S17'] });
    expect(sub.writes.map((w) => w.address)).toEqual(['S17']);
    expect(sub.effects?.map((e) => e.address)).toContain('V17');
  });
});

describe('inputs that are not plain numbers', () => {
  it('computes with a number typed as text and says Excel may not', () => {
    const f = onlyForm(gridOf(setKey(seedLayout(14, { valuesOnly: true }), 'trend.D.ウ', '18,559')));
    const plan = planFormulas(f);
    expect(plan.writes.find((w) => w.key === 'trend.D.ケ')!.expected).toBe(13985);
    expect(plan.caveats?.join('\n')).toContain('F19');
    // A MISHUKIN function refuses a number typed as text: the preview says #VALUE! there.
    const addin = planFormulas(f, { variant: 'addin' });
    expect(addin.writes.find((w) => w.key === 'trend.D.ケ')!.expected).toBe('#VALUE!');
    expect(addin.writes.find((w) => w.key === "trend.D.ケ''")!.expected).toBe('#VALUE!');
  });

  it('shows an error where an input cannot be read, and a fraction refused by the MISHUKIN functions', () => {
    const bad = onlyForm(gridOf(setKey(seedLayout(14, { valuesOnly: true }), 'trend.D.ウ', '未定')));
    expect(planFormulas(bad).writes.find((w) => w.key === 'trend.D.ケ')!.expected).toBe('#VALUE!');
    const frac = onlyForm(gridOf(setKey(seedLayout(14, { valuesOnly: true }), 'trend.D.ウ', 18559.5)));
    expect(planFormulas(frac).writes.find((w) => w.key === 'trend.D.ケ')!.expected).toBe(13985.5);
    const addin = planFormulas(frac, { variant: 'addin' });
    expect(addin.writes.find((w) => w.key === 'trend.D.ケ')!.expected).toBe('#VALUE!');
    expect(addin.caveats?.join('\n')).toContain('F19');
    const after = applyPlanToGrid(gridOf(seedLayout(14, { valuesOnly: true })), planFormulas(bad));
    expect(isCellError(after.cell(18, 11)!.value)).toBe(true);
  });
});

describe('the text preview', () => {
  it('shows each cell: now, the formula, its value, and whether the shown value changes', () => {
    const text = renderPlan(planFormulas(onlyForm(gridOf(seedLayout(14)))));
    expect(text).toContain('数式を入れる: シート「Sheet1」B2 の調査書');
    expect(text).toContain("S17  2. 未収金の推移 B行(平30 実績) ケ'列");
    expect(text).toContain('いま 2,366(値) → =M17-(N17+O17) → 2,368  ※表示が変わります');
    expect(text).toContain('V17  2. 未収金の推移 B行(平30 実績) ケ\'\'列  19,072 → 19,074');
  });

  it('shows rates as percentages, and says when there is nothing to write', () => {
    const f = onlyForm(gridOf(setKey(seedLayout(14), 'trend.D.キ', 0.1452664, 'MISHUKIN.徴収率(G19,F19)')));
    expect(renderPlan(planFormulas(f))).toContain('いま =MISHUKIN.徴収率(G19,F19)(14.5%) → =IF(F19=0,"—",G19/F19) → 14.5%');
    const done: WritePlan = { title: 't', writes: [] };
    expect(renderPlan(done)).toContain('書き込むセルはありません');
  });
});
