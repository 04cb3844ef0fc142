// The computed columns of 2. 未収金の推移 (spec §2), written once: the checks, the formula writer and the
// custom functions all use these definitions.
import type { TrendCode } from '../model/keys';

export type Operand = (code: TrendCode) => number;

export interface ComputedColumn {
  code: TrendCode;
  kind: 'amount' | 'rate';
  /** The rule as printed on the form, e.g. "ウ-(エ+オ)". */
  rule: string;
  operands: readonly TrendCode[];
  /** The value; null for a rate whose denominator is 0 (the form shows —). */
  compute: (v: Operand) => number | null;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export const TREND_COMPUTED: readonly ComputedColumn[] = [
  { code: 'イ', kind: 'amount', rule: 'ア-ウ', operands: ['ア', 'ウ'], compute: (v) => v('ア') - v('ウ') },
  { code: 'カ', kind: 'amount', rule: 'イ+エ+オ', operands: ['イ', 'エ', 'オ'], compute: (v) => v('イ') + v('エ') + v('オ') },
  { code: 'キ', kind: 'rate', rule: 'エ÷ウ', operands: ['エ', 'ウ'], compute: (v) => ratio(v('エ'), v('ウ')) },
  { code: 'ク', kind: 'rate', rule: 'カ÷ア', operands: ['カ', 'ア'], compute: (v) => ratio(v('カ'), v('ア')) },
  { code: 'ケ', kind: 'amount', rule: 'ウ-(エ+オ)', operands: ['ウ', 'エ', 'オ'], compute: (v) => v('ウ') - (v('エ') + v('オ')) },
  { code: "カ'", kind: 'amount', rule: "エ'+オ'", operands: ["エ'", "オ'"], compute: (v) => v("エ'") + v("オ'") },
  { code: "キ'", kind: 'rate', rule: "エ'÷ウ'", operands: ["エ'", "ウ'"], compute: (v) => ratio(v("エ'"), v("ウ'")) },
  { code: "ク'", kind: 'rate', rule: "カ'÷ウ'", operands: ["カ'", "ウ'"], compute: (v) => ratio(v("カ'"), v("ウ'")) },
  { code: "ケ'", kind: 'amount', rule: "ウ'-(エ'+オ')", operands: ["ウ'", "エ'", "オ'"], compute: (v) => v("ウ'") - (v("エ'") + v("オ'")) },
  {
    code: "キ''",
    kind: 'rate',
    rule: "(エ+エ')÷(ウ+ウ')",
    operands: ['エ', "エ'", 'ウ', "ウ'"],
    compute: (v) => ratio(v('エ') + v("エ'"), v('ウ') + v("ウ'")),
  },
  {
    code: "ク''",
    kind: 'rate',
    rule: "(カ+カ')÷(ア+ウ')",
    operands: ['カ', "カ'", 'ア', "ウ'"],
    compute: (v) => ratio(v('カ') + v("カ'"), v('ア') + v("ウ'")),
  },
  { code: "ケ''", kind: 'amount', rule: "ケ+ケ'", operands: ['ケ', "ケ'"], compute: (v) => v('ケ') + v("ケ'") },
];

/** A rate as the form displays it, in tenths of a percent (44.4% → 444), rounded half up. */
export function rateTenths(r: number): number {
  return Math.round(r * 1000 + 1e-7);
}
