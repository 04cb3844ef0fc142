import { Button } from '@fluentui/react-components';
import { Chip } from '../Chip/Chip';
import type { KeyboardEvent } from 'react';
import type { PresentedFinding } from '../../model/present';
import type { FormReportState } from './FormReport.types';

const BADGE_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function renderFormReport(state: FormReportState) {
  const { classes: c, report } = state;
  const activate = (f: PresentedFinding) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      state.onFinding(f);
    }
  };
  return (
    <section className={c.root} aria-label="様式と点検結果">
      <dl className={c.header}>
        {state.headerRows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt className={c.headerLabel}>{label}</dt>
            <dd className={c.headerValue}>{value}</dd>
          </div>
        ))}
      </dl>
      {report && (
        <>
          <div className={c.counts} role="status" aria-label="点検結果の件数">
            {report.groups.map((g) => (
              <Chip key={g.severity} appearance={g.findings.length > 0 ? 'filled' : 'outline'} color={BADGE_COLOR[g.severity]}>
                {g.label} {g.findings.length} 件
              </Chip>
            ))}
          </div>
          {report.groups.every((g) => g.findings.length === 0) && (
            <div className={c.empty}>指摘はありません。</div>
          )}
          {report.groups
            .filter((g) => g.findings.length > 0)
            .map((g) => (
              <section key={g.severity} className={c.group} aria-label={`${g.label} ${g.findings.length} 件`}>
                <h3 className={c.groupTitle}>
                  {g.label}({g.findings.length} 件)
                </h3>
                <ul className={c.list}>
                  {g.findings.map((f) => {
                    const selected = state.selectedFindingId === f.id;
                    return (
                      <li
                        key={f.id}
                        className={selected ? c.itemSelected : c.item}
                        data-rule={f.rule}
                        tabIndex={0}
                        role="button"
                        aria-pressed={selected}
                        onClick={() => state.onFinding(f)}
                        onKeyDown={activate(f)}
                      >
                        <div className={c.itemHead}>
                          <Chip appearance="tint" color={BADGE_COLOR[f.severity]} size="small">
                            {f.rule}
                          </Chip>
                          {f.place && <span className={c.place}>{f.place}</span>}
                        </div>
                        <div className={c.message}>{f.message}</div>
                        {f.cells.length > 0 && (
                          <div className={c.cells}>
                            <span className={c.cellLabel}>セル:</span>
                            {f.cells.map((cell) => {
                              const label = cell.sheet === state.summary.sheet ? cell.address : `${cell.sheet}!${cell.address}`;
                              const onCell = state.onCell;
                              return onCell ? (
                                <Button
                                  key={`${cell.sheet}!${cell.address}`}
                                  size="small"
                                  appearance="subtle"
                                  className={c.cellButton}
                                  title={`シート「${cell.sheet}」の ${cell.address} を選択`}
                                  onClick={(e) => {
                                    e.stopPropagation();
                                    onCell(cell);
                                  }}
                                >
                                  {label}
                                </Button>
                              ) : (
                                <span key={`${cell.sheet}!${cell.address}`} className={c.cellLabel}>
                                  {label}
                                </span>
                              );
                            })}
                          </div>
                        )}
                        {selected && state.describeCell && f.cells.length > 0 && (
                          <ul className={c.detail}>
                            {f.cells.map((cell) => (
                              <li key={`${cell.sheet}!${cell.address}`}>{state.describeCell!(cell)}</li>
                            ))}
                          </ul>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
        </>
      )}
    </section>
  );
}
