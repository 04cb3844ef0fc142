import { text, isBlank } from '../model/form';
import { HEADER_FIELDS, key } from '../model/keys';
import { messages, where } from '../messages';
import { labelKey, normalizeLabel } from '../text/normalize';
import type { CurrentRule, Issue } from './rule';
import { CHOICE_MARK, tickedOptions } from '../text/choice';

export type ClaimType = 'enforced' | 'nonEnforced' | 'private';

/** 債権区分 as one of the three classes; null when it is none of them. */
export function parseClaimType(raw: string | null): ClaimType | null {
  if (!raw) return null;
  // 「☐ 強制公 ☐ 非強公 ☑ 私債権」: the one option ticked, or none.
  if (CHOICE_MARK.test(raw)) {
    const ticked = tickedOptions(raw);
    return ticked.length === 1 ? parseClaimType(ticked[0]!) : null;
  }
  const s = labelKey(raw);
  if (/私債権/.test(s)) return 'private';
  // 非強制徴収公債権, 非強公, 非強制公債権, 公債権(強制徴収できない), 強制徴収できない公債権 …
  if (/非強|強制徴収でき(ない|ず)|強制徴収不可|強制徴収なし/.test(s)) return 'nonEnforced';
  if (/強制徴収公債権|強制公|強制徴収できる|強制徴収可/.test(s)) return 'enforced';
  return null;
}

export const hdrRequired: CurrentRule = {
  id: 'HDR-REQUIRED',
  severity: 'error',
  edition: 'current',
  title: '表頭(所属・担当・債権整理番号・債権区分・債権名)がすべて記入されている',
  check(form) {
    // A header label that was not found is REC-PART's: only fields that are there can be empty.
    const out: Issue[] = [];
    for (const f of HEADER_FIELDS) {
      const k = key.header(f);
      if (form.fields.has(k) && isBlank(form, k)) out.push({ keys: [k], message: messages.hdrRequired(where(form, k)) });
    }
    return out;
  },
};

export const hdrClaimNo: CurrentRule = {
  id: 'HDR-CLAIMNO',
  severity: 'warning',
  edition: 'current',
  title: '債権整理番号が3桁の数字(複数は・でつなぐ)',
  check(form) {
    const k = key.header('claimNo');
    const f = form.fields.get(k);
    if (!f || f.parsed.status === 'blank') return [];
    // A number typed into a cell formatted "000" reads as it shows (the reader pads it).
    const v = text(form, k) ?? '';
    const s = normalizeLabel(v).replace(/[･・]/g, '・');
    return /^\d{3}(・\d{3})*$/.test(s) ? [] : [{ keys: [k], message: messages.hdrClaimNo(where(form, k), v) }];
  },
};

export const hdrClaimType: CurrentRule = {
  id: 'HDR-CLAIMTYPE',
  severity: 'error',
  edition: 'current',
  title: '債権区分が 強制徴収公債権・非強制徴収公債権・私債権 のいずれか',
  check(form) {
    const k = key.header('claimType');
    if (!form.fields.has(k) || isBlank(form, k)) return [];
    const v = text(form, k);
    return parseClaimType(v) ? [] : [{ keys: [k], message: messages.hdrClaimType(where(form, k), v ?? '') }];
  },
};

export const headerRules = [hdrRequired, hdrClaimNo, hdrClaimType];
