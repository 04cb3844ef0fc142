// The add-in's custom functions (MISHUKIN.徴収率 and friends) as data: each is one computed column of
// 2. 未収金の推移, called with that column's operands. The arithmetic is the column's (TREND_COMPUTED), never
// written again here; src/functions wraps these for Excel (its JSDoc, from which functions.json is generated,
// carries the descriptions), the formula writer uses them for its add-in variant.
import type { TrendCode } from '../model/keys';
import { trendColumn } from './trend';

export const FUNCTION_NAMESPACE = 'MISHUKIN';
/** What a rate function returns where the denominator is 0 or empty. */
export const FUNCTION_DASH = '—';

export interface FunctionParam {
  /** As Excel shows it in the argument tip. */
  name: string;
  /** The column of the defining row this argument stands for. */
  operand: TrendCode;
}

export interface FormFunction {
  /** Invariant id stored with the function's metadata (ASCII). */
  id: string;
  /** The name people type: =MISHUKIN.徴収率(…). */
  name: string;
  /** The column whose rule the function computes (its arguments are that rule's operands). */
  column: TrendCode;
  params: readonly FunctionParam[];
}

export const FORM_FUNCTIONS = [
  {
    id: 'COLLECTION_RATE',
    name: '徴収率',
    column: 'キ',
    params: [
      { name: '徴収額', operand: 'エ' },
      { name: '調定額', operand: 'ウ' },
    ],
  },
  {
    id: 'SETTLEMENT_RATE',
    name: '整理率',
    column: 'ク',
    params: [
      { name: '整理額', operand: 'カ' },
      { name: '分母', operand: 'ア' },
    ],
  },
  {
    id: 'SETTLED_AMOUNT',
    name: '整理額',
    column: 'カ',
    params: [
      { name: '減少額', operand: 'イ' },
      { name: '徴収額', operand: 'エ' },
      { name: '欠損額', operand: 'オ' },
    ],
  },
  {
    id: 'BALANCE',
    name: '未収金残高',
    column: 'ケ',
    params: [
      { name: '調定額', operand: 'ウ' },
      { name: '徴収額', operand: 'エ' },
      { name: '欠損額', operand: 'オ' },
    ],
  },
  {
    id: 'ASSESSMENT_DECREASE',
    name: '調定減少額',
    column: 'イ',
    params: [
      { name: '繰越額', operand: 'ア' },
      { name: '調定額', operand: 'ウ' },
    ],
  },
  {
    id: 'TOTAL_COLLECTION_RATE',
    name: '徴収率合計',
    column: "キ''",
    params: [
      { name: '徴収額過年度', operand: 'エ' },
      { name: '徴収額現年度', operand: "エ'" },
      { name: '調定額過年度', operand: 'ウ' },
      { name: '調定額現年度', operand: "ウ'" },
    ],
  },
  {
    id: 'TOTAL_SETTLEMENT_RATE',
    name: '整理率合計',
    column: "ク''",
    params: [
      { name: '整理額過年度', operand: 'カ' },
      { name: '整理額現年度', operand: "カ'" },
      { name: '繰越額', operand: 'ア' },
      { name: '調定額現年度', operand: "ウ'" },
    ],
  },
] as const satisfies readonly FormFunction[];

export type FunctionId = (typeof FORM_FUNCTIONS)[number]['id'];

const BY_ID = new Map<string, FormFunction>(FORM_FUNCTIONS.map((f) => [f.id, f]));
const BY_NAME = new Map<string, FormFunction>(FORM_FUNCTIONS.map((f) => [f.name, f]));

export function formFunction(id: FunctionId): FormFunction {
  return BY_ID.get(id)!;
}

/** By the name in a formula (徴収率) or the stored id (COLLECTION_RATE). */
export function findFormFunction(nameOrId: string): FormFunction | undefined {
  return BY_NAME.get(nameOrId) ?? BY_ID.get(nameOrId.toUpperCase());
}

/** Each function's column and, per operand, the index of its argument: resolved once, not per call. */
const COMPILED = new Map(
  FORM_FUNCTIONS.map((fn) => {
    const col = trendColumn(fn.column);
    if (!col) throw new Error(`${fn.column} is not a computed column`);
    const index = new Map<TrendCode, number>(fn.params.map((p, i) => [p.operand, i]));
    if (!col.operands.every((o) => index.has(o))) throw new Error(`${fn.id} lacks an argument of ${col.rule}`);
    return [fn.id as string, { col, index }] as const;
  }),
);

/** The function's value for validated numeric arguments: its column's rule; null = — (denominator 0). */
export function applyFormFunction(fn: FormFunction, args: readonly number[]): number | null {
  const { col, index } = COMPILED.get(fn.id)!;
  return col.compute((code) => args[index.get(code)!] ?? 0);
}

/**
 * The add-in variant of 「数式を入れる」: which function computes each column, with its arguments as the same
 * row's columns (0 = the literal 0, for 現年度 カ' which has no 減少額). ケ'' (= ケ+ケ') stays a plain sum.
 */
export const COLUMN_FUNCTIONS: Partial<Record<TrendCode, { id: FunctionId; args: readonly (TrendCode | 0)[] }>> = {
  イ: { id: 'ASSESSMENT_DECREASE', args: ['ア', 'ウ'] },
  カ: { id: 'SETTLED_AMOUNT', args: ['イ', 'エ', 'オ'] },
  キ: { id: 'COLLECTION_RATE', args: ['エ', 'ウ'] },
  ク: { id: 'SETTLEMENT_RATE', args: ['カ', 'ア'] },
  ケ: { id: 'BALANCE', args: ['ウ', 'エ', 'オ'] },
  "カ'": { id: 'SETTLED_AMOUNT', args: [0, "エ'", "オ'"] },
  "キ'": { id: 'COLLECTION_RATE', args: ["エ'", "ウ'"] },
  "ク'": { id: 'SETTLEMENT_RATE', args: ["カ'", "ウ'"] },
  "ケ'": { id: 'BALANCE', args: ["ウ'", "エ'", "オ'"] },
  "キ''": { id: 'TOTAL_COLLECTION_RATE', args: ['エ', "エ'", 'ウ', "ウ'"] },
  "ク''": { id: 'TOTAL_SETTLEMENT_RATE', args: ['カ', "カ'", 'ア', "ウ'"] },
};

/** An add-in function call as typed in a cell: MISHUKIN.徴収率(G17,F17). */
export function functionCall(fn: FormFunction, args: readonly string[]): string {
  return `${FUNCTION_NAMESPACE}.${fn.name}(${args.join(',')})`;
}

/** A formula that calls this add-in's functions (as typed, or as Excel stores it without the add-in). */
export const ADDIN_CALL_RE = /(?:_xldudf_)?MISHUKIN[._]/i;
