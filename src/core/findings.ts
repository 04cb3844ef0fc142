// What a check reports: one finding per problem, with the logical keys and cells involved.
import type { Evidence, MissingPart } from './model/form';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Rule id from the form spec, e.g. "TRD-CARRY". */
  rule: string;
  severity: Severity;
  /** Logical field keys (spec §3), e.g. "trend.E.ア". */
  keys: string[];
  /** Cell addresses with the worksheet, e.g. "Sheet1!R12". */
  cells: string[];
  /** Japanese message: what is wrong, where in form terms, expected vs found. */
  message: string;
  /** For RATE-MISMATCH: the codes the numbers allow, e.g. "A" or "B1|B2". */
  proposed?: string;
}

export type Edition = 'current' | 'older';

/** The result of checking one recognised form. */
export interface FormResult {
  sheet: string;
  /** A1 address of the form's top-left label (its title, or the first label found). */
  anchor: string;
  edition: Edition;
  /** Reported fiscal year N as a Western year (令和元 = 2019); null when no label gives it. */
  fiscalYear: number | null;
  header: Record<string, string | null>;
  /** Every field read, by logical key: numbers as numbers, text as text, blank as null. */
  values: Record<string, number | string | null>;
  findings: Finding[];
  /** Why each part was taken where it was, and what could not be found (asked for: `check --explain`). */
  recognition?: { evidence: Evidence[]; missing: MissingPart[] };
}

/** A worksheet in which no form was found, with the reason in Japanese. */
export interface NotAForm {
  sheet: string;
  reason: string;
}

/** A hidden worksheet holding a form, left out of the check (last year's sheet kept out of sight, a working copy). */
export interface HiddenFormSheet {
  sheet: string;
  visibility: 'hidden' | 'veryHidden';
  /** How many forms were found on it. */
  forms: number;
}

export interface WorkbookResult {
  forms: FormResult[];
  notForms: NotAForm[];
  /** Hidden worksheets holding a form that were not checked (only when hidden sheets are skipped). */
  hiddenSheets: HiddenFormSheet[];
}
