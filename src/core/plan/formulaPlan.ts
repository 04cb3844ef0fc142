// 「数式を入れる」: the standard formula of every computed cell of a recognised current-edition form, as a WritePlan.
// The formulas reference the form's own cells wherever it sits; the values they will show are computed here, by the
// core, in dependency order from the input cells (色付け箇所), which are never written.
import { a1, Grid, isCellError, parseA1, type Cell, type CellValue, type GridCell } from '../grid';
import { computedFields, type ComputedField } from '../formulas/computed';
import { equivalentFormulas, sameArithmetic, usesAddinFunctions } from '../formulas/equivalence';
import { evaluate, excelFormula, inUnit, type CellPosition, type RateUnit } from '../formulas/expr';
import { COLUMN_FUNCTIONS, formFunction, functionCall, FUNCTION_DASH } from '../formulas/functions';
import { rateTenths } from '../formulas/trend';
import { fmtAmount, fmtRate, formulaMessages as M, messages, placeOf } from '../messages';
import type { CurrentForm, Field } from '../model/form';
import { CARRY_FROM, isTrendCode, key, TREND_INPUTS, TREND_RATES, type TrendCode, type TrendRow } from '../model/keys';
import { isDash } from '../text/normalize';
import { ERROR_TEXT, percentSign } from '../text/values';
import type { CellContent, PlannedEffect, PlannedWrite, WritePlan } from './writePlan';

export type FormulaVariant = 'plain' | 'addin';

export interface FormulaPlanOptions {
  /** 'plain' (default): formulas every recipient can compute; 'addin': MISHUKIN.* functions where one applies. */
  variant?: FormulaVariant;
  /** What a plain rate formula shows for a zero denominator; default: the dash the form already shows, else "-". */
  dash?: string;
  /** Plan only these cells (A1 addresses); the others keep what they hold and are read as they are. */
  only?: Iterable<string>;
}

/** One computed cell with its standard formula and the value that formula gives. */
export interface StandardCell {
  key: string;
  address: string;
  /** The rule in the form's terms, e.g. "ケ=ウ-(エ+オ)". */
  rule: string;
  formula: string;
  /**
   * The value the cell will show, as the form reads it: a number (a rate as a ratio, whatever the cell holds), a dash
   * (rate over 0) or an Excel error such as "#VALUE!". The formula returns it in `unit`.
   */
  expected: number | string;
  /** How the cell holds a rate, which its formula follows: 'percent' for the percentage itself (under 0.0"%"). */
  unit: RateUnit;
  before: CellContent;
  /** The cell already holds a formula that computes the same (it is left out of the plan). */
  equivalent: boolean;
  /** The cell will show another value than now (rates compared at the form's 0.1% display). */
  changesShownValue: boolean;
  /** The cell's value changes at all (a rate may change in hidden digits only). */
  changesValue: boolean;
  /** Why the formula is written, in Japanese; empty for a cell that is `equivalent`. */
  reason: string;
}

const TREND_KEY = /^trend\.([A-G])\.(.+)$/;
const DEFAULT_DASH = '-';

/** What an operand reads as: a number (blank = 0), or an error that the formula passes on. */
interface Operand {
  n: number | null;
  error?: string;
  /** Input cells read from text (1,234 typed as text, a dash): Excel may compute them otherwise. */
  textInputs: readonly string[];
  /** A non-integer amount among the inputs (the MISHUKIN functions refuse it). */
  fractionalInputs: readonly string[];
  /** This very cell is a number typed as text (a MISHUKIN function given it returns #VALUE!). */
  textNumber?: boolean;
}

function union(xs: readonly (readonly string[])[]): string[] {
  return [...new Set(xs.flat())];
}

function readInput(f: Field | undefined): Operand {
  const none: Operand = { n: 0, textInputs: [], fractionalInputs: [] };
  if (!f) return none;
  const p = f.parsed;
  switch (p.status) {
    case 'blank':
      return none;
    case 'number':
      return {
        n: p.value,
        textInputs: p.textual ? [f.address] : [],
        fractionalInputs: f.kind !== 'rate' && !Number.isInteger(p.value) ? [f.address] : [],
        textNumber: p.textual,
      };
    case 'dash':
      return { n: 0, textInputs: [f.address], fractionalInputs: [] };
    case 'error':
      return { n: null, error: p.error, textInputs: [], fractionalInputs: [] };
    default:
      return { n: null, error: '#VALUE!', textInputs: [], fractionalInputs: [] };
  }
}

