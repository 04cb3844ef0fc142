// A form nobody has filled in yet (a blank template, `mishukin new`'s output, a sheet copied for next year and
// left): one note that it is blank, not a list of every empty field as errors. The checks start with the first input.
import type { Form } from '../model/form';
import { messages } from '../messages';
import type { AnyRule } from './rule';

/** Something typed: text anywhere, or a number other than 0 where no formula computes it. */
function typed(form: Form): boolean {
  for (const f of form.fields.values()) {
    const p = f.parsed;
    if (p.status === 'text' || p.status === 'unparseable') return true;
    if (p.status === 'number' && p.value !== 0 && f.formula === undefined) return true;
  }
  return false;
}

export function isBlankForm(form: Form): boolean {
  return !typed(form);
}

export const formBlank: AnyRule = {
  id: 'FORM-BLANK',
  severity: 'info',
  edition: 'any',
  title: '未記入の調査書(入力欄がすべて空欄か 0)は、空欄の指摘をせず未記入であることだけを知らせる',
  check: (form) => (isBlankForm(form) ? [{ keys: [], message: messages.formBlank() }] : []),
};

/** What still speaks on a blank form: that it is blank, and the parts recognition could not find. */
export const BLANK_FORM_RULES: ReadonlySet<string> = new Set(['FORM-BLANK', 'REC-PART', 'REC-YEAR']);
