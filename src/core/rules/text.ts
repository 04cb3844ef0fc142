import { text } from '../model/form';
import { key, PARTS, type Part } from '../model/keys';
import { messages, where } from '../messages';
import { normalizeRating } from '../rating/propose';
import type { CurrentRule, Issue } from './rule';

/** Narrative text that says something: not blank and not only a dash. */
function written(v: string | null): boolean {
  return v !== null && v !== '—' && v.trim() !== '';
}

export const txtRequired: CurrentRule = {
  id: 'TXT-REQUIRED',
  severity: 'warning',
  edition: 'current',
  title: '評価 B1・B2 なら 4. の課題・改善策が、5. 翌年度の取組内容が記入されている',
  check(form) {
    const out: Issue[] = [];
    const ratingOf = (c: 'past' | 'current' | 'total') => {
      const v = text(form, key.rating(c));
      return v === null ? null : normalizeRating(v);
    };
    const missed = (r: string | null) => r === 'B1' || r === 'B2';
    const partsToCheck = new Map<Part, string>();
    for (const p of PARTS) {
      const r = ratingOf(p);
      if (missed(r)) partsToCheck.set(p, r!);
    }
    const total = ratingOf('total');
    if (missed(total) && partsToCheck.size === 0) {
      // The total missed although neither part did: at least one column must explain it.
      const anyWritten = PARTS.some((p) => written(text(form, key.verify(p, '課題'))) && written(text(form, key.verify(p, '改善策'))));
      if (!anyWritten) partsToCheck.set('past', total!);
    }
    for (const [p, r] of partsToCheck) {
      for (const row of ['課題', '改善策'] as const) {
        const k = key.verify(p, row);
        if (form.fields.has(k) && !written(text(form, k))) out.push({ keys: [k], message: messages.txtRequired(where(form, k), r) });
      }
    }
    // Sections 4 and 5 not found are REC-PART's: their fields are simply not there to check.
    for (const p of PARTS) {
      const k = key.plan(p);
      if (form.fields.has(k) && text(form, k) === null) out.push({ keys: [k], message: messages.txtPlan(where(form, k)) });
    }
    return out;
  },
};

export const textRules = [txtRequired];
