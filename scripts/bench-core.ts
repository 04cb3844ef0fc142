// Core speed: checking one form in memory, and recognise + check against .xlsx parsing over examples/.
// Figures are printed, never asserted (targets: ≤2 ms per form; recognise + check ≤10% of parse time).
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { readWorkbook } from '../src/adapters/xlsx/readWorkbook';
import { checkWorkbook } from '../src/core/check';
import type { Grid } from '../src/core/grid';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.xlsx$/.test(e.name) ? [p] : [];
  });
}

export async function benchCore(): Promise<void> {
  const examples = files(path.join(__dirname, '..', 'examples')).sort();
  const buffers = examples.map((f) => fs.readFileSync(f));

  // One form, many runs.
  const one: Grid[] = await readWorkbook(fs.readFileSync(path.join(__dirname, '..', 'examples', 'current', 'sheet-14.xlsx')));
  for (let i = 0; i < 200; i++) checkWorkbook(one);
  const runs: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    checkWorkbook(one);
    runs.push(performance.now() - t);
  }
  const perForm = median(runs);
  console.log(`core: recognise + check one form (sheet-14), median of ${runs.length} runs: ${perForm.toFixed(3)} ms (target ≤ 2 ms: ${(perForm / 2).toFixed(2)}× of budget)`);

  // Parse vs check over examples/: each phase timed on its own (so that one's garbage is not billed to the
  // other), median of several rounds after a warm-up round.
  const parseRounds: number[] = [];
  let grids: Grid[][] = [];
  for (let round = 0; round <= 5; round++) {
    const t = performance.now();
    grids = [];
    for (const b of buffers) grids.push(await readWorkbook(b));
    if (round > 0) parseRounds.push(performance.now() - t);
  }
  const checkRounds: number[] = [];
  let forms = 0;
  for (let round = 0; round <= 15; round++) {
    const t = performance.now();
    forms = grids.reduce((n, g) => n + checkWorkbook(g).forms.length, 0);
    if (round > 0) checkRounds.push(performance.now() - t);
  }
  const parse = median(parseRounds);
  const check = median(checkRounds);
  console.log(
    `examples/ (${buffers.length} files, ${forms} forms), median round: parse .xlsx ${parse.toFixed(1)} ms, recognise + check ${check.toFixed(1)} ms → ratio ${((100 * check) / parse).toFixed(1)}% (target ≤ 10%)`,
  );
  const mem = process.memoryUsage();
  console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
}
