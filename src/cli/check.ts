// `mishukin check <files or folders…> [--format text|json|csv] [--output FILE] [--explain] [--hidden]`
// Reads each workbook, checks every form in it, and reports. Input files are only ever opened for reading.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { CheckOptions } from '../core/check';
import type { WorkbookResult } from '../core/findings';
import type { Grid } from '../core/grid';
import { commandArgs } from './args';
import { formatCsv } from './format/csv';
import { formatJson } from './format/json';
import type { CheckReport, FileReport } from './format/report';
import { hasNoForm, hiddenSheetText, noFormText, totals } from './format/report';
import { formatText } from './format/text';
import { collectInputs, inputAt, ioError, withWorkbook, type InputFile } from './inputs';
import { EXIT_FINDINGS, EXIT_NO_FORM, EXIT_OK, EXIT_USAGE, usageError, warn, type CliIO } from './io';
import { Progress } from './progress';
import { printableLines } from './terminal';

export const CHECK_USAGE = `使い方: mishukin check <ファイルまたはフォルダ…> [--format text|json|csv] [--output ファイル] [--hidden]

未収金目標及び具体取組内容調査書のブック(.xlsx / .xlsm)を検査します。
フォルダを指定すると、その中の .xlsx / .xlsm を下の階層まで名前順に探します
(~$ で始まる一時ファイル、._ で始まるファイル、node_modules と .git は除きます)。
入力ファイルには一切書き込みません。

オプション:
  --format text|json|csv  出力形式(既定: text)
      text  ファイル → 様式 → 重要度(エラー/確認/情報)ごとの一覧と合計
            (合計の後に、様式の見つからなかったファイルの名前)
      json  機械処理用: {"files":[{"file","error","forms":[{"sheet","anchor",
            "edition","fiscalYear","header","values","findings":[…]}],
            "hiddenSheets":[{"sheet","visibility","forms"}]}]}
      csv   指摘 1 件につき 1 行。UTF-8(BOM 付き)、見出し行は日本語:
            ファイル,シート,位置,規則,重要度,セル,項目,メッセージ
            (重要度はエラー/確認/情報、セルと項目は空白区切り。
             読み込めないファイルは規則 FILE-ERROR、様式の見つからないファイルは
             NO-FORM、検査しなかった非表示のシートは SHEET-HIDDEN の行になります)
  --output, -o ファイル   結果をこのファイルに書きます(既定: 画面に表示)
  --explain               様式のどのセルを何の欄と認識したか、その根拠と、見つからなかった部分も示します
                          (text では様式ごとに、json では "recognition" に)
  --hidden                非表示のシート(完全に非表示のものも)の様式も検査します。既定では検査せず、
                          様式のある非表示のシートの名前を示します(csv では規則 SHEET-HIDDEN の行)
  --help, -h              この説明を表示します

終了コード:
  0  エラーの指摘なし
  1  エラーの指摘あり
  2  使い方の誤り、結果を書き込めない、または見つからない・読み込めないファイルあり
     (読み込めないファイルがあっても、他のファイルは検査して報告します)
  3  エラーの指摘はないが、調査書の様式が一つも見つからないファイルがある
     (調査書でないファイル・白紙のブックなど。csv では規則 NO-FORM の行。2・1 が優先します)
`;

const OPTION_SPEC = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  explain: { type: 'boolean' },
  hidden: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const CheckArgs = z.object({
  format: z.enum(['text', 'json', 'csv'], { error: '--format には text、json、csv のどれかを指定してください。' }).default('text'),
  output: z.string().min(1).optional(),
  explain: z.boolean().default(false),
  hidden: z.boolean().default(false),
  help: z.boolean().default(false),
  paths: z.array(z.string()),
});
export type CheckArgs = z.infer<typeof CheckArgs>;

/** What `check` needs from the outside world; tests swap these. */
export interface CheckDeps {
  readWorkbookFile(file: string): Promise<Grid[]>;
  checkWorkbook(grids: Grid[], opts?: CheckOptions): WorkbookResult;
}

