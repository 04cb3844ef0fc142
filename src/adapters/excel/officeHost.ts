// Whether the page runs inside Excel. Outside Office (a plain browser, or office.js not reachable) the pane
// offers its file mode instead.
export async function isInExcel(timeoutMs = 5000): Promise<boolean> {
  if (typeof Office === 'undefined') return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  return info?.host === Office.HostType.Excel;
}
