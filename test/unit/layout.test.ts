// The form layouts: positions move with the offset, options change what they should, and every formula's cached
// result is what the formula gives over the form's own cells (checked with a small evaluator) and what the spec says.
import ExcelJS from 'exceljs';
import { a1, parseA1 } from '../../src/core/grid';
import { TREND_CODES, TREND_ROWS } from '../../src/core/model/keys';
import { layoutCurrentForm, type LayoutCell, type LayoutOptions, type LayoutSheet } from '../../src/core/layout/currentLayout';
import { worksheetName } from '../../src/core/layout/sheetName';
import { yearLabel } from '../../src/core/layout/yearWords';
import { writeWorkbook } from '../../src/adapters/xlsx/writeWorkbook';
import { currentLayoutOf, olderDataOf, sheetDataOf } from '../../scripts/build-fixtures';
import { layoutOlderForm } from '../../scripts/olderLayout';
import { ratioToPercent } from '../../scripts/printed';
import { readCurrentSeeds, readOlderSeeds, type CurrentSeed } from '../../scripts/seeds';

const seeds = readCurrentSeeds();
const olderSeeds = readOlderSeeds();
const seed = (n: number): CurrentSeed => {
  const s = seeds.find((x) => x.sheet === n);
  if (!s) throw new Error(`no seed ${n}`);
  return s;
};
const optsOf = (s: CurrentSeed, extra: Partial<LayoutOptions> = {}): LayoutOptions => ({
  fiscalYear: s.fiscalYear,
  dash: s.print.dash,
  ...extra,
});

function byKey(layout: LayoutSheet): Map<string, LayoutCell> {
  const m = new Map<string, LayoutCell>();
  for (const c of layout.cells) {
    if (!c.key) continue;
    if (m.has(c.key)) throw new Error(`duplicate key ${c.key}`);
    m.set(c.key, c);
  }
  return m;
}

// ---- a small evaluator for the formulas the layouts write: refs, + - * /, ( ), SUM(range), IF(x=y,a,b)

type Val = number | string;

function evaluator(layout: LayoutSheet): (address: string) => Val {
  const cells = new Map(layout.cells.map((c) => [a1(c.row, c.col), c]));
  const memo = new Map<string, Val>();
  const cellValue = (address: string): Val => {
    const hit = memo.get(address);
    if (hit !== undefined) return hit;
    const c = cells.get(address);
    const v: Val = c?.formula !== undefined ? evalFormula(c.formula) : typeof c?.value === 'number' || typeof c?.value === 'string' ? c.value : 0;
    memo.set(address, v);
    return v;
  };
  const num = (v: Val): number => {
    if (typeof v !== 'number') throw new Error(`#VALUE! (${v})`);
    return v;
  };
  function evalFormula(f: string): Val {
    const tokens = f.match(/SUM|IF|[A-Z]{1,3}\d+|\d+(?:\.\d+)?|"[^"]*"|[-+*/(),:=]/g) ?? [];
    let i = 0;
    const peek = (): string | undefined => tokens[i];
    const take = (t?: string): string => {
      const x = tokens[i++];
      if (x === undefined || (t !== undefined && x !== t)) throw new Error(`parse error in ${f} at ${i}: ${x}`);
      return x;
    };
    const expr = (): Val => {
      let v = term();
      while (peek() === '+' || peek() === '-') v = take() === '+' ? num(v) + num(term()) : num(v) - num(term());
      return v;
    };
    const term = (): Val => {
      let v = factor();
      while (peek() === '*' || peek() === '/') v = take() === '*' ? num(v) * num(factor()) : num(v) / num(factor());
      return v;
    };
    const factor = (): Val => {
      const t = take();
      if (t === '(') {
        const v = expr();
        take(')');
        return v;
      }
      if (t === '-') return -num(factor());
      if (t === 'SUM') {
        take('(');
        const from = parseA1(take())!;
        take(':');
        const to = parseA1(take())!;
        take(')');
        let s = 0;
        for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) s += num(cellValue(a1(r, c)));
        return s;
      }
      if (t === 'IF') {
        take('(');
        const left = expr();
        take('=');
        const right = expr();
        take(',');
        const yes = expr();
        take(',');
        const no = expr();
        take(')');
        return left === right ? yes : no;
      }
      if (t.startsWith('"')) return t.slice(1, -1);
      if (/^\d/.test(t)) return Number(t);
      return cellValue(t);
    };
    const v = expr();
    if (i !== tokens.length) throw new Error(`trailing tokens in ${f}`);
    return v;
  }
  return cellValue;
}

