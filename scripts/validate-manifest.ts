// npm run validate: Microsoft's validator where it can reach its service, and our structural check always
// (the source manifest.xml, and dist/manifest.xml with the built files when a build is there).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkManifest, type BuildOutputs } from './manifestCheck';

const root = path.join(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OUTPUTS } = require(path.join(root, 'webpack.config.js')) as { OUTPUTS: BuildOutputs };

function officeValidate(file: string): 'valid' | 'invalid' | 'unavailable' {
  const r = spawnSync(process.execPath, [require.resolve('office-addin-manifest/cli.js'), 'validate', file], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status === 0 && /valid/i.test(out) && !/not valid|invalid/i.test(out)) return 'valid';
  // No network (an LGWAN PC, CI): the validator cannot reach its service.
  if (r.error || /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed|network|getaddrinfo/i.test(out)) return 'unavailable';
  console.log(out.trim());
  return 'invalid';
}

async function main(): Promise<void> {
  let failed = false;
  const official = officeValidate('manifest.xml');
  if (official === 'unavailable') console.log('office-addin-manifest validate: 検証サービスに接続できないため省略しました(構造チェックのみ行います)。');
  else console.log(`office-addin-manifest validate: ${official === 'valid' ? '合格' : '不合格'}`);
  failed ||= official === 'invalid';

  const targets = [{ file: path.join(root, 'manifest.xml'), filesDir: root, builtDir: undefined as string | undefined }];
  const built = path.join(root, 'dist', 'manifest.xml');
  if (existsSync(built)) targets.push({ file: built, filesDir: path.dirname(built), builtDir: path.dirname(built) });
  for (const t of targets) {
    const problems = await checkManifest(readFileSync(t.file, 'utf8'), { outputs: OUTPUTS, filesDir: t.filesDir, builtDir: t.builtDir });
    const name = path.relative(root, t.file);
    if (problems.length === 0) console.log(`構造チェック ${name}: 合格`);
    else console.log(`構造チェック ${name}: 不合格\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    failed ||= problems.length > 0;
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
