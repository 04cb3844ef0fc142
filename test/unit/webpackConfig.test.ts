// The build's settings as webpack.config.js reads them: where office.js comes from (Microsoft's CDN unless
// OFFICE_JS=bundled) and what the page's CSP then allows, and the origin's form. The built result is inspected in
// test/browser/build.test.ts.
import * as path from 'node:path';

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
