// The core's entry point: grids in, recognised forms with their findings out. Knows nothing of Excel or files.
import type { Grid } from './grid';
import type { Finding, FormResult, HiddenFormSheet, WorkbookResult } from './findings';
import { type Form, formValues, fieldValue } from './model/form';
import { recogniseSheet } from './recognise';
import { RULES, runRules } from './rules';
import { BLANK_FORM_RULES, isBlankForm } from './rules/blank';

/** The older edition's 所属 is the whole affiliation; it stands where the current edition has 所属. */
const OLDER_HEADER: Record<string, string> = { affiliation: 'bureau', claimType: 'claimType', claimName: 'claimName' };

function headerOf(form: Form): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, f] of form.fields) {
    const m = /^(older\.)?header\.(.+)$/.exec(k);
    if (!m) continue;
    const name = m[1] ? OLDER_HEADER[m[2]!] ?? m[2]! : m[2]!;
    const v = fieldValue(f);
    out[name] = v === null ? null : String(v);
  }
  return out;
}

export interface RecogniseOptions {
  /**
   * Leave hidden and very hidden worksheets out: a person reviewing a workbook sees only its visible sheets, and a
   * hidden one is often last year's form kept for reference. Each hidden sheet that holds a form is named in the
   * result (hiddenSheets) so that leaving it out is never silent; one without a form is not mentioned.
   */
  skipHidden?: boolean;
}

export interface CheckOptions extends RecogniseOptions {
  /** Keep recognition's evidence with each result (the `--explain` view). */
  explain?: boolean;
}

/** The rule id of a reader's note: something left out of the worksheet when it was read (not a check). */
export const READER_NOTE_RULE = 'READ-SKIPPED';

function readerFindings(form: Form): Finding[] {
  return (form.readerNotes ?? []).map((message) => ({ rule: READER_NOTE_RULE, severity: 'info', keys: [], cells: [], message }));
}

export function checkForm(form: Form, opts: CheckOptions = {}): FormResult {
  const result: FormResult = {
    sheet: form.sheet,
    anchor: form.anchor,
    edition: form.edition,
    fiscalYear: form.fiscalYear,
    header: headerOf(form),
    values: formValues(form),
    findings: [...runRules(form, isBlankForm(form) ? RULES.filter((r) => BLANK_FORM_RULES.has(r.id)) : RULES), ...readerFindings(form)],
  };
  if (opts.explain) result.recognition = { evidence: form.evidence, missing: form.missing };
  return result;
}

export interface RecognisedWorkbook {
  forms: Form[];
  notForms: WorkbookResult['notForms'];
  hiddenSheets: HiddenFormSheet[];
}

export function recogniseWorkbook(grids: readonly Grid[], opts: RecogniseOptions = {}): RecognisedWorkbook {
  const forms: Form[] = [];
  const notForms: WorkbookResult['notForms'] = [];
  const hiddenSheets: HiddenFormSheet[] = [];
  for (const g of grids) {
    const r = recogniseSheet(g);
    if (opts.skipHidden && g.visibility !== 'visible') {
      if (r.forms.length > 0) hiddenSheets.push({ sheet: g.name, visibility: g.visibility, forms: r.forms.length });
      continue;
    }
    forms.push(...(g.notes.length > 0 ? r.forms.map((f) => ({ ...f, readerNotes: g.notes })) : r.forms));
    if (r.notForm) notForms.push(r.notForm);
  }
  return { forms, notForms, hiddenSheets };
}

export function checkWorkbook(grids: readonly Grid[], opts: CheckOptions = {}): WorkbookResult {
  return checkRecognised(grids, opts).result;
}

/** The check, with the recognised forms beside their results (same order) for callers that show more of them. */
export function checkRecognised(grids: readonly Grid[], opts: CheckOptions = {}): { result: WorkbookResult; forms: Form[] } {
  const { forms, notForms, hiddenSheets } = recogniseWorkbook(grids, opts);
  return { result: { forms: forms.map((f) => checkForm(f, opts)), notForms, hiddenSheets }, forms };
}
