// Hidden worksheets: a workbook that keeps last year's form as a hidden (or very hidden) sheet next to the live one.
// The reader says which sheets are hidden; check, report, rollover, formulas, rate and the pane's file mode leave their
// forms out by default and name each such sheet; `--hidden` takes them in. Every workbook is built here, in memory.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { writeWorkbook } from '../../src/adapters/xlsx/writeWorkbook';
import { main } from '../../src/cli/main';
import { checkWorkbook, recogniseWorkbook } from '../../src/core/check';
import { Grid } from '../../src/core/grid';
import type { LayoutSheet } from '../../src/core/layout/sheet';
import { key } from '../../src/core/model/keys';
import { CheckJson } from '../helpers/checkJson';
import { hiddenSheetNote } from '../../src/taskpane/model/present';
import { gridOf, seedLayout, setKey } from '../helpers/forms';
import { memIO } from '../helpers/memIO';
import { readReport } from '../helpers/reportFolder';
import { useTempDir } from '../helpers/tempDir';

const OLD = '(前年度)038';
/** Last year's form, with a mistake of its own (a rating that is not a code): checked, it gives an error. */
const oldForm = () => setKey(seedLayout(13), key.rating('past'), 'C');
/** This year's form: sheet 04 has no mistake. */
const liveForm = () => seedLayout(4);

type State = 'visible' | 'hidden' | 'veryHidden';

/**
 * 調査書 (this year's, or without `live` a cover sheet), the old form (or `old`) in `state`, and a hidden list sheet
 * without a form.
 */
async function book(state: State, opts: { live?: boolean; old?: LayoutSheet } = {}): Promise<Buffer> {
  const live = opts.live ?? true;
  const written = await writeWorkbook([...(live ? [{ name: '調査書', layout: liveForm() }] : []), { name: OLD, layout: opts.old ?? oldForm() }]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(written as unknown as ExcelJS.Buffer);
  if (!live) wb.addWorksheet('表紙').addRow(['提出書類']);
  wb.getWorksheet(OLD)!.state = state;
  const list = wb.addWorksheet('リスト');
  list.addRow(['強制徴収公債権']);
  list.state = 'hidden';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the .xlsx reader says which sheets are hidden', () => {
  test.each<[State, State]>([
    ['visible', 'visible'],
    ['hidden', 'hidden'],
    ['veryHidden', 'veryHidden'],
  ])('a sheet saved as %s reads as %s; the others keep theirs', async (state, expected) => {
    const grids = await readWorkbook(await book(state));
    expect(grids.map((g) => [g.name, g.visibility])).toEqual([
      ['調査書', 'visible'],
      [OLD, expected],
      ['リスト', 'hidden'],
    ]);
  });
});

describe('core: skipHidden', () => {
  const grids = () => [gridOf(liveForm(), '調査書'), new Grid(OLD, gridOf(oldForm()).cells(), [], [], 'veryHidden'), new Grid('リスト', [{ row: 0, col: 0, value: '私債権' }], [], [], 'hidden')];

  test('by default every sheet is recognised, hidden or not (the commands ask to skip them)', () => {
    const r = recogniseWorkbook(grids());
    expect(r.forms.map((f) => f.sheet)).toEqual(['調査書', OLD]);
    expect(r.hiddenSheets).toEqual([]);
    expect(r.notForms.map((n) => n.sheet)).toEqual(['リスト']);
  });

  test('skipped: the hidden form is neither checked nor a "not a form"; its sheet is named; a hidden sheet without a form is not', () => {
    const r = checkWorkbook(grids(), { skipHidden: true });
    expect(r.forms.map((f) => f.sheet)).toEqual(['調査書']);
    expect(r.forms[0]!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.hiddenSheets).toEqual([{ sheet: OLD, visibility: 'veryHidden', forms: 1 }]);
    expect(r.notForms).toEqual([]);
  });
});

describe('the pane names each hidden sheet it leaves out, with how to have it checked', () => {
  test('in Excel: shown again from the sheet tab; from a file: shown again and saved; a very hidden one cannot be', () => {
    const hidden = { sheet: OLD, visibility: 'hidden', forms: 1 } as const;
    expect(hiddenSheetNote(hidden, 'excel')).toMatch(/点検していません。シート見出しを右クリックして「再表示」を選ぶと点検します。$/);
    expect(hiddenSheetNote(hidden, 'file')).toMatch(/点検していません。Excel でシートを再表示して保存し、ファイルを選び直すと点検します。$/);
    expect(hiddenSheetNote({ ...hidden, visibility: 'veryHidden' }, 'file')).toBe(
      `完全に非表示(Excel の画面からは再表示できない)のシート「${OLD}」に調査書が 1 件ありますが、点検していません。`,
    );
  });
});

