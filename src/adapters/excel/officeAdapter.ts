// WorkbookAdapter over Office.js: the only code that calls Excel, and only the calls its API ledger lists
// (apiLedger.ts). Reads never write, and no path calls an API known to clear the user's undo history (so the
// grids carry no merged areas: getMergedAreasOrNullObject clears it on Windows). Nothing here changes the user's
// formats. Every Excel.run has a timeout, so the pane can say what happened instead of waiting forever.
import { a1, Grid, type CellValue, type GridCell, type SheetVisibility } from '../../core/grid';
import type { Region } from '../../core/model/form';
import type { WritePlan } from '../../core/plan/writePlan';
import { cellInput } from './cellInput';
import type { ExcelPlatform } from './officeHost';
import { undoOutlook, UNDO_SUPPORT_MINOR } from './undoOutlook';
import {
  AdapterError,
  conflictError,
  holdsContent,
  journalOf,
  nameTakenError,
  sameSheetName,
  type ApplyResult,
  type ExcelHost,
  type WorkbookAdapter,
  type WorkbookSnapshot,
} from './workbookAdapter';

export interface OfficeAdapterOptions {
  /** What Office.onReady said (officeHost.ts): how a write can be undone depends on it. */
  platform?: ExcelPlatform;
  /** Per Excel.run, in milliseconds. */
  timeoutMs?: number;
  /** Per sheet added: a whole form is one larger batch (about a thousand cells and their formats). */
  addSheetTimeoutMs?: number;
  /** A used range larger than this is not read (Excel on the web limits one response to a few MB). */
  maxCellsPerSheet?: number;
}

const CONTENTS = 'values,formulas,numberFormat,valueTypes';

type RangeContents = Pick<Excel.Range, 'values' | 'formulas' | 'numberFormat' | 'valueTypes'>;

// Excel.RangeValueType's strings, spelled out: the enum object is only there once office.js has loaded.
function toCellValue(v: unknown, type: `${Excel.RangeValueType}` | undefined): CellValue {
  if (type === 'Error') return { error: String(v) };
  if (type === 'Empty' || v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

// Excel.SheetVisibility's strings, spelled out for the same reason.
function visibilityOf(v: `${Excel.SheetVisibility}` | undefined): SheetVisibility {
  return v === 'Hidden' ? 'hidden' : v === 'VeryHidden' ? 'veryHidden' : 'visible';
}

/** Builds a core Grid from a loaded range whose top-left cell sits at (top, left). */
export function gridFromRange(sheet: string, top: number, left: number, r: RangeContents, visibility: SheetVisibility = 'visible'): Grid {
  const cells: GridCell[] = [];
  r.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const f = r.formulas[i]?.[j];
      const fmt = r.numberFormat[i]?.[j];
      const cell: GridCell = { row: top + i, col: left + j, value: toCellValue(v, r.valueTypes[i]?.[j]) };
      if (typeof f === 'string' && f.startsWith('=')) cell.formula = f.slice(1);
      if (typeof fmt === 'string' && fmt !== '' && fmt !== 'General') cell.numFmt = fmt;
      cells.push(cell);
    }),
  );
  return new Grid(sheet, cells, [], [], visibility);
}

function rangeAddress(region: Region): string {
  return `${a1(region.top, region.left)}:${a1(region.bottom, region.right)}`;
}

function timeoutError(ms: number): AdapterError {
  return new AdapterError(
    'timeout',
    `Excel から ${Math.round(ms / 1000)} 秒たっても応答がありません。セルの編集中(入力の途中)でないか確かめてから、再試行してください。`,
  );
}

function apiError(err: unknown): AdapterError {
  if (err instanceof AdapterError) return err;
  const e = err as { code?: unknown; message?: unknown } | null;
  const detail = [e?.code, e?.message].filter((x) => typeof x === 'string' && x !== '').join(': ');
  return new AdapterError('api', `Excel とのやり取りに失敗しました${detail ? `(詳細: ${detail})` : ''}。再試行してください。`);
}

/** Settles with the first of the work and the timer; the work goes on in Excel but its result is dropped. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(ms)), ms);
  });
  return Promise.race([work.catch((err: unknown) => Promise.reject(apiError(err))), timeout]).finally(() =>
    clearTimeout(timer),
  );
}

/** Adding a sheet with a whole form is one batch of a few thousand calls: Excel on the web can take a while. */
const ADD_SHEET_TIMEOUT_MS = 60_000;

