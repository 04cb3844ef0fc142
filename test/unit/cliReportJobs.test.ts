// `mishukin report --jobs N` in worker threads. Workers run the compiled CLI only (jest runs the sources, where every
// job runs in-process), so this test compiles the CLI's sources the way `npm run build:cli` does, runs the compiled
// command with --jobs 2 in a child process, and checks that the result is the in-process one, row for row.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { main } from '../../src/cli/main';
import { memIO } from '../helpers/memIO';
import { MIXED_FORMS, writeMixedFolder } from '../helpers/reportFolder';

const execFileAsync = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
/** Inside the repository, so that the compiled modules find node_modules (exceljs, zod). */
const BUILD = path.join(ROOT, 'node_modules', '.cache', `mishukin-cli-${process.pid}`);

jest.setTimeout(120_000);

/** The CLI's sources (tsconfig.cli.json's include) transpiled to CommonJS under BUILD, as the build lays them out. */
async function buildCli(): Promise<void> {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.cli.json'), (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  for (const file of parsed.fileNames) {
    const out = ts.transpileModule(await fs.readFile(file, 'utf8'), { compilerOptions: parsed.options, fileName: file });
    const target = path.join(BUILD, path.relative(path.join(ROOT, 'src'), file)).replace(/\.ts$/, '.js');
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, out.outputText);
  }
}

/** Runs the compiled `mishukin` in a child process; counts the worker threads it starts. */
async function runCompiled(cwd: string, argv: string[]): Promise<{ stdout: string; workers: number }> {
  const script = `
    const wt = require('node:worker_threads');
    let started = 0;
    const Real = wt.Worker;
    wt.Worker = class extends Real { constructor(...a) { super(...a); started++; } };
    require(${JSON.stringify(path.join(BUILD, 'cli', 'main.js'))}).main(${JSON.stringify(argv)}).then((code) => {
      process.stderr.write('\\nWORKERS ' + started + '\\n');
      process.exitCode = code;
    });`;
  const { stdout, stderr } = await execFileAsync(process.execPath, ['-e', script], { cwd, maxBuffer: 64 * 2 ** 20 }).catch(
    (e: { stdout: string; stderr: string }) => e,
  );
  const m = /WORKERS (\d+)/.exec(stderr);
  if (!m) throw new Error(`the compiled CLI did not finish: ${stderr}`);
  return { stdout, workers: Number(m[1]) };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mishukin-jobs-'));
  await writeMixedFolder(dir);
  await buildCli();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(BUILD, { recursive: true, force: true });
});

test('--jobs 2 reads in two worker threads and gives the in-process result, in the same order', async () => {
  const here = memIO(dir);
  await main(['report', '提出', '--format', 'json', '--jobs', '1'], here);
  const compiled = await runCompiled(dir, ['report', '提出', '--format', 'json', '--jobs', '2']);
  expect(compiled.workers).toBe(2);
  const doc = JSON.parse(compiled.stdout) as { forms: { file: string }[] };
  expect(doc.forms.map((f) => f.file)).toEqual(MIXED_FORMS.map((f) => f.file));
  expect(doc).toEqual(JSON.parse(here.out()));
});

test('--jobs 1 in the compiled CLI stays in one thread', async () => {
  const compiled = await runCompiled(dir, ['report', '提出', '--format', 'csv', '--jobs', '1']);
  expect(compiled.workers).toBe(0);
  expect(compiled.stdout.split('\r\n').filter(Boolean)).toHaveLength(1 + MIXED_FORMS.length);
});
