// `mishukin check <files or folders…> [--format text|json|csv] [--output FILE]`
// Reads each workbook, checks every form in it, and reports. Input files are only ever opened for reading.
import { promises as fs, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { WorkbookResult } from '../core/findings';
import type { Grid } from '../core/grid';
import { formatCsv } from './format/csv';
import { formatJson } from './format/json';
import type { CheckReport, FileErrorInfo, FileReport } from './format/report';
import { totals } from './format/report';
import { formatText } from './format/text';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, parseArgv, UsageError, usageError, type CliIO } from './main';

export const CHECK_USAGE = `使い方: mishukin check <ファイルまたはフォルダ…> [--format text|json|csv] [--output ファイル]

未収金目標及び具体取組内容調査書のブック(.xlsx / .xlsm)を検査します。
フォルダを指定すると、その中の .xlsx / .xlsm を下の階層まで名前順に探します
(~$ で始まる一時ファイル、._ で始まるファイル、node_modules と .git は除きます)。
入力ファイルには一切書き込みません。

オプション:
  --format text|json|csv  出力形式(既定: text)
      text  ファイル → 様式 → 重要度(エラー/確認/情報)ごとの一覧と合計
      json  機械処理用: {"files":[{"file","error","forms":[{"sheet","anchor",
            "edition","fiscalYear","header","values","findings":[…]}]}]}
      csv   指摘 1 件につき 1 行。UTF-8(BOM 付き)、見出し行は日本語:
            ファイル,シート,位置,規則,重要度,セル,項目,メッセージ
            (重要度はエラー/確認/情報、セルと項目は空白区切り。
             読み込めないファイルは規則 FILE-ERROR の行になります)
  --output, -o ファイル   結果をこのファイルに書きます(既定: 画面に表示)
  --help, -h              この説明を表示します

終了コード:
  0  エラーの指摘なし
  1  エラーの指摘あり
  2  使い方の誤り、結果を書き込めない、または見つからない・読み込めないファイルあり
     (読み込めないファイルがあっても、他のファイルは検査して報告します)
`;

const OPTION_SPEC = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

const CheckArgs = z.object({
  format: z.enum(['text', 'json', 'csv'], { error: '--format には text、json、csv のどれかを指定してください。' }).default('text'),
  output: z.string().min(1).optional(),
  help: z.boolean().default(false),
  paths: z.array(z.string()),
});
export type CheckArgs = z.infer<typeof CheckArgs>;

/** What `check` needs from the outside world; tests swap these. */
export interface CheckDeps {
  readWorkbookFile(file: string): Promise<Grid[]>;
  checkWorkbook(grids: Grid[]): WorkbookResult;
}

async function defaultDeps(): Promise<CheckDeps> {
  // Loaded lazily: exceljs and the whole core are only needed when files are actually checked.
  const [{ readWorkbookFile }, { checkWorkbook }] = await Promise.all([
    import('../adapters/xlsx/readWorkbook'),
    import('../core/check'),
  ]);
  return { readWorkbookFile: (f) => readWorkbookFile(f), checkWorkbook };
}

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const { options, positionals } = parseArgv(argv, OPTION_SPEC);
  const parsed = CheckArgs.safeParse({ ...options, paths: positionals });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? '引数が正しくありません。');
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// Finding the input files

const WORKBOOK_EXT = /\.xls[xm]$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);

export interface InputFile {
  /** Shown in the report: the path as given, or joined under the folder as given. */
  display: string;
  absolute: string;
  error?: FileErrorInfo;
}

/** Code-unit order: the same on every machine and locale. */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function isWorkbookName(name: string): boolean {
  // ~$ = Excel's lock file of an open workbook; ._ = macOS metadata next to the real file.
  return WORKBOOK_EXT.test(name) && !name.startsWith('~$') && !name.startsWith('._');
}

export function ioError(err: unknown, what: string): FileErrorInfo {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return { code: 'not-found', message: `${what}が見つかりません。名前と場所を確認してください。` };
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return { code: 'io-error', message: `${what}を開く権限がありません。権限を確認してください。` };
  }
  const detail = err instanceof Error ? `(詳細: ${err.message})` : '';
  return { code: 'io-error', message: `${what}を読み込めませんでした${detail}。` };
}

async function walk(dirAbs: string, dirDisplay: string, out: InputFile[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dirAbs, { withFileTypes: true });
  } catch (err) {
    out.push({ display: dirDisplay, absolute: dirAbs, error: ioError(err, 'フォルダ') });
    return;
  }
  for (const e of entries.sort(byName)) {
    const abs = path.join(dirAbs, e.name);
    const display = path.join(dirDisplay, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walk(abs, display, out);
    } else if (isWorkbookName(e.name)) {
      if (e.isFile()) {
        out.push({ display, absolute: abs });
      } else if (e.isSymbolicLink()) {
        // Follow links to files only: links to folders could loop.
        const st = await fs.stat(abs).catch(() => null);
        if (st?.isFile()) out.push({ display, absolute: abs });
      }
    }
  }
}

