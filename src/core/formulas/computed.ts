// Which cells of a recognised form are computed (not 色付け箇所), by which rule, and with which arithmetic.
import type { CurrentForm } from '../model/form';
import { CARRY_FROM, COLLECT_CATEGORIES, key, PARTS, SETTLE_CATEGORIES, TREND_ROWS, type Category } from '../model/keys';
import { add, mapRefs, ref, refsOf, sum, type AmountExpr, type Expr } from './expr';
import { TREND_COMPUTED } from './trend';

export interface ComputedField {
  key: string;
  /** The rule in the form's terms, e.g. "ケ=ウ-(エ+オ)" or "ア=B行のケ''". */
  rule: string;
  /** The keys it is computed from. */
  operands: string[];
  /** The arithmetic over field keys (the same tree the checks and the formula writer use). */
  expr: Expr<string>;
}

function field(k: string, rule: string, expr: Expr<string>): ComputedField {
  return { key: k, rule, operands: refsOf(expr), expr };
}

// A recognised form does not change: the checks and the formula plan share one list per form.
const cache = new WeakMap<CurrentForm, readonly ComputedField[]>();

export function computedFields(form: CurrentForm): readonly ComputedField[] {
  let list = cache.get(form);
  if (!list) cache.set(form, (list = computedFieldsOf((k) => form.fields.has(k))));
  return list;
}

/** The computed fields among the keys a form has (a recognised form, or a layout being drawn). */
export function computedFieldsOf(has: (k: string) => boolean): ComputedField[] {
  const out: ComputedField[] = [];
  for (const row of TREND_ROWS) {
    if (!has(key.trend(row, 'ア'))) continue;
    const from = CARRY_FROM[row];
    if (from && has(key.trend(from, "ケ''"))) {
      out.push(field(key.trend(row, 'ア'), `ア=${from}行のケ''`, ref(key.trend(from, "ケ''"))));
    }
    for (const c of TREND_COMPUTED) {
      const k = key.trend(row, c.code);
      if (has(k)) out.push(field(k, `${c.code}=${c.rule}`, mapRefs(c.expr, (o) => key.trend(row, o))));
    }
  }
  for (const part of PARTS) {
    for (const m of ['count', 'balance'] as const) {
      const sumOf = (list: readonly Category[]): AmountExpr<string>[] => {
        const members = list.map((c) => key.status(part, m, c)).filter(has);
        return members.length ? [sum(members)] : [];
      };
      // A 計 column the form does not print is summed from its categories inside 合計.
      const subtotal = (col: 'collect' | 'settle', list: readonly Category[]): AmountExpr<string>[] =>
        has(key.status(part, m, col)) ? [ref(key.status(part, m, col))] : sumOf(list);
      const groups: ['collect' | 'settle' | 'total', string, AmountExpr<string>[]][] = [
        ['collect', '回収債権 計=①〜⑨の合計', sumOf(COLLECT_CATEGORIES)],
        ['settle', '整理債権 計=⑩〜⑯の合計', sumOf(SETTLE_CATEGORIES)],
        ['total', '合計=回収債権 計+整理債権 計', [...subtotal('collect', COLLECT_CATEGORIES), ...subtotal('settle', SETTLE_CATEGORIES)]],
      ];
      for (const [col, rule, terms] of groups) {
        const k = key.status(part, m, col);
        if (has(k) && terms.length) out.push(field(k, rule, terms.length === 1 ? terms[0]! : add(...terms)));
      }
    }
  }
  if (has(key.summary('cases'))) {
    const totals = [key.status('past', 'count', 'total'), key.status('current', 'count', 'total')].filter(has);
    if (totals.length) out.push(field(key.summary('cases'), '件数(過年度+現年度)=過年度の件数 合計+現年度の件数 合計', add(...totals.map((k) => ref(k)))));
  }
  if (has(key.summary('balance')) && has(key.trend('D', "ケ''"))) {
    out.push(field(key.summary('balance'), "残高(過年度+現年度)=D行のケ''", ref(key.trend('D', "ケ''"))));
  }
  return out;
}
