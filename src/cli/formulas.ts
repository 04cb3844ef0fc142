// `mishukin formulas <in.xlsx> -o <out.xlsx> [--force] [--hidden]`: writes a copy of the workbook with the standard
// formulas of every computed cell restored, and prints the same preview the pane shows. Never writes in place.
// Forms on hidden sheets are left as they are (nobody would see the write), as `check` leaves them, unless --hidden.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { RecognisedWorkbook } from '../core/check';
import type { Grid } from '../core/grid';
import { hiddenSheetMessages } from '../core/messages';
import type { Form } from '../core/model/form';
import type { WritePlan } from '../core/plan/writePlan';
import { commandArgs } from './args';
import { ioError, readErrorInfo, sameFile } from './inputs';
import { EXIT_OK, EXIT_USAGE, usageError, warn, type CliIO } from './io';
import { exists, writeNewData } from './output';
import { printable, printableLines } from './terminal';

export const FORMULAS_USAGE = `使い方: mishukin formulas <入力.xlsx> --output <出力.xlsx> [--force] [--hidden]

ブックの中の調査書(現行様式)ごとに、計算欄(色付け箇所以外の数値の欄)へ計算式どおりの数式を入れた
コピーを作ります。数式は調査書自身のセルを参照する通常の Excel の数式です(アドインのない提出先でも
同じ数値になります)。書き込む前の値・入れる数式・その結果を一覧で表示します。
入力欄(色付け箇所)・見出し・様式の外のセルには書き込みません。すでに計算式どおりの数式が入っている
セルはそのままです。非表示・完全に非表示のシートの調査書には数式を入れず、そのシートの名前を示します。
入力ファイルには一切書き込みません(出力は必ず別のファイルです)。
出力は Excel で開いたときに再計算されます。グラフなど、exceljs が読み書きできない部分は引き継がれません。

オプション:
  --output, -o ファイル  書き出す .xlsx(入力と同じファイルは指定できません)
  --force                出力ファイルがすでにあるときに上書きします
  --hidden               非表示のシート(完全に非表示のものも)の調査書にも数式を入れます
  --help, -h             この説明を表示します

終了コード:
  0  書き出しました(書き込むセルがなかったときも、そのままのコピーを書き出します)
  2  使い方の誤り、読み込めない・書き込めないファイル、または調査書(現行様式)が見つからない
     (調査書が非表示のシートにしかないときも。--hidden で数式を入れられます)
`;

const OPTION_SPEC = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  hidden: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FormulasArgs = z.object({
  output: z.string().min(1).optional(),
  force: z.boolean().default(false),
  hidden: z.boolean().default(false),
  help: z.boolean().default(false),
  paths: z.array(z.string()).max(1, { error: '入力ファイルは1つだけ指定してください。' }),
});
export type FormulasArgs = z.infer<typeof FormulasArgs>;

/** What `formulas` needs from the outside world, loaded lazily (exceljs and the core only when needed). */
interface FormulasDeps {
  readWorkbook(data: Buffer, fileName: string): Promise<Grid[]>;
  recognise(grids: Grid[], skipHidden: boolean): RecognisedWorkbook;
  plan(form: Form): WritePlan | null;
  render(plan: WritePlan): string;
  writeCopy(data: Buffer, plans: readonly WritePlan[]): Promise<Buffer>;
  maxFileBytes: number;
}

async function loadDeps(): Promise<FormulasDeps> {
  const [reader, check, planner, renderer, writer] = await Promise.all([
    import('../adapters/xlsx/readWorkbook'),
    import('../core/check'),
    import('../core/plan/formulaPlan'),
    import('../core/plan/renderPlan'),
    import('../adapters/xlsx/applyPlan'),
  ]);
  return {
    readWorkbook: (data, fileName) => reader.readWorkbook(data, { fileName }),
    recognise: (grids, skipHidden) => check.recogniseWorkbook(grids, { skipHidden }),
    plan: (form) => (form.edition === 'current' ? planner.planFormulas(form) : null),
    render: (plan) => renderer.renderPlan(plan),
    writeCopy: (data, plans) => writer.writePlannedCopy(data, plans),
    maxFileBytes: reader.DEFAULT_LIMITS.maxFileBytes,
  };
}

