import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCheck, type CheckDeps } from '../../src/cli/check';
import { main } from '../../src/cli/main';
import type { Finding, WorkbookResult } from '../../src/core/findings';
import { Grid } from '../../src/core/grid';

// src/core/check.ts exists, so the real core is used end to end; the other tests inject a fake
// checker through runCheck's deps to control findings exactly.

import { memIO } from '../helpers/memIO';
import { CheckJson } from '../helpers/checkJson';
import { useTempDir } from '../helpers/tempDir';


function result(findings: Finding[]): WorkbookResult {
  return {
    forms: [
      {
        sheet: 'S',
        anchor: 'A1',
        edition: 'current',
        fiscalYear: 2019,
        header: { bureau: '局', section: '課', claimNo: '001', claimType: '私債権', claimName: '貸付金' },
        values: {},
        findings,
      },
    ],
    notForms: [],
    hiddenSheets: [],
  };
}

const ERROR: Finding = { rule: 'TRD-CARRY', severity: 'error', keys: ['trend.D.ア'], cells: ['S!B5'], message: '繰越が合いません。' };
const WARNING: Finding = { rule: 'TRD-MISSING', severity: 'warning', keys: [], cells: [], message: '空欄です。' };

/** Fake deps: every file reads as one empty grid named after it; the checker returns `byName[basename]`. */
function fakeDeps(byName: Record<string, Finding[]> = {}): CheckDeps & { read: string[] } {
  const read: string[] = [];
  return {
    read,
    readWorkbookFile: async (file: string): Promise<Grid[]> => {
      read.push(file);
      return [new Grid(path.basename(file), [])];
    },
    checkWorkbook: (grids: Grid[]) => result(byName[grids[0]!.name] ?? []),
  };
}

async function realWorkbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function digest(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}

const tmp = useTempDir('mishukin-cli-');
const touch = (rel: string, content?: string | Buffer) => tmp.touch(rel, content);

