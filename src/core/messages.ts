// Every Japanese message the checks produce, in one place, with the numbers interpolated.
// Places are named in the form's own terms (「2. 未収金の推移 D行(令和元 実績) ケ列」) followed by the cell address.
import type { HiddenFormSheet } from './findings';
import type { Form } from './model/form';
import { toCircled } from './text/normalize';
import { fiscalYearLabel } from './text/fiscalYear';

const PART_JA: Record<string, string> = { past: '過年度', current: '現年度', total: '合計' };
const MEASURE_JA: Record<string, string> = { count: '未収債権の件数', balance: '未収金残高' };
const HEADER_JA: Record<string, string> = {
  bureau: '所属',
  section: '担当',
  claimNo: '債権整理番号',
  claimType: '債権区分',
  claimName: '債権名',
};

/** 1234 → "1,234", −12 → "▲12" (as the form prints). Intl is avoided: it costs more than a whole check. */
/** Severity words the CLI and the pane show. */
export const SEVERITY_JA = { error: 'エラー', warning: '確認', info: '情報' } as const;

export const EDITION_JA = { current: '現行様式', older: '旧様式' } as const;

export function fmtAmount(n: number): string {
  const [int, frac] = String(Math.round(Math.abs(n) * 1000) / 1000).split('.');
  const s = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  return n < 0 ? `▲${s}` : s;
}

export function fmtYen(n: number): string {
  return `${fmtAmount(n)}千円`;
}

export function fmtRate(r: number | null): string {
  if (r === null) return '—';
  return `${(Math.round(r * 1000 + 1e-9) / 10).toFixed(1)}%`;
}

export function categoryName(cat: string): string {
  if (cat === '15-2') return '⑮-2(番号なしの列)';
  if (cat === 'collect') return '回収債権 計';
  if (cat === 'settle') return '整理債権 計';
  if (cat === 'total') return '合計';
  return toCircled(Number(cat));
}

/** The year word N+offset as the form would print it, when N is known. */
export function yearWord(form: Form, offset: number): string {
  return form.fiscalYear === null ? (offset === 0 ? '当年度' : offset > 0 ? `${offset}年後` : `${-offset}年前`) : fiscalYearLabel(form.fiscalYear + offset);
}

/** A key's place in form terms, without the address. */
export function placeOf(form: Form, k: string): string {
  const p = k.split('.');
  switch (p[0]) {
    case 'header':
      return `表頭 ${HEADER_JA[p[1]!] ?? p[1]}`;
    case 'rating':
      return `1. 達成状況 ${PART_JA[p[1]!] ?? p[1]}`;
    case 'trend': {
      const row = p[1]!;
      const code = p.slice(2).join('.');
      const label = form.edition === 'current' ? form.rowLabels[row as keyof typeof form.rowLabels] : undefined;
      return `2. 未収金の推移 ${row}行${label ? `(${label})` : ''} ${code}列`;
    }
    case 'status':
      return `3. 未収金実績の状況 ${PART_JA[p[1]!]} ${MEASURE_JA[p[2]!]} ${categoryName(p[3]!)}`;
    case 'summary':
      return {
        debtors: '3. 債務者数',
        cases: '3. 未収債権の件数(過年度+現年度)',
        balance: '3. 未収金残高(過年度+現年度)',
      }[p[1] as 'debtors' | 'cases' | 'balance'];
    case 'narrative':
      return p[1] === 'verify'
        ? `4. 取組内容の検証など ${p[3]}(${PART_JA[p[2]!]})`
        : `5. ${yearWord(form, 1)}の取組内容(${PART_JA[p[2]!]})`;
    case 'older':
      return olderPlace(form, p.slice(1));
    default:
      return k;
  }
}

/** "N-1実績" → "平成24年度 実績" when N is known. */
function olderSlot(form: Form, slot: string): string {
  const m = /^N([+-]1)?(実績|目標)$/.exec(slot);
  if (!m || form.fiscalYear === null) return slot;
  return `${yearWord(form, m[1] ? Number(m[1]) : 0)} ${m[2]}`;
}