export function createOfficeAdapter(opts: OfficeAdapterOptions = {}): WorkbookAdapter {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxCells = opts.maxCellsPerSheet ?? 200_000;
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T> =>
    withTimeout(options ? Excel.run(options, batch) : Excel.run(batch), timeoutMs);
  const host: ExcelHost = {
    platform: opts.platform ?? 'other',
    excelApi: (minor) => Office.context.requirements.isSetSupported('ExcelApi', `1.${minor}`),
  };
  const outlook = () => undoOutlook(host.platform, host.excelApi(UNDO_SUPPORT_MINOR));

  /**
   * One batch that writes a plan's cells in one sync, after checking that each still holds its `before`. `resume`:
   * an earlier attempt may have written some or all of them, so a cell already holding its `after` is left as it is.
   */
  const writeBatch =
    (plan: WritePlan, resume: boolean) =>
    async (context: Excel.RequestContext): Promise<void> => {
      const ranges = plan.writes.map((w) => {
        const r = context.workbook.worksheets.getItem(w.sheet).getRange(w.address);
        r.load('values,formulas');
        return r;
      });
      await context.sync();
      const pending = plan.writes.filter((w, i) => {
        const r = ranges[i]!;
        const [formula, value] = [r.formulas[0]?.[0], r.values[0]?.[0]];
        if (holdsContent(formula, value, w.before)) return true;
        if (resume && holdsContent(formula, value, w.after)) return false;
        throw conflictError(w.sheet, w.address);
      });
      if (pending.length === 0) return;
      for (const w of pending) ranges[plan.writes.indexOf(w)]!.formulas = [[cellInput(w.after)]];
      await context.sync();
    };

  return {
    readWorkbook: () =>
      // Every worksheet's used range in 3 syncs: names, sizes, then the contents of those not too large. Hidden
      // sheets are read too, with their visibility: the pane leaves their forms out and names them.
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/visibility');
        const active = sheets.getActiveWorksheet();
        active.load('name');
        await context.sync();
        // Sizes first, so a huge data sheet elsewhere in the book is skipped instead of read.
        const used = sheets.items.map((ws) => {
          const r = ws.getUsedRange(true);
          r.load('rowIndex,columnIndex,rowCount,columnCount');
          return { name: ws.name, visibility: visibilityOf(ws.visibility), r };
        });
        await context.sync();
        const skipped: WorkbookSnapshot['skipped'] = [];
        const toRead = used.filter(({ name, r }) => {
          const n = r.rowCount * r.columnCount;
          if (n <= maxCells) return true;
          skipped.push({
            sheet: name,
            reason: `使われている範囲が大きすぎる(${n.toLocaleString('ja-JP')} セル)ため読み込んでいません。調査書のシートには当たりません。`,
          });
          return false;
        });
        for (const { r } of toRead) r.load(CONTENTS);
        await context.sync();
        return {
          grids: toRead.map(({ name, visibility, r }) => gridFromRange(name, r.rowIndex, r.columnIndex, r, visibility)),
          activeSheet: active.name,
          skipped,
        };
      }),

    readRegion: (sheet, region) =>
      run(async (context) => {
        const r = context.workbook.worksheets.getItem(sheet).getRange(rangeAddress(region));
        r.load(CONTENTS);
        await context.sync();
        return gridFromRange(sheet, region.top, region.left, r);
      }),

    selectCell: (sheet, address) =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      }),

    onSheetChanged: (sheet, handler) =>
      run(async (context) => {
        const registration = context.workbook.worksheets.getItem(sheet).onChanged.add(async (e) => {
          handler({ sheet, address: e.address });
        });
        await context.sync();
        return () => removeHandler(registration);
      }),

    onSheetActivated: (handler) =>
      run(async (context) => {
        const registration = context.workbook.worksheets.onActivated.add(async (e) => {
          const name = await run(async (c) => {
            const ws = c.workbook.worksheets.getItem(e.worksheetId);
            ws.load('name');
            await c.sync();
            return ws.name;
          }).catch(() => null);
          if (name !== null) handler(name);
        });
        await context.sync();
        return () => removeHandler(registration);
      }),

    undoOutlook: outlook,

    excelHost: () => host,

    addSheet: async (sheet) => {
      // The writer comes with the sheet commands' chunk: the pane's first script never carries it.
      const writer = await import(/* webpackChunkName: "sheets" */ './sheetWriter');
      const { lacking } = writer.sheetSupport(host.excelApi);
      const batch = async (context: Excel.RequestContext) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        if (sheets.items.some((ws) => sameSheetName(ws.name, sheet.name))) throw nameTakenError(sheet.name);
        const ws = sheets.add(sheet.name);
        writer.writeLayout(ws, sheet.layout, lacking);
        ws.activate();
        await context.sync();
        return { name: sheet.name, skipped: lacking.map(writer.lackingNote) };
      };
      return withTimeout(Excel.run(batch), opts.addSheetTimeoutMs ?? ADD_SHEET_TIMEOUT_MS);
    },

    applyPlan: async (plan): Promise<ApplyResult> => {
      const journal = journalOf(plan);
      if (outlook().way === 'journal') {
        await run(writeBatch(plan, false));
        return { undo: 'journal', journal };
      }
      try {
        await run(writeBatch(plan, false), { mergeUndoGroup: true });
        return { undo: 'excel' };
      } catch (err) {
        // A changed cell or no answer stands. Any other failure may be Excel refusing the undo group (UndoNotSupported,
        // office-js #6491) or failing with it (#6711, #6255), with none, some or all cells written: finish the write
        // without the group, writing only the cells that still hold their `before`, so no cell is written twice.
        if (!(err instanceof AdapterError) || err.kind !== 'api') throw err;
        await run(writeBatch(plan, true));
        return { undo: 'journal', journal, groupingFailed: true };
      }
    },
  };

  function removeHandler(registration: OfficeExtension.EventHandlerResult<unknown>): Promise<void> {
    return withTimeout(
      Excel.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      }),
      timeoutMs,
    );
  }
}
