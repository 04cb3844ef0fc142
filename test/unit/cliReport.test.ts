// `mishukin report`: the 取りまとめ workbook is a presentation of exactly what `check --format json` says, plus the
// batch's own findings; every form is one row of 一覧, every finding one row of 指摘事項, the sums add up, every file
// that gave no form is listed; CSV and JSON say the same for other systems.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { main } from '../../src/cli/main';
import { EDITION_JA, SEVERITY_JA } from '../../src/core/messages';
import { fiscalYearLabel } from '../../src/core/text/fiscalYear';
import { memIO } from '../helpers/memIO';
import { CheckJson } from '../helpers/checkJson';
import { useTempDir } from '../helpers/tempDir';
import { MIXED_FORMS, MIXED_UNREAD, readReport, writeMixedFolder, type SheetRows } from '../helpers/reportFolder';

const ROOT = path.join(__dirname, '..', '..');


/** The rows of a sheet's first table as objects keyed by the heading (its lines joined by a space). */
function records(sheet: SheetRows): Record<string, string | number | null>[] {
  const [head, ...rows] = sheet.values;
  const keys = head!.map((h) => String(h).replace(/\n/g, ' '));
  const out: Record<string, string | number | null>[] = [];
  for (const row of rows) {
    if (row.every((v) => v === null)) break; // the empty row after the first table
    out.push(Object.fromEntries(keys.map((k, i) => [k, row[i] ?? null])));
  }
  return out;
}

const tmp = useTempDir('mishukin-report-');

describe('the examples: the report says what check says', () => {
  let check: z.infer<typeof CheckJson>;
  let book: Record<string, SheetRows>;
  let code: number;
  let err: string;

  beforeEach(async () => {
    const checked = memIO(ROOT);
    await main(['check', 'examples', '--format', 'json'], checked);
    check = CheckJson.parse(JSON.parse(checked.out()));
    const io = memIO(ROOT);
    const out = path.join(tmp.path, 'report.xlsx');
    code = await main(['report', 'examples', '-o', out, '--jobs', '1'], io);
    err = io.err();
    book = await readReport(out);
  });

  test('the four sheets, in order', () => {
    expect(Object.keys(book)).toEqual(['一覧', '指摘事項', '所属別集計', '読めなかったファイル']);
    expect(code).toBe(1); // some examples carry errors
    expect(err).toMatch(/^取りまとめ: ファイル 22 件、調査書 23 件/m);
  });

  test('一覧: one row per form check recognises, in check order, with its header, ratings and balances', () => {
    const forms = check.files.flatMap((f) => f.forms.map((form) => ({ file: f.file, form })));
    const rows = records(book['一覧']!);
    expect(rows).toHaveLength(forms.length);
    forms.forEach(({ file, form }, i) => {
      const row = rows[i]!;
      expect(row).toMatchObject({
        ファイル: file,
        シート: form.sheet,
        位置: form.anchor,
        所属: form.header['bureau'],
        債権名: form.header['claimName'],
        年度: fiscalYearLabel(form.fiscalYear!),
        様式: EDITION_JA[form.edition],
      });
      if (form.edition === 'current') {
        const v = form.values;
        const num = (k: string) => (typeof v[k] === 'number' ? v[k] : null);
        expect(row).toMatchObject({
          担当: form.header['section'],
          債権整理番号: form.header['claimNo'],
          '評価 過年度': v['rating.past'],
          '評価 現年度': v['rating.current'],
          '評価 合計': v['rating.total'],
          'ケ 過年度残高 (D行・千円)': num('trend.D.ケ'),
          "ケ' 現年度残高 (D行・千円)": num("trend.D.ケ'"),
          "ケ'' 残高合計 (D行・千円)": num("trend.D.ケ''"),
          "ケ'' 修正目標 (C行・千円)": num("trend.C.ケ''"),
          '件数 (過年度+現年度)': num('summary.cases'),
          "キ'' 徴収率 (D行)": num("trend.D.キ''"),
        });
        expect(row['差 D−C (千円)']).toBe((num("trend.D.ケ''") as number) - (num("trend.C.ケ''") as number));
      }
      // The check's own findings, counted; the batch's are on top and named in the last column.
      const own = (s: string) => form.findings.filter((f) => f.severity === s).length;
      const batch = row['取りまとめの指摘'] === null ? 0 : String(row['取りまとめの指摘']).split('\n').length;
      expect((row['エラー'] as number) + (row['確認'] as number)).toBeGreaterThanOrEqual(own('error') + own('warning'));
      expect((row['エラー'] as number) + (row['確認'] as number)).toBeLessThanOrEqual(own('error') + own('warning') + batch);
      expect(row['状態']).toBe(row['エラー'] ? '要修正' : row['確認'] ? '要確認' : '問題なし');
    });
  });

  test('一覧 links: the file and the form, relative to the report, with the sheet and cell', () => {
    const rel = path.relative(tmp.path, path.join(ROOT, 'examples', 'current', 'sheet-01.xlsx')).split(path.sep).join('/');
    const row = book['一覧']!.formulas[1]!;
    expect(row[0]).toBe(`HYPERLINK("${rel}","${path.join('examples', 'current', 'sheet-01.xlsx')}")`);
    expect(row[1]).toBe(`HYPERLINK("${rel}#'014 馬淵生活館館室使用料'!B2","014 馬淵生活館館室使用料")`);
  });

  test('指摘事項: every finding of check, in check order per form, with the batch findings after', () => {
    const rows = records(book['指摘事項']!);
    const fromCheck = rows.filter((r) => !String(r['規則']).startsWith('BATCH-'));
    const expected = check.files.flatMap((f) =>
      f.forms.flatMap((form) => form.findings.map((x) => ({ ファイル: f.file, シート: form.sheet, 規則: x.rule, 重要度: SEVERITY_JA[x.severity], メッセージ: x.message }))),
    );
    expect(fromCheck.map((r) => ({ ファイル: r['ファイル'], シート: r['シート'], 規則: r['規則'], 重要度: r['重要度'], メッセージ: r['メッセージ'] }))).toEqual(expected);
    // examples/multi-form.xlsx holds two claims that also have a file of their own.
    expect(rows.filter((r) => r['規則'] === 'BATCH-DUPLICATE')).toHaveLength(4);
  });

  test('読めなかったファイル: none, and it says so', () => {
    expect(records(book['読めなかったファイル']!)).toEqual([]);
    expect(book['読めなかったファイル']!.values.flat()).toContain('読めなかったファイル・調査書のないファイル・点検しなかった非表示のシートはありません。');
  });
});

