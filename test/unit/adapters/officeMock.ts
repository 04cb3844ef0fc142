// An Excel object model for office-addin-mock, fed from core Grids: each worksheet's used range and the
// ranges a test names. Collections and events are outside what the mock models, so those parts are
// plain functions that record what the adapter asked for.
//
// Every Office.js call the adapter makes is recorded under its name in the API ledger
// (src/adapters/excel/apiLedger.ts): methods, loads with the properties named, and property writes. With a
// `guard` path set, a call the ledger does not allow on that path is refused: it throws (so the adapter's call
// fails) and is listed in `refused`.
//
// worksheets.add gives a worksheet that records every call made on it (and on the ranges, formats, data
// validation, page layout and protection reached from it) with the range it was made on: what a sheet writer
// did, and that it did it there and nowhere else. A part of it the mock does not model throws.
import { OfficeMockObject } from 'office-addin-mock';
import { refusal, type ApiCall, type ApiPath } from '../../../src/adapters/excel/apiLedger';
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
 * left..right, as a RangeAreas address ("'Sheet'!A1:B2, 'Sheet'!C3:D3"). The adapter must never ask (the ledger
 * denies it); it is here so that a test can show the guard refusing it.
 */
function mergedAreasData(g: Grid, top: number, left: number, bottom: number, right: number) {
  const areas = g.merges.filter((m) => m.top <= bottom && m.bottom >= top && m.left <= right && m.right >= left);
  return { address: areas.map((m) => `'${g.name}'!${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).join(', ') };
}

/** One call on a worksheet the adapter added: the API, the range it was made on ('' for the sheet), and its value or arguments. */
export interface NewSheetCall {
  api: string;
  target: string;
  value: unknown;
}

export interface NewSheetLog {
  name: string;
  calls: NewSheetCall[];
}

/**
 * The Office.js objects reachable from a new worksheet, as far as the mock models them: per property, the class of
 * the object it gives, 'set' for a value that may be assigned, '()' for a method (followed by the class it returns).
 */
const NEW_SHEET_MODEL: Record<string, Record<string, string>> = {
  Worksheet: { getRange: '()Range', activate: '()', pageLayout: 'PageLayout', horizontalPageBreaks: 'PageBreakCollection', protection: 'WorksheetProtection' },
  Range: { formulas: 'set', numberFormat: 'set', merge: '()', format: 'RangeFormat', dataValidation: 'DataValidation' },
  RangeFormat: {
    fill: 'RangeFill',
    font: 'RangeFont',
    borders: 'RangeBorderCollection',
    protection: 'FormatProtection',
    wrapText: 'set',
    horizontalAlignment: 'set',
    verticalAlignment: 'set',
    columnWidth: 'set',
    rowHeight: 'set',
  },
  RangeFill: { color: 'set' },
  RangeFont: { bold: 'set', size: 'set' },
  RangeBorderCollection: { getItem: '()RangeBorder' },
  RangeBorder: { style: 'set', color: 'set' },
  FormatProtection: { locked: 'set' },
  DataValidation: { rule: 'set', prompt: 'set', errorAlert: 'set' },
  PageLayout: { orientation: 'set', paperSize: 'set', centerHorizontally: 'set', zoom: 'set', setPrintArea: '()' },
  PageBreakCollection: { add: '()' },
  WorksheetProtection: { protect: '()' },
};

/** An object of class `cls` on a new sheet, reached from the range `target`: every call recorded, nothing else allowed. */
function recorder(cls: string, target: string, sheet: NewSheetLog, record: (api: string) => void): object {
  const model = NEW_SHEET_MODEL[cls]!;
  const children = new Map<string, object>();
  const values = new Map<string, unknown>();
  const log = (api: string, value: unknown) => {
    record(api);
    sheet.calls.push({ api, target, value });
  };
  return new Proxy(
    {},
    {
      get(_, prop) {
        const kind = typeof prop === 'string' ? model[prop] : undefined;
        if (kind === undefined) throw new Error(`the mock does not model Excel.${cls}.${String(prop)}`);
        const name = prop as string;
        if (kind === 'set') return values.get(name);
        if (kind.startsWith('()')) {
          const returns = kind.slice(2);
          return (...args: unknown[]) => {
            log(`Excel.${cls}.${name}`, args);
            // A range is named by its address; a border by the edge, on the range it belongs to.
            if (returns) return recorder(returns, cls === 'Worksheet' ? String(args[0]) : target, sheet, record);
            return undefined;
          };
        }
        if (!children.has(name)) children.set(name, recorder(kind, target, sheet, record));
        return children.get(name);
      },
      set(_, prop, value) {
        if (typeof prop !== 'string' || model[prop] !== 'set') throw new Error(`the mock does not model setting Excel.${cls}.${String(prop)}`);
        log(`Excel.${cls}.${prop}`, value);
        values.set(prop, value);
        return true;
      },
    },
  );
}

/** How Excel fails a write asked to be one undo group: before anything is written, or after the cells were written. */
export type GroupingFailure = 'before-write' | 'after-write';

export interface ExcelLog {
  /** Every Office.js call, in order, by its name in the API ledger. */
  calls: ApiCall[];
  /** When set, calls the ledger does not allow on this path are refused. */
  guard: ApiPath | null;
  /** The refusals, in words. */
  refused: string[];
  runOptions: unknown[];
  activated: string[];
  selected: string[];
  changeHandlers: Map<string, (e: { address: string }) => Promise<void>>;
  activationHandlers: ((e: { worksheetId: string }) => Promise<void>)[];
  removed: number;
  /** Makes the next Excel.run with mergeUndoGroup fail as Excel is reported to (office-js #6711, #6491). */
  groupingFails: GroupingFailure | null;
  /** The worksheets added (worksheets.add), with every call made on each. */
  added: NewSheetLog[];
}

export interface ExcelMock {
  mock: OfficeMockObject & { context: OfficeMockObject & { sync(): Promise<void> } };
  log: ExcelLog;
}

/** The core's visibility as Excel.SheetVisibility spells it. */
const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

/** `ranges` names extra ranges per sheet by A1 address ("B2:AE60" or "D20") that getRange may be asked for. */
export function excelMock(grids: Grid[], active: string, ranges: Record<string, string[]> = {}): ExcelMock {
  const log: ExcelLog = {
    calls: [],
    guard: null,
    refused: [],
    runOptions: [],
    activated: [],
    selected: [],
    changeHandlers: new Map(),
    activationHandlers: [],
    removed: 0,
    groupingFails: null,
    added: [],
  };
  /** The contents the mock hands out: its own loading sets these (or an error text), the adapter sets others. */
  const contents = new WeakSet<object>();
  const record = (api: string, properties?: readonly string[]): void => {
    const call: ApiCall = properties ? { api, properties } : { api };
    log.calls.push(call);
    const why = log.guard ? refusal(log.guard, call) : null;
    if (why) {
      log.refused.push(why);
      throw Object.assign(new Error(`API ledger: ${why}`), { code: 'LedgerRefused' });
    }
  };
  const props = (arg: unknown): string[] => String(arg ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  const registration = { remove: () => (record('OfficeExtension.EventHandlerResult.remove'), void log.removed++) };

  const mockRange = (g: Grid, top: number, left: number, bottom: number, right: number, extra: object = {}) => {
    const merged = mergedAreasData(g, top, left, bottom, right);
    const data = rangeData(g, top, left, bottom, right);
    for (const rows of [data.values, data.formulas, data.numberFormat]) contents.add(rows);
    return {
      ...data,
      merged,
      getMergedAreasOrNullObject(this: { merged: { isNullObject?: boolean } }) {
        record('Excel.Range.getMergedAreasOrNullObject');
        this.merged.isNullObject = merged.address === '';
        return this.merged;
      },
      ...extra,
    };
  };
  const usedRange = (g: Grid) => {
    let top = Infinity;
    let left = Infinity;
    for (const c of g.cells()) {
      top = Math.min(top, c.row);
      left = Math.min(left, c.col);
    }
    return top === Infinity ? mockRange(g, 0, 0, 0, 0) : mockRange(g, top, left, g.rowCount - 1, g.colCount - 1);
  };

  const sheets: Record<string, unknown> = {};
  grids.forEach((g, i) => {
    const named: Record<string, unknown> = {};
    for (const address of ranges[g.name] ?? []) {
      const [from, to = from] = address.split(':').map((a) => parseA1(a)!);
      named[address] = mockRange(g, from!.row, from!.col, to!.row, to!.col, {
        select: () => (record('Excel.Range.select'), void log.selected.push(`${g.name}!${address}`)),
      });
    }
    sheets[`s${i}`] = {
      name: g.name,
      visibility: VISIBILITY[g.visibility],
      id: `{id-${i}}`,
      used: usedRange(g),
      ranges: named,
      getUsedRange(this: { used: unknown }) {
        record('Excel.Worksheet.getUsedRange');
        return this.used;
      },
      getRange(this: { ranges: Record<string, unknown> }, address: string) {
        record('Excel.Worksheet.getRange');
        const r = this.ranges[address];
        if (!r) throw new Error(`test asked for an unlisted range ${address}`);
        return r;
      },
      activate: () => (record('Excel.Worksheet.activate'), void log.activated.push(g.name)),
      onChanged: {
        add: (h: (e: { address: string }) => Promise<void>) => {
          record('Excel.Worksheet.onChanged');
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
          // The mock has no collections: `items` is set below, and loading `items/name` loads each name (one call).
          load(this: { items: OfficeMockObject[] }, what: string) {
            record('Excel.WorksheetCollection.load', props(what));
            const each = props(what).map((p) => p.replace(/^items\//, ''));
            for (const ws of this.items) OfficeMockObject.prototype.load.call(ws, each.join(','));
          },
          getActiveWorksheet(this: { items: { name: string }[] }) {
            record('Excel.WorksheetCollection.getActiveWorksheet');
            return this.items[grids.findIndex((g) => g.name === active)];
          },
          add: (name: string) => {
            record('Excel.WorksheetCollection.add');
            const sheet: NewSheetLog = { name, calls: [] };
            log.added.push(sheet);
            return recorder('Worksheet', '', sheet, record);
          },
          getItem(this: Record<string, unknown>, key: string) {
            record('Excel.WorksheetCollection.getItem');
            const i = grids.findIndex((g, j) => g.name === key || `{id-${j}}` === key);
            if (i < 0) throw Object.assign(new Error('The requested resource doesn’t exist.'), { code: 'ItemNotFound' });
            return this[`s${i}`];
          },
          onActivated: {
            add: (h: (e: { worksheetId: string }) => Promise<void>) => {
              record('Excel.WorksheetCollection.onActivated');
              log.activationHandlers.push(h);
              return { ...registration, context: mock.context };
            },
          },
        },
      },
    },
    run: async function (this: { context: unknown }, a: unknown, b?: unknown) {
      record('Excel.run');
      const batch = (typeof a === 'function' ? a : b) as (c: unknown) => Promise<unknown>;
      if (typeof a === 'function') return batch(this.context);
      log.runOptions.push(a);
      const grouped = (a as Excel.RunOptions).mergeUndoGroup === true;
      if (grouped) record('Excel.RunOptions.mergeUndoGroup');
      const fails = grouped ? log.groupingFails : null;
      log.groupingFails = null;
      if (fails === 'before-write') throw Object.assign(new Error('RichApi.Error'), { code: 'GeneralException' });
      const result = await batch(this.context);
      if (fails === 'after-write') throw Object.assign(new Error('The operation is not supported for undo.'), { code: 'UndoNotSupported' });
      return result;
    },
  }) as ExcelMock['mock'];

  const worksheets = (mock.context as unknown as { workbook: { worksheets: Record<string, unknown> } }).workbook.worksheets;
  worksheets.items = grids.map((_, i) => worksheets[`s${i}`]);

  // Loads and syncs are the mock's own methods: wrap them to record the call.
  const watchLoad = (o: OfficeMockObject, api: string): void => {
    const load = o.load.bind(o);
    Object.assign(o, { load: (what: string) => (record(api, props(what)), load(what)) });
  };
  const watchSets = (o: object, names: readonly string[]): void => {
    for (const name of names) {
      let value = (o as Record<string, unknown>)[name];
      Object.defineProperty(o, name, {
        configurable: true,
        enumerable: true,
        get: () => value,
        set: (v: unknown) => {
          if (typeof v !== 'string' && !contents.has(v as object)) record(`Excel.Range.${name}`);
          value = v;
        },
      });
    }
  };
  const context = mock.context as unknown as OfficeMockObject & { sync(): Promise<void> };
  const sync = context.sync.bind(context);
  Object.assign(context, { sync: () => (record('Excel.RequestContext.sync'), sync()) });
  grids.forEach((g, i) => {
    const ws = worksheets[`s${i}`] as OfficeMockObject & { used: OfficeMockObject; ranges: Record<string, OfficeMockObject> };
    watchLoad(ws, 'Excel.Worksheet.load');
    for (const r of [ws.used, ...(ranges[g.name] ?? []).map((a) => ws.ranges[a]!)]) {
      watchLoad(r, 'Excel.Range.load');
      watchSets(r, ['values', 'formulas', 'numberFormat']);
    }
  });

  return { mock, log };
}
