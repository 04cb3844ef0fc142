// Builds the sample workbooks in examples/ from the repo-local seed fixtures (test/fixtures/seeds):
// faithful reconstructions of the published sheets in the one official layout (src/core/layout), with our own
// short narrative in place of the authors' prose.
// Run: npm run fixtures. Output is deterministic (fixed dates), so regenerating does not churn git.
import * as fs from 'fs';
import * as path from 'path';
import { writeWorkbook, type WorkbookSheet } from '../src/adapters/xlsx/writeWorkbook';
import { layoutCurrentForm, type LayoutCell, type LayoutOptions, type LayoutSheet } from '../src/core/layout/currentLayout';
import type { NarrativeData, SheetData } from '../src/core/layout/sheetData';
import { worksheetName } from '../src/core/layout/sheetName';
import { layoutOlderForm } from './olderLayout';
import { printedOverride } from './printed';
import { readCurrentSeeds, readOlderSeeds, type CurrentSeed, type OlderSeed, type OlderSheetData } from './seeds';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');
const NOTHING = '—';

/** True when the claim has current-year (現年度) business in N or in the plans. */
function hasCurrentYear(seed: CurrentSeed): boolean {
  const t = seed.trend;
  const assessed = (['D', 'E', 'F', 'G'] as const).some((r) => (t[r]?.["ウ'"] ?? 0) > 0);
  return assessed || (seed.categories.current.count.total ?? 0) > 0;
}

/** Our own short, neutral narrative, shaped by the numbers (never the published prose). */
export function narrativeFor(seed: CurrentSeed): NarrativeData {
  const d = seed.trend.D;
  const collected = (d?.エ ?? 0) > 0;
  const writtenOff = (d?.オ ?? 0) > 0;
  const missed = (r: string | null): boolean => r === 'B1' || r === 'B2';
  const past = {
    取組内容: '文書催告と電話による納付交渉を継続し、分割納付の履行状況を毎月確認する。',
    取組実績:
      (collected ? '催告と納付交渉により一部を回収した。' : '納付交渉を続けたが、年度内の回収には至らなかった。') +
      (writtenOff ? '時効が完成した債権は不納欠損として処理した。' : ''),
    課題: missed(seed.ratings.past)
      ? '債務者の多くが資力に乏しく、計画どおりの回収が難しい。'
      : '分割納付が滞らないよう、引き続き履行を確認する必要がある。',
    改善策: '納付が滞った時点で早めに連絡し、生活状況に応じて分納額を見直す。',
  };
  const currentActive = hasCurrentYear(seed);
  const current = currentActive
    ? {
        取組内容: '納期限後すみやかに督促し、早期の納付を促す。',
        取組実績: '督促と電話催告により、年度内の納付を促した。',
        課題: missed(seed.ratings.current)
          ? '年度内に納付に至らない債務者が残った。'
          : '新たな滞納を生まないよう、早期の対応を続ける必要がある。',
        改善策: '納期限の前に納付案内を送り、未納が出たときは早めに連絡する。',
      }
    : { 取組内容: NOTHING, 取組実績: NOTHING, 課題: NOTHING, 改善策: NOTHING };
  return {
    verify: { past, current },
    plan: {
      past: '文書催告と納付交渉を継続し、回収の見込めない債権は法令に沿って整理を進める。',
      current: currentActive ? '新たな調定分は早期に督促し、滞納の長期化を防ぐ。' : NOTHING,
    },
  };
}

export function sheetDataOf(seed: CurrentSeed): SheetData {
  return {
    header: seed.header,
    ratings: seed.ratings,
    trend: seed.trend,
    categories: seed.categories,
    summary: seed.summary,
    narrative: narrativeFor(seed),
  };
}

