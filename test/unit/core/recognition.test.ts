// Fixed cases of recognition that real sheets broke: each of them failed before the recogniser was rebuilt on
// scored labels (issue 9). The layout mutator covers the combinations; these name the cases one by one.
import { Grid } from '../../../src/core/grid';
import { checkWorkbook, recogniseWorkbook } from '../../../src/core/check';
import type { FormResult } from '../../../src/core/findings';
import { key } from '../../../src/core/model/keys';
import { parseClaimType } from '../../../src/core/rules/header';
import { trendYear } from '../../../src/core/recognise/trend';
import { parseHeading } from '../../../src/core/recognise/match';
import { layoutOlderForm } from '../../../scripts/olderLayout';
import { olderDataOf } from '../../../scripts/build-fixtures';
import { OLDER_SEEDS, cellOf, gridOf, onlyForm, seedLayout, setKey } from '../../helpers/forms';
import type { LayoutCell, LayoutSheet } from '../../../src/core/layout/sheet';
import { CANONICAL, classify, mutate, shift, toGrid, type MForm } from '../../helpers/mutator';

const gist = (f: FormResult) => f.findings.map((x) => `${x.rule} ${x.severity} ${[...x.keys].sort().join(',')}`).sort();
const errors = (f: FormResult) => f.findings.filter((x) => x.severity === 'error').map((x) => `${x.rule} ${x.keys.join(',')}`);

function merge(...forms: MForm[]): MForm {
  return { cells: forms.flatMap((f) => f.cells), merges: forms.flatMap((f) => f.merges) };
}

describe('several forms on one worksheet', () => {
  it('splits two forms side by side: each reads its own cells only', () => {
    const left = classify(seedLayout(3));
    const right = shift(classify(seedLayout(14)), 0, 30);
    const forms = checkWorkbook([toGrid(merge(left, right))]).forms;
    expect(forms).toHaveLength(2);
    const [a, b] = forms;
    expect(a!.values).toEqual(onlyForm(seedLayout(3)).values);
    expect(b!.values).toEqual(onlyForm(seedLayout(14)).values);
    expect(gist(a!)).toEqual(gist(onlyForm(seedLayout(3))));
    expect(gist(b!)).toEqual(gist(onlyForm(seedLayout(14))));
  });

  it('splits side-by-side forms however their labels are laid out', () => {
    const left = mutate(classify(seedLayout(13)), { ...CANONICAL, header: 'vertical', subtotals: 'absentAll', categories: 'newline', merges: false });
    const right = shift(mutate(classify(seedLayout(16)), { ...CANONICAL, codeRow: false, letters: 'absent', merges: false }), 0, 32);
    const forms = checkWorkbook([toGrid(merge(left, right))]).forms;
    expect(forms.map((f) => f.header.claimNo)).toEqual(['046', seedClaimNo(16)]);
    expect(forms[0]!.values).toEqual(onlyForm(seedLayout(13)).values);
    expect(forms[1]!.values).toEqual(onlyForm(seedLayout(16)).values);
  });

  it('reads an older-edition form below a current one, each as its own edition', () => {
    const s = OLDER_SEEDS[0]!;
    const older = layoutOlderForm(olderDataOf(s), { fiscalYear: s.fiscalYear, top: 70 });
    const forms = checkWorkbook([gridOf([seedLayout(13), older])]).forms;
    expect(forms.map((f) => f.edition)).toEqual(['current', 'older']);
    expect(forms[0]!.values).toEqual(onlyForm(seedLayout(13)).values);
    expect(errors(forms[0]!)).toEqual([]);
  });
});

function seedClaimNo(n: number): string {
  return onlyForm(seedLayout(n)).header.claimNo!;
}

