import type { PlanRowsProps } from './PlanRows.types';
import { renderPlanRows } from './renderPlanRows';
import { usePlanRows } from './usePlanRows';
import { usePlanRowsStyles } from './usePlanRowsStyles.styles';

/** The cells a write plan changes: where, what they hold now, the formula or value written and what it shows. */
export function PlanRows(props: PlanRowsProps) {
  return renderPlanRows(usePlanRowsStyles(usePlanRows(props)));
}