function cellContent(cell: Cell | undefined): CellContent {
  if (!cell) return { value: null };
  const v = cell.value;
  const value = isCellError(v) ? v.error : v instanceof Date ? v.toISOString() : v;
  return cell.formula === undefined ? { value } : { value, formula: cell.formula };
}

/** The value shown now, in the form's terms, for the preview. */
function shownText(f: Field): string {
  const p = f.parsed;
  switch (p.status) {
    case 'number':
      return f.kind === 'rate' ? fmtRate(p.value) : fmtAmount(p.value);
    case 'blank':
      return M.blank();
    case 'dash':
      return '—';
    case 'error':
      return p.error;
    case 'text':
      return `「${p.value}」`;
    case 'unparseable':
      return `「${p.text}」`;
  }
}

/** Whether the cell shows what the formula will: amounts exactly, rates at the form's 0.1% display. */
function showsSame(f: Field, expected: number | string): boolean {
  const p = f.parsed;
  if (typeof expected === 'number') {
    if (p.status !== 'number') return false;
    return f.kind === 'rate' ? rateTenths(p.value) === rateTenths(expected) : Math.abs(p.value - expected) < 1e-9;
  }
  if (isDash(expected)) return p.status === 'dash';
  return p.status === 'error' && p.error === expected;
}

function holdsExactly(f: Field, expected: number | string): boolean {
  return typeof expected === 'number' && f.parsed.status === 'number'
    ? Math.abs(f.parsed.value - expected) <= 1e-12 * Math.max(1, Math.abs(expected))
    : showsSame(f, expected);
}

/** The dash the form already prints for a rate over 0 (— or -), so that restoring formulas keeps its look. */
function formDash(form: CurrentForm, cells: ReadonlyMap<string, GridCell>): string {
  for (const f of form.fields.values()) {
    if (f.kind !== 'rate') continue;
    const m = f.formula === undefined ? null : /^IF\([^,]*=0,"([^"]+)"/i.exec(f.formula);
    if (m && isDash(m[1]!)) return m[1]!;
    const v = cells.get(f.address)?.value;
    if (f.parsed.status === 'dash' && typeof v === 'string') return v.trim();
  }
  return DEFAULT_DASH;
}

/** The positive section of a number format is the one a rate shows with (rates are not negative). */
const POSITIVE = 1;

/**
 * How each rate cell holds its number, so that its formula shows right in the person's own format, which is never
 * changed: a literal % sign in the format (0.0"%") shows the percentage itself (2 as 2.0%), a % format the ratio;
 * without a % sign, as its number was read (44.4 typed for 44.4%); a cell with no number to go by (blank, —, 0), as
 * the form's other rates.
 */
function rateUnits(form: CurrentForm, cells: ReadonlyMap<string, GridCell>): (f: Field) => RateUnit {
  const own = (f: Field): RateUnit | null => {
    const raw = cells.get(f.address)?.value;
    const sign = percentSign(f.numFmt, typeof raw === 'number' ? raw : POSITIVE);
    if (sign !== 'none') return sign === 'literal' ? 'percent' : 'ratio';
    if (typeof raw !== 'number' || raw === 0 || f.parsed.status !== 'number') return null;
    return f.parsed.value === raw ? 'ratio' : 'percent';
  };
  const rates = [...form.fields.values()].filter((f) => f.kind === 'rate');
  const usual: RateUnit = rates.some((f) => own(f) === 'percent') ? 'percent' : 'ratio';
  return (f) => (f.kind === 'rate' ? (own(f) ?? usual) : 'ratio');
}

type Block = 'past' | 'current' | 'total';

/** 過年度分 (ア … ケ), 現年度分 (ウ' … ケ'), 合計 (キ'' ク'' ケ''): told apart by the primes of their codes. */
function blockOf(code: TrendCode): Block {
  return code.endsWith("''") ? 'total' : code.endsWith("'") ? 'current' : 'past';
}

