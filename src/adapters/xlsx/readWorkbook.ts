// Reads an .xlsx/.xlsm file into plain Grids for the core, in Node. The checks, the safety pass and the cell
// mapping are shared with the browser (readWorkbookCore.ts); this adds node:zlib and the file system.
// Nothing here writes to disk.
import { promises as fs } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Grid } from '../../core/grid';
import { FILE_ERRORS, WorkbookReadError } from './read/errors';
import { MB, resolveLimits } from './read/limits';
import { InflateLimitError } from './read/zip';
import { readWorkbookWith, type ReaderHost, type ReadWorkbookOptions } from './readWorkbookCore';

export { WorkbookReadError, type WorkbookReadErrorCode } from './read/errors';
export { DEFAULT_LIMITS, type ReadLimits } from './read/limits';
export type { ReadWorkbookOptions } from './readWorkbookCore';

const NODE_HOST: ReaderHost = {
  inflateRaw: async (data, maxOutput) => {
    try {
      return inflateRawSync(data, { maxOutputLength: maxOutput });
    } catch (err) {
      if (err instanceof RangeError || (err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new InflateLimitError();
      }
      throw err;
    }
  },
  loadExcelJS: async () => ExcelJS,
};

/** Reads a workbook held in memory: one Grid per worksheet (hidden sheets included), cells 0-based. */
export function readWorkbook(data: Buffer, opts?: ReadWorkbookOptions): Promise<Grid[]> {
  return readWorkbookWith(NODE_HOST, data, opts);
}

/** Reads a workbook file (never writes); refuses files over `maxFileBytes` before reading them. */
export async function readWorkbookFile(path: string, opts?: ReadWorkbookOptions): Promise<Grid[]> {
  const limits = resolveLimits(opts?.limits);
  let handle: fs.FileHandle;
  try {
    // Looked at before opening: opening a named pipe waits for a writer, forever.
    const st = await fs.stat(path);
    if (st.isDirectory()) throw FILE_ERRORS.folder();
    if (!st.isFile()) throw FILE_ERRORS.notRegular();
    handle = await fs.open(path, 'r');
  } catch (err) {
    throw err instanceof WorkbookReadError ? err : fileError(err);
  }
  let data: Buffer;
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw FILE_ERRORS.notRegular();
    if (st.size > limits.maxFileBytes) throw FILE_ERRORS.tooLarge(st.size, limits.maxFileBytes);
    data = await readBounded(handle, limits.maxFileBytes);
  } catch (err) {
    throw err instanceof WorkbookReadError ? err : fileError(err);
  } finally {
    await handle.close().catch(() => undefined);
  }
  return readWorkbook(data, { ...opts, fileName: opts?.fileName ?? path });
}

/** Reads to EOF but never more than max bytes, in case the file grows after stat. */
async function readBounded(handle: fs.FileHandle, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 * MB, max + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > max) throw FILE_ERRORS.tooLarge(undefined, max);
  }
  return Buffer.concat(chunks, total);
}

function fileError(err: unknown): WorkbookReadError {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return FILE_ERRORS.notFound();
    case 'EACCES':
    case 'EPERM':
      return FILE_ERRORS.noPermission();
    case 'EBUSY':
      return FILE_ERRORS.busy();
    case 'EISDIR':
      return FILE_ERRORS.folder();
    default:
      return FILE_ERRORS.other(code);
  }
}