describe('check: exit codes and outputs (fake checker)', () => {
  test('0 when no error finding, 1 when some', async () => {
    await touch('ok.xlsx');
    await touch('bad.xlsx');
    let io = memIO(tmp.path);
    expect(await runCheck(['ok.xlsx'], io, fakeDeps({ 'ok.xlsx': [WARNING] }))).toBe(0);
    io = memIO(tmp.path);
    expect(await runCheck(['ok.xlsx', 'bad.xlsx'], io, fakeDeps({ 'bad.xlsx': [ERROR] }))).toBe(1);
    expect(io.out()).toContain('[TRD-CARRY] B5: 繰越が合いません。');
    expect(io.out()).toMatch(/合計: ファイル 2 件、様式 2 件、エラー 1 件、確認 0 件/);
  });

  test('json output validates against the schema', async () => {
    await touch('a.xlsx');
    const io = memIO(tmp.path);
    expect(await runCheck(['a.xlsx', '--format', 'json'], io, fakeDeps({ 'a.xlsx': [ERROR, WARNING] }))).toBe(1);
    const parsed = CheckJson.parse(JSON.parse(io.out()));
    expect(parsed.files[0]!.forms[0]!.findings.map((f) => f.rule)).toEqual(['TRD-CARRY', 'TRD-MISSING']);
  });

  test('csv output has a BOM and one row per finding', async () => {
    await touch('a.xlsx');
    const io = memIO(tmp.path);
    await runCheck(['a.xlsx', '--format=csv'], io, fakeDeps({ 'a.xlsx': [ERROR, WARNING] }));
    const lines = io.out().split('\r\n').filter(Boolean);
    expect(lines[0]!.startsWith('\uFEFFファイル,')).toBe(true);
    expect(lines).toHaveLength(3);
  });

  test('--output writes the report to a file and nothing to stdout', async () => {
    await touch('a.xlsx');
    const io = memIO(tmp.path, { stdoutTTY: true });
    expect(await runCheck(['a.xlsx', '-o', 'out/report.txt'], io, fakeDeps())).toBe(2);
    // The folder does not exist: an I/O error, exit 2, said on stderr.
    expect(io.err()).toContain('書き込めませんでした');
    await fs.mkdir(path.join(tmp.path, 'out'));
    const io2 = memIO(tmp.path, { stdoutTTY: true });
    expect(await runCheck(['a.xlsx', '-o', 'out/report.txt'], io2, fakeDeps())).toBe(0);
    expect(io2.out()).toBe('');
    const written = await fs.readFile(path.join(tmp.path, 'out/report.txt'), 'utf8');
    expect(written).toContain('■ a.xlsx');
    expect(written).not.toContain('\x1b[');
  });

  test('--output may not be an input file or a workbook', async () => {
    const input = await touch('a.xlsx');
    const before = await digest(input);
    let io = memIO(tmp.path);
    expect(await runCheck(['a.xlsx', '--output', 'a.xlsx'], io, fakeDeps())).toBe(2);
    io = memIO(tmp.path);
    expect(await runCheck(['.', '--output', 'report.XLSM'], io, fakeDeps())).toBe(2);
    expect(io.err()).toContain('--output');
    expect(await digest(input)).toBe(before);
  });

  test('colour only on a TTY and without NO_COLOR', async () => {
    await touch('a.xlsx');
    const tty = memIO(tmp.path, { stdoutTTY: true });
    await runCheck(['a.xlsx'], tty, fakeDeps({ 'a.xlsx': [ERROR] }));
    expect(tty.out()).toContain('\x1b[31m');
    const noColor = memIO(tmp.path, { stdoutTTY: true, env: { NO_COLOR: '1' } });
    await runCheck(['a.xlsx'], noColor, fakeDeps({ 'a.xlsx': [ERROR] }));
    expect(noColor.out()).not.toContain('\x1b[');
    const pipe = memIO(tmp.path);
    await runCheck(['a.xlsx'], pipe, fakeDeps({ 'a.xlsx': [ERROR] }));
    expect(pipe.out()).not.toContain('\x1b[');
  });

  test('progress on stderr only when stderr is a TTY and there are several files', async () => {
    await touch('a.xlsx');
    await touch('b.xlsx');
    const tty = memIO(tmp.path, { stderrTTY: true });
    await runCheck(['a.xlsx', 'b.xlsx'], tty, fakeDeps());
    expect(tty.err()).toContain('検査中 2/2: b.xlsx');
    expect(tty.out()).not.toContain('検査中');
    const pipe = memIO(tmp.path);
    await runCheck(['a.xlsx', 'b.xlsx'], pipe, fakeDeps());
    expect(pipe.err()).toBe('');
    const single = memIO(tmp.path, { stderrTTY: true });
    await runCheck(['a.xlsx'], single, fakeDeps());
    expect(single.err()).toBe('');
  });

  test('a missing file: exit 2, others still checked and reported', async () => {
    await touch('a.xlsx');
    const deps = fakeDeps({ 'a.xlsx': [ERROR] });
    const io = memIO(tmp.path);
    expect(await runCheck(['missing.xlsx', 'a.xlsx', '--format', 'json'], io, deps)).toBe(2);
    const parsed = CheckJson.parse(JSON.parse(io.out()));
    expect(parsed.files.map((f) => [f.file, f.error?.code ?? null])).toEqual([
      ['missing.xlsx', 'not-found'],
      ['a.xlsx', null],
    ]);
    expect(deps.read).toEqual([path.join(tmp.path, 'a.xlsx')]);
    expect(io.err()).toContain('missing.xlsx');
  });

  test('a folder without workbooks: exit 2 with a message', async () => {
    await fs.mkdir(path.join(tmp.path, 'empty'));
    const io = memIO(tmp.path);
    expect(await runCheck(['empty', '--format', 'json'], io, fakeDeps())).toBe(2);
    expect(io.err()).toContain('見つかりませんでした');
    expect(JSON.parse(io.out())).toEqual({ files: [] });
  });

  describe('files in which no form was found: exit 3, named in the summary', () => {
    /** Like fakeDeps, but the files named in `blank` hold no form. */
    const withBlank = (blank: string[], byName: Record<string, Finding[]> = {}): CheckDeps => ({
      ...fakeDeps(byName),
      checkWorkbook: (grids: Grid[]) =>
        blank.includes(grids[0]!.name) ? { forms: [], notForms: [{ sheet: 'メモ', reason: '空です。' }], hiddenSheets: [] } : result(byName[grids[0]!.name] ?? []),
    });

    test('a folder with one file without a form: exit 3; the summary counts and names it', async () => {
      await touch('提出/a.xlsx');
      await touch('提出/memo.xlsx');
      await touch('提出/z.xlsx');
      const io = memIO(tmp.path);
      expect(await runCheck(['提出'], io, withBlank(['memo.xlsx'], { 'a.xlsx': [WARNING] }))).toBe(3);
      const out = io.out();
      expect(out).toContain('合計: ファイル 3 件(様式の見つからなかったもの 1)、様式 2 件、エラー 0 件');
      expect(out).toContain(`様式の見つからなかったファイル: ${path.join('提出', 'memo.xlsx')}\n`);
    });

    test('errors found still exit 1 and an unreadable file 2: those codes are unchanged', async () => {
      await touch('bad.xlsx');
      await touch('memo.xlsx');
      expect(await runCheck(['bad.xlsx', 'memo.xlsx'], memIO(tmp.path), withBlank(['memo.xlsx'], { 'bad.xlsx': [ERROR] }))).toBe(1);
      expect(await runCheck(['missing.xlsx', 'memo.xlsx'], memIO(tmp.path), withBlank(['memo.xlsx']))).toBe(2);
      expect(await runCheck(['bad.xlsx'], memIO(tmp.path), withBlank([], { 'bad.xlsx': [WARNING] }))).toBe(0);
    });

    test('many files without a form: the summary names the first 20 and says how many more', async () => {
      const names = Array.from({ length: 23 }, (_, i) => `m${String(i).padStart(2, '0')}.xlsx`);
      for (const n of names) await touch(path.join('f', n));
      const io = memIO(tmp.path);
      expect(await runCheck(['f'], io, withBlank(names))).toBe(3);
      const line = io.out().split('\n').find((l) => l.startsWith('様式の見つからなかったファイル: '))!;
      expect(line).toContain(path.join('f', 'm19.xlsx'));
      expect(line).not.toContain('m20.xlsx');
      expect(line.endsWith(' ほか 3 件')).toBe(true);
    });

    test('json and csv: a NO-FORM row in csv, the file on stderr', async () => {
      await touch('memo.xlsx');
      let io = memIO(tmp.path);
      expect(await runCheck(['memo.xlsx', '--format', 'csv'], io, withBlank(['memo.xlsx']))).toBe(3);
      expect(io.out().split('\r\n')[1]).toBe('memo.xlsx,,,NO-FORM,確認,,,調査書の様式が見つかりませんでした。');
      io = memIO(tmp.path);
      expect(await runCheck(['memo.xlsx', '--format', 'json'], io, withBlank(['memo.xlsx']))).toBe(3);
      expect(io.err()).toBe('mishukin: memo.xlsx: 調査書の様式が見つかりませんでした。\n');
    });

    test('--help documents exit 3', async () => {
      const io = memIO(tmp.path);
      expect(await runCheck(['--help'], io)).toBe(0);
      expect(io.out()).toMatch(/\n {2}3 {2}エラーの指摘はないが、調査書の様式が一つも見つからないファイルがある/);
      expect(io.out()).toContain('--hidden');
    });
  });

  test('a checker crash is reported for that file, not thrown', async () => {
    await touch('a.xlsx');
    const io = memIO(tmp.path);
    const deps: CheckDeps = {
      readWorkbookFile: async () => [],
      checkWorkbook: () => {
        throw new Error('boom');
      },
    };
    expect(await runCheck(['a.xlsx'], io, deps)).toBe(2);
    expect(io.out()).toContain('[internal-error]');
  });
});

