// Lays out one form of the older edition (未収債権の目標及び具体処理策, 平成25–29 surveys) as the published sheets
// print it: sections 1–6, for the fixtures (the add-in recognises this edition but never writes it). Subtotals of section 4 are formulas where the printed
// numbers agree with them.
import type { Computed } from '../src/core/layout/currentLayout';
import { amountFormat, COUNT_FORMAT, LayoutBuilder, RATE_FORMAT, type LayoutSheet } from '../src/core/layout/sheet';
import { toFullwidth, type YearStyle } from '../src/core/layout/yearWords';
import { percentToRatio, typedUnlessFormula } from './printed';
import { OLDER_PERIODS, OLDER_STATUS_ROWS, type OlderPeriod, type OlderSheetData, type OlderStatusRow } from './seeds';

export interface OlderLayoutOptions {
  top?: number;
  left?: number;
  /** The reported year N as a Western year (平成25 = 2013). */
  fiscalYear: number;
  /** 'short' prints the bare era year as the published sheets do ("24実績", "25年度"). */
  yearStyle?: YearStyle;
  valuesOnly?: boolean;
  titleVariant?: string;
  splitLabels?: boolean;
}

function heisei(year: number): number {
  const n = year - 1988;
  if (n < 1 || n > 31) throw new Error(`年度 ${year} は旧様式 (平成) の範囲外です`);
  return n;
}

/** "24" / "H24" / "平成24年度" / "２４": the year word in front of 実績・目標. */
function olderYear(year: number, style: YearStyle): string {
  const n = heisei(year);
  switch (style) {
    case 'short':
      return String(n);
    case 'letterH':
      return `H${n}`;
    case 'full':
      return `平成${n}年度`;
    case 'fullwidth':
      return toFullwidth(String(n));
  }
}

/** "25年度" (or "平成25年度" …) in titles. */
function olderYearTitle(year: number, style: YearStyle): string {
  const w = olderYear(year, style);
  return style === 'full' ? w : `${w}年度`;
}

const PERIOD_OFFSET: Record<OlderPeriod, [number, '実績' | '目標']> = {
  'N-1実績': [-1, '実績'],
  N目標: [0, '目標'],
  N実績: [0, '実績'],
  'N+1目標': [1, '目標'],
};

const STATUS_LABELS: Record<OlderStatusRow, string> = {
  total: '合計',
  currentYear: '', // year words filled in below
  pastYears: '',
  collectSubtotal: '回収債権 計',
  '1': '① 処分したもののうち換価前及び再交渉中',
  '2': '② 分納誓約・徴収猶予',
  '3': '③ 交渉中',
  settleSubtotal: '整理債権 計',
  '4': '④ 処分したもののうち換価残で履行見込みのないもの',
  '5': '⑤ 執行停止・徴収停止したもの',
  '6': '⑥ 時効年限を経過したもの',
  '7': '⑦ 生活困窮状態で履行見込みのないもの',
  '8': '⑧ 当該債権について破産による免責決定があるもの',
  '9': '⑨ 相続人が限定承認しており相続財産価額が少額であるもの',
  '10': '⑩ 死亡・行方不明等で徴収見込みのないもの',
};

export const OLDER_ROWS = {
  title: 0,
  s1Title: 2,
  s1Name: 3,
  s2Title: 5,
  s2Head: 6,
  s2Row: 7,
  s3Title: 9,
  s3Head: 10,
  s3First: 11,
  s4Title: 16,
  s4Head: 17,
  s4First: 18,
  s5Title: 34,
  s5Head: 35,
  s5Ratings: 36,
  s5Legend: 37,
  s5First: 38,
  s6Title: 43,
  s6First: 44,
} as const;

