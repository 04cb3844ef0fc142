// Drives LibreOffice headless (Debian package libreoffice-calc-nogui) and poppler (poppler-utils) for the tests that
// need a real spreadsheet engine and for the README's pictures of the forms: a fresh profile that recalculates every
// formula on load, conversion of many files in one soffice call, PDF pages to PNG.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';

const execFileAsync = promisify(execFile);

/** The program, or a clear message naming the Debian package that provides it. */
export function findProgram(name: 'soffice' | 'pdftoppm' | 'pdfinfo', envVar?: string): string {
  const candidates = [envVar ? process.env[envVar] : undefined, `/usr/bin/${name}`];
  if (name === 'soffice') candidates.push('/usr/lib/libreoffice/program/soffice');
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, name));
  const found = candidates.find((c): c is string => !!c && fs.existsSync(c));
  if (found) return found;
  const pkg = name === 'soffice' ? 'libreoffice-calc-nogui' : 'poppler-utils';
  throw new Error(
    `${name} が見つかりません。Debian パッケージ ${pkg} が必要です(apt-get install ${pkg})。` +
      `${name} not found: install the Debian package ${pkg}.`,
  );
}

/** A fresh LibreOffice profile that recalculates every formula of an .xlsx on load (OOXMLRecalcMode 0 = always). */
export function writeProfile(dir: string): string {
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `file://${dir.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** Converts the files (recalculated on load) into `outDir` as xlsx or pdf, in one soffice call. */
export async function convert(files: readonly string[], format: 'xlsx' | 'pdf', outDir: string, profileDir: string, timeoutMs = 150_000): Promise<void> {
  const soffice = findProgram('soffice', 'SOFFICE');
  const profile = writeProfile(profileDir);
  await execFileAsync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...files], {
    timeout: timeoutMs,
  });
}

/** Number of pages of a PDF (pdfinfo). */
export async function pdfPages(pdf: string): Promise<number> {
  const { stdout } = await execFileAsync(findProgram('pdfinfo'), [pdf]);
  const m = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(m[1]);
}

/** One page of a PDF as a PNG at `dpi` (pdftoppm); returns the PNG's path (`${prefix}.png`). */
export async function pageToPng(pdf: string, page: number, prefix: string, dpi: number): Promise<string> {
  await execFileAsync(findProgram('pdftoppm'), ['-png', '-singlefile', '-r', String(dpi), '-f', String(page), '-l', String(page), pdf, prefix]);
  return `${prefix}.png`;
}
