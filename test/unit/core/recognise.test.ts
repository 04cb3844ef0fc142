// Recognition by labels: the same form is read the same way wherever it sits and however its labels are spelt.
import fc from 'fast-check';
import { Grid, type GridCell, type CellValue } from '../../../src/core/grid';
import { checkWorkbook } from '../../../src/core/check';
import type { FormResult } from '../../../src/core/findings';
import { checkLayout, gridOf, layoutCells, onlyForm, seedLayout } from '../../helpers/forms';

/** What a check says, independent of where the cells are. */
function gist(form: FormResult): string[] {
  return form.findings.map((f) => `${f.rule} ${[...f.keys].sort().join(',')}`).sort();
}

function checkGrid(grid: Grid): FormResult[] {
  return checkWorkbook([grid]).forms;
}

function transform(grid: Grid, fn: (c: GridCell) => GridCell | null): Grid {
  return new Grid(grid.name, [...grid.cells()].map(fn).filter((c): c is GridCell => c !== null));
}

const insertColumn = (g: Grid, at: number) => transform(g, (c) => (c.col >= at ? { ...c, col: c.col + 1 } : c));
const insertRow = (g: Grid, at: number) => transform(g, (c) => (c.row >= at ? { ...c, row: c.row + 1 } : c));
const mapText = (g: Grid, fn: (s: string, c: GridCell) => string | null) =>
  transform(g, (c) => {
    if (typeof c.value !== 'string') return c;
    const v = fn(c.value, c);
    return v === null ? null : { ...c, value: v };
  });

function rowOfText(g: Grid, re: RegExp): number {
  for (const c of g.cells()) if (typeof c.value === 'string' && re.test(c.value)) return c.row;
  throw new Error(`no cell matching ${re}`);
}

const base03 = () => onlyForm(seedLayout(3));

