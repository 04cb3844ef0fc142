// The one definition of the current edition's layout (未収金目標及び具体取組内容調査書): where every label, input
// cell, computed cell and formula sits relative to the form's top-left, its year words, styles (input shading
// 色付け箇所, 千円 and % formats), drop-down lists, column widths and print setup. The blank template
// (`mishukin new`), the rolled-over form (`mishukin rollover`) and the fixtures of published sheets are all drawn
// by layoutCurrentForm. Pure: no exceljs, no Node. Every computed cell is a plain Excel formula over the form's own
// cells, from the one definition of the form's arithmetic (formulas/trend.ts, formulas/expr.ts), with its cached
// result; a fixture may type a constant over one (`override`), as a real sheet carries a mistake.
import { computedFieldsOf, type ComputedField } from '../formulas/computed';
import { HEADER_CELLS, RATING_CELLS, SUMMARY_VALUE_COL } from './geometry';
import { evaluate, excelFormula, type CellPosition } from '../formulas/expr';
import {
  COLLECT_CATEGORIES,
  HEADER_FIELDS,
  NARRATIVE_VERIFY_ROWS,
  RATING_COLUMNS,
  SETTLE_CATEGORIES,
  TREND_CODES,
  TREND_INPUTS,
  TREND_RATES,
  TREND_ROW_DEF,
  TREND_ROWS,
  key,
  type Category,
  type Part,
  type TrendCode,
  type TrendRow,
} from '../model/keys';
import {
  amountFormat,
  COUNT_FORMAT,
  LayoutBuilder,
  RATE_FORMAT,
  type LayoutCell,
  type LayoutSheet,
  type NegativeStyle,
} from './sheet';
import type { SheetData, StatusColumnKey, StatusRowData } from './sheetData';
import { yearLabel, yearTitle, type YearStyle } from './yearWords';

export type { CellStyle, LayoutCell, LayoutMerge, LayoutSheet } from './sheet';

/** A computed cell's formula (without "=") and the value it gives over the cells it reads. */
export interface Computed {
  formula: string;
  result: number | string;
}

/** A constant typed over a computed cell instead of its formula; null leaves the cell blank. */
export interface TypedOverCell {
  value: number | string | null;
}

/** Decides, per computed cell, whether it holds a typed constant instead of its formula (undefined: the formula). */
export type ComputedOverride = (key: string, computed: Computed) => TypedOverCell | undefined;

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
  /** What a rate shows when its denominator is 0, and the "no target" rating (default "—"). */
  dash?: string;
  /** Negative amounts as ▲1,262 (default) or -1,262. */
  negative?: NegativeStyle;
  /** Print the code row's formula typos "(エ'+エ')" and "(カ'+カ')" as on some published sheets (default false). */
  codeRowTypo?: boolean;
  /** Lock the computed cells (sheet protection without a password); input cells stay open. */
  protect?: boolean;
  /** Constants typed over computed cells (fixtures of published sheets). */
  override?: ComputedOverride;
}

/** The dash the form prints (a rate over 0, the rating of a claim without a target). */
export const FORM_DASH = '—';

/** The three classes of 債権区分 as the form names them. */
export const CLAIM_TYPES = ['強制徴収公債権(強制公)', '非強制徴収公債権(非強公)', '私債権'] as const;
export const RATING_CODES = ['A', 'B1', 'B2', FORM_DASH] as const;

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

const RATE_CODES: ReadonlySet<TrendCode> = new Set(TREND_RATES);

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


/** Printed pages (relative rows that start one): the numbers (sections 1–3 and the summary), then the narrative. */
const PAGE_STARTS = [CURRENT_ROWS.s4Title];
/** Room for a few lines of narrative per row, in points. */
const NARRATIVE_ROW_HEIGHT = 90;

const CLAIM_TYPE_VALIDATION = {
  list: CLAIM_TYPES,
  prompt: { title: '債権区分', text: '一覧から選んでください(強制徴収公債権・非強制徴収公債権・私債権)。' },
  error: { title: '債権区分', text: '債権区分は一覧の3つ(強制徴収公債権(強制公)・非強制徴収公債権(非強公)・私債権)から選んでください。' },
};