const tmp = useTempDir('mishukin-hidden-');

describe('mishukin check and hidden sheets', () => {
  test('text: the hidden form is not checked, the sheet is named with how to include it; exit 0', async () => {
    await tmp.touch('book.xlsx', await book('hidden'));
    const io = memIO(tmp.path);
    expect(await main(['check', 'book.xlsx'], io)).toBe(0);
    const out = io.out();
    expect(out).toContain(`非表示のシート「${OLD}」に調査書が 1 件ありますが、点検していません。--hidden を付けると点検します。`);
    expect(out).not.toContain(`シート「${OLD}」 B`);
    expect(out).not.toContain('[RATE-CODE]');
    expect(out).not.toContain('リスト');
    expect(out).toMatch(/合計: ファイル 1 件、様式 1 件、エラー 0 件、.*、点検しなかった非表示のシート 1 件/);
    expect(out).toContain(`点検しなかった非表示のシート(--hidden で点検します): book.xlsx シート「${OLD}」`);
  });

  test('a very hidden sheet is left out too, and said to be one', async () => {
    await tmp.touch('book.xlsx', await book('veryHidden'));
    const io = memIO(tmp.path);
    expect(await main(['check', 'book.xlsx'], io)).toBe(0);
    expect(io.out()).toContain(`完全に非表示(Excel の画面からは再表示できない)のシート「${OLD}」に調査書が 1 件あります`);
  });

  test('--hidden checks it like any other sheet: its error counts (exit 1) and no sheet is said to be skipped', async () => {
    await tmp.touch('book.xlsx', await book('hidden'));
    const io = memIO(tmp.path);
    expect(await main(['check', 'book.xlsx', '--hidden'], io)).toBe(1);
    expect(io.out()).toContain(`様式 2/2: シート「${OLD}」`);
    expect(io.out()).toContain('[RATE-CODE]');
    expect(io.out()).not.toContain('点検していません');
  });

  test('json: hiddenSheets per file; csv: a SHEET-HIDDEN row; both also on stderr', async () => {
    await tmp.touch('book.xlsx', await book('hidden'));
    let io = memIO(tmp.path);
    await main(['check', 'book.xlsx', '--format', 'json'], io);
    const json = JSON.parse(io.out()) as { files: { hiddenSheets: unknown }[] };
    expect(CheckJson.parse(json).files[0]!.forms.map((f) => f.sheet)).toEqual(['調査書']);
    expect(json.files[0]!.hiddenSheets).toEqual([{ sheet: OLD, visibility: 'hidden', forms: 1 }]);
    expect(io.err()).toContain(`book.xlsx: 非表示のシート「${OLD}」`);

    io = memIO(tmp.path);
    await main(['check', 'book.xlsx', '--format', 'csv'], io);
    expect(io.out().split('\r\n')[1]).toMatch(new RegExp(`^book\\.xlsx,${OLD.replace(/[()]/g, '\\$&')},,SHEET-HIDDEN,情報,,,非表示のシート`));
  });

  test('a workbook whose only form is hidden has no form checked: exit 3, and the text says why', async () => {
    await tmp.touch('old-only.xlsx', await book('hidden', { live: false }));
    const io = memIO(tmp.path);
    expect(await main(['check', 'old-only.xlsx'], io)).toBe(3);
    expect(io.out()).toContain(`表示されているシートには調査書の様式が見つかりませんでした。非表示のシート「${OLD}」に調査書が 1 件ありますが`);
    expect(await main(['check', 'old-only.xlsx', '--hidden'], memIO(tmp.path))).toBe(1);
  });
});

