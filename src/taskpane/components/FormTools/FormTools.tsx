// Loaded on demand (React.lazy): the tools and the core's plans they use stay out of the pane's initial script.
import type { FormToolsProps } from './FormTools.types';
import { renderFormTools } from './renderFormTools';
import { useFormTools } from './useFormTools';
import { useFormToolsStyles } from './useFormToolsStyles.styles';

/** One tool on the selected form, framed with its title and 閉じる. */
export function FormTools(props: FormToolsProps) {
  return renderFormTools(useFormToolsStyles(useFormTools(props)));
}

export default FormTools;
