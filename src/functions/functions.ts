/// <reference types="custom-functions-runtime" />
// The custom functions of the shared runtime (namespace MISHUKIN). functions.json is generated from the JSDoc
// below by custom-functions-metadata-plugin, which also adds the CustomFunctions.associate calls: never write
// either by hand. Each function's help URL is made by the build from the add-in's origin (webpack.config.js).
// Each function is a thin wrapper: the arithmetic is the form's (src/core/formulas), the argument checks are in
// ./arguments. Pure and non-volatile: no Excel API calls.
//
// Parameter names are Japanese on purpose: the metadata takes Excel's argument names from them.
import { ArgumentError, callFormFunction } from './arguments';
import type { FunctionId } from '../core/formulas/functions';

/**
 * What the associate calls appended to this module reach: office.js's CustomFunctions.associate, or nothing where
 * office.js did not load (the page opened in a browser that cannot reach Microsoft's CDN), so that the page goes
 * on to its file mode instead of stopping at a ReferenceError. (Exported for the tests; the appended calls are
 * all that use it here, which the compiler cannot see.)
 */
export const CustomFunctions = {
  associate(id: string, fn: (...args: never[]) => unknown): void {
    if (typeof globalThis.CustomFunctions !== 'undefined') globalThis.CustomFunctions.associate(id, fn);
  },
};

function run(id: FunctionId, args: readonly unknown[]): number | string {
  try {
    return callFormFunction(id, args);
  } catch (e) {
    // Only Excel calls the functions, and there office.js is loaded.
    const runtime = globalThis.CustomFunctions;
    if (e instanceof ArgumentError) throw new runtime.Error(runtime.ErrorCode.invalidValue, e.message);
    throw e;
  }
}

/**
 * 徴収率 = 徴収額 ÷ 調定額(調査書 2. のキ・キ')。比率を返すので、セルの表示形式を % にしてください。調定額が0または空欄のときは —。
 * @customfunction COLLECTION_RATE 徴収率
 * @param 徴収額 徴収額(千円): エ または エ'
 * @param 調定額 調定額(千円): ウ または ウ'
 * @returns 徴収率(比率)、または —
 */
export function collectionRate(徴収額: unknown, 調定額: unknown): number | string {
  return run('COLLECTION_RATE', [徴収額, 調定額]);
}

/**
 * 整理率 = 整理額 ÷ 分母(ク = カ÷ア、ク' = カ'÷ウ')。分母が0または空欄のときは —。
 * @customfunction SETTLEMENT_RATE 整理率
 * @param 整理額 整理額(千円): カ または カ'(▲可)
 * @param 分母 過年度は調定繰越額 ア、現年度は調定額 ウ'(千円)
 * @returns 整理率(比率)、または —
 */
export function settlementRate(整理額: unknown, 分母: unknown): number | string {
  return run('SETTLEMENT_RATE', [整理額, 分母]);
}

/**
 * 整理額 = 調定減少額 + 徴収額 + 不納欠損額(カ = イ+エ+オ。現年度のカ' は減少額を 0 に)。
 * @customfunction SETTLED_AMOUNT 整理額
 * @param 減少額 年度中の調定減少額 イ(千円、▲可)。現年度は 0
 * @param 徴収額 徴収額(千円): エ または エ'
 * @param 欠損額 不納欠損額(千円): オ または オ'
 * @returns 整理額(千円)
 */
export function settledAmount(減少額: unknown, 徴収額: unknown, 欠損額: unknown): number | string {
  return run('SETTLED_AMOUNT', [減少額, 徴収額, 欠損額]);
}

/**
 * 未収金残高 = 調定額 − (徴収額 + 不納欠損額)(ケ・ケ')。
 * @customfunction BALANCE 未収金残高
 * @param 調定額 調定額(千円): ウ または ウ'
 * @param 徴収額 徴収額(千円): エ または エ'
 * @param 欠損額 不納欠損額(千円): オ または オ'
 * @returns 未収金残高(千円)
 */
export function balance(調定額: unknown, 徴収額: unknown, 欠損額: unknown): number | string {
  return run('BALANCE', [調定額, 徴収額, 欠損額]);
}

/**
 * 年度中の調定減少額 = 調定繰越額 − 調定額(イ = ア−ウ)。負の値(▲)は調定の増加です。
 * @customfunction ASSESSMENT_DECREASE 調定減少額
 * @param 繰越額 前年度からの調定繰越額 ア(千円)
 * @param 調定額 調定額(過年度) ウ(千円)
 * @returns 調定減少額(千円、▲可)
 */
export function assessmentDecrease(繰越額: unknown, 調定額: unknown): number | string {
  return run('ASSESSMENT_DECREASE', [繰越額, 調定額]);
}

/**
 * 合計の徴収率 = (エ+エ') ÷ (ウ+ウ')(キ'')。分母が0または空欄のときは —。
 * @customfunction TOTAL_COLLECTION_RATE 徴収率合計
 * @param 徴収額過年度 徴収額(過年度) エ(千円)
 * @param 徴収額現年度 徴収額(現年度) エ'(千円)
 * @param 調定額過年度 調定額(過年度) ウ(千円)
 * @param 調定額現年度 調定額(現年度) ウ'(千円)
 * @returns 合計の徴収率(比率)、または —
 */
export function totalCollectionRate(
  徴収額過年度: unknown,
  徴収額現年度: unknown,
  調定額過年度: unknown,
  調定額現年度: unknown,
): number | string {
  return run('TOTAL_COLLECTION_RATE', [徴収額過年度, 徴収額現年度, 調定額過年度, 調定額現年度]);
}

/**
 * 合計の整理率 = (カ+カ') ÷ (ア+ウ')(ク'')。分母が0または空欄のときは —。
 * @customfunction TOTAL_SETTLEMENT_RATE 整理率合計
 * @param 整理額過年度 整理額(過年度) カ(千円、▲可)
 * @param 整理額現年度 整理額(現年度) カ'(千円)
 * @param 繰越額 前年度からの調定繰越額 ア(千円)
 * @param 調定額現年度 調定額(現年度) ウ'(千円)
 * @returns 合計の整理率(比率)、または —
 */
export function totalSettlementRate(
  整理額過年度: unknown,
  整理額現年度: unknown,
  繰越額: unknown,
  調定額現年度: unknown,
): number | string {
  return run('TOTAL_SETTLEMENT_RATE', [整理額過年度, 整理額現年度, 繰越額, 調定額現年度]);
}