describe('a mixed folder: good, broken, not a form, the same claim twice, two years, a misnamed file', () => {
  let book: Record<string, SheetRows>;
  let code: number;
  let err: string;

  beforeEach(async () => {
    await writeMixedFolder(tmp.path);
    const io = memIO(tmp.path);
    code = await main(['report', '提出', '-o', '取りまとめ.xlsx', '--jobs', '1'], io);
    err = io.err();
    book = await readReport(path.join(tmp.path, '取りまとめ.xlsx'));
  });

  test('一覧: the five forms by path, the batch problems flagged on the right rows', () => {
    const rows = records(book['一覧']!);
    expect(rows.map((r) => [r['ファイル'], r['所属'], r['債権整理番号']])).toEqual(MIXED_FORMS.map((f) => [f.file, f.bureau, f.claimNo]));
    const flags = { 'BATCH-FILENAME': 'ファイル名と番号不一致', 'BATCH-YEAR': '年度違い', 'BATCH-DUPLICATE': '番号重複' } as const;
    expect(rows.map((r) => r['取りまとめの指摘'])).toEqual(MIXED_FORMS.map((f) => (f.batch.length ? f.batch.map((b) => flags[b]).join('\n') : null)));
    expect(rows.map((r) => r['年度'])).toEqual(['令和元年度', '平成30年度', '令和元年度', '令和元年度', '令和元年度']);
    expect(rows.map((r) => r['状態'])).toEqual(['要確認', '要確認', '要修正', '問題なし', '要修正']);
  });

  test('指摘事項: the batch findings with their ids, severity and Japanese message', () => {
    const rows = records(book['指摘事項']!).filter((r) => String(r['規則']).startsWith('BATCH-'));
    expect(rows.map((r) => [r['ファイル'], r['規則'], r['重要度']])).toEqual([
      [MIXED_FORMS[0].file, 'BATCH-FILENAME', '確認'],
      [MIXED_FORMS[1].file, 'BATCH-YEAR', '確認'],
      [MIXED_FORMS[2].file, 'BATCH-DUPLICATE', 'エラー'],
      [MIXED_FORMS[4].file, 'BATCH-DUPLICATE', 'エラー'],
    ]);
    expect(rows[2]!['メッセージ']).toContain(MIXED_FORMS[4].file);
    expect(rows[0]!['メッセージ']).toMatch(/ファイル名の番号\(040\)と債権整理番号「015」/);
  });

  test('所属別集計: by 所属 and by 債権区分, formulas over 一覧 with their results, and a total row', () => {
    const list = records(book['一覧']!);
    const summary = book['所属別集計']!;
    const sum = (rows: typeof list, k: string) => rows.reduce((s, r) => s + ((r[k] as number | null) ?? 0), 0);
    const [head, ...body] = summary.values;
    expect(head![0]).toBe('所属');
    const byBureau = body.slice(0, 3);
    expect(byBureau.map((r) => r[0])).toEqual(['福祉局', '財政局', '合計']);
    for (const [i, bureau] of ['福祉局', '財政局'].entries()) {
      const rows = list.filter((r) => r['所属'] === bureau);
      const got = byBureau[i]!;
      expect(got.slice(1, 3)).toEqual([rows.length, rows.filter((r) => r['状態'] === '要修正').length]);
      expect(got[5]).toBe(sum(rows, 'ケ 過年度残高 (D行・千円)'));
      expect(got[7]).toBe(sum(rows, "ケ'' 残高合計 (D行・千円)"));
      expect(got[8]).toBe(sum(rows, "ケ'' 修正目標 (C行・千円)"));
    }
    expect(byBureau[2]!.slice(1, 3)).toEqual([5, 2]);
    expect(byBureau[2]![7]).toBe(sum(list, "ケ'' 残高合計 (D行・千円)"));
    // Formulas, so that the office can edit 一覧 and re-sum.
    expect(summary.formulas[1]![1]).toBe("COUNTIFS('一覧'!$D:$D,$A2)");
    expect(summary.formulas[1]![7]).toBe("SUMIFS('一覧'!$Q:$Q,'一覧'!$D:$D,$A2)");
    expect(summary.formulas[3]![7]).toBe('SUM(H2:H3)');
    // The second table, by 債権区分, with the classes written out in full.
    const second = summary.values.findIndex((r) => r[0] === '債権区分');
    const byType = summary.values.slice(second + 1, second + 4).map((r) => r[0]);
    expect(byType.sort()).toEqual(['合計', '私債権', '非強制徴収公債権'].sort());
    expect(summary.formulas[second + 1]![1]).toBe(`COUNTIFS('一覧'!$G:$G,$A${second + 2})`);
  });

  test('読めなかったファイル: the broken file and the one without a form, with the reason', () => {
    const rows = records(book['読めなかったファイル']!);
    expect(rows.map((r) => [r['ファイル'], r['区分']])).toEqual(MIXED_UNREAD.map((u) => [u.file, u.kind]));
    expect(rows[0]!['理由']).toContain('シート「メモ」');
    expect(rows[1]!['理由']).toMatch(/[ぁ-ん]/);
  });

  test('exit 2 (a file could not be read), the reason on stderr, and the summary line', () => {
    expect(code).toBe(2);
    expect(err).toContain(`mishukin: ${MIXED_UNREAD[1].file}: `);
    expect(err).toMatch(/取りまとめ: ファイル 7 件、調査書 5 件\(要修正 2・要確認 2・問題なし 1\)、読めなかったファイル 2 件\(\d+\.\d 秒、\d+\.\d 件\/秒\)。取りまとめ\.xlsx に書き出しました。$/m);
  });

  test('csv: 一覧 with the CSV rules of check (BOM, CRLF, neutralised text, numbers as numbers)', async () => {
    const io = memIO(tmp.path);
    await main(['report', '提出', '--format', 'csv', '--jobs', '1'], io);
    const csv = io.out();
    expect(csv.startsWith('\uFEFFファイル,シート,位置,所属,')).toBe(true);
    expect(csv.split('\r\n')[0]).toContain(',評価 過年度,評価 現年度,評価 合計,');
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + MIXED_FORMS.length + 1);
    // 差 D−C of the year-before sheet is negative: a number, not text to neutralise.
    expect(lines.some((l) => /,-\d+,/.test(l))).toBe(true);
    expect(csv).not.toMatch(/,'-\d/);
  });

  test('csv: text that Excel would run as a formula is neutralised', async () => {
    const { seedLayout, setKey } = await import('../helpers/forms');
    const { writeWorkbook } = await import('../../src/adapters/xlsx/writeWorkbook');
    const evil = setKey(seedLayout(1), 'header.claimName', '=HYPERLINK("http://example.invalid","x")');
    await fs.writeFile(path.join(tmp.path, 'evil.xlsx'), await writeWorkbook([{ name: '調査書', layout: evil }]));
    const io = memIO(tmp.path);
    await main(['report', 'evil.xlsx', '--format', 'csv'], io);
    expect(io.out()).toContain(`"'=HYPERLINK(""http://example.invalid"",""x"")"`);
  });

  test('json: forms, findings, sums and unreadable files', async () => {
    const io = memIO(tmp.path);
    await main(['report', '提出', '-o', 'r.json', '--jobs', '1'], io);
    const doc = JSON.parse(await fs.readFile(path.join(tmp.path, 'r.json'), 'utf8')) as {
      forms: { file: string; status: string; batch: string[] }[];
      findings: { rule: string }[];
      summary: { byBureau: { label: string; sheets: number }[]; total: { sheets: number; needing: number } };
      unreadable: { file: string; kind: string; code: string | null }[];
    };
    expect(doc.forms.map((f) => [f.file, f.batch])).toEqual(MIXED_FORMS.map((f) => [f.file, [...f.batch]]));
    expect(doc.summary.byBureau.map((g) => [g.label, g.sheets])).toEqual([['福祉局', 2], ['財政局', 3]]);
    expect(doc.summary.total).toMatchObject({ sheets: 5, needing: 2 });
    expect(doc.unreadable.map((u) => [u.file, u.kind, u.code])).toEqual([
      [MIXED_UNREAD[0].file, 'noForm', null],
      [MIXED_UNREAD[1].file, 'unreadable', 'not-zip'],
    ]);
    expect(doc.findings.filter((f) => f.rule.startsWith('BATCH-'))).toHaveLength(4);
  });
});

