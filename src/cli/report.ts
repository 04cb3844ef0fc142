// `mishukin report <files or folders…> -o report.xlsx [--format xlsx|csv|json] [--jobs N] [--force] [--hidden]`
// The finance office's 取りまとめ: every returned sheet checked exactly as `check` does, in worker threads, and
// compiled into one workbook (一覧, 指摘事項, 所属別集計, 読めなかったファイル) or CSV / JSON. Inputs are only read.
import * as path from 'node:path';
import { z } from 'zod';
import { commandArgs } from './args';
import { collectInputs, inputAt, ioError } from './inputs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, usageError, warn, type CliIO } from './io';
import { exists, writeNew, writeNewData } from './output';
import { Progress } from './progress';
import { printable, printableLines } from './terminal';

export const REPORT_USAGE = `使い方: mishukin report <ファイルまたはフォルダ…> --output 取りまとめ.xlsx [--jobs N] [--force] [--hidden]
        mishukin report <ファイルまたはフォルダ…> --format csv|json [--output ファイル]

提出された調査書(.xlsx / .xlsm)をすべて検査し(mishukin check と同じ点検)、一つの取りまとめにします。
フォルダは下の階層まで名前順に探します。入力ファイルには一切書き込みません。

取りまとめブック(.xlsx)のシート:
  一覧                  調査書 1 件につき 1 行: ファイル・シート(リンク)、所属、担当、債権整理番号、債権区分、
                        債権名、年度、様式、評価(過年度・現年度・合計)、数値から言える評価、D行のケ・ケ'・ケ''、
                        C行のケ''(修正目標)、差(D−C)、件数、徴収率、エラー・確認の件数、状態(要修正・要確認・
                        問題なし)、取りまとめの指摘
  指摘事項              指摘 1 件につき 1 行(セルはリンク: Excel ではそのファイルのそのセルが開きます)
  所属別集計            所属別・債権区分別の調査書数・要修正の数・件数・残高・目標と合計(一覧を集計する数式)
  読めなかったファイル  読み込めなかったファイルと調査書のなかったファイル、点検しなかった非表示のシート、その理由
取りまとめの指摘(指摘事項にも載ります):
  BATCH-DUPLICATE  同じ所属・債権整理番号の調査書が2つ以上ある(エラー)
  BATCH-YEAR       調査の年度がほかの多くの調査書と違う(確認)
  BATCH-EDITION    様式(現行・旧)がほかの多くの調査書と違う(確認)
  BATCH-FILENAME   ファイル名の3桁の番号と債権整理番号が一致しない(確認)

オプション:
  --output, -o ファイル  書き出すファイル(.xlsx は必須。csv・json を省くと画面に表示)
                         リンクはこのファイルのフォルダからの相対パスです(提出フォルダごと移しても開けます)
  --format xlsx|csv|json 出力形式(既定: --output の拡張子から、なければ xlsx)
      csv   一覧を 1 行 1 調査書で。UTF-8(BOM 付き)、= + - @ で始まる文字列は数式にならないよう無害化
      json  {"forms":[…],"findings":[…],"summary":{"byBureau","byClaimType","total"},"unreadable":[…]}
  --hidden               非表示のシート(完全に非表示のものも)の調査書も取りまとめます。既定では取りまとめず、
                         調査書のある非表示のシートを「読めなかったファイル」に区分「非表示のシート」で載せます
  --jobs, -j N           同時に読むファイルの数(既定: この機械のコア数。ただしファイル 50 件につき 1 つまで)
  --force                出力ファイルがすでにあるときに上書きします
  --help, -h             この説明を表示します

終了コード:
  0  書き出しました(エラーの指摘なし)
  1  書き出しました(エラーの指摘あり: 状態が「要修正」の調査書がある)
  2  使い方の誤り、書き出せない、または読み込めないファイルあり(他のファイルは取りまとめます)
`;

/** --jobs above this is a typo, not a machine. */
const MAX_JOBS = 256;

const OPTION_SPEC = {
  output: { type: 'string', short: 'o' },
  format: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  force: { type: 'boolean' },
  hidden: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FORMATS = ['xlsx', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

const ReportArgs = z.object({
  output: z.string().min(1).optional(),
  format: z.enum(FORMATS, { error: '--format には xlsx、csv、json のどれかを指定してください。' }).optional(),
  jobs: z
    .string()
    .regex(/^\d+$/, { error: '--jobs には 1 以上の整数を指定してください。' })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: '--jobs には 1 以上の整数を指定してください。' }).max(MAX_JOBS, { error: `--jobs は ${MAX_JOBS} 以下にしてください。` }))
    .optional(),
  force: z.boolean().default(false),
  hidden: z.boolean().default(false),
  help: z.boolean().default(false),
  paths: z.array(z.string()),
});

