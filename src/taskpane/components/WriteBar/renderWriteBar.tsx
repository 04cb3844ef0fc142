import { fluent } from '../FormTools/fluentKit';
import { renderNote, renderProblem } from '../FormTools/renderNote';
import type { WriteBarState } from './WriteBar.types';

const { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } = fluent;

export function renderWriteBar(state: WriteBarState) {
  const { classes: c, write } = state;
  if (!state.canWrite) return renderNote(state.readOnlyNote);
  return (
    <div className={c.root}>
      {write.problem && renderProblem('書き込みませんでした', write.problem)}
      {write.notice && !state.busy && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>{write.notice}</MessageBarBody>
          {write.canUndo && (
            <MessageBarActions>
              <Button onClick={state.onUndo}>元に戻す</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {state.count > 0 && state.undoNote && (
        <p className={c.undoNote} data-testid="undo-note">
          取り消し方: {state.undoNote}
        </p>
      )}
      <div className={c.buttons}>
        {state.count > 0 && (
          <Button appearance="primary" onClick={state.onWrite} disabled={state.busy !== null}>
            書き込む({state.count} 個のセル)
          </Button>
        )}
        {state.onCancel && (
          <Button onClick={state.onCancel} disabled={state.busy !== null}>
            やめる
          </Button>
        )}
        {state.busy && <Spinner size="extra-tiny" labelPosition="after" label={state.busy} />}
      </div>
    </div>
  );
}