function olderPlace(form: Form, p: string[]): string {
  switch (p[0]) {
    case 'header':
      return `1. ${{ affiliation: '所属', claimName: '債権名', claimType: '債権区分' }[p[1]!] ?? p[1]}`;
    case 'balance':
      return `2. 未収金残高の推移 ${olderSlot(form, p[1]!)}`;
    case 'rates':
      return `3. ${PART_JA[p[1]!]} ${p[2] === 'collection' ? '徴収率' : '整理率'} ${olderSlot(form, p[3]!)}`;
    case 'status': {
      const part =
        { total: '合計', currentYear: '当年度賦課分', pastYears: '前年度以前賦課分', collectSubtotal: '回収債権 計', settleSubtotal: '整理債権 計' }[
          p[1]!
        ] ?? toCircled(Number(p[1]));
      const measure = { count: '件数', amount: '金額', debtors: '債務者数' }[p[2]!] ?? p[2];
      return `4. 決算での未収金残高の状況 ${part} ${measure}`;
    }
    case 'rating':
      return `5. 目標達成状況 ${{ total: '現年度+過年度', current: 'うち現年度', past: 'うち過年度' }[p[1]!] ?? p[1]}`;
    default:
      return p.join('.');
  }
}

/** A key's place with its cell address: 「2. 未収金の推移 D行(令和元 実績) ケ列 [R12]」. */
export function where(form: Form, k: string): string {
  const f = form.fields.get(k);
  return f ? `${placeOf(form, k)} [${f.address}]` : `${placeOf(form, k)} [欄が見つかりません]`;
}

