// What to assign to Range.formulas so that a cell ends up holding given content: both the write of a plan
// (officeAdapter.ts) and a new sheet (sheetWriter.ts) go through it.
import type { CellContent } from '../../core/plan/writePlan';

export function cellInput(c: CellContent): string | number | boolean {
  if (c.formula !== undefined) return `=${c.formula}`;
  if (c.value === null) return '';
  // Excel would read "056" as 56 and "=x" as a formula: an apostrophe keeps text text.
  if (typeof c.value === 'string' && /^[\s=+\-@\d.,]/.test(c.value)) return `'${c.value}`;
  return c.value;
}