describe('not found is not wrong', () => {
  it('a form without section 3 gets one REC-PART warning, no error and no CAT finding', () => {
    const g = gridOf(seedLayout(13));
    const s3 = [...g.cells()].find((c) => typeof c.value === 'string' && c.value.startsWith('3.'))!.row;
    const s4 = [...g.cells()].find((c) => typeof c.value === 'string' && c.value.startsWith('4.'))!.row;
    const cut = new Grid(g.name, [...g.cells()].filter((c) => c.row < s3 || c.row >= s4).map((c) => (c.row >= s4 ? { ...c, row: c.row - (s4 - s3) } : c)));
    const f = checkWorkbook([cut]).forms[0]!;
    expect(errors(f)).toEqual([]);
    expect(f.findings.filter((x) => x.rule.startsWith('CAT-'))).toEqual([]);
    const rec = f.findings.filter((x) => x.rule === 'REC-PART');
    expect(rec.map((x) => x.severity)).toEqual(['warning', 'warning']);
    expect(rec[0]!.message).toContain('3. 未収金実績の状況(区分別の表)');
    expect(rec[0]!.message).toContain('探したもの');
    expect(rec[0]!.message).toContain('CAT-SUBTOTAL');
  });

  it('does not take the rows of a table it could not read for the summary', () => {
    // Section 3's category numbers wiped: the table is not found, its 「過年度 | 未収金残高」 rows are still there.
    const layout = seedLayout(9);
    const numbers = new Set(layout.cells.filter((c) => typeof c.value === 'string' && /^[①-⑯]$/.test(c.value)).map((c) => `${c.row},${c.col}`));
    const g = gridOf(layout);
    const cut = new Grid(g.name, [...g.cells()].filter((c) => !numbers.has(`${c.row},${c.col}`)), g.merges);
    const f = checkWorkbook([cut]).forms[0]!;
    const whole = onlyForm(layout);
    expect(f.findings.filter((x) => x.rule === 'REC-PART').map((x) => x.message)).toEqual([expect.stringContaining('3. 未収金実績の状況(区分別の表)')]);
    expect(errors(f)).toEqual([]);
    for (const k of ['summary.debtors', 'summary.cases', 'summary.balance']) expect({ k, v: f.values[k] }).toEqual({ k, v: whole.values[k] });
  });

  it('says so when section 4 is not found, as for section 5', () => {
    const g = gridOf(seedLayout(14));
    const s4 = [...g.cells()].find((c) => typeof c.value === 'string' && c.value.startsWith('4.'))!.row;
    const s5 = [...g.cells()].find((c) => typeof c.value === 'string' && c.value.startsWith('5.'))!.row;
    const cut = new Grid(g.name, [...g.cells()].filter((c) => c.row < s4 || c.row >= s5));
    const f = checkWorkbook([cut]).forms[0]!;
    const rec = f.findings.find((x) => x.rule === 'REC-PART')!;
    expect(rec.message).toContain('4. 取組内容の検証など');
    expect(rec.message).toContain('TXT-REQUIRED');
    expect(f.findings.filter((x) => x.rule === 'TXT-REQUIRED')).toEqual([]);
  });

  it('a header label it cannot find is its limit, not an empty field', () => {
    const l = classify(seedLayout(13));
    const noSection: MForm = { ...l, cells: l.cells.filter((c) => !(c.role === 'headerLabel' && c.value === '担当')) };
    const f = checkWorkbook([toGrid(noSection)]).forms[0]!;
    expect(f.findings.filter((x) => x.rule === 'HDR-REQUIRED')).toEqual([]);
    expect(f.findings.find((x) => x.rule === 'REC-PART')!.keys).toEqual(['header.section']);
  });
});

describe('a template with its formulas', () => {
  it('does not take a row of formulas showing 0 and — for a filled row', () => {
    // Sheet 02 has no 平29 row and types its B.ア: with the template's formulas in row A, nothing changes.
    const plain = onlyForm(seedLayout(2));
    const template = checkWorkbook([toGrid(mutate(classify(seedLayout(2)), { ...CANONICAL, formulas: 'templateRows' }))]).forms[0]!;
    expect(template.values['trend.A.ケ\'\'']).toBe(0);
    expect(gist(template)).toEqual(gist(plain));
    expect(template.findings.filter((x) => x.rule === 'TRD-CARRY')).toEqual([]);
  });

  it('warns of an empty target row even when its formulas show 0', () => {
    let l = seedLayout(13);
    for (const c of ['ウ', 'エ', 'オ', "ウ'", "エ'", "オ'"] as const) l = setKey(l, key.trend('G', c), null);
    const f = checkWorkbook([toGrid(mutate(classify(l), { ...CANONICAL, formulas: 'templateRows' }))]).forms[0]!;
    expect(f.findings.some((x) => x.rule === 'TRD-MISSING' && x.keys.includes("trend.G.ウ"))).toBe(true);
    expect(f.findings.filter((x) => x.rule === 'TRD-FORMULA')).toEqual([]);
  });
});

