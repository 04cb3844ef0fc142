// Example sheets changed for the pane's tools: a form whose D row was typed over its formulas (数式を入れる has
// something to restore) and one whose ratings are still blank (評価ガイド has something to write).
import { a1, Grid, type GridCell } from '../../src/core/grid';

/** The grid with some cells changed or removed (null). */
export function editedGrid(g: Grid, change: (c: GridCell) => GridCell | null): Grid {
  const cells = g.cells().flatMap((c) => {
    const next = change(c);
    return next ? [next] : [];
  });
  return new Grid(g.name, cells, g.merges);
}

/** Sheet 03 (examples/current/sheet-03.xlsx) with its D row's computed cells (row 19) typed as values. */
export function dRowTyped(sheet03: Grid): Grid {
  return editedGrid(sheet03, (c) => {
    if (c.row !== 18 || c.formula === undefined) return c;
    const typed = { ...c };
    delete typed.formula;
    return typed;
  });
}

/** Sheet 01 with its three ratings blank (D8, G8, K8) and 4. 課題(過年度) blank (D47). */
export function ratingsBlank(sheet01: Grid): Grid {
  const blank = new Set(['D8', 'G8', 'K8', 'D47']);
  return editedGrid(sheet01, (c) => (blank.has(a1(c.row, c.col)) ? null : c));
}
