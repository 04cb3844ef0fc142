// Reads an .xlsx chosen or dropped in the browser (the pane's file mode): the same checks, safety pass and cell
// mapping as in Node, with the browser's own DecompressionStream for inflating. Nothing is uploaded:
// the bytes stay in the page. exceljs is a separate chunk, fetched from the add-in's origin on first use.
import type ExcelJS from 'exceljs';
import type { Grid } from '../../core/grid';
import { FILE_ERRORS } from './read/errors';
import { resolveLimits } from './read/limits';
import { InflateLimitError } from './read/zip';
import { readWorkbookWith, type ReaderHost, type ReadWorkbookOptions } from './readWorkbookCore';

export { WorkbookReadError } from './read/errors';

/** Inflates through DecompressionStream and cancels it as soon as the output would pass the cap. */
async function inflateRaw(data: Uint8Array, maxOutput: number): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxOutput) {
      await reader.cancel().catch(() => undefined);
      throw new InflateLimitError();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const BROWSER_HOST: ReaderHost = {
  inflateRaw,
  loadExcelJS: async () => {
    // The browser build is a UMD bundle: webpack hands it over as the default export.
    const mod = (await import(/* webpackChunkName: "exceljs" */ 'exceljs')) as { default?: typeof ExcelJS } & typeof ExcelJS;
    return mod.default ?? mod;
  },
};

/** Reads a workbook's bytes in the page: one Grid per worksheet, or a WorkbookReadError in plain Japanese. */
export function readWorkbookBytes(data: Uint8Array, opts?: ReadWorkbookOptions): Promise<Grid[]> {
  return readWorkbookWith(BROWSER_HOST, data, opts);
}

/** Reads a chosen or dropped file; refuses one over the size limit before reading it into memory. */
export async function readWorkbookBlob(file: Blob, fileName: string, opts?: ReadWorkbookOptions): Promise<Grid[]> {
  const limits = resolveLimits(opts?.limits);
  if (file.size > limits.maxFileBytes) throw FILE_ERRORS.tooLarge(file.size, limits.maxFileBytes);
  return readWorkbookBytes(new Uint8Array(await file.arrayBuffer()), { ...opts, fileName });
}
