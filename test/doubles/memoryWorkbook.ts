// A WorkbookAdapter over Grids held in memory: the pane's unit tests, the browser tests (through a test build
// of the pane) and the bench use it in place of Excel. It records selections and lets a test type into a cell.
import type { SheetChange, WorkbookAdapter, WorkbookSnapshot } from '../../src/adapters/excel/workbookAdapter';
import { Grid, parseA1, type CellValue, type GridCell } from '../../src/core/grid';

export interface MemoryWorkbook extends WorkbookAdapter {
  readonly selections: string[];
  /** How many reads each kind of call made (a read of the whole book counts once). */
  readonly reads: { workbook: number; region: number };
  /** Types a value (or "=formula") into a cell and fires the sheet's change handlers, as Excel does. */
  edit(sheet: string, address: string, input: CellValue): void;
  activate(sheet: string): void;
  /** Delays each read: lets a test make an older read finish after a newer one. */
  readDelays: number[];
}

export function memoryWorkbook(grids: Grid[], activeSheet: string | null = grids[0]?.name ?? null): MemoryWorkbook {
  const sheets = new Map(grids.map((g) => [g.name, [...g.cells()]]));
  const changeHandlers = new Map<string, Set<(c: SheetChange) => void>>();
  const activationHandlers = new Set<(s: string) => void>();
  let active = activeSheet;

  const gridOf = (name: string, keep: (c: GridCell) => boolean = () => true): Grid => {
    const cells = sheets.get(name);
    if (!cells) throw new Error(`no sheet ${name}`);
    return new Grid(name, cells.filter(keep));
  };
  const delayed = async <T>(value: () => T): Promise<T> => {
    const ms = wb.readDelays.shift() ?? 0;
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    return value();
  };

  const wb: MemoryWorkbook = {
    selections: [],
    reads: { workbook: 0, region: 0 },
    readDelays: [],
    readWorkbook: () => {
      wb.reads.workbook++;
      return delayed((): WorkbookSnapshot => ({ grids: [...sheets.keys()].map((n) => gridOf(n)), activeSheet: active, skipped: [] }));
    },
    readRegion: (sheet, r) => {
      wb.reads.region++;
      // Read now, deliver later: a delayed read carries the contents of its own moment.
      const g = gridOf(sheet, (c) => c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right);
      return delayed(() => g);
    },
    selectCell: async (sheet, address) => {
      active = sheet;
      wb.selections.push(`${sheet}!${address}`);
    },
    onSheetChanged: async (sheet, handler) => {
      const set = changeHandlers.get(sheet) ?? new Set();
      changeHandlers.set(sheet, set);
      set.add(handler);
      return async () => void set.delete(handler);
    },
    onSheetActivated: async (handler) => {
      activationHandlers.add(handler);
      return async () => void activationHandlers.delete(handler);
    },
    applyPlan: async () => {
      throw new Error('memoryWorkbook does not write');
    },
    edit(sheet, address, input) {
      const at = parseA1(address);
      const cells = sheets.get(sheet);
      if (!at || !cells) throw new Error(`no cell ${sheet}!${address}`);
      const isFormula = typeof input === 'string' && input.startsWith('=');
      const cell: GridCell = isFormula ? { ...at, value: null, formula: input.slice(1) } : { ...at, value: input };
      const old = cells.findIndex((c) => c.row === at.row && c.col === at.col);
      // Typing replaces the value or formula and keeps the cell's number format.
      const numFmt = cells[old]?.numFmt;
      if (numFmt !== undefined) cell.numFmt = numFmt;
      if (old >= 0) cells.splice(old, 1, cell);
      else cells.push(cell);
      for (const h of changeHandlers.get(sheet) ?? []) h({ sheet, address });
    },
    activate(sheet) {
      active = sheet;
      for (const h of activationHandlers) h(sheet);
    },
  };
  return wb;
}
