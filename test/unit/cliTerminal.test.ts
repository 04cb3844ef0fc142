// Text from outside printed on a terminal: file names, sheet names and messages can carry escape sequences,
// carriage returns, bells, C1 controls and bidi overrides; every command must print them harmlessly.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { Progress } from '../../src/cli/progress';
import { displayWidth, fitFromEnd, printable, printableLines, terminalSafeJson } from '../../src/cli/terminal';
import { memIO } from '../helpers/memIO';

/** A name built to attack a terminal: clear screen, retitle (OSC), bell, carriage return, CSI as C1, RLO. */
const EVIL = 'a\x1b[2J\x1b]0;owned\x07b\rc\u009b31m\u202egnp.exe\u2066d\x00e\u0085f\u2028g';
/** The same as a file name (a file name cannot hold NUL). */
const EVIL_NAME = EVIL.replace('\x00', '');
/** What may never reach a terminal from outside (our own progress sequences are removed before the test). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/;

function expectHarmless(text: string): void {
  const bad = UNSAFE.exec(text);
  expect(bad ? `U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${bad.index}` : null).toBeNull();
}

describe('printable', () => {
  test('removes controls and bidi marks, turns line breaks and tabs into spaces', () => {
    expect(printable(EVIL)).toBe('a[2J]0;ownedb c31mgnp.exede f g');
    expect(printable('x\ty\r\nz')).toBe('x y z');
    expectHarmless(printable(EVIL));
  });

  test('keeps Japanese, full-width forms and ordinary punctuation as they are', () => {
    const s = '財政局「未収金」①〜⑯ ケ\'\' ▲1,234 千円 (令和元年度)';
    expect(printable(s)).toBe(s);
  });

  test('printableLines keeps \\n and \\r\\n line ends, nothing else', () => {
    expect(printableLines(`a\r\nb\n${EVIL}`)).toBe(`a\nb\n${printable(EVIL)}`);
  });

  test('terminalSafeJson escapes what JSON.stringify leaves raw, and parses back to the same data', () => {
    const data = { file: EVIL, message: 'x\u009by\u202ez\u2028' };
    const json = terminalSafeJson(JSON.stringify(data));
    expectHarmless(json);
    expect(JSON.parse(json)).toEqual(data);
  });

  test('widths: wide characters take two columns; long paths keep their end', () => {
    expect(displayWidth('ab財政')).toBe(6);
    expect(fitFromEnd('提出/財政局/調査書.xlsx', 12)).toBe('…調査書.xlsx');
    expect(displayWidth(fitFromEnd('提出/財政局/調査書.xlsx', 12))).toBeLessThanOrEqual(12);
    expect(fitFromEnd('short.xlsx', 40)).toBe('short.xlsx');
  });
});

describe('progress line', () => {
  test('drawn only on a TTY, cut to the terminal width, cleaned', () => {
    let out = '';
    let t = 0;
    const p = new Progress({ write: (s: string) => (out += s), isTTY: true, columns: 40 }, '検査中', 3, { rate: true, now: () => t });
    t = 1000;
    p.update(1, `提出/${EVIL}/とても長いフォルダの名前/調査書.xlsx`);
    t = 1010; // within the redraw interval: skipped
    p.update(2, 'skipped.xlsx');
    t = 2000;
    p.update(3, 'last.xlsx');
    p.clear();
    const lines = out.split('\r\x1b[2K').filter(Boolean);
    expect(lines).toEqual([expect.stringMatching(/^検査中 1\/3\(1\.0 件\/秒\): …/), '検査中 3/3(1.5 件/秒): last.xlsx']);
    for (const l of lines) {
      expectHarmless(l);
      expect(displayWidth(l)).toBeLessThan(40);
    }
  });

  test('silent when stderr is not a terminal or there is one file', () => {
    let out = '';
    new Progress({ write: (s: string) => (out += s), isTTY: false }, '検査中', 5).update(1, 'a');
    new Progress({ write: (s: string) => (out += s), isTTY: true }, '検査中', 1).update(1, 'a');
    expect(out).toBe('');
  });
});

describe('every command prints a crafted file name harmlessly', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mishukin-term-'));
    // A workbook that is not a zip, named to attack the terminal; and a real one with a crafted sheet name.
    await fs.writeFile(path.join(dir, `${EVIL_NAME}.xlsx`), 'not a workbook');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(`メモ\u202e\u009b2J`).addRow(['これは調査書ではありません']);
    await fs.writeFile(path.join(dir, 'memo.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const runs: [string, string[]][] = [
    ['check (text)', ['check', '.']],
    ['check (json)', ['check', '.', '--format', 'json']],
    ['check (csv)', ['check', '.', '--format', 'csv']],
    ['rate (text)', ['rate', '.']],
    ['rate (json)', ['rate', '.', '--format', 'json']],
    ['formulas', ['formulas', `${EVIL_NAME}.xlsx`, '-o', 'out.xlsx']],
    ['an unknown option', ['check', `--${EVIL}`]],
  ];
  test.each(runs)('%s', async (_name, argv) => {
    const io = memIO(dir, { stdoutTTY: true, stderrTTY: true, env: { NO_COLOR: '1' } });
    await main(argv, io);
    expect(io.out() + io.err()).not.toBe('');
    expectHarmless(io.out());
    // Our own progress sequence is the only control allowed on stderr.
    expectHarmless(io.err().split('\r\x1b[2K').join(''));
  });
});
