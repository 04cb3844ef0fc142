// The pane's entry: inside Excel it checks the open workbook; elsewhere it offers the file mode, saying first why
// where office.js did not load or Office did not become ready (never a blank page).
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { detectHost, type OfficeHost } from '../adapters/excel/officeHost';
import { createOfficeAdapter } from '../adapters/excel/officeAdapter';
import type { WorkbookAdapter } from '../adapters/excel/workbookAdapter';
import { ExcelPane } from './components/ExcelPane/ExcelPane';
import { LazyFilePane } from './components/FilePane/lazyFilePane';
import { LIVE_QUIET_MS, PaneSession } from './model/paneSession';
import { hostNotice } from './model/hostNotice';

// Japanese text needs Japanese UI fonts ahead of Fluent's Latin ones.
const theme: Theme = {
  ...webLightTheme,
  fontFamilyBase: '"Segoe UI", "Yu Gothic UI", "Meiryo UI", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", sans-serif',
};

async function start(): Promise<void> {
  const host: OfficeHost = await detectHost();
  const testAdapter = __TEST_BUILD__ ? window.mishukinTestAdapter : undefined;
  const adapter: WorkbookAdapter | null =
    testAdapter ?? (host.kind === 'excel' ? createOfficeAdapter({ platform: host.platform }) : null);
  const pane = adapter ? (
    <ExcelPane session={new PaneSession(adapter, { quietMs: LIVE_QUIET_MS })} />
  ) : (
    <Suspense fallback={<p id="boot">読み込んでいます…</p>}>
      <LazyFilePane notice={hostNotice(host)} />
    </Suspense>
  );
  createRoot(document.getElementById('root')!).render(<FluentProvider theme={theme}>{pane}</FluentProvider>);
}

void start();
