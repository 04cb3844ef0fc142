// Batch problems of 取りまとめ: the same claim twice, another year or edition than the rest, a file named
// after another claim. Each form gets its own findings, in the order given.
import { batchFindings, claimNumbers, nameNumbers, type BatchForm } from '../../../src/core/batch';

function form(over: Partial<BatchForm> = {}): BatchForm {
  return { label: 'a.xlsx', sourceName: 'a', bureau: '財政局', claimNo: '001', fiscalYear: 2019, edition: 'current', ...over };
}

const rules = (findings: ReturnType<typeof batchFindings>) => findings.map((fs) => fs.map((f) => f.rule));

describe('claim numbers', () => {
  test('as written: several, full-width, typed as a number', () => {
    expect(claimNumbers('056・057')).toEqual([56, 57]);
    expect(claimNumbers('０５６')).toEqual([56]);
    expect(claimNumbers('14')).toEqual([14]);
    expect(claimNumbers(null)).toEqual([]);
  });

  test('in a name only runs of exactly three digits count', () => {
    expect(nameNumbers('R2_財政局_056_市税')).toEqual(['056']);
    expect(nameNumbers('2020年度 調査書(０５７)')).toEqual(['057']);
    expect(nameNumbers('sheet-01')).toEqual([]);
    expect(nameNumbers('20200401')).toEqual([]);
  });
});

describe('batch findings', () => {
  test('a clean batch has none', () => {
    const forms = [form(), form({ claimNo: '002', label: 'b.xlsx' }), form({ bureau: '福祉局', label: 'c.xlsx' })];
    expect(rules(batchFindings(forms))).toEqual([[], [], []]);
  });

  test('the same 所属 and 債権整理番号 twice: an error on both, naming the other', () => {
    const forms = [form({ label: 'a.xlsx' }), form({ claimNo: '002' }), form({ label: 'x/b.xlsx', bureau: ' 財政局', claimNo: '００１' })];
    const out = batchFindings(forms);
    expect(rules(out)).toEqual([['BATCH-DUPLICATE'], [], ['BATCH-DUPLICATE']]);
    expect(out[0]![0]).toMatchObject({ severity: 'error', keys: ['header.bureau', 'header.claimNo'], cells: [] });
    expect(out[0]![0]!.message).toContain('x/b.xlsx');
    expect(out[2]![0]!.message).toContain('a.xlsx');
  });

  test('a blank 所属 or 債権整理番号 is never a duplicate (HDR-REQUIRED reports it)', () => {
    expect(rules(batchFindings([form({ bureau: null }), form({ bureau: null })]))).toEqual([[], []]);
    expect(rules(batchFindings([form({ claimNo: null }), form({ claimNo: '' })]))).toEqual([[], []]);
  });

  test('mixed fiscal years: the forms of the less common year are flagged; a tie goes to the later year', () => {
    const out = batchFindings([form({ claimNo: '001' }), form({ claimNo: '002', fiscalYear: 2018 }), form({ claimNo: '003' }), form({ claimNo: '004', fiscalYear: null })]);
    expect(rules(out)).toEqual([[], ['BATCH-YEAR'], [], []]);
    expect(out[1]![0]!.message).toContain('平成30年度');
    expect(out[1]![0]!.message).toContain('令和元年度');
    expect(rules(batchFindings([form({ fiscalYear: 2018 }), form({ claimNo: '002' })]))).toEqual([['BATCH-YEAR'], []]);
  });

  test('mixed editions: the older form in a batch of current ones', () => {
    const out = batchFindings([form(), form({ claimNo: '002' }), form({ claimNo: null, edition: 'older' })]);
    expect(rules(out)).toEqual([[], [], ['BATCH-EDITION']]);
  });

  test('a file name with a three-digit number that is not the 債権整理番号', () => {
    const out = batchFindings([
      form({ sourceName: '財政局_001_市税', claimNo: '001' }),
      form({ sourceName: '財政局_003_使用料', claimNo: '002' }),
      form({ sourceName: '056-057', claimNo: '057・058' }),
      form({ sourceName: 'sheet-04', claimNo: '004' }),
      form({ sourceName: '014', claimNo: '14' }),
    ]);
    expect(rules(out)).toEqual([[], ['BATCH-FILENAME'], [], [], []]);
    expect(out[1]![0]!.message).toContain('003');
  });
});
