// 「数式を入れる」 for rate cells that hold percentages: staff type 14.5 for 14.5% in cells formatted 0.0"%" (or
// leave the % sign out). The formula must return the percentage (the ratio ×100) so that the cell shows what it did
// in the person's own format, which the add-in never changes; a real % format keeps the template's formula. The
// previews show every value as the cell shows it, before and after.
import { canonicalFormula, equivalentFormulas } from '../../src/core/formulas/equivalence';
import { parseA1, type Grid } from '../../src/core/grid';
import { formulaMessages as M } from '../../src/core/messages';
import { recogniseWorkbook } from '../../src/core/check';
import type { CurrentForm } from '../../src/core/model/form';
import { applyPlanToGrid, isRateKey, planFormulas, standardFormulas } from '../../src/core/plan/formulaPlan';
import { renderPlan } from '../../src/core/plan/renderPlan';
import { WritePlanSchema, type PlannedWrite } from '../../src/core/plan/writePlan';
import { previewEffects, previewRows } from '../../src/taskpane/model/planView';
import { ratesAsPercentNumbers } from '../helpers/formulaFixtures';
import { gridOf, seedLayout } from '../helpers/forms';

const LITERAL_FORMATS = ['0.0"%"', '0.0\\%', '0.0"％"', '0.0％'];
const PERCENT_FORMAT = '0.0"%"';

function onlyForm(grid: Grid): CurrentForm {
  const forms = recogniseWorkbook([grid]).forms;
  if (forms.length !== 1 || forms[0]!.edition !== 'current') throw new Error('expected one current form');
  return forms[0] as CurrentForm;
}

/** A published sheet typed as values (every computed cell a constant), its rates as percentages under `numFmt`. */
function percentSheet(numFmt: string | undefined, sheet = 14): Grid {
  return gridOf(ratesAsPercentNumbers(seedLayout(sheet, { valuesOnly: true }), numFmt));
}

const ordinary = planFormulas(onlyForm(gridOf(seedLayout(14, { valuesOnly: true }))));
const byKey = (writes: readonly PlannedWrite[], k: string) => writes.find((w) => w.key === k)!;

describe.each(LITERAL_FORMATS)('rates typed as percentages under %s', (numFmt) => {
  const grid = percentSheet(numFmt);
  const plan = planFormulas(onlyForm(grid));

  it('returns the percentage from every rate formula, and writes the template’s formula everywhere else', () => {
    expect(WritePlanSchema.parse(plan)).toEqual(plan);
    expect(plan.writes.map((w) => w.key)).toEqual(ordinary.writes.map((w) => w.key));
    const rates = plan.writes.filter((w) => isRateKey(w.key!));
    expect(rates.length).toBeGreaterThan(20);
    for (const w of plan.writes) {
      const o = byKey(ordinary.writes, w.key!);
      if (isRateKey(w.key!)) {
        expect(w.after.formula).toBe(o.after.formula!.replace(/\)$/, '*100)'));
        expect(w.inPercent).toBe(true);
        if (typeof o.expected === 'number') expect(w.expected).toBeCloseTo(o.expected * 100, 10);
        else expect(w.expected).toBe(o.expected);
        expect(w.after.value).toBe(w.expected);
      } else {
        expect(w).toEqual(o);
      }
      // The rates typed were the printed ones: shown values change exactly where they do on the ordinary copy.
      expect([w.key, w.changesShownValue]).toEqual([w.key, o.changesShownValue]);
    }
  });

  it('applied, shows the same rates in the unchanged format, and needs nothing more', () => {
    const after = applyPlanToGrid(grid, plan);
    const form = onlyForm(after);
    for (const c of standardFormulas(onlyForm(grid)).filter((x) => isRateKey(x.key))) {
      const p = parseA1(c.address)!;
      expect(after.cell(p.row, p.col)!.numFmt).toBe(numFmt);
      const read = form.fields.get(c.key)!.parsed;
      if (typeof c.expected === 'number') expect(read.status === 'number' && read.value).toBeCloseTo(c.expected, 12);
      else expect(read.status).toBe('dash');
    }
    expect(planFormulas(form).writes).toEqual([]);
  });
});

