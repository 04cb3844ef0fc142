// The custom functions (MISHUKIN.*): the form's arithmetic through the argument checks, every branch; the
// Excel wrappers with a stand-in CustomFunctions runtime; the metadata generated from their JSDoc; the help page.
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { ArgumentError, amountArgument, callFormFunction } from '../../src/functions/arguments';
import {
  applyFormFunction,
  COLUMN_FUNCTIONS,
  FORM_FUNCTIONS,
  formFunction,
  FUNCTION_DASH,
  type FunctionId,
} from '../../src/core/formulas/functions';
import { rateTenths, trendColumn } from '../../src/core/formulas/trend';
import { fmtRate } from '../../src/core/messages';
import { TREND_CODES, type TrendCode } from '../../src/core/model/keys';

const FUNCTIONS_TS = path.join(__dirname, '..', '..', 'src', 'functions', 'functions.ts');
const HELP_HTML = path.join(__dirname, '..', '..', 'src', 'functions', 'help.html');

/** Calls a function and returns its value, or the ArgumentError message. */
function call(id: FunctionId, ...args: unknown[]): number | string | { error: string } {
  try {
    return callFormFunction(id, args);
  } catch (e) {
    if (e instanceof ArgumentError) return { error: e.message };
    throw e;
  }
}

describe('徴収率 (COLLECTION_RATE) and the rates', () => {
  it('returns the ratio; the cell formats it as a percentage', () => {
    expect(call('COLLECTION_RATE', 2696, 18559)).toBeCloseTo(2696 / 18559, 15);
    expect(fmtRate(call('COLLECTION_RATE', 2696, 18559) as number)).toBe('14.5%');
  });

  it.each([
    ['zero', 0],
    ['null (empty cell, Excel on the web)', null],
    ['undefined', undefined],
    ['"" (empty string)', ''],
    ['a dash', '—'],
    ['a hyphen', '-'],
  ])('returns — where the denominator is %s', (_, den) => {
    expect(call('COLLECTION_RATE', 5, den)).toBe(FUNCTION_DASH);
    expect(call('SETTLEMENT_RATE', 5, den)).toBe(FUNCTION_DASH);
  });

  it('returns — for the totals only when the summed denominator is 0', () => {
    expect(call('TOTAL_COLLECTION_RATE', 0, 0, 0, null)).toBe(FUNCTION_DASH);
    expect(call('TOTAL_COLLECTION_RATE', 1, 2, 0, 10)).toBeCloseTo(0.3, 15);
    expect(call('TOTAL_SETTLEMENT_RATE', 0, 0, null, 0)).toBe(FUNCTION_DASH);
    expect(call('TOTAL_SETTLEMENT_RATE', 5087, 3454, 19072, 8183)).toBeCloseTo(8541 / 27255, 15);
  });

  it('gives 0 (not —) for a zero numerator over a real denominator', () => {
    expect(call('COLLECTION_RATE', 0, 100)).toBe(0);
    expect(call('COLLECTION_RATE', null, 100)).toBe(0);
  });

  it('rounds at the form’s 0.1% display half up, as the checks compare', () => {
    // 1/2000 = 0.05% → 0.1%; 1/3 → 33.3%; 2/3 → 66.7%; 4445/10000 = 44.45% → 44.5%
    const cases: [number, number, string][] = [
      [1, 2000, '0.1%'],
      [1, 3, '33.3%'],
      [2, 3, '66.7%'],
      [4445, 10000, '44.5%'],
      [4444, 10000, '44.4%'],
    ];
    for (const [n, d, shown] of cases) {
      const r = call('COLLECTION_RATE', n, d) as number;
      expect(fmtRate(r)).toBe(shown);
      expect(rateTenths(r)).toBe(Math.round(Number(shown.slice(0, -1)) * 10));
    }
  });

  it('lets 整理率 be negative when 整理額 is (a negative イ: the assessment grew)', () => {
    const settled = call('SETTLED_AMOUNT', -300, 100, 50) as number;
    expect(settled).toBe(-150);
    expect(call('SETTLEMENT_RATE', settled, 1000)).toBeCloseTo(-0.15, 15);
    expect(call('TOTAL_SETTLEMENT_RATE', settled, 20, 1000, 200)).toBeCloseTo(-130 / 1200, 15);
  });
});

