// Which cells of a recognised form are computed (not 色付け箇所), and by which rule.
import type { CurrentForm } from '../model/form';
import { CARRY_FROM, COLLECT_CATEGORIES, key, PARTS, SETTLE_CATEGORIES, TREND_ROWS, type TrendRow, CATEGORIES } from '../model/keys';
import { TREND_COMPUTED } from './trend';

export interface ComputedField {
  key: string;
  /** The rule in the form's terms, e.g. "ケ=ウ-(エ+オ)" or "ア=B行のケ''". */
  rule: string;
  /** The keys it is computed from. */
  operands: string[];
}

export function computedFields(form: CurrentForm): ComputedField[] {
  const out: ComputedField[] = [];
  const has = (k: string) => form.fields.has(k);
  for (const row of TREND_ROWS) {
    if (!has(key.trend(row, 'ア'))) continue;
    const from = CARRY_FROM[row];
    if (from && has(key.trend(from, "ケ''"))) {
      out.push({ key: key.trend(row, 'ア'), rule: `ア=${from}行のケ''`, operands: [key.trend(from, "ケ''")] });
    }
    for (const c of TREND_COMPUTED) {
      if (!has(key.trend(row, c.code))) continue;
      out.push({ key: key.trend(row, c.code), rule: `${c.code}=${c.rule}`, operands: c.operands.map((o) => key.trend(row as TrendRow, o)) });
    }
  }
  for (const part of PARTS) {
    for (const m of ['count', 'balance'] as const) {
      const cats = (list: readonly string[]) => list.map((c) => key.status(part, m, c as (typeof CATEGORIES)[number])).filter(has);
      const groups = [
        ['collect', '回収債権 計=①〜⑨の合計', cats(COLLECT_CATEGORIES)],
        ['settle', '整理債権 計=⑩〜⑯の合計', cats(SETTLE_CATEGORIES)],
        ['total', '合計=回収債権 計+整理債権 計', [key.status(part, m, 'collect'), key.status(part, m, 'settle')].filter(has)],
      ] as const;
      for (const [col, rule, operands] of groups) {
        const k = key.status(part, m, col);
        if (has(k)) out.push({ key: k, rule, operands: [...operands] });
      }
    }
  }
  if (has(key.summary('cases'))) {
    out.push({
      key: key.summary('cases'),
      rule: '件数(過年度+現年度)=過年度の件数 合計+現年度の件数 合計',
      operands: [key.status('past', 'count', 'total'), key.status('current', 'count', 'total')].filter(has),
    });
  }
  if (has(key.summary('balance')) && has(key.trend('D', "ケ''"))) {
    out.push({ key: key.summary('balance'), rule: "残高(過年度+現年度)=D行のケ''", operands: [key.trend('D', "ケ''")] });
  }
  return out;
}
