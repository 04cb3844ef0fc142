// What the pane shows of a form and its findings, in Japanese: the core recognises and checks, this only
// arranges its results for display (places from core/messages, groups by severity).
import { checkForm } from '../../core/check';
import type { Finding, HiddenFormSheet, Severity } from '../../core/findings';
import type { Form, Region } from '../../core/model/form';
import { EDITION_JA, hiddenSheetMessages, placeOf, SEVERITY_JA } from '../../core/messages';
import { fiscalYearLabel } from '../../core/text/fiscalYear';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export { SEVERITY_JA };

/**
 * A hidden sheet holding a form, which the pane leaves out, and how to have it checked: shown again in Excel (the
 * pane reads the workbook again when it is), or for a file, shown again and saved. A very hidden sheet cannot be
 * shown from Excel's screen, as the core's words already say.
 */
export function hiddenSheetNote(sheet: HiddenFormSheet, mode: 'excel' | 'file'): string {
  const how =
    sheet.visibility === 'veryHidden'
      ? ''
      : mode === 'excel'
        ? 'シート見出しを右クリックして「再表示」を選ぶと点検します。'
        : 'Excel でシートを再表示して保存し、ファイルを選び直すと点検します。';
  return `${hiddenSheetMessages.skipped(sheet)}${how}`;
}

export interface CellRef {
  sheet: string;
  address: string;
}

export interface PresentedFinding {
  /** Stable within one check: rule and cells. */
  id: string;
  rule: string;
  severity: Severity;
  message: string;
  /** The first key's place in form terms, e.g. 「2. 未収金の推移 D行(令和元 実績) ケ列」. */
  place: string | null;
  cells: CellRef[];
  proposed?: string;
}

export interface FormSummary {
  /** sheet!anchor: one form per anchor. */
  id: string;
  sheet: string;
  anchor: string;
  region: Region;
  edition: string;
  year: string;
  bureau: string | null;
  claimName: string | null;
  /** The older edition has no 債権整理番号. */
  claimNo: string | null | undefined;
}

export interface CheckReport {
  counts: Record<Severity, number>;
  groups: { severity: Severity; label: string; findings: PresentedFinding[] }[];
}

export function formId(form: Pick<Form, 'sheet' | 'anchor'>): string {
  return `${form.sheet}!${form.anchor}`;
}

/** "Sheet!A1" as the core writes it (the sheet name may itself hold "!"). */
export function cellRef(cell: string): CellRef {
  const i = cell.lastIndexOf('!');
  return { sheet: cell.slice(0, i), address: cell.slice(i + 1) };
}

function presentFinding(form: Form, f: Finding, i: number): PresentedFinding {
  const p: PresentedFinding = {
    id: `${i}:${f.rule}:${f.cells.join(',')}`,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    place: f.keys[0] !== undefined ? placeOf(form, f.keys[0]) : null,
    cells: f.cells.map(cellRef),
  };
  if (f.proposed !== undefined) p.proposed = f.proposed;
  return p;
}

export interface PresentedForm {
  summary: FormSummary;
  report: CheckReport;
}

/** Checks one recognised form and arranges the result for the pane. */
export function present(form: Form): PresentedForm {
  const result = checkForm(form);
  const findings = result.findings.map((f, i) => presentFinding(form, f, i));
  const groups = SEVERITIES.map((severity) => ({
    severity,
    label: SEVERITY_JA[severity],
    findings: findings.filter((f) => f.severity === severity),
  }));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const g of groups) counts[g.severity] = g.findings.length;
  return {
    summary: {
      id: formId(form),
      sheet: form.sheet,
      anchor: form.anchor,
      region: form.region,
      edition: form.edition === 'current' ? EDITION_JA.current : `${EDITION_JA.older}(平成25〜29年度)`,
      year: form.fiscalYear === null ? '年度不明' : `${fiscalYearLabel(form.fiscalYear)}(${form.fiscalYear})`,
      bureau: result.header.bureau ?? null,
      claimName: result.header.claimName ?? null,
      claimNo: form.edition === 'current' ? (result.header.claimNo ?? null) : undefined,
    },
    report: { counts, groups },
  };
}
