// Checks of the older edition (older-edition.md): what carries over from the current edition, and one
// plain statement of what does not apply.
import type { OlderForm } from '../model/form';
import { num, text, isBlank } from '../model/form';
import { fmtAmount, messages, where } from '../messages';
import { isDash } from '../text/normalize';
import { parseClaimType } from './header';
import { normalizeOlderRating, proposeOlderColumn } from '../rating/older';
import type { Issue, OlderRule } from './rule';

const s = (name: string, m: 'count' | 'amount' | 'debtors') => `older.status.${name}.${m}`;

export const olderScope: OlderRule = {
  id: 'EDITION-SCOPE',
  severity: 'info',
  edition: 'older',
  title: '旧様式で点検できる項目・当てはまらない項目の説明',
  check: () => [{ keys: [], message: messages.olderScope() }],
};

export const olderHeader: OlderRule = {
  id: 'HDR-REQUIRED',
  severity: 'error',
  edition: 'older',
  title: '旧様式: 所属・債権名・債権区分が記入されている',
  check(form) {
    const out: Issue[] = [];
    for (const name of ['affiliation', 'claimName', 'claimType'] as const) {
      const k = `older.header.${name}`;
      if (form.fields.has(k) && isBlank(form, k)) out.push({ keys: [k], message: messages.hdrRequired(where(form, k)) });
    }
    const ct = 'older.header.claimType';
    const v = text(form, ct);
    if (v !== null && parseClaimType(v) === null) out.push({ keys: [ct], message: messages.hdrClaimType(where(form, ct), v), severity: 'error' });
    return out;
  },
};

/** Sums that must hold in section 4, count and amount alike. */
const SUMS: [string, string[], string][] = [
  ['collectSubtotal', ['1', '2', '3'], '①〜③'],
  ['settleSubtotal', ['4', '5', '6', '7', '8', '9', '10'], '④〜⑩'],
  ['total', ['collectSubtotal', 'settleSubtotal'], '回収債権 計+整理債権 計'],
  ['total', ['currentYear', 'pastYears'], '当年度賦課分+前年度以前賦課分'],
];

function countBasisIsDebtors(form: OlderForm): boolean {
  const debtors = num(form, s('total', 'debtors'));
  const cases = num(form, s('total', 'count'));
  const sum = (num(form, s('collectSubtotal', 'count')) ?? 0) + (num(form, s('settleSubtotal', 'count')) ?? 0);
  return debtors !== null && cases !== null && sum === debtors && sum !== cases;
}

export const olderSubtotal: OlderRule = {
  id: 'CAT-SUBTOTAL',
  severity: 'error',
  edition: 'older',
  title: '旧様式: 4. の 回収債権 計・整理債権 計・合計 が内訳の合計と一致',
  check(form) {
    if (!form.found.status) return [];
    const out: Issue[] = [];
    for (const [target, parts, label] of SUMS) {
      for (const m of ['count', 'amount'] as const) {
        const k = s(target, m);
        const found = num(form, k);
        const partKeys = parts.map((p) => s(p, m)).filter((x) => form.fields.has(x));
        if (found === null || partKeys.length === 0 || partKeys.every((x) => isBlank(form, x))) continue;
        // A sheet that counts its categories in persons is pointed out by OLD-COUNT-BASIS instead.
        if (m === 'count' && target === 'total' && parts[0] === 'collectSubtotal' && countBasisIsDebtors(form)) continue;
        const expected = partKeys.reduce((a, x) => a + (num(form, x) ?? 0), 0);
        if (expected !== found) out.push({ keys: [k, ...partKeys], message: messages.catSubtotal(where(form, k), label, expected, found) });
      }
    }
    return out;
  },
};

export const olderCountBasis: OlderRule = {
  id: 'OLD-COUNT-BASIS',
  severity: 'warning',
  edition: 'older',
  title: '旧様式: 区分別の人(件)数が件数でなく人数で数えられていない',
  check(form) {
    if (!countBasisIsDebtors(form)) return [];
    const sum = (num(form, s('collectSubtotal', 'count')) ?? 0) + (num(form, s('settleSubtotal', 'count')) ?? 0);
    const keys = [s('collectSubtotal', 'count'), s('settleSubtotal', 'count'), s('total', 'debtors'), s('total', 'count')];
    return [{ keys, message: messages.olderCountBasis(where(form, s('total', 'count')), sum, num(form, s('total', 'debtors'))!, num(form, s('total', 'count'))!) }];
  },
};

export const olderLink: OlderRule = {
  id: 'CAT-LINK',
  severity: 'error',
  edition: 'older',
  title: '旧様式: 2. の当年度実績の残高が 4. の合計金額と一致(単位に注意)',
  check(form) {
    const bk = 'older.balance.N実績';
    const tk = s('total', 'amount');
    const b = num(form, bk);
    const t = num(form, tk);
    if (b === null || t === null) return [];
    // Compare in the coarser of the two units, as printed.
    const unit = Math.max(form.units.balance, form.units.status);
    const bu = Math.round((b * form.units.balance) / unit);
    const tu = Math.round((t * form.units.status) / unit);
    if (bu === tu) return [];
    const suffix = unit === 1000 ? '千円' : '円';
    return [{ keys: [tk, bk], message: `${where(form, tk)} ${fmtAmount(tu)}${suffix} が ${where(form, bk)} の ${fmtAmount(bu)}${suffix} と一致しません。` }];
  },
};

export const olderRateCode: OlderRule = {
  id: 'RATE-CODE',
  severity: 'error',
  edition: 'older',
  title: '旧様式: 評価が A・B・C1・C2 のいずれか',
  check(form) {
    const out: Issue[] = [];
    for (const c of ['total', 'current', 'past']) {
      const k = `older.rating.${c}`;
      const v = text(form, k);
      if (v === null || isDash(v)) continue; // a part with nothing assessed is left blank on printed sheets
      if (!normalizeOlderRating(v)) out.push({ keys: [k], message: `${where(form, k)}「${v}」は評価記号ではありません。A・B・C1・C2 のいずれかを記入してください。` });
    }
    return out;
  },
};

export const olderRateMismatch: OlderRule = {
  id: 'RATE-MISMATCH',
  severity: 'error',
  edition: 'older',
  title: '旧様式: 合計の評価が達成率(目標残高÷実績残高)と矛盾しない',
  check(form) {
    // Only the total: its balance reading is on the form; the parts' readings are not decisive (older-edition.md).
    const p = proposeOlderColumn(form, 'total');
    const printed = p.printed === null ? null : normalizeOlderRating(p.printed);
    if (!printed || p.proposed === null || p.proposed.split('|').includes(printed)) return [];
    const k = 'older.rating.total';
    return [{ keys: [k, 'older.balance.N目標', 'older.balance.N実績'], message: messages.olderRating(where(form, k), printed, p.reasons.join(''), p.proposed), proposed: p.proposed }];
  },
};

export const olderRules = [olderScope, olderHeader, olderSubtotal, olderCountBasis, olderLink, olderRateCode, olderRateMismatch];
