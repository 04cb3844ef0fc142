// `mishukin new --year <N> -o <out.xlsx> [--protect] [--force]`: the blank form reporting on fiscal year N, as a
// new workbook. The year is read here; the form comes from the core's plan; the file is written at the edge.
import { z } from 'zod';
import { planNewForm, readYear, renderSheetPlan, type NewSheetPlan } from '../core/plan/sheetPlan';
import { parseArgv, UsageError } from './args';
import { EXIT_OK, EXIT_USAGE, usageError, warn, type CliIO } from './io';
import { printable } from './terminal';
import { outputProblem, writePlannedWorkbook } from './newWorkbook';

export const NEW_USAGE = `使い方: mishukin new --year <年度> --output <出力.xlsx> [--protect] [--force]

指定した年度の実績を報告する「未収金目標及び具体取組内容調査書」(現行様式)の白紙を、新しいブックに作ります。
見出し・行見出しの年度(1. の見出し、2. の A〜G 行、3.・4.・5. の見出し)はすべてその年度に合わせます。
色付け箇所(入力欄)は空欄でロックなし、債権区分と達成状況(A・B1・B2・—)は一覧から選べます。
計算欄はすべて通常の Excel の数式です(アドインのない提出先でも同じ数値になります)。
A4 横・1ページ目に 1.〜3.、2ページ目に 4.・5. を印刷する設定です。

オプション:
  --year 年度            報告する年度 N(2. の D 行「N 実績」の年度。令和2年度調査なら令和元)
                         令和2・令2・R2・令和２・平成30年度・H30・平成31/令和元年度・2020 などで指定します。
                         「令和」だけのときは令和元年度(2019)として扱います。
  --output, -o ファイル  書き出す .xlsx
  --protect              計算欄をロックします(シートの保護、パスワードなし)。入力欄には入力できます
  --force                出力ファイルがすでにあるときに上書きします
  --help, -h             この説明を表示します

終了コード:
  0  書き出しました
  2  使い方の誤り(年度が読み取れない・範囲外を含む)、または書き出せない

例:
  mishukin new --year 令和2 -o 調査書_令和2.xlsx
`;

const OPTION_SPEC = {
  year: { type: 'string' },
  output: { type: 'string', short: 'o' },
  protect: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const NewArgs = z.object({
  year: z.string().optional(),
  output: z.string().min(1).optional(),
  protect: z.boolean().default(false),
  force: z.boolean().default(false),
  help: z.boolean().default(false),
  paths: z.array(z.string()).max(0, { error: 'new は入力ファイルを取りません(--year と --output を指定してください)。' }),
});
export type NewArgs = z.infer<typeof NewArgs>;

export function parseNewArgs(argv: readonly string[]): NewArgs {
  const { options, positionals } = parseArgv(argv, OPTION_SPEC);
  const parsed = NewArgs.safeParse({ ...options, paths: positionals });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? '引数が正しくありません。');
  return parsed.data;
}

export async function runNew(argv: string[], io: CliIO): Promise<number> {
  let args: NewArgs;
  try {
    args = parseNewArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) return usageError(io, err.message, NEW_USAGE);
    throw err;
  }
  if (args.help) {
    io.stdout.write(NEW_USAGE);
    return EXIT_OK;
  }
  if (args.year === undefined) return usageError(io, '--year で報告する年度を指定してください(例: --year 令和2)。', NEW_USAGE);
  if (args.output === undefined) return usageError(io, '--output で書き出すファイルを指定してください。', NEW_USAGE);
  const y = readYear(args.year);
  if ('problem' in y) return usageError(io, y.problem, NEW_USAGE);
  const problem = await outputProblem(io, args.output, args.force);
  if (problem) return usageError(io, problem, NEW_USAGE);
  if (y.note) warn(io, y.note);

  const plan: NewSheetPlan = planNewForm({ fiscalYear: y.year, protect: args.protect });
  io.stdout.write(renderSheetPlan(plan));
  if (!(await writePlannedWorkbook(io, args.output, [plan], args.force))) return EXIT_USAGE;
  io.stdout.write(`\n${printable(args.output)} に書き出しました。\n`);
  return EXIT_OK;
}
