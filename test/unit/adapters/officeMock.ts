// An Excel object model for office-addin-mock, fed from core Grids: each worksheet's used range and the
// ranges a test names. Collections and events are outside what the mock models, so those parts are
// plain functions that record what the adapter asked for.
import { OfficeMockObject } from 'office-addin-mock';
import { a1, isCellError, parseA1, type Grid } from '../../../src/core/grid';

interface RangeData {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: string[][];
  valueTypes: string[][];
}

/** The range Excel would hand over for rows top..bottom, cols left..right of a grid. */
export function rangeData(g: Grid, top: number, left: number, bottom: number, right: number): RangeData {
  const rows = (f: (r: number, c: number) => unknown) =>
    Array.from({ length: bottom - top + 1 }, (_, i) => Array.from({ length: right - left + 1 }, (_, j) => f(top + i, left + j)));
  return {
    rowIndex: top,
    columnIndex: left,
    rowCount: bottom - top + 1,
    columnCount: right - left + 1,
    values: rows((r, c) => {
      const v = g.cell(r, c)?.value ?? '';
      return isCellError(v) ? v.error : v instanceof Date ? v.getTime() : v;
    }),
    formulas: rows((r, c) => {
      const cell = g.cell(r, c);
      if (cell?.formula !== undefined) return `=${cell.formula}`;
      const v = cell?.value ?? '';
      return isCellError(v) ? v.error : v;
    }),
    numberFormat: rows((r, c) => g.cell(r, c)?.numFmt ?? 'General') as string[][],
    valueTypes: rows((r, c) => {
      const v = g.cell(r, c)?.value ?? null;
      if (v === null) return 'Empty';
      if (isCellError(v)) return 'Error';
      return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
    }) as string[][],
  };
}

/**
 * What Range.getMergedAreasOrNullObject() hands back: the merged areas touching rows top..bottom, cols
 * left..right, as a RangeAreas address ("'Sheet'!A1:B2, 'Sheet'!C3:D3"); a null object where there are none.
 */
function mergedAreasData(g: Grid, top: number, left: number, bottom: number, right: number) {
  const areas = g.merges.filter((m) => m.top <= bottom && m.bottom >= top && m.left <= right && m.right >= left);
  return { address: areas.map((m) => `'${g.name}'!${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).join(', ') };
}

/** A range of the mock: its contents, its merged areas, and the method that returns them (counted in the log). */
function mockRange(g: Grid, log: ExcelLog, top: number, left: number, bottom: number, right: number, extra: object = {}) {
  const merged = mergedAreasData(g, top, left, bottom, right);
  return {
    ...rangeData(g, top, left, bottom, right),
    merged,
    getMergedAreasOrNullObject(this: { merged: { isNullObject?: boolean } }) {
      log.mergedAreaCalls++;
      if (log.mergedAreasFail) throw Object.assign(new Error('The merged areas are too many.'), { code: 'GeneralException' });
      // Readable without a load in Office.js: a plain field here, outside the mock's load tracking.
      this.merged.isNullObject = merged.address === '';
      return this.merged;
    },
    ...extra,
  };
}

function usedRange(g: Grid, log: ExcelLog) {
  let top = Infinity;
  let left = Infinity;
  for (const c of g.cells()) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
  }
  if (top === Infinity) return mockRange(g, log, 0, 0, 0, 0);
  return mockRange(g, log, top, left, g.rowCount - 1, g.colCount - 1);
}

export interface ExcelLog {
  runOptions: unknown[];
  activated: string[];
  selected: string[];
  changeHandlers: Map<string, (e: { address: string }) => Promise<void>>;
  activationHandlers: ((e: { worksheetId: string }) => Promise<void>)[];
  removed: number;
  mergedAreaCalls: number;
  /** Makes getMergedAreasOrNullObject fail, as Excel does for a range with more than 512 merged areas. */
  mergedAreasFail: boolean;
}

export interface ExcelMock {
  mock: OfficeMockObject & { context: OfficeMockObject & { sync(): Promise<void> } };
  log: ExcelLog;
}

/** `ranges` names extra ranges per sheet by A1 address ("B2:AE60" or "D20") that getRange may be asked for. */
export function excelMock(grids: Grid[], active: string, ranges: Record<string, string[]> = {}): ExcelMock {
  const log: ExcelLog = {
    runOptions: [],
    activated: [],
    selected: [],
    changeHandlers: new Map(),
    activationHandlers: [],
    removed: 0,
    mergedAreaCalls: 0,
    mergedAreasFail: false,
  };
  const registration = { remove: () => void log.removed++ };
  const sheets: Record<string, unknown> = {};
  grids.forEach((g, i) => {
    const named: Record<string, unknown> = {};
    for (const address of ranges[g.name] ?? []) {
      const [from, to = from] = address.split(':').map((a) => parseA1(a)!);
      named[address] = mockRange(g, log, from!.row, from!.col, to!.row, to!.col, {
        select: () => void log.selected.push(`${g.name}!${address}`),
      });
    }
    sheets[`s${i}`] = {
      name: g.name,
      id: `{id-${i}}`,
      used: usedRange(g, log),
      ranges: named,
      getUsedRange(this: { used: unknown }) {
        return this.used;
      },
      getRange(this: { ranges: Record<string, unknown> }, address: string) {
        const r = this.ranges[address];
        if (!r) throw new Error(`test asked for an unlisted range ${address}`);
        return r;
      },
      activate: () => void log.activated.push(g.name),
      onChanged: {
        add: (h: (e: { address: string }) => Promise<void>) => {
          log.changeHandlers.set(g.name, h);
          return { ...registration, context: mock.context };
        },
      },
    };
  });
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          ...sheets,
          // The mock has no collections: `items` is set below, and loading `items/name` loads each name.
          load(this: { items: OfficeMockObject[] }) {
            for (const ws of this.items) ws.load('name');
          },
          getActiveWorksheet(this: { items: { name: string }[] }) {
            return this.items[grids.findIndex((g) => g.name === active)];
          },
          getItem(this: Record<string, unknown>, key: string) {
            const i = grids.findIndex((g, j) => g.name === key || `{id-${j}}` === key);
            if (i < 0) throw Object.assign(new Error('The requested resource doesn’t exist.'), { code: 'ItemNotFound' });
            return this[`s${i}`];
          },
          onActivated: {
            add: (h: (e: { worksheetId: string }) => Promise<void>) => {
              log.activationHandlers.push(h);
              return { ...registration, context: mock.context };
            },
          },
        },
      },
    },
    run: async function (this: { context: unknown }, a: unknown, b?: unknown) {
      const batch = (typeof a === 'function' ? a : b) as (c: unknown) => Promise<unknown>;
      if (typeof a !== 'function') log.runOptions.push(a);
      return batch(this.context);
    },
  }) as ExcelMock['mock'];
  const worksheets = (mock.context as unknown as { workbook: { worksheets: Record<string, unknown> } }).workbook.worksheets;
  worksheets.items = grids.map((_, i) => worksheets[`s${i}`]);

  return { mock, log };
}
