// A WorkbookAdapter over Grids held in memory: the pane's unit tests, the browser tests (through a test build
// of the pane) and the bench use it in place of Excel. It records selections, writes and sheets added, and lets a
// test type into a cell.
import { lackingNote, sheetSupport } from '../../src/adapters/excel/sheetWriter';
import {
  conflictError,
  holdsContent,
  journalOf,
  nameTakenError,
  sameSheetName,
  type ApplyResult,
  type ExcelHost,
  type NewSheet,
  type SheetChange,
  type WorkbookAdapter,
  type WorkbookSnapshot,
} from '../../src/adapters/excel/workbookAdapter';
import { undoOutlook, UNDO_SUPPORT_MINOR } from '../../src/adapters/excel/undoOutlook';
import { Grid, parseA1, type CellValue, type GridCell, type MergedArea } from '../../src/core/grid';
import type { CellContent, WritePlan } from '../../src/core/plan/writePlan';
import { ERROR_TEXT } from '../../src/core/text/values';

export interface MemoryWorkbookOptions {
  /**
   * How a write can be undone: 'excel' as Excel on the web with ExcelApi 1.20 (one Ctrl+Z), 'journal' (default) as
   * Windows before ExcelApi 1.20, where the pane keeps the plan that writes every `before` back; 'grouping-fails':
   * as 'excel' in the preview, but Excel refuses the undo group and the journal takes over.
   */
  undo?: ApplyResult['undo'] | 'grouping-fails';
  /**
   * The highest ExcelApi 1.x the host has: by default 19 with the journal (Windows before ExcelApi 1.20), 20 otherwise
   * (Excel on the web). Below 8 a new sheet gets no drop-down lists, below 9 no print setup, below 2 none at all.
   */
  excelApi?: number;
}

export interface MemoryWorkbook extends WorkbookAdapter {
  readonly selections: string[];
  /** How many reads each kind of call made (a read of the whole book counts once). */
  readonly reads: { workbook: number; region: number };
  /** Every plan applied, in order. */
  readonly applied: WritePlan[];
  /** Every sheet added, in order. */
  readonly added: NewSheet[];
  /** Types a value (or "=formula") into a cell and fires the sheet's change handlers, as Excel does. */
  edit(sheet: string, address: string, input: CellValue): void;
  activate(sheet: string): void;
  /** Shows a hidden sheet again, as 「再表示」 does (Excel raises no event for it). */
  show(sheet: string): void;
  /** The cells of a sheet as they are now. */
  cellsOf(sheet: string): GridCell[];
  /** Delays each read: lets a test make an older read finish after a newer one. */
  readDelays: number[];
}

function touches(m: MergedArea, r: MergedArea): boolean {
  return m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left;
}

/** A cell as the write leaves it: a formula shows the value the plan expects (the double does not calculate). */
function written(at: { row: number; col: number }, c: CellContent, expected: WritePlan['writes'][number]['expected'], numFmt?: string): GridCell {
  const shown = c.formula !== undefined ? expected : c.value;
  const value: CellValue = typeof shown === 'string' && ERROR_TEXT.test(shown) ? { error: shown } : shown;
  const cell: GridCell = { ...at, value };
  if (c.formula !== undefined) cell.formula = c.formula;
  if (numFmt !== undefined) cell.numFmt = numFmt;
  return cell;
}

