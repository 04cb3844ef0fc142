// Whether a trend row was filled in: by its typed inputs only (ウ エ オ ウ' エ' オ', or an ア typed as a value).
// A template keeps its formulas in rows nobody filled, so a computed cell showing 0 or — says nothing.
import type { CurrentForm } from './form';
import { key, TREND_INPUTS, TREND_ROWS, type TrendRow } from './keys';

export function rowFilled(form: CurrentForm, row: TrendRow): boolean {
  return TREND_INPUTS.some((c) => {
    const f = form.fields.get(key.trend(row, c));
    if (!f || f.parsed.status === 'blank' || f.parsed.status === 'dash') return false;
    return c !== 'ア' || f.formula === undefined;
  });
}

export function filledRows(form: CurrentForm): TrendRow[] {
  return TREND_ROWS.filter((r) => rowFilled(form, r));
}