function ratingValidation(dash: string) {
  return {
    list: ['A', 'B1', 'B2', dash],
    prompt: {
      title: '達成状況',
      text: `A 目標達成 / B1 取組みは予定通り実施したが目標は未達 / B2 取組みを予定通り実施できず目標も未達 / ${dash} 当年度中に新規発生した債権のため目標未設定`,
    },
    error: { title: '達成状況', text: `A・B1・B2・${dash} のいずれかを一覧から選んでください。` },
  };
}

export function layoutCurrentForm(data: SheetData, opts: LayoutOptions): LayoutSheet {
  const with15_2 = opts.with15_2 ?? true;
  if (!with15_2) assertNo15_2(data);
  const N = opts.fiscalYear;
  const style = opts.yearStyle ?? 'short';
  const split = opts.splitLabels ?? false;
  const dash = opts.dash ?? FORM_DASH;
  const amountFmt = amountFormat(opts.negative);
  const join = (parts: string[], sep = ''): string => parts.join(split ? '\n' : sep);
  const b = new LayoutBuilder(opts.top ?? 1, opts.left ?? 1);
  const R = CURRENT_ROWS;
  const cols = statusColumns(with15_2);
  const lastCol = TREND_FIRST_COL + cols.length - 1;
  const Ny = yearTitle(N, style);

  // Every field's relative position; input values for the arithmetic; computed cells wait until all are known.
  const at = new Map<string, [number, number]>();
  const inputValues = new Map<string, number>();
  const computedFormats = new Map<string, string>();
  const input = (row: number, col: number, k: string, value: number | string | null | undefined, numFmt?: string): LayoutCell => {
    const v = value === undefined || value === '' ? null : value;
    at.set(k, [row, col]);
    if (typeof v === 'number') inputValues.set(k, v);
    return b.put(row, col, numFmt === undefined ? { value: v, style: 'input', key: k } : { value: v, numFmt, style: 'input', key: k });
  };
  const computed = (row: number, col: number, k: string, numFmt: string): void => {
    at.set(k, [row, col]);
    computedFormats.set(k, numFmt);
  };

  // Title and header
  b.text(R.title, 0, opts.titleVariant ?? '未収金目標及び具体取組内容調査書', 'title');
  b.merge(R.title, 0, R.title, lastCol);
  const header = HEADER_FIELDS.map((f) => [f, ...HEADER_CELLS[f]] as const);
  for (const [field, label, lc, vc, vEndOrLast] of header) {
    const vEnd = vEndOrLast ?? lastCol;
    b.text(R.header, lc, label);
    if (vc - lc > 1) b.merge(R.header, lc, R.header, vc - 1);
    input(R.header, vc, key.header(field), data.header[field]);
    b.merge(R.header, vc, R.header, vEnd);
  }
  b.validate([[R.header, 10]], CLAIM_TYPE_VALIDATION);

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
  const ratingCells: Record<(typeof RATING_COLUMNS)[number], [string, number, number, number]> = {
    // label, label col, label last col, value col
    past: ['過年度', ...RATING_CELLS.past],
    current: ['現年度', ...RATING_CELLS.current],
    total: [join(['合計', '(過年度+現年度)']), ...RATING_CELLS.total],
  };
  for (const col of RATING_COLUMNS) {
    const [label, lc, lEnd, vc] = ratingCells[col];
    b.text(R.ratings, lc, label);
    b.merge(R.ratings, lc, R.ratings, lEnd);
    input(R.ratings, vc, key.rating(col), data.ratings[col]);
  }
  b.validate(
    RATING_COLUMNS.map((c) => [R.ratings, ratingCells[c][3]]),
    ratingValidation(dash),
  );
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
    b.text(R.s2Groups, TREND_FIRST_COL + from, label, 'code');
    b.merge(R.s2Groups, TREND_FIRST_COL + from, R.s2Groups, TREND_FIRST_COL + to);
  }
  TREND_CODES.forEach((code, i) => {
    b.text(R.s2Names, TREND_FIRST_COL + i, join(TREND_COLUMN_NAMES[code]), 'code');
    b.text(R.s2Codes, TREND_FIRST_COL + i, join(codeRowText(code, opts.codeRowTypo ?? false), ' '), 'code');
  });
  b.height(R.s2Names, split ? 30 : 24);
  b.height(R.s2Codes, 42);

  TREND_ROWS.forEach((r, i) => {
    const row = R.trendFirst + i;
    const def = TREND_ROW_DEF[r];
    b.text(row, 0, r, 'code');
    b.text(row, 1, `${yearLabel(N + def.offset, style)} ${def.stage}`, 'code');
    TREND_CODES.forEach((code, j) => {
      const col = TREND_FIRST_COL + j;
      const k = key.trend(r, code);
      // ア is typed only in row A; elsewhere it carries ケ'' of an earlier row.
      const isInput = TREND_INPUTS.includes(code) && (code !== 'ア' || r === 'A');
      if (isInput) input(row, col, k, data.trend[r]?.[code], amountFmt);
      else computed(row, col, k, RATE_CODES.has(code) ? RATE_FORMAT : amountFmt);
    });
  });

  // Section 3: status of N's receivables
  b.text(
    R.s3Title,
    0,
    `3. ${Ny}決算見込における未収金実績の状況(区分別の未収債権の件数・未収金残高、債務者数) … 未収債権の件数及び債務者数については、色付け箇所のみ、整数で入力。未収金残高については、色付け箇所のみ、百円単位を四捨五入した、千円単位の整数で入力`,
    'section',
  );
  b.text(R.s3Unit, lastCol, '(残高の単位:千円)');
  const sCol = (c: StatusColumnKey): number => TREND_FIRST_COL + cols.indexOf(c);
  b.text(R.s3Groups, 0, '分類', 'code');
  b.merge(R.s3Groups, 0, R.s3Descriptions, 1);
  b.text(R.s3Groups, sCol('1'), '回収債権', 'code');
  b.merge(R.s3Groups, sCol('1'), R.s3Groups, sCol('collect'));
  b.text(R.s3Groups, sCol('10'), '整理債権', 'code');
  b.merge(R.s3Groups, sCol('10'), R.s3Groups, sCol('settle'));
  b.text(R.s3Groups, sCol('total'), '合計', 'code');
  b.merge(R.s3Groups, sCol('total'), R.s3Descriptions, sCol('total'));
  for (const c of cols) {
    if (c === 'total') continue;
    if (c === 'collect' || c === 'settle') {
      b.text(R.s3Numbers, sCol(c), '計', 'code');
      b.merge(R.s3Numbers, sCol(c), R.s3Descriptions, sCol(c));
      continue;
    }
    const mark = circled(c);
    if (mark) b.text(R.s3Numbers, sCol(c), mark, 'code');
    b.text(R.s3Descriptions, sCol(c), CATEGORY_TEXT[c], 'code');
  }
  b.height(R.s3Descriptions, 96);

  const statusRows: [Part, 'count' | 'balance', string[]][] = [
    ['past', 'count', ['未収債権', 'の件数']],
    ['past', 'balance', ['未収金', '残高']],
    ['current', 'count', ['未収債権', 'の件数']],
    ['current', 'balance', ['未収金', '残高']],
  ];
  statusRows.forEach(([part, m, label], i) => {
    const row = R.statusFirst + i;
    if (m === 'count') {
      b.text(row, 0, part === 'past' ? '過年度' : '現年度', 'code');
      b.merge(row, 0, row + 1, 0);
    }
    b.text(row, 1, join(label), 'code');
    const d: StatusRowData = data.categories[part][m];
    const numFmt = m === 'count' ? COUNT_FORMAT : amountFmt;
    for (const c of cols) {
      const k = key.status(part, m, c);
      if (c === 'collect' || c === 'settle' || c === 'total') computed(row, sCol(c), k, numFmt);
      else input(row, sCol(c), k, d[c], numFmt);
    }
  });

  b.text(R.notesTitle, 0, '【未収債権の件数及び債務者数並びに分類の考え方】', 'section');
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
    b.merge(row, 0, row, SUMMARY_VALUE_COL - 1);
  };
  summaryLabel(R.summaryDebtors, join([`${Ny} `, '決算見込における', '債務者数']));
  input(R.summaryDebtors, SUMMARY_VALUE_COL, key.summary('debtors'), data.summary.debtors, COUNT_FORMAT);
  b.text(R.summaryDebtors, SUMMARY_VALUE_COL + 1, '人');
  summaryLabel(R.summaryCases, join([`${Ny}決算見込における`, '未収債権の件数(過年度+現年度)']));
  computed(R.summaryCases, SUMMARY_VALUE_COL, key.summary('cases'), COUNT_FORMAT);
  summaryLabel(
    R.summaryBalance,
    join([`${Ny}決算見込における`, '未収金残高(過年度+現年度)', ` = 上記2のD(${Ny}実績)のケ及びケ'`]),
  );
  computed(R.summaryBalance, SUMMARY_VALUE_COL, key.summary('balance'), amountFmt);
  if (split) {
    for (const r of [R.summaryDebtors, R.summaryCases, R.summaryBalance]) b.height(r, 30);
  }

  // Sections 4 and 5: narrative
  const narrativeHead = (row: number): void => {
    b.merge(row, 0, row, 1);
    b.text(row, 2, '過年度', 'code');
    b.merge(row, 2, row, 10);
    b.text(row, 11, '現年度', 'code');
    b.merge(row, 11, row, lastCol);
  };
  const narrativeRow = (row: number, label: string, past: string, current: string, keys: [string, string]): void => {
    b.text(row, 0, label, 'code');
    b.merge(row, 0, row, 1);
    input(row, 2, keys[0], past).wrap = true;
    b.merge(row, 2, row, 10);
    input(row, 11, keys[1], current).wrap = true;
    b.merge(row, 11, row, lastCol);
    b.height(row, NARRATIVE_ROW_HEIGHT);
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

  placeComputedCells(b, { at, inputValues, computedFormats }, data, opts, dash);

  b.width(0, 5);
  b.width(1, split ? 12 : 16);
  for (let c = TREND_FIRST_COL; c <= lastCol; c++) b.width(c, 11);
  const sheet: LayoutSheet = {
    ...b.sheet(),
    print: {
      area: b.range(0, 0, R.s5Row, lastCol),
      pageStarts: PAGE_STARTS.map((r) => b.top + r),
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
    },
  };
  if (opts.protect) sheet.protect = true;
  return sheet;
}