export const messages = {
  hdrRequired: (w: string) => `${w}が空欄です。表頭の項目はすべて記入してください。`,
  hdrClaimNo: (w: string, v: string) => `${w}「${v}」は3桁の数字(複数なら「056・057」のように・でつなぐ)ではありません。`,
  hdrClaimType: (w: string, v: string) =>
    `${w}「${v}」は債権区分として認識できません。強制徴収公債権(強制公)・非強制徴収公債権(非強公)・私債権のいずれかを記入してください。`,
  rateCode: (w: string, v: string | null) =>
    v === null
      ? `${w}が空欄です。A・B1・B2・—のいずれかを記入してください。`
      : `${w}「${v}」は評価記号ではありません。A・B1・B2・—のいずれかを記入してください。`,
  rateMismatch: (w: string, printed: string, reason: string, proposed: string) =>
    `${w}は「${printed}」ですが、数値からは「${proposed.split('|').join('」または「')}」です。${reason}`,
  trdFormula: (w: string, rule: string, expected: string, found: string) =>
    `${w}が計算式(${rule})と合いません。計算上は ${expected}、記入は ${found} です。`,
  trdCarry: (w: string, fromWhere: string, expected: number, found: number) =>
    `${w}は${fromWhere}の未収金残高(ケ'')を引き継ぐはずですが、${fmtYen(found)}となっています(引継ぎ元は ${fmtYen(expected)}、差 ${fmtAmount(found - expected)})。`,
  trdNegative: (w: string, v: number) => `${w}が負の値(${fmtYen(v)})です。`,
  trdOvercollect: (w: string, collected: number, written: number, assessed: number, cur: boolean) =>
    `${w}: 徴収額${cur ? "エ'" : 'エ'}と不納欠損額${cur ? "オ'" : 'オ'}の計 ${fmtYen(collected + written)} が調定額${cur ? "ウ'" : 'ウ'} ${fmtYen(assessed)} を超えています。`,
  trdMissingInput: (w: string) => `${w}が空欄です。同じ行のほかの欄は記入されています。`,
  trdMissingRow: (row: string, label: string) => `2. 未収金の推移 ${row}行(${label})が記入されていません。`,
  trdNotInteger: (w: string, v: number) => `${w}の ${v} は整数ではありません。千円単位の整数(百円単位を四捨五入)で記入してください。`,
  trdYen: (w: string, v: number, ref: number) =>
    `${w}の ${fmtAmount(v)} は周りの金額(${fmtAmount(ref)}前後)の約${fmtAmount(Math.round(v / ref))}倍です。円単位で入力していませんか(単位は千円)。`,
  catSubtotal: (w: string, parts: string, expected: number, found: number) =>
    `${w}が${parts}の合計と合いません。合計すると ${fmtAmount(expected)}、記入は ${fmtAmount(found)} です(差 ${fmtAmount(found - expected)})。`,
  catLink: (w: string, d: string, expected: number, found: number) =>
    `${w} ${fmtYen(found)} が ${d} の ${fmtYen(expected)} と一致しません(差 ${fmtAmount(found - expected)})。` +
    (Math.abs(found - expected) <= 2 ? '区分ごとに千円未満を四捨五入したことによる端数差のようです。合計が2のD行と一致するよう調整してください。' : ''),
  catSummaryCases: (w: string, expected: number, found: number) =>
    `${w} ${fmtAmount(found)}件が、区分別の件数の合計(過年度+現年度)${fmtAmount(expected)}件と一致しません。`,
  catSummaryBalance: (w: string, d: string, expected: number, found: number) =>
    `${w} ${fmtYen(found)} が ${d} の ${fmtYen(expected)} と一致しません(差 ${fmtAmount(found - expected)})。` +
    (Math.abs(found - expected) <= 2 ? '端数処理の違いのようです。' : ''),
  catPairBalanceOnly: (w: string, balance: number) => `${w}に残高 ${fmtYen(balance)} がありますが、件数が記入されていません。`,
  catPairCountOnly: (w: string, count: number) => `${w}に件数 ${count}件がありますが、残高が記入されていません。`,
  catEnforced: (w: string, claimType: string) =>
    `${w}は【強制公】(強制徴収公債権のみ)の区分ですが、債権区分は「${claimType}」です。区分の選び方を確認してください。`,
  catDebtorsOver: (w: string, debtors: number, cases: number) =>
    `${w} ${debtors}人が未収債権の件数 ${cases}件を上回っています。連帯債務者・保証人や相続人は1件・1人と数えます。`,
  catDebtorsZero: (w: string, balance: number) => `${w}が${'0'}(または空欄)ですが、未収金残高 ${fmtYen(balance)} が残っています。`,
  fmlHardcoded: (w: string, rule: string, value: string) =>
    `${w}は計算式(${rule})の欄ですが、数式ではなく値 ${value} が直接入力されています。数値を変えても再計算されません。`,
  fmlValuesOnly: () =>
    'この様式には数式が一つもありません(値だけの貼り付けのようです)。計算は点検しましたが、数値を変えても再計算されません。「数式を入れる」で数式を戻せます。',
  fmlError: (cell: string, err: string) =>
    `セル ${cell} がエラー値 ${err} を表示しています。${err === '#DIV/0!' ? '割る数(調定額など)が 0 か空欄です。様式の数式はその場合「—」を表示します(「数式を入れる」で様式の数式に直せます)。' : ''}`,
  fmlAddin: (cell: string) =>
    `セル ${cell} はこのアドインのカスタム関数(MISHUKIN)を使っています。アドインを入れていない提出先では #NAME? と表示されます。`,
  txtRequired: (w: string, rating: string) => `評価が「${rating}」ですが、${w}が記入されていません。目標未達の場合は課題と改善策を記入してください。`,
  txtPlan: (w: string) => `${w}が空欄です。記入することがない場合は「—」と記入してください。`,
  valTextNum: (cells: string[]) =>
    `${cells.length}個の数値が文字列(全角数字・桁区切り・▲など)で入力されています(${cells.slice(0, 5).join(', ')}${cells.length > 5 ? ' ほか' : ''})。値は正しく読み取りましたが、Excel の計算には使われません。`,
  valParse: (w: string, text: string) => `${w}の「${text}」を数値として読み取れません。`,
  // Recognition: what could not be found is the checker's limit, said once per part.
  formBlank: () => 'この調査書はまだ記入されていません(入力欄がすべて空欄か 0)。空欄の指摘はせず、記入を始めると点検します。',
  recPart: (part: string, lookedFor: string, skipped: string) =>
    `「${part}」を様式の中に見つけられませんでした(探したもの: ${lookedFor})。この部分の点検${skipped ? `(${skipped})` : ''}は行っていません。様式の誤りとは限りません。`,
  recYear: (titleYear: number, rowsYear: number) =>
    `見出しの年度(${fiscalYearLabel(titleYear)})と 2. 未収金の推移 の行の年度(D行 ${fiscalYearLabel(rowsYear)}実績)が一致しません。行の年度(${fiscalYearLabel(rowsYear)})を報告年度として点検しました。見出しか行ラベルの年度を確認してください。`,
  headerName: (f: string) => HEADER_JA[f] ?? f,
  summaryName: (f: string) => ({ debtors: '債務者数', cases: '未収債権の件数(過年度+現年度)', balance: '未収金残高(過年度+現年度)' })[f] ?? f,
  ratingName: (c: string) => PART_JA[c] ?? c,
  olderHeaderName: (f: string) => ({ affiliation: '所属', claimName: '債権名', claimType: '債権区分' })[f] ?? f,
  lookedForHeader: () => '表の上の「所属」「担当」「債権整理番号」「債権区分」「債権名」の見出し',
  lookedForLabel: (name: string) => `「${name}」またはそれに当たる見出し`,
  lookedForRatings: () => '1. 達成状況 の見出しの下の「過年度」「現年度」「合計」の欄',
  lookedForTrendRow: (row: string) => `2. の表の行見出し(${row} の記号、または年度と「実績」「修正目標」「当初目標」)`,
  lookedForCodes: (codes: string[]) => `2. の表の列の記号(${codes.join('・')})または列名`,
  lookedForStatus: () => '3. の表の区分の番号(①〜⑯)が並ぶ見出しの行と、件数・残高の行',
  lookedForSummary: () => '3. の表の後の「債務者数」「未収債権の件数(過年度+現年度)」「未収金残高(過年度+現年度)」',
  lookedForNarrative: (part: string) => `「${part}」の見出しと、その下の「過年度」「現年度」・「取組内容」などの欄`,
  lookedForOlderBalance: () => '2. 未収金残高の推移 の「実績」「目標」の欄',
  lookedForOlderRates: () => '3. 徴収率及び整理率 の表',
  lookedForOlderStatus: () => '4. 決算での未収金残高の状況 の「人(件)数」「金額」の列と区分の行',
  lookedForOlderRatings: () => '5. 目標達成状況 の評価欄',
  notFormTitleOnly: () =>
    '調査書の表題はありますが、「2. 未収金の推移」の表(ア〜ケ\'\' の記号の行、または調定額・徴収額などの列名)が見つからないため、様式として読み取れません。',
  notFormEmpty: () => '空のワークシートです。',
  notFormNoTitle: () =>
    '未収金目標及び具体取組内容調査書(または旧様式の未収債権の目標及び具体処理策)の表や見出しが見つかりません。この調査書のシートではないようです。',
  // Older edition
  olderScope: () =>
    '旧様式(未収債権の目標及び具体処理策)です。小計・合計、残高の一致、評価記号、達成率と評価の整合を点検しました。現行様式の点検(2. 未収金の推移の計算式・年度間の引継ぎ、①〜⑯の区分、【強制公】区分、数式の点検)はこの様式には当てはまりません。',
  olderCountBasis: (w: string, sum: number, debtors: number, cases: number) =>
    `${w}: 区分別の人(件)数の合計 ${fmtAmount(sum)} が債務者数 ${fmtAmount(debtors)} と一致し、件数 ${fmtAmount(cases)} とは一致しません。区分を人数で数えているようです(件数と人数の混在)。`,
  olderRating: (w: string, printed: string, reason: string, proposed: string) =>
    `${w}は「${printed}」ですが、数値からは「${proposed.split('|').join('」または「')}」です。${reason}`,
};