async function defaultDeps(): Promise<CheckDeps> {
  // Loaded lazily: exceljs and the whole core are only needed when files are actually checked.
  const [{ readWorkbookFile }, { checkWorkbook }] = await Promise.all([
    import('../adapters/xlsx/readWorkbook'),
    import('../core/check'),
  ]);
  return { readWorkbookFile: (f) => readWorkbookFile(f), checkWorkbook };
}

async function checkOne(input: InputFile, deps: CheckDeps, opts: CheckOptions): Promise<FileReport> {
  const { error, value } = await withWorkbook(input, deps.readWorkbookFile, (grids) => deps.checkWorkbook(grids, opts));
  return { file: input.display, error, result: value };
}

export async function runCheck(argv: string[], io: CliIO, deps?: Partial<CheckDeps>): Promise<number> {
  const args = commandArgs(argv, io, { usage: CHECK_USAGE, options: OPTION_SPEC, schema: CheckArgs, noPaths: '検査するファイルまたはフォルダを指定してください。' });
  if (typeof args === 'number') return args;

  const outputAbs = args.output === undefined ? undefined : path.resolve(io.cwd, args.output);
  if (outputAbs !== undefined && /\.(xls[xmb]?|xlt[xm]?)$/i.test(outputAbs)) {
    return usageError(io, '--output に Excel ブック(.xlsx など)は指定できません。結果は .txt / .json / .csv に書きます。', CHECK_USAGE);
  }

  const inputs = await collectInputs(args.paths, io.cwd);
  const clash = outputAbs === undefined ? undefined : await inputAt(inputs, outputAbs);
  if (clash) return usageError(io, `--output に入力ファイル(${clash.display})は指定できません。`, CHECK_USAGE);
  if (inputs.length === 0) warn(io, '検査する .xlsx / .xlsm ファイルが見つかりませんでした。');

  const given = deps ?? {};
  const fallback = given.readWorkbookFile && given.checkWorkbook ? undefined : await defaultDeps();
  const fullDeps: CheckDeps = {
    readWorkbookFile: given.readWorkbookFile ?? fallback!.readWorkbookFile,
    checkWorkbook: given.checkWorkbook ?? fallback!.checkWorkbook,
  };

  const progress = new Progress(io.stderr, '検査中', inputs.length);
  const report: CheckReport = { files: [] };
  for (const [i, input] of inputs.entries()) {
    progress.update(i + 1, input.display);
    report.files.push(await checkOne(input, fullDeps, { explain: args.explain, skipHidden: !args.hidden }));
  }
  progress.clear();

  const color = outputAbs === undefined && io.stdout.isTTY === true && io.env['NO_COLOR'] === undefined;
  const rendered =
    args.format === 'json' ? formatJson(report) : args.format === 'csv' ? formatCsv(report) : formatText(report, { color });

  if (outputAbs === undefined) {
    // The text report cleans each piece itself (its colours must stay); CSV shown on a terminal is cleaned whole.
    io.stdout.write(args.format === 'csv' && io.stdout.isTTY === true ? printableLines(rendered) : rendered);
  } else {
    try {
      await fs.writeFile(outputAbs, rendered, 'utf8');
    } catch (err) {
      warn(io, `結果を ${args.output} に書き込めませんでした。${ioError(err, '出力先').message}`);
      return EXIT_USAGE;
    }
  }

  // The text report on screen already says which files failed or held no form; otherwise tell the person too.
  if (outputAbs !== undefined || args.format !== 'text') {
    for (const f of report.files) {
      if (f.error) warn(io, f.file, f.error.message);
      else if (hasNoForm(f)) warn(io, f.file, noFormText(f));
      else for (const h of f.result?.hiddenSheets ?? []) warn(io, f.file, hiddenSheetText(h));
    }
  }
  const t = totals(report);
  if (inputs.length === 0 || t.unreadable > 0) return EXIT_USAGE;
  if (t.error > 0) return EXIT_FINDINGS;
  return t.noForm > 0 ? EXIT_NO_FORM : EXIT_OK;
}
