// What `new` and `rollover` share: a new .xlsx is written only to a path that is not the input, never over an
// existing file without --force, and whole (written beside the target first, then moved into place).
import * as path from 'node:path';
import type { NewSheetPlan } from '../core/plan/sheetPlan';
import { sameFile } from './inputs';
import { warn, type CliIO } from './io';
import { exists, writeNewData } from './output';

/** Why the output cannot be written, in Japanese; null when it can. */
export async function outputProblem(io: CliIO, output: string, force: boolean, input?: string): Promise<string | null> {
  if (!/\.xlsx$/i.test(output)) return `--output は .xlsx のファイルにしてください: ${output}`;
  const outAbs = path.resolve(io.cwd, output);
  if (input !== undefined && (await sameFile(path.resolve(io.cwd, input), outAbs))) {
    return '--output に入力ファイルは指定できません。必ず別のファイルに書き出します。';
  }
  if ((await exists(outAbs)) && !force) return `${output} はすでにあります。上書きするときは --force を付けてください。`;
  return null;
}

/** Writes the plans' sheets as a new workbook; false (with the reason on stderr) when it could not. */
export async function writePlannedWorkbook(io: CliIO, output: string, plans: readonly NewSheetPlan[], force: boolean): Promise<boolean> {
  try {
    const { writeWorkbook } = await import('../adapters/xlsx/writeWorkbook');
    const data = await writeWorkbook(plans.map((p) => ({ name: p.sheet, layout: p.layout })));
    await writeNewData(path.resolve(io.cwd, output), data, force);
    return true;
  } catch (err) {
    const detail = err instanceof Error ? `(詳細: ${err.message})` : '';
    warn(io, `${output} に書き出せませんでした${detail}。`);
    return false;
  }
}
