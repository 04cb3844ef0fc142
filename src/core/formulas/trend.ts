// The computed columns of 2. 未収金の推移 (spec §2), written once as expression trees: the checks, the formula
// writer («数式を入れる») and the custom functions (MISHUKIN.*) all use these definitions.
import type { TrendCode } from '../model/keys';
import { add, divide, evaluate, ratio as rate, ref, refsOf, ruleText, sub, type Expr } from './expr';

export type Operand = (code: TrendCode) => number;

export interface ComputedColumn {
  code: TrendCode;
  kind: 'amount' | 'rate';
  /** The arithmetic over the same row's columns. */
  expr: Expr<TrendCode>;
  /** The rule as printed on the form, e.g. "ウ-(エ+オ)". */
  rule: string;
  operands: readonly TrendCode[];
  /** The value; null for a rate whose denominator is 0 (the form shows —). */
  compute: (v: Operand) => number | null;
}

/** numerator ÷ denominator; null where the denominator is 0. */
export const ratio = divide;

const c = (code: TrendCode) => ref(code);

function column(code: TrendCode, expr: Expr<TrendCode>): ComputedColumn {
  return {
    code,
    kind: expr.op === 'ratio' ? 'rate' : 'amount',
    expr,
    rule: ruleText(expr, (x) => x),
    operands: refsOf(expr),
    compute: (v) => evaluate(expr, v),
  };
}

export const TREND_COMPUTED: readonly ComputedColumn[] = [
  column('イ', sub(c('ア'), c('ウ'))),
  column('カ', add(c('イ'), c('エ'), c('オ'))),
  column('キ', rate(c('エ'), c('ウ'))),
  column('ク', rate(c('カ'), c('ア'))),
  column('ケ', sub(c('ウ'), add(c('エ'), c('オ')))),
  column("カ'", add(c("エ'"), c("オ'"))),
  column("キ'", rate(c("エ'"), c("ウ'"))),
  column("ク'", rate(c("カ'"), c("ウ'"))),
  column("ケ'", sub(c("ウ'"), add(c("エ'"), c("オ'")))),
  column("キ''", rate(add(c('エ'), c("エ'")), add(c('ウ'), c("ウ'")))),
  column("ク''", rate(add(c('カ'), c("カ'")), add(c('ア'), c("ウ'")))),
  column("ケ''", add(c('ケ'), c("ケ'"))),
];

const BY_CODE = new Map(TREND_COMPUTED.map((col) => [col.code, col]));

/** The definition of one computed column; undefined for an input column (ア ウ エ オ ウ' エ' オ'). */
export function trendColumn(code: TrendCode): ComputedColumn | undefined {
  return BY_CODE.get(code);
}

/** A rate as the form displays it, in tenths of a percent (44.4% → 444), rounded half up. */
export function rateTenths(r: number): number {
  return Math.round(r * 1000 + 1e-7);
}
