// Entry point of the `mishukin` command: subcommand dispatch, --help, --version.
// Subcommands live in their own modules and are loaded on demand (so `--help` does not load exceljs,
// and the modules can import the helpers below without an import cycle at load time).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Where a command writes; process.stdout/stderr in production, buffers in tests. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export type CommandRunner = (args: string[], io: CliIO) => Promise<number>;

interface CommandEntry {
  /** One line for the command list in `mishukin --help`. */
  summary: string;
  load: () => Promise<CommandRunner>;
}

/** The subcommands. To add one: a module exporting a CommandRunner, and one line here. */
const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  check: { summary: 'ブックの調査書を検査する', load: async () => (await import('./check')).runCheck },
  rate: { summary: '達成状況の評価(A・B1・B2・—)を数値から提案する', load: async () => (await import('./rate')).runRate },
  formulas: { summary: '計算欄に計算式どおりの数式を入れたコピーを作る', load: async () => (await import('./formulas')).runFormulas },
  new: { summary: '指定した年度の調査書の白紙(様式)を作る', load: async () => (await import('./new')).runNew },
  rollover: { summary: '記入済みの調査書から翌年度の調査書を作る', load: async () => (await import('./rollover')).runRollover },
};

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

// ---------------------------------------------------------------------------------------------
// Option parsing shared by subcommands: a small tokenizer; each command validates with zod.

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedArgs {
  options: Record<string, string | boolean>;
  positionals: string[];
}

/** Splits argv into options (per `spec`) and positionals; unknown options and missing values throw UsageError. */
export function parseArgv(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const options: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(spec).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      if (!Object.prototype.hasOwnProperty.call(spec, name)) throw new UsageError(`不明なオプションです: ${arg}`);
    } else if (arg.startsWith('-') && arg.length > 1) {
      name = byShort.get(arg.slice(1));
      if (name === undefined) throw new UsageError(`不明なオプションです: ${arg}`);
    } else {
      positionals.push(arg);
      continue;
    }

    const shown = arg.startsWith('--') ? `--${name}` : arg;
    if (spec[name]!.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`${shown} には値を付けません。`);
      options[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next.length > 1)) {
        throw new UsageError(`${shown} の後に値を指定してください。`);
      }
      value = next;
      i++;
    }
    if (value === '') throw new UsageError(`${shown} の値が空です。`);
    options[name] = value;
  }
  return { options, positionals };
}

/** Writes a usage error and returns the usage exit code. */
export function usageError(io: CliIO, message: string, usage: string): number {
  io.stderr.write(`mishukin: ${message}\n\n${usage}`);
  return EXIT_USAGE;
}

// ---------------------------------------------------------------------------------------------

export function version(): string {
  // Works from src/cli (ts-node, jest) and from dist/node/cli (the built bin).
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof pkg === 'object' && pkg !== null && (pkg as { name?: unknown }).name === 'mishukin') {
        const v = (pkg as { version?: unknown }).version;
        return typeof v === 'string' ? v : '不明';
      }
    }
    dir = path.dirname(dir);
  }
  return '不明';
}

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const list = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n');
  return `使い方: mishukin <コマンド> [引数…]

未収金目標及び具体取組内容調査書(未収金調査書)を認識・検査します。

コマンド:
${list}

共通オプション:
  --help, -h   説明を表示します(mishukin <コマンド> --help でコマンドごとの説明)
  --version    バージョンを表示します

例:
  mishukin check 調査書.xlsx
  mishukin check 提出フォルダ --format csv --output 結果.csv
  mishukin formulas 調査書.xlsx --output 調査書_数式入り.xlsx
`;
}

function processIO(): CliIO {
  // `mishukin check … | head`: the reader left; stop quietly instead of crashing on EPIPE.
  if (process.stdout.listenerCount('error') === 0) {
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') process.stderr.write(`mishukin: 出力に失敗しました(${err.message})\n`);
      process.exitCode = EXIT_USAGE;
    });
  }
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Runs the CLI; resolves to the exit code (0 no errors, 1 error findings, 2 usage or I/O errors). */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) return usageError(io, 'コマンドを指定してください。', usage());
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, topic)) {
      return dispatch(topic, ['--help'], io);
    }
    io.stdout.write(usage());
    return EXIT_OK;
  }
  if (first === '--version' || first === '-V') {
    io.stdout.write(`mishukin ${version()}\n`);
    return EXIT_OK;
  }
  if (first.startsWith('-')) return usageError(io, `不明なオプションです: ${first}`, usage());
  if (!Object.prototype.hasOwnProperty.call(COMMANDS, first)) {
    return usageError(io, `不明なコマンドです: ${first}`, usage());
  }
  return dispatch(first, rest, io);
}

async function dispatch(name: string, args: string[], io: CliIO): Promise<number> {
  try {
    const run = await COMMANDS[name]!.load();
    return await run(args, io);
  } catch (err) {
    if (err instanceof UsageError) return usageError(io, err.message, usage());
    // A bug, not the user's mistake: say so plainly, with the detail for a report.
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    io.stderr.write(`mishukin: 予期しないエラーが発生しました。\n${detail}\n`);
    return EXIT_USAGE;
  }
}