function expectCachedResultsHold(layout: LayoutSheet): number {
  const value = evaluator(layout);
  let n = 0;
  for (const c of layout.cells) {
    if (c.formula === undefined) continue;
    const v = value(a1(c.row, c.col));
    if (typeof v === 'number') expect(c.result).toBeCloseTo(v, 12);
    else expect([c.key, c.result]).toEqual([c.key, v]);
    n++;
  }
  return n;
}

function shiftRefs(formula: string, dr: number, dc: number): string {
  return formula.replace(/\b([A-Z]{1,3})(\d+)\b/g, (m) => {
    const p = parseA1(m)!;
    return a1(p.row + dr, p.col + dc);
  });
}

describe('layoutCurrentForm', () => {
  it('gives every logical key of the spec exactly once', () => {
    const keys = byKey(currentLayoutOf(seed(3)));
    for (const r of TREND_ROWS) for (const c of TREND_CODES) expect(keys.has(`trend.${r}.${c}`)).toBe(true);
    const statusKeys = [...keys.keys()].filter((k) => k.startsWith('status.'));
    expect(statusKeys).toHaveLength(4 * 20); // ①–⑯, ⑮-2, 計, 計, 合計
    for (const k of ['header.bureau', 'header.claimNo', 'rating.total', 'summary.debtors', 'summary.cases', 'summary.balance']) {
      expect(keys.has(k)).toBe(true);
    }
    expect(keys.get('narrative.verify.past.課題')?.style).toBe('input');
    expect(keys.get('narrative.plan.current.取組内容')).toBeDefined();
  });

  it('moves every cell, merge and formula reference with the offset', () => {
    const s = seed(3);
    const base = layoutCurrentForm(sheetDataOf(s), optsOf(s));
    const moved = layoutCurrentForm(sheetDataOf(s), optsOf(s, { top: 7, left: 4 }));
    const [dr, dc] = [6, 3]; // the default offset is 1/1
    expect(moved.cells).toHaveLength(base.cells.length);
    base.cells.forEach((c, i) => {
      const m = moved.cells[i]!;
      expect([m.row, m.col, m.key]).toEqual([c.row + dr, c.col + dc, c.key]);
      if (c.formula !== undefined) expect(m.formula).toBe(shiftRefs(c.formula, dr, dc));
      expect(m.result).toEqual(c.result);
    });
    expect(moved.merges).toEqual(base.merges.map((g) => ({ top: g.top + dr, left: g.left + dc, bottom: g.bottom + dr, right: g.right + dc })));
    expect(expectCachedResultsHold(moved)).toBeGreaterThan(100);
  });

  it('puts the title at the offset and refers to cells that move with it', () => {
    const s = seed(1);
    const at0 = byKey(layoutCurrentForm(sheetDataOf(s), optsOf(s, { top: 0, left: 0 })));
    expect(at0.get('trend.B.ア')?.formula).toBe('U15'); // A.ケ'' sits at U15 when the form starts at A1
    expect(at0.get("trend.D.ケ''")?.formula).toBe('K18+R18');
  });

  it('drops the ⑮-2 column when with15_2 is off, and refuses ⑮-2 numbers then', () => {
    const s = seed(1);
    const withCol = layoutCurrentForm(sheetDataOf(s), optsOf(s));
    const without = layoutCurrentForm(sheetDataOf(s), optsOf(s, { with15_2: false }));
    const k1 = byKey(withCol);
    const k2 = byKey(without);
    expect([...k2.keys()].some((k) => k.includes('.15-2'))).toBe(false);
    expect(k1.get('status.past.count.15-2')).toBeDefined();
    expect(k2.get('status.past.count.16')!.col).toBe(k1.get('status.past.count.16')!.col - 1);
    expect(k2.get('status.past.count.settle')!.formula).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
    expectCachedResultsHold(without);
    // sheet-14 has explicit zeros in ⑮-2: they may not silently disappear.
    const s14 = seed(14);
    expect(() => layoutCurrentForm(sheetDataOf(s14), optsOf(s14, { with15_2: false }))).toThrow(/⑮-2/);
  });

  it('writes no formula at all with valuesOnly, and shows the same values', () => {
    const s = seed(5);
    const normal = byKey(layoutCurrentForm(sheetDataOf(s), optsOf(s)));
    const values = layoutCurrentForm(sheetDataOf(s), optsOf(s, { valuesOnly: true }));
    expect(values.cells.filter((c) => c.formula !== undefined)).toEqual([]);
    for (const [k, c] of byKey(values)) {
      const n = normal.get(k)!;
      expect([k, c.value]).toEqual([k, n.formula !== undefined ? n.result : n.value]);
    }
  });

  it.each(seeds.map((s) => [s.sheet, s] as const))('sheet-%i: cached results are what the formulas give', (_n, s) => {
    expect(expectCachedResultsHold(currentLayoutOf(s))).toBeGreaterThan(50);
  });

  it.each(seeds.map((s) => [s.sheet, s] as const))('sheet-%i: each formula shows the printed value', (_n, s) => {
    for (const c of currentLayoutOf(s).cells) {
      if (c.formula === undefined || !c.key?.startsWith('trend.')) continue;
      const [, r, code] = c.key.split('.') as [string, (typeof TREND_ROWS)[number], (typeof TREND_CODES)[number]];
      if (s.trend[r] === null) {
        // A row nobody filled keeps the template's formulas: 0 for amounts, the dash for rates.
        expect([c.key, c.result]).toEqual([c.key, c.numFmt === '0.0%' ? s.print.dash : 0]);
        continue;
      }
      const printed = s.trend[r][code];
      if (typeof c.result === 'number' && c.numFmt === '0.0%') expect([c.key, ratioToPercent(c.result)]).toEqual([c.key, printed]);
      else if (typeof c.result === 'number') expect([c.key, c.result]).toEqual([c.key, printed]);
      else expect([c.key, printed]).toEqual([c.key, null]); // the dash
    }
  });

  it('follows the spec rules', () => {
    const k = byKey(currentLayoutOf(seed(1)));
    expect(k.get('trend.D.キ')).toMatchObject({ formula: 'IF(F19=0,"—",G19/F19)', result: 12 / 118, numFmt: '0.0%' });
    expect(k.get("trend.D.キ'")).toMatchObject({ result: '—' }); // ウ' blank: the form shows the dash
    expect(k.get("trend.D.カ'")).toMatchObject({ result: 0 });
    expect(k.get('trend.F.ア')).toMatchObject({ formula: 'V19', result: 106 }); // F.ア = D.ケ''
    expect(k.get('status.past.balance.total')).toMatchObject({ result: 106 });
    expect(k.get('summary.cases')).toMatchObject({ result: 66 });
    expect(k.get('summary.balance')?.formula).toBe('V19');
    expect(k.get("trend.D.ケ''")).toMatchObject({ row: 18, col: 21 });
    const k7 = byKey(currentLayoutOf(seed(7)));
    expect(k7.get('trend.B.カ')).toMatchObject({ result: -100 });
    expect(ratioToPercent(k7.get('trend.B.ク')!.result as number)).toBe(-45.5);
  });

  it('types the printed number where it disagrees with the formula, and only there', () => {
    const typed = (s: CurrentSeed): string[] =>
      currentLayoutOf(s)
        .cells.filter((c) => c.style === 'computed' && c.formula === undefined && c.value !== null && c.value !== undefined)
        .map((c) => c.key!)
        .sort();
    expect(typed(seed(14))).toEqual(["summary.balance", 'trend.B.ア', "trend.B.ケ'"]); // row A is empty: B.ア typed
    expect(typed(seed(3))).toEqual(['trend.E.ア']);
    expect(typed(seed(1))).toEqual([]);
    const k14 = byKey(currentLayoutOf(seed(14)));
    expect(k14.get("trend.B.ケ'")?.value).toBe(2366);
    expect(k14.get("trend.B.ケ''")).toMatchObject({ formula: 'L17+S17', result: 19072 }); // carries the typed 2,366
    expect(k14.get('summary.balance')?.value).toBe(18716);
  });

  it.each(seeds.map((s) => [s.sheet, s] as const))(
    'sheet-%i: typed constants sit exactly at the source errors of computed cells',
    (_n, s) => {
      const typed = currentLayoutOf(s)
        .cells.filter((c) => c.style === 'computed' && c.formula === undefined && c.value !== null && c.value !== undefined)
        .map((c) => c.key!)
        .sort();
      // Section 3 totals are SUMs of their categories; CAT-LINK mistakes live in the typed categories, not here.
      const formulaRules = new Set(['TRD-FORMULA', 'TRD-CARRY', 'CAT-SUMMARY', 'CAT-SUBTOTAL']);
      const expected = s.findings.filter((f) => f.kind === 'source-error' && formulaRules.has(f.rule)).map((f) => f.where);
      if (s.trend.A === null) expected.push('trend.B.ア'); // nothing to carry from
      expect(typed).toEqual(expected.sort());
    },
  );

  it('keeps blank cells blank', () => {
    const k2 = byKey(currentLayoutOf(seed(2)));
    expect(k2.get('trend.A.ア')?.value).toBeNull();
    expect(k2.get("trend.D.ケ'")).toMatchObject({ value: null });
    expect(k2.get("trend.D.ケ'")?.formula).toBeUndefined();
    expect(k2.get('status.past.count.1')?.value).toBeNull();
  });

  it('derives the row labels from the fiscal year', () => {
    const label = (year: number, style: LayoutOptions['yearStyle'], row: number): string | number | null | undefined => {
      const s = seed(1);
      const layout = layoutCurrentForm(sheetDataOf(s), { fiscalYear: year, yearStyle: style, top: 0, left: 0 });
      return layout.cells.find((c) => c.row === 14 + row && c.col === 1)?.value;
    };
    expect([0, 1, 2, 3, 4, 5, 6].map((r) => label(2019, 'short', r))).toEqual([
      '平29 実績',
      '平30 実績',
      '令和元 修正目標',
      '令和元 実績',
      '令和2 当初目標',
      '令和2 修正目標',
      '令和3 当初目標',
    ]);
    expect(label(2020, 'short', 0)).toBe('平30 実績');
    expect(label(2020, 'short', 3)).toBe('令和2 実績');
    expect(label(2019, 'letterH', 2)).toBe('R1 修正目標');
    expect(label(2019, 'full', 0)).toBe('平成29年度 実績');
    expect(label(2019, 'fullwidth', 0)).toBe('平２９ 実績');
    expect(yearLabel(2021, 'fullwidth')).toBe('令和３');
    const titles = layoutCurrentForm(sheetDataOf(seed(1)), { fiscalYear: 2020 }).cells.map((c) => String(c.value ?? ''));
    expect(titles.some((t) => t.startsWith('1. 令和2年度の修正目標'))).toBe(true);
    expect(titles.some((t) => t.startsWith('5. 令和3年度の取組内容'))).toBe(true);
  });

  it('prints the title variant, split labels and the code row as asked', () => {
    const s = seed(1);
    const layout = layoutCurrentForm(sheetDataOf(s), optsOf(s, { titleVariant: '未収金目標及び具体取組内容調査', splitLabels: true, codeRowTypo: true }));
    const texts = layout.cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');
    expect(texts[0]).toBe('未収金目標及び具体取組内容調査');
    expect(texts).toContain('未収金\n残高');
    expect(texts).toContain("キ''\n=(エ'+エ')\n÷(ウ+ウ')");
    const plain = layoutCurrentForm(sheetDataOf(s), optsOf(s)).cells.map((c) => c.value);
    expect(plain).toContain("キ'' =(エ+エ') ÷(ウ+ウ')");
    expect(plain).toContain('ア =前年度ケ');
  });
});

