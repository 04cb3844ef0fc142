// JSON report: {"files":[{"file","error","forms":[{sheet, anchor, edition, fiscalYear, header, values, findings}],
// "hiddenSheets":[{sheet, visibility, forms}]}]}.
// Built field by field so the shape stays exactly as documented whatever else the core adds.
import type { Finding, FormResult, HiddenFormSheet } from '../../core/findings';
import { terminalSafeJson } from '../terminal';
import type { CheckReport, FileErrorInfo } from './report';

export interface JsonFinding {
  rule: string;
  severity: Finding['severity'];
  keys: string[];
  cells: string[];
  message: string;
  proposed?: string;
}

export interface JsonForm {
  sheet: string;
  anchor: string;
  edition: FormResult['edition'];
  fiscalYear: number | null;
  header: Record<string, string | null>;
  values: Record<string, number | string | null>;
  findings: JsonFinding[];
  /** With --explain only. */
  recognition?: NonNullable<FormResult['recognition']>;
}

export interface JsonFile {
  file: string;
  error: FileErrorInfo | null;
  forms: JsonForm[];
  /** Hidden sheets holding a form that were not checked (empty with --hidden). */
  hiddenSheets: HiddenFormSheet[];
}

export interface JsonReport {
  files: JsonFile[];
}

function jsonFinding(f: Finding): JsonFinding {
  const out: JsonFinding = { rule: f.rule, severity: f.severity, keys: [...f.keys], cells: [...f.cells], message: f.message };
  if (f.proposed !== undefined) out.proposed = f.proposed;
  return out;
}

function jsonForm(f: FormResult): JsonForm {
  const out: JsonForm = {
    sheet: f.sheet,
    anchor: f.anchor,
    edition: f.edition,
    fiscalYear: f.fiscalYear,
    header: { ...f.header },
    values: { ...f.values },
    findings: f.findings.map(jsonFinding),
  };
  if (f.recognition) out.recognition = { evidence: f.recognition.evidence.map((e) => ({ ...e, cells: [...e.cells] })), missing: f.recognition.missing.map((m) => ({ ...m })) };
  return out;
}

export function toJsonReport(report: CheckReport): JsonReport {
  return {
    files: report.files.map((f) => ({
      file: f.file,
      error: f.error ? { code: f.error.code, message: f.error.message } : null,
      forms: f.error ? [] : (f.result?.forms ?? []).map(jsonForm),
      hiddenSheets: (f.result?.hiddenSheets ?? []).map((h) => ({ sheet: h.sheet, visibility: h.visibility, forms: h.forms })),
    })),
  };
}

/** The JSON text; characters a terminal would act on are written as \u escapes (the same data once parsed). */
export function formatJson(report: CheckReport): string {
  return terminalSafeJson(JSON.stringify(toJsonReport(report), null, 2)) + '\n';
}
