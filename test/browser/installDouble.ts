// Test builds only: when a browser test has put a fixture on the page (window.__MISHUKIN_FIXTURE__, through
// Playwright's addInitScript), the pane gets the in-memory workbook instead of Excel. The test drives it
// through window.mishukinTestAdapter (edit, selections).
import { Grid, type GridCell } from '../../src/core/grid';
import { memoryWorkbook } from '../doubles/memoryWorkbook';

export interface Fixture {
  sheets: { name: string; cells: GridCell[] }[];
  active: string | null;
}

const fixture = (window as { __MISHUKIN_FIXTURE__?: Fixture }).__MISHUKIN_FIXTURE__;
if (fixture) {
  window.mishukinTestAdapter = memoryWorkbook(
    fixture.sheets.map((s) => new Grid(s.name, s.cells)),
    fixture.active,
  );
}
