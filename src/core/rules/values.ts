import { messages, where } from '../messages';
import type { AnyRule } from './rule';

export const valTextnum: AnyRule = {
  id: 'VAL-TEXTNUM',
  severity: 'info',
  edition: 'any',
  title: '数値が文字列(全角数字・桁区切り・▲など)で入力されている(値は正しく読み取る)',
  check(form) {
    const fields = [...form.fields.values()].filter((f) => f.parsed.status === 'number' && f.parsed.textual);
    if (fields.length === 0) return [];
    return [{ keys: fields.map((f) => f.key), message: messages.valTextNum(fields.map((f) => f.address)) }];
  },
};

export const valParse: AnyRule = {
  id: 'VAL-PARSE',
  severity: 'error',
  edition: 'any',
  title: '数値欄に数値として読めない文字が入っていない',
  check(form) {
    return [...form.fields.values()]
      .filter((f) => f.parsed.status === 'unparseable' && f.kind !== 'text' && f.kind !== 'rating')
      .map((f) => ({ keys: [f.key], message: messages.valParse(where(form, f.key), f.parsed.status === 'unparseable' ? f.parsed.text : '') }));
  },
};

export const valueRules = [valTextnum, valParse];