describe('mishukin report and hidden sheets', () => {
  test('the hidden form is not in 一覧; its sheet is in 読めなかったファイル and counted in the summary line; --hidden takes it in', async () => {
    await tmp.touch(path.join('提出', 'book.xlsx'), await book('hidden'));
    let io = memIO(tmp.path);
    expect(await main(['report', '提出', '-o', 'r.xlsx'], io)).toBe(0);
    let report = await readReport(path.join(tmp.path, 'r.xlsx'));
    const list = report['一覧']!.values.slice(1).filter((r) => r.some((v) => v !== null));
    expect(list.map((r) => r[1])).toEqual(['調査書']);
    const unread = report['読めなかったファイル']!.values.slice(1).filter((r) => r.some((v) => v !== null));
    expect(unread).toEqual([[path.join('提出', 'book.xlsx'), '非表示のシート', expect.stringContaining(`非表示のシート「${OLD}」に調査書が 1 件あります`)]]);
    expect(io.err()).toMatch(/調査書 1 件.*読めなかったファイル 0 件、点検しなかった非表示のシート 1 件\(--hidden で点検します\)/);

    io = memIO(tmp.path);
    expect(await main(['report', '提出', '-o', 'r.xlsx', '--force', '--hidden'], io)).toBe(1);
    report = await readReport(path.join(tmp.path, 'r.xlsx'));
    expect(report['一覧']!.values.slice(1).filter((r) => r.some((v) => v !== null)).map((r) => r[1])).toEqual(['調査書', OLD]);
    expect(io.err()).not.toContain('非表示');
  });
});

describe('mishukin rollover and hidden sheets', () => {
  const sheetsOf = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(tmp.path, file)) as unknown as ExcelJS.Buffer);
    return wb.worksheets.map((w) => w.name);
  };

  test('the hidden form is not rolled (its error does not stop the live one); stderr names it with --hidden', async () => {
    await tmp.touch('book.xlsx', await book('hidden'));
    const io = memIO(tmp.path);
    expect(await main(['rollover', 'book.xlsx', '-o', 'next.xlsx'], io)).toBe(0);
    expect(io.err()).toBe(`mishukin: book.xlsx: 非表示のシート「${OLD}」に調査書が 1 件ありますが、繰り越していません。--hidden を付けると繰り越します。\n`);
    expect(io.out()).toContain('(調査書 1 枚)');
    expect(await sheetsOf('next.xlsx')).toHaveLength(1);
  });

  test('a very hidden sheet is left out too', async () => {
    await tmp.touch('book.xlsx', await book('veryHidden'));
    const io = memIO(tmp.path);
    expect(await main(['rollover', 'book.xlsx', '-o', 'next.xlsx'], io)).toBe(0);
    expect(io.err()).toContain(`完全に非表示(Excel の画面からは再表示できない)のシート「${OLD}」に調査書が 1 件ありますが、繰り越していません。`);
  });

  test('--hidden rolls it like any other: its error refuses (exit 1), with --force both are rolled', async () => {
    await tmp.touch('book.xlsx', await book('hidden'));
    let io = memIO(tmp.path);
    expect(await main(['rollover', 'book.xlsx', '-o', 'next.xlsx', '--hidden'], io)).toBe(1);
    expect(io.err()).not.toContain('繰り越していません');
    io = memIO(tmp.path);
    expect(await main(['rollover', 'book.xlsx', '-o', 'next.xlsx', '--hidden', '--force'], io)).toBe(0);
    expect(await sheetsOf('next.xlsx')).toHaveLength(2);
  });

  test('a workbook whose only form is hidden: nothing written, exit 2, and it says the form is on a hidden sheet', async () => {
    await tmp.touch('old-only.xlsx', await book('hidden', { live: false }));
    const io = memIO(tmp.path);
    expect(await main(['rollover', 'old-only.xlsx', '-o', 'next.xlsx'], io)).toBe(2);
    expect(io.err()).toContain(`非表示のシート「${OLD}」に調査書が 1 件ありますが、繰り越していません。`);
    expect(io.err()).toContain(
      'old-only.xlsx の表示されているシートに繰り越せる調査書(現行様式)が見つかりませんでした。何も書き出していません。非表示のシートの調査書を繰り越すときは --hidden を付けてください。',
    );
    expect(fs.existsSync(path.join(tmp.path, 'next.xlsx'))).toBe(false);
  });
});

