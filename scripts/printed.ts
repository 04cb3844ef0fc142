// How a published sheet holds a computed cell: its formula where the printed number is what the formula gives,
// the printed number typed over it where it is not (that is how a real sheet carries its mistakes), and nothing
// where the author cleared it. The fixture builder hands this to the one layout as its `override`.
import type { Computed, ComputedOverride, TypedOverCell } from '../src/core/layout/currentLayout';
import { TREND_ROWS, isTrendCode, type Part } from '../src/core/model/keys';
import type { CurrentSeed } from './seeds';

/** Percent at the form's display precision (0.1 point), half away from zero like Excel's display. */
export function ratioToPercent(ratio: number): number {
  const tenths = Number((Math.abs(ratio) * 1000).toPrecision(12));
  const r = Math.round(tenths) / 10;
  return ratio < 0 ? -r : r;
}

/** A printed percentage (44.4) as the ratio a typed cell holds (0.444), without float noise. */
export function percentToRatio(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

export type PrintedKind = 'amount' | 'count' | 'rate';

/**
 * What a computed cell printed as `printed` holds: undefined (its formula) or a typed constant. `printed`
 * undefined or null (an amount) = blank on the sheet; for a rate null is the dash.
 */
export function typedUnlessFormula(c: Computed, printed: number | null | undefined, kind: PrintedKind, dash: string): TypedOverCell | undefined {
  if (kind === 'rate') {
    if (printed === undefined) return { value: null };
    if (printed === null) return c.result === dash ? undefined : { value: dash };
    if (typeof c.result === 'number' && ratioToPercent(c.result) === printed) return undefined;
    return { value: percentToRatio(printed) };
  }
  if (printed === undefined || printed === null) return { value: null };
  return printed === c.result ? undefined : { value: printed };
}

const RATE_KEY = /^trend\.[A-G]\.(キ|ク)/;

/**
 * The override for a published current-edition sheet. A trend row nobody filled keeps the template's formulas
 * (they show 0 and —, as the published sheets print them under a blank ウ'); so do section 3's 計 and 合計 and
 * the summary where the extraction has nothing (the template's SUM shows 0).
 */
export function printedOverride(seed: Pick<CurrentSeed, 'trend' | 'categories' | 'summary'>, dash: string): ComputedOverride {
  return (k, c) => {
    const p = k.split('.');
    if (p[0] === 'trend') {
      const row = TREND_ROWS.find((r) => r === p[1]);
      const code = p[2]!;
      const data = row ? seed.trend[row] : null;
      if (!data || !isTrendCode(code)) return undefined;
      return typedUnlessFormula(c, data[code], RATE_KEY.test(k) ? 'rate' : 'amount', dash);
    }
    let printed: number | null | undefined;
    if (p[0] === 'status') {
      const [, part, m, col] = p as [string, Part, 'count' | 'balance', string];
      printed = (seed.categories[part][m] as Record<string, number | null | undefined>)[col];
    } else if (p[0] === 'summary') printed = seed.summary[p[1] as 'cases' | 'balance'];
    if (printed === undefined || printed === null) return undefined;
    return typedUnlessFormula(c, printed, p[0] === 'status' && p[2] === 'count' ? 'count' : 'amount', dash);
  };
}
