import { tokens } from '../FormTools/fluentKit';
import { makeStaticStyles } from '../../styles/staticStyles';
import type { WriteBarState } from './WriteBar.types';


const useStyles = makeStaticStyles('WriteBar', {
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  undoNote: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
});

export function useWriteBarStyles(state: Omit<WriteBarState, 'classes'>): WriteBarState {
  return { ...state, classes: useStyles() };
}
