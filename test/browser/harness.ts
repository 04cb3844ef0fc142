// Builds the pane (production mode; a test build adds the adapter double's entry), serves it over http on
// 127.0.0.1, and starts Debian's Chromium through playwright-core. No browser is ever downloaded: a missing
// Chromium fails the tests loudly, naming the package to install. There is no network either: office.js's CDN URL
// is answered from the @microsoft/office-js package (the same files Microsoft serves there), or made to fail.
import { existsSync, mkdtempSync, promises as fs, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import webpack from 'webpack';

export const ROOT = path.join(__dirname, '..', '..');
export const OUT = path.join(ROOT, 'test-output');
export const BUILD_DIR = path.join(OUT, 'web-test');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function requireChromium(): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium が ${CHROMIUM} にありません。ブラウザーのテストには Debian の chromium パッケージが必要です: apt-get install chromium fonts-noto-cjk`,
    );
  }
  return CHROMIUM;
}

/** The build settings a test sets, as `npm run build` reads them from the environment. */
export interface BuildSettings {
  out: string;
  /** Adds the adapter double's entry (test/browser/installDouble.ts). */
  testBuild?: boolean;
  origin?: string;
  officeJs?: 'cdn' | 'bundled';
}

export async function buildPane(settings: BuildSettings = { out: BUILD_DIR, testBuild: true }): Promise<void> {
  const env = {
    MISHUKIN_OUT: settings.out,
    MISHUKIN_TEST_BUILD: settings.testBuild ? '1' : undefined,
    ADDIN_ORIGIN: settings.origin,
    OFFICE_JS: settings.officeJs,
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'production' }) as webpack.Configuration;
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

export interface Served {
  origin: string;
  close(): Promise<void>;
}

export async function serve(dir: string): Promise<Served> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(dir, rel);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    fs.readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Microsoft's CDN copy of office.js and the files it loads from beside it. */
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_JS_PACKAGE = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/**
 * How office.js's CDN answers the page: with the files of the @microsoft/office-js package (a browser on a network
 * that reaches Microsoft), not at all (one that does not), or with an office.js whose Office never becomes ready.
 */
export type OfficeCdn = 'reachable' | 'unreachable' | 'never-ready';

export async function routeOfficeCdn(page: Page, cdn: OfficeCdn): Promise<void> {
  await page.route(`${OFFICE_CDN}**`, async (route) => {
    if (cdn === 'unreachable') return route.abort('internetdisconnected');
    if (cdn === 'never-ready') {
      return route.fulfill({ contentType: 'text/javascript', body: 'window.Office = { onReady: () => new Promise(() => {}) };' });
    }
    const file = path.join(OFFICE_JS_PACKAGE, new URL(route.request().url()).pathname.slice(new URL(OFFICE_CDN).pathname.length));
    if (!file.startsWith(OFFICE_JS_PACKAGE) || !existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file) });
  });
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  const executablePath = requireChromium();
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'mishukin-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    locale: 'ja-JP',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
