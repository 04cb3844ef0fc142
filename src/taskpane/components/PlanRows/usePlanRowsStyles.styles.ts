import { tokens } from '../FormTools/fluentKit';
import { makeStaticStyles, joinClasses } from '../../styles/staticStyles';
import { TICK_ROW } from '../FormTools/toolStyles';
import type { PlanRowsState } from './PlanRows.types';


const useStyles = makeStaticStyles('PlanRows', {
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  groupHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  unfold: { alignSelf: 'flex-start' },
  groupTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  ...TICK_ROW,
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, flexGrow: 1 },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  place: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  address: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyMonospace },
  change: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginRight: tokens.spacingHorizontalXXS },
  formula: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  result: { fontWeight: tokens.fontWeightSemibold },
  reason: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export function usePlanRowsStyles(state: Omit<PlanRowsState, 'classes'>): PlanRowsState {
  const s = useStyles();
  return { ...state, classes: { ...s, rowOff: joinClasses(s.row, s.rowOff) } };
}
