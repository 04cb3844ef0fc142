// 新しい調査書 and 翌年度へ繰り越し add whole worksheets: the plan is the new sheet's name and its layout (drawn by
// the one layout definition), with the lines its preview shows. An adapter adds it as a new worksheet (.xlsx: a new
// file; Excel: a new sheet of the open workbook) and never touches the existing ones.
import { layoutCurrentForm } from '../layout/currentLayout';
import type { LayoutSheet } from '../layout/sheet';
import { emptySheetData } from '../layout/sheetData';
import { worksheetName } from '../layout/sheetName';
import { sheetPlanMessages as M } from '../messages';
import { parseYearArgument, REPORTED_YEAR_RANGE } from '../text/fiscalYear';

export interface NewSheetPlan {
  title: string;
  /** The new worksheet's name: unique among `taken`, at most 31 characters, none Excel forbids. */
  sheet: string;
  /** The reported year N of the new form. */
  fiscalYear: number;
  layout: LayoutSheet;
  /** What the new form takes over from its source, one line each (empty for a blank form). */
  carried: string[];
  /** What the person should know before adding it. */
  notes: string[];
}

export interface NewFormOptions {
  /** N, the fiscal year being reported (row D's 実績), as a Western year. */
  fiscalYear: number;
  /** Lock the computed cells (sheet protection without a password). */
  protect?: boolean;
  /** Worksheet names already in use (the new name is added to it). */
  taken?: Set<string>;
}

/** The blank form for one year: every label and year word, inputs empty and shaded, computed cells as formulas. */
export function planNewForm(opts: NewFormOptions): NewSheetPlan {
  const N = opts.fiscalYear;
  const notes = [M.newNote()];
  if (opts.protect) notes.push(M.protectNote());
  return {
    title: M.newTitle(N),
    sheet: worksheetName(M.newSheetName(N), opts.taken),
    fiscalYear: N,
    layout: layoutCurrentForm(emptySheetData(), { fiscalYear: N, protect: opts.protect ?? false }),
    carried: [],
    notes,
  };
}

/** The fiscal year a person typed, or the Japanese reason it cannot be read; `note` says what was assumed. */
export function readYear(text: string): { year: number; note?: string } | { problem: string } {
  const r = parseYearArgument(text);
  if ('year' in r) return r.assumed ? { year: r.year, note: M.yearBareReiwa() } : { year: r.year };
  switch (r.error) {
    case 'empty':
      return { problem: M.yearEmpty() };
    case 'conflict':
      return { problem: M.yearConflict(text) };
    case 'range':
      return { problem: M.yearRange(text, REPORTED_YEAR_RANGE.first, REPORTED_YEAR_RANGE.last) };
    default:
      return { problem: M.yearUnreadable(text) };
  }
}

/** The preview as text (the CLI prints it; the pane shows the same lines). */
export function renderSheetPlan(plan: NewSheetPlan, indent = '  '): string {
  const lines = [plan.title, `${indent}追加するシート: 「${plan.sheet}」`];
  if (plan.carried.length) lines.push('', `${indent}引き継ぐもの:`, ...plan.carried.map((c) => `${indent}${indent}${c}`));
  if (plan.notes.length) lines.push('', ...plan.notes.map((n) => `${indent}${n}`));
  return `${lines.join('\n')}\n`;
}
