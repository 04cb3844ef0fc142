// The report laid out as sheets for the workbook writer: 一覧 (one row per form), 指摘事項 (one row per finding),
// 所属別集計 (sums over 一覧 as formulas, with their results) and 読めなかったファイル. Also the 一覧 table the CSV uses.
import * as path from 'node:path';
import type { CellInput, LinkTarget, ReportColumn, ReportSheet, ReportTable, Tone } from '../../adapters/xlsx/reportWorkbook';
import type { Severity } from '../../core/findings';
import { columnName } from '../../core/grid';
import { EDITION_JA } from '../../core/messages';
import { shortCell } from '../format/text';
import type { ReportData, ReportRow } from './model';
import { summarise, type SummaryGroup } from './summary';
import {
  allowedText,
  BATCH_FLAG,
  FINDING_HEAD,
  LIST_HEAD,
  NOTES,
  SEVERITY_JA,
  SHEET,
  STATUS,
  SUMMARY_HEAD,
  UNREAD_HEAD,
  UNREAD_KIND,
  yearText,
  type Status,
} from './words';

/** Where links point from: the report's folder; without one (CSV, JSON) there are no links. */
export interface LinkBase {
  dir: string;
}

/** A sheet reference inside a formula or a link: 'name' with its quotes doubled. */
function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function linkTo(base: LinkBase | null, absolute: string, location?: string): LinkTarget | undefined {
  if (!base) return undefined;
  // Relative, with '/', so the report still finds the sheets when the folder is moved or opened from another drive letter.
  const rel = path.relative(base.dir, absolute).split(path.sep).join('/');
  return location === undefined ? { path: rel } : { path: rel, location };
}

/** "調査書!R12" or "'a b'!R12" → the sheet and the address. */
function splitCell(cell: string): { sheet: string; address: string } | null {
  const bang = cell.lastIndexOf('!');
  if (bang < 0) return null;
  const raw = cell.slice(0, bang);
  const sheet = /^'.*'$/.test(raw) ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, address: cell.slice(bang + 1) };
}

const STATUS_TONE: Record<Status, Tone> = { [STATUS.error]: 'bad', [STATUS.warning]: 'warn', [STATUS.ok]: 'good' };
const SEVERITY_TONE: Record<Severity, Tone | undefined> = { error: 'bad', warning: 'warn', info: undefined };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

// ---------------------------------------------------------------------------------------------
// 一覧

interface ListColumn extends ReportColumn {
  id: keyof typeof LIST_HEAD;
  cell: (r: ReportRow, base: LinkBase | null) => CellInput;
}

const amount = (id: ListColumn['id'], pick: (r: ReportRow) => number | null): ListColumn => ({
  id,
  header: LIST_HEAD[id],
  width: 11,
  format: 'amount',
  cell: pick,
});

const rating = (id: ListColumn['id'], column: keyof ReportRow['form']['ratings']): ListColumn => ({
  id,
  header: LIST_HEAD[id],
  width: 5,
  cell: (r) => r.form.ratings[column],
});

