// Reads an .xlsx/.xlsm file into plain Grids for the core, in Node. The checks, the safety pass and the cell
// mapping are shared with the browser (readWorkbookCore.ts); this adds node:zlib and the file system.
// Nothing here writes to disk.
import { promises as fs } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Grid } from '../../core/grid';
import { mb, tooLarge, WorkbookReadError } from './read/errors';
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
    handle = await fs.open(path, 'r');
  } catch (err) {
    throw fileError(err);
  }
  let data: Buffer;
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw new WorkbookReadError('read-failed', 'ファイルではなくフォルダです。');
    if (st.size > limits.maxFileBytes) {
      throw tooLarge(`ファイル(${mb(st.size)}、上限 ${mb(limits.maxFileBytes)})が大きすぎる`);
    }
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
    if (total > max) throw tooLarge(`ファイル(上限 ${mb(max)})が大きすぎる`);
  }
  return Buffer.concat(chunks, total);
}

function fileError(err: unknown): WorkbookReadError {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new WorkbookReadError('read-failed', 'ファイルが見つかりません。ファイル名と場所を確認してください。');
    case 'EACCES':
    case 'EPERM':
      return new WorkbookReadError(
        'read-failed',
        'ファイルを開く権限がありません。ファイルの権限を確認するか、自分のフォルダにコピーしてから検査してください。',
      );
    case 'EBUSY':
      return new WorkbookReadError('read-failed', 'ファイルが他のプログラムで使用中です。Excel で開いている場合は閉じてから検査してください。');
    case 'EISDIR':
      return new WorkbookReadError('read-failed', 'ファイルではなくフォルダです。');
    default: {
      // The system's own words name the path; only its error code is shown.
      const detail = typeof code === 'string' && /^E[A-Z]+$/.test(code) ? `(詳細: ${code})` : '';
      return new WorkbookReadError('read-failed', `ファイルを読み込めませんでした${detail}。`);
    }
  }
}
