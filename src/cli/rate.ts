// `mishukin rate <files or folders…> [--format text|json] [--hidden]`: the rating guide for every form found — what
// the numbers say each column's code should be, with the reasons, beside what is printed. Forms on hidden sheets are
// left out and their sheets named, as `check` does, unless --hidden.
import { z } from 'zod';
import type { HiddenFormSheet } from '../core/findings';
import type { Form } from '../core/model/form';
import type { FormGuide } from '../core/rating';
import { EDITION_JA, hiddenSheetMessages } from '../core/messages';
import { commandArgs } from './args';
import { fiscalYearText } from './format/text';
import { collectInputs, withWorkbook, type FileErrorInfo } from './inputs';
import { EXIT_OK, EXIT_USAGE, warn, type CliIO } from './io';
import { printable, terminalSafeJson } from './terminal';

export const RATE_USAGE = `使い方: mishukin rate <ファイルまたはフォルダ…> [--format text|json] [--hidden]

各様式の「1. 達成状況」の評価(A・B1・B2・—)を、修正目標(C行)と実績(D行)の未収金残高から提案します。
数値だけでは決まらないとき(目標未達で B1 か B2 か、目標0で目標を設定していたか)は、候補を「|」でつないで示します。
旧様式は達成率から A・B・C1・C2 を示します。入力ファイルには一切書き込みません。
非表示・完全に非表示のシートの調査書は評価を示さず、そのシートの名前を示します。

オプション:
  --format text|json  出力形式(既定: text)
      json  {"files":[{"file","error","forms":[{"sheet","anchor","edition","fiscalYear",
            "columns":{"past":{"proposed","printed","reasons","question"},"current":…,"total":…}}],
            "hiddenSheets":[{"sheet","visibility","forms"}]}]}
  --hidden            非表示のシート(完全に非表示のものも)の調査書の評価も示します
  --help, -h          この説明を表示します

終了コード: 0 正常、2 使い方の誤り・読み込めないファイルあり
`;

const OPTION_SPEC = { format: { type: 'string' }, hidden: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

const RateArgs = z.object({
  format: z.enum(['text', 'json'], { error: '--format には text か json を指定してください。' }).default('text'),
  hidden: z.boolean().default(false),
  help: z.boolean().default(false),
  paths: z.array(z.string()),
});

interface RateForm extends FormGuide {
  sheet: string;
  anchor: string;
  fiscalYear: number | null;
}

interface RateFile {
  file: string;
  error: FileErrorInfo | null;
  forms: RateForm[];
  /** Hidden sheets holding a form, left out (without --hidden). */
  hiddenSheets: HiddenFormSheet[];
}

const COLUMN_JA: Record<string, string> = { past: '過年度', current: '現年度', total: '合計' };
const OLDER_COLUMN_JA: Record<string, string> = { total: '合計(現年度+過年度)', current: 'うち現年度', past: 'うち過年度' };

function formatText(files: RateFile[]): string {
  const lines: string[] = [];
  for (const f of files) {
    lines.push(`■ ${printable(f.file)}`);
    if (f.error) {
      lines.push(`  読み込めません: ${f.error.message}`, '');
      continue;
    }
    if (f.forms.length === 0) lines.push(f.hiddenSheets.length > 0 ? '  表示されているシートには調査書の様式が見つかりませんでした。' : '  調査書の様式が見つかりませんでした。');
    for (const h of f.hiddenSheets) lines.push(`  ${printable(hiddenSheetText(h))}`);
    for (const form of f.forms) {
      lines.push(`  様式: シート「${printable(form.sheet)}」 ${form.anchor} ・ ${EDITION_JA[form.edition]} ・ ${fiscalYearText(form.fiscalYear)}`);
      const names = form.edition === 'current' ? COLUMN_JA : OLDER_COLUMN_JA;
      for (const [col, g] of Object.entries(form.columns)) {
        const proposed = g.proposed === null ? '判断できません' : g.proposed.split('|').join(' または ');
        const printed = g.printed === null ? '(空欄)' : printable(g.printed);
        const agree = g.proposed !== null && g.printed !== null && g.proposed.split('|').includes(g.printed.trim().toUpperCase()) ? ' ✓' : '';
        lines.push(`    ${names[col]}: 提案 ${proposed} / 記入 ${printed}${agree}`);
        for (const r of g.reasons) lines.push(`      ${printable(r)}`);
      }
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** A hidden sheet left out, and how to include it. */
function hiddenSheetText(h: HiddenFormSheet): string {
  return `${hiddenSheetMessages.leftOut(h, '評価を示していません')}--hidden を付けると示します。`;
}

export async function runRate(argv: string[], io: CliIO): Promise<number> {
  const args = commandArgs(argv, io, { usage: RATE_USAGE, options: OPTION_SPEC, schema: RateArgs, noPaths: '対象のファイルまたはフォルダを指定してください。' });
  if (typeof args === 'number') return args;

  const [{ readWorkbookFile }, { recogniseWorkbook }, { guideForm }] = await Promise.all([
    import('../adapters/xlsx/readWorkbook'),
    import('../core/check'),
    import('../core/rating'),
  ]);
  const toForm = (form: Form): RateForm => ({ sheet: form.sheet, anchor: form.anchor, fiscalYear: form.fiscalYear, ...guideForm(form) });
  const inputs = await collectInputs(args.paths, io.cwd);
  const files: RateFile[] = [];
  for (const input of inputs) {
    const { error, value } = await withWorkbook(input, (f) => readWorkbookFile(f), (grids) => recogniseWorkbook(grids, { skipHidden: !args.hidden }));
    files.push({ file: input.display, error, forms: value?.forms.map(toForm) ?? [], hiddenSheets: value?.hiddenSheets ?? [] });
  }
  io.stdout.write(args.format === 'json' ? `${terminalSafeJson(JSON.stringify({ files }, null, 2))}\n` : formatText(files));
  // The text report already names them; json is read by a program, so tell the person too (as `check` does).
  if (args.format === 'json') for (const f of files) for (const h of f.hiddenSheets) warn(io, f.file, hiddenSheetText(h));
  if (inputs.length === 0) warn(io, '対象の .xlsx / .xlsm ファイルが見つかりませんでした。');
  return inputs.length === 0 || files.some((f) => f.error) ? EXIT_USAGE : EXIT_OK;
}
