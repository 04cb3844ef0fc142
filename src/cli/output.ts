// Writing a command's result: to stdout, or to a file that appears whole (never half-written) and never
// replaces an existing file unless the user said so.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}

/**
 * Has `write` fill a temporary file next to the target, then links it into place (the link fails if the target
 * appeared meanwhile) or, with `overwrite`, renames it over the target. The temporary file never stays behind.
 */
export async function writeNew(target: string, write: (tmp: string) => Promise<void>, overwrite: boolean): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(tmp);
    if (overwrite) await fs.rename(tmp, target);
    else await fs.link(tmp, target);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/** writeNew for data already in memory; the temporary file is created exclusively. */
export function writeNewData(target: string, data: string | Buffer, overwrite: boolean): Promise<void> {
  return writeNew(target, (tmp) => fs.writeFile(tmp, data, { flag: 'wx' }), overwrite);
}
