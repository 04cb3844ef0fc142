import { fluent } from '../FormTools/fluentKit';
import { renderNote, renderProblem } from '../FormTools/renderNote';
import { SHEET_WORDS, type SheetItem } from '../../model/sheetCommandSession';
import type { SheetCommandsState } from './SheetCommands.types';

const { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Toggle } = fluent;

const YEAR_LABEL = '報告する年度 N(2. の D 行「N 実績」の年度。令和2年度の調査なら令和元)';
const YEAR_HINT = '令和7・令7・R7・平成30年度・H30・2025 などの書き方で入力できます。';

function renderItem(state: SheetCommandsState, item: SheetItem, only: boolean) {
  const { classes: c, s } = state;
  const busy = s.stage === 'adding';
  const plan = item.plan;
  const [why, ...errors] = item.refusal ?? [];
  return (
    <li key={item.id} className={item.ticked ? c.row : c.rowOff} data-item={item.id}>
      {state.command === 'rollover' && (
        <input
          type="checkbox"
          className={c.tick}
          checked={item.ticked}
          disabled={busy || !plan}
          aria-label={`${item.source} から繰り越す`}
          onChange={(e) => state.onTick(item.id, e.target.checked)}
        />
      )}
      <div className={c.body}>
        <span className={c.source}>{item.source ?? plan?.title}</span>
        {plan && (
          <>
            <span className={c.sheet}>
              {item.ticked ? '追加するシート' : '追加しません'}: 「{plan.sheet}」
            </span>
            {item.source !== null && (
              <details className={c.details} open={only}>
                <summary>引き継ぐもの</summary>
                <ul className={c.list}>
                  <li>{plan.title}</li>
                  {plan.carried.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </details>
            )}
            {plan.notes.map((n) => (
              <p key={n} className={c.note}>
                {n}
              </p>
            ))}
          </>
        )}
        {why && (
          <MessageBar intent={item.forceable ? 'warning' : 'info'} layout="multiline">
            <MessageBarBody>
              {why}
              {errors.length > 0 && (
                <ul className={c.list}>
                  {errors.map((e) => (
                    <li key={e}>{e.replace(/^・/, '')}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </li>
  );
}

function renderPreview(state: SheetCommandsState) {
  const { classes: c, s } = state;
  const busy = s.stage === 'adding';
  return (
    <>
      {state.command === 'newForm' ? (
        <label className={c.field}>
          <span className={c.fieldLabel}>{YEAR_LABEL}</span>
          <input className={c.input} value={s.year.text} disabled={busy} onChange={(e) => state.onYear(e.target.value)} />
          <span className={c.hint}>{YEAR_HINT}</span>
        </label>
      ) : (
        s.summary && (
          <p className={c.summary} role="status">
            {s.summary}
          </p>
        )
      )}
      {s.year.problem && state.command === 'newForm' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{s.year.problem}</MessageBarBody>
        </MessageBar>
      )}
      {s.year.note && state.command === 'newForm' && <p className={c.hint}>{s.year.note}</p>}
      {s.withErrors > 0 && (
        <Toggle
          checked={s.force}
          disabled={busy}
          onChange={state.onForce}
          label={`エラーがあっても繰り越す(エラーのある ${s.withErrors} 件も、誤りごと翌年度に引き継ぎます)`}
        />
      )}
      <Toggle checked={s.protect} disabled={busy} onChange={state.onProtect} label="計算欄をロックする(シートの保護、パスワードなし)" />
      {s.items.length > 0 && (
        <ul className={c.items} aria-label="追加するシート">
          {s.items.map((item) => renderItem(state, item, s.items.length === 1))}
        </ul>
      )}
    </>
  );
}

export function renderSheetCommands(state: SheetCommandsState) {
  const { classes: c, s } = state;
  const busy = s.stage === 'adding';
  const names = s.added.map((a) => a.name);
  const skipped = [...new Set(s.added.flatMap((a) => a.skipped))];
  return (
    <section className={c.root} aria-label={state.title}>
      <div className={c.head}>
        <h2 className={c.title}>{state.title}</h2>
        <Button size="small" appearance="subtle" onClick={state.onClose} disabled={busy}>
          閉じる
        </Button>
      </div>
      {s.unavailable ? (
        renderNote(s.unavailable)
      ) : (
        <>
          {s.stage === 'added' ? (
            names.length > 0 && (
              <MessageBar intent="success" layout="multiline" role="status">
                <MessageBarBody>{SHEET_WORDS.added(names)}</MessageBarBody>
              </MessageBar>
            )
          ) : (
            renderPreview(state)
          )}
          {s.problem && renderProblem('追加できませんでした', s.problem)}
          {(s.stage === 'added' ? skipped : s.lacking).length > 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>この Excel で設定できないもの</MessageBarTitle>
                <ul className={c.list}>
                  {(s.stage === 'added' ? skipped : s.lacking).map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <MessageBar intent={s.undo.effect === 'kept' ? 'info' : 'warning'} layout="multiline" data-testid="sheet-undo-note">
            <MessageBarBody>
              <MessageBarTitle>元に戻す(Ctrl+Z)について</MessageBarTitle>
              {s.undo.text}
            </MessageBarBody>
          </MessageBar>
          <div className={c.buttons}>
            {s.stage === 'added' ? (
              <Button onClick={state.onAgain}>続けて作る</Button>
            ) : (
              <>
                <Button appearance="primary" onClick={state.onAdd} disabled={busy || s.count === 0}>
                  シートを追加({s.count} 枚)
                </Button>
                <Button onClick={state.onClose} disabled={busy}>
                  やめる
                </Button>
              </>
            )}
            {busy && <Spinner size="extra-tiny" labelPosition="after" label="シートを追加しています…" />}
          </div>
        </>
      )}
    </section>
  );
}
