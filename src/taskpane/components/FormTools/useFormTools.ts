import type { FormToolsProps, FormToolsState } from './FormTools.types';

export function useFormTools(props: FormToolsProps): Omit<FormToolsState, 'classes'> {
  return props;
}
