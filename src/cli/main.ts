// Entry point of the `mishukin` command: subcommand dispatch, --help, --version.
// Subcommands live in their own modules and are loaded on demand (so `--help` does not load exceljs).
// They share args.ts, io.ts, inputs.ts, output.ts, terminal.ts and progress.ts; nothing imports this module.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';
import { EXIT_OK, EXIT_USAGE, processIO, usageError, type CliIO, type CommandRunner } from './io';
import { printableLines } from './terminal';

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
  report: { summary: '提出された調査書から取りまとめブック(一覧・指摘事項・所属別集計)を作る', load: async () => (await import('./report')).runReport },
};

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
  mishukin report 提出フォルダ --output 取りまとめ.xlsx
`;
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
    io.stderr.write(`mishukin: 予期しないエラーが発生しました。\n${printableLines(detail)}\n`);
    return EXIT_USAGE;
  }
}