describe('check end to end (real reader, real core)', () => {
  test('unreadable files are reported with their code; readable ones are checked; exit 2', async () => {
    await touch('forms/1-text.xlsx', '所属,担当\n');
    await touch('forms/2-empty.xlsx', '');
    const good = await realWorkbook({ メモ: [['これは調査書ではありません'], [1, 2, 3]] });
    const full = await touch('forms/3-good.xlsx', good);
    await touch('forms/4-truncated.xlsx', good.subarray(0, Math.floor(good.length / 2)));
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 512);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 640);
    await touch('forms/5-locked.xlsx', ole);
    const before = await digest(full);

    const io = memIO(tmp.path);
    const t0 = Date.now();
    expect(await main(['check', 'forms', '--format', 'json'], io)).toBe(2);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const parsed = CheckJson.parse(JSON.parse(io.out()));
    expect(parsed.files.map((f) => [path.basename(f.file), f.error?.code ?? null])).toEqual([
      ['1-text.xlsx', 'not-zip'],
      ['2-empty.xlsx', 'empty'],
      ['3-good.xlsx', null],
      ['4-truncated.xlsx', 'truncated'],
      ['5-locked.xlsx', 'encrypted'],
    ]);
    expect(parsed.files[2]!.forms).toEqual([]);
    for (const f of parsed.files.filter((x) => x.error)) expect(f.error!.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(await digest(full)).toBe(before);
    expect((await fs.readdir(path.join(tmp.path, 'forms'))).sort()).toHaveLength(5);
  });

  test('text: a workbook with no form lists its sheets with a reason; exit 3', async () => {
    await touch('memo.xlsx', await realWorkbook({ メモ: [['メモ']], 集計: [[1]] }));
    const io = memIO(tmp.path);
    expect(await main(['check', 'memo.xlsx'], io)).toBe(3);
    expect(io.out()).toContain('調査書の様式が見つかりませんでした。');
    expect(io.out()).toContain('「メモ」');
    expect(io.out()).toMatch(/合計: ファイル 1 件\(様式の見つからなかったもの 1\)、様式 0 件、エラー 0 件、確認 0 件/);
    expect(io.out()).toContain('様式の見つからなかったファイル: memo.xlsx');
  });

  test('csv: an unreadable file is a FILE-ERROR row', async () => {
    await touch('x.xlsx', 'not a workbook');
    const io = memIO(tmp.path);
    expect(await main(['check', 'x.xlsx', '--format', 'csv'], io)).toBe(2);
    const rows = io.out().split('\r\n');
    expect(rows[1]).toMatch(/^x\.xlsx,,,FILE-ERROR,エラー,,,\[not-zip\] /);
  });

  // The sample workbooks built by scripts/build-fixtures.ts (committed in examples/).
  test('real sample forms are recognised and reported in the documented shape', async () => {
    const io = memIO(path.join(__dirname, '..', '..'));
    const code = await main(['check', path.join('examples', 'current'), '--format', 'json'], io);
    const parsed = CheckJson.parse(JSON.parse(io.out()));
    expect(parsed.files.length).toBeGreaterThan(0);
    expect(parsed.files.every((f) => f.error === null)).toBe(true);
    const forms = parsed.files.flatMap((f) => f.forms);
    expect(forms.length).toBeGreaterThanOrEqual(parsed.files.length);
    expect(forms.every((f) => f.edition === 'current')).toBe(true);
    const hasError = forms.some((f) => f.findings.some((x) => x.severity === 'error'));
    expect(code).toBe(hasError ? 1 : 0);
  });
});

describe('check --explain', () => {
  const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'current', 'sheet-03.xlsx');
  it('says which cells were taken for which part and why (text)', async () => {
    const io = memIO(process.cwd());
    await main(['check', '--explain', EXAMPLE], io);
    expect(io.out()).toContain('認識の根拠:');
    expect(io.out()).toMatch(/3\. 区分別の表 [A-Z]+\d+:[A-Z]+\d+: 区分の番号・説明が 17 列並ぶ見出しの行/);
    expect(io.out()).toMatch(/回収債権 計の列: 見出し「計」、区分の並びの中での位置/);
  });
  it('puts the evidence and the parts not found under "recognition" (json), and only when asked', async () => {
    const io = memIO(process.cwd());
    await main(['check', '--explain', '--format', 'json', EXAMPLE], io);
    const form = JSON.parse(io.out()).files[0].forms[0];
    expect(form.recognition.evidence.some((e: { part: string }) => e.part === '表頭')).toBe(true);
    expect(form.recognition.missing).toEqual([]);
    const plain = memIO(process.cwd());
    await main(['check', '--format', 'json', EXAMPLE], plain);
    expect(JSON.parse(plain.out()).files[0].forms[0].recognition).toBeUndefined();
  });
});
