// The typed model of a recognised form: every field by logical key, with its cell and its parsed value.
import type { GridCell } from '../grid';
import type { FieldKind, ParsedValue } from '../text/values';
import type { TrendRow } from './keys';

export interface Field {
  key: string;
  row: number;
  col: number;
  /** A1 address within the worksheet. */
  address: string;
  kind: FieldKind;
  parsed: ParsedValue;
  formula?: string;
  numFmt?: string;
}

export interface Region {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Why recognition took a cell or a range for a part of the form (the `--explain` view). */
export interface Evidence {
  /** The part in the form's own words, e.g. 「3. 区分別の表」. */
  part: string;
  /** A1 addresses (a cell or a range) within the worksheet. */
  cells: string[];
  /** Why, in Japanese. */
  reason: string;
}

/** A part of the form that recognition could not locate: the checker's limit, never the user's error. */
export interface MissingPart {
  /** Stable id: header | header.<field> | ratings | rating.<column> | trend.<row> | trend.codes | status | summary |
   *  verify | plan | older.header.<field> | older.balance | older.rates | older.status | older.ratings. */
  id: string;
  part: string;
  /** What was looked for, in Japanese. */
  lookedFor: string;
}

interface FormBase {
  sheet: string;
  anchor: string;
  fiscalYear: number | null;
  fields: Map<string, Field>;
  region: Region;
  /** The non-empty cells of the region (for the formula checks). */
  cells: GridCell[];
  evidence: Evidence[];
  missing: MissingPart[];
  /** The reader's notes on the form's worksheet (Grid.notes), reported as info findings. */
  readerNotes?: readonly string[];
}

export interface CurrentForm extends FormBase {
  edition: 'current';
  /** N as the section titles name it (null when they name none); the rows' N is fiscalYear. */
  titleYear: number | null;
  /** Printed label of each trend row found, e.g. { D: "令和元 実績" }. */
  rowLabels: Partial<Record<TrendRow, string>>;
  /** Whether the unnumbered ⑮-2 column is on the form. */
  has15_2: boolean;
  /** Which parts of the form were found (a missing part is reported, not guessed). */
  found: { header: boolean; ratings: boolean; status: boolean; summary: boolean; verify: boolean; plan: boolean };
}

export interface OlderForm extends FormBase {
  edition: 'older';
  /** Units printed per section: 1 for 円, 1000 for 千円 (amounts are compared in 円). */
  units: { balance: number; status: number };
  found: { header: boolean; balance: boolean; rates: boolean; status: boolean; ratings: boolean };
}

export type Form = CurrentForm | OlderForm;

/** What was read, by logical key: numbers as numbers, text as text, blank as null. */
export type Values = Record<string, number | string | null>;

export function fieldValue(f: Field): number | string | null {
  const p = f.parsed;
  switch (p.status) {
    case 'number':
      return p.value;
    case 'text':
      return p.value;
    case 'dash':
      return '—';
    case 'unparseable':
      return p.text;
    case 'error':
      return p.error;
    default:
      return null;
  }
}

export function formValues(form: Form): Values {
  const out: Values = {};
  for (const [k, f] of form.fields) out[k] = fieldValue(f);
  return out;
}

/** The number in a field; null when blank, a dash, text or missing. */
export function num(form: Form, key: string): number | null {
  const p = form.fields.get(key)?.parsed;
  return p && p.status === 'number' ? p.value : null;
}

/** Amount arithmetic treats a blank or dashed input as 0 (the printed form does). */
export function amount(form: Form, key: string): number {
  return num(form, key) ?? 0;
}

export function text(form: Form, key: string): string | null {
  const p = form.fields.get(key)?.parsed;
  if (!p) return null;
  if (p.status === 'text') return p.value;
  if (p.status === 'dash') return '—';
  if (p.status === 'number') return String(p.value);
  return null;
}

export function isBlank(form: Form, key: string): boolean {
  const p = form.fields.get(key)?.parsed;
  return !p || p.status === 'blank';
}
