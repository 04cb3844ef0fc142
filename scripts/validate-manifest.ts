// npm run validate: manifest.xml, and dist/manifest.xml with its built files when a build is there, read the way
// Office reads it (its own parser, offline: officeManifestReading.ts) and checked for structure (manifestCheck.ts);
// for a build, every URL of the manifest and of functions.json must name a built file on the add-in's origin.
// Any problem fails the command. Microsoft's online validator is run as well where its service can be reached;
// where it cannot (an LGWAN PC, CI), that is said, and the offline checks still decide.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { manifestProblems } from './manifestProblems';

const root = path.join(__dirname, '..');

function officeValidate(file: string): 'valid' | 'invalid' | 'unavailable' {
  const r = spawnSync(process.execPath, [require.resolve('office-addin-manifest/cli.js'), 'validate', file], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status === 0 && /valid/i.test(out) && !/not valid|invalid/i.test(out)) return 'valid';
  if (r.error || /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed|network|getaddrinfo/i.test(out)) return 'unavailable';
  console.log(out.trim());
  return 'invalid';
}

async function main(): Promise<void> {
  let failed = false;
  const targets: { file: string; builtDir?: string }[] = [{ file: path.join(root, 'manifest.xml') }];
  const built = path.join(root, 'dist', 'manifest.xml');
  if (existsSync(built)) targets.push({ file: built, builtDir: path.dirname(built) });
  for (const t of targets) {
    const name = path.relative(root, t.file);
    const found = await manifestProblems(t.file, t.builtDir);
    const report = (what: string, problems: string[]) => {
      console.log(`${what} ${name}: ${problems.length === 0 ? '合格' : `不合格\n${problems.map((p) => `  - ${p}`).join('\n')}`}`);
      failed ||= problems.length > 0;
    };
    report('Office の解析器', found.office);
    report('構造チェック', found.structure);
    if (t.builtDir) report('URL とビルドの出力', found.urls);
  }
  const official = officeValidate('manifest.xml');
  if (official === 'unavailable') console.log('office-addin-manifest validate: Microsoft の検証サービスに接続できないため省略しました(上のオフラインの検査で判定します)。');
  else console.log(`office-addin-manifest validate: ${official === 'valid' ? '合格' : '不合格'}`);
  failed ||= official === 'invalid';
  process.exitCode = failed ? 1 : 0;
}

void main();
