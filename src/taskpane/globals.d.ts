/** True only in the browser tests' build, which lets a test hand the pane a WorkbookAdapter double. */
declare const __TEST_BUILD__: boolean;

interface Window {
  mishukinTestAdapter?: import('../adapters/excel/workbookAdapter').WorkbookAdapter;
}
