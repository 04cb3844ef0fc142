// A layout of our own that differs from the official one in every arrangement the spec leaves open:
// header as a two-row table, ratings stacked vertically, trend rows without letters and with 年度 words,
// subtotal columns named 回収債権計/整理債権計, no ⑮-2, summary values far to the right, values typed
// (no formulas) and some numbers as text. The checker must read it exactly as the official layout.
import { Grid, type CellValue, type GridCell } from '../../../src/core/grid';
import { checkWorkbook } from '../../../src/core/check';
import { TREND_CODES, TREND_RATES, TREND_ROWS, TREND_ROW_DEF, COLLECT_CATEGORIES } from '../../../src/core/model/keys';
import { fiscalYearLabel } from '../../../src/core/text/fiscalYear';
import { toCircled } from '../../../src/core/text/normalize';
import { CURRENT_SEEDS, onlyForm, seedLayout } from '../../helpers/forms';

type Seed = (typeof CURRENT_SEEDS)[number];

function otherLayout(s: Seed, top: number, left: number): GridCell[] {
  const cells: GridCell[] = [];
  const put = (r: number, c: number, value: CellValue, numFmt?: string) => {
    if (value === null || value === undefined) return;
    const cell: GridCell = { row: top + r, col: left + c, value };
    if (numFmt) cell.numFmt = numFmt;
    cells.push(cell);
  };
  put(0, 2, '未収金目標及び具体取組内容調査書');
  const header = [['所属', s.header.bureau], ['担当課', s.header.section], ['債権整理番号', s.header.claimNo], ['債権区分', s.header.claimType], ['債権名', s.header.claimName]] as const;
  header.forEach(([l, v], i) => {
    put(2, 1 + i * 2, l);
    put(3, 1 + i * 2, v);
  });
  put(5, 0, `1.${fiscalYearLabel(s.fiscalYear)}の修正目標の達成状況`);
  (['過年度', '現年度', '合計(過年度+現年度)'] as const).forEach((l, i) => {
    put(6 + i, 1, l);
    put(6 + i, 3, s.ratings[(['past', 'current', 'total'] as const)[i]!]);
  });
  put(10, 0, '2.未収金の推移(実績及び目標)');
  TREND_CODES.forEach((code, i) => put(11, 2 + i, code));
  TREND_ROWS.forEach((row, r) => {
    const data = s.trend[row];
    const def = TREND_ROW_DEF[row];
    put(12 + r, 0, `${fiscalYearLabel(s.fiscalYear + def.offset)}\n${def.stage}`);
    if (!data) return;
    TREND_CODES.forEach((code, i) => {
      const v = data[code];
      if (v === undefined) return;
      if (TREND_RATES.includes(code)) put(12 + r, 2 + i, v === null ? '—' : `${v}%`);
      else put(12 + r, 2 + i, v === null ? null : v < 0 ? `△${-v}` : v);
    });
  });
  put(21, 0, `3.${fiscalYearLabel(s.fiscalYear)}決算見込における未収金実績の状況`);
  const cols = [...COLLECT_CATEGORIES, 'collect', '10', '11', '12', '13', '14', '15', '16', 'settle', 'total'] as const;
  cols.forEach((c, i) => put(22, 2 + i, c === 'collect' ? '回収債権計' : c === 'settle' ? '整理債権計' : c === 'total' ? '合計' : toCircled(Number(c))));
  (['past', 'current'] as const).forEach((part, p) => {
    put(23 + p * 2, 0, part === 'past' ? '過年度' : '現年度');
    (['count', 'balance'] as const).forEach((m, k) => {
      put(23 + p * 2 + k, 1, m === 'count' ? '件数' : '未収金残高');
      cols.forEach((c, i) => put(23 + p * 2 + k, 2 + i, s.categories[part][m][c] ?? null));
    });
  });
  put(28, 0, '債務者数');
  put(28, 18, s.summary.debtors);
  put(29, 0, '未収債権の件数(過年度+現年度)');
  put(29, 18, s.summary.cases);
  put(30, 0, '未収金残高(過年度+現年度)');
  put(30, 18, s.summary.balance);
  put(32, 0, '4.取組内容の検証など');
  put(33, 2, '過年度');
  put(33, 8, '現年度');
  ['取組内容', '取組実績', '課題', '改善策'].forEach((l, i) => {
    put(34 + i, 0, l);
    put(34 + i, 2, '文書催告と納付交渉を続けた。');
    put(34 + i, 8, '督促を早めに行った。');
  });
  put(39, 0, `5.${fiscalYearLabel(s.fiscalYear + 1)}の取組内容`);
  put(40, 2, '過年度');
  put(40, 8, '現年度');
  put(41, 0, '取組内容');
  put(41, 2, '催告を続ける。');
  put(41, 8, '—');
  return cells;
}

const errors = (rules: { rule: string; severity: string; keys: string[] }[]) =>
  rules.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${[...f.keys].sort().join(',')}`).sort();

describe('a layout of our own', () => {
  const usable = CURRENT_SEEDS.filter((s) => !Object.values(s.categories).some((p) => Object.keys(p.count).includes('15-2') && (p.count['15-2'] ?? 0) !== 0));
  it.each(usable.map((s) => [s.sheet, s] as const))('sheet %i gives the same errors as the official layout', (_n, s) => {
    const r = checkWorkbook([new Grid('別レイアウト', otherLayout(s, 3, 2))]);
    expect(r.forms).toHaveLength(1);
    const form = r.forms[0]!;
    expect(form.fiscalYear).toBe(s.fiscalYear);
    expect(form.header.claimName).toBe(s.header.claimName);
    expect(errors(form.findings)).toEqual(errors(onlyForm(seedLayout(s.sheet)).findings));
    expect(form.findings.map((f) => f.rule)).toContain('FML-VALUES-ONLY');
  });
});
