// Pane figures (printed, never asserted): the JavaScript taskpane.html loads before anything else, gzipped,
// against 150 KB (exceljs is a lazy chunk of the file mode); and the live check's latency from a change event
// to the updated list, with the in-memory adapter double, against 100 ms. The tools (数式を入れる, 評価ガイド) are a
// lazy chunk too.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import webpack from 'webpack';
import { readWorkbookFile } from '../src/adapters/xlsx/readWorkbook';
import { LIVE_DEBOUNCE_MS, PaneSession } from '../src/taskpane/model/paneSession';
import { memoryWorkbook } from '../test/doubles/memoryWorkbook';

const ROOT = path.join(__dirname, '..');
const KB = 1024;

async function build(out: string): Promise<void> {
  process.env.MISHUKIN_OUT = out;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'production' }) as webpack.Configuration;
  delete process.env.MISHUKIN_OUT;
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats?.toString())) : resolve())),
  );
}

const gz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
const fmt = (n: number): string => `${(n / KB).toFixed(1)} KB`;

async function bundleSizes(): Promise<void> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'mishukin-bench-'));
  try {
    const t0 = performance.now();
    await build(out);
    const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const initial = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]!).filter((src) => !src.startsWith('office-js/'));
    let total = 0;
    console.log(`pane build (production): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    console.log('initial JavaScript of taskpane.html (gzip -9):');
    for (const src of initial) {
      const size = gz(path.join(out, src));
      total += size;
      console.log(`  ${src.padEnd(28)} ${fmt(size)}`);
    }
    console.log(`  total ${fmt(total)} / target 150 KB = ${(total / (150 * KB)).toFixed(2)}`);
    const lazy: Record<string, string> = { exceljs: 'file mode only', tools: 'when 数式を入れる or 評価ガイド is opened' };
    for (const f of readdirSync(out).filter((n) => n.endsWith('.js') && !initial.includes(n))) {
      console.log(`lazy, ${lazy[f.split('.')[0]!] ?? 'on demand'}: ${f} ${fmt(gz(path.join(out, f)))}`);
    }
    console.log(`office.js loader (served with the add-in, not counted): ${fmt(gz(path.join(out, 'office-js', 'office.js')))}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function liveLatency(): Promise<void> {
  const grids = await readWorkbookFile(path.join(ROOT, 'examples/current/sheet-03.xlsx'));
  const sheet = grids[0]!.name;
  const wb = memoryWorkbook(grids);
  // No quiet time here: the figure is the work after it (read, recognise, check, new state).
  const session = new PaneSession(wb, { debounceMs: 0 });
  await session.open();
  await session.check();
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const before = session.getState().revision;
    const done = new Promise<void>((resolve) => {
      const off = session.subscribe((s) => {
        if (s.revision > before && s.busy === null) {
          off();
          resolve();
        }
      });
    });
    const t0 = performance.now();
    wb.edit(sheet, 'D20', 4300 + i);
    await done;
    times.push(performance.now() - t0);
  }
  await session.dispose();
  const sorted = times.slice(5).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
  console.log(`live check, change event → updated list (adapter double, ${sorted.length} edits after 5 warm-up):`);
  console.log(`  median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms / target 100 ms = ${(median / 100).toFixed(2)}`);
  console.log(`  (in Excel add one Excel.run round trip, and the ${LIVE_DEBOUNCE_MS} ms quiet time after the last keystroke)`);
}

export async function benchPane(): Promise<void> {
  await liveLatency();
  await bundleSizes();
}
