// A build for an intranet origin, as `ADDIN_ORIGIN=https://… npm run build` makes it, looked at as an administrator
// would: one origin, every URL of the manifest and of functions.json a file the build emitted (help anchors too),
// the manifest read by Office's own parser, office.js from Microsoft's CDN and from nowhere else; then opened in
// Chromium outside Excel: with Microsoft's CDN reachable (no console error, no request elsewhere), unreachable,
// or with an Office that never becomes ready (the pane says so in Japanese and still checks files).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { manifestProblems } from '../../scripts/manifestProblems';
import { buildPane, launch, OFFICE_CDN, OUT, ROOT, routeOfficeCdn, serve, type Browser, type OfficeCdn, type Served } from './harness';

jest.setTimeout(120_000);

const ORIGIN = 'https://addin.example.lg.jp';
const BUILT = path.join(OUT, 'web-intranet');

let server: Served;
let browser: Browser;

beforeAll(async () => {
  await buildPane({ out: BUILT, origin: ORIGIN });
  server = await serve(BUILT);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const read = (name: string) => readFileSync(path.join(BUILT, name), 'utf8');

describe('the build for an intranet origin, as an administrator inspects it', () => {
  test('Office reads the manifest without a problem; its URLs and the functions’ help URLs name built files on the one origin', async () => {
    const found = await manifestProblems(path.join(BUILT, 'manifest.xml'), BUILT);
    expect(found).toEqual({ office: [], structure: [], urls: [] });
    const xml = read('manifest.xml');
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]!);
    expect(urls.length).toBeGreaterThan(10);
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(new Set([ORIGIN]));
    expect(`${xml}${read('functions.json')}`).not.toMatch(/localhost/);
    const { functions } = JSON.parse(read('functions.json')) as { functions: { id: string; helpUrl: string }[] };
    expect(functions.map((f) => f.helpUrl)).toEqual(functions.map((f) => `${ORIGIN}/functions-help.html#${f.id}`));
  });

  test('office.js comes from Microsoft’s CDN, the CSP allows that origin and no other, and no copy is served', () => {
    const html = read('taskpane.html');
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]!);
    expect(scripts[0]).toBe(`${OFFICE_CDN}office.js`);
    expect(scripts.slice(1).every((s) => !/^https?:/.test(s))).toBe(true);
    const csp = /Content-Security-Policy content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp.match(/https?:\/\/[^\s;]+/g)).toEqual(['https://appsforoffice.microsoft.com']);
    expect(existsSync(path.join(BUILT, 'office-js'))).toBe(false);
  });

  test('the pane’s first script carries what the pane inside Excel needs first: the tools, the sheet commands and the file mode are chunks of their own', () => {
    const html = read('taskpane.html');
    const initial = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]!).filter((s) => !/^https?:/.test(s));
    const chunk = (name: string) => {
      const files = readdirSync(BUILT).filter((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.js$`).test(f));
      expect(files).toHaveLength(1);
      return read(files[0]!);
    };
    // Words only each chunk uses: the core's plans and messages (copied into the chunk), the layout of a whole form.
    const only: Record<string, string[]> = {
      tools: ['の欄が見つからないため、評価を入力できません', 'すでに計算式どおりの数式が入っています'],
      sheets: ['色付け箇所(入力欄)は空欄です', '一覧から選んでください(強制徴収公債権', 'エラーがあっても繰り越す'],
      file: ['ここに .xlsx ファイルをドロップ'],
    };
    for (const [name, texts] of Object.entries(only)) {
      for (const text of texts) {
        expect(`${text}: ${initial.filter((f) => read(f).includes(text)).join(', ')}`).toBe(`${text}: `);
        expect(chunk(name)).toContain(text);
      }
    }
  });

  test('no page of the build refers to a file the build did not emit', () => {
    for (const page of readdirSync(BUILT).filter((f) => f.endsWith('.html'))) {
      const refs = [...read(page).matchAll(/(?:src|href)="?([^"\s>#]+)/g)].map((m) => m[1]!).filter((r) => !/^https?:|^data:/.test(r));
      for (const ref of refs) expect(`${page} → ${ref}: ${existsSync(path.join(BUILT, ref))}`).toBe(`${page} → ${ref}: true`);
    }
  });
});

describe('the pane outside Excel (a browser opening taskpane.html)', () => {
  async function open(cdn: OfficeCdn): Promise<{ page: Page; requests: string[]; problems: string[] }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 900 });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => void requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => void problems.push(`uncaught: ${e.message}`));
    await routeOfficeCdn(page, cdn);
    await page.goto(`${server.origin}/taskpane.html`);
    return { page, requests, problems };
  }

  /** Drops an example workbook: the file mode reads and checks it. */
  async function checksAFile(page: Page): Promise<void> {
    await page.setInputFiles('input[type=file]', [path.join(ROOT, 'examples/current/sheet-03.xlsx')]);
    await page.getByRole('region', { name: 'sheet-03.xlsx' }).locator('[data-rule="TRD-CARRY"]').waitFor({ timeout: 30_000 });
  }

  test('with Microsoft’s CDN reachable: the file mode, no console error, nothing fetched from anywhere else', async () => {
    const { page, requests, problems } = await open('reachable');
    await page.getByRole('heading', { name: /ファイルで点検/ }).waitFor();
    await expect(page.getByText('Office の機能を読み込めませんでした').count()).resolves.toBe(0);
    await checksAFile(page);
    // office.js's fallback frames Microsoft's telemetry page 3 s after loading: the pane keeps it from doing so.
    await page.waitForTimeout(4000);
    await expect(page.locator('iframe').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith(OFFICE_CDN))).toEqual([]);
    await page.screenshot({ path: path.join(OUT, 'outside-excel.png'), fullPage: true });
    await page.close();
  });

  test('with the CDN unreachable: the pane says in Japanese that Office is not available, and still checks files', async () => {
    const { page, problems } = await open('unreachable');
    const notice = page.getByText('Office の機能を読み込めませんでした');
    await notice.waitFor();
    await expect(page.getByText(/appsforoffice\.microsoft\.com.*に接続できない/).isVisible()).resolves.toBe(true);
    await checksAFile(page);
    await page.screenshot({ path: path.join(OUT, 'office-js-unreachable.png'), fullPage: true });
    // The browser's own word for the failed load of office.js, and nothing else.
    expect(problems).toEqual([expect.stringMatching(/^error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/)]);
    await page.close();
  });

  test('with an Office that never becomes ready: after the wait the pane says so, never a blank page', async () => {
    const { page, problems } = await open('never-ready');
    await page.getByText('読み込んでいます…').waitFor();
    await page.getByText('Office の準備が整いませんでした').waitFor({ timeout: 20_000 });
    await checksAFile(page);
    expect(problems).toEqual([]);
    await page.close();
  });
});