describe('a yen amount among 千円', () => {
  it('flags 現年度 調定額 typed in 円 against its own column', () => {
    const l = setKey(seedLayout(3), key.trend('F', "ウ'"), (v) => v * 1000 + 679);
    const f = onlyForm(l).findings.filter((x) => x.rule === 'TRD-UNIT');
    expect(f.map((x) => x.keys[0])).toEqual(["trend.F.ウ'"]);
  });
  it('does not flag a column that grows from one year to the next', () => {
    expect(onlyForm(seedLayout(3)).findings.filter((x) => x.rule === 'TRD-UNIT')).toEqual([]);
  });
});

describe('ratings marked in a grid of the codes', () => {
  /** Codes A | B1 | B2 | — across a header row, one row per part with `mark` under its code (`other` elsewhere). */
  function markedGrid(sheet: number, mark: string, other: string | null) {
    const f = mutate(classify(seedLayout(sheet)), { ...CANONICAL, ratings: 'vertical' });
    const fields = f.cells.filter((c) => c.key?.startsWith('rating.')).sort((a, b) => a.row - b.row);
    const labels = fields.map((v) => f.cells.find((c) => c.role === 'ratingLabel' && c.row === v.row)!);
    const top = fields[0]!.row - 1;
    const codes = ['A', 'B1', 'B2', '—'];
    const col = (i: number) => fields[0]!.col + 2 * i;
    const kept = f.cells.filter((c) => !fields.includes(c) && !(c.row === top && c.col >= col(0)));
    const cells = [...kept, ...codes.map((code, i) => ({ row: top, col: col(i), value: code, role: 'other' as const }))];
    fields.forEach((v, j) => {
      const hit = codes.indexOf(String(v.value ?? ''));
      codes.forEach((_, i) => {
        if (i === hit) cells.push({ row: labels[j]!.row, col: col(i), value: mark, role: 'other' as const });
        else if (other !== null) cells.push({ row: labels[j]!.row, col: col(i), value: other, role: 'other' as const });
      });
    });
    return checkWorkbook([toGrid({ cells, merges: [] })]).forms[0]!;
  }

  it.each([
    [9, '○', null],
    [9, '●', '×'],
    [13, '✓', null],
  ])('sheet %i with %s: the codes read are the marked columns', (sheet, mark, other) => {
    const whole = onlyForm(seedLayout(sheet));
    const form = markedGrid(sheet, mark as string, other);
    for (const k of ['rating.past', 'rating.current', 'rating.total']) expect({ k, v: form.values[k] }).toEqual({ k, v: whole.values[k] });
    expect(errors(form)).toEqual(errors(whole));
  });
});

describe('債権区分 ticked in a row of boxes', () => {
  it.each([
    [10, 2],
    [13, 0],
  ])('sheet %i: the ticked one of three cells is the claim type', (sheet, tick) => {
    const f = mutate(classify(seedLayout(sheet)), { ...CANONICAL, header: 'vertical' });
    const cell = f.cells.find((c) => c.key === 'header.claimType')!;
    const options = ['強制徴収公債権', '非強制徴収公債権', '私債権'];
    const boxes = options.map((o, i) => ({ row: cell.row, col: cell.col + i, value: `${i === tick ? '☑' : '☐'} ${o}`, role: 'other' as const }));
    const cells = [...f.cells.filter((c) => c !== cell && !(c.row === cell.row && c.col > cell.col && c.col < cell.col + 3)), { ...boxes[0]!, key: cell.key, role: 'field' as const }, ...boxes.slice(1)];
    const form = checkWorkbook([toGrid({ cells, merges: [] })]).forms[0]!;
    expect(parseClaimType(form.header.claimType ?? null)).toBe(['enforced', 'nonEnforced', 'private'][tick]);
    expect(errors(form)).toEqual(errors(onlyForm(seedLayout(sheet))));
  });
});

