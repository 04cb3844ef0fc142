// The pane in Debian's Chromium: file mode on example workbooks, and the Excel path with the adapter double.
// Screenshots go to test-output/ (git-ignored).
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/adapters/xlsx/readWorkbook';
import { Grid } from '../../src/core/grid';
import type { MemoryWorkbook, MemoryWorkbookOptions } from '../doubles/memoryWorkbook';
import { dRowTyped, ratingsBlank } from '../helpers/paneFixtures';
import { BUILD_DIR, buildPane, launch, OFFICE_CDN, OUT, ROOT, routeOfficeCdn, serve, type Browser, type Served } from './harness';
import type { Fixture } from './installDouble';

jest.setTimeout(120_000);

let server: Served;
let browser: Browser;
/** Every request a page made that went neither to the add-in's own origin nor to office.js's CDN. */
let foreign: string[];
/** The page's console errors and warnings, and uncaught errors. */
let consoleProblems: string[];

beforeAll(async () => {
  await buildPane();
  server = await serve(BUILD_DIR);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(fixture?: Fixture, viewport = { width: 360, height: 900 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  foreign = [];
  consoleProblems = [];
  page.on('request', (r) => {
    if (![server.origin, OFFICE_CDN, 'data:'].some((p) => r.url().startsWith(p))) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleProblems.push(`uncaught: ${e.message}`));
  await routeOfficeCdn(page, 'reachable');
  if (fixture) await page.addInitScript((f) => Object.assign(window, { __MISHUKIN_FIXTURE__: f }), fixture);
  await page.goto(`${server.origin}/taskpane.html`);
  return page;
}

function fixtureOfGrids(grids: Grid[], active?: string, options?: MemoryWorkbookOptions): Fixture {
  return {
    sheets: grids.map((g) => ({ name: g.name, cells: [...g.cells()], merges: [...g.merges] })),
    active: active ?? grids[0]!.name,
    ...(options ? { options } : {}),
  };
}

async function fixtureOf(file: string, active?: string): Promise<Fixture> {
  return fixtureOfGrids(await readWorkbookFile(path.join(ROOT, 'examples', file)), active);
}

/** A full-page screenshot with transitions stopped (a switch caught mid-slide looks off). */
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, name), fullPage: true, animations: 'disabled' });

const double = (page: Page) => page.evaluate(() => {
  const wb = window.mishukinTestAdapter as MemoryWorkbook;
  return { selections: wb.selections, applied: wb.applied.map((p) => p.writes.map((w) => w.address)) };
});

describe('file mode (a plain browser, no Office host)', () => {
  test('drop example workbooks: the same findings as the core, read in the page; exceljs only then', async () => {
    const page = await openPage(undefined, { width: 900, height: 1100 });
    await page.getByRole('heading', { name: /ファイルで点検/ }).waitFor();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.screenshot({ path: path.join(OUT, 'file-mode-empty.png') });
    expect(requested.some((u) => /exceljs/.test(u))).toBe(false);

    await page.setInputFiles('input[type=file]', [
      path.join(ROOT, 'examples/current/sheet-03.xlsx'),
      path.join(ROOT, 'examples/multi-form.xlsx'),
    ]);
    const sheet03 = page.getByRole('region', { name: 'sheet-03.xlsx' });
    const carry = sheet03.locator('[data-rule="TRD-CARRY"]');
    await carry.waitFor({ timeout: 30_000 });
    expect(requested.some((u) => /exceljs/.test(u))).toBe(true);
    await expect(carry.textContent()).resolves.toContain('2. 未収金の推移 E行(令和2 当初目標) ア列');
    await expect(sheet03.getByText('エラー 1 件').first().isVisible()).resolves.toBe(true);
    await expect(sheet03.getByText('特別障がい者手当等返還金').first().isVisible()).resolves.toBe(true);

    await carry.click();
    await expect(carry.textContent()).resolves.toMatch(/D20: 4,306/);
    const multi = page.getByRole('region', { name: 'multi-form.xlsx' });
    await multi.getByText('様式 2/2', { exact: false }).waitFor();
    await expect(multi.textContent()).resolves.toContain('「メモ」');
    await page.screenshot({ path: path.join(OUT, 'file-mode.png'), fullPage: true });
    expect(foreign).toEqual([]);
    expect(consoleProblems).toEqual([]);
    await page.close();
  });

  test('a file that is not a workbook gets a plain Japanese reason', async () => {
    const page = await openPage();
    await page.setInputFiles('input[type=file]', { name: 'memo.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('所属,担当\n') });
    await page.getByText('読み込めませんでした').waitFor();
    await expect(page.getByRole('region', { name: 'memo.xlsx' }).textContent()).resolves.toContain('Excel ブック(.xlsx)ではない');
    await page.close();
  });
});

describe('Excel path (the adapter double in place of Excel)', () => {
  test('open → recognised; チェック → list; click → selection; an edit → the list updates', async () => {
    const fixture = await fixtureOf('current/sheet-03.xlsx');
    const sheet = fixture.sheets[0]!.name;
    const page = await openPage(fixture);
    await page.getByText('特別障がい者手当等返還金', { exact: true }).waitFor();
    for (const text of ['福祉局', '038', '令和元年度(2019)', '現行様式']) {
      await expect(page.getByText(text, { exact: false }).first().isVisible()).resolves.toBe(true);
    }
    await page.screenshot({ path: path.join(OUT, 'excel-open.png') });

    await page.getByRole('button', { name: 'チェック' }).click();
    const carry = page.locator('[data-rule="TRD-CARRY"]');
    await carry.waitFor();
    await expect(carry.textContent()).resolves.toContain('E行(令和2 当初目標) ア列');
    await expect(page.getByText('エラー 1 件').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(OUT, 'excel-checked.png'), fullPage: true });

    await carry.click();
    const selections = () => page.evaluate(() => (window.mishukinTestAdapter as MemoryWorkbook).selections);
    await page.waitForFunction((n) => (window.mishukinTestAdapter as MemoryWorkbook).selections.length === n, 1);
    await expect(selections()).resolves.toEqual([`${sheet}!D20`]);
    await carry.getByRole('button', { name: 'V18' }).click();
    await page.waitForFunction((n) => (window.mishukinTestAdapter as MemoryWorkbook).selections.length === n, 2);
    await expect(selections()).resolves.toEqual([`${sheet}!D20`, `${sheet}!V18`]);

    await page.evaluate((s) => (window.mishukinTestAdapter as MemoryWorkbook).edit(s, 'D20', 4308), sheet);
    // The carry is mended; the double does not recalculate, so E行 イ no longer agrees with ア − ウ.
    await carry.waitFor({ state: 'detached' });
    await page.locator('[data-rule="TRD-FORMULA"]').waitFor();
    await page.screenshot({ path: path.join(OUT, 'excel-after-edit.png'), fullPage: true });
    expect(foreign).toEqual([]);
    expect(consoleProblems).toEqual([]);
    await page.close();
  });

  test('a sheet that is not the form says what is looked for', async () => {
    const page = await openPage(await fixtureOf('multi-form.xlsx', 'メモ'));
    await page.getByText('このシートは調査書ではありません').waitFor();
    await expect(page.getByText(/見出しが見つかりません/).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('combobox').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(OUT, 'excel-not-form.png') });
    await page.close();
  });
});

describe('the tools on a form (Excel path, the adapter double in place of Excel)', () => {
  test('数式を入れる: preview → untick → MISHUKIN caveat → 書き込む → 元に戻す', async () => {
    const [sheet03] = await readWorkbookFile(path.join(ROOT, 'examples/current/sheet-03.xlsx'));
    const page = await openPage(fixtureOfGrids([dRowTyped(sheet03!)]));
    await page.getByRole('button', { name: '数式を入れる' }).click();
    const tool = page.getByRole('region', { name: '数式を入れる' });
    const d20 = tool.locator('[data-address="D20"]');
    await d20.waitFor();
    await expect(d20.textContent()).resolves.toMatch(/E行\(令和2 当初目標\) ア列D20表示が変わりますいま4,306 → =V18 → 4,308/);
    await expect(tool.getByText('連動して表示が変わるセル(数式はそのまま)').isVisible()).resolves.toBe(true);
    // Before writing: how the write is undone on this Excel (the double stands for Windows before ExcelApi 1.20).
    await expect(tool.getByTestId('undo-note').textContent()).resolves.toMatch(/^取り消し方: Windows 版 Excel\(ExcelApi 1\.20 より前\).*作業ウィンドウの「元に戻す」/);
    await shot(page, 'formulas-preview.png');

    // Leave D20 as it is: the knock-on changes go with it.
    await tool.getByRole('button', { name: '13 個のセルを表示' }).click();
    await tool.locator('[data-address="L19"]').waitFor();
    await shot(page, 'formulas-preview-all.png');
    await d20.getByRole('checkbox').uncheck();
    await tool.getByText('連動して表示が変わるセル(数式はそのまま)').waitFor({ state: 'detached' });
    await expect(d20.textContent()).resolves.toContain('(このまま)');

    await tool.getByRole('switch').check();
    await tool.getByText(/アドインを入れていない提出先では #NAME\? と表示されます/).waitFor();
    await shot(page, 'formulas-addin.png');
    await tool.getByRole('switch').uncheck();

    await tool.getByRole('button', { name: /^書き込む/ }).click();
    await tool.getByText(/個のセルに書き込みました/).waitFor();
    const { applied } = await double(page);
    expect(applied).toHaveLength(1);
    expect(applied[0]).not.toContain('D20');
    expect(applied[0]).toContain('L19');
    // Checked again: the findings are listed, D20's carry among them.
    await page.locator('[data-rule="TRD-CARRY"]').waitFor();
    await shot(page, 'formulas-written.png');

    await tool.getByRole('button', { name: '元に戻す' }).click();
    await tool.getByText(/元に戻しました/).waitFor();
    await expect(double(page).then((d) => d.applied.length)).resolves.toBe(2);
    expect(foreign).toEqual([]);
    expect(consoleProblems).toEqual([]);
    await page.close();
  });

  test('評価ガイド: three columns → answers → この評価を入力 → preview → 書き込む (Ctrl+Z) → follow-up link', async () => {
    const [sheet01] = await readWorkbookFile(path.join(ROOT, 'examples/current/sheet-01.xlsx'));
    const page = await openPage(fixtureOfGrids([ratingsBlank(sheet01!)], undefined, { undo: 'excel' }));
    await page.getByRole('button', { name: '評価ガイド' }).click();
    const tool = page.getByRole('region', { name: '評価ガイド' });
    const table = tool.getByRole('table');
    await table.waitFor();
    await expect(table.textContent()).resolves.toMatch(/過年度現年度合計目標\(C行\)75075実績\(D行\)1060106差\(D−C\)\+310\+31/);
    // Asked only where the numbers leave it open: the actions where the target was missed, the target where it is 0.
    await expect(tool.getByRole('radiogroup').count()).resolves.toBe(3);
    await expect(tool.getByRole('radiogroup', { name: '過年度: 予定していた取組は予定どおり実施しましたか?' }).isVisible()).resolves.toBe(true);
    await expect(tool.getByRole('radiogroup', { name: '現年度: 前年度時点で目標を設定していましたか?' }).isVisible()).resolves.toBe(true);
    await expect(tool.getByRole('button', { name: 'この評価を入力' }).isDisabled()).resolves.toBe(true);
    await shot(page, 'guide-open.png');

    const answer = (name: string, choice: 'はい' | 'いいえ') => tool.getByRole('radiogroup', { name }).getByLabel(choice).check();
    await answer('過年度: 予定していた取組は予定どおり実施しましたか?', 'いいえ');
    await answer('現年度: 前年度時点で目標を設定していましたか?', 'はい');
    await answer('合計: 予定していた取組は予定どおり実施しましたか?', 'はい');
    await expect(table.textContent()).resolves.toContain('評価B2AB1');
    await expect(tool.locator('[data-column]').allTextContents()).resolves.toEqual([
      expect.stringContaining('評価 B2'),
      expect.stringContaining('評価 A'),
      expect.stringContaining('評価 B1'),
    ]);
    await shot(page, 'guide-answered.png');

    await tool.getByRole('button', { name: 'この評価を入力' }).click();
    const preview = tool.getByRole('region', { name: '入力する評価' });
    await preview.waitFor();
    await expect(tool.getByTestId('undo-note').textContent()).resolves.toMatch(/Excel on the web\(ExcelApi 1\.20 対応\)では、この書き込みは Excel の「元に戻す」\(Ctrl\+Z\)1 回/);
    await expect(preview.locator('[data-address]').allTextContents()).resolves.toEqual([
      expect.stringMatching(/1\. 達成状況 過年度D8.*いま空欄 → B2/),
      expect.stringMatching(/1\. 達成状況 現年度G8.*いま空欄 → A/),
      expect.stringMatching(/1\. 達成状況 合計K8.*いま空欄 → B1/),
    ]);
    await shot(page, 'guide-preview.png');

    await tool.getByRole('button', { name: /^書き込む/ }).click();
    await tool.getByText(/Ctrl\+Z/).waitFor();
    await expect(double(page).then((d) => d.applied)).resolves.toEqual([['D8', 'G8', 'K8']]);
    const link = tool.getByRole('button', { name: '4. 取組内容の検証など 課題(過年度) [D47]' });
    await link.waitFor();
    await shot(page, 'guide-written.png');
    await link.click();
    await page.waitForFunction(() => (window.mishukinTestAdapter as MemoryWorkbook).selections.length === 1);
    await expect(double(page).then((d) => d.selections)).resolves.toEqual([`${sheet01!.name}!D47`]);
    expect(foreign).toEqual([]);
    expect(consoleProblems).toEqual([]);
    await page.close();
  });
});

describe('the sheet commands (Excel path, the adapter double in place of Excel)', () => {
  /** The sheet commands' chunk, fetched only when a command is opened. */
  const sheetsChunk = (urls: string[]) => urls.filter((u) => /\/sheets\.[0-9a-f]+\.js$/.test(u));
  const added = (page: Page) => page.evaluate(() => (window.mishukinTestAdapter as MemoryWorkbook).added.map((a) => a.name));

  test('翌年度へ繰り越し: refused for its error → エラーがあっても繰り越す → preview with the undo warning → シートを追加 → the new form in the pane', async () => {
    const fixture = await fixtureOf('current/sheet-03.xlsx');
    const sheet = fixture.sheets[0]!.name;
    const page = await openPage(fixture);
    const requested: string[] = [];
    page.on('request', (r) => void requested.push(r.url()));
    await page.getByText('特別障がい者手当等返還金', { exact: true }).waitFor();
    expect(sheetsChunk(requested)).toEqual([]);

    await page.getByRole('button', { name: '翌年度へ繰り越し' }).click();
    const tool = page.getByRole('region', { name: '翌年度へ繰り越し' });
    await tool.getByText('調査書 1 件のうち 0 件から、翌年度の調査書を作ります。').waitFor();
    expect(sheetsChunk(requested)).toHaveLength(1);
    const item = tool.locator(`[data-item="${sheet}!B2"]`);
    await expect(item.textContent()).resolves.toMatch(/エラーが 1 件あります.*TRD-CARRY 2\. 未収金の推移 E行\(令和2 当初目標\) ア列 \[D20\]/);
    await expect(tool.getByRole('button', { name: 'シートを追加(0 枚)' }).isDisabled()).resolves.toBe(true);
    await shot(page, 'rollover-refused.png');

    await tool.getByRole('switch', { name: /エラーがあっても繰り越す/ }).check();
    await tool.getByText('追加するシート: 「038 特別障がい者手当等返還金(令和2)」').waitFor();
    await expect(item.textContent()).resolves.toContain('この調査書にはエラーが 1 件ありますが、指定によりそのまま繰り越します。');
    // Before adding: what it does to Excel's undo history here (the double stands for Windows before ExcelApi 1.20), and how to remove the sheet.
    await expect(tool.getByTestId('sheet-undo-note').textContent()).resolves.toMatch(
      /元に戻す\(Ctrl\+Z\)についてWindows 版 Excel\(ExcelApi 1\.20 より前\)では、シートの追加・書き込みで Excel の「元に戻す」\(Ctrl\+Z\)の履歴が消え.*シート見出しを右クリックして「削除」/,
    );
    await shot(page, 'rollover-preview.png');
    await expect(added(page)).resolves.toEqual([]);

    await tool.getByRole('button', { name: 'シートを追加(1 枚)' }).click();
    await tool.getByText('「038 特別障がい者手当等返還金(令和2)」を追加しました(1 枚)。').waitFor();
    await expect(added(page)).resolves.toEqual(['038 特別障がい者手当等返還金(令和2)']);
    // The pane has read the workbook again and shows the new sheet's form (Excel shows the sheet just added).
    await expect(page.locator('#form-picker').inputValue()).resolves.toBe('038 特別障がい者手当等返還金(令和2)!B2');
    await page.getByText('令和2年度(2020)').waitFor();
    await shot(page, 'rollover-added.png');
    await expect(double(page).then((d) => d.applied)).resolves.toEqual([]);
    expect(foreign).toEqual([]);
    expect(consoleProblems).toEqual([]);
    await page.close();
  });

  test('新しい調査書 in a workbook without a form: the year as typed → preview → シートを追加 → the blank form', async () => {
    const page = await openPage(fixtureOfGrids([Grid.fromRows('メモ', [['メモ']])]));
    await page.getByText('このシートは調査書ではありません').waitFor();
    await expect(page.getByRole('button', { name: '翌年度へ繰り越し' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: '新しい調査書' }).click();
    const tool = page.getByRole('region', { name: '新しい調査書' });
    const year = tool.getByRole('textbox', { name: /報告する年度 N/ });
    await year.fill('来年');
    await tool.getByText('「来年」を年度として読み取れません。', { exact: false }).waitFor();
    await year.fill('R2');
    await tool.getByText('追加するシート: 「調査書 令和2年度」').waitFor();
    await expect(tool.textContent()).resolves.toContain('色付け箇所(入力欄)は空欄です。計算欄はすべて通常の Excel の数式で');
    await shot(page, 'new-form-preview.png');
    await tool.getByRole('button', { name: 'シートを追加(1 枚)' }).click();
    await tool.getByText('「調査書 令和2年度」を追加しました(1 枚)。').waitFor();
    await page.getByText('令和2年度(2020)').waitFor();
    await expect(added(page)).resolves.toEqual(['調査書 令和2年度']);
    expect(consoleProblems).toEqual([]);
    await page.close();
  });
});

describe('the tools in file mode (shown only)', () => {
  test('評価ガイド and 数式を入れる show what they would write and say that writing needs Excel', async () => {
    const page = await openPage(undefined, { width: 900, height: 1100 });
    await page.setInputFiles('input[type=file]', [path.join(ROOT, 'examples/current/sheet-01.xlsx')]);
    const file = page.getByRole('region', { name: 'sheet-01.xlsx' });
    await file.getByRole('button', { name: '評価ガイド' }).click();
    const guide = file.getByRole('region', { name: '評価ガイド' });
    await guide.getByRole('table').waitFor({ timeout: 30_000 });
    await expect(guide.getByText(/ファイルで開いているため、表示だけです/).isVisible()).resolves.toBe(true);
    await expect(guide.getByRole('button', { name: 'この評価を入力' }).count()).resolves.toBe(0);
    await shot(page, 'file-mode-guide.png');

    await file.getByRole('button', { name: '数式を入れる' }).click();
    const formulas = file.getByRole('region', { name: '数式を入れる' });
    await formulas.getByText(/すでに計算式どおりの数式が入っています/).waitFor();
    await expect(formulas.getByText(/ファイルで開いているため、表示だけです/).isVisible()).resolves.toBe(true);
    await expect(formulas.getByRole('button', { name: /^書き込む/ }).count()).resolves.toBe(0);
    await page.close();
  });
});

