// The results structure the three output formats render: one entry per input file.
import type { HiddenFormSheet, Severity, WorkbookResult } from '../../core/findings';
import { hiddenSheetMessages } from '../../core/messages';
import type { FileErrorInfo } from '../inputs';

export type { FileErrorInfo };

export interface FileReport {
  /** The path as the user gave it (or as found under a folder they gave). */
  file: string;
  /** Set when the file could not be read or checked; `result` is then null. */
  error: FileErrorInfo | null;
  result: WorkbookResult | null;
}

export interface CheckReport {
  files: FileReport[];
}

export interface ReportTotals {
  files: number;
  unreadable: number;
  /** Files read in which no form was checked (none found, or only on hidden sheets left out). */
  noForm: number;
  /** Hidden sheets holding a form, left out. */
  hiddenSheets: number;
  forms: number;
  error: number;
  warning: number;
  info: number;
}

export function totals(report: CheckReport): ReportTotals {
  const t: ReportTotals = { files: report.files.length, unreadable: 0, noForm: 0, hiddenSheets: 0, forms: 0, error: 0, warning: 0, info: 0 };
  for (const f of report.files) {
    if (f.error) t.unreadable++;
    if (hasNoForm(f)) t.noForm++;
    t.hiddenSheets += f.result?.hiddenSheets.length ?? 0;
    for (const form of f.result?.forms ?? []) {
      t.forms++;
      for (const finding of form.findings) t[finding.severity]++;
    }
  }
  return t;
}

/** Rows of the CSV (and lines on stderr) that are about a whole file or sheet rather than a finding. */
export const NO_FORM_RULE = 'NO-FORM';
export const HIDDEN_SHEET_RULE = 'SHEET-HIDDEN';

/** A file that was read but in which no form was checked. */
export function hasNoForm(f: FileReport): boolean {
  return f.error === null && f.result !== null && f.result.forms.length === 0;
}

/** A hidden sheet left out, and how to include it (`--hidden`). */
export function hiddenSheetText(s: HiddenFormSheet): string {
  return `${hiddenSheetMessages.skipped(s)}--hidden を付けると点検します。`;
}

/** What is said of a file with no form checked; when its forms are all on hidden sheets, that too. */
export function noFormText(f: FileReport): string {
  const hidden = f.result?.hiddenSheets ?? [];
  return hidden.length === 0
    ? '調査書の様式が見つかりませんでした。'
    : `表示されているシートには調査書の様式が見つかりませんでした。${hidden.map(hiddenSheetText).join('')}`;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export { SEVERITY_JA } from '../../core/messages';
