// The .xlsx reader's pipeline, the same in Node and in the page: what kind of file (zip.ts), a strict reading
// of the container (zip.ts), the package rebuilt from the parts the check needs after the XML safety pass
// (package.ts, xmlSafety.ts), exceljs on that package only, then the exceljs → Grid mapping (toGrid.ts).
// The bytes come from someone else's workbook: every limit is in read/limits.ts, every message in read/errors.ts.
// Only inflating and loading exceljs differ between hosts: they are passed in.
import type ExcelJS from 'exceljs';
import type { Grid } from '../../core/grid';
import { READ_ERRORS, WorkbookReadError } from './read/errors';
import { resolveLimits, type ReadLimits } from './read/limits';
import { buildSafePackage } from './read/package';
import { workbookToGrids } from './read/toGrid';
import { checkContainer, readZipDirectory, type InflateRaw } from './read/zip';

export interface ReadWorkbookOptions {
  limits?: Partial<ReadLimits>;
  /** Used only to word error messages (e.g. a name ending in .xls). */
  fileName?: string;
}

export interface ReaderHost {
  inflateRaw: InflateRaw;
  /** exceljs, loaded only once the container has passed its checks (a lazy chunk in the browser). */
  loadExcelJS: () => Promise<typeof ExcelJS>;
}

/** Reads a workbook held in memory: one Grid per worksheet (hidden sheets included), cells 0-based. */
export async function readWorkbookWith(host: ReaderHost, data: Uint8Array, opts?: ReadWorkbookOptions): Promise<Grid[]> {
  const limits = resolveLimits(opts?.limits);
  checkContainer(data, opts?.fileName);
  const pkg = await buildSafePackage(data, readZipDirectory(data, limits), limits, host.inflateRaw);
  const excel = await host.loadExcelJS();
  try {
    const wb = new excel.Workbook();
    // exceljs's typings want its own Buffer alias; a Uint8Array is what both of its builds read.
    await wb.xlsx.load(pkg.zip as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    return workbookToGrids(wb, pkg.sheets, limits.maxCells, excel.ValueType);
  } catch (err) {
    // exceljs giving up on a package that passed every check: its own words may quote the file.
    throw err instanceof WorkbookReadError ? err : READ_ERRORS.readFailed();
  }
}
