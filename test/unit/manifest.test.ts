import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkManifest, missingFromBuild, type BuildOutputs } from '../../scripts/manifestCheck';
import { readManifestAsOffice } from '../../scripts/officeManifestReading';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OUTPUTS } = require(path.join(ROOT, 'webpack.config.js')) as { OUTPUTS: BuildOutputs };
const SOURCE = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const check = (xml: string) => checkManifest(xml, { outputs: OUTPUTS, filesDir: ROOT });

describe('manifest.xml structural check (no network)', () => {
  test('the repository manifest passes', async () => {
    await expect(check(SOURCE)).resolves.toEqual([]);
  });

  test.each([
    ['XML that does not parse', (x: string) => x.replace('</OfficeApp>', ''), /XML として読めません/],
    ['a resid with no resource', (x: string) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Nowhere"/>'), /resid「Nowhere」/],
    ['a second origin', (x: string) => x.replace('https://localhost:3000/help.html"/>', 'https://example.com/help.html"/>'), /オリジンが1つではありません/],
    ['a three-part version', (x: string) => x.replace('<Version>0.1.0.0</Version>', '<Version>0.1.0</Version>'), /4つの部分/],
    ['an icon declared at the wrong size', (x: string) => x.replace('<bt:Image size="80" resid="Icon.80"/>', '<bt:Image size="80" resid="Icon.32"/>'), /80×80 の PNG ではありません/],
    ['a missing icon file', (x: string) => x.replace('assets/icon-16.png', 'assets/icon-17.png'), /ファイルがありません/],
    ['metadata the build does not produce', (x: string) => x.replace('/functions.json"', '/metadata.json"'), /functions.json を指していません/],
    ['a task pane on another page than the runtime', (x: string) => x.replace('<FunctionFile resid="Shared.Url"/>', '<FunctionFile resid="Help.Url"/>'), /共有ランタイムのページが1つではありません/],
    ['no SharedRuntime requirement', (x: string) => x.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ''), /SharedRuntime 1.1/],
    ['http instead of https', (x: string) => x.split('https://localhost:3000').join('http://localhost:3000'), /https ではありません/],
  ])('%s is reported', async (_, mutate, expected) => {
    const problems = await check(mutate(SOURCE));
    expect(problems.join('\n')).toMatch(expected);
  });
});

describe('manifest.xml as Office reads it (its own parser, from office-addin-manifest-converter, offline)', () => {
  test('the repository manifest is read without a problem, with every URL Office will fetch', () => {
    const r = readManifestAsOffice(SOURCE);
    expect(r.problems).toEqual([]);
    const where = r.urls.map((u) => u.where);
    for (const w of ['SourceLocation', 'IconUrl', 'SupportUrl', 'Shared.Url', 'Functions.Script.Url', 'Functions.Metadata.Url', 'Icon.80']) {
      expect(where).toContain(w);
    }
    expect(new Set(r.urls.map((u) => new URL(u.url).origin))).toEqual(new Set(['https://localhost:3000']));
  });

  test.each([
    ['an Id that is not a GUID', (x: string) => x.replace('<Id>f865d181', '<Id>zz65d181'), /解析器が読めません.*Manifest/s],
    ['a permission Office does not know', (x: string) => x.replace('<Permissions>ReadWriteDocument', '<Permissions>Everything'), /解析器が読めません/],
    ['two runtimes on one page', (x: string) => x.replace('<Runtime resid="Shared.Url" lifetime="long"/>', '<Runtime resid="Shared.Url" lifetime="long"/><Runtime resid="Shared.Url" lifetime="short"/>'), /same Resid for different runtime/],
    ['XML that does not parse', (x: string) => x.replace('</OfficeApp>', ''), /解析器が読めません/],
    ['a ribbon label with no string', (x: string) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Nowhere"/>'), /Mishukin\.Group のラベル/],
    ['a button icon with no image', (x: string) => x.replace('<bt:Image size="16" resid="Icon.16"/>\n                  <bt:Image size="32" resid="Icon.32"/>\n                  <bt:Image size="80" resid="Icon.80"/>\n                </Icon>\n                <Control', '<bt:Image size="16" resid="Icon.17"/>\n                  <bt:Image size="32" resid="Icon.32"/>\n                  <bt:Image size="80" resid="Icon.80"/>\n                </Icon>\n                <Control'), /Mishukin\.Group のアイコン\(16\)/],
    ['a runtime whose page is not a resource', (x: string) => x.replace('<Runtime resid="Shared.Url"', '<Runtime resid="Nope.Url"'), /ランタイム Nope\.Url/],
    ['functions metadata that is not a resource', (x: string) => x.replace('<SourceLocation resid="Functions.Metadata.Url"/>', '<SourceLocation resid="Nope"/>'), /カスタム関数の metadata/],
  ])('%s is refused', (_, mutate, expected) => {
    const changed = mutate(SOURCE);
    expect(changed).not.toBe(SOURCE);
    expect(readManifestAsOffice(changed).problems.join('\n')).toMatch(expected);
  });
});

describe('URLs against a build', () => {
  const origin = 'https://addin.example.lg.jp';
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mishukin-urls-'));
    writeFileSync(path.join(dir, 'functions-help.html'), '<h2 id="BALANCE">未収金残高</h2>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a URL names a built file on the origin, and its anchor is in the page', () => {
    expect(missingFromBuild([{ where: 'help', url: `${origin}/functions-help.html#BALANCE` }], origin, dir)).toEqual([]);
    expect(missingFromBuild([{ where: 'AppDomain', url: origin }], origin, dir)).toEqual([]);
  });

  test.each([
    ['a page the build did not emit', `${origin}/functions-help2.html#BALANCE`, /functions-help2\.html がビルドの出力にありません/],
    ['an anchor the page does not have', `${origin}/functions-help.html#TOTAL`, /#TOTAL の見出しがありません/],
    ['another origin', 'https://localhost:3000/functions-help.html#BALANCE', /オリジン https:\/\/addin\.example\.lg\.jp にありません/],
  ])('%s is reported', (_, url, expected) => {
    expect(missingFromBuild([{ where: 'help', url }], origin, dir).join('\n')).toMatch(expected);
  });
});