// Widths add up to what fits A4 landscape at a readable scale; long texts wrap instead of widening the page.
const LIST: readonly ListColumn[] = [
  { id: 'file', header: LIST_HEAD.file, width: 24, format: 'wrap', cell: (r, b) => ({ value: r.file.display, link: linkTo(b, r.file.absolute) }) },
  {
    id: 'sheet',
    header: LIST_HEAD.sheet,
    width: 16,
    format: 'wrap',
    cell: (r, b) => ({ value: r.form.sheet, link: linkTo(b, r.file.absolute, `${sheetRef(r.form.sheet)}!${r.form.anchor}`) }),
  },
  { id: 'anchor', header: LIST_HEAD.anchor, width: 5, cell: (r) => r.form.anchor },
  { id: 'bureau', header: LIST_HEAD.bureau, width: 12, format: 'wrap', cell: (r) => r.bureau },
  { id: 'section', header: LIST_HEAD.section, width: 12, format: 'wrap', cell: (r) => r.form.header['section'] ?? null },
  { id: 'claimNo', header: LIST_HEAD.claimNo, width: 8, cell: (r) => r.form.header['claimNo'] ?? null },
  { id: 'claimType', header: LIST_HEAD.claimType, width: 12, format: 'wrap', cell: (r) => r.claimType },
  { id: 'claimName', header: LIST_HEAD.claimName, width: 18, format: 'wrap', cell: (r) => r.form.header['claimName'] ?? null },
  { id: 'year', header: LIST_HEAD.year, width: 11, cell: (r) => yearText(r.form.fiscalYear) },
  { id: 'edition', header: LIST_HEAD.edition, width: 8, cell: (r) => EDITION_JA[r.form.edition] },
  rating('ratePast', 'past'),
  rating('rateCurrent', 'current'),
  rating('rateTotal', 'total'),
  { id: 'allowed', header: LIST_HEAD.allowed, width: 10, format: 'wrap', cell: (r) => allowedText(r.form.allowed) },
  amount('pastBalance', (r) => r.form.figures.pastBalance),
  amount('currentBalance', (r) => r.form.figures.currentBalance),
  amount('totalBalance', (r) => r.form.figures.totalBalance),
  amount('target', (r) => r.form.figures.target),
  amount('diff', (r) => r.diff),
  { id: 'cases', header: LIST_HEAD.cases, width: 8, format: 'count', cell: (r) => r.form.figures.cases },
  { id: 'collectionRate', header: LIST_HEAD.collectionRate, width: 7, format: 'percent', cell: (r) => r.form.figures.collectionRate },
  { id: 'errors', header: LIST_HEAD.errors, width: 6, format: 'count', cell: (r) => r.errors },
  { id: 'warnings', header: LIST_HEAD.warnings, width: 5, format: 'count', cell: (r) => r.warnings },
  { id: 'status', header: LIST_HEAD.status, width: 7, cell: (r) => ({ value: r.status, tone: STATUS_TONE[r.status] }) },
  {
    id: 'batch',
    header: LIST_HEAD.batch,
    width: 12,
    format: 'wrap',
    cell: (r) => (r.batch.length === 0 ? null : { value: r.batch.map((id) => BATCH_FLAG[id] ?? id).join('\n'), tone: 'bad' }),
  },
];

/** The 一覧 table: links when written next to the sheets, plain values for CSV. */
export function listTable(data: ReportData, base: LinkBase | null): ReportTable {
  return { columns: LIST, rows: data.rows.map((r) => LIST.map((c) => c.cell(r, base))) };
}

/** A whole column of 一覧, for the summary's formulas. */
function listColumn(id: ListColumn['id']): string {
  const letter = columnName(LIST.findIndex((c) => c.id === id));
  return `${sheetRef(SHEET.list)}!$${letter}:$${letter}`;
}

// ---------------------------------------------------------------------------------------------
// 指摘事項

const FINDING_COLUMNS: readonly ReportColumn[] = [
  { header: FINDING_HEAD.file, width: 22, format: 'wrap' },
  { header: FINDING_HEAD.sheet, width: 14, format: 'wrap' },
  { header: FINDING_HEAD.anchor, width: 5 },
  { header: FINDING_HEAD.bureau, width: 10, format: 'wrap' },
  { header: FINDING_HEAD.claimNo, width: 8 },
  { header: FINDING_HEAD.claimName, width: 14, format: 'wrap' },
  { header: FINDING_HEAD.cell, width: 10, format: 'wrap' },
  { header: FINDING_HEAD.rule, width: 16 },
  { header: FINDING_HEAD.severity, width: 6 },
  { header: FINDING_HEAD.message, width: 70, format: 'wrap' },
];

