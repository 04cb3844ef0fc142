import type { PreviewRow } from '../../model/planView';

export type PlanRow = PreviewRow & { ticked?: boolean };

export interface PlanRowsProps {
  rows: PlanRow[];
  /** With it, each row has a tick box: unticked cells keep what they hold. */
  onTick?: (addresses: string[], ticked: boolean) => void;
  /** Rows grouped by whether a shown number changes (the formula preview); the rating preview lists them as they are. */
  grouped?: boolean;
  disabled?: boolean;
}

export interface PlanRowsGroup {
  id: 'changing' | 'quiet';
  title: string;
  rows: PlanRow[];
  /** Folded until asked for (a long list of cells whose shown value stays). */
  folded: boolean;
}

export interface PlanRowsState extends PlanRowsProps {
  groups: PlanRowsGroup[];
  onUnfold: (id: PlanRowsGroup['id']) => void;
  classes: {
    root: string;
    group: string;
    groupHead: string;
    groupTitle: string;
    unfold: string;
    list: string;
    row: string;
    rowOff: string;
    tick: string;
    body: string;
    head: string;
    place: string;
    address: string;
    change: string;
    label: string;
    formula: string;
    result: string;
    reason: string;
  };
}
