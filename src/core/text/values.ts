// Reading a cell tolerantly: 1,234 / １２３４ / ▲12 / △12 / -12 / 44.4% / 0.444 / — / blank all parse.
// What cannot be parsed is reported by the caller as a finding, never thrown.
import { type Cell, isCellError } from '../grid';
import { isDash } from './normalize';

export type FieldKind = 'amount' | 'count' | 'rate' | 'text' | 'rating';

export type ParsedValue =
  | { status: 'blank' }
  | { status: 'dash' }
  | { status: 'number'; value: number; /** typed as text (full-width digits, commas, ▲ …) */ textual: boolean }
  | { status: 'text'; value: string }
  | { status: 'unparseable'; text: string }
  | { status: 'error'; error: string };

/** Rating codes of both editions (A B1 B2 — / A B C1 C2). */
const RATING_CODE = /^(A|B|B1|B2|C1|C2)$/;

/** A whole number shown through a zero-padding format (「000」: 14 shows 014), as it is shown. */
function zeroPadded(v: number, numFmt: string | undefined): string {
  const zeros = numFmt ? /^0+$/.exec(numFmt.trim()) : null;
  return zeros && Number.isInteger(v) && v >= 0 ? String(v).padStart(zeros[0].length, '0') : String(v);
}

/** The text of an Excel error value (#DIV/0!, #VALUE! …). */
export const ERROR_TEXT = /^#(DIV\/0!|REF!|VALUE!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/** A rate this large, shown without a % sign, can only be a percentage (44.4 for 44.4%), not a ratio. */
export const CLEARLY_PERCENT = 1.5;

/**
 * The % sign a number format shows with a number: 'scaled' for Excel's % operator (0.444 shows 44.4%); 'literal'
 * for a % that is only text — quoted ("%" "％"), escaped (\% !%) or a bare full-width ％ — which shows the number
 * itself followed by % (0.6 shows 0.6%); 'none' where no % sign is shown (General, 0.0).
 */
export type PercentSign = 'scaled' | 'literal' | 'none';

const PERCENT_CHAR = /[%％]/;

/** The % sign of each section (positive;negative;zero;text) of a number format. */
function percentSigns(numFmt: string): PercentSign[] {
  const signs: PercentSign[] = [];
  let scaled = false;
  let literal = false;
  const close = () => signs.push(scaled ? 'scaled' : literal ? 'literal' : 'none');
  for (let i = 0; i < numFmt.length; i++) {
    const ch = numFmt[i]!;
    if (ch === '"') {
      const end = numFmt.indexOf('"', i + 1);
      const stop = end < 0 ? numFmt.length : end;
      if (PERCENT_CHAR.test(numFmt.slice(i + 1, stop))) literal = true;
      i = stop;
    } else if (ch === '\\' || ch === '!') {
      if (PERCENT_CHAR.test(numFmt[i + 1] ?? '')) literal = true;
      i++;
    } else if (ch === '_' || ch === '*') {
      i++; // _x leaves a space as wide as x, *x fills with x: neither is a sign read with the number
    } else if (ch === '[') {
      const end = numFmt.indexOf(']', i);
      i = end < 0 ? numFmt.length : end; // colour, condition or locale
    } else if (ch === '%') scaled = true;
    else if (ch === '％') literal = true;
    else if (ch === ';') {
      close();
      scaled = literal = false;
    }
  }
  close();
  return signs;
}

/** The % sign the cell's number format shows with this number (the section for its sign: positive;negative;zero). */
export function percentSign(numFmt: string | undefined, value: number): PercentSign {
  if (!numFmt) return 'none';
  const signs = percentSigns(numFmt);
  const section = value < 0 && signs.length > 1 ? 1 : value === 0 && signs.length > 2 ? 2 : 0;
  return signs[section]!;
}

/** Parses the text of a numeric field; null when it is not a number. */
export function parseNumberText(raw: string, kind: FieldKind): { value: number; percent: boolean } | null {
  let s = raw.normalize('NFKC').replace(/\s+/g, '');
  s = s.replace(/(千円|円|人|件)$/, '');
  let negative = false;
  if (/^[▲△▼]/.test(s)) {
    negative = true;
    s = s.slice(1);
  } else if (/^[-−‐‒–—―ー]/.test(s) && s.length > 1) {
    negative = true;
    s = s.slice(1);
  } else if (/^\(.+\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  // Some printed sheets use "." as the thousands separator (1.849 = 1,849): only for whole-千円 fields.
  else if (kind !== 'rate' && !percent && /^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  return { value: negative ? -n : n, percent };
}

/**
 * Reads a cell for a field of the given kind. Rates come back as ratios (0.444), read as the cell shows them: a
 * workbook stores them so under a % format, while a number shown with a literal % sign (0.6 under 0.0"%"), text such
 * as "44.4%" and a bare 44.4 mean percent.
 */
export function parseCell(cell: Cell | undefined, kind: FieldKind): ParsedValue {
  if (!cell) return { status: 'blank' };
  const v = cell.value;
  if (v === null || v === undefined) return { status: 'blank' };
  if (isCellError(v)) return { status: 'error', error: v.error };
  if (kind === 'text' || kind === 'rating') {
    if (typeof v === 'string') {
      const t = v.trim();
      if (t === '') return { status: 'blank' };
      if (ERROR_TEXT.test(t)) return { status: 'error', error: t.toUpperCase() };
      if (isDash(t)) return { status: 'dash' };
      // Ａ, ｂ１: a rating code however it was typed reads as the code.
      const code = kind === 'rating' ? t.normalize('NFKC').toUpperCase() : '';
      return { status: 'text', value: RATING_CODE.test(code) ? code : t };
    }
    if (typeof v === 'number') return { status: 'text', value: zeroPadded(v, cell.numFmt) };
    return { status: 'unparseable', text: String(v) };
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { status: 'unparseable', text: String(v) };
    if (kind === 'rate') {
      // As the cell shows it: a % format shows the ratio ×100; a literal % sign follows a number typed as a percentage.
      const sign = percentSign(cell.numFmt, v);
      if (sign === 'literal' || (sign === 'none' && Math.abs(v) > CLEARLY_PERCENT)) return { status: 'number', value: v / 100, textual: false };
    }
    return { status: 'number', value: v, textual: false };
  }
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return { status: 'blank' };
    if (isDash(t)) return { status: 'dash' };
    if (ERROR_TEXT.test(t)) return { status: 'error', error: t.toUpperCase() };
    const p = parseNumberText(t, kind);
    if (!p) return { status: 'unparseable', text: t };
    let value = p.value;
    if (kind === 'rate' && (p.percent || Math.abs(value) > CLEARLY_PERCENT)) value = value / 100;
    else if (p.percent) value = value / 100;
    return { status: 'number', value, textual: true };
  }
  const shown = v instanceof Date ? (Number.isNaN(v.getTime()) ? '(不正な日付)' : v.toISOString().slice(0, 10)) : String(v);
  return { status: 'unparseable', text: shown };
}
