// The browser reader must refuse exactly what the Node reader refuses and read the same cells: every test of
// xlsxReader.test.ts runs again here with `readWorkbook` swapped for the browser's (DecompressionStream).
jest.mock('../../src/adapters/xlsx/readWorkbook', () => {
  const node = jest.requireActual('../../src/adapters/xlsx/readWorkbook');
  const browser = jest.requireActual('../../src/adapters/xlsx/readWorkbookBrowser');
  return { ...node, readWorkbook: browser.readWorkbookBytes };
});

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the suite must load after the mock above
require('./xlsxReader.test');
