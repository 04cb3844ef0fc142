// LibreOffice for the tests that need a real spreadsheet engine: finding it (or failing loudly, naming the Debian
// package), and a fresh profile that recalculates every formula of an .xlsx on load.
import * as fs from 'fs';
import * as path from 'path';

export function findSoffice(): string | null {
  const candidates = [process.env['SOFFICE'], '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'];
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, 'soffice'));
  return candidates.find((c): c is string => !!c && fs.existsSync(c)) ?? null;
}

/** soffice, or an error that says which Debian package to install. */
export function requireSoffice(): string {
  const soffice = findSoffice();
  if (!soffice) {
    throw new Error(
      'LibreOffice (soffice) が見つかりません。このテストには Debian パッケージ libreoffice-calc-nogui が必要です' +
        '(apt-get install libreoffice-calc-nogui)。LibreOffice (soffice) not found: install the Debian package libreoffice-calc-nogui.',
    );
  }
  return soffice;
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
