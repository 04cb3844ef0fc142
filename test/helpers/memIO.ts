// An in-memory CliIO for running CLI commands in tests.
import type { CliIO } from '../../src/cli/io';

export interface MemIO extends CliIO {
  out: () => string;
  err: () => string;
}

export function memIO(cwd: string, opts: { stdoutTTY?: boolean; stderrTTY?: boolean; columns?: number; env?: Record<string, string> } = {}): MemIO {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s), isTTY: opts.stdoutTTY ?? false },
    stderr: { write: (s: string) => (err += s), isTTY: opts.stderrTTY ?? false, ...(opts.columns ? { columns: opts.columns } : {}) },
    env: opts.env ?? {},
    cwd,
    out: () => out,
    err: () => err,
  };
}

