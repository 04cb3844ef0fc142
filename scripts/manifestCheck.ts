// A structural check of manifest.xml that needs no network, beside Office's own parser (officeManifestReading.ts),
// which is lenient about what this checks: required elements are there, every resid resolves, one shared runtime
// page, one https origin, a four-part version, icons that exist at their declared sizes, and URLs that point at
// what the build produces (missingFromBuild, also used for the URLs Office reads and functions.json's). Used by
// `npm run validate` and by the tests (manifestProblems.ts).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseStringPromise } from 'xml2js';

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

interface RawNode {
  '#name': string;
  $?: Record<string, string>;
  _?: string;
  $$?: RawNode[];
}

function toNode(raw: RawNode): XmlNode {
  return { name: raw['#name'], attrs: raw.$ ?? {}, text: (raw._ ?? '').trim(), children: (raw.$$ ?? []).map(toNode) };
}

function* walk(n: XmlNode): Generator<XmlNode> {
  yield n;
  for (const c of n.children) yield* walk(c);
}

function find(n: XmlNode, ...names: string[]): XmlNode | undefined {
  let at: XmlNode | undefined = n;
  for (const name of names) at = at?.children.find((c) => c.name === name);
  return at;
}

/** What the build writes, by role (webpack.config.js OUTPUTS). */
export interface BuildOutputs {
  taskpane: string;
  help: string;
  functionsScript: string;
  functionsMetadata: string;
  icons: string[];
}

export interface ManifestCheckOptions {
  outputs: BuildOutputs;
  /** Where the icon files are looked up by URL path (the repo for the source manifest, dist/ for a built one). */
  filesDir: string;
  /** A build's output folder: every URL must then name a file in it. */
  builtDir?: string;
}

/** A URL's path on its origin, as a file name in the build ('' when it is not a URL). */
function pathOf(url: string | undefined): string {
  try {
    return url ? decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) : '';
  } catch {
    return '';
  }
}

/**
 * The URLs on `origin` that do not name a file of the build in `builtDir`, in Japanese; a URL with a fragment
 * must also find its anchor (an element with that id) in the page. App domains name an origin, not a file.
 */
export function missingFromBuild(urls: readonly { where: string; url: string }[], origin: string, builtDir: string): string[] {
  const problems: string[] = [];
  for (const { where, url } of urls) {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      problems.push(`${where} の URL が読めません: ${url}`);
      continue;
    }
    if (u.origin !== origin) {
      problems.push(`${where} の URL がアドインのオリジン ${origin} にありません: ${url}`);
      continue;
    }
    if (where === 'AppDomain') continue;
    const file = path.join(builtDir, pathOf(url));
    if (!pathOf(url) || !existsSync(file)) {
      problems.push(`${where} の ${pathOf(url) || url} がビルドの出力にありません。`);
      continue;
    }
    const anchor = decodeURIComponent(u.hash.slice(1));
    // A built page is minified: its attributes may have lost their quotes.
    const id = new RegExp(`\\sid=(["']?)${anchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1[\\s>]`);
    if (anchor && !id.test(readFileSync(file, 'utf8'))) problems.push(`${where} の ${pathOf(url)} に #${anchor} の見出しがありません。`);
  }
  return problems;
}

