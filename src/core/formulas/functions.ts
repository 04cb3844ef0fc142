// The add-in's custom functions (MISHUKIN.徴収率 and friends) as data: each is one computed column of
// 2. 未収金の推移, called with that column's operands. The arithmetic is the column's (TREND_COMPUTED), never
// written again here; src/functions wraps these for Excel, the formula writer uses them for its add-in variant.
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
  description: string;
}

export interface FormFunction {
  /** Invariant id stored with the function's metadata (ASCII). */
  id: string;
  /** The name people type: =MISHUKIN.徴収率(…). */
  name: string;
  /** The column whose rule the function computes (its arguments are that rule's operands). */
  column: TrendCode;
  description: string;
  params: readonly FunctionParam[];
}

export const FORM_FUNCTIONS = [
  {
    id: 'COLLECTION_RATE',
    name: '徴収率',
    column: 'キ',
    description: '徴収率 = 徴収額 ÷ 調定額(キ・キ\')。調定額が0または空欄のときは —。',
    params: [
      { name: '徴収額', operand: 'エ', description: '徴収額(千円): エ または エ\'' },
      { name: '調定額', operand: 'ウ', description: '調定額(千円): ウ または ウ\'' },
    ],
  },
  {
    id: 'SETTLEMENT_RATE',
    name: '整理率',
    column: 'ク',
    description: '整理率 = 整理額 ÷ 分母(ク = カ÷ア、ク\' = カ\'÷ウ\')。分母が0または空欄のときは —。',
    params: [
      { name: '整理額', operand: 'カ', description: '整理額(千円): カ または カ\'' },
      { name: '分母', operand: 'ア', description: '過年度は調定繰越額 ア、現年度は調定額 ウ\'(千円)' },
    ],
  },
  {
    id: 'SETTLED_AMOUNT',
    name: '整理額',
    column: 'カ',
    description: '整理額 = 調定減少額 + 徴収額 + 不納欠損額(カ = イ+エ+オ。現年度 カ\' は減少額に 0)。',
    params: [
      { name: '減少額', operand: 'イ', description: '年度中の調定減少額 イ(千円、▲可)。現年度は 0' },
      { name: '徴収額', operand: 'エ', description: '徴収額(千円): エ または エ\'' },
      { name: '欠損額', operand: 'オ', description: '不納欠損額(千円): オ または オ\'' },
    ],
  },
  {
    id: 'BALANCE',
    name: '未収金残高',
    column: 'ケ',
    description: '未収金残高 = 調定額 − (徴収額 + 不納欠損額)(ケ・ケ\')。',
    params: [
      { name: '調定額', operand: 'ウ', description: '調定額(千円): ウ または ウ\'' },
      { name: '徴収額', operand: 'エ', description: '徴収額(千円): エ または エ\'' },
      { name: '欠損額', operand: 'オ', description: '不納欠損額(千円): オ または オ\'' },
    ],
  },
  {
    id: 'ASSESSMENT_DECREASE',
    name: '調定減少額',
    column: 'イ',
    description: '年度中の調定減少額 = 調定繰越額 − 調定額(イ = ア−ウ)。負の値(▲)は調定の増加。',
    params: [
      { name: '繰越額', operand: 'ア', description: '前年度からの調定繰越額 ア(千円)' },
      { name: '調定額', operand: 'ウ', description: '調定額(過年度) ウ(千円)' },
    ],
  },
  {
    id: 'TOTAL_COLLECTION_RATE',
    name: '徴収率合計',
    column: "キ''",
    description: '合計の徴収率 = (エ+エ\') ÷ (ウ+ウ\')(キ\'\')。分母が0または空欄のときは —。',
    params: [
      { name: '徴収額過年度', operand: 'エ', description: '徴収額(過年度) エ(千円)' },
      { name: '徴収額現年度', operand: "エ'", description: '徴収額(現年度) エ\'(千円)' },
      { name: '調定額過年度', operand: 'ウ', description: '調定額(過年度) ウ(千円)' },
      { name: '調定額現年度', operand: "ウ'", description: '調定額(現年度) ウ\'(千円)' },
    ],
  },
  {
    id: 'TOTAL_SETTLEMENT_RATE',
    name: '整理率合計',
    column: "ク''",
    description: '合計の整理率 = (カ+カ\') ÷ (ア+ウ\')(ク\'\')。分母が0または空欄のときは —。',
    params: [
      { name: '整理額過年度', operand: 'カ', description: '整理額(過年度) カ(千円、▲可)' },
      { name: '整理額現年度', operand: "カ'", description: '整理額(現年度) カ\'(千円)' },
      { name: '繰越額', operand: 'ア', description: '前年度からの調定繰越額 ア(千円)' },
      { name: '調定額現年度', operand: "ウ'", description: '調定額(現年度) ウ\'(千円)' },
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

/** The function's value for validated numeric arguments: its column's rule; null = — (denominator 0). */
export function applyFormFunction(fn: FormFunction, args: readonly number[]): number | null {
  const col = trendColumn(fn.column);
  if (!col) throw new Error(`${fn.column} is not a computed column`);
  return col.compute((code) => {
    const i = fn.params.findIndex((p) => p.operand === code);
    if (i < 0) throw new Error(`${fn.id} has no argument for ${code}`);
    return args[i] ?? 0;
  });
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
