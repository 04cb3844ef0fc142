// Japanese text report: file → form → severity → one line per finding, then a summary line.
import type { Finding, FormResult } from '../../core/findings';
import { EDITION_JA } from '../../core/messages';
import { fiscalYearLabel } from '../../core/text/fiscalYear';
import { printable } from '../terminal';
import { hasNoForm, hiddenSheetText, noFormText, SEVERITY_JA, SEVERITY_ORDER, totals, type CheckReport, type FileReport } from './report';

/** The summary names at most this many files or sheets of each kind; each file's own block above names them all. */
const SUMMARY_NAMES = 20;

function nameList(names: readonly string[]): string {
  const shown = names.slice(0, SUMMARY_NAMES).map(printable).join('、');
  return names.length > SUMMARY_NAMES ? `${shown} ほか ${names.length - SUMMARY_NAMES} 件` : shown;
}

export interface TextOptions {
  /** ANSI colour; the caller decides (TTY and NO_COLOR). */
  color: boolean;
}

type Style = 'bold' | 'red' | 'yellow' | 'cyan' | 'dim';
const ANSI: Record<Style, string> = { bold: '1', red: '31', yellow: '33', cyan: '36', dim: '2' };
const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

/** 2019 → 令和元年度 (2019); 2018 → 平成30年度 (2018). */
export function fiscalYearText(year: number | null): string {
  return year === null ? '年度不明' : `${fiscalYearLabel(year)} (${year})`;
}

const HEADER_LABELS: readonly [string, string][] = [
  ['bureau', '所属'],
  ['section', '担当'],
  ['claimNo', '債権整理番号'],
  ['claimName', '債権名'],
];

function headerValue(header: Record<string, string | null>, field: string): string | null {
  // The core may key the header by field name or by full logical key.
  return header[field] ?? header[`header.${field}`] ?? null;
}

/** "調査書!R12" → "R12" under its own form (the sheet is on the form's line); other sheets stay named. */
export function shortCell(cell: string, sheet: string): string {
  for (const prefix of [`${sheet}!`, `'${sheet.replace(/'/g, "''")}'!`]) {
    if (cell.startsWith(prefix)) return cell.slice(prefix.length);
  }
  return cell;
}

export function formatText(report: CheckReport, opts: TextOptions): string {
  const paint = (style: Style, s: string): string => (opts.color ? `\x1b[${ANSI[style]}m${s}\x1b[0m` : s);
  const lines: string[] = [];

  const fileBlock = (f: FileReport): void => {
    lines.push(paint('bold', `■ ${printable(f.file)}`));
    if (f.error) {
      lines.push(`  ${paint('red', '読み込めませんでした')} [${f.error.code}]: ${printable(f.error.message)}`);
      return;
    }
    const forms = f.result?.forms ?? [];
    const notForms = f.result?.notForms ?? [];
    const hidden = f.result?.hiddenSheets ?? [];
    if (hasNoForm(f)) lines.push(`  ${paint('yellow', printable(noFormText(f)))}`);
    else for (const h of hidden) lines.push(`  ${paint('cyan', printable(hiddenSheetText(h)))}`);
    forms.forEach((form, i) => formBlock(form, i + 1, forms.length));
    if (notForms.length > 0) {
      lines.push('  様式として認識されなかったシート:');
      for (const nf of notForms) lines.push(`    「${printable(nf.sheet)}」: ${printable(nf.reason)}`);
    }
  };

  const formBlock = (form: FormResult, n: number, of: number): void => {
    const edition = EDITION_JA[form.edition];
    const label = of > 1 ? `様式 ${n}/${of}` : '様式';
    lines.push(
      `  ${label}: シート「${printable(form.sheet)}」 ${form.anchor} ・ ${edition} ・ ${fiscalYearText(form.fiscalYear)}`,
    );
    // Only the header fields the edition has (the older one has no 担当 or 債権整理番号).
    const header = HEADER_LABELS.filter(([k]) => k in form.header).map(
      ([k, ja]) => `${ja}: ${printable(headerValue(form.header, k) ?? '(空欄)')}`,
    );
    lines.push(`    ${header.join(' / ')}`);
    if (form.recognition) recognitionBlock(form.recognition);
    if (form.findings.length === 0) {
      lines.push('    指摘はありません。');
      return;
    }
    for (const sev of SEVERITY_ORDER) {
      const group = form.findings.filter((x) => x.severity === sev);
      if (group.length === 0) continue;
      lines.push(`    ${paint(SEVERITY_STYLE[sev], `${SEVERITY_JA[sev]} ${group.length} 件`)}`);
      for (const finding of group) lines.push(`      ${findingLine(finding, form.sheet)}`);
    }
  };

  const recognitionBlock = (r: NonNullable<FormResult['recognition']>): void => {
    lines.push(`    ${paint('dim', '認識の根拠:')}`);
    for (const e of r.evidence) lines.push(`      ${printable(e.part)} ${paint('dim', printable(e.cells.join(' ')))}: ${printable(e.reason)}`);
    for (const m of r.missing) lines.push(`      ${printable(m.part)}: 見つかりません(探したもの: ${printable(m.lookedFor)})`);
  };

  const findingLine = (x: Finding, sheet: string): string => {
    const shown = x.cells.map((c) => shortCell(c, sheet));
    const cells = shown.length > 0 ? ` ${paint('dim', printable(shown.join(' ')))}` : '';
    const proposed = x.proposed !== undefined ? `(数値から言える評価: ${printable(x.proposed)})` : '';
    return `${paint(SEVERITY_STYLE[x.severity], `[${x.rule}]`)}${cells}: ${printable(x.message)}${proposed}`;
  };

  for (const f of report.files) {
    fileBlock(f);
    lines.push('');
  }

  const t = totals(report);
  const aside = [
    ...(t.unreadable > 0 ? [`読み込めなかったもの ${t.unreadable}`] : []),
    ...(t.noForm > 0 ? [`様式の見つからなかったもの ${t.noForm}`] : []),
  ];
  const unreadable = aside.length > 0 ? `(${aside.join('、')})` : '';
  const hidden = t.hiddenSheets > 0 ? `、点検しなかった非表示のシート ${t.hiddenSheets} 件` : '';
  const summary = `合計: ファイル ${t.files} 件${unreadable}、様式 ${t.forms} 件、エラー ${t.error} 件、確認 ${t.warning} 件、情報 ${t.info} 件${hidden}`;
  lines.push(paint('bold', summary));
  if (t.noForm > 0) {
    lines.push(`様式の見つからなかったファイル: ${nameList(report.files.filter(hasNoForm).map((f) => f.file))}`);
  }
  if (t.hiddenSheets > 0) {
    const sheets = report.files.flatMap((f) => (f.result?.hiddenSheets ?? []).map((h) => `${f.file} シート「${h.sheet}」`));
    lines.push(`点検しなかった非表示のシート(--hidden で点検します): ${nameList(sheets)}`);
  }
  return lines.join('\n') + '\n';
}
