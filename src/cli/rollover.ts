// `mishukin rollover <in.xlsx> -o <out.xlsx> [--force] [--protect] [--hidden]`: next year's form (reporting on N+1)
// from each filled form of a workbook, in the official layout, as a new workbook. Reading and writing happen here;
// what is carried and what is refused is decided by the core (planRollover). Forms on hidden sheets (often last
// year's, kept out of sight) are left out, as `check` leaves them, unless --hidden.
import { z } from 'zod';
import type { RecognisedWorkbook } from '../core/check';
import type { Finding } from '../core/findings';
import { hiddenSheetMessages } from '../core/messages';
import type { Form } from '../core/model/form';
import type { NewSheetPlan } from '../core/plan/sheetPlan';
import type { RolloverOptions, RolloverResult } from '../core/plan/rolloverPlan';
import type { Grid } from '../core/grid';
import { commandArgs } from './args';
import { readErrorInfo } from './inputs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, usageError, warn, type CliIO } from './io';
import { printable, printableLines } from './terminal';
import { outputProblem, writePlannedWorkbook } from './newWorkbook';
import * as path from 'node:path';

export const ROLLOVER_USAGE = `使い方: mishukin rollover <入力.xlsx> --output <出力.xlsx> [--force] [--protect] [--hidden]

記入済みの調査書(N 年度の実績を報告するもの)から、翌年度(N+1 年度の実績を報告するもの)の調査書を作り、
新しいブックに書き出します。ブックに調査書が複数あれば、それぞれから1枚ずつ作ります。
入力はこのツールが認識できる調査書ならレイアウトを問いません。出力は公式のレイアウトです。

  引き継ぐもの  表頭、2. の A行 ← 元の B行、B行 ← D行、C行 ← F行、E行 ← G行の入力値、
                4. の「取組内容」 ← 元の 5. の取組内容(過年度・現年度)
  空欄の入力欄  1. 達成状況、2. の D・F・G 行、3. の区分別の件数・残高と債務者数、4. の取組実績・課題・改善策、5.
計算欄はすべて通常の Excel の数式です(繰越額アは前の行のケ''を参照します)。
エラーのある調査書は、誤りを翌年度に広げないよう繰り越しません(エラーを一覧で示します)。
非表示・完全に非表示のシートの調査書(前年度の調査書を非表示で残したものなど)は繰り越さず、
そのシートの名前を示します。入力ファイルには一切書き込みません。

オプション:
  --output, -o ファイル  書き出す .xlsx(入力と同じファイルは指定できません)
  --force                エラーのある調査書もそのまま繰り越し、出力ファイルがすでにあれば上書きします
  --protect              計算欄をロックします(シートの保護、パスワードなし)
  --hidden               非表示のシート(完全に非表示のものも)の調査書も繰り越します
  --help, -h             この説明を表示します

終了コード:
  0  書き出しました
  1  エラーのある調査書があるため、何も書き出していません(--force で繰り越せます)
  2  使い方の誤り、読み込めない・書き込めないファイル、または繰り越せる調査書(現行様式)がない
     (調査書が非表示のシートにしかないときも。--hidden で繰り越せます)
`;

const OPTION_SPEC = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  protect: { type: 'boolean' },
  hidden: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const RolloverArgs = z.object({
  output: z.string().min(1).optional(),
  force: z.boolean().default(false),
  protect: z.boolean().default(false),
  hidden: z.boolean().default(false),
  help: z.boolean().default(false),
  paths: z.array(z.string()).max(1, { error: '入力ファイルは1つだけ指定してください。' }),
});
export type RolloverArgs = z.infer<typeof RolloverArgs>;

/** The core's part, loaded on demand (so --help does not load exceljs or the checks). */
interface RolloverDeps {
  readWorkbookFile(file: string): Promise<Grid[]>;
  recognise(grids: Grid[], skipHidden: boolean): RecognisedWorkbook;
  findings(form: Form): Finding[];
  plan(form: Form, findings: Finding[], opts: RolloverOptions): RolloverResult;
  render(plan: NewSheetPlan): string;
}

