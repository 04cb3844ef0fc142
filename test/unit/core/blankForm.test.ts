// A form nobody has filled in: one FORM-BLANK note, no error for each empty field; the first input starts the checks.
import { checkWorkbook } from '../../../src/core/check';
import { planNewForm } from '../../../src/core/plan/sheetPlan';
import type { LayoutSheet } from '../../../src/core/layout/sheet';
import { key } from '../../../src/core/model/keys';
import { gridOf, setKey } from '../../helpers/forms';

const blank = (): LayoutSheet => planNewForm({ fiscalYear: 2019 }).layout;
const rules = (l: LayoutSheet) => checkWorkbook([gridOf(l)]).forms.flatMap((f) => f.findings.map((x) => `${x.rule} ${x.severity}`));

/** Every input of a layout set to 0, as staff paste zeros over a template. */
function zeroed(l: LayoutSheet): LayoutSheet {
  return { ...l, cells: l.cells.map((c) => (c.key && c.formula === undefined && c.numFmt !== undefined && !c.key.startsWith('header.') ? { ...c, value: 0 } : c)) };
}

describe('a blank form', () => {
  it('the blank template of `mishukin new` gets one note and no error', () => {
    expect(rules(blank())).toEqual(['FORM-BLANK info']);
  });

  it('so does the template with its values only, and with zeros typed in its inputs', () => {
    const valuesOnly = { ...blank(), cells: blank().cells.map((c) => { const { formula, ...rest } = c; return formula === undefined ? c : { ...rest, value: c.result }; }) };
    expect(rules(valuesOnly)).toEqual(['FORM-BLANK info']);
    expect(zeroed(blank()).cells.filter((c) => c.value === 0).length).toBeGreaterThan(50);
    expect(rules(zeroed(blank()))).toEqual(['FORM-BLANK info']);
  });

  it('is checked in full from the first input on: a claim name alone, a number alone', () => {
    const named = setKey(blank(), key.header('claimName'), '奨学金返還金');
    expect(rules(named)).not.toContain('FORM-BLANK info');
    expect(rules(named)).toContain('HDR-REQUIRED error');
    const numbered = setKey(blank(), key.trend('D', 'ウ'), 120);
    expect(rules(numbered)).not.toContain('FORM-BLANK info');
    expect(rules(numbered).some((r) => r.endsWith('error'))).toBe(true);
  });
});
