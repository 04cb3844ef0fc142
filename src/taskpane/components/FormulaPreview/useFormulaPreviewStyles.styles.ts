import { tokens } from '../FormTools/fluentKit';
import { makeStaticStyles } from '../../styles/staticStyles';
import type { FormulaPreviewState } from './FormulaPreview.types';


const useStyles = makeStaticStyles('FormulaPreview', {
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  summary: { margin: 0, lineHeight: tokens.lineHeightBase300 },
  effects: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  effectList: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  effectLabel: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  caveats: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function useFormulaPreviewStyles(state: Omit<FormulaPreviewState, 'classes'>): FormulaPreviewState {
  return { ...state, classes: useStyles() };
}
