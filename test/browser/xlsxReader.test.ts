// The .xlsx reader in Debian's Chromium, as the pane's file mode runs it: the browser's DecompressionStream and
// exceljs's browser build. Hostile files get the same answers as in Node, the template with whole-column
// validations the same cells and the same note.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import webpack from 'webpack';
import { readWorkbook, WorkbookReadError } from '../../src/adapters/xlsx/readWorkbook';
import { afterMerges, sheet01With, SHEET_01, WHOLE_COLUMN_ANNOTATIONS } from '../helpers/hostileWorkbooks';
import { deflatedZeros, makeZip, minimalInputs, minimalXlsx, ROOT_RELS } from '../helpers/xlsxBuilder';
import { launch, serve, type Browser, type Served } from './harness';
import type { PageAnswer } from './readerPage';

jest.setTimeout(120_000);

let dir: string;
let server: Served;
let browser: Browser;
let page: Page;

async function buildPage(out: string): Promise<void> {
  const config: webpack.Configuration = {
    mode: 'development',
    devtool: false,
    entry: { reader: path.join(__dirname, 'readerPage.ts') },
    output: { path: out, filename: '[name].js', chunkFilename: '[name].js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', noEmit: false } } },
        },
      ],
    },
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats?.toString({ all: false, errors: true }))) : resolve())),
  );
  await fs.writeFile(path.join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><script src="reader.js"></script>');
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mishukin-reader-page-'));
  await buildPage(dir);
  server = await serve(dir);
  browser = await launch();
  page = await browser.context.newPage();
  await page.goto(`${server.origin}/index.html`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

function inPage(bytes: Buffer): Promise<PageAnswer> {
  return page.evaluate((b64) => (window as unknown as { readerUnderTest: (s: string) => Promise<PageAnswer> }).readerUnderTest(b64), bytes.toString('base64'));
}

async function inNode(bytes: Buffer): Promise<PageAnswer> {
  try {
    const grids = await readWorkbook(bytes);
    return {
      sheets: grids.map((g) => ({ name: g.name, cells: g.cellCount, merges: g.merges.length, notes: g.notes, a1: g.cells()[0] ?? null })),
    };
  } catch (err) {
    if (err instanceof WorkbookReadError) return { error: { code: err.code, message: err.message } };
    throw err;
  }
}

const CASES: [string, () => Promise<Buffer> | Buffer, string][] = [
  ['a valid form', () => SHEET_01, 'sheets'],
  ['the form with validations, a format and a link over whole columns', () => sheet01With(afterMerges(WHOLE_COLUMN_ANNOTATIONS)), 'sheets'],
  [
    'a central-directory record after the counted ones, naming a bomb',
    async () => makeZip(minimalInputs(), { uncounted: [{ name: 'xl/worksheets/sheet2.xml', raw: { bytes: await deflatedZeros(300), uncompressedSize: 1000 } }] }),
    'corrupt',
  ],
  [
    'a worksheet that declares 1,000 bytes and inflates to 300 MB (DecompressionStream stops at the cap)',
    async () =>
      makeZip([
        ...minimalInputs().filter((e) => e.name !== 'xl/worksheets/sheet1.xml'),
        { name: 'xl/worksheets/sheet1.xml', raw: { bytes: await deflatedZeros(300), uncompressedSize: 1000 } },
      ]),
    'zip-bomb',
  ],
  ['an external entity in the root relationships', () => minimalXlsx({ '_rels/.rels': ROOT_RELS.replace('?>', '?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>') }), 'unsafe-xml'],
  ['damaged deflate data in a needed part', () => makeZip([...minimalInputs().slice(0, 4), { name: 'xl/worksheets/sheet1.xml', raw: { bytes: Buffer.from([0xff, 0xff, 0xff]), uncompressedSize: 10 } }]), 'corrupt'],
];

test.each(CASES)('%s: the page answers as Node does', async (_, build, expected) => {
  const bytes = await build();
  const [page, node] = [await inPage(bytes), await inNode(bytes)];
  expect('error' in page ? page.error.code : 'sheets').toBe(expected);
  expect(page).toEqual(JSON.parse(JSON.stringify(node)));
});
