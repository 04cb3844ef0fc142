import { fluent } from '../FormTools/fluentKit';
import type { PlanRow, PlanRowsState } from './PlanRows.types';

const { Chip, Button } = fluent;

function renderRow(state: PlanRowsState, r: PlanRow) {
  const { classes: c } = state;
  const on = r.ticked !== false;
  const onTick = state.onTick;
  return (
    <li key={r.address} className={on ? c.row : c.rowOff} data-address={r.address} data-changes={r.changesShownValue || undefined}>
      {onTick && (
        <input
          type="checkbox"
          className={c.tick}
          checked={on}
          disabled={state.disabled}
          aria-label={`${r.place} ${r.address} に書き込む`}
          onChange={(e) => onTick([r.address], e.target.checked)}
        />
      )}
      <div className={c.body}>
        <div className={c.head}>
          <span className={c.place}>{r.place}</span>
          <span className={c.address}>{r.address}</span>
          {/* Only where restoring a formula changes a number the user sees; every rating write changes its cell. */}
          {state.grouped && r.changesShownValue && on && (
            <Chip appearance="tint" color="warning" size="small">
              表示が変わります
            </Chip>
          )}
        </div>
        <div className={c.change}>
          <span className={c.label}>いま</span>
          {r.now}
          {on ? (
            <>
              {' → '}
              {r.formula !== null && (
                <>
                  <code className={c.formula}>{r.formula}</code>
                  {' → '}
                </>
              )}
              <span className={c.result}>{r.result}</span>
            </>
          ) : (
            '(このまま)'
          )}
        </div>
        {on && <div className={c.reason}>{r.reason}</div>}
      </div>
    </li>
  );
}

export function renderPlanRows(state: PlanRowsState) {
  const { classes: c } = state;
  return (
    <div className={c.root}>
      {state.groups.map((g) => {
        const allOn = g.rows.every((r) => r.ticked !== false);
        return (
          <section key={g.id} className={c.group} aria-label={g.title || '書き込むセル'}>
            {g.title && (
              <div className={c.groupHead}>
                <h4 className={c.groupTitle}>{g.title}</h4>
                {state.onTick && g.rows.length > 1 && (
                  <Button
                    size="small"
                    appearance="subtle"
                    disabled={state.disabled}
                    onClick={() => state.onTick!(g.rows.map((r) => r.address), !allOn)}
                  >
                    {allOn ? 'すべて外す' : 'すべて選ぶ'}
                  </Button>
                )}
              </div>
            )}
            {g.folded ? (
              <Button size="small" className={c.unfold} onClick={() => state.onUnfold(g.id)}>
                {g.rows.length} 個のセルを表示
              </Button>
            ) : (
              <ul className={c.list}>{g.rows.map((r) => renderRow(state, r))}</ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
