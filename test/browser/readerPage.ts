// The page of test/browser/xlsxReader.test.ts: the browser reader alone (DecompressionStream, exceljs's browser
// build as a lazy chunk), handed bytes by the test and answering with what it read or why it refused.
import { readWorkbookBytes, WorkbookReadError } from '../../src/adapters/xlsx/readWorkbookBrowser';

export type PageAnswer =
  | { error: { code: string; message: string } }
  | { sheets: { name: string; cells: number; merges: number; notes: readonly string[]; a1: unknown }[] };

async function read(base64: string): Promise<PageAnswer> {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  try {
    const grids = await readWorkbookBytes(bytes, { fileName: 'x.xlsx' });
    return {
      sheets: grids.map((g) => ({ name: g.name, cells: g.cellCount, merges: g.merges.length, notes: g.notes, a1: g.cells()[0] ?? null })),
    };
  } catch (err) {
    if (err instanceof WorkbookReadError) return { error: { code: err.code, message: err.message } };
    return { error: { code: 'thrown', message: String(err) } };
  }
}

Object.assign(window, { readerUnderTest: read });
