import { tokens } from '../FormTools/fluentKit';
import { TICK_ROW, TOOL_FRAME } from '../FormTools/toolStyles';
import { joinClasses, makeStaticStyles } from '../../styles/staticStyles';
import type { SheetCommandsState } from './SheetCommands.types';

const useStyles = makeStaticStyles('SheetCommands', {
  ...TOOL_FRAME,
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  fieldLabel: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // A native text box: Fluent's Input would be one more component handed over from the pane's first script.
  input: {
    maxWidth: '16em',
    height: '32px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  summary: { margin: 0, lineHeight: tokens.lineHeightBase300 },
  items: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  ...TICK_ROW,
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, flexGrow: 1 },
  source: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere' },
  sheet: { fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere' },
  details: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  list: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function useSheetCommandsStyles(state: Omit<SheetCommandsState, 'classes'>): SheetCommandsState {
  const s = useStyles();
  return { ...state, classes: { ...s, rowOff: joinClasses(s.row, s.rowOff) } };
}