export { PART_JA };

// ---------------------------------------------------------------------------------------------
// Why recognition took what it took (`mishukin check --explain`).

const SUBTOTAL_JA: Record<string, string> = { collect: '回収債権 計', settle: '整理債権 計', total: '合計' };
const MEASURE_SHORT: Record<string, string> = { count: '件数', balance: '残高' };

export const explain = {
  codeRow: (printed: number, total: number) =>
    `列の記号(ア〜ケ'')を ${printed} 個並べた行${total > printed ? `(列名などから ${total - printed} 列を補った)` : ''}`,
  nameRow: (n: number) => `記号の行がないため、列名(調定額・徴収額…)と過年度分・現年度分・合計の見出しから ${n} 列を特定`,
  heading: (text: string) => `見出し「${text}」`,
  label: (text: string, score: number) => `見出し「${text}」${score < 1 ? `(表記の違いを許して一致度 ${Math.round(score * 100)}%)` : ''}`,
  inline: (text: string) => `見出しと値が同じセル「${text}」`,
  block: (n: number) => `一つのセルにまとめて書かれた文章(【項目】と過年度・現年度の書き出しから ${n} 欄を読み取り)`,
  trendRow: (row: string, label: string, byYear: boolean, byLetter: boolean) =>
    `${row}行: 「${label}」(${byYear ? '年度と段階から' : byLetter ? '行の記号から' : '並び順から'})`,
  categoryRow: (n: number, has15_2: boolean) => `区分の番号・説明が ${n} 列並ぶ見出しの行${has15_2 ? '(番号のない⑮-2の列を含む)' : ''}`,
  statusRow: (part: string, measure: string) => `${PART_JA[part]}の${MEASURE_SHORT[measure]}の行`,
  subtotal: (which: string, why: string) => `${SUBTOTAL_JA[which]}の列: ${why}`,
  position: () => '区分の並びの中での位置',
  arithmetic: (rows: number, of: number) => `${of} 行中 ${rows} 行で区分の合計と一致`,
  transposed: () => '(区分が縦に並ぶ表)',
};