async function loadDeps(): Promise<RolloverDeps> {
  const [reader, check, planner, sheetPlan] = await Promise.all([
    import('../adapters/xlsx/readWorkbook'),
    import('../core/check'),
    import('../core/plan/rolloverPlan'),
    import('../core/plan/sheetPlan'),
  ]);
  return {
    readWorkbookFile: (file) => reader.readWorkbookFile(file),
    recognise: (grids, skipHidden) => check.recogniseWorkbook(grids, { skipHidden }),
    findings: (form) => check.checkForm(form).findings,
    plan: planner.planRollover,
    render: (plan) => sheetPlan.renderSheetPlan(plan),
  };
}

/** Plans every form; what cannot be rolled is told on stderr. Refused for errors: nothing is written. */
function planAll(forms: readonly Form[], deps: RolloverDeps, args: RolloverArgs, io: CliIO): { plans: NewSheetPlan[]; refusedForErrors: number } {
  const taken = new Set<string>();
  const plans: NewSheetPlan[] = [];
  let refusedForErrors = 0;
  for (const form of forms) {
    const r = deps.plan(form, deps.findings(form), { force: args.force, protect: args.protect, taken });
    if ('plan' in r) plans.push(r.plan);
    else {
      io.stderr.write(`mishukin: ${printableLines(r.refusal.message).split('\n').join('\n  ')}\n`);
      if (r.refusal.reason === 'errors') refusedForErrors++;
    }
  }
  return { plans, refusedForErrors };
}

export async function runRollover(argv: string[], io: CliIO): Promise<number> {
  const args = commandArgs(argv, io, { usage: ROLLOVER_USAGE, options: OPTION_SPEC, schema: RolloverArgs, noPaths: '繰り越す調査書のブック(.xlsx)を指定してください。' });
  if (typeof args === 'number') return args;
  const input = args.paths[0]!;
  if (args.output === undefined) {
    return usageError(io, '--output で書き出すファイルを指定してください(入力ファイルには書き込みません)。', ROLLOVER_USAGE);
  }
  if (!/\.xls[xm]$/i.test(input)) return usageError(io, `入力は .xlsx / .xlsm のブックにしてください: ${input}`, ROLLOVER_USAGE);
  const problem = await outputProblem(io, args.output, args.force, input);
  if (problem) return usageError(io, problem, ROLLOVER_USAGE);

  const deps = await loadDeps();
  let book: RecognisedWorkbook;
  try {
    book = deps.recognise(await deps.readWorkbookFile(path.resolve(io.cwd, input)), !args.hidden);
  } catch (err) {
    warn(io, input, readErrorInfo(err).message);
    return EXIT_USAGE;
  }
  for (const h of book.hiddenSheets) warn(io, input, `${hiddenSheetMessages.leftOut(h, '繰り越していません')}--hidden を付けると繰り越します。`);
  const { plans, refusedForErrors } = planAll(book.forms, deps, args, io);
  if (refusedForErrors > 0) {
    io.stderr.write(
      `mishukin: エラーのある調査書が ${refusedForErrors} 件あるため、何も書き出していません。` +
        '直してから繰り越すか、そのまま繰り越すときは --force を付けてください。\n',
    );
    return EXIT_FINDINGS;
  }
  if (plans.length === 0) {
    const hidden = book.hiddenSheets.length > 0;
    const where = hidden ? `${input} の表示されているシート` : `${input} `;
    const hint = hidden ? '非表示のシートの調査書を繰り越すときは --hidden を付けてください。' : '';
    warn(io, `${where}に繰り越せる調査書(現行様式)が見つかりませんでした。何も書き出していません。${hint}`);
    return EXIT_USAGE;
  }
  io.stdout.write(plans.map((p) => deps.render(p)).join('\n'));
  if (!(await writePlannedWorkbook(io, args.output, plans, args.force))) return EXIT_USAGE;
  io.stdout.write(`\n${printable(args.output)} に書き出しました(調査書 ${plans.length} 枚)。\n`);
  return EXIT_OK;
}
