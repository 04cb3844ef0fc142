import { fluent } from '../FormTools/fluentKit';
import { renderNote } from '../FormTools/renderNote';
import { QUESTION_JA, type GuideColumnView } from '../../model/ratingGuideSession';
import { isBusy } from '../../model/writeSession';
import { PlanRows } from '../PlanRows/PlanRows';
import { WriteBar } from '../WriteBar/WriteBar';
import type { RatingGuideState } from './RatingGuide.types';

const { Chip, Button, MessageBar, MessageBarBody, MessageBarTitle } = fluent;
const READ_ONLY =
  'ファイルで開いているため、表示だけです。評価を入力するには、このブックを Excel で開き、作業ウィンドウの「評価ガイド」から入力してください。';

function renderColumn(state: RatingGuideState, col: GuideColumnView) {
  const { classes: c } = state;
  return (
    <section key={col.column} className={c.card} aria-label={`${col.label}の評価`} data-column={col.column}>
      <div className={c.cardHead}>
        <h4 className={c.cardTitle}>{col.label}</h4>
        {col.code ? (
          <Chip appearance="filled" color="brand">
            評価 {col.code}
          </Chip>
        ) : col.undecidable ? (
          <Chip appearance="outline" color="informative">
            判断できません
          </Chip>
        ) : (
          <Chip appearance="outline" color="warning">
            回答が必要です
          </Chip>
        )}
      </div>
      <ul className={c.reasons}>
        {col.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {col.questions.map((q) => (
        <div key={q} className={c.question}>
          <span className={c.questionText}>{QUESTION_JA[q]}</span>
          <div role="radiogroup" aria-label={`${col.label}: ${QUESTION_JA[q]}`} className={c.choices}>
            {([true, false] as const).map((yes) => (
              <label key={String(yes)} className={c.choice}>
                <input
                  type="radio"
                  className={c.radio}
                  name={state.groupName(col.column, q)}
                  checked={col.answers[q] === yes}
                  onChange={() => state.onAnswer(col.column, q, yes)}
                />
                {yes ? 'はい' : 'いいえ'}
              </label>
            ))}
          </div>
        </div>
      ))}
      {col.undecidable && <span className={c.decided}>この列は入力しません。</span>}
    </section>
  );
}

export function renderRatingGuide(state: RatingGuideState) {
  const { classes: c, s } = state;
  if (s.unavailable) return renderNote(s.unavailable);
  if (s.older.length) {
    return (
      <div className={c.root}>
        <p className={c.summary}>旧様式の評価(A・B・C1・C2)を達成率から示します。旧様式では表示だけで、入力はしません。</p>
        <div className={c.cards}>
          {s.older.map((o) => (
            <section key={o.label} className={c.card} aria-label={o.label}>
              <div className={c.cardHead}>
                <h4 className={c.cardTitle}>{o.label}</h4>
                <Chip appearance="outline" color="brand">{o.proposed}</Chip>
              </div>
              <span className={c.decided}>いまの記入: {o.printed ?? '空欄'}</span>
              <ul className={c.reasons}>
                {o.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </div>
    );
  }
  const busy = isBusy(s.write);
  return (
    <div className={c.root}>
      <div>
        <table className={c.table} aria-label="1. 達成状況: 修正目標と実績の未収金残高">
          <thead>
            <tr>
              <td />
              {s.columns.map((col) => (
                <th key={col.column} scope="col" className={c.th}>
                  {col.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {state.table.map((row) => (
              <tr key={row.label}>
                <th scope="row" className={c.rowHead}>
                  {row.label}
                </th>
                {row.cells.map((text, i) => (
                  <td key={i} className={row.strong ? c.tdStrong : c.td}>
                    {text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className={c.unit}>金額の単位: 千円(未収金残高 ケ・ケ'・ケ'')</p>
      </div>

      {s.refused && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>この評価は入力できません</MessageBarTitle>
            {s.refused} 数値が変わったため、質問にもう一度答えてください。
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={c.cards}>{s.columns.map((col) => renderColumn(state, col))}</div>

      {s.canWrite && !s.preview && (
        <div className={c.start}>
          <Button appearance="primary" disabled={!s.decided || busy} onClick={state.onPreview}>
            この評価を入力
          </Button>
          {!s.decided && <p className={c.summary}>すべての列の評価が決まると入力できます(上の質問に答えてください)。</p>}
        </div>
      )}

      {s.preview && (
        <section className={c.root} aria-label="入力する評価">
          <p className={c.summary} role="status">
            {s.previewSummary}
          </p>
          <PlanRows rows={s.preview} />
        </section>
      )}

      <WriteBar
        write={s.write}
        canWrite={s.canWrite}
        readOnlyNote={READ_ONLY}
        undoNote={s.undoNote}
        count={s.preview?.length ?? 0}
        onWrite={state.onWrite}
        onUndo={state.onUndo}
        onCancel={s.preview ? state.onCancel : undefined}
      />

      {s.followUps.length > 0 && (
        <section className={c.followUps} aria-label="B1・B2 に必要な記入">
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>課題と改善策を記入してください</MessageBarTitle>
              評価が B1・B2 の列には、4. 取組内容の検証などの課題と改善策が必要です。下のリンクでそのセルを選択します。
            </MessageBarBody>
          </MessageBar>
          <ul className={c.followUpList}>
            {s.followUps.map((f) => (
              <li key={f.cell.address}>
                <button type="button" className={c.link} onClick={() => state.onSelect(f.cell)}>
                  {f.message}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
