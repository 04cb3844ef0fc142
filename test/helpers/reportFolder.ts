// A folder of returned sheets as the finance office receives it, for the report's tests: good forms, a broken file,
// a workbook without a form, the same claim twice, a sheet of the year before, a file named after another claim.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { writeWorkbook } from '../../src/adapters/xlsx/writeWorkbook';
import type { LayoutSheet } from '../../src/core/layout/currentLayout';
import { seedLayout, setKey } from './forms';

function claim(seedNo: number, bureau: string, claimNo: string, fiscalYear?: number): LayoutSheet {
  const layout = fiscalYear === undefined ? seedLayout(seedNo) : seedLayout(seedNo, { fiscalYear });
  return setKey(setKey(layout, 'header.bureau', bureau), 'header.claimNo', claimNo);
}

async function put(dir: string, rel: string, data: Buffer | string): Promise<void> {
  const file = path.join(dir, rel);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, data);
}

/** The forms of the mixed folder in the report's order (paths in code-unit order), with what the batch says. */
export const MIXED_FORMS = [
  { file: path.join('提出', '福祉局', '040_取り違え.xlsx'), bureau: '福祉局', claimNo: '015', batch: ['BATCH-FILENAME'] },
  { file: path.join('提出', '福祉局', '前年度.xlsx'), bureau: '福祉局', claimNo: '039', batch: ['BATCH-YEAR'] },
  { file: path.join('提出', '財政局', '056_市税.xlsx'), bureau: '財政局', claimNo: '056', batch: ['BATCH-DUPLICATE'] },
  { file: path.join('提出', '財政局', '057_使用料.xlsx'), bureau: '財政局', claimNo: '057', batch: [] },
  { file: path.join('提出', '財政局', '重複_056.xlsx'), bureau: '財政局', claimNo: '056', batch: ['BATCH-DUPLICATE'] },
] as const;

export const MIXED_UNREAD = [
  { file: path.join('提出', 'メモ.xlsx'), kind: '調査書なし' },
  { file: path.join('提出', '福祉局', '壊れた.xlsx'), kind: '読み込めない' },
] as const;

/** Writes the folder 提出/ under `dir`. */
export async function writeMixedFolder(dir: string): Promise<void> {
  const book = (layout: LayoutSheet) => writeWorkbook([{ name: '調査書', layout }]);
  await put(dir, MIXED_FORMS[0].file, await book(claim(2, '福祉局', '015')));
  await put(dir, MIXED_FORMS[1].file, await book(claim(4, '福祉局', '039', 2018)));
  await put(dir, MIXED_FORMS[2].file, await book(claim(1, '財政局', '056')));
  await put(dir, MIXED_FORMS[3].file, await book(claim(4, '財政局', '057')));
  await put(dir, MIXED_FORMS[4].file, await book(claim(1, '財政局', '056')));
  await put(dir, MIXED_UNREAD[1].file, 'これはブックではありません');
  const memo = new ExcelJS.Workbook();
  memo.addWorksheet('メモ').addRow(['提出状況のメモ']);
  await put(dir, MIXED_UNREAD[0].file, Buffer.from(await memo.xlsx.writeBuffer()));
}

/** A report sheet read back: each row's values (a formula's cached result in its place) and formulas. */
export interface SheetRows {
  values: (string | number | null)[][];
  formulas: (string | null)[][];
}

function plain(cell: ExcelJS.Cell): string | number | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  // A formula's cached result from the cell's model: exceljs's value drops a result of 0.
  if (typeof v === 'object' && 'formula' in v) {
    const r: unknown = cell.model.result;
    return typeof r === 'number' || typeof r === 'string' ? r : null;
  }
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return typeof v === 'number' || typeof v === 'string' ? v : String(v);
}

export async function readReport(file: string): Promise<Record<string, SheetRows>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, SheetRows> = {};
  wb.eachSheet((ws) => {
    const values: SheetRows['values'] = [];
    const formulas: SheetRows['formulas'] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const vs: (string | number | null)[] = [];
      const fs: (string | null)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        const v = cell.value;
        vs.push(plain(cell));
        fs.push(typeof v === 'object' && v !== null && 'formula' in v ? (v.formula ?? null) : null);
      }
      values.push(vs);
      formulas.push(fs);
    }
    out[ws.name] = { values, formulas };
  });
  return out;
}
