// Lays out one current-edition form (未収金目標及び具体取組内容調査書) as cells, the way the published sheets
// print it. Pure: no exceljs, no Node. Computed cells become real formulas over the form's own cells where the
// printed number equals the formula's result, and typed constants where it does not (that is how a real sheet
// carries its mistakes).
import { a1 } from '../grid';
import { excelFormula, type CellPosition } from '../formulas/expr';
import { trendColumn } from '../formulas/trend';
import {
  CARRY_FROM,
  COLLECT_CATEGORIES,
  NARRATIVE_VERIFY_ROWS,
  SETTLE_CATEGORIES,
  TREND_CODES,
  TREND_ROW_DEF,
  TREND_ROWS,
  key,
  type Category,
  type Part,
  type TrendCode,
  type TrendRow,
} from '../model/keys';
import type { SheetData, StatusColumnKey, StatusRowData, TrendRowData } from './sheetData';

export type CellStyle = 'title' | 'section' | 'label' | 'input' | 'computed' | 'code';

export interface LayoutCell {
  /** 0-based, absolute (the offset is already applied). */
  row: number;
  col: number;
  value?: number | string | null;
  /** Without the leading "=". */
  formula?: string;
  /** The cached result of the formula. */
  result?: number | string;
  numFmt?: string;
  style?: CellStyle;
  /** Logical key (form spec §3), e.g. "trend.D.ケ''". */
  key?: string;
}

export interface LayoutMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface LayoutSheet {
  cells: LayoutCell[];
  merges: LayoutMerge[];
  /** Absolute column → width in characters. */
  columnWidths?: Record<number, number>;
  /** Absolute row → height in points. */
  rowHeights?: Record<number, number>;
}

export type YearStyle = 'short' | 'letterH' | 'full' | 'fullwidth';

export interface LayoutOptions {
  /** Offset of the form's top-left cell (0-based); default 1/1, i.e. the form starts at B2. */
  top?: number;
  left?: number;
  /** The reported year N as a Western year (令和元 = 2019). */
  fiscalYear: number;
  /** Year words of the trend rows: '平29'/'令和元', 'H29'/'R1', '平成29年度'/'令和元年度', '平２９'. */
  yearStyle?: YearStyle;
  /** Print the unnumbered ⑮-2 column between ⑮ and ⑯ (default true). */
  with15_2?: boolean;
  /** No formulas at all: computed cells typed as the values they show (a pasted-values copy). */
  valuesOnly?: boolean;
  titleVariant?: string;
  /** Line breaks inside long labels ("未収金\n残高"). */
  splitLabels?: boolean;
  /** What a rate shows when its denominator is 0 (default "-"; published sheets print — or -). */
  dash?: string;
  /** Negative amounts as ▲1,262 (default) or -1,262. */
  negative?: 'triangle' | 'minus';
  /** Print the code row's formula typos "(エ'+エ')" and "(カ'+カ')" as on some published sheets (default false). */
  codeRowTypo?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Year words

const FULLWIDTH_DIGITS = '０１２３４５６７８９';

function toFullwidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => FULLWIDTH_DIGITS[Number(d)]!);
}

function era(year: number): { name: string; short: string; letter: string; n: number } {
  if (year >= 2019) return { name: '令和', short: '令和', letter: 'R', n: year - 2018 };
  if (year >= 1989) return { name: '平成', short: '平', letter: 'H', n: year - 1988 };
  throw new Error(`年度 ${year} は平成・令和の範囲外です`);
}

/** A trend-row year word: 平29 / 令和元 (short), H29 / R1, 平成29年度 / 令和元年度, 平２９. */
export function yearLabel(year: number, style: YearStyle = 'short'): string {
  const e = era(year);
  const n = e.n === 1 ? '元' : String(e.n);
  switch (style) {
    case 'short':
      return `${e.short}${n}`;
    case 'letterH':
      return `${e.letter}${e.n}`;
    case 'full':
      return `${e.name}${n}年度`;
    case 'fullwidth':
      return toFullwidth(`${e.short}${n}`);
  }
}

/** The year word of titles and sentences: 令和元年度, 平成30年度 (full-width digits with 'fullwidth'). */
export function yearTitle(year: number, style: YearStyle = 'short'): string {
  const e = era(year);
  const s = `${e.name}${e.n === 1 ? '元' : e.n}年度`;
  return style === 'fullwidth' ? toFullwidth(s) : s;
}