function findingRows(r: ReportRow, base: LinkBase | null): CellInput[][] {
  const byRank = [...r.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return byRank.map((f) => {
    const first = f.cells.length > 0 ? splitCell(f.cells[0]!) : null;
    const cellText = f.cells.map((c) => shortCell(c, r.form.sheet)).join(' ');
    return [
      { value: r.file.display, link: linkTo(base, r.file.absolute) },
      { value: r.form.sheet, link: linkTo(base, r.file.absolute, `${sheetRef(r.form.sheet)}!${r.form.anchor}`) },
      r.form.anchor,
      r.bureau,
      r.form.header['claimNo'] ?? null,
      r.form.header['claimName'] ?? null,
      first ? { value: cellText, link: linkTo(base, r.file.absolute, `${sheetRef(first.sheet)}!${first.address}`) } : null,
      f.rule,
      { value: SEVERITY_JA[f.severity], tone: SEVERITY_TONE[f.severity] },
      f.message,
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// 所属別集計

const SUMMARY_SPAN: readonly Omit<ReportColumn, 'header'>[] = [
  { width: 22, format: 'wrap' },
  { width: 9, format: 'count' },
  { width: 9, format: 'count' },
  { width: 9, format: 'percent' },
  { width: 10, format: 'count' },
  { width: 14, format: 'amount' },
  { width: 14, format: 'amount' },
  { width: 14, format: 'amount' },
  { width: 14, format: 'amount' },
  { width: 14, format: 'amount' },
];

const SUMMED: readonly { id: ListColumn['id']; pick: (g: SummaryGroup) => number }[] = [
  { id: 'cases', pick: (g) => g.cases },
  { id: 'pastBalance', pick: (g) => g.pastBalance },
  { id: 'currentBalance', pick: (g) => g.currentBalance },
  { id: 'totalBalance', pick: (g) => g.totalBalance },
  { id: 'target', pick: (g) => g.target },
  { id: 'diff', pick: (g) => g.diff },
];

/** 要修正の割合 = うち要修正 ÷ 調査書数 (columns C and B of the summary), blank when there is no sheet. */
const SHARE = 'IF(B{r}=0,"",C{r}/B{r})';
const share = (g: SummaryGroup): number | string => (g.sheets === 0 ? '' : g.needing / g.sheets);

function summaryTable(groups: readonly SummaryGroup[], total: SummaryGroup, by: 'bureau' | 'claimType'): ReportTable {
  const h = SUMMARY_HEAD;
  const heads: string[] = [h[by], h.sheets, h.needing, h.share, h.cases, h.pastBalance, h.currentBalance, h.totalBalance, h.target, h.diff];
  const columns = SUMMARY_SPAN.map((c, i) => ({ ...c, header: heads[i]! }));
  const key = listColumn(by);
  const rows = groups.map((g): CellInput[] => [
    g.label,
    { value: g.sheets, formula: `COUNTIFS(${key},$A{r})` },
    { value: g.needing, formula: `COUNTIFS(${key},$A{r},${listColumn('status')},"${STATUS.error}")` },
    { value: share(g), formula: SHARE },
    ...SUMMED.map((s) => ({ value: s.pick(g), formula: `SUMIFS(${listColumn(s.id)},${key},$A{r})` })),
  ]);
  // Sums of the rows above, so that a row the office adds or edits is counted too.
  const sum = (col: number, value: number): CellInput =>
    groups.length === 0 ? value : { value, formula: `SUM(${columnName(col)}{first}:${columnName(col)}{last})` };
  const totalRow: CellInput[] = [
    SUMMARY_HEAD.total,
    sum(1, total.sheets),
    sum(2, total.needing),
    { value: share(total), formula: SHARE },
    ...SUMMED.map((s, i) => sum(4 + i, s.pick(total))),
  ];
  return { columns, rows, total: totalRow };
}

// ---------------------------------------------------------------------------------------------

export function reportSheets(data: ReportData, base: LinkBase): ReportSheet[] {
  const summary = summarise(data.rows, SUMMARY_HEAD.total);
  const unreadColumns: ReportColumn[] = [
    { header: UNREAD_HEAD.file, width: 40, format: 'wrap' },
    { header: UNREAD_HEAD.kind, width: 12 },
    { header: UNREAD_HEAD.reason, width: 90, format: 'wrap' },
  ];
  return [
    { name: SHEET.list, tables: [listTable(data, base)] },
    { name: SHEET.findings, tables: [{ columns: FINDING_COLUMNS, rows: data.rows.flatMap((r) => findingRows(r, base)) }] },
    {
      name: SHEET.summary,
      tables: [summaryTable(summary.byBureau, summary.total, 'bureau'), summaryTable(summary.byClaimType, summary.total, 'claimType')],
      notes: NOTES.summary,
    },
    {
      name: SHEET.unread,
      tables: [
        {
          columns: unreadColumns,
          rows: data.unread.map((u) => [{ value: u.file.display, link: linkTo(base, u.file.absolute) }, UNREAD_KIND[u.kind], u.reason]),
        },
      ],
      notes: data.unread.length === 0 ? [NOTES.noUnread] : [],
    },
  ];
}