describe('words as staff write them', () => {
  it.each([
    ['非強制公債権', 'nonEnforced'],
    ['非強制徴収公債権(非強公)', 'nonEnforced'],
    ['非強公', 'nonEnforced'],
    ['公債権(強制徴収できない)', 'nonEnforced'],
    ['強制徴収できない公債権', 'nonEnforced'],
    ['強制徴収公債権', 'enforced'],
    ['強制公', 'enforced'],
    ['公債権(強制徴収できる)', 'enforced'],
    ['私債権', 'private'],
    ['公債権', null],
    ['■強制徴収公債権 □非強制徴収公債権 □私債権', 'enforced'],
    ['☐ 強制公 ☐ 非強公 ☑ 私債権', 'private'],
    ['□強制徴収公債権 ✓非強制徴収公債権 □私債権', 'nonEnforced'],
    ['☐ 強制公 ☐ 非強公 ☐ 私債権', null],
    ['☑ 強制公 ☐ 非強公 ☑ 私債権', null],
  ])('債権区分 %s', (raw, type) => {
    expect(parseClaimType(raw)).toBe(type);
  });

  it.each([
    ['令和元年度実績', 2019],
    ['令和元 実績', 2019],
    ['30実績', 2018],
    ['29年度実績', 2017],
    ['元修正目標', 2019],
    ['2当初目標', 2020],
    ['2019年度実績', 2019],
    ['2019 実績', 2019],
    ['R2当初目標', 2020],
  ])('trend row year %s', (label, year) => {
    expect(trendYear(label)).toBe(year);
  });

  it.each([
    ['2. 未収金の推移', 2],
    ['２．未収金の推移', 2],
    ['(2) 未収金の推移', 2],
    ['（２）未収金の推移', 2],
    ['2) 未収金の推移', 2],
    ['Ⅱ. 未収金の推移', 2],
    ['Ⅱ 未収金の推移', 2],
    ['第2 未収金の推移', 2],
    ['二、未収金の推移', 2],
    ['未収金の推移', null],
    ['2019年度の取組', null],
  ])('heading %s is numbered %p', (raw, n) => {
    expect(parseHeading(raw).number).toBe(n);
  });

  it('reads a claim number typed as 14 in a cell formatted 000 as 014', () => {
    const l = seedLayout(13);
    const c = cellOf(l, key.header('claimNo'));
    const typed = { ...l, cells: l.cells.map((x) => (x === c ? { ...x, value: 46, numFmt: '000' } : x)) };
    const f = onlyForm(typed);
    expect(f.header.claimNo).toBe('046');
    expect(f.findings.filter((x) => x.rule === 'HDR-CLAIMNO')).toEqual([]);
  });

  it('reads full-width rating codes as the codes', () => {
    const f = onlyForm(setKey(seedLayout(3), key.rating('current'), 'Ｂ１'));
    expect(f.values['rating.current']).toBe('B1');
    expect(f.findings.filter((x) => x.rule === 'RATE-CODE')).toEqual([]);
  });

  it('reads rates typed as percentage numbers without a % format, small ones included', () => {
    const l = seedLayout(13);
    const rates = l.cells.filter((c) => c.key && /^trend\.[A-G]\.[キク]/.test(c.key) && typeof c.result === 'number');
    const typed = {
      ...l,
      cells: l.cells.map((c) => (rates.includes(c) ? { row: c.row, col: c.col, key: c.key, value: Math.round((c.result as number) * 1000) / 10 } : c)),
    };
    const f = onlyForm(typed);
    for (const c of rates) expect(Math.abs((f.values[c.key!] as number) - (c.result as number))).toBeLessThan(0.0006);
    expect(f.findings.filter((x) => x.rule === 'TRD-FORMULA')).toEqual([]);
  });
});

