import { useState } from 'react';
import type { PlanRowsGroup, PlanRowsProps, PlanRowsState } from './PlanRows.types';

/** More cells than this whose shown value stays are folded (a values-only form has a hundred). */
const FOLD_AFTER = 6;

export function usePlanRows(props: PlanRowsProps): Omit<PlanRowsState, 'classes'> {
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(new Set());
  const { rows } = props;
  let groups: PlanRowsGroup[];
  if (!props.grouped) groups = [{ id: 'changing', title: '', rows, folded: false }];
  else {
    const changing = rows.filter((r) => r.changesShownValue);
    const quiet = rows.filter((r) => !r.changesShownValue);
    groups = [
      { id: 'changing' as const, title: `表示される数値が変わるセル(${changing.length} 個)`, rows: changing, folded: false },
      {
        id: 'quiet' as const,
        title: `数式になるだけで表示は変わらないセル(${quiet.length} 個)`,
        rows: quiet,
        folded: quiet.length > FOLD_AFTER && !unfolded.has('quiet'),
      },
    ].filter((g) => g.rows.length > 0);
  }
  return { ...props, groups, onUnfold: (id) => setUnfolded((old) => new Set([...old, id])) };
}
