// The 取りまとめ workbook in a real spreadsheet engine: LibreOffice opens it and prints it (PDF, A4 landscape), and
// recalculating every formula (the sums of 所属別集計, the links of 一覧) gives the results the report stored for
// viewers that do not recalculate. Needs LibreOffice Calc (Debian package libreoffice-calc-nogui); never skips.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { main } from '../../src/cli/main';
import { memIO } from '../helpers/memIO';
import { MIXED_FORMS, readReport, writeMixedFolder, type SheetRows } from '../helpers/reportFolder';
import { findProgram, writeProfile } from '../../scripts/soffice';

const execFileAsync = promisify(execFile);

jest.setTimeout(180_000);

let work = '';
let report = '';
let stored: Record<string, SheetRows>;
let pdf = '';
let recalculated: Record<string, SheetRows>;

beforeAll(async () => {
  const soffice = findProgram('soffice', 'SOFFICE');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mishukin-lo-report-'));
  await writeMixedFolder(work);
  const io = memIO(work);
  await main(['report', '提出', '-o', '取りまとめ.xlsx', '--jobs', '1'], io);
  report = path.join(work, '取りまとめ.xlsx');
  stored = await readReport(report);

  const profile = writeProfile(path.join(work, 'profile'));
  const run = (format: string, outDir: string) =>
    execFileAsync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, report], {
      timeout: 150_000,
    });
  await run('pdf', path.join(work, 'pdf'));
  pdf = fs.readFileSync(path.join(work, 'pdf', '取りまとめ.pdf'), 'latin1');
  await run('xlsx', path.join(work, 'recalculated'));
  recalculated = await readReport(path.join(work, 'recalculated', '取りまとめ.xlsx'));
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the report in LibreOffice', () => {
  test('prints on A4 landscape pages, every sheet', () => {
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const pages = [...pdf.matchAll(/\/Type\s*\/Page[^s]/g)].length;
    expect(pages).toBeGreaterThanOrEqual(4); // one sheet at least per page
    for (const [w, h] of boxes) {
      // A4 is 842 × 595 points.
      expect(Math.round(w!)).toBe(842);
      expect(Math.round(h!)).toBe(595);
    }
  });

  test('keeps the four sheets and every row', () => {
    expect(Object.keys(recalculated)).toEqual(Object.keys(stored));
    expect(recalculated['一覧']!.values.length).toBe(1 + MIXED_FORMS.length);
  });

  test('recalculates 所属別集計 to the stored results', () => {
    const before = stored['所属別集計']!;
    const after = recalculated['所属別集計']!;
    const formulaCells = before.formulas.flatMap((row, r) => row.map((f, c) => (f ? [r, c] : null)).filter((x): x is number[] => x !== null));
    expect(formulaCells.length).toBeGreaterThan(30);
    for (const [r, c] of formulaCells) {
      const want = before.values[r!]![c!];
      const got = after.values[r!]![c!];
      if (typeof want === 'number') expect(got).toBeCloseTo(want, 9);
      else expect(got ?? '').toBe(want ?? '');
    }
  });

  test('recalculates the links of 一覧 and 指摘事項 to the text they show', () => {
    for (const name of ['一覧', '指摘事項']) {
      const before = stored[name]!;
      const links = before.formulas.flatMap((row, r) => row.flatMap((f, c) => (f?.startsWith('HYPERLINK(') ? [[r, c]] : [])));
      expect(links.length).toBeGreaterThan(0);
      for (const [r, c] of links) expect(recalculated[name]!.values[r!]![c!]).toBe(before.values[r!]![c!]);
    }
  });
});
