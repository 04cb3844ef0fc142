// The report's content, before any format: one row per recognised form with the check's findings and the batch's
// own, its status word and the labels it is summed under; and the files that gave no form. Pure.
import * as path from 'node:path';
import { batchFindings, type BatchForm } from '../../core/batch';
import type { Finding } from '../../core/findings';
import { parseClaimType } from '../../core/rules/header';
import type { ReviewedFile, ReviewedForm } from './review';
import { hiddenSheetText } from '../format/report';
import { BLANK, CLAIM_TYPE_JA, noFormReason, STATUS, type Status } from './words';

export interface ReportRow {
  file: { display: string; absolute: string };
  form: ReviewedForm;
  /** The check's findings, then the batch's. */
  findings: Finding[];
  /** 所属 and 債権区分 as summed (spacing and width variants made one; a blank one named so). */
  bureau: string;
  claimType: string;
  /** D − C of ケ'' (actual balance less the target); null when either is missing. */
  diff: number | null;
  errors: number;
  warnings: number;
  status: Status;
  /** The rule ids of the batch findings. */
  batch: string[];
}

export interface UnreadRow {
  file: { display: string; absolute: string };
  /** A file not read, a file without a form, or a hidden sheet with a form that was left out (without --hidden). */
  kind: 'unreadable' | 'noForm' | 'hiddenSheet';
  /** The reader's code for an unreadable file. */
  code: string | null;
  reason: string;
}

export interface ReportData {
  files: number;
  rows: ReportRow[];
  unread: UnreadRow[];
}

function tidy(raw: string | null | undefined): string {
  const s = (raw ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
  return s === '' ? BLANK : s;
}

/** 債権区分 as one of the three classes in full, whatever abbreviation was printed; otherwise as printed. */
function claimTypeLabel(raw: string | null | undefined): string {
  const t = parseClaimType(raw ?? null);
  return t ? CLAIM_TYPE_JA[t] : tidy(raw);
}

function statusOf(errors: number, warnings: number): Status {
  return errors > 0 ? STATUS.error : warnings > 0 ? STATUS.warning : STATUS.ok;
}

function formLabel(display: string, form: ReviewedForm, formsInSheet: number): string {
  return `${display} シート「${form.sheet}」${formsInSheet > 1 ? ` ${form.anchor}` : ''}`;
}

export function buildReport(files: readonly ReviewedFile[]): ReportData {
  const entries = files.flatMap((file) =>
    file.forms.map((form) => ({ file, form, inSheet: file.forms.filter((f) => f.sheet === form.sheet).length })),
  );
  const batchInput: BatchForm[] = entries.map(({ file, form, inSheet }) => ({
    label: formLabel(file.display, form, inSheet),
    sourceName: path.basename(file.display, path.extname(file.display)),
    bureau: form.header['bureau'] ?? null,
    claimNo: form.header['claimNo'] ?? null,
    fiscalYear: form.fiscalYear,
    edition: form.edition,
  }));
  const batch = batchFindings(batchInput);

  const rows = entries.map(({ file, form }, i): ReportRow => {
    const own = batch[i]!;
    const findings = [...form.findings, ...own];
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const { totalBalance, target } = form.figures;
    return {
      file: { display: file.display, absolute: file.absolute },
      form,
      findings,
      bureau: tidy(form.header['bureau']),
      claimType: claimTypeLabel(form.header['claimType']),
      diff: totalBalance !== null && target !== null ? totalBalance - target : null,
      errors,
      warnings,
      status: statusOf(errors, warnings),
      batch: [...new Set(own.map((f) => f.rule))],
    };
  });

  const unread = files.flatMap((file): UnreadRow[] => {
    const at = { display: file.display, absolute: file.absolute };
    if (file.error) return [{ file: at, kind: 'unreadable', code: file.error.code, reason: file.error.message }];
    // A file whose only forms are hidden is listed by its hidden sheets, which say why it has no row in 一覧.
    const hidden = file.hiddenSheets.map((h): UnreadRow => ({ file: at, kind: 'hiddenSheet', code: null, reason: hiddenSheetText(h) }));
    if (file.forms.length === 0 && hidden.length === 0) return [{ file: at, kind: 'noForm', code: null, reason: noFormReason(file.notForms) }];
    return hidden;
  });
  return { files: files.length, rows, unread };
}