/**
 * A block of a trend row with no typed input (blank or —; ア counts only when typed as a value): the person left it
 * empty on purpose. Computed cells say nothing: a template keeps its formulas, showing 0 and —, in unused rows.
 */
function emptyBlocks(form: CurrentForm): (row: TrendRow, block: Block) => boolean {
  const memo = new Map<string, boolean>();
  const empty = (row: TrendRow, block: Block): boolean => {
    const id = `${row}.${block}`;
    let v = memo.get(id);
    if (v === undefined) {
      v =
        block === 'total'
          ? empty(row, 'past') && empty(row, 'current')
          : TREND_INPUTS.filter((c) => blockOf(c) === block).every((c) => {
              const f = form.fields.get(key.trend(row, c));
              const st = f?.parsed.status;
              return st === undefined || st === 'blank' || st === 'dash' || (c === 'ア' && f?.formula !== undefined);
            });
      memo.set(id, v);
    }
    return v;
  };
  return empty;
}

/**
 * Which computed cells get a formula. A trend row, or its 過年度分 or 現年度分, that nobody filled in stays
 * blank (formulas there would print 0 and —, and hide what is missing); ア stays typed where the row it carries
 * from is empty (a young claim's first year); a section 3 cell stays blank where everything it sums is blank.
 */
function candidates(form: CurrentForm): ComputedField[] {
  const empty = emptyBlocks(form);
  const chosen = new Set<string>();
  const live = (k: string): boolean => chosen.has(k) || form.fields.get(k)?.parsed.status !== 'blank';
  const out: ComputedField[] = [];
  for (const c of computedFields(form)) {
    const f = form.fields.get(c.key);
    if (!f || !c.operands.every((o) => form.fields.has(o)) || !inside(form, f)) continue;
    const t = TREND_KEY.exec(c.key);
    const code = t?.[2];
    if (t && code && isTrendCode(code)) {
      const row = t[1] as TrendRow;
      if (empty(row, blockOf(code))) continue;
      const from = code === 'ア' ? CARRY_FROM[row] : undefined;
      if (code === 'ア' && (!from || empty(from, 'total'))) continue;
    } else if (f.parsed.status === 'blank' && !c.operands.some(live)) continue;
    chosen.add(c.key);
    out.push(c);
  }
  return out;
}

function inside(form: CurrentForm, f: Field): boolean {
  const r = form.region;
  return f.row >= r.top && f.row <= r.bottom && f.col >= r.left && f.col <= r.right;
}

interface Built {
  cells: StandardCell[];
  caveats: string[];
}