// ---------------------------------------------------------------------------------------------
// 「数式を入れる」 (src/core/plan/formulaPlan.ts, renderPlan.ts) and the custom functions (src/functions).

export const formulaMessages = {
  planTitle: (sheet: string, anchor: string, addin: boolean) =>
    `数式を入れる: シート「${sheet}」${anchor} の調査書${addin ? '(MISHUKIN 関数を使う数式)' : ''}`,
  why: (place: string, rule: string, reason: string) => `${place}: ${rule}。${reason}`,
  reasonBlank: () => '空欄です。',
  reasonTyped: (shown: string) => `数式ではなく値 ${shown} が入力されています。`,
  reasonOther: (formula: string) => `数式 =${formula} は計算式と異なります。`,
  reasonAddin: () => 'カスタム関数(MISHUKIN)を使っています。アドインのない提出先でも同じ数値が出る通常の数式にします。',
  reasonToAddin: () => '通常の数式を MISHUKIN 関数の数式にします。',
  reasonRatioInPercent: (formula: string, shown: string) =>
    `数式 =${formula} は比率を返しますが、このセルは率を百分率の数値で表すため(書式 0.0"%" など)${shown} と表示されています。`,
  percentCells: (cells: string) =>
    `${cells} は率を百分率の数値(2.0% なら 2.0)で表すセルのため(書式 0.0"%" など)、比率ではなく百分率を返す数式(…*100)を入れます。書式は変えません。`,
  textInputs: (cells: string[]) =>
    `入力欄 ${listCells(cells)} の数値は文字列で入力されています。ここでは読み取った数値で計算しましたが、Excel の計算結果は異なることがあります(MISHUKIN 関数は #VALUE! を返します)。数値で入力し直してください。`,
  nonInteger: (cells: string[]) =>
    `入力欄 ${listCells(cells)} が千円単位の整数ではないため、それを使う MISHUKIN 関数は #VALUE! を返します。`,
  // The text preview
  renderCounts: (writes: number, changed: number, effects: number) =>
    `数式を入れるセル ${writes} 個(うち表示される値が変わるもの ${changed} 個)` +
    (effects ? `、連動して表示が変わるセル ${effects} 個` : '') +
    '。入力欄(色付け箇所)・見出し・様式の外には書き込みません。',
  renderNothing: () => 'この調査書の計算欄には、すでに計算式どおりの数式が入っています。書き込むセルはありません。',
  renderNow: (shown: string, formula: string | undefined) => (formula === undefined ? `いま ${shown}(値)` : `いま =${formula}(${shown})`),
  renderChanges: () => '※表示が変わります',
  renderEffects: () => '連動して表示が変わるセル(数式はそのまま):',
  renderCaveats: () => '注意:',
  blank: () => '空欄',
  // Custom function arguments
  argText: (param: string, text: string) => `${param}「${text}」は文字列です。金額(千円)を数値で入力したセルを指定してください。`,
  argTextNumber: (param: string, text: string) =>
    `${param}「${text}」は数値ではなく文字列として入力されています。セルに数値として入力し直してください。`,
  argBoolean: (param: string) => `${param}に TRUE/FALSE は使えません。金額(千円)を指定してください。`,
  argNotInteger: (param: string, v: number) =>
    `${param}の ${v} は千円単位の整数ではありません。百円単位を四捨五入した千円単位の整数で入力してください。`,
  argNotFinite: (param: string) => `${param}が数値として扱えません。金額(千円)を指定してください。`,
  argRange: (param: string) => `${param}には1つのセルか数値を指定してください(複数のセルの範囲は指定できません)。`,
  argOther: (param: string) => `${param}に使えない値が指定されました。金額(千円)を指定してください。`,
};

