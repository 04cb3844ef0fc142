import type { CurrentForm } from '../model/form';
import { num, text } from '../model/form';
import {
  CATEGORIES,
  COLLECT_CATEGORIES,
  ENFORCED_ONLY,
  key,
  type Measure,
  type Part,
  PARTS,
  SETTLE_CATEGORIES,
  type StatusColumn,
} from '../model/keys';
import { messages, where } from '../messages';
import { parseClaimType } from './header';
import type { CurrentRule, Issue } from './rule';

const MEASURES: readonly Measure[] = ['count', 'balance'];

function sumOf(form: CurrentForm, part: Part, m: Measure, cats: readonly StatusColumn[]): number {
  return cats.reduce((s, c) => s + (num(form, key.status(part, m, c)) ?? 0), 0);
}

/** Section 3's 合計 of a row: the printed 合計 cell where the form has one, else the sum of its categories. */
export function statusTotal(form: CurrentForm, part: Part, m: Measure): number | null {
  const k = key.status(part, m, 'total');
  if (form.fields.has(k)) return num(form, k);
  return form.found.status ? sumOf(form, part, m, CATEGORIES) : null;
}

export const catSubtotal: CurrentRule = {
  id: 'CAT-SUBTOTAL',
  severity: 'error',
  edition: 'current',
  title: '3. の 回収債権 計・整理債権 計・合計 が区分の合計と一致',
  check(form) {
    if (!form.found.status) return [];
    const out: Issue[] = [];
    const groups: [StatusColumn, readonly StatusColumn[], string][] = [
      ['collect', COLLECT_CATEGORIES, '①〜⑨'],
      ['settle', SETTLE_CATEGORIES, form.has15_2 ? '⑩〜⑯(⑮-2を含む)' : '⑩〜⑯'],
      ['total', CATEGORIES, '全区分'],
    ];
    for (const part of PARTS) {
      for (const m of MEASURES) {
        for (const [col, cats, label] of groups) {
          const k = key.status(part, m, col);
          const f = form.fields.get(k);
          if (!f || f.parsed.status === 'unparseable' || f.parsed.status === 'error') continue;
          const found = num(form, k) ?? 0;
          const expected = sumOf(form, part, m, cats);
          if (found !== expected) {
            out.push({ keys: [k, ...cats.map((c) => key.status(part, m, c)).filter((x) => form.fields.has(x))], message: messages.catSubtotal(where(form, k), label, expected, found) });
          }
        }
      }
    }
    return out;
  },
};

export const catLink: CurrentRule = {
  id: 'CAT-LINK',
  severity: 'error',
  edition: 'current',
  title: '3. の残高の合計が 2. の D行 ケ(過年度)・ケ\'(現年度)と一致',
  check(form) {
    const out: Issue[] = [];
    for (const [part, code] of [['past', 'ケ'], ['current', "ケ'"]] as const) {
      const dk = key.trend('D', code);
      const d = num(form, dk);
      const total = statusTotal(form, part, 'balance');
      if (d === null || total === null || d === total) continue;
      const tk = key.status(part, 'balance', 'total');
      out.push({ keys: [tk, dk], message: messages.catLink(where(form, tk), `2. の D行 ${code}列 [${form.fields.get(dk)!.address}]`, d, total) });
    }
    return out;
  },
};

export const catSummary: CurrentRule = {
  id: 'CAT-SUMMARY',
  severity: 'error',
  edition: 'current',
  title: '件数(過年度+現年度)が区分別件数の合計と、残高(過年度+現年度)が D行 ケ\'\' と一致',
  check(form) {
    const out: Issue[] = [];
    const ck = key.summary('cases');
    const cases = num(form, ck);
    const past = statusTotal(form, 'past', 'count');
    const cur = statusTotal(form, 'current', 'count');
    if (cases !== null && past !== null && cur !== null && cases !== past + cur) {
      out.push({ keys: [ck, key.status('past', 'count', 'total'), key.status('current', 'count', 'total')], message: messages.catSummaryCases(where(form, ck), past + cur, cases) });
    }
    const bk = key.summary('balance');
    const dk = key.trend('D', "ケ''");
    const bal = num(form, bk);
    const d = num(form, dk);
    if (bal !== null && d !== null && bal !== d) {
      out.push({ keys: [bk, dk], message: messages.catSummaryBalance(where(form, bk), `2. の D行 ケ''列 [${form.fields.get(dk)!.address}]`, d, bal) });
    }
    return out;
  },
};

export const catPair: CurrentRule = {
  id: 'CAT-PAIR',
  severity: 'warning',
  edition: 'current',
  title: '区分ごとに件数と残高がそろっている',
  check(form) {
    const out: Issue[] = [];
    for (const part of PARTS) {
      for (const c of CATEGORIES) {
        const ck = key.status(part, 'count', c);
        const bk = key.status(part, 'balance', c);
        if (!form.fields.has(ck) || !form.fields.has(bk)) continue;
        const count = num(form, ck) ?? 0;
        const bal = num(form, bk) ?? 0;
        if (bal !== 0 && count === 0) out.push({ keys: [ck, bk], message: messages.catPairBalanceOnly(where(form, ck), bal) });
        else if (count !== 0 && bal === 0) out.push({ keys: [bk, ck], message: messages.catPairCountOnly(where(form, bk), count) });
      }
    }
    return out;
  },
};

export const catEnforced: CurrentRule = {
  id: 'CAT-ENFORCED',
  severity: 'warning',
  edition: 'current',
  title: '④⑤⑩⑭(【強制公】)は強制徴収公債権だけが使う',
  check(form) {
    const raw = text(form, key.header('claimType'));
    const type = parseClaimType(raw);
    if (type === null || type === 'enforced') return [];
    const out: Issue[] = [];
    for (const part of PARTS) {
      for (const c of ENFORCED_ONLY) {
        const keys = MEASURES.map((m) => key.status(part, m, c)).filter((k) => (num(form, k) ?? 0) !== 0);
        if (keys.length) out.push({ keys, message: messages.catEnforced(where(form, keys[0]!), raw ?? '') });
      }
    }
    return out;
  },
};

export const catDebtors: CurrentRule = {
  id: 'CAT-DEBTORS',
  severity: 'error',
  edition: 'current',
  title: '債務者数が件数を超えず、残高があるのに0でない',
  check(form) {
    const dk = key.summary('debtors');
    if (!form.fields.has(dk)) return [];
    const debtors = num(form, dk);
    const ck = key.summary('cases');
    const cases = num(form, ck);
    const out: Issue[] = [];
    if (debtors !== null && cases !== null && debtors > cases) {
      out.push({ keys: [dk, ck], message: messages.catDebtorsOver(where(form, dk), debtors, cases) });
    }
    const balance = num(form, key.summary('balance')) ?? num(form, key.trend('D', "ケ''"));
    if ((debtors ?? 0) === 0 && balance !== null && balance > 0) {
      out.push({ keys: [dk], message: messages.catDebtorsZero(where(form, dk), balance) });
    }
    return out;
  },
};

export const statusRules = [catSubtotal, catLink, catSummary, catPair, catEnforced, catDebtors];