function build(form: CurrentForm, opts: FormulaPlanOptions): Built {
  const addin = opts.variant === 'addin';
  const gridCells = new Map(form.cells.map((c) => [a1(c.row, c.col), c]));
  const dash = opts.dash ?? formDash(form, gridCells);
  const only = opts.only === undefined ? null : new Set([...opts.only].map(normalAddress));
  const at = (k: string): CellPosition => form.fields.get(k)!;
  const unitOf = rateUnits(form, gridCells);

  // The formula of each chosen cell; cells left out of a partial plan keep what they hold.
  const standard = new Map<string, { c: ComputedField; formula: string; unit: RateUnit; equivalent: boolean; fn: boolean }>();
  for (const c of candidates(form)) {
    const f = form.fields.get(c.key)!;
    const unit = unitOf(f);
    // The MISHUKIN functions return ratios: a cell holding percentages gets the plain formula.
    const call = addin && unit === 'ratio' ? functionFormula(c.key, at) : null;
    const formula = call ?? excelFormula(c.expr, at, dash, unit);
    const equivalent = f.formula !== undefined && equivalentFormulas(f.formula, formula);
    if (!equivalent && only && !only.has(f.address)) continue;
    standard.set(c.key, { c, formula, unit, equivalent, fn: call !== null });
  }

  // Evaluate in dependency order (memoised recursion over the operands), from the input cells.
  const memo = new Map<string, Operand>();
  const value = (k: string): Operand => {
    const hit = memo.get(k);
    if (hit) return hit;
    const s = standard.get(k);
    let out: Operand;
    if (!s) out = readInput(form.fields.get(k));
    else {
      memo.set(k, { n: null, error: '#REF!', textInputs: [], fractionalInputs: [] }); // a cycle reads as an error
      const ops = s.c.operands.map(value);
      const textInputs = union(ops.map((o) => o.textInputs));
      const fractionalInputs = union(ops.map((o) => o.fractionalInputs));
      const failed = ops.find((o) => o.error !== undefined);
      if (failed) out = { n: null, error: failed.error, textInputs, fractionalInputs };
      else if (s.fn && ops.some((o) => o.textNumber || (o.n !== null && !Number.isInteger(o.n)))) {
        out = { n: null, error: '#VALUE!', textInputs, fractionalInputs }; // the function refuses text and fractions
      } else {
        const byKey = new Map(s.c.operands.map((o, i) => [o, ops[i]!.n ?? 0]));
        out = { n: evaluate(s.c.expr, (o) => byKey.get(o) ?? 0), textInputs, fractionalInputs };
      }
    }
    memo.set(k, out);
    return out;
  };

  const cells: StandardCell[] = [];
  const textInputs = new Set<string>();
  const fractional = new Set<string>();
  const inPercent: string[] = [];
  for (const [k, s] of standard) {
    const f = form.fields.get(k)!;
    const v = value(k);
    const expected = v.error ?? v.n ?? (s.fn ? FUNCTION_DASH : dash);
    const changesValue = !holdsExactly(f, expected);
    // Caveats about the inputs matter where the plan writes or changes something.
    if (!s.equivalent || changesValue) {
      v.textInputs.forEach((x) => textInputs.add(x));
      if (s.fn) v.fractionalInputs.forEach((x) => fractional.add(x));
    }
    if (!s.equivalent && s.unit === 'percent') inPercent.push(f.address);
    cells.push({
      key: k,
      address: f.address,
      rule: s.c.rule,
      formula: s.formula,
      expected,
      unit: s.unit,
      before: cellContent(gridCells.get(f.address)),
      equivalent: s.equivalent,
      changesShownValue: !showsSame(f, expected),
      changesValue,
      reason: s.equivalent ? '' : reason(f, s.formula, addin, s.unit === 'percent' ? excelFormula(s.c.expr, at, dash) : null),
    });
  }

  const caveats: string[] = [];
  const written = cells.filter((c) => !c.equivalent);
  if (addin && written.some((c) => standard.get(c.key)!.fn)) {
    caveats.push(messages.fmlAddin(listAddresses(written.filter((c) => standard.get(c.key)!.fn).map((c) => c.address))));
  }
  if (inPercent.length) caveats.push(M.percentCells(listAddresses(inPercent)));
  if (textInputs.size) caveats.push(M.textInputs([...textInputs]));
  if (fractional.size) caveats.push(M.nonInteger([...fractional]));
  return { cells, caveats };
}

function listAddresses(cells: string[]): string {
  return cells.length > 3 ? `${cells.slice(0, 3).join(', ')} ほか${cells.length - 3}個` : cells.join(', ');
}

/** MISHUKIN.徴収率(G19,F19) for a trend column that has a function; null for the others. */
function functionFormula(k: string, at: (k: string) => CellPosition): string | null {
  const t = TREND_KEY.exec(k);
  const code = t?.[2];
  if (!t || !code || !isTrendCode(code)) return null;
  const use = COLUMN_FUNCTIONS[code];
  if (!use) return null;
  const row = t[1] as TrendRow;
  return functionCall(
    formFunction(use.id),
    use.args.map((a) => (a === 0 ? '0' : at(key.trend(row, a)).address)),
  );
}

function normalAddress(address: string): string {
  const p = parseA1(address);
  return p ? a1(p.row, p.col) : address.toUpperCase();
}

/** Every computed cell of the form with its standard formula and value, including those already right. */
export function standardFormulas(form: CurrentForm, opts: FormulaPlanOptions = {}): StandardCell[] {
  return build(form, opts).cells;
}

/** Why `formula` replaces what the cell holds; `ratio` is the ratio form of a formula that returns a percentage. */
function reason(f: Field, formula: string, addin: boolean, ratio: string | null): string {
  if (f.formula === undefined) return f.parsed.status === 'blank' ? M.reasonBlank() : M.reasonTyped(shownText(f));
  if (ratio !== null && sameArithmetic(f.formula, ratio)) return M.reasonRatioInPercent(f.formula, shownText(f));
  if (!addin && usesAddinFunctions(f.formula)) return M.reasonAddin();
  if (addin && sameArithmetic(f.formula, formula)) return M.reasonToAddin();
  return M.reasonOther(f.formula);
}