function listCells(cells: string[]): string {
  return cells.length > 5 ? `${cells.slice(0, 5).join(', ')} ほか${cells.length - 5}個` : cells.join(', ');
}

// ---------------------------------------------------------------------------------------------
// 新しい調査書 and 翌年度へ繰り越し (src/core/plan/sheetPlan.ts, rolloverPlan.ts).

/** 2019 → 「令和元年度(2019年度)」. */
const yearBoth = (year: number): string => `${fiscalYearLabel(year)}(${year}年度)`;

export const sheetPlanMessages = {
  newTitle: (year: number) => `新しい調査書: ${yearBoth(year)}の実績を報告する調査書(${fiscalYearLabel(year + 1)}の調査)`,
  newSheetName: (year: number) => `調査書 ${fiscalYearLabel(year)}`,
  newNote: () =>
    '色付け箇所(入力欄)は空欄です。計算欄はすべて通常の Excel の数式で、入力すると計算されます(アドインのない提出先でも同じ数値になります)。',
  rolloverTitle: (sheet: string, anchor: string, from: number) =>
    `翌年度へ繰り越し: シート「${sheet}」${anchor} の調査書(${yearBoth(from)}の実績)から、${yearBoth(from + 1)}の実績を報告する調査書を作ります`,
  carriedRow: (to: string, toLabel: string, from: string, fromLabel: string, values: string) =>
    `2. ${to}行(${toLabel}) ← 元の ${from}行(${fromLabel}): ${values}`,
  carriedNothing: () => '(元の行は空欄です)',
  carriedTypedCarry: (row: string) => `(${row}行のア: 引継ぎ元の行が空欄のため、元の値をそのまま入力しています)`,
  carriedNarrative: (fromYear: number) =>
    `4. ${fiscalYearLabel(fromYear + 1)}の取組内容の検証など「取組内容」 ← 元の 5. ${fiscalYearLabel(fromYear + 1)}の取組内容(過年度・現年度)`,
  carriedHeader: () => '表頭(所属・担当・債権整理番号・債権区分・債権名) ← 元の表頭',
  rolloverLeft: () =>
    '1. 達成状況、2. の D・F・G 行、3. の区分別の件数・残高と債務者数、4. の取組実績・課題・改善策、5. の取組内容は空欄の入力欄です。計算欄はすべて数式です。',
  rolloverForced: (n: number) => `この調査書にはエラーが ${n} 件ありますが、指定によりそのまま繰り越します。繰り越した値を確認してください。`,
  protectNote: () =>
    'シートを保護します(パスワードなし)。計算欄には入力できません。解除は [校閲] → [シート保護の解除] です。',
  // Refusals
  rolloverOlder: (sheet: string, anchor: string) =>
    `シート「${sheet}」${anchor} は旧様式(未収債権の目標及び具体処理策)の調査書のため、繰り越せません。現行様式の調査書から繰り越してください。`,
  rolloverNoYear: (sheet: string, anchor: string) =>
    `シート「${sheet}」${anchor} の調査書は報告年度が読み取れないため、繰り越せません。1. の見出しや 2. の行見出し(令和元 実績 など)の年度を確認してください。`,
  rolloverErrors: (sheet: string, anchor: string, n: number) =>
    `シート「${sheet}」${anchor} の調査書にエラーが ${n} 件あります。誤りを翌年度に引き継がないよう、直してから繰り越してください。`,
  errorLine: (rule: string, message: string) => `・${rule} ${message}`,
  moreErrors: (n: number) => `・ほか ${n} 件`,
  // --year
  yearEmpty: () => '年度を指定してください(例: 令和2、R2、2020)。',
  yearUnreadable: (text: string) =>
    `「${text}」を年度として読み取れません。令和2・令2・R2・平成30年度・H30・2020 のように指定してください。`,
  yearConflict: (text: string) => `「${text}」には異なる年度が含まれています。年度を1つだけ指定してください。`,
  yearRange: (text: string, first: number, last: number) =>
    `「${text}」は作成できる年度(${fiscalYearLabel(first)}〜${fiscalYearLabel(last)})の範囲外です。`,
  yearBareReiwa: () => '「令和」は令和元年度(2019年度)として扱います(公表された調査書では令和元を「令和」と印字している例があります)。',
};
// 取りまとめ (mishukin report): problems of a batch of returned sheets that no single sheet shows (src/core/batch.ts).

