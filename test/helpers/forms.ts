// Builds grids of real published sheets (from the seed numbers in test/fixtures) in the official layout, and
// edits them by logical key, so that tests can check whole forms without going through .xlsx files.
import { Grid, type GridCell, type CellValue } from '../../src/core/grid';
import type { LayoutCell, LayoutOptions, LayoutSheet } from '../../src/core/layout/currentLayout';
import { currentLayoutOf } from '../../scripts/build-fixtures';
import { readCurrentSeeds, readOlderSeeds, type CurrentSeed } from '../../scripts/seeds';
import { checkWorkbook } from '../../src/core/check';
import type { Finding, FormResult } from '../../src/core/findings';

export const CURRENT_SEEDS: readonly CurrentSeed[] = readCurrentSeeds();
export const OLDER_SEEDS = readOlderSeeds();

export function seed(n: number): CurrentSeed {
  const s = CURRENT_SEEDS.find((x) => x.sheet === n);
  if (!s) throw new Error(`no seed ${n}`);
  return s;
}

/** The layout of a published sheet, as printed, with optional layout options (offset, year words …). */
export function seedLayout(n: number, opts: Partial<LayoutOptions> = {}): LayoutSheet {
  return currentLayoutOf(seed(n), opts);
}

export function layoutCells(layout: LayoutSheet): GridCell[] {
  return layout.cells
    .filter((c) => c.value !== undefined || c.formula !== undefined)
    .map((c) => {
      const cell: GridCell = { row: c.row, col: c.col, value: (c.formula !== undefined ? c.result ?? null : c.value ?? null) as CellValue };
      if (c.formula !== undefined) cell.formula = c.formula;
      if (c.numFmt !== undefined) cell.numFmt = c.numFmt;
      return cell;
    });
}

export function gridOf(layout: LayoutSheet | LayoutSheet[], name = 'Sheet1'): Grid {
  const layouts = Array.isArray(layout) ? layout : [layout];
  return new Grid(name, layouts.flatMap(layoutCells), layouts.flatMap((l) => l.merges));
}

export function cellOf(layout: LayoutSheet, key: string): LayoutCell {
  const c = layout.cells.find((x) => x.key === key);
  if (!c) throw new Error(`no cell for ${key}`);
  return c;
}

/** Replaces a field's cell: the new content is typed (a formula is dropped unless given). */
export function setKey(layout: LayoutSheet, key: string, value: CellValue | ((old: number) => CellValue), formula?: string): LayoutSheet {
  const cells = layout.cells.map((c) => {
    if (c.key !== key) return c;
    const old = (c.formula !== undefined ? c.result : c.value) as number;
    const v = typeof value === 'function' ? value(old) : value;
    const next: LayoutCell = { ...c, value: v as LayoutCell['value'] };
    delete next.formula;
    delete next.result;
    if (formula !== undefined) {
      next.formula = formula;
      next.result = v as LayoutCell['result'];
    }
    return next;
  });
  if (!cells.some((c) => c.key === key)) throw new Error(`no cell for ${key}`);
  return { ...layout, cells };
}

export function checkLayout(layout: LayoutSheet | LayoutSheet[], name?: string): FormResult[] {
  return checkWorkbook([gridOf(layout, name)]).forms;
}

export function onlyForm(layout: LayoutSheet): FormResult {
  const forms = checkLayout(layout);
  if (forms.length !== 1) throw new Error(`expected one form, found ${forms.length}`);
  return forms[0]!;
}

export function rulesOf(findings: Finding[], severity?: Finding['severity']): string[] {
  return findings.filter((f) => !severity || f.severity === severity).map((f) => f.rule);
}
