// Pane figures (printed, never asserted): the JavaScript taskpane.html loads before anything else, gzipped,
// against the pane's budget (the file mode, the .xlsx reader and exceljs are lazy chunks, loaded only outside Excel;
// the tools, 数式を入れる and 評価ガイド, and the sheet commands, 新しい調査書 and 翌年度へ繰り越し, are lazy chunks too);
// and the live check from a change event to the updated list, with the in-memory adapter double, for a range of
// quiet times, to choose the one the pane uses (LIVE_QUIET_MS).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import webpack from 'webpack';
import { readWorkbookFile } from '../src/adapters/xlsx/readWorkbook';
import { LIVE_QUIET_MS, PaneSession } from '../src/taskpane/model/paneSession';
import { memoryWorkbook } from '../test/doubles/memoryWorkbook';

const ROOT = path.join(__dirname, '..');
const KB = 1024;
/** The pane's initial JavaScript, gzipped: the target, and the budget that leaves room for the features to come. */
const TARGET_KB = 150;
const BUDGET_KB = 135;

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
    const initial = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]!).filter((src) => !src.startsWith('office-js/') && !/^https?:/.test(src));
    let total = 0;
    console.log(`pane build (production): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    console.log('initial JavaScript of taskpane.html (gzip -9):');
    for (const src of initial) {
      const size = gz(path.join(out, src));
      total += size;
      console.log(`  ${src.padEnd(28)} ${fmt(size)}`);
    }
    console.log(
      `  total ${fmt(total)} / budget ${BUDGET_KB} KB = ${(total / (BUDGET_KB * KB)).toFixed(2)} (target ${TARGET_KB} KB = ${(total / (TARGET_KB * KB)).toFixed(2)})`,
    );
    const lazy: Record<string, string> = {
      xlsx: 'file mode, when a file is read (the .xlsx reader)',
      exceljs: 'file mode, when a file is read (after the reader)',
      tools: 'when 数式を入れる or 評価ガイド is opened',
      sheets: 'when 新しい調査書 or 翌年度へ繰り越し is opened',
      file: 'outside Excel (the file mode)',
    };
    for (const f of readdirSync(out).filter((n) => n.endsWith('.js') && !initial.includes(n))) {
      console.log(`lazy, ${lazy[f.split('.')[0]!] ?? 'on demand'}: ${f} ${fmt(gz(path.join(out, f)))}`);
    }
    console.log(`office.js: ${html.match(/<script src="?(https:[^"\s>]+)/)?.[1] ?? 'served with the add-in'} (not counted)`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Quiet times tried, in ms: from none to the 400 ms the pane used to wait. */
const QUIET_TIMES = [0, 10, 25, 50, 100, 200, 400];
/**
 * Excel raises one change event per committed edit or paste; one action can raise several (the pane's own write
 * raises one per cell). How far apart Excel delivers them is not measured here (there is no Excel here): a burst
 * of events one display frame apart stands for them, slower than one batch's events are likely to come.
 */
const BURST_EVENTS = 8;
const BURST_GAP_MS = 1000 / 60;
const ROUNDS = 12;
/** After an action's last event, time enough for every read it leads to. */
const SETTLE_MS = 60;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface QuietFigures {
  quietMs: number;
  readsPerPaste: number;
  readsPerBurst: number;
  /** From the (last) change event to the updated list, including the quiet time. */
  pasteMedianMs: number;
  burstMedianMs: number;
}

async function measureQuiet(quietMs: number): Promise<QuietFigures> {
  const grids = await readWorkbookFile(path.join(ROOT, 'examples/current/sheet-03.xlsx'));
  const sheet = grids[0]!.name;
  const wb = memoryWorkbook(grids);
  const session = new PaneSession(wb, { quietMs });
  await session.open();
  await session.check();
  /** Fires the events of one action; resolves when the list has settled after them, with the time from the last one. */
  const action = async (events: number, gapMs: number, round: number): Promise<{ reads: number; ms: number }> => {
    const before = wb.reads.region;
    let last = 0;
    let settled = 0;
    const off = session.subscribe((s) => {
      if (s.busy === null) settled = performance.now();
    });
    for (let i = 0; i < events; i++) {
      if (i > 0) await sleep(gapMs);
      wb.edit(sheet, 'D20', 4300 + round * events + i);
      last = performance.now();
    }
    await sleep(quietMs + SETTLE_MS);
    off();
    return { reads: wb.reads.region - before, ms: settled - last };
  };
  const pastes = [];
  const bursts = [];
  for (let i = 0; i < ROUNDS; i++) pastes.push(await action(1, 0, i));
  for (let i = 0; i < ROUNDS; i++) bursts.push(await action(BURST_EVENTS, BURST_GAP_MS, i));
  await session.dispose();
  const mean = (xs: { reads: number }[]) => xs.reduce((n, x) => n + x.reads, 0) / xs.length;
  return {
    quietMs,
    readsPerPaste: mean(pastes),
    readsPerBurst: mean(bursts),
    pasteMedianMs: median(pastes.map((x) => x.ms)),
    burstMedianMs: median(bursts.map((x) => x.ms)),
  };
}

export async function liveLatency(): Promise<void> {
  console.log(
    `live check, change event → updated list (adapter double, sheet-03, ${ROUNDS} pastes and ${ROUNDS} bursts of ` +
      `${BURST_EVENTS} events ${BURST_GAP_MS.toFixed(1)} ms apart per quiet time; medians include the quiet time):`,
  );
  console.log('  quiet   reads/paste  reads/burst  paste → list  burst → list');
  const rows: QuietFigures[] = [];
  for (const q of QUIET_TIMES) {
    const r = await measureQuiet(q);
    rows.push(r);
    console.log(
      `  ${`${q} ms`.padEnd(7)} ${r.readsPerPaste.toFixed(2).padStart(11)}  ${r.readsPerBurst.toFixed(2).padStart(11)}  ` +
        `${`${r.pasteMedianMs.toFixed(1)} ms`.padStart(12)}  ${`${r.burstMedianMs.toFixed(1)} ms`.padStart(12)}`,
    );
  }
  const smallest = rows.find((r) => r.readsPerPaste === 1 && r.readsPerBurst === 1);
  const used = rows.find((r) => r.quietMs === LIVE_QUIET_MS);
  console.log(`  smallest quiet time with one read per paste and per burst: ${smallest ? `${smallest.quietMs} ms` : 'none of these'}`);
  if (used) {
    console.log(
      `  the pane uses ${LIVE_QUIET_MS} ms: paste → list ${used.pasteMedianMs.toFixed(1)} ms (was 400 ms + work) / target 100 ms = ${(used.pasteMedianMs / 100).toFixed(2)}`,
    );
  }
  console.log('  (in Excel add one Excel.run round trip per read)');
}

export async function benchPane(): Promise<void> {
  await liveLatency();
  await bundleSizes();
}
