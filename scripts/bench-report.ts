// `mishukin report` at the scale of a finance office: a generated folder of ≥ 500 returned workbooks (the example
// sheets in several layouts: the official one moved about, other year words, split labels, values only,
// the older edition, workbooks of two forms and a memo), compiled with 1 job and with every core.
// Throughput in workbooks per second and as a ratio to the bare .xlsx parse of the same files, and peak memory
// (the whole process, worker threads included). Figures are printed, never asserted.
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { writeWorkbook, type WorkbookSheet } from '../src/adapters/xlsx/writeWorkbook';
import { layoutCurrentForm, type LayoutOptions } from '../src/core/layout/currentLayout';
import { layoutOlderForm } from './olderLayout';
import { olderDataOf, sheetDataOf } from './build-fixtures';
import { readCurrentSeeds, readOlderSeeds } from './seeds';

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');
const BUILT_MAIN = path.join(ROOT, 'dist', 'node', 'cli', 'main.js');
const BUILT_READER = path.join(ROOT, 'dist', 'node', 'adapters', 'xlsx', 'readWorkbook.js');

/** At least this many workbooks (the scale of one office's returns). */
const WORKBOOKS = 520;
const BUREAUS = ['財政局', '市民局', '福祉局', 'こども青少年局', '健康局', '環境局', '都市整備局', '建設局', '港湾局', '教育委員会事務局'];
/** Local governments × claims each: the whole country's returns in one year. */
const COUNTRY = 1_700 * 100;
const MiB = 2 ** 20;

/** The current edition's layouts the folder mixes (each with its own claim number and bureau). */
const CURRENT_VARIANTS: readonly Partial<LayoutOptions>[] = [
  {},
  { top: 4, left: 2 },
  { yearStyle: 'full' },
  { yearStyle: 'letterH', splitLabels: true },
  { valuesOnly: true },
  { yearStyle: 'fullwidth', top: 2, left: 3 },
];

/** The k-th claim of the i-th workbook: numbered within its bureau's folder, so that no two collide. */
function claimNo(i: number, k = 0): string {
  return String(Math.floor(i / BUREAUS.length) * 2 + k + 1).padStart(3, '0');
}

/** Writes the folder; returns how many workbooks and forms it holds. */
async function writeFolder(dir: string): Promise<{ workbooks: number; forms: number }> {
  const current = readCurrentSeeds();
  const older = readOlderSeeds();
  let forms = 0;
  for (let i = 0; i < WORKBOOKS; i++) {
    const bureau = BUREAUS[i % BUREAUS.length]!;
    let sheets: WorkbookSheet[];
    if (i % 13 === 12) {
      // An older-edition return.
      const seed = older[i % older.length]!;
      const data = olderDataOf(seed);
      sheets = [{ name: '調査書', layout: layoutOlderForm({ ...data, header: { ...data.header, affiliation: bureau } }, { fiscalYear: seed.fiscalYear }) }];
    } else {
      const layouts = (i % 13 === 11 ? [0, 1] : [0]).map((k) => {
        const seed = current[(i + k) % current.length]!;
        const data = { ...sheetDataOf(seed), header: { ...seed.header, bureau, claimNo: claimNo(i, k) } };
        return layoutCurrentForm(data, { fiscalYear: seed.fiscalYear, ...CURRENT_VARIANTS[(i + k) % CURRENT_VARIANTS.length] });
      });
      sheets = layouts.map((layout, k) => ({ name: `調査書${k + 1}`, layout }));
      // A workbook of two claims also carries a memo sheet, as some sections send.
      if (layouts.length > 1) sheets.push({ name: 'メモ', layout: { cells: [{ row: 0, col: 0, value: '提出メモ' }], merges: [] } });
    }
    forms += sheets.filter((s) => s.name !== 'メモ').length;
    const file = path.join(dir, bureau, `${claimNo(i)}_調査書.xlsx`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await writeWorkbook(sheets));
  }
  return { workbooks: WORKBOOKS, forms };
}

interface Run {
  seconds: number;
  /** CPU time of the whole process (all threads): on a shared machine, what the work cost whatever the wait. */
  cpuSeconds: number;
  maxRssMiB: number;
}