describe('layoutOlderForm', () => {
  it.each(olderSeeds.map((s) => [s.sheet, s] as const))('sheet-%i: lays out sections 1–6 with the older keys', (_n, s) => {
    const layout = layoutOlderForm(olderDataOf(s), { fiscalYear: s.fiscalYear });
    const k = byKey(layout);
    expect(k.get('older.header.claimName')?.value).toBe(s.header.claimName);
    expect(k.get('older.balance.N実績')?.value).toBe(s.balance.N実績);
    expect(k.get('older.status.total.amount')).toBeDefined();
    expect(k.get('older.rating.total')?.value).toBe(s.ratings.total);
    const texts = layout.cells.map((c) => c.value);
    expect(texts).toContain('未収債権の目標及び具体処理策');
    expect(texts).toContain('24実績');
    expect(texts).toContain('4. 25年度決算での未収金残高の状況');
    expectCachedResultsHold(layout);
  });

  it('writes section 4 subtotals as formulas wherever the printed numbers agree', () => {
    const typed = olderSeeds.map((s) => [
      s.sheet,
      layoutOlderForm(olderDataOf(s), { fiscalYear: s.fiscalYear })
        .cells.filter((c) => c.style === 'computed' && c.formula === undefined && c.value !== null && c.value !== undefined)
        .map((c) => c.key),
    ]);
    expect(typed).toEqual([
      [14, ['older.status.total.count']],
      [16, []],
      [18, []],
      [26, []],
    ]);
  });

  it('keeps a total that is not the sum of its parts as typed (sheet-14 counts debtors in its categories)', () => {
    const s = olderSeeds.find((x) => x.sheet === 14)!;
    const k = byKey(layoutOlderForm(olderDataOf(s), { fiscalYear: s.fiscalYear }));
    expect(k.get('older.status.total.count')).toMatchObject({ value: 55305 });
    expect(k.get('older.status.total.amount')?.formula).toBeDefined();
    expect(k.get('older.rates.past.settlement.N-1実績')?.value).toBe('-');
    expect(k.get('older.status.collectSubtotal.count')).toMatchObject({ result: 42425 });
    expect(k.get('older.status.settleSubtotal.amount')).toMatchObject({ result: 1133163 });
    expect(k.get('older.status.total.amount')).toMatchObject({ result: 6624553 });
  });
});

