// Test builds only: when a browser test has put a fixture on the page (window.__MISHUKIN_FIXTURE__, through
// Playwright's addInitScript), the pane gets the in-memory workbook instead of Excel. The test drives it
// through window.mishukinTestAdapter (edit, selections, applied).
import { Grid, type GridCell, type MergedArea } from '../../src/core/grid';
import { memoryWorkbook, type MemoryWorkbookOptions } from '../doubles/memoryWorkbook';

export interface Fixture {
  sheets: { name: string; cells: GridCell[]; merges?: MergedArea[] }[];
  active: string | null;
  options?: MemoryWorkbookOptions;
}

const fixture = (window as { __MISHUKIN_FIXTURE__?: Fixture }).__MISHUKIN_FIXTURE__;
if (fixture) {
  window.mishukinTestAdapter = memoryWorkbook(
    fixture.sheets.map((s) => new Grid(s.name, s.cells, s.merges)),
    fixture.active,
    fixture.options,
  );
}
