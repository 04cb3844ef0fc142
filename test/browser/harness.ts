// Builds the pane once (a test build: production mode, plus the adapter double's entry), serves it over http on
// 127.0.0.1, and starts Debian's Chromium through playwright-core. No browser is ever downloaded: a missing
// Chromium fails the tests loudly, naming the package to install.
import { existsSync, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
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

export async function buildPane(): Promise<void> {
  process.env.MISHUKIN_TEST_BUILD = '1';
  process.env.MISHUKIN_OUT = BUILD_DIR;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'production' }) as webpack.Configuration;
  delete process.env.MISHUKIN_TEST_BUILD;
  delete process.env.MISHUKIN_OUT;
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