describe('writeWorkbook', () => {
  it('writes formulas with cached results, formats, merges and fills; the same bytes every time', async () => {
    const layout = currentLayoutOf(seed(3));
    const buf = await writeWorkbook([{ name: worksheetName('038 特別障がい者手当等返還金'), layout }]);
    expect((await writeWorkbook([{ name: worksheetName('038 特別障がい者手当等返還金'), layout }])).equals(buf)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('038 特別障がい者手当等返還金');
    const k = byKey(layout);
    const ke = k.get("trend.D.ケ''")!;
    const cell = ws.getCell(ke.row + 1, ke.col + 1);
    expect(cell.formula).toBe(ke.formula);
    expect(cell.result).toBe(4155);
    expect(cell.numFmt).toBe('#,##0;"▲"#,##0');
    const input = k.get('trend.D.ウ')!;
    expect(ws.getCell(input.row + 1, input.col + 1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    const rate = k.get('trend.D.キ')!;
    expect(ws.getCell(rate.row + 1, rate.col + 1).numFmt).toBe('0.0%');
    expect(Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).length).toBe(layout.merges.length);
  });

  it('names worksheets within Excel limits', () => {
    const long = worksheetName('042 障がい福祉サービス費の不正請求に伴う損害賠償請求(参考資料つき)');
    expect([...long]).toHaveLength(31);
    expect(long.startsWith('042 障がい福祉サービス費')).toBe(true);
    expect(worksheetName('a/b:c?d*[e]')).toBe('a b c d e');
    const taken = new Set<string>();
    expect(worksheetName('メモ', taken)).toBe('メモ');
    expect(worksheetName('メモ', taken)).toBe('メモ (2)');
  });
});
