import { makeStyles, tokens } from '@fluentui/react-components';
import type { ExcelPaneState } from './ExcelPane.types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  // Holds its line so the list does not jump when the spinner comes and goes.
  busy: { minHeight: '16px', marginTop: `calc(-1 * ${tokens.spacingVerticalS})`, marginBottom: `calc(-1 * ${tokens.spacingVerticalS})` },
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  loading: { padding: tokens.spacingVerticalM },
});

export function useExcelPaneStyles(state: Omit<ExcelPaneState, 'classes'>): ExcelPaneState {
  return { ...state, classes: useStyles() };
}
