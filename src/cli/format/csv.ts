// CSV report: one row per finding, for Excel. UTF-8 with BOM (so Excel detects the encoding),
// CRLF rows, RFC 4180 quoting, and every field neutralised against formula injection: the text
// comes from someone else's workbook and must never run as a formula in the reader's Excel.
import type { CheckReport } from './report';
import { HIDDEN_SHEET_RULE, hasNoForm, hiddenSheetText, NO_FORM_RULE, noFormText, SEVERITY_JA } from './report';

/** Japanese header: the rows are read by people in Excel. Documented in `mishukin check --help`. */
export const CSV_HEADER = ['ファイル', 'シート', '位置', '規則', '重要度', 'セル', '項目', 'メッセージ'] as const;

export const FILE_ERROR_RULE = 'FILE-ERROR';

const BOM = '\uFEFF';

/** A leading = + - @ TAB or CR makes Excel (and others) read a cell as a formula. */
export function neutralise(field: string): string {
  return /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
}

export function csvField(field: string): string {
  const s = neutralise(field);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line: text neutralised and quoted, numbers as they are (a number cannot turn into a formula), null blank. */
export function csvLine(fields: readonly (string | number | null)[]): string {
  return fields.map((f) => (f === null ? '' : typeof f === 'number' ? String(f) : csvField(f))).join(',');
}

/** The whole file: a BOM (so Excel detects UTF-8) and CRLF line ends. */
export function csvDocument(lines: readonly string[]): string {
  return BOM + lines.join('\r\n') + '\r\n';
}

export function formatCsv(report: CheckReport): string {
  const rows: string[] = [csvLine(CSV_HEADER)];
  for (const f of report.files) {
    if (f.error) {
      rows.push(csvLine([f.file, '', '', FILE_ERROR_RULE, SEVERITY_JA.error, '', '', `[${f.error.code}] ${f.error.message}`]));
      continue;
    }
    // A file with nothing checked is a row of its own: a batch sorted by 重要度 must not lose it.
    if (hasNoForm(f)) rows.push(csvLine([f.file, '', '', NO_FORM_RULE, SEVERITY_JA.warning, '', '', noFormText(f)]));
    for (const h of f.result?.hiddenSheets ?? []) {
      rows.push(csvLine([f.file, h.sheet, '', HIDDEN_SHEET_RULE, SEVERITY_JA.info, '', '', hiddenSheetText(h)]));
    }
    for (const form of f.result?.forms ?? []) {
      for (const x of form.findings) {
        rows.push(
          csvLine([f.file, form.sheet, form.anchor, x.rule, SEVERITY_JA[x.severity], x.cells.join(' '), x.keys.join(' '), x.message]),
        );
      }
    }
  }
  return csvDocument(rows);
}
