// The pane's entry: inside Excel it checks the open workbook; in a plain browser it offers the file mode.
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { isInExcel } from '../adapters/excel/officeHost';
import { createOfficeAdapter } from '../adapters/excel/officeAdapter';
import { ExcelPane } from './components/ExcelPane/ExcelPane';
import { FilePane } from './components/FilePane/FilePane';
import { LIVE_DEBOUNCE_MS, PaneSession } from './model/paneSession';

// Japanese text needs Japanese UI fonts ahead of Fluent's Latin ones.
const theme: Theme = {
  ...webLightTheme,
  fontFamilyBase: '"Segoe UI", "Yu Gothic UI", "Meiryo UI", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", sans-serif',
};

async function start(): Promise<void> {
  const testAdapter = __TEST_BUILD__ ? window.mishukinTestAdapter : undefined;
  const adapter = testAdapter ?? ((await isInExcel()) ? createOfficeAdapter() : null);
  const pane = adapter ? <ExcelPane session={new PaneSession(adapter, { debounceMs: LIVE_DEBOUNCE_MS })} /> : <FilePane />;
  createRoot(document.getElementById('root')!).render(<FluentProvider theme={theme}>{pane}</FluentProvider>);
}

void start();
