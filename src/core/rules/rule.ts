// A rule: its id from the spec, its severity, the editions it applies to, and a pure check.
import type { Edition, Severity } from '../findings';
import type { CurrentForm, Form, OlderForm } from '../model/form';

export interface Issue {
  keys: string[];
  message: string;
  /** Cells not tied to a field key (formula checks); A1 addresses within the sheet. */
  cells?: string[];
  severity?: Severity;
  proposed?: string;
}

interface RuleBase {
  id: string;
  severity: Severity;
  /** What it checks, in Japanese (README's rules table, the pane's help). */
  title: string;
}

export interface CurrentRule extends RuleBase {
  edition: 'current';
  check: (form: CurrentForm) => Issue[];
}

export interface OlderRule extends RuleBase {
  edition: 'older';
  check: (form: OlderForm) => Issue[];
}

/** A rule that reads only fields and cells, the same in both editions. */
export interface AnyRule extends RuleBase {
  edition: 'any';
  check: (form: Form) => Issue[];
}

export type Rule = CurrentRule | OlderRule | AnyRule;

export type { Edition };