export function olderDataOf(seed: OlderSeed): OlderSheetData {
  const hasCurrent = seed.rates.current !== null || (seed.status.currentYear?.amount ?? 0) > 0;
  return {
    header: seed.header,
    balance: seed.balance,
    rates: seed.rates,
    status: seed.status,
    ratings: seed.ratings,
    narrative: {
      verify: {
        current: hasCurrent
          ? { 取組内容の検証: '調定後すみやかに納入通知と督促を行い、年度内の納付を促した。', 課題: '年度内に納付できない債務者への早期の対応が必要である。' }
          : { 取組内容の検証: '-', 課題: '-' },
        past: {
          取組内容の検証: '文書催告と納付交渉を行い、分納中の債務者の履行状況を確認した。',
          課題: '資力の乏しい債務者が多く、回収に時間がかかっている。',
        },
      },
      plan: {
        current: hasCurrent ? '調定後の早期督促と納付案内を続ける。' : '-',
        past: '催告と納付交渉を継続し、回収の見込めない債権は整理を進める。',
      },
    },
  };
}

/**
 * A published sheet drawn in the official layout as the official template holds it (formulas, drop-down lists,
 * shading), with the printed numbers typed over the formulas that disagree with them.
 */
export function currentLayoutOf(seed: CurrentSeed, extra: Partial<LayoutOptions> = {}): LayoutSheet {
  const dash = extra.dash ?? seed.print.dash;
  return layoutCurrentForm(sheetDataOf(seed), {
    fiscalYear: seed.fiscalYear,
    titleVariant: seed.print.title,
    dash,
    negative: seed.print.negative,
    codeRowTypo: seed.print.codeRowTypo,
    override: printedOverride(seed, dash),
    ...extra,
  });
}

/** A plain worksheet that is not the form: a memo list of the claims. */
function memoSheet(seeds: CurrentSeed[]): LayoutSheet {
  const cells: LayoutCell[] = [
    { row: 0, col: 0, value: '債権一覧(メモ)', style: 'title' },
    { row: 2, col: 0, value: '債権整理番号', style: 'label' },
    { row: 2, col: 1, value: '債権名', style: 'label' },
    { row: 2, col: 2, value: '担当', style: 'label' },
    { row: 2, col: 3, value: '確認', style: 'label' },
  ];
  seeds.forEach((s, i) => {
    cells.push({ row: 3 + i, col: 0, value: s.header.claimNo });
    cells.push({ row: 3 + i, col: 1, value: s.header.claimName });
    cells.push({ row: 3 + i, col: 2, value: s.header.section });
    cells.push({ row: 3 + i, col: 3, value: i % 2 === 0 ? '済' : '未' });
  });
  return { cells, merges: [], columnWidths: { 0: 14, 1: 40, 2: 14, 3: 8 } };
}

async function writeFile(file: string, sheets: WorkbookSheet[]): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await writeWorkbook(sheets));
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export async function main(): Promise<void> {
  const current = readCurrentSeeds();
  const older = readOlderSeeds();
  for (const seed of current) {
    const name = worksheetName(`${seed.header.claimNo} ${seed.header.claimName}`);
    await writeFile(path.join(EXAMPLES, 'current', `sheet-${pad(seed.sheet)}.xlsx`), [
      { name, layout: currentLayoutOf(seed) },
    ]);
  }
  for (const seed of older) {
    const layout = layoutOlderForm(olderDataOf(seed), { fiscalYear: seed.fiscalYear });
    await writeFile(path.join(EXAMPLES, 'older', `sheet-${pad(seed.sheet)}.xlsx`), [
      { name: worksheetName(seed.header.claimName), layout },
    ]);
  }
  // Two different forms (the second one away from the corner) and a worksheet that is not a form.
  const pick = (n: number): CurrentSeed => {
    const s = current.find((x) => x.sheet === n);
    if (!s) throw new Error(`seed sheet-${pad(n)} not found`);
    return s;
  };
  const taken = new Set<string>();
  const a = pick(3);
  const b = pick(12);
  await writeFile(path.join(EXAMPLES, 'multi-form.xlsx'), [
    { name: worksheetName(`${a.header.claimNo} ${a.header.claimName}`, taken), layout: currentLayoutOf(a) },
    {
      name: worksheetName(`${b.header.claimNo} ${b.header.claimName}`, taken),
      layout: currentLayoutOf(b, { top: 4, left: 2 }),
    },
    { name: worksheetName('メモ', taken), layout: memoSheet(current) },
  ]);
}

// Run directly (scripts/run-ts.js sets argv[1] to this file), not when imported by a test.
if (path.resolve(process.argv[1] ?? '') === __filename) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