describe('report: usage, safety of the inputs, progress', () => {
  beforeEach(async () => {
    await writeMixedFolder(tmp.path);
  });

  test.each([
    [['report'], /取りまとめるファイルまたはフォルダを指定してください/],
    [['report', '提出'], /--output で書き出す取りまとめブック\(\.xlsx\)を指定してください/],
    [['report', '提出', '-o', 'r.txt'], /--output は \.xlsx にしてください/],
    [['report', '提出', '-o', 'r.csv', '--format', 'json'], /拡張子\(\.csv\)と --format json が合いません/],
    [['report', '提出', '-o', 'r.xlsx', '--jobs', '0'], /--jobs には 1 以上の整数/],
    [['report', '提出', '-o', 'r.xlsx', '--jobs', 'many'], /--jobs には 1 以上の整数/],
    [['report', '提出', '-o', path.join('提出', '財政局', '056_市税.xlsx')], /--output に入力ファイル/],
  ])('%j is a usage error (exit 2, nothing written)', async (argv, message) => {
    const before = await fs.readdir(tmp.path);
    const io = memIO(tmp.path);
    expect(await main(argv, io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.err()).toContain('使い方: mishukin report');
    expect(await fs.readdir(tmp.path)).toEqual(before);
  });

  test('an existing report is replaced only with --force, and never one inside the folder being compiled', async () => {
    expect(await main(['report', '提出', '-o', 'r.xlsx', '--jobs', '1'], memIO(tmp.path))).toBe(2);
    const io = memIO(tmp.path);
    expect(await main(['report', '提出', '-o', 'r.xlsx', '--jobs', '1'], io)).toBe(2);
    expect(io.err()).toContain('すでにあります。上書きするときは --force');
    const before = await fs.stat(path.join(tmp.path, 'r.xlsx'));
    const forced = memIO(tmp.path);
    await main(['report', '提出', '-o', 'r.xlsx', '--force', '--jobs', '1'], forced);
    expect(forced.err()).toMatch(/ファイル 7 件/);
    expect((await fs.stat(path.join(tmp.path, 'r.xlsx'))).ino).not.toBe(before.ino);
    expect((await fs.readdir(tmp.path)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // A returned sheet is never overwritten, --force or not.
    const sheet = path.join('提出', '財政局', '057_使用料.xlsx');
    const data = await fs.readFile(path.join(tmp.path, sheet));
    const inside = memIO(tmp.path);
    expect(await main(['report', '提出', '-o', sheet, '--force'], inside)).toBe(2);
    expect(inside.err()).toContain('--output に入力ファイル');
    expect(await fs.readFile(path.join(tmp.path, sheet))).toEqual(data);
  });

  test('progress on a TTY only, with the count, the rate and the file', async () => {
    const tty = memIO(tmp.path, { stderrTTY: true });
    await main(['report', '提出', '-o', 'r.xlsx', '--jobs', '1'], tty);
    expect(tty.err()).toMatch(/取りまとめ中 7\/7\(\d+\.\d 件\/秒\): /);
    const pipe = memIO(tmp.path);
    await main(['report', '提出', '-o', 'r2.xlsx', '--jobs', '1'], pipe);
    expect(pipe.err()).not.toContain('取りまとめ中');
  });

  test('--help', async () => {
    const io = memIO(tmp.path);
    expect(await main(['report', '--help'], io)).toBe(0);
    expect(io.out()).toContain('BATCH-DUPLICATE');
    expect(io.out()).toContain('--jobs');
  });
});