describe('the preview of rate cells that hold percentages', () => {
  const plan = planFormulas(onlyForm(percentSheet(PERCENT_FORMAT)));

  it('shows each rate as the cell shows it, now and after, and counts the shown values that change', () => {
    const text = renderPlan(plan);
    expect(text).toContain('いま 14.5%(値) → =IF(F19=0,"—",G19/F19*100) → 14.5%\n');
    expect(text).not.toMatch(/\d{3,}\.\d%/); // no 1450.0%
    const changed = ordinary.writes.filter((w) => w.changesShownValue).length;
    expect(text).toContain(M.renderCounts(plan.writes.length, changed, 0));
    const rates = plan.writes.filter((w) => w.inPercent).map((w) => w.address);
    expect(plan.caveats).toEqual([M.percentCells(`${rates.slice(0, 3).join(', ')} ほか${rates.length - 3}個`)]);
  });

  it('in the pane too', () => {
    const rows = previewRows(onlyForm(percentSheet(PERCENT_FORMAT)), plan);
    expect(rows.find((r) => r.address === 'J19')).toMatchObject({ now: '14.5%', formula: '=IF(F19=0,"—",G19/F19*100)', result: '14.5%' });
  });
});

describe('a sheet whose 0.0"%" rate cells got ratio formulas (they show 0.1% for 14.5%)', () => {
  // The published sheet with its formulas, its rate cells formatted as the person's: each shows its ratio + "%".
  const grid = gridOf(ratesAsPercentNumbers(seedLayout(14), PERCENT_FORMAT));
  const form = onlyForm(grid);
  const plan = planFormulas(form);
  const d = byKey(plan.writes, 'trend.D.キ');

  it('rewrites them to return the percentage, says why, and counts every rate whose shown value changes', () => {
    expect(d).toMatchObject({ address: 'J19', after: { formula: 'IF(F19=0,"—",G19/F19*100)' }, changesShownValue: true, inPercent: true });
    expect(d.expected).toBeCloseTo(14.52664, 4);
    expect(d.why).toContain(M.reasonRatioInPercent('IF(F19=0,"—",G19/F19)', '0.1%'));
    const rates = plan.writes.filter((w) => isRateKey(w.key!));
    // Every rate that is not 0 (or —) shows another value once its formula returns the percentage.
    const nonZero = rates.filter((w) => typeof w.expected === 'number' && w.expected !== 0);
    expect(nonZero.length).toBeGreaterThan(10);
    expect(rates.filter((w) => w.changesShownValue).map((w) => w.key)).toEqual(nonZero.map((w) => w.key));
    const amounts = plan.writes.filter((w) => !isRateKey(w.key!)).map((w) => w.key);
    expect(amounts).toEqual(planFormulas(onlyForm(gridOf(seedLayout(14)))).writes.map((w) => w.key));
    const text = renderPlan(plan);
    expect(text).toContain('いま =IF(F19=0,"—",G19/F19)(0.1%) → =IF(F19=0,"—",G19/F19*100) → 14.5%  ※表示が変わります');
    expect(text).toContain(M.renderCounts(plan.writes.length, plan.writes.filter((w) => w.changesShownValue).length, plan.effects?.filter((e) => e.changesShownValue).length ?? 0));
  });

  it('the add-in variant writes plain formulas there (the MISHUKIN functions return ratios)', () => {
    const addin = planFormulas(form, { variant: 'addin' });
    expect(byKey(addin.writes, 'trend.D.キ').after.formula).toBe('IF(F19=0,"—",G19/F19*100)');
    const plain = onlyForm(gridOf(seedLayout(14, { valuesOnly: true })));
    expect(byKey(planFormulas(plain, { variant: 'addin' }).writes, 'trend.D.キ').after.formula).toBe('MISHUKIN.徴収率(G19,F19)');
  });
});

