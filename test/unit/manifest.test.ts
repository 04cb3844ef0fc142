import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkManifest, type BuildOutputs } from '../../scripts/manifestCheck';

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
