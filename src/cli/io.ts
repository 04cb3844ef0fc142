// The outside world of a command: where it writes, its environment and working folder, and its exit codes.
// Every command takes a CliIO, so tests run them against buffers.
import { printable } from './terminal';

/** Where a command writes; process.stdout/stderr in production, buffers in tests. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** Width of the terminal in columns, when it is one (progress lines are cut to fit). */
  columns?: number;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export type CommandRunner = (args: string[], io: CliIO) => Promise<number>;

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** `check`: no error finding, but a file in which no form was found at all (a wrong file, a blank one). */
export const EXIT_NO_FORM = 3;

/** Writes a usage error (its text may quote the user's arguments, so it is made printable) and returns exit 2. */
export function usageError(io: CliIO, message: string, usage: string): number {
  io.stderr.write(`mishukin: ${printable(message)}\n\n${usage}`);
  return EXIT_USAGE;
}

/** A one-line problem on stderr ("mishukin: file: message"), every part made printable. */
export function warn(io: CliIO, ...parts: string[]): void {
  io.stderr.write(`mishukin: ${parts.map(printable).join(': ')}\n`);
}

export function processIO(): CliIO {
  // `mishukin check … | head`: the reader left; stop quietly instead of crashing on EPIPE.
  if (process.stdout.listenerCount('error') === 0) {
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') process.stderr.write(`mishukin: 出力に失敗しました(${printable(err.message)})\n`);
      process.exitCode = EXIT_USAGE;
    });
  }
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
