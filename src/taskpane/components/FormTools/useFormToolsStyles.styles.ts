import { tokens } from './fluentKit';
import { makeStaticStyles } from '../../styles/staticStyles';
import type { FormToolsState } from './FormTools.types';


const useStyles = makeStaticStyles('FormTools', {
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export function useFormToolsStyles(state: Omit<FormToolsState, 'classes'>): FormToolsState {
  return { ...state, classes: useStyles() };
}
