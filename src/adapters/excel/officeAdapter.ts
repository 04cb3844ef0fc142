// WorkbookAdapter over Office.js: the only code that calls Excel. Reads never write, and nothing here changes
// the user's formats or calls an API that clears the undo stack. Every Excel.run has a timeout, so the pane
// can say what happened instead of waiting forever.
import { a1, Grid, parseRange, type CellValue, type GridCell, type MergedArea } from '../../core/grid';
import type { Region } from '../../core/model/form';
import type { CellContent } from '../../core/plan/writePlan';
import {
  AdapterError,
  conflictError,
  holdsContent,
  journalOf,
  type ApplyResult,
  type WorkbookAdapter,
  type WorkbookSnapshot,
} from './workbookAdapter';

export interface OfficeAdapterOptions {
  /** Per Excel.run, in milliseconds. */
  timeoutMs?: number;
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

/**
 * The areas of a RangeAreas address ("Sheet1!A1:B2, 'Sheet 2'!C3:D4"). The sheet names are dropped, since the
 * merged areas of a range all lie on its own sheet; a quoted name may itself hold "!" and "," ('' is a quote).
 */
export function parseMergedAddress(address: string): MergedArea[] {
  const areas: MergedArea[] = [];
  let quoted = false;
  let ref = '';
  for (const ch of `${address},`) {
    if (ch === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '!') ref = '';
    else if (ch === ',') {
      const area = parseRange(ref.trim());
      if (area) areas.push(area);
      ref = '';
    } else ref += ch;
  }
  return areas;
}

/** Queues a range's merged areas to load, to come back in the same sync as its contents. */
function queueMerges(r: Excel.Range, wanted: boolean): Excel.RangeAreas | null {
  if (!wanted) return null;
  const m = r.getMergedAreasOrNullObject();
  m.load('address');
  return m;
}

function mergesOf(m: Excel.RangeAreas | null): MergedArea[] {
  return m && !m.isNullObject ? parseMergedAddress(m.address) : [];
}

/** Builds a core Grid from a loaded range whose top-left cell sits at (top, left), with the range's merged areas. */
export function gridFromRange(sheet: string, top: number, left: number, r: RangeContents, merges: readonly MergedArea[] = []): Grid {
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
  return new Grid(sheet, cells, merges);
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

/** What to assign to `range.formulas` so that the cell ends up holding `c`. */
function cellInput(c: CellContent): string | number | boolean {
  if (c.formula !== undefined) return `=${c.formula}`;
  if (c.value === null) return '';
  // Excel would read "056" as 56 and "=x" as a formula: an apostrophe keeps text text.
  if (typeof c.value === 'string' && /^[\s=+\-@\d.,]/.test(c.value)) return `'${c.value}`;
  return c.value;
}

export function createOfficeAdapter(opts: OfficeAdapterOptions = {}): WorkbookAdapter {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxCells = opts.maxCellsPerSheet ?? 200_000;
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T> =>
    withTimeout(options ? Excel.run(options, batch) : Excel.run(batch), timeoutMs);
  /**
   * A read with merged areas where Excel has them (ExcelApi 1.13); without, labels are read as before merges were
   * known. Excel refuses the merged areas of a range that has more than 512: then the read is made without them.
   */
  const withMerges = async <T>(read: (merges: boolean) => Promise<T>): Promise<T> => {
    if (!Office.context.requirements.isSetSupported('ExcelApi', '1.13')) return read(false);
    try {
      return await read(true);
    } catch (err) {
      if (err instanceof AdapterError && err.kind === 'api') return read(false);
      throw err;
    }
  };

  /** Every worksheet's used range in 3 syncs: names, sizes, then contents (and merged areas) of those not too large. */
  const readBook = (merges: boolean): Promise<WorkbookSnapshot> =>
    run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const active = sheets.getActiveWorksheet();
      active.load('name');
      await context.sync();
      // Sizes first, so a huge data sheet elsewhere in the book is skipped instead of read.
      const used = sheets.items.map((ws) => {
        const r = ws.getUsedRange(true);
        r.load('rowIndex,columnIndex,rowCount,columnCount');
        return { name: ws.name, r };
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
      const loaded = toRead.map(({ name, r }) => {
        r.load(CONTENTS);
        return { name, r, m: queueMerges(r, merges) };
      });
      await context.sync();
      return {
        grids: loaded.map(({ name, r, m }) => gridFromRange(name, r.rowIndex, r.columnIndex, r, mergesOf(m))),
        activeSheet: active.name,
        skipped,
      };
    });

  return {
    readWorkbook: () => withMerges(readBook),

    readRegion: (sheet, region) =>
      withMerges((merges) =>
        run(async (context) => {
          const r = context.workbook.worksheets.getItem(sheet).getRange(rangeAddress(region));
          r.load(CONTENTS);
          const m = queueMerges(r, merges);
          await context.sync();
          return gridFromRange(sheet, region.top, region.left, r, mergesOf(m));
        }),
      ),

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

    applyPlan: async (plan): Promise<ApplyResult> => {
      // ExcelApi 1.20 merges the batch into one undo step; before it, the pane keeps its own journal.
      const merge = Office.context.requirements.isSetSupported('ExcelApi', '1.20');
      await run(
        async (context) => {
          const ranges = plan.writes.map((w) => {
            const r = context.workbook.worksheets.getItem(w.sheet).getRange(w.address);
            r.load('values,formulas');
            return r;
          });
          await context.sync();
          plan.writes.forEach((w, i) => {
            const r = ranges[i]!;
            if (!holdsContent(r.formulas[0]?.[0], r.values[0]?.[0], w.before)) throw conflictError(w.sheet, w.address);
          });
          plan.writes.forEach((w, i) => {
            ranges[i]!.formulas = [[cellInput(w.after)]];
          });
          await context.sync();
        },
        merge ? { mergeUndoGroup: true } : undefined,
      );
      return merge ? { undo: 'excel' } : { undo: 'journal', journal: journalOf(plan) };
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
