// Problems of a batch of returned sheets that no single sheet shows: the same claim twice, a fiscal year or
// edition other than the rest's, a file named after another claim. Pure: the caller names each form (its label)
// and says what its source is called; nothing here knows of files or folders.
import type { Edition, Finding, Severity } from './findings';
import { batchMessages } from './messages';
import { key } from './model/keys';
import { normalizeLabel } from './text/normalize';

export interface BatchForm {
  /** How a person finds this form, e.g. "提出/a.xlsx シート「調査書」". */
  label: string;
  /** The name the form was delivered under (a file name without folder or extension); numbers in it are compared. */
  sourceName: string;
  bureau: string | null;
  claimNo: string | null;
  fiscalYear: number | null;
  edition: Edition;
}

export interface BatchRule {
  id: string;
  severity: Severity;
  /** What it checks, in Japanese (the README's rules table). */
  title: string;
}

export const BATCH_RULES = {
  duplicate: { id: 'BATCH-DUPLICATE', severity: 'error', title: '同じ所属・債権整理番号の調査書が2つ以上ない' },
  year: { id: 'BATCH-YEAR', severity: 'warning', title: '調査の年度が取りまとめたほかの調査書と同じ' },
  edition: { id: 'BATCH-EDITION', severity: 'warning', title: '様式(現行・旧)が取りまとめたほかの調査書と同じ' },
  fileName: { id: 'BATCH-FILENAME', severity: 'warning', title: 'ファイル名に3桁の番号があれば、債権整理番号と一致する' },
} as const satisfies Record<string, BatchRule>;

/** A claim number as written ("056", "056・057", "０５６", 56 typed as a number) → its numbers. */
export function claimNumbers(raw: string | null): number[] {
  if (raw === null) return [];
  return [...raw.normalize('NFKC').matchAll(/\d+/g)].map((m) => Number(m[0]));
}

/** The claim-like numbers in a name: runs of exactly three digits (years, dates and serials are longer or shorter). */
export function nameNumbers(name: string): string[] {
  return [...name.normalize('NFKC').matchAll(/(?<!\d)\d{3}(?!\d)/g)].map((m) => m[0]);
}

function finding(rule: BatchRule, keys: string[], message: string): Finding {
  return { rule: rule.id, severity: rule.severity, keys, cells: [], message };
}

/** The most frequent value; a tie goes to the value `prefer` ranks higher. */
function usual<T>(values: readonly T[], prefer: (a: T, b: T) => number): { value: T; count: number } | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: { value: T; count: number } | null = null;
  for (const [value, count] of counts) {
    if (!best || count > best.count || (count === best.count && prefer(value, best.value) > 0)) best = { value, count };
  }
  return best && counts.size > 1 ? best : null;
}

function duplicates(forms: readonly BatchForm[], out: Finding[][]): void {
  const groups = new Map<string, number[]>();
  forms.forEach((f, i) => {
    const numbers = claimNumbers(f.claimNo);
    const bureau = f.bureau === null ? '' : normalizeLabel(f.bureau);
    // Without both there is nothing to compare; HDR-REQUIRED already reports the blank.
    if (bureau === '' || numbers.length === 0) return;
    const id = `${bureau}|${[...numbers].sort((a, b) => a - b).join('・')}`;
    groups.set(id, [...(groups.get(id) ?? []), i]);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    for (const i of members) {
      const f = forms[i]!;
      const others = members.filter((j) => j !== i).map((j) => forms[j]!.label);
      out[i]!.push(finding(BATCH_RULES.duplicate, [key.header('bureau'), key.header('claimNo')], batchMessages.duplicate(f.bureau!, f.claimNo!, others)));
    }
  }
}

function years(forms: readonly BatchForm[], out: Finding[][]): void {
  // The later year wins a tie: last year's sheet sent again is the likelier mistake.
  const known = forms.map((f) => f.fiscalYear).filter((y): y is number => y !== null);
  const u = usual(known, (a, b) => a - b);
  if (!u) return;
  forms.forEach((f, i) => {
    if (f.fiscalYear !== null && f.fiscalYear !== u.value) out[i]!.push(finding(BATCH_RULES.year, [], batchMessages.year(f.fiscalYear, u.value, u.count)));
  });
}

function editions(forms: readonly BatchForm[], out: Finding[][]): void {
  const u = usual(
    forms.map((f) => f.edition),
    (a) => (a === 'current' ? 1 : -1),
  );
  if (!u) return;
  forms.forEach((f, i) => {
    if (f.edition !== u.value) out[i]!.push(finding(BATCH_RULES.edition, [], batchMessages.edition(f.edition, u.value, u.count)));
  });
}

function fileNames(forms: readonly BatchForm[], out: Finding[][]): void {
  forms.forEach((f, i) => {
    const inName = nameNumbers(f.sourceName);
    const claim = claimNumbers(f.claimNo);
    if (inName.length === 0 || claim.length === 0) return;
    if (inName.some((n) => claim.includes(Number(n)))) return;
    out[i]!.push(finding(BATCH_RULES.fileName, [key.header('claimNo')], batchMessages.fileName(inName, f.claimNo!)));
  });
}

/** The batch findings of each form, in the order given. */
export function batchFindings(forms: readonly BatchForm[]): Finding[][] {
  const out: Finding[][] = forms.map(() => []);
  duplicates(forms, out);
  years(forms, out);
  editions(forms, out);
  fileNames(forms, out);
  return out;
}
