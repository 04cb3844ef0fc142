import { isCellError, a1 } from '../grid';
import type { CurrentForm, Form } from '../model/form';
import { key } from '../model/keys';
import { computedFields } from '../formulas/computed';
import { usesAddinFunctions } from '../formulas/equivalence';
import { fmtAmount, messages, where } from '../messages';
import { rowFilled } from '../model/trendRows';
import type { AnyRule, CurrentRule, Issue } from './rule';

function hasAnyFormula(form: CurrentForm): boolean {
  return form.cells.some((c) => c.formula !== undefined);
}

/** B.ア typed while row A is empty is how a young claim starts its table: nothing to carry from. */
function exempt(form: CurrentForm, k: string): boolean {
  return k === key.trend('B', 'ア') && !rowFilled(form, 'A');
}


export const fmlHardcoded: CurrentRule = {
  id: 'FML-HARDCODED',
  severity: 'warning',
  edition: 'current',
  title: '計算欄に数式ではなく値が直接入力されていない',
  check(form) {
    if (!hasAnyFormula(form)) return [];
    const out: Issue[] = [];
    for (const c of computedFields(form)) {
      const f = form.fields.get(c.key)!;
      if (f.formula !== undefined || f.parsed.status === 'blank') continue;
      if (exempt(form, c.key)) continue;
      const shown = f.parsed.status === 'number' ? fmtAmount(f.parsed.value) : String(form.cells.find((x) => x.row === f.row && x.col === f.col)?.value ?? '');
      out.push({ keys: [c.key], message: messages.fmlHardcoded(where(form, c.key), c.rule, shown) });
    }
    return out;
  },
};

export const fmlValuesOnly: CurrentRule = {
  id: 'FML-VALUES-ONLY',
  severity: 'info',
  edition: 'current',
  title: '数式が一つもない(値の貼り付け)',
  check(form) {
    return hasAnyFormula(form) ? [] : [{ keys: [], message: messages.fmlValuesOnly() }];
  },
};

function keyAt(form: Form, row: number, col: number): string[] {
  for (const f of form.fields.values()) if (f.row === row && f.col === col) return [f.key];
  return [];
}

export const fmlError: AnyRule = {
  id: 'FML-ERROR',
  severity: 'error',
  edition: 'any',
  title: 'エラー値(#DIV/0! #REF! #VALUE! など)を表示しているセルがない',
  check(form) {
    const out: Issue[] = [];
    for (const c of form.cells) {
      const err = isCellError(c.value) ? c.value.error : typeof c.value === 'string' && /^#(DIV\/0!|REF!|VALUE!|NAME\?|N\/A|NUM!|NULL!)$/.test(c.value.trim()) ? c.value.trim() : null;
      if (!err) continue;
      const addr = a1(c.row, c.col);
      const keys = keyAt(form, c.row, c.col);
      out.push({ keys, cells: [addr], message: keys.length ? `${where(form, keys[0]!)}: ${messages.fmlError(addr, err)}` : messages.fmlError(addr, err) });
    }
    return out;
  },
};

export const fmlAddinFunction: CurrentRule = {
  id: 'FML-ADDIN-FUNCTION',
  severity: 'warning',
  edition: 'current',
  title: 'このアドインのカスタム関数(MISHUKIN.*)を使っていない',
  check(form) {
    return form.cells
      .filter((c) => c.formula !== undefined && usesAddinFunctions(c.formula))
      .map((c) => ({ keys: keyAt(form, c.row, c.col), cells: [a1(c.row, c.col)], message: messages.fmlAddin(a1(c.row, c.col)) }));
  },
};

export const formulaRules = [fmlHardcoded, fmlValuesOnly, fmlError, fmlAddinFunction];