/** Runs a script in a fresh Node process and reads back its own timing, CPU time and peak memory (all threads). */
async function child(script: string, cwd: string): Promise<Run> {
  const wrapped = `
    const t0 = performance.now();
    Promise.resolve().then(async () => { ${script} }).then(() => {
      const u = process.resourceUsage();
      const cpuSeconds = (u.userCPUTime + u.systemCPUTime) / 1e6;
      process.stderr.write('\\nBENCH ' + JSON.stringify({ seconds: (performance.now() - t0) / 1000, cpuSeconds, maxRssMiB: u.maxRSS / 1024 }) + '\\n');
    });`;
  const { stderr } = await execFileAsync(process.execPath, ['-e', wrapped], { cwd, maxBuffer: 64 * MiB }).catch((e: { stderr: string }) => e);
  const m = /BENCH (\{.*\})/.exec(stderr);
  if (!m) throw new Error(`bench child failed: ${stderr}`);
  return JSON.parse(m[1]!) as Run;
}

function bareParse(files: string[], cwd: string): Promise<Run> {
  return child(
    `const { readWorkbookFile } = require(${JSON.stringify(BUILT_READER)});
     for (const f of ${JSON.stringify(files)}) await readWorkbookFile(f);`,
    cwd,
  );
}

function report(args: string[], cwd: string): Promise<Run> {
  return child(
    `const code = await require(${JSON.stringify(BUILT_MAIN)}).main(${JSON.stringify(args)}, {
       stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: process.cwd() });
     if (code === 2) throw new Error('report failed');`,
    cwd,
  );
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

export async function benchReport(): Promise<void> {
  // Workers run the compiled CLI: build it as `npm install` does.
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json')], { stdio: 'inherit' });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mishukin-bench-report-'));
  try {
    const folder = path.join(work, '提出');
    const t = performance.now();
    const { workbooks, forms } = await writeFolder(folder);
    const files = listFiles(folder);
    const size = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    console.log(
      `report: generated ${workbooks} workbooks (${forms} forms, ${(size / MiB).toFixed(1)} MiB) in ${BUREAUS.length} folders in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const cores = os.availableParallelism();
    const parse = await bareParse(files, work);
    const perSecond = (r: Run) => workbooks / r.seconds;
    console.log(
      `report: load average ${os.loadavg()[0]!.toFixed(1)} on ${cores} cores (other work on the machine slows every figure)`,
    );
    console.log(
      `report: bare .xlsx parse (1 thread): ${parse.seconds.toFixed(1)} s (CPU ${parse.cpuSeconds.toFixed(1)} s) → ${perSecond(parse).toFixed(1)} workbooks/s, peak RSS ${parse.maxRssMiB.toFixed(0)} MiB`,
    );
    let fastest = 0;
    for (const jobs of [...new Set([1, cores])]) {
      const r = await report(['report', '提出', '-o', `report-${jobs}.xlsx`, '--jobs', String(jobs)], work);
      fastest = Math.max(fastest, perSecond(r));
      console.log(
        `report: mishukin report --jobs ${jobs}: ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s) → ${perSecond(r).toFixed(1)} workbooks/s ` +
          `(${(perSecond(r) / perSecond(parse)).toFixed(2)}× the bare parse's rate), peak RSS ${r.maxRssMiB.toFixed(0)} MiB`,
      );
    }

    // Flat memory: the peak should not grow with the number of workbooks (one workbook in memory per job).
    const half = path.join(work, '半分');
    for (const f of files.slice(0, files.length / 2)) {
      const to = path.join(half, path.relative(folder, f));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(f, to);
    }
    const small = await report(['report', '半分', '-o', 'half.xlsx', '--jobs', '1'], work);
    const full = await report(['report', '提出', '-o', 'full.xlsx', '--jobs', '1', '--force'], work);
    console.log(
      `report: peak RSS with --jobs 1 over ${files.length / 2} vs ${files.length} workbooks: ${small.maxRssMiB.toFixed(0)} vs ${full.maxRssMiB.toFixed(0)} MiB`,
    );
    const hours = COUNTRY / Math.max(fastest, 1) / 3600;
    console.log(
      `report: the whole country (≈ ${COUNTRY.toLocaleString('en')} workbooks) at ${fastest.toFixed(1)} workbooks/s on this machine (${cores} cores): ≈ ${hours.toFixed(1)} h`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