export function layoutOlderForm(data: OlderSheetData, opts: OlderLayoutOptions): LayoutSheet {
  const N = opts.fiscalYear;
  const style = opts.yearStyle ?? 'short';
  const split = opts.splitLabels ?? false;
  const valuesOnly = opts.valuesOnly ?? false;
  const join = (parts: string[]): string => parts.join(split ? '\n' : '');
  const b = new LayoutBuilder(opts.top ?? 1, opts.left ?? 1);
  const R = OLDER_ROWS;
  const amountFmt = amountFormat('triangle');
  const lastCol = 7;
  const Ny = olderYearTitle(N, style);

  b.text(R.title, 0, opts.titleVariant ?? '未収債権の目標及び具体処理策', 'title');
  b.merge(R.title, 0, R.title, lastCol);

  // 1. 債権名(債権区分) and 所属
  b.text(R.s1Title, 0, '1. 債権名(債権区分)', 'section');
  b.text(R.s1Title, 4, '所属 :');
  b.put(R.s1Title, 5, { value: data.header.affiliation, style: 'input', key: 'older.header.affiliation' });
  b.merge(R.s1Title, 5, R.s1Title, lastCol);
  b.put(R.s1Name, 0, { value: data.header.claimName, style: 'input', key: 'older.header.claimName' });
  b.merge(R.s1Name, 0, R.s1Name, 3);
  b.text(R.s1Name, 4, '区分 :');
  b.put(R.s1Name, 5, { value: data.header.claimType, style: 'input', key: 'older.header.claimType' });
  b.merge(R.s1Name, 5, R.s1Name, lastCol);

  const periodLabel = (p: OlderPeriod): string => {
    const [off, stage] = PERIOD_OFFSET[p];
    return `${olderYear(N + off, style)}${stage}`;
  };

  // 2. 未収金残高の推移(目標)
  b.text(R.s2Title, 0, '2. 未収金残高の推移(目標)', 'section');
  b.text(R.s2Title, lastCol, '(単位:千円)');
  b.merge(R.s2Head, 0, R.s2Head, 1);
  OLDER_PERIODS.forEach((p, i) => {
    b.text(R.s2Head, 2 + i, periodLabel(p), 'code');
    b.put(R.s2Row, 2 + i, {
      value: data.balance[p] ?? null,
      numFmt: amountFmt,
      style: 'input',
      key: `older.balance.${p}`,
    });
  });
  b.text(R.s2Row, 0, '未収金残高');
  b.merge(R.s2Row, 0, R.s2Row, 1);

  // 3. 徴収率及び整理率
  b.text(R.s3Title, 0, '3. 徴収率及び整理率(不納欠損・調定変更)の実績及び目標', 'section');
  b.merge(R.s3Head, 0, R.s3Head, 1);
  OLDER_PERIODS.forEach((p, i) => b.text(R.s3Head, 2 + i, periodLabel(p), 'code'));
  const rateRows: ['current' | 'past', 'collection' | 'settlement'][] = [
    ['current', 'collection'],
    ['current', 'settlement'],
    ['past', 'collection'],
    ['past', 'settlement'],
  ];
  rateRows.forEach(([part, measure], i) => {
    const row = R.s3First + i;
    if (measure === 'collection') {
      b.text(row, 0, part === 'current' ? '現年度' : '過年度');
      b.merge(row, 0, row + 1, 0);
    }
    b.text(row, 1, measure === 'collection' ? '徴収率' : '整理率');
    const values = data.rates[part]?.[measure];
    OLDER_PERIODS.forEach((p, j) => {
      const v = values?.[p];
      b.put(row, 2 + j, {
        // null = the dash a sheet prints for "no figure"; a part the sheet does not have stays blank.
        value: v === undefined ? null : v === null ? '-' : percentToRatio(v),
        numFmt: RATE_FORMAT,
        style: 'input',
        key: `older.rates.${part}.${measure}.${p}`,
      });
    });
  });

  // 4. N年度決算での未収金残高の状況
  b.text(R.s4Title, 0, `4. ${Ny}決算での未収金残高の状況`, 'section');
  b.text(R.s4Title, lastCol, '(単位:千円)');
  b.merge(R.s4Head, 0, R.s4Head, 3);
  b.text(R.s4Head, 4, '人(件)数', 'code');
  b.text(R.s4Head, 5, '金額', 'code');
  b.text(R.s4Head, 6, join(['債務者数', '(実人数)']), 'code');
  const rows: readonly OlderStatusRow[] = OLDER_STATUS_ROWS;
  const rowOf = (k: OlderStatusRow): number => R.s4First + rows.indexOf(k);
  const shown = new Map<string, number | null>();
  const sv = (k: OlderStatusRow, f: 'count' | 'amount'): number => shown.get(`${k}.${f}`) ?? 0;
  // Categories first, then the subtotals, then the total: each result uses what the cells it sums show.
  const computedRows: OlderStatusRow[] = ['collectSubtotal', 'settleSubtotal', 'total'];
  const order: OlderStatusRow[] = [...rows.filter((r) => !computedRows.includes(r)), ...computedRows];
  for (const k of order) {
    const row = rowOf(k);
    const label =
      k === 'currentYear'
        ? `${olderYearTitle(N, style)}賦課分`
        : k === 'pastYears'
          ? `${olderYearTitle(N - 1, style)}以前賦課分`
          : STATUS_LABELS[k];
    b.text(row, 0, label);
    b.merge(row, 0, row, 3);
    const entry = data.status[k];
    for (const [f, col, fmt] of [
      ['count', 4, COUNT_FORMAT],
      ['amount', 5, amountFmt],
    ] as const) {
      const keyName = `older.status.${k}.${f}`;
      const printed = entry?.[f];
      let comp: Computed | null = null;
      if (k === 'collectSubtotal' || k === 'settleSubtotal') {
        const members: OlderStatusRow[] = k === 'collectSubtotal' ? ['1', '2', '3'] : ['4', '5', '6', '7', '8', '9', '10'];
        comp = {
          formula: `SUM(${b.addr(rowOf(members[0]!), col)}:${b.addr(rowOf(members[members.length - 1]!), col)})`,
          result: members.reduce((s, m) => s + sv(m, f), 0),
        };
      } else if (k === 'total') {
        comp = {
          formula: `${b.addr(rowOf('collectSubtotal'), col)}+${b.addr(rowOf('settleSubtotal'), col)}`,
          result: sv('collectSubtotal', f) + sv('settleSubtotal', f),
        };
      }
      if (comp) {
        const base = { numFmt: fmt, style: 'computed' as const, key: keyName };
        const typed = typedUnlessFormula(comp, printed, f === 'count' ? 'count' : 'amount', '-');
        if (typed) b.put(row, col, { ...base, value: typed.value });
        else if (valuesOnly) b.put(row, col, { ...base, value: comp.result });
        else b.put(row, col, { ...base, formula: comp.formula, result: comp.result });
        shown.set(`${k}.${f}`, typed ? (typeof typed.value === 'number' ? typed.value : null) : (comp.result as number));
      } else {
        const v = printed ?? null;
        b.put(row, col, { value: v, numFmt: fmt, style: 'input', key: keyName });
        shown.set(`${k}.${f}`, v);
      }
    }
    if (k === 'total') {
      b.put(row, 6, {
        value: entry?.debtors ?? null,
        numFmt: COUNT_FORMAT,
        style: 'input',
        key: 'older.status.total.debtors',
      });
      b.text(row, 7, '人');
    }
  }

  // 5. N年度の目標達成状況及び取組内容の検証など
  b.text(R.s5Title, 0, `5. ${Ny}の目標達成状況及び取組内容の検証など`, 'section');
  b.text(R.s5Head, 0, '目標達成状況(未収金残高)');
  b.merge(R.s5Head, 0, R.s5Ratings, 1);
  const ratingCols: ['total' | 'current' | 'past', string, number][] = [
    ['total', join(['目標達成状況', '(現年度+過年度)']), 2],
    ['current', 'うち現年度', 4],
    ['past', 'うち過年度', 6],
  ];
  for (const [col, label, c] of ratingCols) {
    b.text(R.s5Head, c, label, 'code');
    b.merge(R.s5Head, c, R.s5Head, c + 1);
    b.put(R.s5Ratings, c, { value: data.ratings[col], style: 'input', key: `older.rating.${col}` });
    b.merge(R.s5Ratings, c, R.s5Ratings, c + 1);
  }
  b.text(
    R.s5Legend,
    0,
    'A: 目標を上回る達成(達成率105%以上) B: 目標を概ね達成(達成率95%以上~105%未満) C1: 目標を達成できなかった(取組は予定どおり実施) C2: 目標を達成できなかった(取組を予定どおり実施しなかった)',
  );
  const narrative: [string, string, string][] = [
    ['現年度の取組内容の検証など', data.narrative.verify.current.取組内容の検証, 'older.narrative.verify.current.取組内容の検証'],
    ['課題', data.narrative.verify.current.課題, 'older.narrative.verify.current.課題'],
    ['過年度の取組内容の検証など', data.narrative.verify.past.取組内容の検証, 'older.narrative.verify.past.取組内容の検証'],
    ['課題', data.narrative.verify.past.課題, 'older.narrative.verify.past.課題'],
  ];
  narrative.forEach(([label, value, k], i) => narrativeRow(b, R.s5First + i, label, value, k, lastCol));

  // 6. N+1年度の取組内容
  b.text(
    R.s6Title,
    0,
    `6. ${olderYearTitle(N + 1, style)}の取組内容(5. ${Ny}の目標達成状況及び取組内容の検証など の内容を踏まえて記載すること)`,
    'section',
  );
  narrativeRow(b, R.s6First, '現年度分', data.narrative.plan.current, 'older.narrative.plan.current', lastCol);
  narrativeRow(b, R.s6First + 1, '過年度分', data.narrative.plan.past, 'older.narrative.plan.past', lastCol);

  b.width(0, 8);
  b.width(1, 10);
  for (let c = 2; c <= lastCol; c++) b.width(c, 13);
  return b.sheet();
}

function narrativeRow(b: LayoutBuilder, row: number, label: string, value: string, key: string, lastCol: number): void {
  b.text(row, 0, label);
  b.merge(row, 0, row, 1);
  b.put(row, 2, { value, style: 'input', key });
  b.merge(row, 2, row, lastCol);
  b.height(row, 48);
}
