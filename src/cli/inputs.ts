// Finding the workbooks a command is given (files and folders), and the Japanese wording of what went wrong
// while finding or reading them. Input files are only ever opened for reading.
import { promises as fs, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { Grid } from '../core/grid';

export interface FileErrorInfo {
  /** A WorkbookReadError code, or 'not-found' / 'io-error' / 'internal-error' from the CLI itself. */
  code: string;
  /** Plain Japanese: what is wrong and what the user can do. */
  message: string;
}

export interface InputFile {
  /** Shown in the report: the path as given, or joined under the folder as given. */
  display: string;
  absolute: string;
  error?: FileErrorInfo;
}

const WORKBOOK_EXT = /\.xls[xm]$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Code-unit order: the same on every machine and locale. */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function isWorkbookName(name: string): boolean {
  // ~$ = Excel's lock file of an open workbook; ._ = macOS metadata next to the real file.
  return WORKBOOK_EXT.test(name) && !name.startsWith('~$') && !name.startsWith('._');
}

export function ioError(err: unknown, what: string): FileErrorInfo {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return { code: 'not-found', message: `${what}が見つかりません。名前と場所を確認してください。` };
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return { code: 'io-error', message: `${what}を開く権限がありません。権限を確認してください。` };
  }
  const detail = err instanceof Error ? `(詳細: ${err.message})` : '';
  return { code: 'io-error', message: `${what}を読み込めませんでした${detail}。` };
}

/** What a failed read or check says: the reader's own code and message, or an internal error. */
export function readErrorInfo(err: unknown): FileErrorInfo {
  // WorkbookReadError carries a code and a Japanese message; checked structurally so tests can fake it.
  if (err instanceof Error && err.name === 'WorkbookReadError') {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') return { code, message: err.message };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return {
    code: 'internal-error',
    message: `検査中に内部エラーが発生しました(詳細: ${detail})。このファイルを添えて担当者に連絡してください。`,
  };
}

async function walk(dirAbs: string, dirDisplay: string, out: InputFile[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dirAbs, { withFileTypes: true });
  } catch (err) {
    out.push({ display: dirDisplay, absolute: dirAbs, error: ioError(err, 'フォルダ') });
    return;
  }
  for (const e of entries.sort(byName)) {
    const abs = path.join(dirAbs, e.name);
    const display = path.join(dirDisplay, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walk(abs, display, out);
    } else if (isWorkbookName(e.name)) {
      if (e.isFile()) {
        out.push({ display, absolute: abs });
      } else if (e.isSymbolicLink()) {
        // Follow links to files only: links to folders could loop.
        const st = await fs.stat(abs).catch(() => null);
        if (st?.isFile()) out.push({ display, absolute: abs });
      }
    }
  }
}

/** Expands the arguments into files, in argument order, folders sorted; duplicates dropped. */
export async function collectInputs(args: readonly string[], cwd: string): Promise<InputFile[]> {
  const found: InputFile[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let st: Stats;
    try {
      st = await fs.stat(abs);
    } catch (err) {
      found.push({ display: arg, absolute: abs, error: ioError(err, 'ファイルまたはフォルダ') });
      continue;
    }
    if (st.isDirectory()) await walk(abs, arg, found);
    else found.push({ display: arg, absolute: abs });
  }
  const seen = new Set<string>();
  return found.filter((f) => {
    if (seen.has(f.absolute)) return false;
    seen.add(f.absolute);
    return true;
  });
}

export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [ra, rb] = await Promise.all([fs.realpath(a).catch(() => null), fs.realpath(b).catch(() => null)]);
  return ra !== null && ra === rb;
}

/** The first input that is the same file as `output`, if any (a result must never be written over an input). */
export async function inputAt(inputs: readonly InputFile[], output: string): Promise<InputFile | undefined> {
  for (const f of inputs) if (await sameFile(f.absolute, output)) return f;
  return undefined;
}

type Outcome<T> = { error: FileErrorInfo; value: null } | { error: null; value: T };

/** Reads one input and runs `use` on its grids; a missing file, a read failure or a crash becomes the file's error. */
export async function withWorkbook<T>(
  input: InputFile,
  read: (absolute: string) => Promise<Grid[]>,
  use: (grids: Grid[]) => T,
): Promise<Outcome<T>> {
  if (input.error) return { error: input.error, value: null };
  try {
    const grids = await read(input.absolute);
    return { error: null, value: use(grids) };
  } catch (err) {
    return { error: readErrorInfo(err), value: null };
  }
}
