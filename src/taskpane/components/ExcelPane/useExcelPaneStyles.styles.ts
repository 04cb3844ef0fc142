import { tokens } from '@fluentui/react-components';
import { makeStaticStyles } from '../../styles/staticStyles';
import type { ExcelPaneState } from './ExcelPane.types';

const useStyles = makeStaticStyles('ExcelPane', {
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  // Holds its line so the list does not jump when the spinner comes and goes.
  busy: { minHeight: '16px', marginTop: `calc(-1 * ${tokens.spacingVerticalS})`, marginBottom: `calc(-1 * ${tokens.spacingVerticalS})` },
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  pickerLabel: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground1 },
  select: {
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
  loading: { padding: tokens.spacingVerticalM },
});

export function useExcelPaneStyles(state: Omit<ExcelPaneState, 'classes'>): ExcelPaneState {
  return { ...state, classes: useStyles() };
}