function pngSize(file: string): { width: number; height: number } | null {
  const b = readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Problems found, in Japanese; empty when the manifest passes. */
export async function checkManifest(xml: string, opts: ManifestCheckOptions): Promise<string[]> {
  const problems: string[] = [];
  let root: XmlNode;
  try {
    const parsed = (await parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true, explicitRoot: true })) as Record<
      string,
      RawNode
    >;
    root = toNode(Object.values(parsed)[0]!);
  } catch (err) {
    return [`XML として読めません: ${err instanceof Error ? err.message : String(err)}`];
  }
  if (root.name !== 'OfficeApp' || root.attrs['xsi:type'] !== 'TaskPaneApp') problems.push('ルート要素が OfficeApp (xsi:type="TaskPaneApp") ではありません。');

  for (const name of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides']) {
    if (!find(root, name)) problems.push(`必須の要素 ${name} がありません。`);
  }
  const version = find(root, 'Version')?.text ?? '';
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(version)) problems.push(`Version「${version}」が4つの部分(例: 1.0.0.0)になっていません。`);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(find(root, 'Id')?.text ?? '')) problems.push('Id が GUID ではありません。');
  if (!find(root, 'Hosts')?.children.some((h) => h.attrs.Name === 'Workbook')) problems.push('Hosts に Workbook (Excel) がありません。');
  const sets = [...walk(find(root, 'Requirements') ?? root)].filter((n) => n.name === 'Set');
  if (!sets.some((s) => s.attrs.Name === 'SharedRuntime' && s.attrs.MinVersion === '1.1')) problems.push('Requirements に SharedRuntime 1.1 がありません。');

  // Resources by kind, and every resid against them.
  const overrides = find(root, 'VersionOverrides');
  const resources = overrides && find(overrides, 'Resources');
  const ids = (group: string): Map<string, string> =>
    new Map((resources && find(resources, group)?.children.map((c) => [c.attrs.id ?? '', c.attrs.DefaultValue ?? ''] as [string, string])) ?? []);
  const images = ids('bt:Images');
  const urls = ids('bt:Urls');
  const shorts = ids('bt:ShortStrings');
  const longs = ids('bt:LongStrings');
  const kindOf = (n: XmlNode): [string, Map<string, string>[]] => {
    if (n.name === 'bt:Image') return ['画像', [images]];
    if (['SourceLocation', 'FunctionFile', 'Runtime', 'LearnMoreUrl'].includes(n.name)) return ['URL', [urls]];
    if (n.name === 'Description') return ['文字列', [longs, shorts]];
    return ['文字列', [shorts]];
  };
  const residNodes = overrides ? [...walk(overrides)].filter((n) => n.attrs.resid !== undefined) : [];
  for (const n of residNodes) {
    const [kind, maps] = kindOf(n);
    if (!maps.some((m) => m.has(n.attrs.resid!))) problems.push(`${n.name} の resid「${n.attrs.resid}」に当たる${kind}のリソースがありません。`);
  }

  // One shared runtime: the runtime, the functions' page, FunctionFile and the task pane are the same page.
  const residOf = (names: string[]): string | undefined => {
    for (const n of overrides ? walk(overrides) : []) {
      if (n.name === names[0]) {
        const hit = find(n, ...names.slice(1));
        if (hit?.attrs.resid) return hit.attrs.resid;
      }
    }
    return undefined;
  };
  const shared = {
    Runtime: residOf(['Runtimes', 'Runtime']),
    'CustomFunctions Page': residOf(['Page', 'SourceLocation']),
    FunctionFile: residOf(['FunctionFile']),
    ShowTaskpane: residOf(['Action', 'SourceLocation']),
  };
  for (const [what, resid] of Object.entries(shared)) if (!resid) problems.push(`${what} がありません。`);
  if (new Set(Object.values(shared)).size !== 1) problems.push(`共有ランタイムのページが1つではありません: ${JSON.stringify(shared)}`);
  const functionsExt = overrides && [...walk(overrides)].find((n) => n.name === 'ExtensionPoint' && n.attrs['xsi:type'] === 'CustomFunctions');
  for (const part of ['Script', 'Page', 'Metadata', 'Namespace']) {
    if (!functionsExt || !find(functionsExt, part)) problems.push(`カスタム関数の拡張点に ${part} がありません。`);
  }
  const homeTab = overrides && [...walk(overrides)].find((n) => n.name === 'OfficeTab' && n.attrs.id === 'TabHome');
  const button = homeTab && [...walk(homeTab)].find((n) => n.name === 'Control' && n.attrs['xsi:type'] === 'Button');
  const label = button && shorts.get(find(button, 'Label')?.attrs.resid ?? '');
  if (label !== '調査書チェック') problems.push('ホーム タブに「調査書チェック」ボタンがありません。');
  if (button && find(button, 'Action')?.attrs['xsi:type'] !== 'ShowTaskpane') problems.push('「調査書チェック」ボタンが作業ウィンドウを開きません。');

  // Every URL on one https origin.
  const allUrls: { where: string; url: string }[] = [];
  for (const n of walk(root)) {
    const v = n.attrs.DefaultValue;
    if (v !== undefined && /^[a-z]+:\/\//i.test(v)) allUrls.push({ where: n.attrs.id ?? n.name, url: v });
    if (n.name === 'AppDomain') allUrls.push({ where: 'AppDomain', url: n.text });
  }
  const origins = new Set<string>();
  for (const { where, url } of allUrls) {
    try {
      const u = new URL(url);
      if (u.protocol !== 'https:') problems.push(`${where} の URL が https ではありません: ${url}`);
      origins.add(u.origin);
    } catch {
      problems.push(`${where} の URL が読めません: ${url}`);
    }
  }
  if (origins.size > 1) problems.push(`URL のオリジンが1つではありません: ${[...origins].join(', ')}`);

  const expectPath = (what: string, url: string | undefined, file: string): void => {
    if (pathOf(url) !== file) problems.push(`${what} が ${file} を指していません: ${url ?? '(なし)'}`);
  };
  const urlOf = (resid: string | undefined) => (resid ? urls.get(resid) : undefined);
  expectPath('共有ランタイムのページ', urlOf(shared.Runtime), opts.outputs.taskpane);
  expectPath('カスタム関数のメタデータ', urlOf(functionsExt && find(functionsExt, 'Metadata', 'SourceLocation')?.attrs.resid), opts.outputs.functionsMetadata);
  expectPath('カスタム関数のスクリプト', urlOf(functionsExt && find(functionsExt, 'Script', 'SourceLocation')?.attrs.resid), opts.outputs.functionsScript);
  expectPath('SupportUrl', find(root, 'SupportUrl')?.attrs.DefaultValue, opts.outputs.help);
  expectPath('DefaultSettings の SourceLocation', find(root, 'DefaultSettings', 'SourceLocation')?.attrs.DefaultValue, opts.outputs.taskpane);

  // Icons: the file exists and is a PNG of the declared size.
  const icons: { where: string; url: string; size: number }[] = [
    { where: 'IconUrl', url: find(root, 'IconUrl')?.attrs.DefaultValue ?? '', size: 32 },
    { where: 'HighResolutionIconUrl', url: find(root, 'HighResolutionIconUrl')?.attrs.DefaultValue ?? '', size: 64 },
  ];
  for (const n of overrides ? walk(overrides) : []) {
    if (n.name === 'bt:Image' && n.attrs.size && n.attrs.resid) icons.push({ where: n.attrs.resid, url: images.get(n.attrs.resid) ?? '', size: Number(n.attrs.size) });
  }
  for (const icon of icons) {
    const rel = pathOf(icon.url);
    if (!opts.outputs.icons.includes(rel)) problems.push(`${icon.where} のアイコン ${rel || icon.url} はビルドが出力するファイルではありません。`);
    const file = path.join(opts.filesDir, rel);
    if (!rel || !existsSync(file)) {
      problems.push(`${icon.where} のアイコン ${rel || icon.url} のファイルがありません。`);
      continue;
    }
    const size = pngSize(file);
    if (!size || size.width !== icon.size || size.height !== icon.size) {
      problems.push(`${icon.where} のアイコン ${rel} が ${icon.size}×${icon.size} の PNG ではありません(${size ? `${size.width}×${size.height}` : 'PNG でない'})。`);
    }
  }

  if (opts.builtDir && origins.size === 1) problems.push(...missingFromBuild(allUrls, [...origins][0]!, opts.builtDir));
  return problems;
}
