import { fieldValue } from '../model/form';
import { key, RATING_COLUMNS } from '../model/keys';
import { messages, where } from '../messages';
import { normalizeRating, proposeColumn } from '../rating/propose';
import type { CurrentRule, Issue } from './rule';

export const rateCode: CurrentRule = {
  id: 'RATE-CODE',
  severity: 'error',
  edition: 'current',
  title: '1. の評価が A・B1・B2・— のいずれか',
  check(form) {
    const out: Issue[] = [];
    for (const c of RATING_COLUMNS) {
      const k = key.rating(c);
      const f = form.fields.get(k);
      if (!f) continue;
      const v = fieldValue(f);
      if (v === null) out.push({ keys: [k], message: messages.rateCode(where(form, k), null) });
      else if (normalizeRating(String(v)) === null) out.push({ keys: [k], message: messages.rateCode(where(form, k), String(v)) });
    }
    return out;
  },
};

export const rateMismatch: CurrentRule = {
  id: 'RATE-MISMATCH',
  severity: 'error',
  edition: 'current',
  title: '評価が数値(修正目標 C行 と実績 D行 の残高)と矛盾しない',
  check(form) {
    const out: Issue[] = [];
    for (const c of RATING_COLUMNS) {
      const k = key.rating(c);
      const f = form.fields.get(k);
      const v = f ? fieldValue(f) : null;
      const printed = v === null ? null : normalizeRating(String(v));
      if (!printed) continue;
      const p = proposeColumn(form, c);
      if (p.proposed === null || p.allowed.includes(printed)) continue;
      out.push({
        keys: [k, p.targetKey, p.actualKey],
        message: messages.rateMismatch(where(form, k), printed, p.reasons.join(''), p.proposed),
        proposed: p.proposed,
      });
    }
    return out;
  },
};

export const ratingRules = [rateCode, rateMismatch];