export const batchMessages = {
  duplicate: (bureau: string, claimNo: string, others: string[]) =>
    `所属「${bureau}」・債権整理番号「${claimNo}」の調査書がほかにもあります(${listLabels(others)})。` +
    '同じ債権の調査書が重複していないか確認してください(所属別集計には両方とも数えています)。',
  year: (year: number, usual: number, count: number) =>
    `この調査書は${fiscalYearLabel(year)}の調査書ですが、取りまとめた調査書の多く(${count}件)は${fiscalYearLabel(usual)}です。` +
    '別の年度の調査書が混ざっていないか確認してください。',
  edition: (edition: keyof typeof EDITION_JA, usual: keyof typeof EDITION_JA, count: number) =>
    `この調査書は${EDITION_JA[edition]}ですが、取りまとめた調査書の多く(${count}件)は${EDITION_JA[usual]}です。` +
    '古い様式で作られていないか確認してください。',
  fileName: (numbers: string[], claimNo: string) =>
    `ファイル名の番号(${numbers.join('・')})と債権整理番号「${claimNo}」が一致しません。` +
    'ファイル名か債権整理番号の誤り、またはファイルの取り違えがないか確認してください。',
};

/** The first few labels of a list, then how many more. */
function listLabels(labels: string[]): string {
  const shown = 3;
  return labels.length > shown ? `${labels.slice(0, shown).join('、')} ほか${labels.length - shown}件` : labels.join('、');
}

// Hidden worksheets left out of the check (src/core/check.ts, skipHidden). Each room adds how to include them.

const VISIBILITY_JA: Record<HiddenFormSheet['visibility'], string> = {
  hidden: '非表示',
  veryHidden: '完全に非表示(Excel の画面からは再表示できない)',
};

/** 「非表示のシート「(前年度)038」に調査書が 1 件ありますが、<notDone>。」 */
const hiddenSheetLeftOut = (s: HiddenFormSheet, notDone: string) =>
  `${VISIBILITY_JA[s.visibility]}のシート「${s.sheet}」に調査書が ${s.forms} 件ありますが、${notDone}。`;

export const hiddenSheetMessages = {
  /** 「非表示のシート「(前年度)038」に調査書が 1 件ありますが、点検していません。」 */
  skipped: (s: HiddenFormSheet) => hiddenSheetLeftOut(s, '点検していません'),
  /** The same for a command that does something else with the forms (rollover, formulas, rate): what it did not do. */
  leftOut: hiddenSheetLeftOut,
};
