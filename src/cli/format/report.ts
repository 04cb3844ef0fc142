// The results structure the three output formats render: one entry per input file.
import type { Severity, WorkbookResult } from '../../core/findings';
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
  forms: number;
  error: number;
  warning: number;
  info: number;
}

export function totals(report: CheckReport): ReportTotals {
  const t: ReportTotals = { files: report.files.length, unreadable: 0, forms: 0, error: 0, warning: 0, info: 0 };
  for (const f of report.files) {
    if (f.error) t.unreadable++;
    for (const form of f.result?.forms ?? []) {
      t.forms++;
      for (const finding of form.findings) t[finding.severity]++;
    }
  }
  return t;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export { SEVERITY_JA } from '../../core/messages';