/** Expands the arguments into files, in argument order, folders sorted; duplicates dropped. */
export async function collectInputs(args: readonly string[], cwd: string): Promise<InputFile[]> {
  const found: InputFile[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let st: Stats;
    try {
      st = await fs.stat(abs);
    } catch (err) {
      found.push({ display: arg, absolute: abs, error: ioError(err, 'ファイルまたはフォルダ') });
      continue;
    }
    if (st.isDirectory()) await walk(abs, arg, found);
    else found.push({ display: arg, absolute: abs });
  }
  const seen = new Set<string>();
  return found.filter((f) => {
    if (seen.has(f.absolute)) return false;
    seen.add(f.absolute);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------

export function readErrorInfo(err: unknown): FileErrorInfo {
  // WorkbookReadError carries a code and a Japanese message; checked structurally so tests can fake it.
  if (err instanceof Error && err.name === 'WorkbookReadError') {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') return { code, message: err.message };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return {
    code: 'internal-error',
    message: `検査中に内部エラーが発生しました(詳細: ${detail})。このファイルを添えて担当者に連絡してください。`,
  };
}

async function checkOne(input: InputFile, deps: CheckDeps): Promise<FileReport> {
  if (input.error) return { file: input.display, error: input.error, result: null };
  let grids: Grid[];
  try {
    grids = await deps.readWorkbookFile(input.absolute);
  } catch (err) {
    return { file: input.display, error: readErrorInfo(err), result: null };
  }
  try {
    return { file: input.display, error: null, result: deps.checkWorkbook(grids) };
  } catch (err) {
    return { file: input.display, error: readErrorInfo(err), result: null };
  }
}

export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [ra, rb] = await Promise.all([fs.realpath(a).catch(() => null), fs.realpath(b).catch(() => null)]);
  return ra !== null && ra === rb;
}

export async function runCheck(argv: string[], io: CliIO, deps?: Partial<CheckDeps>): Promise<number> {
  let args: CheckArgs;
  try {
    args = parseCheckArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) return usageError(io, err.message, CHECK_USAGE);
    throw err;
  }
  if (args.help) {
    io.stdout.write(CHECK_USAGE);
    return EXIT_OK;
  }
  if (args.paths.length === 0) return usageError(io, '検査するファイルまたはフォルダを指定してください。', CHECK_USAGE);

  const outputAbs = args.output === undefined ? undefined : path.resolve(io.cwd, args.output);
  if (outputAbs !== undefined && /\.(xls[xmb]?|xlt[xm]?)$/i.test(outputAbs)) {
    return usageError(io, '--output に Excel ブック(.xlsx など)は指定できません。結果は .txt / .json / .csv に書きます。', CHECK_USAGE);
  }

  const inputs = await collectInputs(args.paths, io.cwd);
  if (outputAbs !== undefined) {
    for (const f of inputs) {
      if (await sameFile(f.absolute, outputAbs)) {
        return usageError(io, `--output に入力ファイル(${f.display})は指定できません。`, CHECK_USAGE);
      }
    }
  }
  if (inputs.length === 0) {
    io.stderr.write('mishukin: 検査する .xlsx / .xlsm ファイルが見つかりませんでした。\n');
  }

  const given = deps ?? {};
  const fallback = given.readWorkbookFile && given.checkWorkbook ? undefined : await defaultDeps();
  const fullDeps: CheckDeps = {
    readWorkbookFile: given.readWorkbookFile ?? fallback!.readWorkbookFile,
    checkWorkbook: given.checkWorkbook ?? fallback!.checkWorkbook,
  };

  // Progress only for a person watching a terminal, never mixed into redirected output.
  const progress = inputs.length > 1 && io.stderr.isTTY === true;
  const report: CheckReport = { files: [] };
  for (const [i, input] of inputs.entries()) {
    if (progress) io.stderr.write(`\r\x1b[2K検査中 ${i + 1}/${inputs.length}: ${input.display}`);
    report.files.push(await checkOne(input, fullDeps));
  }
  if (progress) io.stderr.write('\r\x1b[2K');

  const color = outputAbs === undefined && io.stdout.isTTY === true && io.env['NO_COLOR'] === undefined;
  const rendered =
    args.format === 'json' ? formatJson(report) : args.format === 'csv' ? formatCsv(report) : formatText(report, { color });

  if (outputAbs === undefined) {
    io.stdout.write(rendered);
  } else {
    try {
      await fs.writeFile(outputAbs, rendered, 'utf8');
    } catch (err) {
      io.stderr.write(`mishukin: 結果を ${args.output} に書き込めませんでした。${ioError(err, '出力先').message}\n`);
      return EXIT_USAGE;
    }
  }

  // The text report on screen already says which files failed; otherwise tell the person too.
  if (outputAbs !== undefined || args.format !== 'text') {
    for (const f of report.files) {
      if (f.error) io.stderr.write(`mishukin: ${f.file}: ${f.error.message}\n`);
    }
  }
  const t = totals(report);
  if (inputs.length === 0 || t.unreadable > 0) return EXIT_USAGE;
  return t.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}
