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

export type Rule = CurrentRule | OlderRule;

export function appliesTo(rule: Rule, form: Form): boolean {
  return rule.edition === form.edition;
}

export type { Edition };
