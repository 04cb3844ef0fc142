// The rule registry and the one runner that applies rules and attaches cells.
import type { Finding, Severity } from '../findings';
import type { Form } from '../model/form';
import { headerRules } from './header';
import { ratingRules } from './rating';
import { trendRules } from './trend';
import { statusRules } from './status';
import { formulaRules } from './formula';
import { textRules } from './text';
import { valueRules } from './values';
import { olderRules } from './older';
import { recognitionRules } from './recognition';
import { formBlank } from './blank';
import type { Issue, Rule } from './rule';

export const RULES: readonly Rule[] = [
  ...headerRules,
  ...ratingRules,
  ...trendRules,
  ...statusRules,
  ...formulaRules,
  ...textRules,
  ...valueRules,
  ...olderRules,
  ...recognitionRules,
  formBlank,
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function runOne(rule: Rule, form: Form): Issue[] {
  if (rule.edition === 'any') return rule.check(form);
  if (rule.edition === 'current') return form.edition === 'current' ? rule.check(form) : [];
  return form.edition === 'older' ? rule.check(form) : [];
}

export function runRules(form: Form, rules: readonly Rule[] = RULES): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    let issues: Issue[];
    try {
      issues = runOne(rule, form);
    } catch (e) {
      // A rule must never take the whole check down: say which one could not run, and go on.
      issues = [{ keys: [], severity: 'warning', message: `点検 ${rule.id} を実行できませんでした(内部エラー: ${e instanceof Error ? e.message : String(e)})。` }];
    }
    for (const i of issues) {
      const cells = [
        ...i.keys.map((k) => form.fields.get(k)?.address).filter((a): a is string => !!a),
        ...(i.cells ?? []),
      ];
      const f: Finding = {
        rule: rule.id,
        severity: i.severity ?? rule.severity,
        keys: i.keys,
        cells: [...new Set(cells)].map((a) => `${form.sheet}!${a}`),
        message: i.message,
      };
      if (i.proposed !== undefined) f.proposed = i.proposed;
      out.push(f);
    }
  }
  return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
