// The README's pictures of the forms: a blank form (`mishukin new --year 令和2`) and the form rolled over from
// examples/current/sheet-03.xlsx (`mishukin rollover`), written with the real writer, printed to PDF by LibreOffice
// and page 1 rendered to PNG by pdftoppm. Run: npm run images:forms (needs libreoffice-calc-nogui, poppler-utils).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbook } from '../src/adapters/xlsx/readWorkbook';
import { writeWorkbook } from '../src/adapters/xlsx/writeWorkbook';
import { checkForm, recogniseWorkbook } from '../src/core/check';
import { planRollover } from '../src/core/plan/rolloverPlan';
import { planNewForm, type NewSheetPlan } from '../src/core/plan/sheetPlan';
import { convert, pageToPng } from './soffice';

const ROOT = path.resolve(__dirname, '..');
/** Legible in the README at its width, small enough to keep in git. */
const DPI = 110;

async function rolledPlan(): Promise<NewSheetPlan> {
  const forms = recogniseWorkbook(await readWorkbook(fs.readFileSync(path.join(ROOT, 'examples', 'current', 'sheet-03.xlsx')))).forms;
  const r = planRollover(forms[0]!, checkForm(forms[0]!).findings, { force: true });
  if (!('plan' in r)) throw new Error(r.refusal.message);
  return r.plan;
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mishukin-images-'));
  try {
    const shots: [string, NewSheetPlan][] = [
      ['form-new', planNewForm({ fiscalYear: 2020 })],
      ['form-rollover', await rolledPlan()],
    ];
    for (const [name, plan] of shots) {
      fs.writeFileSync(path.join(work, `${name}.xlsx`), await writeWorkbook([{ name: plan.sheet, layout: plan.layout }]));
    }
    await convert(shots.map(([n]) => path.join(work, `${n}.xlsx`)), 'pdf', work, path.join(work, 'profile'));
    for (const [name] of shots) {
      const png = await pageToPng(path.join(work, `${name}.pdf`), 1, path.join(work, name), DPI);
      fs.copyFileSync(png, path.join(ROOT, 'docs', `${name}.png`));
      console.log(`wrote docs/${name}.png`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
