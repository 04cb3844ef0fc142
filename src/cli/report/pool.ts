// Reviews many workbooks, in this thread or in worker threads (--jobs N). Each worker holds one workbook at a
// time and posts back plain results; this thread keeps only those, so memory stays flat over a large folder.
// Results come back in input order whatever the number of jobs.
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readErrorInfo, type InputFile } from '../inputs';
import type { ReviewedFile, ReviewOptions as FileOptions } from './review';

export interface ReviewTask {
  index: number;
  input: InputFile;
  options: FileOptions;
}

export interface ReviewReply {
  index: number;
  file: ReviewedFile;
}

/** The compiled worker next to this module; absent when running from the TypeScript sources (jest, ts-node). */
const WORKER_SCRIPT = path.join(__dirname, 'worker.js');

/**
 * A worker's start (loading exceljs and the core into a fresh thread, compiling them again) costs about as much CPU
 * as reading a few dozen workbooks: a second worker pays for itself only beyond this many workbooks per worker.
 */
const FILES_PER_WORKER = 50;

/** The default of --jobs: the machine's cores, but no more workers than the folder keeps busy. */
export function defaultJobs(files: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_WORKER)));
}

/** Whether worker threads can run here (the compiled CLI); otherwise every job runs in this thread. */
function workersAvailable(): boolean {
  return existsSync(WORKER_SCRIPT);
}

export interface ReviewOptions extends FileOptions {
  jobs: number;
  /** Called as each file is done, in the order they finish. */
  onDone?: (done: number, file: ReviewedFile) => void;
}

export async function reviewAll(inputs: readonly InputFile[], opts: ReviewOptions): Promise<ReviewedFile[]> {
  const jobs = Math.min(opts.jobs, inputs.length);
  if (jobs <= 1 || !workersAvailable()) return reviewHere(inputs, opts);
  return reviewInWorkers(inputs, jobs, opts);
}

async function reviewHere(inputs: readonly InputFile[], opts: ReviewOptions): Promise<ReviewedFile[]> {
  // Loaded here only: with workers, this thread never reads a workbook itself.
  const { reviewFile } = await import('./review');
  const out: ReviewedFile[] = [];
  for (const input of inputs) {
    out.push(await reviewFile(input, { skipHidden: opts.skipHidden }));
    opts.onDone?.(out.length, out[out.length - 1]!);
  }
  return out;
}

function failed(input: InputFile, err: unknown): ReviewedFile {
  return { display: input.display, absolute: input.absolute, error: readErrorInfo(err), forms: [], notForms: [], hiddenSheets: [] };
}

function reviewInWorkers(inputs: readonly InputFile[], jobs: number, opts: ReviewOptions): Promise<ReviewedFile[]> {
  return new Promise((resolve) => {
    const results: ReviewedFile[] = new Array(inputs.length);
    let next = 0;
    let done = 0;
    let running = 0;

    const finish = (index: number, file: ReviewedFile): void => {
      results[index] = file;
      done++;
      opts.onDone?.(done, file);
    };

    const start = (): void => {
      const worker = new Worker(WORKER_SCRIPT);
      running++;
      let current: number | null = null;
      const feed = (): void => {
        if (next < inputs.length) {
          current = next++;
          worker.postMessage({ index: current, input: inputs[current]!, options: { skipHidden: opts.skipHidden } } satisfies ReviewTask);
        } else {
          current = null;
          void worker.terminate();
        }
      };
      worker.on('message', (reply: ReviewReply) => {
        finish(reply.index, reply.file);
        feed();
      });
      // A crash (or running out of memory) costs only the file it was reading: report it, go on with a new worker.
      worker.on('error', (err) => {
        if (current !== null) {
          finish(current, failed(inputs[current]!, err));
          current = null;
        }
      });
      worker.on('exit', (code) => {
        if (current !== null) finish(current, failed(inputs[current]!, new Error(`worker exited with code ${code}`)));
        running--;
        if (next < inputs.length) start();
        else if (running === 0) resolve(results);
      });
      feed();
    };

    for (let i = 0; i < jobs; i++) start();
  });
}