describe('rates typed as percentage numbers under a format with a literal % sign', () => {
  // Seed 9's rates run from 0.3% to 18.6%: typed as percentages (2.0, 0.7 …), a column holds numbers below and above 1.
  const RATE_KEY = /^trend\.[A-G]\.[キク]/;
  const asTyped = (r: number) => Math.round(r * 1000) / 10;
  /** Seed 9 with its rates typed as the percentages they print (values, no formulas), each under the format fmtOf gives. */
  function typedRates(fmtOf: (k: string) => string | undefined, value: (k: string, printed: number) => number | string = (_, p) => p): LayoutSheet {
    const l = seedLayout(9);
    return {
      ...l,
      cells: l.cells.map((c) => {
        if (!c.key || !RATE_KEY.test(c.key) || typeof c.result !== 'number') return c;
        const fmt = fmtOf(c.key);
        const typed: LayoutCell = { row: c.row, col: c.col, key: c.key, value: value(c.key, asTyped(c.result)) };
        return fmt === undefined ? typed : { ...typed, numFmt: fmt };
      }),
    };
  }
  const rateFindings = (f: FormResult) => f.findings.filter((x) => x.rule === 'TRD-FORMULA' || x.rule.startsWith('RATE'));
  const checked = (l: LayoutSheet) => {
    const forms = checkWorkbook([gridOf(l)]).forms;
    expect(forms).toHaveLength(1);
    return forms[0]!;
  };

  it.each(['0.0"%"', '0.0\\%', '0.0"％"', '0.0％'])('reads them as they show under %s: a correct sheet has no rate finding', (fmt) => {
    const l = typedRates(() => fmt);
    const typed = l.cells.filter((c) => c.key && RATE_KEY.test(c.key) && typeof c.value === 'number');
    expect(typed.some((c) => (c.value as number) < 1) && typed.some((c) => (c.value as number) > 1)).toBe(true);
    const f = checked(l);
    for (const c of typed) expect(f.values[c.key!]).toBeCloseTo((c.value as number) / 100, 12);
    expect(rateFindings(f)).toEqual([]);
    expect(errors(f)).toEqual([]);
  });

  it('still flags a rate that is really wrong, saying what the cell shows', () => {
    const k = key.trend('B', 'キ');
    for (const [fmt, shows] of [['0.0"%"', '7.0%'], ['0.0"％"', '70.0%']] as const) {
      const wrong = parseFloat(shows);
      const f = checked(typedRates(() => fmt, (x, p) => (x === k ? wrong : p)));
      const found = rateFindings(f);
      expect(found.map((x) => `${x.rule} ${x.keys.join(',')}`)).toEqual([`TRD-FORMULA ${k}`]);
      expect(found[0]!.message).toContain('計算上は 0.7%');
      expect(found[0]!.message).toContain(`記入は ${shows} です`);
    }
  });

  it('reads the rates of the form left without a % sign as percentages too (0.7 beside 2.0"%" is 0.7%)', () => {
    // Row A (2.0, 18.6, 3.1) carries the literal % sign; rows B–G (0.3 … 0.7) are General.
    const l = typedRates((k) => (k.startsWith('trend.A.') ? '0.0"%"' : undefined));
    const f = checked(l);
    expect(f.values[key.trend('B', 'キ')]).toBeCloseTo(0.007, 12);
    expect(rateFindings(f)).toEqual([]);
  });

  it('reads a rate typed as text by what it shows, whatever the number format (text is not formatted)', () => {
    const k = key.trend('B', 'キ');
    const f = checked(typedRates((x) => (x === k ? '0.0%' : '0.0"%"'), (x, p) => (x === k ? String(p) : p)));
    expect(f.values[k]).toBeCloseTo(0.007, 12);
    expect(rateFindings(f)).toEqual([]);
  });

  it('keeps a real % format as Excel shows it: 0.7 under 0.0% is 70.0%', () => {
    const k = key.trend('B', 'キ');
    const f = checked(typedRates((x) => (x === k ? '0.0%' : '0.0"%"')));
    expect(rateFindings(f).map((x) => x.keys.join(','))).toEqual([k]);
    expect(rateFindings(f)[0]!.message).toContain('記入は 70.0% です');
  });
});

describe('years that disagree', () => {
  it('says so when the titles name another year than the rows, and checks by the rows', () => {
    const l = classify(seedLayout(13));
    const stale: MForm = { ...l, cells: l.cells.map((c) => (c.role === 'heading' && typeof c.value === 'string' ? { ...c, value: c.value.replace(/令和元年度/g, '令和2年度').replace(/令和2年度の取組内容 …/, '令和3年度の取組内容 …') } : c)) };
    const f = checkWorkbook([toGrid(stale)]).forms[0]!;
    expect(f.fiscalYear).toBe(2019);
    const rec = f.findings.find((x) => x.rule === 'REC-YEAR')!;
    expect(rec.severity).toBe('warning');
    expect(rec.message).toContain('令和2年度');
    expect(rec.message).toContain('令和元年度');
  });
});

