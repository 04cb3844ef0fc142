// `mishukin formulas`: a copy with the formulas restored, the preview on screen, and the refusals that keep the
// input safe (same file, existing output without --force).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { writePlannedCopy } from '../../src/adapters/xlsx/applyPlan';
import { main } from '../../src/cli/main';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { writeWorkbook } from '../../src/adapters/xlsx/writeWorkbook';
import { checkWorkbook, recogniseWorkbook } from '../../src/core/check';
import { a1, type Grid } from '../../src/core/grid';
import type { CurrentForm } from '../../src/core/model/form';
import { planFormulas } from '../../src/core/plan/formulaPlan';
import { seedLayout } from '../helpers/forms';
import { memIO } from '../helpers/memIO';

const ROOT = path.join(__dirname, '..', '..');
const SHEET14 = path.join(ROOT, 'examples', 'current', 'sheet-14.xlsx');

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mishukin-formulas-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function gridsOf(file: string): Promise<Grid[]> {
  return readWorkbook(fs.readFileSync(file));
}

function cellsByAddress(g: Grid): Map<string, unknown> {
  return new Map([...g.cells()].map((c) => [a1(c.row, c.col), { value: c.value, formula: c.formula, numFmt: c.numFmt }]));
}

describe('mishukin formulas', () => {
  it('writes a copy with the formulas restored and prints the preview; the input is untouched', async () => {
    const before = fs.readFileSync(SHEET14);
    const out = path.join(dir, 'out.xlsx');
    const io = memIO(ROOT);
    expect(await main(['formulas', SHEET14, '-o', out], io)).toBe(0);
    expect(fs.readFileSync(SHEET14).equals(before)).toBe(true);
    expect(io.out()).toContain('いま 2,366(値) → =M17-(N17+O17) → 2,368  ※表示が変わります');
    expect(io.out()).toContain('に書き出しました(数式を入れたセル 2 個)');

    const [grid] = await gridsOf(out);
    const form = recogniseWorkbook([grid!]).forms[0] as CurrentForm;
    expect(form.fields.get("trend.B.ケ'")).toMatchObject({ formula: 'M17-(N17+O17)', parsed: { value: 2368 } });
    expect(form.fields.get("trend.B.ケ''")).toMatchObject({ formula: 'L17+S17', parsed: { value: 19074 } });
    expect(form.fields.get('summary.balance')).toMatchObject({ formula: 'V19', parsed: { value: 18714 } });
    // Run again on the copy: nothing left to do.
    expect(planFormulas(form).writes).toEqual([]);
    const rules = checkWorkbook([grid!]).forms[0]!.findings.map((f) => f.rule);
    expect(rules).not.toContain('TRD-FORMULA');
    expect(rules).not.toContain('FML-HARDCODED');

    // Everything else is as it was: the cells outside the plan and its knock-on values keep value, formula, format.
    const plan = planFormulas(recogniseWorkbook(await gridsOf(SHEET14)).forms[0] as CurrentForm);
    const touched = new Set([...plan.writes, ...(plan.effects ?? [])].map((w) => w.address));
    const was = cellsByAddress((await gridsOf(SHEET14))[0]!);
    const now = cellsByAddress(grid!);
    for (const [addr, c] of was) if (!touched.has(addr)) expect([addr, now.get(addr)]).toEqual([addr, c]);
    expect(now.size).toBe(was.size);
  });

  it('restores every formula of a values-only copy', async () => {
    const input = path.join(dir, 'values.xlsx');
    fs.writeFileSync(input, await writeWorkbook([{ name: '調査書', layout: seedLayout(3, { valuesOnly: true }) }]));
    const out = path.join(dir, 'restored.xlsx');
    const io = memIO(dir);
    expect(await main(['formulas', 'values.xlsx', '--output', 'restored.xlsx'], io)).toBe(0);
    const form = recogniseWorkbook(await gridsOf(out)).forms[0] as CurrentForm;
    expect(planFormulas(form).writes).toEqual([]);
    expect(checkWorkbook(await gridsOf(out)).forms[0]!.findings.map((f) => f.rule)).not.toContain('FML-VALUES-ONLY');
  });

  it('refuses to write over its input, and over an existing file without --force', async () => {
    const copy = path.join(dir, 'in.xlsx');
    fs.copyFileSync(SHEET14, copy);
    let io = memIO(dir);
    expect(await main(['formulas', 'in.xlsx', '-o', './in.xlsx'], io)).toBe(2);
    expect(io.err()).toContain('入力ファイルは指定できません');
    fs.symlinkSync(copy, path.join(dir, 'link.xlsx'));
    io = memIO(dir);
    expect(await main(['formulas', 'in.xlsx', '-o', 'link.xlsx'], io)).toBe(2);
    expect(fs.readFileSync(copy).equals(fs.readFileSync(SHEET14))).toBe(true);

    fs.writeFileSync(path.join(dir, 'taken.xlsx'), 'keep me');
    io = memIO(dir);
    expect(await main(['formulas', 'in.xlsx', '-o', 'taken.xlsx'], io)).toBe(2);
    expect(io.err()).toContain('--force');
    expect(fs.readFileSync(path.join(dir, 'taken.xlsx'), 'utf8')).toBe('keep me');
    io = memIO(dir);
    expect(await main(['formulas', 'in.xlsx', '-o', 'taken.xlsx', '--force'], io)).toBe(0);
    expect((await gridsOf(path.join(dir, 'taken.xlsx'))).length).toBe(1);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('explains its usage in Japanese, exit code 2', async () => {
    const cases: [string[], string][] = [
      [['formulas'], '数式を入れるブック'],
      [['formulas', 'a.xlsx'], '--output'],
      [['formulas', 'a.xlsx', 'b.xlsx', '-o', 'c.xlsx'], '1つだけ'],
      [['formulas', 'a.xlsx', '-o', 'c.csv'], '.xlsx のファイル'],
      [['formulas', 'a.txt', '-o', 'c.xlsx'], '.xlsx / .xlsm'],
      [['formulas', 'a.xlsx', '-o', 'c.xlsx', '--format', 'json'], '不明なオプション'],
    ];
    for (const [argv, words] of cases) {
      const io = memIO(dir);
      expect(await main(argv, io)).toBe(2);
      expect(io.err()).toContain(words);
      expect(io.err()).toContain('使い方: mishukin formulas');
    }
    const help = memIO(dir);
    expect(await main(['formulas', '--help'], help)).toBe(0);
    expect(help.out()).toContain('入力ファイルには一切書き込みません');
  });

  it('fails with 2 for a missing file, an unreadable file and a workbook without a current-edition form', async () => {
    let io = memIO(dir);
    expect(await main(['formulas', 'missing.xlsx', '-o', 'out.xlsx'], io)).toBe(2);
    expect(io.err()).toContain('見つかりません');
    fs.writeFileSync(path.join(dir, 'bad.xlsx'), 'not a zip');
    io = memIO(dir);
    expect(await main(['formulas', 'bad.xlsx', '-o', 'out.xlsx'], io)).toBe(2);
    io = memIO(ROOT);
    const out = path.join(dir, 'older.xlsx');
    expect(await main(['formulas', 'examples/older/sheet-14.xlsx', '-o', out], io)).toBe(2);
    expect(io.err()).toContain('旧様式');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('writing a plan into an .xlsx', () => {
  it('keeps the copies of a shared formula when its master cell is rewritten', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    for (let r = 1; r <= 3; r++) ws.getRow(r).values = [r, 10 * r];
    // exceljs reads shared formulas this way (its types leave shareType and ref out).
    const master = { formula: 'A1+B1', result: 11, shareType: 'shared', ref: 'C1:C3', date1904: false };
    ws.getCell('C1').value = master as ExcelJS.CellFormulaValue;
    ws.getCell('C2').value = { sharedFormula: 'C1', result: 22, date1904: false };
    ws.getCell('C3').value = { sharedFormula: 'C1', result: 33, date1904: false };
    const input = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const out = await writePlannedCopy(input, [
      {
        title: 't',
        writes: [{ sheet: 'S', address: 'C1', before: { value: 11, formula: 'A1+B1' }, after: { value: 9, formula: 'B1-A1' }, why: '', expected: 9, changesShownValue: true }],
      },
    ]);
    const [grid] = await readWorkbook(out);
    expect(grid!.cell(0, 2)).toMatchObject({ formula: 'B1-A1', value: 9 });
    expect(grid!.cell(1, 2)).toMatchObject({ formula: 'A2+B2', value: 22 });
    expect(grid!.cell(2, 2)).toMatchObject({ formula: 'A3+B3', value: 33 });
  });

  it('stores an error result as an error', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 1;
    const input = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const out = await writePlannedCopy(input, [
      { title: 't', writes: [{ sheet: 'S', address: 'B1', before: { value: null }, after: { value: '#VALUE!', formula: 'A1+"x"' }, why: '', expected: '#VALUE!', changesShownValue: true }] },
    ]);
    const [grid] = await readWorkbook(out);
    expect(grid!.cell(0, 1)).toMatchObject({ formula: 'A1+"x"', value: { error: '#VALUE!' } });
  });
});
