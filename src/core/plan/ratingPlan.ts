// 「この評価を入力」: the chosen rating codes as a WritePlan over section 1's rating cells, and what a B1/B2
// then asks for (TXT-REQUIRED: 課題 and 改善策 of section 4).
import { fieldValue, type CurrentForm } from '../model/form';
import { key, type RatingColumn, RATING_COLUMNS } from '../model/keys';
import { placeOf, where } from '../messages';
import { normalizeRating, proposeColumn, type RatingCode } from '../rating/propose';
import { txtRequired } from '../rules/text';
import type { PlannedWrite, WritePlan } from './writePlan';

export type RatingChoice = Partial<Record<RatingColumn, RatingCode>>;

export class RatingPlanError extends Error {
  override readonly name = 'RatingPlanError';
}

/**
 * Writes only the columns given, only where the cell does not already hold that code, and only codes that the
 * numbers allow (a code the decision table rules out is refused, so the guide never writes a RATE-MISMATCH).
 */
export function planRatings(form: CurrentForm, choice: RatingChoice): WritePlan {
  const writes: PlannedWrite[] = [];
  for (const column of RATING_COLUMNS) {
    const code = choice[column];
    if (!code) continue;
    const k = key.rating(column);
    const f = form.fields.get(k);
    if (!f) throw new RatingPlanError(`${placeOf(form, k)}の欄が見つからないため、評価を入力できません。`);
    const p = proposeColumn(form, column);
    if (p.allowed.length > 0 && !p.allowed.includes(code)) {
      throw new RatingPlanError(`${placeOf(form, k)}に「${code}」は入力できません。数値からは「${p.allowed.join('」または「')}」です。`);
    }
    const now = fieldValue(f);
    if (now !== null && normalizeRating(String(now)) === code) continue;
    writes.push({
      sheet: form.sheet,
      address: f.address,
      key: k,
      before: { value: now, ...(f.formula !== undefined ? { formula: f.formula } : {}) },
      after: { value: code },
      why: `${placeOf(form, k)}: ${p.reasons[0] ?? ''}`,
      expected: code,
      changesShownValue: true,
    });
  }
  return { title: '評価を入力', writes };
}

/** After the codes are written: the section 4 cells a B1/B2 needs that are still empty, with where they are. */
export function followUpsAfterRating(form: CurrentForm, choice: RatingChoice): { key: string; address: string; message: string }[] {
  const patched: CurrentForm = { ...form, fields: new Map(form.fields) };
  for (const column of RATING_COLUMNS) {
    const code = choice[column];
    const k = key.rating(column);
    const f = form.fields.get(k);
    if (code && f) patched.fields.set(k, { ...f, parsed: code === '—' ? { status: 'dash' } : { status: 'text', value: code } });
  }
  return txtRequired
    .check(patched)
    .filter((i) => i.keys.length === 1 && /^narrative\.verify\./.test(i.keys[0]!))
    .map((i) => ({ key: i.keys[0]!, address: form.fields.get(i.keys[0]!)!.address, message: where(form, i.keys[0]!) }));
}