// ---------------------------------------------------------------------------------------------
// Shared building blocks (the older layout uses them too)

export const COUNT_FORMAT = '#,##0';
export const RATE_FORMAT = '0.0%';

export function amountFormat(negative: 'triangle' | 'minus' = 'triangle'): string {
  return negative === 'minus' ? '#,##0;-#,##0' : '#,##0;"▲"#,##0';
}

/** Percent at the form's display precision (0.1 point), half away from zero like Excel's display. */
export function ratioToPercent(ratio: number): number {
  const tenths = Number((Math.abs(ratio) * 1000).toPrecision(12));
  const r = Math.round(tenths) / 10;
  return ratio < 0 ? -r : r;
}

/** A printed percentage (44.4) as the ratio a typed cell holds (0.444), without float noise. */
export function percentToRatio(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

/** Collects cells and merges at an offset; positions passed in are relative to the form's top-left. */
export class LayoutBuilder {
  readonly cells: LayoutCell[] = [];
  readonly merges: LayoutMerge[] = [];
  readonly columnWidths: Record<number, number> = {};
  readonly rowHeights: Record<number, number> = {};

  constructor(
    readonly top: number,
    readonly left: number,
  ) {}

  /** A1 address of a relative position. */
  addr(row: number, col: number): string {
    return a1(this.top + row, this.left + col);
  }

  put(row: number, col: number, cell: Omit<LayoutCell, 'row' | 'col'>): LayoutCell {
    const c: LayoutCell = { row: this.top + row, col: this.left + col, ...cell };
    this.cells.push(c);
    return c;
  }

  text(row: number, col: number, value: string, style: CellStyle = 'label'): void {
    this.put(row, col, { value, style });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.merges.push({ top: this.top + top, left: this.left + left, bottom: this.top + bottom, right: this.left + right });
  }

  width(col: number, w: number): void {
    this.columnWidths[this.left + col] = w;
  }

  height(row: number, h: number): void {
    this.rowHeights[this.top + row] = h;
  }

  sheet(): LayoutSheet {
    return { cells: this.cells, merges: this.merges, columnWidths: this.columnWidths, rowHeights: this.rowHeights };
  }
}

/** What one computed cell becomes: the formula when the printed value is its result, else the printed value. */
export interface Computed {
  formula: string;
  result: number | string;
}

/**
 * Places a computed cell. `printed` undefined or null (an amount) = blank on the sheet; for a rate null is the
 * dash. Returns the value the cell shows, for the formulas that reference it.
 */
export function placeComputed(
  b: LayoutBuilder,
  row: number,
  col: number,
  c: Computed,
  printed: number | null | undefined,
  kind: 'amount' | 'count' | 'rate',
  opts: { numFmt: string; key: string; valuesOnly: boolean; dash: string },
): number | null {
  const base = { numFmt: opts.numFmt, style: 'computed' as const, key: opts.key };
  const useFormula = (shown: number | null): number | null => {
    if (opts.valuesOnly) b.put(row, col, { ...base, value: c.result });
    else b.put(row, col, { ...base, formula: c.formula, result: c.result });
    return shown;
  };
  const typed = (value: number | string | null, shown: number | null): number | null => {
    b.put(row, col, { ...base, value });
    return shown;
  };
  if (kind === 'rate') {
    if (printed === undefined) return typed(null, null);
    if (printed === null) return c.result === opts.dash ? useFormula(null) : typed(opts.dash, null);
    if (typeof c.result === 'number' && ratioToPercent(c.result) === printed) return useFormula(c.result);
    return typed(percentToRatio(printed), percentToRatio(printed));
  }
  if (printed === undefined || printed === null) return typed(null, null);
  if (printed === c.result) return useFormula(printed);
  return typed(printed, printed);
}

// ---------------------------------------------------------------------------------------------
// The current edition

const TREND_COLUMN_NAMES: Record<TrendCode, string[]> = {
  ア: ['前年度からの', '調定繰越額'],
  イ: ['年度中の', '調定減少額'],
  ウ: ['調定額'],
  エ: ['徴収額'],
  オ: ['不納欠損額'],
  カ: ['整理額'],
  キ: ['徴収率'],
  ク: ['整理率'],
  ケ: ['未収金残高'],
  "ウ'": ['調定額'],
  "エ'": ['徴収額'],
  "オ'": ['不納欠損額'],
  "カ'": ['整理額'],
  "キ'": ['徴収率'],
  "ク'": ['整理率'],
  "ケ'": ['未収金残高'],
  "キ''": ['徴収率'],
  "ク''": ['整理率'],
  "ケ''": ['未収金残高'],
};

/** The code row as printed: code, then its formula (the typo variant as on some published sheets). */
function codeRowText(code: TrendCode, typo: boolean): string[] {
  switch (code) {
    case 'ア':
      return ['ア', '=前年度ケ'];
    case 'イ':
      return ['イ', '=ア-ウ', '(▲=増加を表す)'];
    case 'カ':
      return ['カ', '=イ+エ+オ'];
    case 'キ':
      return ['キ', '=エ÷ウ'];
    case 'ク':
      return ['ク', '=カ÷ア'];
    case 'ケ':
      return ['ケ', '=ウ-(エ+オ)'];
    case "カ'":
      return ["カ'", "=エ'+オ'"];
    case "キ'":
      return ["キ'", "=エ'÷ウ'"];
    case "ク'":
      return ["ク'", "=カ'÷ウ'"];
    case "ケ'":
      return ["ケ'", "=ウ'-(エ'+オ')"];
    case "キ''":
      return ["キ''", typo ? "=(エ'+エ')" : "=(エ+エ')", "÷(ウ+ウ')"];
    case "ク''":
      return ["ク''", typo ? "=(カ'+カ')" : "=(カ+カ')", "÷(ア+ウ')"];
    case "ケ''":
      return ["ケ''", "=ケ+ケ'"];
    default:
      return [code];
  }
}

const RATE_CODES: ReadonlySet<TrendCode> = new Set(['キ', 'ク', "キ'", "ク'", "キ''", "ク''"]);
const INPUT_CODES: ReadonlySet<TrendCode> = new Set(['ウ', 'エ', 'オ', "ウ'", "エ'", "オ'"]);

/** Short descriptions of the categories, in our own words (the form prints longer ones). */
const CATEGORY_TEXT: Record<Category, string> = {
  '1': '滞納発生の直後で、督促状をまだ送付していないもの',
  '2': '督促状の送付後、文書・電話による催告や納付交渉を行っているもの',
  '3': '督促状の送付後、財産・所在・相続人の調査を行っているもの',
  '4': '【強制公】差押えの手続中又は交付要求中のもの',
  '5': '【強制公】差押え後、換価の手続中又は換価を予定しているもの',
  '6': '分割納付等を履行中で、10年以内に完納する見込みのもの',
  '7': '分割納付等を履行中だが、完納まで10年以上かかるもの',
  '8': '履行延期の特約等により、資力の回復を待ち又は納付を猶予しているもの',
  '9': '分割納付等の履行が滞り、改めて納付交渉を行っているもの',
  '10': '【強制公】差押えたが換価の見込みがなく、回収が見込めないもの',
  '11': '調査を尽くしても所在不明又は相続人が確定しないもの',
  '12': '債務整理の受任通知が届いている又は破産手続中のもの',
  '13': '破産免責決定を受けたもの',
  '14': '【強制公】滞納処分の執行停止を決議したもの',
  '15': '生活に困窮しているが、債権の性質上、停止の決議ができないもの',
  // The spec identifies the unnumbered column by this description.
  '15-2': '債務者が無資力だが、納付交渉に応じず、履行延期の特約等を行えないもの',
  '16': '消滅時効の期間が経過したもの',
};

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯';

function circled(c: Category): string {
  return c === '15-2' ? '' : CIRCLED[Number(c) - 1]!;
}

/** Relative row numbers of the form's parts. */
export const CURRENT_ROWS = {
  title: 0,
  header: 2,
  s1Title: 4,
  s1Example: 5,
  ratings: 6,
  legend: 7,
  s2Title: 9,
  s2Unit: 10,
  s2Groups: 11,
  s2Names: 12,
  s2Codes: 13,
  trendFirst: 14,
  s3Title: 22,
  s3Unit: 23,
  s3Groups: 24,
  s3Numbers: 25,
  s3Descriptions: 26,
  statusFirst: 27,
  notesTitle: 32,
  summaryDebtors: 37,
  summaryCases: 38,
  summaryBalance: 39,
  s4Title: 41,
  s4Head: 42,
  s4First: 43,
  s5Title: 48,
  s5Head: 49,
  s5Row: 50,
} as const;

const TREND_FIRST_COL = 2;

export function statusColumns(with15_2: boolean): StatusColumnKey[] {
  const settle = SETTLE_CATEGORIES.filter((c) => with15_2 || c !== '15-2');
  return [...COLLECT_CATEGORIES, 'collect', ...settle, 'settle', 'total'];
}

function assertNo15_2(data: SheetData): void {
  for (const part of ['past', 'current'] as const) {
    for (const m of ['count', 'balance'] as const) {
      const v = data.categories[part][m]['15-2'];
      if (v !== undefined && v !== null) {
        throw new Error(
          `⑮-2 の列がない様式 (with15_2: false) に、status.${part}.${m}.15-2 の値 ${v} は配置できません。` +
            'with15_2 を true にするか、データから ⑮-2 を除いてください。',
        );
      }
    }
  }
}

export function layoutCurrentForm(data: SheetData, opts: LayoutOptions): LayoutSheet {
  const with15_2 = opts.with15_2 ?? true;
  if (!with15_2) assertNo15_2(data);
  const N = opts.fiscalYear;
  const style = opts.yearStyle ?? 'short';
  const split = opts.splitLabels ?? false;
  const dash = opts.dash ?? '-';
  const valuesOnly = opts.valuesOnly ?? false;
  const amountFmt = amountFormat(opts.negative);
  const join = (parts: string[], sep = ''): string => parts.join(split ? '\n' : sep);
  const b = new LayoutBuilder(opts.top ?? 1, opts.left ?? 1);
  const R = CURRENT_ROWS;
  const cols = statusColumns(with15_2);
  const lastCol = TREND_FIRST_COL + cols.length - 1;
  const Ny = yearTitle(N, style);

  // Title and header
  b.text(R.title, 0, opts.titleVariant ?? '未収金目標及び具体取組内容調査書', 'title');
  b.merge(R.title, 0, R.title, lastCol);
  const header: [string, keyof SheetData['header'], number, number, number][] = [
    // label, field, label col, value col, value last col
    ['所属', 'bureau', 0, 1, 2],
    ['担当', 'section', 3, 4, 5],
    ['債権整理番号(3ケタ)', 'claimNo', 6, 8, 8],
    ['債権区分', 'claimType', 9, 10, 12],
    ['債権名', 'claimName', 13, 15, lastCol],
  ];
  for (const [label, field, lc, vc, vEnd] of header) {
    b.text(R.header, lc, label);
    if (vc - lc > 1) b.merge(R.header, lc, R.header, vc - 1);
    b.put(R.header, vc, { value: data.header[field], style: 'input', key: key.header(field) });
    b.merge(R.header, vc, R.header, vEnd);
  }

  // Section 1
  b.text(
    R.s1Title,
    0,
    `1. ${Ny}の修正目標(=未収金残高目標)の達成状況 … いずれかの記号を入力 ※修正目標(=前年度または「努力目標」) … 当年度当初に、前年度末の未収金残高の結果を踏まえて、当初目標を修正したもの`,
    'section',
  );
  b.text(
    R.s1Example,
    0,
    ` (例)${Ny}修正目標=${Ny}当初に、${yearTitle(N - 1, style)}末の未収金残高の結果を踏まえて、${Ny}当初目標を修正したもの`,
  );
  const ratingCells: [string, 'past' | 'current' | 'total', number, number, number][] = [
    ['過年度', 'past', 0, 1, 2],
    ['現年度', 'current', 3, 4, 5],
    [join(['合計', '(過年度+現年度)']), 'total', 6, 8, 9],
  ];
  for (const [label, col, lc, lEnd, vc] of ratingCells) {
    b.text(R.ratings, lc, label);
    b.merge(R.ratings, lc, R.ratings, lEnd);
    b.put(R.ratings, vc, { value: data.ratings[col], style: 'input', key: key.rating(col) });
  }
  b.text(
    R.legend,
    0,
    `「A」… 目標達成、「B1」… 取組みは予定通り実施したが、目標は未達、「B2」… 取組みを予定通り実施できず、目標も未達、「${dash}」… 当年度中に新規発生した債権のため、前年度時点で目標未設定`,
  );

  // Section 2: the trend table
  b.text(
    R.s2Title,
    0,
    '2. 未収金の推移(実績及び目標) … 色付け箇所のみ、百円単位を四捨五入した、千円単位の整数 ※当初目標 … 前年度中に設定する当年度の目標',
    'section',
  );
  const trendLast = TREND_FIRST_COL + TREND_CODES.length - 1;
  b.text(R.s2Unit, trendLast, '(単位:千円)');
  b.merge(R.s2Groups, 0, R.s2Codes, 1);
  const groups: [string, number, number][] = [
    ['過年度分', 0, 8],
    ['現年度分', 9, 15],
    ['合計', 16, 18],
  ];
  for (const [label, from, to] of groups) {
    b.text(R.s2Groups, TREND_FIRST_COL + from, label);
    b.merge(R.s2Groups, TREND_FIRST_COL + from, R.s2Groups, TREND_FIRST_COL + to);
  }
  TREND_CODES.forEach((code, i) => {
    b.text(R.s2Names, TREND_FIRST_COL + i, join(TREND_COLUMN_NAMES[code]));
    b.text(R.s2Codes, TREND_FIRST_COL + i, join(codeRowText(code, opts.codeRowTypo ?? false), ' '), 'code');
  });
  b.height(R.s2Names, split ? 30 : 18);
  b.height(R.s2Codes, 42);

  const trendRowIndex = (r: TrendRow): number => R.trendFirst + TREND_ROWS.indexOf(r);
  const trendCol = (code: TrendCode): number => TREND_FIRST_COL + TREND_CODES.indexOf(code);
  const tPos = (r: TrendRow, code: TrendCode): CellPosition => {
    const [row, col] = [trendRowIndex(r), trendCol(code)];
    return { row: b.top + row, col: b.left + col, address: b.addr(row, col) };
  };
  const tAddr = (r: TrendRow, code: TrendCode): string => tPos(r, code).address;
  const shown = new Map<string, number | null>();
  const val = (r: TrendRow, code: TrendCode): number => shown.get(`${r}.${code}`) ?? 0;

  for (const r of TREND_ROWS) {
    const row = trendRowIndex(r);
    const def = TREND_ROW_DEF[r];
    b.text(row, 0, r, 'code');
    b.text(row, 1, `${yearLabel(N + def.offset, style)} ${def.stage}`);
    const d: TrendRowData | null = data.trend[r];
    const isInput = (code: TrendCode): boolean => INPUT_CODES.has(code) || (code === 'ア' && r === 'A');
    // Inputs first: イ (= ア − ウ) sits left of ウ but needs it.
    for (const code of TREND_CODES.filter(isInput)) {
      const v = d?.[code] ?? null;
      b.put(row, trendCol(code), { value: v, numFmt: amountFmt, style: 'input', key: key.trend(r, code) });
      shown.set(`${r}.${code}`, v);
    }
    for (const code of TREND_CODES.filter((c) => !isInput(c))) {
      const col = trendCol(code);
      const k = key.trend(r, code);
      const isRate = RATE_CODES.has(code);
      const numFmt = isRate ? RATE_FORMAT : amountFmt;
      if (d === null) {
        // A row nobody filled in: every cell blank, formulas cleared.
        b.put(row, col, { value: null, numFmt, style: 'computed', key: k });
        shown.set(`${r}.${code}`, null);
        continue;
      }
      const c = trendFormula(r, code, tPos, val, dash);
      const s = placeComputed(b, row, col, c, d[code], isRate ? 'rate' : 'amount', { numFmt, key: k, valuesOnly, dash });
      shown.set(`${r}.${code}`, s);
    }
  }

  // Section 3: status of N's receivables
  b.text(
    R.s3Title,
    0,
    `3. ${Ny}決算見込における未収金実績の状況(区分別の未収債権の件数・未収金残高、債務者数) … 未収債権の件数及び債務者数については、色付け箇所のみ、整数で入力。未収金残高については、色付け箇所のみ、百円単位を四捨五入した、千円単位の整数で入力`,
    'section',
  );
  b.text(R.s3Unit, lastCol, '(残高の単位:千円)');
  const sCol = (c: StatusColumnKey): number => TREND_FIRST_COL + cols.indexOf(c);
  b.text(R.s3Groups, 0, '分類');
  b.merge(R.s3Groups, 0, R.s3Descriptions, 1);
  b.text(R.s3Groups, sCol('1'), '回収債権');
  b.merge(R.s3Groups, sCol('1'), R.s3Groups, sCol('collect'));
  b.text(R.s3Groups, sCol('10'), '整理債権');
  b.merge(R.s3Groups, sCol('10'), R.s3Groups, sCol('settle'));
  b.text(R.s3Groups, sCol('total'), '合計');
  b.merge(R.s3Groups, sCol('total'), R.s3Descriptions, sCol('total'));
  for (const c of cols) {
    if (c === 'total') continue;
    if (c === 'collect' || c === 'settle') {
      b.text(R.s3Numbers, sCol(c), '計');
      b.merge(R.s3Numbers, sCol(c), R.s3Descriptions, sCol(c));
      continue;
    }
    const mark = circled(c);
    if (mark) b.text(R.s3Numbers, sCol(c), mark, 'code');
    b.text(R.s3Descriptions, sCol(c), CATEGORY_TEXT[c]);
  }
  b.height(R.s3Descriptions, 96);

  const statusRows: [Part, 'count' | 'balance', string[]][] = [
    ['past', 'count', ['未収債権', 'の件数']],
    ['past', 'balance', ['未収金', '残高']],
    ['current', 'count', ['未収債権', 'の件数']],
    ['current', 'balance', ['未収金', '残高']],
  ];
  const totalAddr: Partial<Record<string, { addr: string; shown: number | null }>> = {};
  statusRows.forEach(([part, m, label], i) => {
    const row = R.statusFirst + i;
    if (m === 'count') {
      b.text(row, 0, part === 'past' ? '過年度' : '現年度');
      b.merge(row, 0, row + 1, 0);
    }
    b.text(row, 1, join(label));
    const d: StatusRowData = data.categories[part][m];
    const numFmt = m === 'count' ? COUNT_FORMAT : amountFmt;
    const shownHere = new Map<StatusColumnKey, number | null>();
    const sv = (c: StatusColumnKey): number => shownHere.get(c) ?? 0;
    for (const c of cols) {
      const col = sCol(c);
      const k = key.status(part, m, c);
      if (c !== 'collect' && c !== 'settle' && c !== 'total') {
        const v = d[c] ?? null;
        b.put(row, col, { value: v, numFmt, style: 'input', key: k });
        shownHere.set(c, v);
        continue;
      }
      let comp: Computed;
      if (c === 'total') {
        comp = {
          formula: `${b.addr(row, sCol('collect'))}+${b.addr(row, sCol('settle'))}`,
          result: sv('collect') + sv('settle'),
        };
      } else {
        const members = c === 'collect' ? COLLECT_CATEGORIES : SETTLE_CATEGORIES.filter((x) => cols.includes(x));
        const first = members[0]!;
        const last = members[members.length - 1]!;
        comp = {
          formula: `SUM(${b.addr(row, sCol(first))}:${b.addr(row, sCol(last))})`,
          result: members.reduce((s, x) => s + sv(x), 0),
        };
      }
      const s = placeComputed(b, row, col, comp, d[c], m === 'count' ? 'count' : 'amount', {
        numFmt,
        key: k,
        valuesOnly,
        dash,
      });
      shownHere.set(c, s);
      if (c === 'total') totalAddr[`${part}.${m}`] = { addr: b.addr(row, col), shown: s };
    }
  });

  b.text(R.notesTitle, 0, '【未収債権の件数及び債務者数並びに分類の考え方】');
  const notes = [
    ' ① 未収債権の件数は、原則として調定件数とする。調定をまとめて行っている場合は、実際の債権の件数とする。',
    ' ② 連帯債務者や連帯保証人がいる債権も1件・債務者1人と数え、3の表は状況が最も進んでいる者で分類する。',
    ' ③ 相続された債権は1件・債務者1人と数え、3の表は相続した債務額が最も大きい相続人の状況で分類する。',
    ' ※ 未収債権の進捗状況 … ① → ② → ③ → 回収債権: (④ → ⑤) 又は ⑥ 又は ⑦ 又は ⑧ 又は ⑨ / 整理債権: (⑩ 又は ⑪ 又は (⑫ → ⑬) → ⑭) 又は ⑮ → ⑯',
  ];
  notes.forEach((t, i) => b.text(R.notesTitle + 1 + i, 0, t));

  // Summary
  const summaryLabel = (row: number, text: string): void => {
    b.text(row, 0, text);
    b.merge(row, 0, row, 7);
  };
  summaryLabel(R.summaryDebtors, join([`${Ny} `, '決算見込における', '債務者数']));
  b.put(R.summaryDebtors, 8, {
    value: data.summary.debtors,
    numFmt: COUNT_FORMAT,
    style: 'input',
    key: key.summary('debtors'),
  });
  b.text(R.summaryDebtors, 9, '人');
  summaryLabel(R.summaryCases, join([`${Ny}決算見込における`, '未収債権の件数(過年度+現年度)']));
  const pastCount = totalAddr['past.count'];
  const currentCount = totalAddr['current.count'];
  placeComputed(
    b,
    R.summaryCases,
    8,
    {
      formula: `${pastCount?.addr ?? '0'}+${currentCount?.addr ?? '0'}`,
      result: (pastCount?.shown ?? 0) + (currentCount?.shown ?? 0),
    },
    data.summary.cases,
    'count',
    { numFmt: COUNT_FORMAT, key: key.summary('cases'), valuesOnly, dash },
  );
  summaryLabel(
    R.summaryBalance,
    join([`${Ny}決算見込における`, '未収金残高(過年度+現年度)', ` = 上記2のD(${Ny}実績)のケ及びケ'`]),
  );
  placeComputed(
    b,
    R.summaryBalance,
    8,
    { formula: tAddr('D', "ケ''"), result: val('D', "ケ''") },
    data.summary.balance,
    'amount',
    { numFmt: amountFmt, key: key.summary('balance'), valuesOnly, dash },
  );
  if (split) {
    for (const r of [R.summaryDebtors, R.summaryCases, R.summaryBalance]) b.height(r, 30);
  }

  // Sections 4 and 5: narrative
  const narrativeHead = (row: number): void => {
    b.merge(row, 0, row, 1);
    b.text(row, 2, '過年度');
    b.merge(row, 2, row, 10);
    b.text(row, 11, '現年度');
    b.merge(row, 11, row, lastCol);
  };
  const narrativeRow = (row: number, label: string, past: string, current: string, keys: [string, string]): void => {
    b.text(row, 0, label);
    b.merge(row, 0, row, 1);
    b.put(row, 2, { value: past, style: 'input', key: keys[0] });
    b.merge(row, 2, row, 10);
    b.put(row, 11, { value: current, style: 'input', key: keys[1] });
    b.merge(row, 11, row, lastCol);
    b.height(row, 48);
  };
  b.text(R.s4Title, 0, `4. ${Ny}の取組内容の検証など`, 'section');
  narrativeHead(R.s4Head);
  NARRATIVE_VERIFY_ROWS.forEach((name, i) => {
    narrativeRow(R.s4First + i, name, data.narrative.verify.past[name], data.narrative.verify.current[name], [
      key.verify('past', name),
      key.verify('current', name),
    ]);
  });
  const Ny1 = yearTitle(N + 1, style);
  b.text(
    R.s5Title,
    0,
    `5. ${Ny1}の取組内容 … 「1. ${Ny}の修正目標(＝未収金残高目標)の達成状況」及び「4. ${Ny}の取組内容の検証など」の内容を踏まえて記載`,
    'section',
  );
  narrativeHead(R.s5Head);
  narrativeRow(R.s5Row, '取組内容', data.narrative.plan.past, data.narrative.plan.current, [
    key.plan('past'),
    key.plan('current'),
  ]);

  b.width(0, 5);
  b.width(1, split ? 12 : 16);
  for (let c = TREND_FIRST_COL; c <= lastCol; c++) b.width(c, 11);
  return b.sheet();
}

/**
 * The formula of one computed trend cell (spec §2), with its result from the values the cells show: the column's
 * single definition (TREND_COMPUTED) written as a formula over the form's own cells, as 「数式を入れる」 writes it.
 */
function trendFormula(
  r: TrendRow,
  code: TrendCode,
  at: (r: TrendRow, code: TrendCode) => CellPosition,
  v: (r: TrendRow, code: TrendCode) => number,
  dash: string,
): Computed {
  if (code === 'ア') {
    const from = CARRY_FROM[r];
    if (!from) throw new Error(`row ${r} has no carry source`);
    return { formula: at(from, "ケ''").address, result: v(from, "ケ''") };
  }
  const col = trendColumn(code);
  if (!col) throw new Error(`${code} is an input, not a computed column`);
  return {
    formula: excelFormula(col.expr, (c) => at(r, c), dash),
    result: col.compute((c) => v(r, c)) ?? dash,
  };
}
