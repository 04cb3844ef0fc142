// The build's settings as webpack.config.js reads them: where office.js comes from (Microsoft's CDN unless
// OFFICE_JS=bundled) and what the page's CSP then allows, and the origin's form. The built result is inspected in
// test/browser/build.test.ts.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import webpack from 'webpack';

const ROOT = path.join(__dirname, '..', '..');

interface Plugin {
  constructor: { name: string };
  userOptions?: { filename?: string; officeJs?: string; csp?: string };
  patterns?: { to?: string; from?: string }[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as ((env: object, argv: object) => { plugins: Plugin[] }) & {
  OFFICE_JS_CDN: string;
};

function configWith(env: Record<string, string>) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const { plugins } = makeConfig({}, { mode: 'production' });
    const page = plugins.find((p) => p.constructor.name === 'HtmlWebpackPlugin' && p.userOptions?.filename === 'taskpane.html')!.userOptions!;
    const copies = plugins.find((p) => p.constructor.name === 'CopyPlugin')!.patterns!.map((x) => x.to);
    return { officeJs: page.officeJs, csp: page.csp!, copies };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

test('by default office.js comes from Microsoft’s CDN, the one origin besides the add-in’s that the CSP allows', () => {
  const c = configWith({});
  expect(c.officeJs).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  expect(makeConfig.OFFICE_JS_CDN).toBe(c.officeJs);
  expect(c.csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
  expect(c.copies).not.toContain('office-js/');
});

test('OFFICE_JS=bundled serves the package’s copy from the add-in’s origin, and the CSP allows nothing else', () => {
  const c = configWith({ OFFICE_JS: 'bundled' });
  expect(c.officeJs).toBe('office-js/office.js');
  expect(c.csp).toMatch(/script-src 'self';/);
  expect(c.csp).not.toMatch(/https?:/);
  expect(c.copies).toContain('office-js/');
});

test.each([
  [{ OFFICE_JS: 'local' }, /OFFICE_JS は cdn か bundled/],
  [{ ADDIN_ORIGIN: 'https://addin.example.lg.jp/mishukin' }, /パスは付けません/],
  [{ ADDIN_ORIGIN: 'http://addin.example.lg.jp' }, /https:\/\//],
])('%p is refused with a Japanese reason', (env, expected) => {
  expect(() => configWith(env)).toThrow(expected);
});

describe('the custom functions’ metadata in the build', () => {
  // A small build of the metadata step alone: the generator through custom-functions-metadata-plugin (its API, whose
  // `errors` become build errors; the CLI would exit 0), then the origin put into the help URLs.
  const { AddinUrlsPlugin } = makeConfig as unknown as { AddinUrlsPlugin: new (origin: string) => object };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin') as new (o: object) => object;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mishukin-cf-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function build(source: string): Promise<{ errors: string[]; metadata: string | null }> {
    // One file and one output folder per build: the plugin keeps its results by input file.
    const name = `f${Math.random().toString(36).slice(2)}`;
    const input = path.join(dir, `${name}.js`);
    const out = path.join(dir, name);
    writeFileSync(input, source);
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(
        {
          mode: 'production',
          context: dir,
          entry: input,
          output: { path: out, filename: 'functions.js' },
          plugins: [new CustomFunctionsMetadataPlugin({ output: 'functions.json', input }), new AddinUrlsPlugin('https://addin.example.lg.jp')] as webpack.WebpackPluginInstance[],
        },
        (err, s) => (err ? reject(err) : resolve(s!)),
      ),
    );
    const file = path.join(out, 'functions.json');
    return { errors: stats.compilation.errors.map((e) => e.message), metadata: existsSync(file) ? readFileSync(file, 'utf8') : null };
  }

  test('a function the generator accepts gets its help URL on the add-in’s origin', async () => {
    const r = await build('/**\n * Adds.\n * @customfunction ADD 足す\n * @param {number} a\n * @param {number} b\n * @returns {number}\n */\nfunction add(a, b) { return a + b; }\n');
    expect(r.errors).toEqual([]);
    expect(JSON.parse(r.metadata!).functions[0].helpUrl).toBe('https://addin.example.lg.jp/functions-help.html#ADD');
  });

  test('an error of the generator fails the build, and no functions.json is emitted', async () => {
    const r = await build('/**\n * Bad.\n * @customfunction BAD 悪い\n * @param {Date} a\n * @returns {number}\n */\nfunction bad(a) { return 1; }\n');
    expect(r.errors.join('\n')).toMatch(/does not support type "Date"/);
    expect(r.errors.join('\n')).toMatch(/functions\.json が生成されませんでした/);
    expect(r.metadata).toBeNull();
  });
});
