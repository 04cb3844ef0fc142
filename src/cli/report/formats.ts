// The report for other systems: 一覧 as CSV (the CSV rules of `check`: BOM, CRLF, neutralised text), and everything
// as JSON (the forms, every finding, the sums and the files that gave no form).
import { csvDocument, csvLine } from '../format/csv';
import { terminalSafeJson } from '../terminal';
import type { CellInput } from '../../adapters/xlsx/reportWorkbook';
import { listTable } from './book';
import type { ReportData } from './model';
import { summarise } from './summary';
import { SUMMARY_HEAD } from './words';

function plain(c: CellInput): string | number | null {
  return typeof c === 'object' && c !== null ? c.value : c;
}

/** One line per form, with 一覧's headings (on one line) and values (paths as shown, no links). */
export function reportCsv(data: ReportData): string {
  const table = listTable(data, null);
  const head = table.columns.map((c) => c.header.replace(/\n/g, ' '));
  return csvDocument([csvLine(head), ...table.rows.map((r) => csvLine(r.map(plain)))]);
}

export function reportJson(data: ReportData): string {
  const doc = {
    forms: data.rows.map((r) => ({
      file: r.file.display,
      sheet: r.form.sheet,
      anchor: r.form.anchor,
      bureau: r.bureau,
      section: r.form.header['section'] ?? null,
      claimNo: r.form.header['claimNo'] ?? null,
      claimType: r.claimType,
      claimName: r.form.header['claimName'] ?? null,
      fiscalYear: r.form.fiscalYear,
      edition: r.form.edition,
      ratings: r.form.ratings,
      allowedRating: r.form.allowed,
      ...r.form.figures,
      difference: r.diff,
      errors: r.errors,
      warnings: r.warnings,
      status: r.status,
      batch: r.batch,
    })),
    findings: data.rows.flatMap((r) =>
      r.findings.map((f) => ({ file: r.file.display, sheet: r.form.sheet, anchor: r.form.anchor, ...f })),
    ),
    summary: summarise(data.rows, SUMMARY_HEAD.total),
    unreadable: data.unread.map((u) => ({ file: u.file.display, kind: u.kind, code: u.code, reason: u.reason })),
  };
  return `${terminalSafeJson(JSON.stringify(doc, null, 2))}\n`;
}
