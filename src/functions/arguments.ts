// Argument checks of the custom functions, pure (no Office runtime), so they can be tested in Node.
// What Excel passes to an `any` parameter: a number, a string, a boolean, null or 0 for an empty cell
// (Excel on the web passes null, Excel on Windows 0), or an array for a range.
import { applyFormFunction, formFunction, FUNCTION_DASH, type FunctionId } from '../core/formulas/functions';
import { formulaMessages as M } from '../core/messages';
import { isDash } from '../core/text/normalize';
import { parseNumberText } from '../core/text/values';

/** A bad argument: the function shows #VALUE! with this message (CustomFunctions.ErrorCode.invalidValue). */
export class ArgumentError extends Error {
  override readonly name = 'ArgumentError';
}

/** Amounts are 千円 integers; a sum of integers may carry float noise this small. */
const INTEGER_TOLERANCE = 1e-9;

/**
 * An amount argument (千円): a number, or an empty cell (0). A dash (—, -) means "nothing" on the form and
 * reads as empty. Text, TRUE/FALSE, ranges and fractions are refused with a message, never guessed.
 */
export function amountArgument(value: unknown, param: string): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ArgumentError(M.argNotFinite(param));
    const whole = Math.round(value);
    if (Math.abs(value - whole) > INTEGER_TOLERANCE * Math.max(1, Math.abs(value))) {
      throw new ArgumentError(M.argNotInteger(param, value));
    }
    return whole === 0 ? 0 : whole; // no -0
  }
  if (typeof value === 'string') {
    const t = value.trim();
    if (t === '' || isDash(t)) return 0;
    // "1,234" or "▲12" typed as text: say so, rather than compute with a number Excel itself would not use.
    throw new ArgumentError(parseNumberText(t, 'amount') ? M.argTextNumber(param, t) : M.argText(param, t));
  }
  if (typeof value === 'boolean') throw new ArgumentError(M.argBoolean(param));
  if (Array.isArray(value)) {
    // A single cell may still arrive as a 1×1 matrix.
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return amountArgument(value[0][0], param);
    throw new ArgumentError(M.argRange(param));
  }
  throw new ArgumentError(M.argOther(param));
}

/**
 * Calls one of the form's functions with raw Excel arguments: a number (rates as ratios, the cell formats
 * them as %), or — where a rate's denominator is 0 or empty. Throws ArgumentError for a bad argument.
 */
export function callFormFunction(id: FunctionId, args: readonly unknown[]): number | string {
  const fn = formFunction(id);
  const values = fn.params.map((p, i) => amountArgument(args[i], p.name));
  const result = applyFormFunction(fn, values);
  return result ?? FUNCTION_DASH;
}
