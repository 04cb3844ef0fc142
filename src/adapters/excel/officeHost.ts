// Where the page runs, as office.js says: inside Excel (with its platform), in a plain browser, or nowhere
// office.js could tell, because it did not load (Microsoft's CDN out of reach) or Office never became ready.
// Outside Excel the pane offers its file mode; where office.js failed it says so first.

/** Windows, Mac, the web: what the API ledger (apiLedger.ts) knows undo behaviour for; anything else is 'other'. */
export type ExcelPlatform = 'desktop' | 'mac' | 'web' | 'other';

export type OfficeHost =
  | { kind: 'excel'; platform: ExcelPlatform }
  /** office.js loaded and reports no Office application: a browser opened the page. */
  | { kind: 'browser' }
  /** office.js is not on the page: its script did not load. */
  | { kind: 'no-office-js' }
  /** office.js loaded but Office.onReady did not settle in time. */
  | { kind: 'not-ready' }
  /** Another Office application opened the page (the manifest names Excel only). */
  | { kind: 'other-application' };

/** How long Office may take to become ready before the pane says so (Excel on the web can be slow to start). */
export const OFFICE_READY_TIMEOUT_MS = 10_000;

function platformOf(p: Office.PlatformType | null | undefined): ExcelPlatform {
  if (p === Office.PlatformType.PC) return 'desktop';
  if (p === Office.PlatformType.Mac) return 'mac';
  if (p === Office.PlatformType.OfficeOnline) return 'web';
  return 'other';
}

/**
 * Outside Office, office.js falls back to its Office 2013 loader (o15apptofilemappingtable.js), whose logger frames
 * Microsoft's telemetry page three seconds later. The CSP blocks that frame, with an error in the console. Where
 * office.js has said that no Office application is here, the logger is given a frame already, so it makes none.
 * This reaches into office.js (OSF.Logger.ulsEndpoint): should that change, the CSP still blocks the request.
 */
function keepOutsideTelemetryOff(): void {
  const osf = (globalThis as { OSF?: { Logger?: { ulsEndpoint?: { proxyFrame?: unknown } | null } } }).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint;
  if (endpoint && endpoint.proxyFrame == null) endpoint.proxyFrame = document.createElement('iframe');
}

export async function detectHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<OfficeHost> {
  if (typeof Office === 'undefined') return { kind: 'no-office-js' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const info = await Promise.race([
    Office.onReady(),
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  if (info === 'timeout') return { kind: 'not-ready' };
  if (info.host === null || info.host === undefined) {
    keepOutsideTelemetryOff();
    return { kind: 'browser' };
  }
  if (info.host !== Office.HostType.Excel) return { kind: 'other-application' };
  return { kind: 'excel', platform: platformOf(info.platform) };
}
