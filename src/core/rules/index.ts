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
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [
  ...headerRules,
  ...ratingRules,
  ...trendRules,
  ...statusRules,
  ...formulaRules,
  ...textRules,
  ...valueRules,
  ...olderRules,
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function runRules(form: Form, rules: readonly Rule[] = RULES): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    const issues =
      rule.edition === 'any'
        ? rule.check(form)
        : rule.edition === 'current' && form.edition === 'current'
          ? rule.check(form)
          : rule.edition === 'older' && form.edition === 'older'
            ? rule.check(form)
            : [];
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