describe('the amounts', () => {
  it('調定減少額 = 繰越額 − 調定額, negative when the assessment grew', () => {
    expect(call('ASSESSMENT_DECREASE', 19072, 18559)).toBe(513);
    expect(call('ASSESSMENT_DECREASE', 100, 160)).toBe(-60);
    expect(call('ASSESSMENT_DECREASE', null, 160)).toBe(-160);
  });

  it('整理額 = 減少額 + 徴収額 + 欠損額 (0 as 減少額 for 現年度)', () => {
    expect(call('SETTLED_AMOUNT', 513, 2696, 1878)).toBe(5087);
    expect(call('SETTLED_AMOUNT', 0, 3454, 0)).toBe(3454);
    expect(call('SETTLED_AMOUNT', null, 3454, '')).toBe(3454);
  });

  it('未収金残高 = 調定額 − (徴収額 + 欠損額)', () => {
    expect(call('BALANCE', 18559, 2696, 1878)).toBe(13985);
    expect(call('BALANCE', 0, 0, 0)).toBe(0);
    expect(call('BALANCE', null, null, null)).toBe(0);
  });

  it('returns amounts as whole 千円 (float noise from a sum of cells is absorbed, -0 is 0)', () => {
    expect(call('BALANCE', 0.1 + 0.2 + 99.7, 0, 0)).toBe(100);
    expect(Object.is(call('BALANCE', -0, 0, 0), 0)).toBe(true);
  });
});

describe('bad arguments: a clear #VALUE!, never a number', () => {
  it.each([
    ['text', 'abc', '文字列です'],
    ['a number typed as text', '1,234', '文字列として入力されています'],
    ['full-width digits as text', '１２３４', '文字列として入力されています'],
    ['▲ as text', '▲12', '文字列として入力されています'],
    ['TRUE', true, 'TRUE/FALSE'],
    ['a range', [[1], [2]], '範囲'],
    ['a fraction', 12.5, '千円単位の整数ではありません'],
    ['infinity', Infinity, '数値として扱えません'],
    ['NaN', NaN, '数値として扱えません'],
    ['an object', { type: 'Entity' }, '使えない値'],
  ])('refuses %s', (_, bad, words) => {
    const r = call('COLLECTION_RATE', bad, 100);
    expect(r).toEqual({ error: expect.stringContaining(words) });
    expect((r as { error: string }).error).toContain('徴収額');
    expect(call('COLLECTION_RATE', 100, bad)).toEqual({ error: expect.stringContaining('調定額') });
  });

  it('takes a single cell given as a 1×1 matrix', () => {
    expect(amountArgument([[42]], 'x')).toBe(42);
  });

  it('names the argument of every function in its message', () => {
    for (const fn of FORM_FUNCTIONS) {
      fn.params.forEach((p, i) => {
        const args: unknown[] = fn.params.map(() => 1);
        args[i] = 'x';
        expect(call(fn.id, ...args)).toEqual({ error: expect.stringContaining(p.name) });
      });
    }
  });
});