describe('narrative text that reads like a heading', () => {
  it('does not end section 4 at a note that starts like section 5', () => {
    const l = setKey(seedLayout(14), key.verify('past', '取組実績'), '5. 令和2年度の取組内容として、催告と納付交渉を続ける。');
    const f = onlyForm(l);
    expect(f.values['narrative.verify.past.改善策']).toBe(onlyForm(seedLayout(14)).values['narrative.verify.past.改善策']);
    expect(f.values['narrative.plan.past.取組内容']).toBe(onlyForm(seedLayout(14)).values['narrative.plan.past.取組内容']);
  });
});

describe('not a form', () => {
  it('does not take a legend of the codes for a form', () => {
    const g = Grid.fromRows('記入要領', [
      ['記入要領'],
      ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', "ウ'", "エ'", "オ'", "カ'", "キ'", "ク'", "ケ'", "キ''", "ク''", "ケ''"],
      ['前年度からの調定繰越額', '年度中の調定減少額', '調定額'],
    ]);
    const r = recogniseWorkbook([g]);
    expect(r.forms).toEqual([]);
    expect(r.notForms).toHaveLength(1);
  });
});

describe('blank fields without merged areas (as Excel reads a sheet: it never loads them)', () => {
  const BLANKS = ['header.bureau', 'header.section', 'header.claimNo', 'header.claimType', 'header.claimName', 'rating.past', 'rating.current', 'rating.total', 'summary.debtors'];
  it.each(BLANKS)('%s is located at its own cell of the template, not beside its label', (k) => {
    const l = setKey(seedLayout(13), k, null);
    const merged = recogniseWorkbook([gridOf(l)]).forms[0]!;
    const bare = recogniseWorkbook([toGrid({ ...classify(l), merges: [] })]).forms[0]!;
    expect(bare.fields.get(k)!.address).toBe(merged.fields.get(k)!.address);
    expect(bare.fields.get(k)!.address).toBe(`${String.fromCharCode(65 + cellOf(l, k).col)}${cellOf(l, k).row + 1}`);
  });
  it('finds them all blank at once too', () => {
    let l = seedLayout(13);
    for (const k of BLANKS) l = setKey(l, k, null);
    const bare = recogniseWorkbook([toGrid({ ...classify(l), merges: [] })]).forms[0]!;
    for (const k of BLANKS) expect({ k, at: bare.fields.get(k)!.address }).toEqual({ k, at: `${String.fromCharCode(65 + cellOf(l, k).col)}${cellOf(l, k).row + 1}` });
  });
});

describe('column names as staff shorten them', () => {
  it('reads the trend table by short names under their groups when the code row is missing', () => {
    const SHORT: Record<string, string> = { 前年度からの調定繰越額: '繰越額', 年度中の調定減少額: '減少額', 調定額: '調定', 徴収額: '徴収', 不納欠損額: '欠損額', 整理額: '整理', 未収金残高: '残高' };
    const l = classify(seedLayout(3));
    const short: MForm = {
      ...l,
      cells: l.cells
        .filter((c) => c.role !== 'code')
        .map((c) => (c.role === 'name' && typeof c.value === 'string' ? { ...c, value: SHORT[c.value.replace(/\s/g, '')] ?? c.value } : c)),
    };
    const f = checkWorkbook([toGrid(short)]).forms[0]!;
    expect(f.values).toEqual(onlyForm(seedLayout(3)).values);
    expect(gist(f)).toEqual(gist(onlyForm(seedLayout(3))));
  });
});

describe('a summary field it cannot find', () => {
  it('is named once as REC-PART, and its checks do not run', () => {
    const l = classify(seedLayout(17));
    const noDebtors: MForm = { ...l, cells: l.cells.filter((c) => !(typeof c.value === 'string' && c.value.includes('債務者数') && c.role === 'summaryLabel')) };
    const f = checkWorkbook([toGrid(noDebtors)]).forms[0]!;
    expect(f.findings.filter((x) => x.rule === 'CAT-DEBTORS')).toEqual([]);
    const rec = f.findings.filter((x) => x.rule === 'REC-PART');
    expect(rec.map((x) => x.keys)).toEqual([['summary.debtors']]);
    expect(rec[0]!.message).toContain('CAT-DEBTORS');
  });
});