interface Placed {
  at: ReadonlyMap<string, [number, number]>;
  inputValues: ReadonlyMap<string, number>;
  computedFormats: ReadonlyMap<string, string>;
}

/**
 * Every computed cell gets the formula of its rule (formulas/computed.ts: the same trees the checks and
 * 「数式を入れる」 use) with its result, in dependency order from the inputs; a typed carry or an override types a
 * constant instead, and the cells reading it compute from that constant, as Excel would.
 */
function placeComputedCells(b: LayoutBuilder, p: Placed, data: SheetData, opts: LayoutOptions, dash: string): void {
  const fields = computedFieldsOf((k) => p.at.has(k));
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const typedCarry = new Map(
    Object.entries(data.typedCarry ?? {}).map(([r, v]) => [key.trend(r as TrendRow, 'ア'), v] as const),
  );
  const position = (k: string): CellPosition => {
    const [row, col] = p.at.get(k)!;
    return { row: b.top + row, col: b.left + col, address: b.addr(row, col) };
  };
  const shown = new Map<string, number | null>();
  const value = (k: string): number => {
    const f = byKey.get(k);
    if (!f) return p.inputValues.get(k) ?? 0;
    return (shown.has(k) ? shown.get(k) : place(f)) ?? 0;
  };
  const place = (f: ComputedField): number | null => {
    shown.set(f.key, null); // the form has no cycle; this only keeps a bad definition from recursing forever
    const result = evaluate(f.expr, value);
    const c: Computed = { formula: excelFormula(f.expr, position, dash), result: result ?? dash };
    const carried = typedCarry.get(f.key);
    const typed = carried !== undefined ? { value: carried } : opts.override?.(f.key, c);
    const [row, col] = p.at.get(f.key)!;
    const base = { numFmt: p.computedFormats.get(f.key)!, style: 'computed' as const, key: f.key };
    let s: number | null = result;
    if (typed) {
      b.put(row, col, { ...base, value: typed.value });
      s = typeof typed.value === 'number' ? typed.value : null;
    } else if (opts.valuesOnly) b.put(row, col, { ...base, value: c.result });
    else b.put(row, col, { ...base, formula: c.formula, result: c.result });
    shown.set(f.key, s);
    return s;
  };
  for (const f of fields) if (!shown.has(f.key)) place(f);
  const missing = [...p.computedFormats.keys()].filter((k) => !byKey.has(k));
  if (missing.length) throw new Error(`no rule for computed cells: ${missing.join(', ')}`);
}