describe('layout variants of the same sheet', () => {
  it.each([
    ['an offset', { top: 40, left: 9 }],
    ['H/R year words', { yearStyle: 'letterH' as const }],
    ['年度 year words', { yearStyle: 'full' as const }],
    ['full-width digits', { yearStyle: 'fullwidth' as const }],
    ['labels broken over lines', { splitLabels: true }],
    ['the title without 書', { titleVariant: '未収金目標及び具体取組内容調査' }],
    ['minus signs instead of ▲', { negative: 'minus' as const }],
    ['the code-row typo of some printed sheets', { codeRowTypo: true }],
  ])('reads %s the same', (_name, opts) => {
    const form = onlyForm(seedLayout(3, opts));
    expect(gist(form)).toEqual(gist(base03()));
    expect(form.fiscalYear).toBe(2019);
  });

  it('moves the anchor with the offset', () => {
    expect(onlyForm(seedLayout(3, { top: 40, left: 9 })).anchor).toBe('J41');
  });

  it('derives the year from the labels for another survey year', () => {
    const form = onlyForm(seedLayout(3, { fiscalYear: 2021 }));
    expect(form.fiscalYear).toBe(2021);
    expect(gist(form)).toEqual(gist(base03()));
    expect(form.findings.find((f) => f.rule === 'TRD-CARRY')!.message).toContain('E行(令和4 当初目標)');
  });

  it('reads a Heisei-era survey as well', () => {
    const form = onlyForm(seedLayout(13, { fiscalYear: 2016, yearStyle: 'full' }));
    expect(form.fiscalYear).toBe(2016);
    expect(form.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reads a form without the ⑮-2 column', () => {
    const form = onlyForm(seedLayout(13, { with15_2: false }));
    expect(gist(form)).toEqual(gist(onlyForm(seedLayout(13))));
    expect(Object.keys(form.values).some((k) => k.endsWith('.15-2'))).toBe(false);
    expect(Object.keys(onlyForm(seedLayout(13)).values).some((k) => k.endsWith('.15-2'))).toBe(true);
  });

  it('reads a form with an extra column inserted in the tables', () => {
    const g = gridOf(seedLayout(3));
    const code = [...g.cells()].find((c) => c.value === 'エ')!;
    const forms = checkGrid(insertColumn(g, code.col));
    expect(forms).toHaveLength(1);
    expect(gist(forms[0]!)).toEqual(gist(base03()));
  });

  it('reads a form with an extra blank row between the sections', () => {
    const g = gridOf(seedLayout(3));
    const forms = checkGrid(insertRow(insertRow(g, rowOfText(g, /^3\./)), rowOfText(g, /^2\./)));
    expect(gist(forms[0]!)).toEqual(gist(base03()));
  });

  it('reads the trend table by its column names when the code row is missing', () => {
    const g = gridOf(seedLayout(3));
    const codeRow = rowOfText(g, /^カ =/);
    const forms = checkGrid(transform(g, (c) => (c.row === codeRow ? null : c)));
    expect(forms).toHaveLength(1);
    expect(gist(forms[0]!)).toEqual(gist(base03()));
  });

  it('assigns rows by their year and stage when the letters A–G are missing', () => {
    const g = gridOf(seedLayout(3));
    const letterCol = [...g.cells()].find((c) => c.value === 'D' && typeof c.value === 'string')!.col;
    const forms = checkGrid(mapText(g, (s, c) => (c.col === letterCol && /^[A-G]$/.test(s) ? null : s)));
    expect(gist(forms[0]!)).toEqual(gist(base03()));
  });

  it('assigns rows by their letters when the year words lost their numbers', () => {
    const g = gridOf(seedLayout(3));
    const forms = checkGrid(mapText(g, (s) => s.replace(/^(令和|平)\d*元?\s*/, '令和 ')));
    expect(gist(forms[0]!)).toEqual(gist(base03()));
  });

  it('finds the 計 and 合計 columns of section 3 by position when they are not labelled', () => {
    const g = gridOf(seedLayout(14));
    const sec3 = rowOfText(g, /^3\./);
    const forms = checkGrid(mapText(g, (s, c) => (c.row > sec3 && c.row < sec3 + 4 && /^(計|合計)$/.test(s.trim()) ? null : s)));
    expect(gist(forms[0]!)).toEqual(gist(onlyForm(seedLayout(14))));
  });

  it('reads a table whose empty 平29 row was left out altogether', () => {
    const g = gridOf(seedLayout(2));
    const rowA = rowOfText(g, /^平29/);
    const forms = checkGrid(transform(g, (c) => (c.row === rowA ? null : c.row > rowA ? { ...c, row: c.row - 1 } : c)));
    expect(gist(forms[0]!)).toEqual(gist(onlyForm(seedLayout(2))));
  });

  it('accepts the primes as ’ ′ ″ and ” too', () => {
    const g = gridOf(seedLayout(3));
    const forms = checkGrid(mapText(g, (s) => s.replace(/''/g, '″').replace(/'/g, '’')));
    expect(gist(forms[0]!)).toEqual(gist(base03()));
  });

  it('reads a header whose values sit below their labels', () => {
    const g = gridOf(seedLayout(3));
    const headerRow = rowOfText(g, /^所属$/);
    const spread = insertRow(g, headerRow + 1);
    const labels = spread.rowCells(headerRow).filter(([, c]) => typeof c.value === 'string' && /^(所属|担当|債権整理番号|債権区分|債権名)/.test(c.value));
    const labelCols = labels.map(([col]) => col);
    const moved = transform(spread, (c) => {
      if (c.row !== headerRow || labelCols.includes(c.col)) return c;
      const label = [...labelCols].reverse().find((lc) => lc < c.col)!;
      return { ...c, row: headerRow + 1, col: label };
    });
    const form = checkGrid(moved)[0]!;
    expect(form.header).toMatchObject({ bureau: '福祉局', section: '障がい福祉課', claimNo: '038', claimName: '特別障がい者手当等返還金' });
    expect(gist(form)).toEqual(gist(base03()));
  });
});

describe('several forms', () => {
  it('finds two forms stacked on one worksheet, each with its own mistakes', () => {
    const forms = checkLayout([seedLayout(3), seedLayout(14, { top: 80 })]);
    expect(forms).toHaveLength(2);
    expect(gist(forms[0]!)).toEqual(gist(base03()));
    expect(gist(forms[1]!)).toEqual(gist(onlyForm(seedLayout(14))));
    expect(forms[1]!.header.claimNo).toBe('049');
  });

  it('finds forms on several worksheets and says which sheets are not forms', () => {
    const memo = Grid.fromRows('メモ', [['債権名', '担当', '備考'], ['特別障がい者手当等返還金', '障がい福祉課', '提出済み']]);
    const r = checkWorkbook([gridOf(seedLayout(3), '038'), memo, gridOf(seedLayout(13), '046'), new Grid('空', [])]);
    expect(r.forms.map((f) => f.sheet)).toEqual(['038', '046']);
    expect(r.notForms).toEqual([
      { sheet: 'メモ', reason: expect.stringContaining('見出しが見つかりません') },
      { sheet: '空', reason: '空のワークシートです。' },
    ]);
  });

  it('does not take a title alone for a form', () => {
    const g = Grid.fromRows('表紙', [['未収金目標及び具体取組内容調査書'], ['令和2年度'], ['福祉局']]);
    const r = checkWorkbook([g]);
    expect(r.forms).toEqual([]);
    expect(r.notForms[0]!.reason).toContain('表題はありますが');
  });

  it('does not take the older edition\'s list of claims for a form', () => {
    const g = Grid.fromRows('一覧', [['未収債権の目標及び具体処理策の一覧'], ['番号', '債権名', '所管部署'], [1, '大学奨学費貸付金返還金', '地域福祉課']]);
    expect(checkWorkbook([g]).forms).toEqual([]);
  });
});

describe('robustness', () => {
  const VOCAB = ['ア', 'イ', "ウ'", "ケ''", 'カ =イ+エ+オ', '所属', '債権名', '過年度', '現年度', '合計', '①', '⑮', '⑯', '計', '平29 実績', '令和元 修正目標',
    '1. 令和元年度の修正目標の達成状況', '2. 未収金の推移', '3. 令和元年度決算見込における未収金実績の状況', '未収金目標及び具体取組内容調査書', '未収債権の目標及び具体処理策',
    '未収金残高の推移', '債務者数', '未収債権の件数', '—', '▲12', '1,234', 'A', 'B1'];
  const value: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom(...VOCAB),
    fc.integer({ min: -1e6, max: 1e7 }),
    fc.double({ noNaN: false }),
    fc.string(),
    fc.constant(null),
    fc.boolean(),
    fc.constant({ error: '#REF!' }),
    fc.date(),
    fc.constant(new Date(Number.NaN)),
  );

  it('never throws on random grids', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ row: fc.nat(60), col: fc.nat(30), value, formula: fc.option(fc.constant('A1+1'), { nil: undefined }) }), { maxLength: 400 }), (cells) => {
        const r = checkWorkbook([new Grid('x', cells)]);
        for (const f of r.forms.flatMap((x) => x.findings)) {
          expect(f.message.length).toBeGreaterThan(0);
          expect(f.message).not.toContain('内部エラー');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on mutated real sheets', () => {
    const cells = layoutCells(seedLayout(3));
    fc.assert(
      fc.property(fc.array(fc.record({ i: fc.nat(cells.length - 1), value }), { minLength: 1, maxLength: 30 }), (muts) => {
        const copy = cells.map((c) => ({ ...c }));
        for (const m of muts) copy[m.i] = { ...copy[m.i]!, value: m.value };
        const r = checkWorkbook([new Grid('x', copy)]);
        expect(r.forms.length + r.notForms.length).toBe(1);
        expect(r.forms.flatMap((f) => f.findings).filter((f) => f.message.includes('内部エラー'))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
