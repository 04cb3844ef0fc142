import { Suspense } from 'react';
import { fluent } from '../FormTools/fluentKit';
import { renderProblem } from '../FormTools/renderNote';
import type { PresentedForm } from '../../model/present';
import type { CheckedFile, FilePaneState } from './FilePane.types';
import { fileKit } from './fileKit';

const { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } = fluent;
const { FormReport, LazyFormTools, TOOL_TITLE, hiddenSheetNote } = fileKit;

function renderForm(state: FilePaneState, file: CheckedFile, form: PresentedForm, i: number) {
  const { classes: c } = state;
  const at = `${file.key}/${form.summary.id}`;
  const open = state.tool?.at === at ? state.tool.kind : null;
  return (
    <div key={form.summary.id} className={c.form}>
      {file.forms.length > 1 && (
        <h3 className={c.formTitle}>
          様式 {i + 1}/{file.forms.length}: シート「{form.summary.sheet}」
        </h3>
      )}
      <div className={c.tools}>
        {(['formulas', 'guide'] as const).map((t) => (
          <Button key={t} size="small" aria-expanded={open === t} onClick={() => state.onTool(at, t)}>
            {TOOL_TITLE[t]}
          </Button>
        ))}
      </div>
      {open && (
        <Suspense fallback={<Spinner size="tiny" labelPosition="after" label="読み込んでいます…" />}>
          <LazyFormTools key={`${at}:${open}`} kind={open} title={TOOL_TITLE[open]} host={file.hosts[i]!} onClose={() => state.onTool(at, null)} />
        </Suspense>
      )}
      <FormReport
        summary={form.summary}
        report={form.report}
        onFinding={(f) => state.onFinding(file, f)}
        selectedFindingId={state.selectedFindingId?.startsWith(`${file.key}/`) ? state.selectedFindingId.slice(file.key.length + 1) : null}
        describeCell={file.describeCell}
      />
    </div>
  );
}

export function renderFilePane(state: FilePaneState) {
  const { classes: c } = state;
  return (
    <main className={c.root}>
      <h1 className={c.title}>未収金調査書アシスタント(ファイルで点検)</h1>
      {state.notice && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{state.notice.title}</MessageBarTitle>
            {state.notice.text}
          </MessageBarBody>
        </MessageBar>
      )}
      <p className={c.intro}>
        Excel の外で開いています。調査書の .xlsx ファイルを選ぶか、下の枠にドロップすると、このパソコンの中だけで読み取って点検します。
        ファイルの内容はどこにも送信されません。Excel の中で使う方法は<a href="help.html">使い方</a>をご覧ください。
      </p>
      <div
        className={state.dragging ? c.dropActive : c.drop}
        onDragOver={state.onDragOver}
        onDragLeave={state.onDragLeave}
        onDrop={state.onDrop}
        data-testid="drop-zone"
      >
        <span>ここに .xlsx ファイルをドロップ(複数可)</span>
        <Button appearance="primary" onClick={state.onChoose}>
          ファイルを選ぶ
        </Button>
        <input
          ref={state.inputRef}
          className={c.hidden}
          type="file"
          accept=".xlsx,.xlsm"
          multiple
          aria-label="点検する .xlsx ファイル"
          onChange={(e) => {
            state.onFiles(e.target.files);
            e.target.value = '';
          }}
        />
      </div>

      {state.files.map((file) => (
        <section key={file.key} className={c.file} aria-label={file.name}>
          <h2 className={c.fileName}>{file.name}</h2>
          {file.status === 'reading' && <Spinner size="tiny" labelPosition="after" label="読み取って点検しています…" />}
          {file.error && renderProblem('読み込めませんでした', file.error)}
          {file.hiddenSheets.length > 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>非表示のシートは点検していません</MessageBarTitle>
                {file.hiddenSheets.map((h) => hiddenSheetNote(h, 'file')).join(' ')}
              </MessageBarBody>
            </MessageBar>
          )}
          {file.status === 'done' && file.forms.length === 0 && file.hiddenSheets.length === 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>調査書の様式が見つかりませんでした</MessageBarTitle>
                表題「未収金目標及び具体取組内容調査書」(旧様式は「未収債権の目標及び具体処理策」)のあるシートを探しました。
              </MessageBarBody>
            </MessageBar>
          )}
          {file.forms.map((form, i) => renderForm(state, file, form, i))}
          {file.notForms.length > 0 && file.forms.length > 0 && (
            <p className={c.intro}>
              様式として認識されなかったシート: {file.notForms.map((n) => `「${n.sheet}」`).join('、')}
            </p>
          )}
        </section>
      ))}
    </main>
  );
}
