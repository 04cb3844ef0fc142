// Finding the workbooks under the files and folders a command is given.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectInputs } from '../../src/cli/inputs';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mishukin-cli-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function touch(rel: string, content: string | Buffer = 'x'): Promise<string> {
  const p = path.join(dir, rel);
  await fs.mkdir(path.dirname(p), { recursive: true });
  await fs.writeFile(p, content);
  return p;
}

describe('collecting input files', () => {
  test('folders are searched recursively in a deterministic order, skipping lock files and node_modules', async () => {
    await touch('in/b.xlsx');
    await touch('in/a.xlsm');
    await touch('in/Z.XLSX');
    await touch('in/~$a.xlsx');
    await touch('in/._b.xlsx');
    await touch('in/notes.txt');
    await touch('in/old.xls');
    await touch('in/sub/c.xlsx');
    await touch('in/node_modules/pkg/d.xlsx');
    await touch('in/.git/e.xlsx');
    await touch('single.xlsx');
    const files = await collectInputs(['in', 'single.xlsx', path.join('in', 'b.xlsx')], dir);
    expect(files.map((f) => f.display)).toEqual([
      path.join('in', 'Z.XLSX'),
      path.join('in', 'a.xlsm'),
      path.join('in', 'b.xlsx'),
      path.join('in', 'sub', 'c.xlsx'),
      'single.xlsx',
    ]);
    expect(files.every((f) => f.error === undefined)).toBe(true);
  });

  test('a missing path becomes a not-found entry', async () => {
    const [f] = await collectInputs(['nope.xlsx'], dir);
    expect(f!.error?.code).toBe('not-found');
    expect(f!.error?.message).toContain('見つかりません');
  });
});
