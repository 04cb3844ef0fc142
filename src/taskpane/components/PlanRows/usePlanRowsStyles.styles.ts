import { tokens } from '../FormTools/fluentKit';
import { makeStaticStyles, joinClasses } from '../../styles/staticStyles';
import type { PlanRowsState } from './PlanRows.types';


const useStyles = makeStaticStyles('PlanRows', {
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  groupHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  unfold: { alignSelf: 'flex-start' },
  groupTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // Left out of the write: the cell keeps what it holds.
  rowOff: { color: tokens.colorNeutralForeground3, backgroundColor: tokens.colorNeutralBackground2 },
  // A native tick box: Fluent's Checkbox would be one more component in the tools' chunk for a plain job.
  tick: { width: '16px', height: '16px', margin: '3px 4px 0 0', flexShrink: 0, accentColor: tokens.colorBrandBackground, cursor: 'pointer' },
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