function formatOf(output: string | undefined): Format | undefined {
  const ext = output === undefined ? '' : path.extname(output).slice(1).toLowerCase();
  return (FORMATS as readonly string[]).includes(ext) ? (ext as Format) : undefined;
}

export async function runReport(argv: string[], io: CliIO): Promise<number> {
  const args = commandArgs(argv, io, { usage: REPORT_USAGE, options: OPTION_SPEC, schema: ReportArgs, noPaths: '取りまとめるファイルまたはフォルダを指定してください。' });
  if (typeof args === 'number') return args;

  const byExtension = formatOf(args.output);
  const format = args.format ?? byExtension ?? 'xlsx';
  if (args.output !== undefined && byExtension !== undefined && byExtension !== format) {
    return usageError(io, `--output の拡張子(.${byExtension})と --format ${format} が合いません。`, REPORT_USAGE);
  }
  if (format === 'xlsx' && args.output === undefined) {
    return usageError(io, '--output で書き出す取りまとめブック(.xlsx)を指定してください。', REPORT_USAGE);
  }
  if (format === 'xlsx' && byExtension !== 'xlsx') {
    return usageError(io, `取りまとめブックの --output は .xlsx にしてください: ${args.output}`, REPORT_USAGE);
  }

  const outAbs = args.output === undefined ? undefined : path.resolve(io.cwd, args.output);
  const started = performance.now();
  const inputs = await collectInputs(args.paths, io.cwd);
  if (outAbs !== undefined) {
    // Never over a returned sheet; a previous report inside the folder would also be read as a return.
    const clash = await inputAt(inputs, outAbs);
    if (clash) {
      return usageError(io, `--output に入力ファイル(${clash.display})は指定できません。取りまとめは提出フォルダの外に書き出してください。`, REPORT_USAGE);
    }
    if ((await exists(outAbs)) && !args.force) {
      return usageError(io, `${args.output} はすでにあります。上書きするときは --force を付けてください。`, REPORT_USAGE);
    }
  }
  if (inputs.length === 0) {
    warn(io, '取りまとめる .xlsx / .xlsm ファイルが見つかりませんでした。何も書き出していません。');
    return EXIT_USAGE;
  }

  // Loaded only now: `report --help` and usage errors need neither exceljs nor the core.
  const [{ reviewAll, defaultJobs }, { buildReport }, words] = await Promise.all([
    import('./report/pool'),
    import('./report/model'),
    import('./report/words'),
  ]);
  const progress = new Progress(io.stderr, '取りまとめ中', inputs.length, { rate: true });
  const files = await reviewAll(inputs, { jobs: args.jobs ?? defaultJobs(inputs.length), skipHidden: !args.hidden, onDone: (n, f) => progress.update(n, f.display) });
  const data = buildReport(files);

  try {
    if (format === 'xlsx') {
      const [{ writeReportWorkbook }, { reportSheets }] = await Promise.all([import('../adapters/xlsx/reportWorkbook'), import('./report/book')]);
      const created = new Date();
      const sheets = reportSheets(data, { dir: path.dirname(outAbs!) });
      await writeNew(outAbs!, (tmp) => writeReportWorkbook(sheets, tmp, { title: words.printTitle(created), created }), args.force);
    } else {
      const { reportCsv, reportJson } = await import('./report/formats');
      const text = format === 'csv' ? reportCsv(data) : reportJson(data);
      if (outAbs !== undefined) await writeNewData(outAbs, text, args.force);
      else io.stdout.write(format === 'csv' && io.stdout.isTTY === true ? printableLines(text) : text);
    }
  } catch (err) {
    progress.clear();
    warn(io, `${args.output ?? '出力'} に書き出せませんでした。${ioError(err, '出力先').message}`);
    return EXIT_USAGE;
  }
  progress.clear();

  for (const u of data.unread) if (u.kind === 'unreadable') warn(io, u.file.display, u.reason);
  const counts = {
    files: data.files,
    forms: data.rows.length,
    error: data.rows.filter((r) => r.status === words.STATUS.error).length,
    warning: data.rows.filter((r) => r.status === words.STATUS.warning).length,
    ok: data.rows.filter((r) => r.status === words.STATUS.ok).length,
    unread: data.unread.filter((u) => u.kind !== 'hiddenSheet').length,
    hidden: data.unread.filter((u) => u.kind === 'hiddenSheet').length,
  };
  io.stderr.write(`${printable(words.summaryLine(counts, args.output ?? null, (performance.now() - started) / 1000))}\n`);
  if (data.unread.some((u) => u.kind === 'unreadable')) return EXIT_USAGE;
  return counts.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