export async function runFormulas(argv: string[], io: CliIO): Promise<number> {
  const args = commandArgs(argv, io, { usage: FORMULAS_USAGE, options: OPTION_SPEC, schema: FormulasArgs, noPaths: '数式を入れるブック(.xlsx)を指定してください。' });
  if (typeof args === 'number') return args;
  const input = args.paths[0]!;
  if (args.output === undefined) {
    return usageError(io, '--output で書き出すファイルを指定してください(入力ファイルには書き込みません)。', FORMULAS_USAGE);
  }
  if (!/\.xls[xm]$/i.test(input)) return usageError(io, `入力は .xlsx / .xlsm のブックにしてください: ${input}`, FORMULAS_USAGE);
  if (!/\.xlsx$/i.test(args.output)) return usageError(io, `--output は .xlsx のファイルにしてください: ${args.output}`, FORMULAS_USAGE);

  const inAbs = path.resolve(io.cwd, input);
  const outAbs = path.resolve(io.cwd, args.output);
  if (await sameFile(inAbs, outAbs)) {
    return usageError(io, '--output に入力ファイルは指定できません。数式は必ず別のファイルに書き出します。', FORMULAS_USAGE);
  }
  if ((await exists(outAbs)) && !args.force) {
    return usageError(io, `${args.output} はすでにあります。上書きするときは --force を付けてください。`, FORMULAS_USAGE);
  }

  const deps = await loadDeps();
  let data: Buffer;
  try {
    const st = await fs.stat(inAbs);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
    if (st.size > deps.maxFileBytes) {
      warn(io, input, `ファイルが大きすぎます(上限 ${Math.round(deps.maxFileBytes / 2 ** 20)} MB)。`);
      return EXIT_USAGE;
    }
    data = await fs.readFile(inAbs);
  } catch (err) {
    warn(io, input, ioError(err, 'ファイル').message);
    return EXIT_USAGE;
  }

  let book: RecognisedWorkbook;
  try {
    book = deps.recognise(await deps.readWorkbook(data, input), !args.hidden);
  } catch (err) {
    warn(io, input, readErrorInfo(err).message);
    return EXIT_USAGE;
  }
  for (const h of book.hiddenSheets) warn(io, input, `${hiddenSheetMessages.leftOut(h, '数式を入れていません')}--hidden を付けると数式を入れます。`);
  const plans: WritePlan[] = [];
  for (const form of book.forms) {
    const plan = deps.plan(form);
    if (plan) plans.push(plan);
    else warn(io, `シート「${form.sheet}」${form.anchor} は旧様式の調査書のため、数式は入れません。`);
  }
  if (plans.length === 0) {
    const hidden = book.hiddenSheets.length > 0;
    const where = hidden ? `${input} の表示されているシート` : `${input} `;
    const hint = hidden ? '非表示のシートの調査書に数式を入れるときは --hidden を付けてください。' : '';
    warn(io, `${where}に調査書(現行様式)が見つかりませんでした。何も書き出していません。${hint}`);
    return EXIT_USAGE;
  }

  // The preview quotes sheet names and cell contents of someone else's workbook.
  io.stdout.write(printableLines(plans.map((p) => deps.render(p)).join('\n')));
  let out: Buffer;
  try {
    out = await deps.writeCopy(data, plans);
    await writeNewData(outAbs, out, args.force);
  } catch (err) {
    const detail = err instanceof Error ? `(詳細: ${err.message})` : '';
    warn(io, `${args.output} に書き出せませんでした${detail}。`);
    return EXIT_USAGE;
  }
  const n = plans.reduce((s, p) => s + p.writes.length, 0);
  io.stdout.write(`\n${printable(args.output)} に書き出しました(数式を入れたセル ${n} 個)。\n`);
  return EXIT_OK;
}
