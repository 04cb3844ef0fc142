import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { Suspense } from 'react';
import { FormReport } from '../FormReport/FormReport';
import { Toggle } from '../Toggle/Toggle';
import { LazyFormTools, TOOL_TITLE } from '../FormTools/lazyFormTools';
import { hiddenSheetNote } from '../../model/present';
import type { ExcelPaneState } from './ExcelPane.types';
import { isSheetCommand, LazySheetCommands, SHEET_COMMAND_TITLE, SHEET_COMMANDS } from './lazySheetCommands';

export function renderExcelPane(state: ExcelPaneState) {
  const { classes: c, session: s, selected, tool } = state;
  const opening = s.busy === 'opening';
  // Once the workbook has been read: its sheet names are known, so a new sheet can be named.
  const read = s.revision > 0;
  const loading = <Spinner className={c.loading} size="tiny" labelPosition="after" label="読み込んでいます…" />;
  return (
    <main className={c.root}>
      <header className={c.bar}>
        <h1 className={c.title}>調査書チェック</h1>
      </header>

      {s.problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>うまくいきませんでした</MessageBarTitle>
            {s.problem}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={state.onRetry}>再試行</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {s.forms.length > 1 && (
        <div className={c.picker}>
          <label htmlFor="form-picker" className={c.pickerLabel}>
            様式({s.forms.length} 件見つかりました)
          </label>
          {/* The browser's own list: shown only for a book with several forms, Fluent's Select would weigh on every start. */}
          <select id="form-picker" className={c.select} value={s.selectedId ?? ''} onChange={(e) => state.onPickForm(e.target.value)}>
            {s.selectedId === null && <option value="">選んでください</option>}
            {s.forms.map((f) => (
              <option key={f.summary.id} value={f.summary.id}>
                {f.summary.sheet}({f.summary.anchor})
              </option>
            ))}
          </select>
        </div>
      )}

      {!opening && !s.problem && state.activeNotForm && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>このシートは調査書ではありません</MessageBarTitle>
            {state.activeNotForm.reason}
            {s.forms.length > 0
              ? ' 上の一覧からほかのシートの様式を選ぶか、調査書のシートを開いてください。'
              : ' 表題「未収金目標及び具体取組内容調査書」と、2. 未収金の推移(ア〜ケ列)などの見出しのあるシートを開いてください。'}
          </MessageBarBody>
        </MessageBar>
      )}

      {!opening && !s.problem && s.hiddenSheets.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>非表示のシートは点検していません</MessageBarTitle>
            {s.hiddenSheets.map((h) => hiddenSheetNote(h, 'excel')).join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}

      {!opening && !s.problem && s.forms.length === 0 && s.hiddenSheets.length === 0 && !state.activeNotForm && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>調査書が見つかりません</MessageBarTitle>
            このブックには、表題「未収金目標及び具体取組内容調査書」(旧様式は「未収債権の目標及び具体処理策」)のあるシートがありません。
          </MessageBarBody>
        </MessageBar>
      )}

      {(selected || read) && (
        <div className={c.actions}>
          {selected && (
            <Button appearance="primary" onClick={state.onCheck} disabled={s.busy === 'checking' || opening}>
              チェック
            </Button>
          )}
          {selected &&
            (['formulas', 'guide'] as const).map((t) => (
              <Button key={t} aria-expanded={tool === t} appearance={tool === t ? 'outline' : 'secondary'} onClick={() => state.onTool(t)}>
                {TOOL_TITLE[t]}
              </Button>
            ))}
          {read &&
            SHEET_COMMANDS.filter((t) => t === 'newForm' || s.forms.length > 0).map((t) => (
              <Button key={t} aria-expanded={tool === t} appearance={tool === t ? 'outline' : 'secondary'} disabled={opening} onClick={() => state.onTool(t)}>
                {SHEET_COMMAND_TITLE[t]}
              </Button>
            ))}
          {selected && <Toggle checked={s.live} onChange={state.onLive} label="入力に合わせて自動でチェック" />}
        </div>
      )}

      <div className={c.busy} aria-live="polite">
        {state.busyText && <Spinner size="extra-tiny" labelPosition="after" label={state.busyText} />}
      </div>

      {tool && isSheetCommand(tool) && (
        <Suspense fallback={loading}>
          <LazySheetCommands key={tool} command={tool} title={SHEET_COMMAND_TITLE[tool]} host={state.sheetHost} onClose={state.onCloseTool} />
        </Suspense>
      )}

      {selected && tool && !isSheetCommand(tool) && (
        <Suspense fallback={loading}>
          <LazyFormTools key={`${selected.summary.id}:${tool}`} kind={tool} title={TOOL_TITLE[tool]} host={state.host} onClose={state.onCloseTool} />
        </Suspense>
      )}

      {selected && (
        <FormReport
          summary={selected.summary}
          report={s.checked ? selected.report : undefined}
          onFinding={state.onFinding}
          onCell={state.onCell}
        />
      )}
    </main>
  );
}
