import { makeStaticStyles } from '../../styles/staticStyles';
import type { FormToolsState } from './FormTools.types';
import { TOOL_FRAME } from './toolStyles';

const useStyles = makeStaticStyles('FormTools', TOOL_FRAME);

export function useFormToolsStyles(state: Omit<FormToolsState, 'classes'>): FormToolsState {
  return { ...state, classes: useStyles() };
}