export function memoryWorkbook(
  grids: Grid[],
  activeSheet: string | null = grids[0]?.name ?? null,
  opts: MemoryWorkbookOptions = {},
): MemoryWorkbook {
  const sheets = new Map(grids.map((g) => [g.name, [...g.cells()]]));
  const merges = new Map(grids.map((g) => [g.name, g.merges]));
  const visibility = new Map(grids.map((g) => [g.name, g.visibility]));
  const changeHandlers = new Map<string, Set<(c: SheetChange) => void>>();
  const activationHandlers = new Set<(s: string) => void>();
  let active = activeSheet;
  const journal = opts.undo === undefined || opts.undo === 'journal';
  const highest = opts.excelApi ?? (journal ? UNDO_SUPPORT_MINOR - 1 : UNDO_SUPPORT_MINOR);
  const host: ExcelHost = { platform: journal ? 'desktop' : 'web', excelApi: (minor) => minor <= highest };

  const cellsOf = (name: string): GridCell[] => {
    const cells = sheets.get(name);
    if (!cells) throw new Error(`no sheet ${name}`);
    return cells;
  };
  const gridOf = (name: string, region?: MergedArea): Grid => {
    const keep = (c: GridCell) => !region || (c.row >= region.top && c.row <= region.bottom && c.col >= region.left && c.col <= region.right);
    return new Grid(
      name,
      cellsOf(name).filter(keep),
      (merges.get(name) ?? []).filter((m) => !region || touches(m, region)),
      [],
      visibility.get(name) ?? 'visible',
    );
  };
  const delayed = async <T>(value: () => T): Promise<T> => {
    const ms = wb.readDelays.shift() ?? 0;
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    return value();
  };
  /** Replaces one cell, keeping its number format, as typing or a write does; a cell left empty is dropped. */
  const put = (sheet: string, at: { row: number; col: number }, make: (numFmt?: string) => GridCell): void => {
    const cells = cellsOf(sheet);
    const old = cells.findIndex((c) => c.row === at.row && c.col === at.col);
    const cell = make(cells[old]?.numFmt);
    const empty = cell.value === null && cell.formula === undefined && cell.numFmt === undefined;
    if (old >= 0) cells.splice(old, 1, ...(empty ? [] : [cell]));
    else if (!empty) cells.push(cell);
  };
  const changed = (sheet: string, address: string): void => {
    for (const h of changeHandlers.get(sheet) ?? []) h({ sheet, address });
  };

  const wb: MemoryWorkbook = {
    selections: [],
    reads: { workbook: 0, region: 0 },
    applied: [],
    added: [],
    readDelays: [],
    readWorkbook: () => {
      wb.reads.workbook++;
      return delayed((): WorkbookSnapshot => ({ grids: [...sheets.keys()].map((n) => gridOf(n)), activeSheet: active, skipped: [] }));
    },
    readRegion: (sheet, r) => {
      wb.reads.region++;
      // Read now, deliver later: a delayed read carries the contents of its own moment.
      const g = gridOf(sheet, r);
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
    // As the Office adapter: every `before` is checked first, then all cells are written, or none.
    applyPlan: async (plan) => {
      const targets = plan.writes.map((w) => {
        const at = parseA1(w.address);
        if (!at) throw new Error(`no cell ${w.address}`);
        const now = cellsOf(w.sheet).find((c) => c.row === at.row && c.col === at.col);
        const formula = now?.formula !== undefined ? `=${now.formula}` : now?.value;
        if (!holdsContent(formula, now?.value ?? null, w.before)) throw conflictError(w.sheet, w.address);
        return at;
      });
      plan.writes.forEach((w, i) => put(w.sheet, targets[i]!, (numFmt) => written(targets[i]!, w.after, w.expected, numFmt)));
      wb.applied.push(plan);
      for (const w of plan.writes) changed(w.sheet, w.address);
      if (opts.undo === 'excel') return { undo: 'excel' };
      return { undo: 'journal', journal: journalOf(plan), ...(opts.undo === 'grouping-fails' ? { groupingFailed: true } : {}) };
    },
    undoOutlook: () => undoOutlook(host.platform, host.excelApi(UNDO_SUPPORT_MINOR)),
    excelHost: () => host,
    // As the Office adapter: refused if the name is taken; the sheet goes after the others and is shown.
    addSheet: async (sheet) => {
      if ([...sheets.keys()].some((n) => sameSheetName(n, sheet.name))) throw nameTakenError(sheet.name);
      const cells = sheet.layout.cells.map((c): GridCell => {
        const cell: GridCell = { row: c.row, col: c.col, value: c.formula !== undefined ? (c.result ?? null) : (c.value ?? null) };
        if (c.formula !== undefined) cell.formula = c.formula;
        if (c.numFmt !== undefined) cell.numFmt = c.numFmt;
        return cell;
      });
      sheets.set(sheet.name, cells);
      merges.set(sheet.name, sheet.layout.merges);
      wb.added.push(sheet);
      wb.activate(sheet.name);
      return { name: sheet.name, skipped: sheetSupport(host.excelApi).lacking.map(lackingNote) };
    },
    edit(sheet, address, input) {
      const at = parseA1(address);
      if (!at || !sheets.has(sheet)) throw new Error(`no cell ${sheet}!${address}`);
      const isFormula = typeof input === 'string' && input.startsWith('=');
      put(sheet, at, (numFmt) => {
        const cell: GridCell = isFormula ? { ...at, value: null, formula: input.slice(1) } : { ...at, value: input };
        if (numFmt !== undefined) cell.numFmt = numFmt;
        return cell;
      });
      changed(sheet, address);
    },
    show(sheet) {
      visibility.set(sheet, 'visible');
    },
    activate(sheet) {
      active = sheet;
      for (const h of activationHandlers) h(sheet);
    },
    cellsOf: (sheet) => [...cellsOf(sheet)],
  };
  return wb;
}
