// A fresh temporary folder for each test of a file (removed after it), and a way to put files in it.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TempDir {
  /** The current test's folder. */
  readonly path: string;
  /** Writes a file (and its folders) under the folder; returns its absolute path. */
  touch(rel: string, content?: string | Buffer): Promise<string>;
}

/** Call at the top of a test file or describe block. */
export function useTempDir(prefix: string): TempDir {
  let current = '';
  beforeEach(async () => {
    current = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    await fs.rm(current, { recursive: true, force: true });
  });
  return {
    get path() {
      return current;
    },
    async touch(rel, content = 'x') {
      const p = path.join(current, rel);
      await fs.mkdir(path.dirname(p), { recursive: true });
      await fs.writeFile(p, content);
      return p;
    },
  };
}
