// The rating guide (spec §5): what the numbers say about each column's code, with reasons in Japanese.
// RATE-MISMATCH and the guide both call this, so the check and the guide never disagree.
import type { CurrentForm } from '../model/form';
import { fieldValue, num } from '../model/form';
import { rowFilled } from '../model/trendRows';
import { key, type RatingColumn, type TrendCode } from '../model/keys';
import { fmtYen, yearWord } from '../messages';
import { isDash, normalizeLabel } from '../text/normalize';

export type RatingCode = 'A' | 'B1' | 'B2' | '—';

/** The question the numbers leave to the person, if any. */
export type RatingQuestion = 'actionsCarriedOut' | 'targetWasSet' | null;

export interface ColumnProposal {
  column: RatingColumn;
  /** What the numbers allow, e.g. ['A'] or ['B1', 'B2']; empty when the actual is missing. */
  allowed: RatingCode[];
  /** The allowed codes joined by "|" (the CLI's and RATE-MISMATCH's wording); null when undecidable. */
  proposed: string | null;
  question: RatingQuestion;
  target: number | null;
  actual: number | null;
  targetKey: string;
  actualKey: string;
  printed: string | null;
  reasons: string[];
}

export const BALANCE_CODE: Record<RatingColumn, TrendCode> = { past: 'ケ', current: "ケ'", total: "ケ''" };

/** A printed rating as one of the codes, or null when it is not one. */
export function normalizeRating(raw: string): RatingCode | null {
  if (isDash(raw)) return '—';
  const s = normalizeLabel(raw).toUpperCase();
  if (s === 'A' || s === 'B1' || s === 'B2') return s;
  return null;
}

function columnLabel(col: RatingColumn): string {
  return { past: '過年度', current: '現年度', total: '合計' }[col];
}

export function proposeColumn(form: CurrentForm, column: RatingColumn): ColumnProposal {
  const code = BALANCE_CODE[column];
  const targetKey = key.trend('C', code);
  const actualKey = key.trend('D', code);
  const target = num(form, targetKey);
  const actual = num(form, actualKey);
  const rf = form.fields.get(key.rating(column));
  const printedRaw = rf ? fieldValue(rf) : null;
  const printed = printedRaw === null ? null : String(printedRaw);
  const at = (row: string, k: string) => {
    const f = form.fields.get(k);
    return `${row}行 ${code}列${f ? ` [${f.address}]` : ''}`;
  };
  const tWord = `${yearWord(form, 0)}の修正目標(${at('C', targetKey)})`;
  const aWord = `実績(${at('D', actualKey)})`;
  const base = { column, target, actual, targetKey, actualKey, printed };
  const result = (allowed: RatingCode[], question: RatingQuestion, reasons: string[]): ColumnProposal => ({
    ...base,
    allowed,
    proposed: allowed.length ? allowed.join('|') : null,
    question,
    reasons,
  });
  const label = columnLabel(column);

  // A row is there when its inputs are typed: a template's formulas show 0 in a row nobody filled (spec §5).
  if (!rowFilled(form, 'D') || actual === null) {
    return result([], null, [`${label}: ${aWord}が記入されていないか数値でないため、数値からは評価を判断できません(この区分の債権がなければ「—」です)。`]);
  }
  if (!rowFilled(form, 'C')) {
    return result(['—'], null, [
      `${label}: ${yearWord(form, 0)}の修正目標(C行)が記入されていません。前年度時点で目標が設定されていない(当年度中に新規発生した債権)ため「—」です。`,
    ]);
  }
  if (target === null) {
    return result([], null, [`${label}: ${tWord}が空欄か数値でないため、評価を判断できません。`]);
  }
  if (target > 0 && actual <= target) {
    return result(['A'], null, [
      `${label}: ${tWord} ${fmtYen(target)}に対し、${aWord} ${fmtYen(actual)}。目標を達成しているため A です。`,
    ]);
  }
  if (target > 0) {
    return result(['B1', 'B2'], 'actionsCarriedOut', [
      `${label}: ${tWord} ${fmtYen(target)}に対し、${aWord} ${fmtYen(actual)}で、目標を ${fmtYen(actual - target)} 上回っています(未達)。`,
      '予定していた取組を予定どおり実施したなら B1、実施できなかったなら B2 です。',
    ]);
  }
  if (target < 0) {
    return result([], null, [`${label}: ${tWord}が負の値(${fmtYen(target)})のため、評価を判断できません。`]);
  }
  if (actual === 0) {
    return result(['A', '—'], 'targetWasSet', [
      `${label}: ${tWord}・${aWord}ともに 0千円です。`,
      '目標(残高0)を設定していたなら A、目標を設定していなかった(当年度中に新規発生)なら「—」です。',
    ]);
  }
  return result(['B1', 'B2', '—'], 'targetWasSet', [
    `${label}: ${tWord} 0千円に対し、${aWord} ${fmtYen(actual)}です。`,
    '目標(残高0)を設定していたなら未達で B1 または B2、目標を設定していなかった(当年度中に新規発生)なら「—」です。',
  ]);
}

/** Narrows a proposal with the person's answers to the open question. */
export function answerProposal(p: ColumnProposal, answer: { targetWasSet?: boolean; actionsCarriedOut?: boolean }): RatingCode | null {
  let allowed = p.allowed;
  if (p.question === 'targetWasSet' && answer.targetWasSet !== undefined) {
    allowed = answer.targetWasSet ? allowed.filter((c) => c !== '—') : allowed.filter((c) => c === '—');
  }
  if (allowed.includes('B1') && answer.actionsCarriedOut !== undefined) {
    allowed = allowed.filter((c) => c === (answer.actionsCarriedOut ? 'B1' : 'B2') || (c !== 'B1' && c !== 'B2'));
  }
  return allowed.length === 1 ? allowed[0]! : null;
}