describe('one definition of the arithmetic', () => {
  const amount = fc.integer({ min: -1_000_000, max: 1_000_000 });

  it('each function computes its column’s rule (TREND_COMPUTED) over its arguments', () => {
    for (const fn of FORM_FUNCTIONS) {
      const col = trendColumn(fn.column)!;
      fc.assert(
        fc.property(fc.array(amount, { minLength: fn.params.length, maxLength: fn.params.length }), (xs) => {
          const byCode = new Map<TrendCode, number>(fn.params.map((p, i) => [p.operand, xs[i]!]));
          const expected = col.compute((c) => byCode.get(c) ?? 0);
          expect(callFormFunction(fn.id, xs)).toBe(expected ?? FUNCTION_DASH);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('COLUMN_FUNCTIONS computes every column it covers, with that column’s operands', () => {
    const codes = TREND_CODES.filter((c) => COLUMN_FUNCTIONS[c]);
    expect(codes.length).toBeGreaterThanOrEqual(11);
    for (const code of codes) {
      const use = COLUMN_FUNCTIONS[code]!;
      const col = trendColumn(code)!;
      fc.assert(
        fc.property(fc.array(amount, { minLength: TREND_CODES.length, maxLength: TREND_CODES.length }), (xs) => {
          const v = (c: TrendCode) => xs[TREND_CODES.indexOf(c)]!;
          const args = use.args.map((a) => (a === 0 ? 0 : v(a)));
          expect(applyFormFunction(formFunction(use.id), args)).toBe(col.compute(v));
        }),
        { numRuns: 100 },
      );
    }
  });
});

describe('the Excel wrappers (src/functions/functions.ts)', () => {
  class StandInError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  let fns: typeof import('../../src/functions/functions');

  beforeAll(async () => {
    g.CustomFunctions = { Error: StandInError, ErrorCode: { invalidValue: '#VALUE!' }, associate: () => undefined };
    fns = await import('../../src/functions/functions');
  });
  afterAll(() => {
    delete g.CustomFunctions;
  });

  it('compute through the core', () => {
    expect(fns.collectionRate(2696, 18559)).toBeCloseTo(2696 / 18559, 15);
    expect(fns.settlementRate(5087, 19072)).toBeCloseTo(5087 / 19072, 15);
    expect(fns.settledAmount(513, 2696, 1878)).toBe(5087);
    expect(fns.balance(18559, 2696, 1878)).toBe(13985);
    expect(fns.assessmentDecrease(19072, 18559)).toBe(513);
    expect(fns.totalCollectionRate(2696, 3454, 18559, 8183)).toBeCloseTo(6150 / 26742, 15);
    expect(fns.totalSettlementRate(5087, 3454, 19072, 8183)).toBeCloseTo(8541 / 27255, 15);
    expect(fns.collectionRate(1, 0)).toBe('—');
  });

  it('associate through office.js where it is loaded, and do nothing where it is not (a browser offline)', () => {
    const associated: string[] = [];
    (g.CustomFunctions as { associate: (id: string) => void }).associate = (id) => void associated.push(id);
    fns.CustomFunctions.associate('BALANCE', fns.balance);
    expect(associated).toEqual(['BALANCE']);
    const runtime = g.CustomFunctions;
    delete g.CustomFunctions;
    expect(() => fns.CustomFunctions.associate('BALANCE', fns.balance)).not.toThrow();
    g.CustomFunctions = runtime;
  });

  it('throw CustomFunctions.Error(invalidValue, 日本語) for a bad argument', () => {
    let thrown: unknown;
    try {
      fns.balance('abc', 1, 1);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(StandInError);
    expect(thrown).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('調定額「abc」') });
  });
});

describe('functions.json is generated from the JSDoc', () => {
  interface Meta {
    id: string;
    name: string;
    helpUrl?: string;
    parameters: { name: string; type?: string; description?: string }[];
    options?: { volatile?: boolean; stream?: boolean };
  }
  let meta: Meta[];

  beforeAll(async () => {
    const r = await generateCustomFunctionsMetadata(FUNCTIONS_TS);
    expect(r.errors).toEqual([]);
    meta = (JSON.parse(r.metadataJson) as { functions: Meta[] }).functions;
  });

  it('has every function of the core table, with its ASCII id, Japanese name and arguments', () => {
    expect(meta.map((m) => m.id).sort()).toEqual(FORM_FUNCTIONS.map((f) => f.id).sort());
    for (const fn of FORM_FUNCTIONS) {
      const m = meta.find((x) => x.id === fn.id)!;
      expect(m.id).toMatch(/^[A-Z0-9_.]+$/);
      expect(m.name).toBe(fn.name);
      expect(m.parameters.map((p) => p.name)).toEqual(fn.params.map((p) => p.name));
      expect(m.parameters.every((p) => p.type === 'any' && p.description)).toBe(true);
      expect(m.options?.volatile).toBeFalsy();
      expect(m.options?.stream).toBeFalsy();
    }
  });

  it('gives no help URL of its own: the build makes each from the add-in’s origin (test/browser/build.test.ts)', () => {
    expect(meta.every((m) => m.helpUrl === undefined)).toBe(true);
  });

  it('has a section of the functions’ help page for each function, under its id, naming its arguments', () => {
    const html = fs.readFileSync(HELP_HTML, 'utf8');
    for (const m of meta) {
      const heading = new RegExp(`<h2 id="${m.id}">${m.name}\\(${m.parameters.map((p) => p.name).join(', ')}\\)</h2>`);
      expect(html).toMatch(heading);
    }
  });
});

describe('the help page', () => {
  const html = fs.readFileSync(HELP_HTML, 'utf8');
  const examples = [...html.matchAll(/<code class="example">=MISHUKIN\.([^(]+)\(([^)]*)\)<\/code> → <span class="result">([^<]+)<\/span>/g)];

  it('shows one example per function', () => {
    expect(examples.map((m) => m[1]).sort()).toEqual(FORM_FUNCTIONS.map((f) => f.name).sort());
  });

  it('shows what each example really gives', () => {
    for (const [, name, args, shown] of examples) {
      const fn = FORM_FUNCTIONS.find((f) => f.name === name)!;
      const v = callFormFunction(fn.id, args!.split(',').map((a) => Number(a.trim())));
      const rate = trendColumn(fn.column)!.kind === 'rate';
      expect(rate ? fmtRate(v as number) : (v as number).toLocaleString('ja-JP')).toBe(shown);
    }
  });
});
