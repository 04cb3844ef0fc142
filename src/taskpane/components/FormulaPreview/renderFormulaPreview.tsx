import { fluent } from '../FormTools/fluentKit';
import { renderNote } from '../FormTools/renderNote';
import { PlanRows } from '../PlanRows/PlanRows';
import { WriteBar } from '../WriteBar/WriteBar';
import { isBusy } from '../../model/writeSession';
import type { FormulaPreviewState } from './FormulaPreview.types';

const { MessageBar, MessageBarBody, MessageBarTitle, Toggle } = fluent;

const READ_ONLY =
  'ファイルで開いているため、表示だけです。数式を書き込むには、このブックを Excel で開き、作業ウィンドウの「数式を入れる」から書き込んでください。';

export function renderFormulaPreview(state: FormulaPreviewState) {
  const { classes: c, s } = state;
  if (s.unavailable) return renderNote(s.unavailable);
  const busy = isBusy(s.write);
  return (
    <div className={c.root}>
      <p className={c.summary} role="status">
        {s.summary}
      </p>
      <Toggle
        checked={s.variant === 'addin'}
        disabled={busy}
        onChange={state.onVariant}
        label="MISHUKIN 関数を使う数式にする(アドインのない提出先では #NAME? になります)"
      />
      {s.caveats.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>注意</MessageBarTitle>
            <ul className={c.caveats}>
              {s.caveats.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {s.rows.length > 0 && <PlanRows rows={s.rows} grouped onTick={state.onTick} disabled={busy} />}
      {s.effects.length > 0 && (
        <section className={c.effects} aria-label="連動して表示が変わるセル">
          <span className={c.effectLabel}>連動して表示が変わるセル(数式はそのまま)</span>
          <ul className={c.effectList}>
            {s.effects.map((e) => (
              <li key={e.address}>
                {e.address} {e.label}: {e.before} → {e.after}
              </li>
            ))}
          </ul>
        </section>
      )}
      <WriteBar
        write={s.write}
        canWrite={s.canWrite}
        readOnlyNote={READ_ONLY}
        undoNote={s.undoNote}
        count={s.plan?.writes.length ?? 0}
        onWrite={state.onWrite}
        onUndo={state.onUndo}
      />
    </div>
  );
}
