// What the reader refused with: the WorkbookReadError's code and message (anything else thrown fails the test).
import { WorkbookReadError, type WorkbookReadErrorCode } from '../../src/adapters/xlsx/read/errors';

export interface Refusal {
  code: WorkbookReadErrorCode;
  message: string;
}

export function refusal(f: () => unknown): Refusal {
  try {
    f();
  } catch (e) {
    if (e instanceof WorkbookReadError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('not refused');
}

export async function asyncRefusal(p: Promise<unknown>): Promise<Refusal> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkbookReadError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('not refused');
}
