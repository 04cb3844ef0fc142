// The pane in Debian's Chromium: file mode on example workbooks, and the Excel path with the adapter double.
// Screenshots go to test-output/ (git-ignored).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/adapters/xlsx/readWorkbook';
import { checkManifest, type BuildOutputs } from '../../scripts/manifestCheck';
import type { MemoryWorkbook } from '../doubles/memoryWorkbook';
import { BUILD_DIR, buildPane, launch, OUT, ROOT, serve, type Browser, type Served } from './harness';
import type { Fixture } from './installDouble';

jest.setTimeout(120_000);

let server: Served;
let browser: Browser;
/** Every request a page made that did not go to the add-in's own origin. */
let foreign: string[];

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
  page.on('request', (r) => {
    if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  if (fixture) await page.addInitScript((f) => Object.assign(window, { __MISHUKIN_FIXTURE__: f }), fixture);
  await page.goto(`${server.origin}/taskpane.html`);
  return page;
}

async function fixtureOf(file: string, active?: string): Promise<Fixture> {
  const grids = await readWorkbookFile(path.join(ROOT, 'examples', file));
  return { sheets: grids.map((g) => ({ name: g.name, cells: [...g.cells()] })), active: active ?? grids[0]!.name };
}

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

test('the built manifest passes the structural check, with every URL a built file', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { OUTPUTS } = require(path.join(ROOT, 'webpack.config.js')) as { OUTPUTS: BuildOutputs };
  const xml = readFileSync(path.join(BUILD_DIR, 'manifest.xml'), 'utf8');
  await expect(checkManifest(xml, { outputs: OUTPUTS, filesDir: BUILD_DIR, builtDir: BUILD_DIR })).resolves.toEqual([]);
});
