// What the published sheets printed, by logical key, and where they were wrong: for checking that restored
// formulas give the printed numbers everywhere except at the seeds' source errors and what follows from them.
import type { CellValue } from '../../src/core/grid';
import type { LayoutSheet } from '../../src/core/layout/currentLayout';
import { isCellError } from '../../src/core/grid';
import { computedFields } from '../../src/core/formulas/computed';
import { ratioToPercent } from '../../scripts/printed';
import type { CurrentSeed } from '../../scripts/seeds';
import type { CurrentForm } from '../../src/core/model/form';
import { isTrendCode, type TrendRow } from '../../src/core/model/keys';
import { isRateKey } from '../../src/core/plan/formulaPlan';
import { isDash } from '../../src/core/text/normalize';

/**
 * The printed value at a computed key: a number (rates in printed percent, 44.4), null (blank amount, or the
 * dash of a rate), undefined where the seed has nothing there.
 */
export function printedAt(seed: CurrentSeed, k: string): number | null | undefined {
  const [area, a, b, c] = k.split('.');
  if (area === 'trend' && a && b !== undefined) return isTrendCode(b) ? seed.trend[a as TrendRow]?.[b] : undefined;
  if (area === 'status' && (a === 'past' || a === 'current') && (b === 'count' || b === 'balance') && c) {
    return (seed.categories[a][b] as Record<string, number | null | undefined>)[c];
  }
  if (area === 'summary' && (a === 'debtors' || a === 'cases' || a === 'balance')) return seed.summary[a];
  return undefined;
}

/** The keys the published sheet got wrong (source errors), and every computed key that depends on them. */
export function wrongOnTheSheet(seed: CurrentSeed, form: CurrentForm): Set<string> {
  const out = new Set(seed.findings.filter((f) => f.kind === 'source-error').map((f) => f.where));
  const fields = computedFields(form);
  for (let grown = true; grown; ) {
    grown = false;
    for (const f of fields) {
      if (!out.has(f.key) && f.operands.some((o) => out.has(o))) {
        out.add(f.key);
        grown = true;
      }
    }
  }
  return out;
}

/** Whether a cell value (a formula's result) shows what the sheet printed: amounts exactly, rates at 0.1%. */
export function showsPrinted(k: string, value: CellValue | number | string, printed: number | null): boolean {
  if (isCellError(value as CellValue)) return false;
  if (printed === null) return value === null || (typeof value === 'string' && isDash(value));
  if (typeof value !== 'number') return false;
  return isRateKey(k) ? ratioToPercent(value) === printed : value === printed;
}

/**
 * A layout whose rate cells hold percentages, as staff type them from a printed table: every rate cell formatted
 * `numFmt` (e.g. 0.0"%" or undefined for General), its number (a values-only copy's ratio) as the printed
 * percentage (0.1452664 → 14.5), dashes as they are. A formula cell keeps its formula and result (a ratio).
 */
export function ratesAsPercentNumbers(layout: LayoutSheet, numFmt: string | undefined): LayoutSheet {
  const cells = layout.cells.map((c) => {
    if (!c.key || !isRateKey(c.key)) return c;
    const next = { ...c, numFmt };
    if (numFmt === undefined) delete next.numFmt;
    if (c.formula === undefined && typeof c.value === 'number') next.value = ratioToPercent(c.value);
    return next;
  });
  return { ...layout, cells };
}
