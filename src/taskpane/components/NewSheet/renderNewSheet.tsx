import { fluent } from '../FormTools/fluentKit';
import { UNDO_WARNING } from '../../model/newSheetSession';
import type { NewSheetState } from './NewSheet.types';

const { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } = fluent;
const FILE_MODE = 'ファイルで開いているため、表示だけです。シートを追加するには、ブックを Excel で開いてください(コマンドなら mishukin new / rollover)。';

export function renderNewSheet(state: NewSheetState) {
  const { classes: c, preview: p } = state;
  const [problemHead, ...problemList] = (p.problem ?? '').split('\n');
  return (
    <div className={c.root}>
      {state.command === 'newForm' && (
        <label className={c.field}>
          報告する年度(2. の D 行「実績」の年度。令和2・R2・2020 など)
          <input className={c.input} value={state.yearText} onChange={(e) => state.onYear(e.target.value)} aria-label="報告する年度" />
        </label>
      )}
      <label className={c.check}>
        <input type="checkbox" checked={state.protect} onChange={(e) => state.onProtect(e.target.checked)} />
        計算欄をロックする(シートの保護、パスワードなし)
      </label>
      {p.problem && (
        <MessageBar intent={p.forceable ? 'warning' : 'error'} layout="multiline">
          <MessageBarBody>
            {problemHead}
            {problemList.length > 0 && (
              <ul className={c.list}>
                {problemList.map((l) => (
                  <li key={l}>{l.replace(/^・/, '')}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {(p.forceable || state.force) && (
        <label className={c.check}>
          <input type="checkbox" checked={state.force} onChange={(e) => state.onForce(e.target.checked)} />
          エラーがあってもそのまま繰り越す
        </label>
      )}
      {p.plan && (
        <section className={c.preview} aria-label="追加するシート">
          <h3 className={c.previewTitle}>{p.plan.title}</h3>
          <span>追加するシート: 「{p.plan.sheet}」</span>
          {p.plan.carried.length > 0 && (
            <ul className={c.list}>
              {p.plan.carried.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
          {[p.note, ...p.plan.notes].filter((n): n is string => !!n).map((n) => (
            <span key={n}>{n}</span>
          ))}
        </section>
      )}
      {p.plan && state.writer && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>元に戻せなくなります</MessageBarTitle>
            {UNDO_WARNING}
          </MessageBarBody>
        </MessageBar>
      )}
      {!state.writer && <span>{FILE_MODE}</span>}
      <div className={c.actions}>
        <Button appearance="primary" disabled={!p.plan || !state.writer || state.status.kind === 'adding'} onClick={state.onAdd}>
          シートを追加
        </Button>
        {state.status.kind === 'adding' && <Spinner size="extra-tiny" label="追加しています…" labelPosition="after" />}
      </div>
      {state.status.text && (
        <MessageBar intent={state.status.kind === 'failed' ? 'error' : 'success'} layout="multiline">
          <MessageBarBody>{state.status.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
