// Reader figures (printed, never asserted): each hostile or heavy workbook of test/helpers/hostileWorkbooks.ts
// through `mishukin check` in a process of its own, with its wall time and peak memory (maxRSS) against the
// targets of issue 10 (30 s and 1.5 GB per file); then all of them as one folder in one run; then the reader
// alone, in process, on the template with whole-column validations. The CLI is compiled first (tsc), so the
// figures are those of the current source.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readWorkbook } from '../src/adapters/xlsx/readWorkbook';
import { HOSTILE_CASES } from '../test/helpers/hostileWorkbooks';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'mishukin.js');
const TARGET_SECONDS = 30;
const TARGET_MB = 1536;
const TEMPLATE_RUNS = 20;

/**
 * Runs the CLI's check in a child and reports its peak memory on exit, in KB: Linux's VmHWM, which starts afresh
 * with the program (getrusage's maxRSS would also count this parent's memory at the fork), else maxRSS.
 */
const CHILD = `
process.on('exit', () => {
  let kb = process.resourceUsage().maxRSS;
  try { kb = Number(/VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}
  process.stderr.write('\\n@@maxrss ' + kb + '\\n');
});
process.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...process.argv.slice(1)];
require(${JSON.stringify(BIN)});
`;

interface Run {
  seconds: number;
  peakMb: number;
  /** Per file: its error code, or "form" with the reader's notes. */
  answers: { file: string; answer: string; notes: number }[];
}

function check(target: string): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-e', CHILD, 'check', target, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  const kb = Number(/@@maxrss (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  let answers: Run['answers'];
  try {
    const report = JSON.parse(r.stdout) as {
      files: { file: string; error: { code: string } | null; forms: { findings: { rule: string }[] }[] }[];
    };
    answers = report.files.map((f) => ({
      file: path.basename(f.file, '.xlsx'),
      answer: f.error ? f.error.code : f.forms.length > 0 ? 'form' : 'no form',
      notes: f.forms.flatMap((form) => form.findings).filter((x) => x.rule === 'READ-SKIPPED').length,
    }));
  } catch {
    answers = [{ file: target, answer: `no report (exit ${r.status ?? r.signal})`, notes: 0 }];
  }
  return { seconds, peakMb: kb / 1024, answers };
}

function compileCli(): void {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json')], {
    encoding: 'utf8',
  });
  if (tsc.status !== 0) throw new Error(`tsc -p tsconfig.cli.json failed:\n${tsc.stdout}${tsc.stderr}`);
}

export async function benchReader(): Promise<void> {
  compileCli();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mishukin-reader-bench-'));
  try {
    console.log(`reader: each file through \`mishukin check\`, alone (targets ${TARGET_SECONDS} s, ${(TARGET_MB / 1024).toFixed(1)} GB):`);
    for (const c of HOSTILE_CASES) {
      const file = path.join(dir, `${c.id}.xlsx`);
      writeFileSync(file, await c.build());
      const run = check(file);
      const a = run.answers[0]!;
      const notes = a.notes > 0 ? ` + ${a.notes} note` : '';
      const verdict = a.answer === c.expect ? 'as expected' : `EXPECTED ${c.expect}`;
      console.log(
        `  ${c.id.padEnd(26)} ${(a.answer + notes).padEnd(22)} ${run.seconds.toFixed(2).padStart(6)} s ${run.peakMb.toFixed(0).padStart(5)} MB  (${verdict}) — ${c.what}`,
      );
    }
    const all = check(dir);
    const wrong = all.answers.filter((a) => a.answer !== HOSTILE_CASES.find((c) => c.id === a.file)?.expect);
    console.log(
      `reader: all ${all.answers.length} files as one folder: ${all.seconds.toFixed(2)} s, peak ${all.peakMb.toFixed(0)} MB` +
        (wrong.length > 0 ? `; UNEXPECTED: ${wrong.map((a) => `${a.file} → ${a.answer}`).join(', ')}` : ', every answer as expected'),
    );

    const template = await HOSTILE_CASES.find((c) => c.id === 'whole-column-validations')!.build();
    const runs: number[] = [];
    for (let i = 0; i <= TEMPLATE_RUNS; i++) {
      const t = performance.now();
      await readWorkbook(template);
      if (i > 0) runs.push(performance.now() - t);
    }
    runs.sort((a, b) => a - b);
    console.log(`reader: template with whole-column validations, in process, median of ${TEMPLATE_RUNS}: ${runs[runs.length >> 1]!.toFixed(1)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly (scripts/run-ts.js sets argv[1] to this file), not when imported by scripts/bench.ts.
if (path.resolve(process.argv[1] ?? '') === __filename) {
  benchReader().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
