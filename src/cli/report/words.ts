// The report's own wording (sheet names, column headings, status words, notes, the summary line). The findings'
// messages come from the core (src/core/messages.ts); this is only how the report lays them out.
import { SEVERITY_JA } from '../../core/messages';
import { fiscalYearLabel } from '../../core/text/fiscalYear';

export const SHEET = {
  list: '一覧',
  findings: '指摘事項',
  summary: '所属別集計',
  unread: '読めなかったファイル',
} as const;

/** The status of a form: errors to correct, warnings to confirm, or nothing. */
export const STATUS = { error: '要修正', warning: '要確認', ok: '問題なし' } as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];

export const BLANK = '(空欄)';

export { SEVERITY_JA };

/** 一覧 column headings; amounts are in 千円 (said in the heading, as the form does). */
export const LIST_HEAD = {
  file: 'ファイル',
  sheet: 'シート',
  anchor: '位置',
  bureau: '所属',
  section: '担当',
  claimNo: '債権整理番号',
  claimType: '債権区分',
  claimName: '債権名',
  year: '年度',
  edition: '様式',
  ratePast: '評価\n過年度',
  rateCurrent: '評価\n現年度',
  rateTotal: '評価\n合計',
  allowed: '数値から言える\n評価(合計)',
  pastBalance: 'ケ 過年度残高\n(D行・千円)',
  currentBalance: "ケ' 現年度残高\n(D行・千円)",
  totalBalance: "ケ'' 残高合計\n(D行・千円)",
  target: "ケ'' 修正目標\n(C行・千円)",
  diff: '差 D−C\n(千円)',
  cases: '件数\n(過年度+現年度)',
  collectionRate: "キ'' 徴収率\n(D行)",
  errors: 'エラー',
  warnings: '確認',
  status: '状態',
  batch: '取りまとめの指摘',
} as const;

export const FINDING_HEAD = {
  file: 'ファイル',
  sheet: 'シート',
  anchor: '位置',
  bureau: '所属',
  claimNo: '債権整理番号',
  claimName: '債権名',
  cell: 'セル',
  rule: '規則',
  severity: '重要度',
  message: 'メッセージ',
} as const;

export const SUMMARY_HEAD = {
  bureau: '所属',
  claimType: '債権区分',
  sheets: '調査書数',
  needing: 'うち要修正',
  share: '要修正の\n割合',
  cases: '件数',
  pastBalance: 'ケ 過年度残高\n(千円)',
  currentBalance: "ケ' 現年度残高\n(千円)",
  totalBalance: "ケ'' 残高合計\n(千円)",
  target: "ケ'' 修正目標\n(千円)",
  diff: '差 D−C\n(千円)',
  total: '合計',
} as const;

export const UNREAD_HEAD = { file: 'ファイル', kind: '区分', reason: '理由' } as const;

export const UNREAD_KIND = { unreadable: '読み込めない', noForm: '調査書なし', hiddenSheet: '非表示のシート' } as const;

/** 一覧's short word for each batch finding. */
export const BATCH_FLAG: Readonly<Record<string, string>> = {
  'BATCH-DUPLICATE': '番号重複',
  'BATCH-YEAR': '年度違い',
  'BATCH-EDITION': '様式違い',
  'BATCH-FILENAME': 'ファイル名と番号不一致',
};

export const NOTES = {
  summary: [
    '金額は千円。件数・金額は「一覧」シートから SUMIFS・COUNTIFS で集計しています(一覧の行を直したり消したりすると再計算されます)。',
    '旧様式の調査書は、ケ・ケ\' に 4. の前年度以前・当年度賦課分の残高を、ケ\'\' と修正目標に 2. の実績・目標を千円に直して入れています。',
  ],
  noUnread: '読めなかったファイル・調査書のないファイル・点検しなかった非表示のシートはありません。',
};

export const CLAIM_TYPE_JA = { enforced: '強制徴収公債権', nonEnforced: '非強制徴収公債権', private: '私債権' } as const;

export function noFormReason(sheets: readonly { sheet: string; reason: string }[]): string {
  const detail = sheets.map((s) => `シート「${s.sheet}」: ${s.reason}`).join(' / ');
  return `調査書の様式が見つかりませんでした。${detail}`;
}

/** The codes the numbers allow, e.g. "B1・B2"; the guide's reasons are in `mishukin rate`. */
export function allowedText(proposed: string | null): string {
  return proposed === null ? '判断できません' : proposed.split('|').join('・');
}

export function yearText(year: number | null): string {
  return year === null ? '年度不明' : fiscalYearLabel(year);
}

/** The print header of every sheet: what the report is and when it was made. */
export function printTitle(created: Date): string {
  const d = `${created.getFullYear()}年${created.getMonth() + 1}月${created.getDate()}日`;
  return `未収金調査書 取りまとめ(${d}作成)`;
}

export interface SummaryCounts {
  files: number;
  forms: number;
  error: number;
  warning: number;
  ok: number;
  unread: number;
  /** Hidden sheets with a form, left out. */
  hidden: number;
}

export function summaryLine(c: SummaryCounts, written: string | null, seconds: number): string {
  const rate = seconds > 0 ? `、${(c.files / seconds).toFixed(1)} 件/秒` : '';
  return (
    `取りまとめ: ファイル ${c.files} 件、調査書 ${c.forms} 件(${STATUS.error} ${c.error}・${STATUS.warning} ${c.warning}・${STATUS.ok} ${c.ok})、` +
    `読めなかったファイル ${c.unread} 件${c.hidden > 0 ? `、点検しなかった非表示のシート ${c.hidden} 件(--hidden で点検します)` : ''}` +
    `(${seconds.toFixed(1)} 秒${rate})。` +
    (written === null ? '' : `${written} に書き出しました。`)
  );
}
