// manifest.xml as Office reads it, offline: office-addin-manifest-converter ships OSF's OfficeAppManifest
// (lib/osfmos.js), the parser Office itself uses for add-in-only XML manifests. Office refuses a manifest this
// parser throws on; a resid it cannot resolve leaves a button without its label or a runtime without its page. The
// URLs it reads are handed to the URL checks (manifestCheck.ts, the build test), so they check what Office will
// fetch. Used by `npm run validate` and the tests, with the structural check beside it.
import { OSF } from 'office-addin-manifest-converter/lib/osfmos';
import { Utils } from 'office-addin-manifest-converter/lib/osfUtils';

/** What OfficeAppManifest hands back, as far as this check reads it (the package ships no types for it). */
interface OfficeAppManifest {
  getTarget(): number;
  getHosts(): string[];
  getDefaultSourceLocation(): string | null;
  getDefaultIconUrl(): string | null;
  getDefaultHighResolutionIconUrl(): string | null;
  getDefaultSupportUrl(): string | null;
  getAppDomains(): string[];
  getResources(): { Images?: Record<string, string>; Urls?: Record<string, string>; ShortStrings?: Record<string, string> } | undefined;
  getRuntimes(): { Resid: string }[] | undefined;
  getFunctionFileResid(versionOverrides: undefined, formFactor: string): string;
  getExtensionPoints(versionOverrides: undefined, formFactor: string): unknown[] | undefined;
  /** Not part of its getters: the custom functions' extension point as the parser keeps it. */
  _getVersionOverrides(): { _customFunctionExtensionPoint?: Record<string, string | undefined> } | null;
}

export interface OfficeReading {
  /** Why Office would refuse the manifest, or what it would read wrong; in Japanese; empty when it reads it well. */
  problems: string[];
  /** Every URL Office reads from it, with where. */
  urls: { where: string; url: string }[];
}

/** OfficeAppType.TaskPaneApp in osfmos.js. */
const TASK_PANE_APP = 1;

let browserShimsInstalled = false;

/**
 * Walks the ribbon as Office parsed it: a group or control whose label, tip or icon resid is not in the resources
 * comes out with an empty label, tip or icon, and Office shows it so.
 */
function unresolvedRibbon(node: unknown, out: string[]): void {
  if (Array.isArray(node)) return node.forEach((n) => unresolvedRibbon(n, out));
  if (node === null || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  if (typeof n.id === 'string') {
    // Office's own tabs (TabHome) are labelled by Office.
    if ('label' in n && !n.label && n.isOfficeTab !== true) out.push(`リボンの ${n.id} のラベル`);
    const tip = n.superTip as { title?: unknown; description?: unknown } | undefined;
    if (tip && (!tip.title || !tip.description)) out.push(`リボンの ${n.id} のヒント`);
    for (const [size, url] of Object.entries((n.icon as Record<string, unknown> | undefined) ?? {})) {
      if (!url) out.push(`リボンの ${n.id} のアイコン(${size})`);
    }
  }
  for (const v of Object.values(n)) if (typeof v === 'object') unresolvedRibbon(v, out);
}

export function readManifestAsOffice(xml: string): OfficeReading {
  if (!browserShimsInstalled) {
    // What the converter does before parsing: stand-ins for the browser functions the parser calls.
    Utils.OverrideMethods();
    browserShimsInstalled = true;
  }
  const problems: string[] = [];
  const parserErrors: string[] = [];
  // The XML parser inside reports its errors (and warnings) on the console and goes on: errors are problems.
  const { error, warn } = console;
  console.error = (...args: unknown[]) => void parserErrors.push(args.map(String).join(' '));
  console.warn = () => undefined;
  let m: OfficeAppManifest;
  const xmlErrors = () => [...new Set(parserErrors)].map((e) => `Office のマニフェスト解析器(XML): ${e}`);
  try {
    m = new OSF.Manifest.OfficeAppManifest(xml, 'ja-JP') as unknown as OfficeAppManifest;
  } catch (err) {
    const e = err as { message?: unknown } | null;
    return { problems: [`Office のマニフェスト解析器が読めません: ${String(e?.message ?? err)}`, ...xmlErrors()], urls: [] };
  } finally {
    console.error = error;
    console.warn = warn;
  }
  problems.push(...xmlErrors());

  if (m.getTarget() !== TASK_PANE_APP) problems.push('Office は作業ウィンドウ アドイン(TaskPaneApp)として読みません。');
  if (!m.getHosts().includes('Workbook')) problems.push('Office は Excel(Workbook)用として読みません。');

  const urls: OfficeReading['urls'] = [];
  const add = (where: string, url: string | null | undefined): void => {
    if (url) urls.push({ where, url });
    else problems.push(`Office が ${where} の URL を読めません。`);
  };
  add('SourceLocation', m.getDefaultSourceLocation());
  add('IconUrl', m.getDefaultIconUrl());
  add('HighResolutionIconUrl', m.getDefaultHighResolutionIconUrl());
  add('SupportUrl', m.getDefaultSupportUrl());
  for (const d of m.getAppDomains()) add('AppDomain', d);

  const resources = m.getResources();
  if (!resources) return { problems: [...problems, 'Office が VersionOverrides の Resources を読めません。'], urls };
  for (const [id, url] of Object.entries(resources.Images ?? {})) add(id, url);
  for (const [id, url] of Object.entries(resources.Urls ?? {})) add(id, url);
  const hasUrl = (resid: string | undefined) => resid !== undefined && (resources.Urls ?? {})[resid] !== undefined;

  for (const r of m.getRuntimes() ?? []) if (!hasUrl(r.Resid)) problems.push(`Office はランタイム ${r.Resid} のページを読めません。`);
  const functionFile = m.getFunctionFileResid(undefined, 'DesktopFormFactor');
  if (!hasUrl(functionFile)) problems.push(`Office は FunctionFile(${functionFile || 'なし'})のページを読めません。`);
  const cf = m._getVersionOverrides()?._customFunctionExtensionPoint;
  if (!cf) problems.push('Office はカスタム関数の拡張点を読みません。');
  else {
    for (const part of ['scriptResId', 'pageResId', 'metadataResId'] as const) {
      if (!hasUrl(cf[part])) problems.push(`Office はカスタム関数の ${part.replace('ResId', '')} の URL(${cf[part] ?? 'なし'})を読めません。`);
    }
    const ns = cf.namespaceResId;
    if (ns === undefined || (resources.ShortStrings ?? {})[ns] === undefined) problems.push(`Office はカスタム関数の名前空間(${ns ?? 'なし'})を読めません。`);
  }
  const missing: string[] = [];
  unresolvedRibbon(m.getExtensionPoints(undefined, 'DesktopFormFactor'), missing);
  for (const what of missing) problems.push(`Office は${what}を読めません(resid に当たるリソースがありません)。`);
  return { problems, urls };
}