/**
 * The plan of 「数式を入れる」 for one form: a write for every computed cell whose formula is missing or differs;
 * `effects` lists the cells left alone whose value changes with them.
 */
export function planFormulas(form: CurrentForm, opts: FormulaPlanOptions = {}): WritePlan {
  const addin = opts.variant === 'addin';
  const { cells, caveats } = build(form, opts);
  const writes: PlannedWrite[] = [];
  const effects: PlannedEffect[] = [];
  for (const c of cells) {
    const held = c.unit === 'percent' ? { inPercent: true } : {};
    const expected = inUnit(c.expected, c.unit);
    if (c.equivalent) {
      if (c.changesValue) {
        effects.push({
          sheet: form.sheet,
          address: c.address,
          key: c.key,
          label: placeOf(form, c.key),
          before: c.before.value,
          after: expected,
          changesShownValue: c.changesShownValue,
          ...held,
        });
      }
      continue;
    }
    writes.push({
      sheet: form.sheet,
      address: c.address,
      key: c.key,
      before: c.before,
      after: { value: expected, formula: c.formula },
      why: M.why(placeOf(form, c.key), c.rule, c.reason),
      expected,
      changesShownValue: c.changesShownValue,
      ...held,
    });
  }
  const plan: WritePlan = { title: M.planTitle(form.sheet, form.anchor, addin), writes };
  if (caveats.length) plan.caveats = caveats;
  if (effects.length) plan.effects = effects;
  return plan;
}

/** A rate key (キ ク … ク''): its values are ratios, shown as percentages. */
export function isRateKey(k: string): boolean {
  const code = TREND_KEY.exec(k)?.[2];
  return code !== undefined && (TREND_RATES as readonly string[]).includes(code);
}

function toCellValue(v: number | string | null): CellValue {
  return typeof v === 'string' && ERROR_TEXT.test(v) ? { error: v } : v;
}

/**
 * The grid as it will be once the plan is applied (pure: for previews and tests). With `selectedAddresses`, only
 * those writes; the knock-on `effects` are shown only when every write of the sheet is applied (for an exact
 * preview of a subset, plan the subset with `planFormulas(form, { only })`).
 */
export function applyPlanToGrid(grid: Grid, plan: WritePlan, selectedAddresses?: Iterable<string>): Grid {
  const pick = selectedAddresses === undefined ? null : new Set([...selectedAddresses].map(normalAddress));
  const mine = plan.writes.filter((w) => w.sheet === grid.name);
  const chosen = pick ? mine.filter((w) => pick.has(normalAddress(w.address))) : mine;
  // A write sets formula and value; a knock-on effect only the value (the cell keeps its formula).
  type Change = { value: CellValue; formula?: string; keepFormula?: boolean };
  const changes = new Map<string, Change>();
  if (chosen.length === mine.length) {
    for (const e of plan.effects ?? []) {
      if (e.sheet === grid.name) changes.set(normalAddress(e.address), { value: toCellValue(e.after), keepFormula: true });
    }
  }
  for (const w of chosen) changes.set(normalAddress(w.address), { value: toCellValue(w.expected), formula: w.after.formula });
  const cells: GridCell[] = [];
  const put = (row: number, col: number, ch: Change, old?: Cell): void => {
    const formula = ch.keepFormula ? old?.formula : ch.formula;
    const next: GridCell = { row, col, value: ch.value };
    if (formula !== undefined) next.formula = formula;
    if (old?.numFmt !== undefined) next.numFmt = old.numFmt;
    cells.push(next);
  };
  for (const c of grid.cells()) {
    const addr = a1(c.row, c.col);
    const ch = changes.get(addr);
    if (!ch) cells.push(c);
    else {
      changes.delete(addr);
      put(c.row, c.col, ch, c);
    }
  }
  for (const [addr, ch] of changes) {
    const p = parseA1(addr);
    if (p) put(p.row, p.col, ch);
  }
  return new Grid(grid.name, cells);
}
