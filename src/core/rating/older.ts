// The older edition's rating (A / B / C1 / C2) from its 達成率 (older-edition.md). 達成率 is never defined on
// the form: the total is read as target balance ÷ actual balance, each part as actual 整理率 ÷ target 整理率.
// Where two readings give different grades, the numbers do not decide.
import type { OlderForm } from '../model/form';
import { num, text } from '../model/form';
import { fmtAmount, where } from '../messages';
import { isDash, normalizeLabel } from '../text/normalize';

export type OlderGrade = 'A' | 'B' | 'C';
export type OlderColumn = 'total' | 'current' | 'past';
const OLDER_CODES = ['A', 'B', 'C1', 'C2'] as const;
export type OlderCode = (typeof OLDER_CODES)[number];

export interface OlderProposal {
  column: OlderColumn;
  /** "A", "B" or "C1|C2" (only the person knows whether the actions were carried out); null when undecided. */
  proposed: string | null;
  printed: string | null;
  reasons: string[];
}

export function normalizeOlderRating(raw: string): OlderCode | null {
  const v = normalizeLabel(raw).toUpperCase();
  return (OLDER_CODES as readonly string[]).includes(v) ? (v as OlderCode) : null;
}

/** 達成率 grade: A ≥ 105%, B ≥ 95%, C below. */
export function olderGrade(ratio: number): OlderGrade {
  return ratio >= 1.05 ? 'A' : ratio >= 0.95 ? 'B' : 'C';
}

const CODES_OF: Record<OlderGrade, string> = { A: 'A', B: 'B', C: 'C1|C2' };
const LABEL: Record<OlderColumn, string> = { total: '合計(現年度+過年度)', current: 'うち現年度', past: 'うち過年度' };
const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

function settleReading(form: OlderForm, part: 'current' | 'past'): { ratio: number; text: string } | null {
  const tk = `older.rates.${part}.settlement.N目標`;
  const ak = `older.rates.${part}.settlement.N実績`;
  const t = num(form, tk);
  const a = num(form, ak);
  if (t === null || a === null || t === 0) return null;
  return { ratio: a / t, text: `整理率の実績 ${pct(a)}(${where(form, ak)})÷目標 ${pct(t)}(${where(form, tk)})= ${pct(a / t)}` };
}

export function proposeOlderColumn(form: OlderForm, column: OlderColumn): OlderProposal {
  const raw = text(form, `older.rating.${column}`);
  const printed = raw === null || isDash(raw) ? null : raw;
  const readings: { grade: OlderGrade; text: string }[] = [];
  if (column === 'total') {
    const tk = 'older.balance.N目標';
    const ak = 'older.balance.N実績';
    const t = num(form, tk);
    const a = num(form, ak);
    if (t !== null && a !== null && a > 0) {
      readings.push({ grade: olderGrade(t / a), text: `目標残高 ${fmtAmount(t)}(${where(form, tk)})÷実績残高 ${fmtAmount(a)}(${where(form, ak)})= ${pct(t / a)}` });
    }
    // With only one part, that part's 整理率 reading is the total's too.
    const parts = (['currentYear', 'pastYears'] as const).filter((p) => (num(form, `older.status.${p}.amount`) ?? 0) !== 0);
    if (parts.length === 1) {
      const r = settleReading(form, parts[0] === 'currentYear' ? 'current' : 'past');
      if (r) readings.push({ grade: olderGrade(r.ratio), text: r.text });
    }
  } else {
    const r = settleReading(form, column);
    if (r) readings.push({ grade: olderGrade(r.ratio), text: r.text });
  }
  const label = LABEL[column];
  if (readings.length === 0) return { column, proposed: null, printed, reasons: [`${label}: 達成率を計算できる数値がありません。`] };
  const grades = new Set(readings.map((r) => r.grade));
  const reasons = readings.map((r) => `${label}: 達成率 ${r.text} → ${CODES_OF[r.grade].replace('|', ' または ')}`);
  if (grades.size > 1) {
    return { column, proposed: null, printed, reasons: [...reasons, '読み方によって評価が分かれるため、数値からは決められません。'] };
  }
  const grade = readings[0]!.grade;
  if (grade === 'C') reasons.push('予定どおり取組を実施したなら C1、実施しなかったなら C2 です。');
  return { column, proposed: CODES_OF[grade], printed, reasons };
}
