// Finding the workbooks under the files and folders a command is given.
import * as path from 'node:path';
import { collectInputs } from '../../src/cli/inputs';
import { useTempDir } from '../helpers/tempDir';

const tmp = useTempDir('mishukin-cli-');
const touch = (rel: string, content?: string | Buffer) => tmp.touch(rel, content);

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
    const files = await collectInputs(['in', 'single.xlsx', path.join('in', 'b.xlsx')], tmp.path);
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
    const [f] = await collectInputs(['nope.xlsx'], tmp.path);
    expect(f!.error?.code).toBe('not-found');
    expect(f!.error?.message).toContain('見つかりません');
  });
});
