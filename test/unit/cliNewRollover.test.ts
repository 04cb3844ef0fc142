// `mishukin new` and `mishukin rollover`: new workbooks at the edge, the refusals that keep files safe (no overwrite
// without --force, never the input), the year spellings, and the refusal to carry a form with errors forward.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { main } from '../../src/cli/main';
import { checkWorkbook } from '../../src/core/check';
import { memIO } from '../helpers/memIO';

const ROOT = path.join(__dirname, '..', '..');
const example = (f: string) => path.join(ROOT, 'examples', f);

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mishukin-new-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function formsOf(file: string) {
  return checkWorkbook(await readWorkbook(fs.readFileSync(file))).forms;
}

describe('mishukin new', () => {
  it.each([
    ['令和2', 2020],
    ['R2', 2020],
    ['2020', 2020],
    ['平成31/令和元年度', 2019],
    ['H29', 2017],
    ['令和１２', 2030],
  ])('--year %s writes the blank form reporting on %i', async (year, N) => {
    const io = memIO(dir);
    expect(await main(['new', '--year', year, '-o', 'blank.xlsx'], io)).toBe(0);
    const forms = await formsOf(path.join(dir, 'blank.xlsx'));
    expect(forms.map((f) => [f.edition, f.fiscalYear])).toEqual([['current', N]]);
    expect(io.out()).toContain(`新しい調査書: `);
    expect(io.out()).toContain('blank.xlsx に書き出しました');
  });

  it('reads a bare 令和 as 令和元 and says so', async () => {
    const io = memIO(dir);
    expect(await main(['new', '--year', '令和', '-o', 'b.xlsx'], io)).toBe(0);
    expect(io.err()).toContain('「令和」は令和元年度(2019年度)として扱います');
    expect((await formsOf(path.join(dir, 'b.xlsx')))[0]!.fiscalYear).toBe(2019);
  });

  it('refuses an unreadable year, a missing option, and an existing file without --force', async () => {
    let io = memIO(dir);
    expect(await main(['new', '--year', '来年', '-o', 'b.xlsx'], io)).toBe(2);
    expect(io.err()).toContain('「来年」を年度として読み取れません');
    io = memIO(dir);
    expect(await main(['new', '-o', 'b.xlsx'], io)).toBe(2);
    expect(io.err()).toContain('--year で報告する年度を指定してください');
    io = memIO(dir);
    expect(await main(['new', '--year', 'R2'], io)).toBe(2);
    fs.writeFileSync(path.join(dir, 'b.xlsx'), 'keep me');
    io = memIO(dir);
    expect(await main(['new', '--year', 'R2', '-o', 'b.xlsx'], io)).toBe(2);
    expect(io.err()).toContain('すでにあります。上書きするときは --force');
    expect(fs.readFileSync(path.join(dir, 'b.xlsx'), 'utf8')).toBe('keep me');
    expect(await main(['new', '--year', 'R2', '-o', 'b.xlsx', '--force', '--protect'], memIO(dir))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(dir, 'b.xlsx')) as unknown as ArrayBuffer);
    expect((wb.worksheets[0] as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
  });

  it('explains itself', async () => {
    const io = memIO(dir);
    expect(await main(['new', '--help'], io)).toBe(0);
    expect(io.out()).toContain('終了コード');
    expect(io.out()).toContain('「令和」だけのときは令和元年度(2019)として扱います');
  });
});

describe('mishukin rollover', () => {
  it('writes next year’s form and leaves the input untouched', async () => {
    const input = example('current/sheet-13.xlsx');
    const before = fs.readFileSync(input);
    const io = memIO(dir);
    expect(await main(['rollover', input, '-o', 'next.xlsx'], io)).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const [src] = await formsOf(input);
    const [next] = await formsOf(path.join(dir, 'next.xlsx'));
    expect(next!.fiscalYear).toBe(src!.fiscalYear! + 1);
    expect(next!.values["trend.B.ケ''"]).toBe(src!.values["trend.D.ケ''"]);
    expect(next!.values['trend.A.ウ']).toBe(src!.values['trend.B.ウ']);
    expect(next!.findings.map((f) => f.rule)).not.toContain('TRD-CARRY');
    expect(io.out()).toContain('2. B行(令和元 実績) ← 元の D行(令和元 実績)');
    expect(io.out()).toContain('(調査書 1 枚)');
  });

  it('refuses a form with errors (exit 1, nothing written) unless --force', async () => {
    const input = example('current/sheet-14.xlsx');
    let io = memIO(dir);
    expect(await main(['rollover', input, '-o', 'next.xlsx'], io)).toBe(1);
    expect(fs.existsSync(path.join(dir, 'next.xlsx'))).toBe(false);
    expect(io.err()).toContain('エラーが 4 件あります');
    expect(io.err()).toContain('・CAT-SUMMARY');
    expect(io.err()).toContain('--force を付けてください');
    io = memIO(dir);
    expect(await main(['rollover', input, '-o', 'next.xlsx', '--force'], io)).toBe(0);
    expect(io.out()).toContain('指定によりそのまま繰り越します');
    expect(await formsOf(path.join(dir, 'next.xlsx'))).toHaveLength(1);
  });

  it('rolls every form of a workbook into one sheet each', async () => {
    const io = memIO(dir);
    expect(await main(['rollover', example('multi-form.xlsx'), '-o', 'next.xlsx', '--force'], io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(dir, 'next.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['038 特別障がい者手当等返還金(令和2)', expect.stringMatching(/\(令和2\)$/)]);
  });

  it('refuses the input as output, an unreadable file, and a workbook without a current-edition form', async () => {
    const copy = path.join(dir, 'in.xlsx');
    fs.copyFileSync(example('current/sheet-13.xlsx'), copy);
    let io = memIO(dir);
    expect(await main(['rollover', 'in.xlsx', '-o', './in.xlsx', '--force'], io)).toBe(2);
    expect(io.err()).toContain('--output に入力ファイルは指定できません');
    io = memIO(dir);
    expect(await main(['rollover', 'missing.xlsx', '-o', 'x.xlsx'], io)).toBe(2);
    expect(io.err()).toContain('ファイルが見つかりません');
    io = memIO(dir);
    expect(await main(['rollover', example('older/sheet-14.xlsx'), '-o', 'x.xlsx'], io)).toBe(2);
    expect(io.err()).toContain('旧様式');
    expect(io.err()).toContain('繰り越せる調査書(現行様式)が見つかりませんでした');
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});