describe('which cells hold percentages', () => {
  it('a percentage typed without a % sign (18.6, and 0.7 beside it) is one; a 0 or — rate cell follows the form', () => {
    // Sheet 9 (the red-team case): rates of 0.3% to 18.6%, D.キ' is 0; its D.キ typed as — by mistake.
    const layout = ratesAsPercentNumbers(seedLayout(9, { valuesOnly: true }), undefined);
    const cells = layout.cells.map((c) => (c.key === 'trend.D.キ' ? { ...c, value: '—' } : c));
    const plan = planFormulas(onlyForm(gridOf({ ...layout, cells })));
    const rates = plan.writes.filter((w) => isRateKey(w.key!));
    expect(rates.length).toBeGreaterThan(20);
    expect(rates.filter((w) => !w.inPercent || !/\*100\)$/.test(w.after.formula!))).toEqual([]);
    expect(byKey(rates, "trend.D.キ'").expected).toBe(0);
    expect(byKey(rates, 'trend.B.キ').expected).toBeCloseTo(0.7, 1);
    expect(byKey(rates, 'trend.D.キ')).toMatchObject({ before: { value: '—' }, changesShownValue: true });
    expect(renderPlan(plan)).toContain('いま —(値) → =IF(F19=0,"-",G19/F19*100) → 0.6%  ※表示が変わります');
    // The rates typed were right: no other shown value changes.
    expect(plan.writes.filter((w) => w.changesShownValue).map((w) => w.key)).toEqual(['trend.D.キ']);
  });

  it('a real % format keeps the template’s formula, beside cells that hold percentages', () => {
    const layout = ratesAsPercentNumbers(seedLayout(14, { valuesOnly: true }), PERCENT_FORMAT);
    const cells = layout.cells.map((c) => (c.key === 'trend.D.キ' ? { ...c, value: 0.1452664, numFmt: '0.0%' } : c));
    const plan = planFormulas(onlyForm(gridOf({ ...layout, cells })));
    expect(byKey(plan.writes, 'trend.D.キ')).toMatchObject({ after: { formula: 'IF(F19=0,"—",G19/F19)' }, expected: byKey(ordinary.writes, 'trend.D.キ').expected });
    expect(byKey(plan.writes, 'trend.D.キ').inPercent).toBeUndefined();
    expect(byKey(plan.writes, 'trend.D.ク').after.formula).toBe('IF(D19=0,"—",I19/D19*100)');
  });
});

describe('formulas that return the percentage', () => {
  it('are the same however written, and not the same as the ratio', () => {
    const standard = 'IF(F19=0,"-",G19/F19*100)';
    for (const f of ['IF(F19=0,"—",100*G19/F19)', 'IF(F19<>0,G19*100/F19,"-")', 'IFERROR(G19/F19*100,"-")']) {
      expect([f, equivalentFormulas(f, standard)]).toEqual([f, true]);
    }
    for (const f of ['IF(F19=0,"-",G19/F19)', 'IF(F19=0,"-",G19/F19*10)', 'MISHUKIN.徴収率(G19,F19)', 'IF(F19=0,"-",G19/F19/100)']) {
      expect([f, equivalentFormulas(f, standard)]).toEqual([f, false]);
    }
    expect(canonicalFormula('G19/F19*100')).toEqual(canonicalFormula('G19*100/F19'));
  });
});

describe('the pane’s knock-on rows', () => {
  it('show a cell that holds a percentage as it shows it', () => {
    const effects = previewEffects({
      title: 't',
      writes: [],
      effects: [{ sheet: 's', address: 'J19', key: 'trend.D.キ', label: 'キ', before: 14.1, after: 14.52664, changesShownValue: true, inPercent: true }],
    });
    expect(effects).toEqual([{ address: 'J19', label: 'キ', before: '14.1%', after: '14.5%' }]);
  });
});