describe('mishukin formulas and hidden sheets', () => {
  const TYPED = "trend.D.ケ''";
  /** Last year's form with a computed cell typed over: `formulas` has something to write there. */
  const typedOld = () => setKey(oldForm(), TYPED, (v) => v);
  const formulaOn = async (file: string, sheet: string) => {
    const forms = recogniseWorkbook(await readWorkbook(fs.readFileSync(path.join(tmp.path, file)))).forms;
    return forms.find((f) => f.sheet === sheet)!.fields.get(TYPED)?.formula;
  };

  test('the hidden form is left as it is; stderr names it with --hidden; the live one is still done', async () => {
    await tmp.touch('book.xlsx', await book('hidden', { old: typedOld() }));
    const io = memIO(tmp.path);
    expect(await main(['formulas', 'book.xlsx', '-o', 'out.xlsx'], io)).toBe(0);
    expect(io.err()).toBe(`mishukin: book.xlsx: 非表示のシート「${OLD}」に調査書が 1 件ありますが、数式を入れていません。--hidden を付けると数式を入れます。\n`);
    expect(io.out()).toContain('シート「調査書」');
    expect(io.out()).not.toContain(`シート「${OLD}」`);
    expect(await formulaOn('out.xlsx', OLD)).toBeUndefined();
  });

  test('--hidden writes into it like any other sheet', async () => {
    await tmp.touch('book.xlsx', await book('veryHidden', { old: typedOld() }));
    const io = memIO(tmp.path);
    expect(await main(['formulas', 'book.xlsx', '-o', 'out.xlsx', '--hidden'], io)).toBe(0);
    expect(io.err()).toBe('');
    expect(io.out()).toContain(`シート「${OLD}」`);
    expect(await formulaOn('out.xlsx', OLD)).toEqual(expect.any(String));
  });

  test('a workbook whose only form is hidden: nothing written, exit 2, and it says the form is on a hidden sheet', async () => {
    await tmp.touch('old-only.xlsx', await book('hidden', { live: false, old: typedOld() }));
    const io = memIO(tmp.path);
    expect(await main(['formulas', 'old-only.xlsx', '-o', 'out.xlsx'], io)).toBe(2);
    expect(io.err()).toContain(`非表示のシート「${OLD}」に調査書が 1 件ありますが、数式を入れていません。`);
    expect(io.err()).toContain('old-only.xlsx の表示されているシートに調査書(現行様式)が見つかりませんでした。何も書き出していません。非表示のシートの調査書に数式を入れるときは --hidden を付けてください。');
    expect(fs.existsSync(path.join(tmp.path, 'out.xlsx'))).toBe(false);
  });
});

describe('mishukin rate and hidden sheets', () => {
  const skipped = `非表示のシート「${OLD}」に調査書が 1 件ありますが、評価を示していません。--hidden を付けると示します。`;

  test('text: no rating guide for the hidden form; the sheet is named under its file', async () => {
    await tmp.touch('book.xlsx', await book('hidden'));
    const io = memIO(tmp.path);
    expect(await main(['rate', 'book.xlsx'], io)).toBe(0);
    expect(io.out()).toContain(`■ book.xlsx\n  ${skipped}\n  様式: シート「調査書」`);
    expect(io.out()).not.toContain(`様式: シート「${OLD}」`);
  });

  test('json: hiddenSheets per file, and the same line on stderr', async () => {
    await tmp.touch('book.xlsx', await book('veryHidden'));
    const io = memIO(tmp.path);
    expect(await main(['rate', 'book.xlsx', '--format', 'json'], io)).toBe(0);
    const json = JSON.parse(io.out()) as { files: { forms: { sheet: string }[]; hiddenSheets: unknown }[] };
    expect(json.files[0]!.forms.map((f) => f.sheet)).toEqual(['調査書']);
    expect(json.files[0]!.hiddenSheets).toEqual([{ sheet: OLD, visibility: 'veryHidden', forms: 1 }]);
    expect(io.err()).toContain(`mishukin: book.xlsx: 完全に非表示(Excel の画面からは再表示できない)のシート「${OLD}」に調査書が 1 件ありますが、評価を示していません。`);
  });

  test('--hidden rates it too; a workbook whose only form is hidden says so', async () => {
    await tmp.touch('book.xlsx', await book('hidden'));
    let io = memIO(tmp.path);
    expect(await main(['rate', 'book.xlsx', '--hidden'], io)).toBe(0);
    expect(io.out()).toContain(`様式: シート「${OLD}」`);
    expect(io.out()).not.toContain('評価を示していません');

    await tmp.touch('old-only.xlsx', await book('hidden', { live: false }));
    io = memIO(tmp.path);
    expect(await main(['rate', 'old-only.xlsx'], io)).toBe(0);
    expect(io.out()).toContain(`■ old-only.xlsx\n  表示されているシートには調査書の様式が見つかりませんでした。\n  ${skipped}\n`);
  });
});
