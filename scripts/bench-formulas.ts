// Speed of the custom functions and of 「数式を入れる」. Figures and ratios are printed, never asserted
// (targets: 10,000 calls of each function ≤ 50 ms in all, median of 7 rounds; the plan of one form ≤ 2 ms, median).
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { readWorkbook } from '../src/adapters/xlsx/readWorkbook';
import { recogniseWorkbook } from '../src/core/check';
import type { CurrentForm } from '../src/core/model/form';
import { planFormulas } from '../src/core/plan/formulaPlan';
import { writeWorkbook } from '../src/adapters/xlsx/writeWorkbook';
import { currentLayoutOf } from './build-fixtures';
import { readCurrentSeeds } from './seeds';

const CALLS = 10_000;
const PLAN_RUNS = 2_000;
const ROUNDS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The Office runtime's error class, for the wrappers in src/functions (only used on bad arguments). */
function standInRuntime(): void {
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  g.CustomFunctions ??= {
    Error: class extends Error {},
    ErrorCode: { invalidValue: '#VALUE!' },
    associate: () => undefined,
  };
}

export async function benchFormulas(): Promise<void> {
  standInRuntime();
  const fns = await import('../src/functions/functions');
  // Realistic arguments: the amounts of the example sheet, a zero denominator now and then.
  const a = Array.from({ length: CALLS }, (_, i) => (i * 7919) % 30000);
  const b = Array.from({ length: CALLS }, (_, i) => (i % 97 === 0 ? 0 : 1000 + ((i * 104729) % 40000)));
  const calls: [string, (i: number) => unknown][] = [
    ['徴収率', (i) => fns.collectionRate(a[i], b[i])],
    ['整理率', (i) => fns.settlementRate(a[i], b[i])],
    ['整理額', (i) => fns.settledAmount(a[i], b[i], 5)],
    ['未収金残高', (i) => fns.balance(b[i], a[i], 5)],
    ['調定減少額', (i) => fns.assessmentDecrease(b[i], a[i])],
    ['徴収率合計', (i) => fns.totalCollectionRate(a[i], 5, b[i], 100)],
    ['整理率合計', (i) => fns.totalSettlementRate(a[i], 5, b[i], 100)],
  ];
  let total = 0;
  for (const [name, f] of calls) {
    // The median of a few rounds: the first pays for compiling the code, as Excel's first recalculation does.
    const rounds: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t = performance.now();
      for (let i = 0; i < CALLS; i++) f(i);
      rounds.push(performance.now() - t);
    }
    const ms = median(rounds);
    total += ms;
    console.log(`functions: ${name} × ${CALLS.toLocaleString('en')}: ${ms.toFixed(2)} ms (first round ${rounds[0]!.toFixed(2)} ms)`);
  }
  console.log(`functions: all ${calls.length} × ${CALLS.toLocaleString('en')} calls: ${total.toFixed(1)} ms (target ≤ 50 ms: ${(total / 50).toFixed(2)}× of budget)`);

  const bytes = fs.readFileSync(path.join(__dirname, '..', 'examples', 'current', 'sheet-14.xlsx'));
  const seed = readCurrentSeeds().find((s) => s.sheet === 14)!;
  const valuesOnly = await writeWorkbook([
    { name: 'values', layout: currentLayoutOf(seed, { valuesOnly: true }) },
  ]);
  const formOf = async (data: Buffer) => recogniseWorkbook(await readWorkbook(data)).forms[0] as CurrentForm;
  const forms: [string, CurrentForm][] = [
    ['sheet-14 (formulas in place)', await formOf(bytes)],
    ['sheet-14 values-only (every computed cell planned)', await formOf(valuesOnly)],
  ];
  for (const [name, form] of forms) {
    for (let i = 0; i < 200; i++) planFormulas(form);
    const runs: number[] = [];
    let writes = 0;
    for (let i = 0; i < PLAN_RUNS; i++) {
      const t = performance.now();
      writes = planFormulas(form).writes.length;
      runs.push(performance.now() - t);
    }
    const m = median(runs);
    console.log(`formula plan: ${name}, ${writes} writes, median of ${PLAN_RUNS} runs: ${m.toFixed(3)} ms (target ≤ 2 ms: ${(m / 2).toFixed(2)}× of budget)`);
  }
}

// Run directly (scripts/run-ts.js sets argv[1] to this file), not when imported by scripts/bench.ts.
if (path.resolve(process.argv[1] ?? '') === __filename) {
  benchFormulas().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
