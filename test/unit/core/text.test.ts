import { findFiscalYears, fiscalYearLabel, parseFiscalYear } from '../../../src/core/text/fiscalYear';
import { normalizeLabel, isDash } from '../../../src/core/text/normalize';
import { parseCell, parseNumberText, percentSign } from '../../../src/core/text/values';

describe('fiscal-year words', () => {
  it.each([
    ['平成29年度', 2017],
    ['平29 実績', 2017],
    ['H29', 2017],
    ['Ｈ２９', 2017],
    ['平成31/令和元年度', 2019],
    ['令和元 修正目標', 2019],
    ['令元', 2019],
    ['R1', 2019],
    ['令和2 当初目標', 2020],
    ['令２', 2020],
    ['R2', 2020],
    ['令和三年度', 2021],
    ['2019年度', 2019],
    ['1. 令和元年度の修正目標(=未収金残高目標)の達成状況', 2019],
  ])('%s → %i', (text, year) => {
    expect(parseFiscalYear(text)).toBe(year);
  });

  it('finds nothing in a year word whose number was lost', () => {
    expect(parseFiscalYear('令和 修正目標')).toBeNull();
    expect(parseFiscalYear('HR部')).toBeNull();
  });

  it('lists every year word in order', () => {
    expect(findFiscalYears('平30 実績 と 令和2 当初目標').map((h) => h.year)).toEqual([2018, 2020]);
  });

  it('names years as the form does', () => {
    expect(fiscalYearLabel(2019)).toBe('令和元年度');
    expect(fiscalYearLabel(2020)).toBe('令和2年度');
    expect(fiscalYearLabel(2018)).toBe('平成30年度');
  });
});

describe('label normalisation', () => {
  it('unifies primes and full-width forms but keeps circled numbers', () => {
    expect(normalizeLabel('ケ″')).toBe("ケ''");
    expect(normalizeLabel('ウ’')).toBe("ウ'");
    expect(normalizeLabel('キ′′')).toBe("キ''");
    expect(normalizeLabel('ケ"')).toBe("ケ''");
    expect(normalizeLabel('①　未収金\n残高')).toBe('①未収金残高');
    expect(normalizeLabel('ｱ')).toBe('ア');
  });
  it('recognises the dash variants of —', () => {
    for (const d of ['—', '-', '－', '―', 'ー', '‐', '−', '該当なし', 'なし']) expect(isDash(d)).toBe(true);
    expect(isDash('A')).toBe(false);
  });
});

describe('tolerant values', () => {
  const amount = (v: unknown, numFmt?: string) => parseCell({ value: v as string, numFmt }, 'amount');
  const rate = (v: unknown, numFmt?: string) => parseCell({ value: v as string, numFmt }, 'rate');
  it.each([
    ['1,234', 1234],
    ['１２３４', 1234],
    ['▲12', -12],
    ['△12', -12],
    ['-12', -12],
    ['1.849', 1849],
    ['39 人', 39],
  ])('amount %s → %d (as text)', (text, n) => {
    expect(amount(text)).toEqual({ status: 'number', value: n, textual: true });
  });
  it('reads numbers, blanks and dashes', () => {
    expect(amount(1234)).toEqual({ status: 'number', value: 1234, textual: false });
    expect(amount(null)).toEqual({ status: 'blank' });
    expect(amount('  ')).toEqual({ status: 'blank' });
    expect(amount('—')).toEqual({ status: 'dash' });
    expect(amount('約100')).toEqual({ status: 'unparseable', text: '約100' });
    expect(parseCell({ value: { error: '#DIV/0!' } }, 'amount')).toEqual({ status: 'error', error: '#DIV/0!' });
    expect(amount('#REF!')).toEqual({ status: 'error', error: '#REF!' });
  });
  it('reads rates as ratios', () => {
    expect(rate('44.4%')).toMatchObject({ value: 0.444 });
    expect(rate(0.444, '0.0%')).toMatchObject({ value: 0.444 });
    expect(rate(44.4)).toMatchObject({ value: 0.444 });
    expect(rate('44.4')).toMatchObject({ value: 0.444 });
    expect(rate('-')).toEqual({ status: 'dash' });
  });
  it.each(['0.0"%"', '0.0\\%', '0.0!%', '0.0"％"', '0.0％', '#,##0.0"%"', '[Blue]0.0" %"', '0.0"%";▲0.0"%"'])(
    'reads a rate shown with a literal %% sign (%s) as the percentage it shows, below 1 as well as above',
    (fmt) => {
      for (const [v, ratio] of [[0.6, 0.006], [0.7, 0.007], [1.4, 0.014], [2, 0.02], [18.6, 0.186], [44.4, 0.444], [0, 0]] as const) {
        expect(rate(v, fmt)).toEqual({ status: 'number', value: expect.closeTo(ratio, 12) as number, textual: false });
      }
    },
  );
  it('reads a rate under a real % format as the ratio it stores, whatever its size (0.7 shows 70.0%)', () => {
    for (const fmt of ['0.0%', '0%', '[Red]0.0%', '0.0%;▲0.0%', '"率"0.0%']) {
      expect(rate(0.007, fmt)).toMatchObject({ value: 0.007 });
      expect(rate(0.7, fmt)).toMatchObject({ value: 0.7 });
      expect(rate(44.4, fmt)).toMatchObject({ value: 44.4 });
    }
  });
  it('reads each sign of a number through its own section of the format', () => {
    expect(rate(-0.6, '0.0"%";▲0.0"%"')).toMatchObject({ value: -0.006 });
    expect(rate(-0.6, '0.0%;▲0.0"%"')).toMatchObject({ value: -0.006 });
    expect(rate(0.6, '0.0%;▲0.0"%"')).toMatchObject({ value: 0.6 });
  });
  it('tells the % operator from a % sign that is only text', () => {
    expect(percentSign('0.0%', 1)).toBe('scaled');
    expect(percentSign('0.0"%"', 1)).toBe('literal');
    expect(percentSign('0.0\\%', 1)).toBe('literal');
    expect(percentSign('0.0％', 1)).toBe('literal');
    expect(percentSign('"(%)"0.0%', 1)).toBe('scaled');
    expect(percentSign('0.0_%', 1)).toBe('none');
    expect(percentSign('[$-ja-JP]0.0', 1)).toBe('none');
    expect(percentSign('General', 1)).toBe('none');
    expect(percentSign(undefined, 1)).toBe('none');
    expect(percentSign('0.0"%";-0.0', -1)).toBe('none');
    expect(percentSign('0.0;-0.0;"0%"', 0)).toBe('literal');
  });
  it('keeps decimals in rates apart from thousands separators', () => {
    expect(parseNumberText('1.849', 'rate')).toEqual({ value: 1.849, percent: false });
  });
});
