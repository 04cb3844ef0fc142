import type { FormHost } from '../../model/formHost';

export type ToolKind = 'formulas' | 'guide';

export interface FormToolsProps {
  kind: ToolKind;
  title: string;
  host: FormHost;
  onClose: () => void;
}

export interface FormToolsState extends FormToolsProps {
  classes: { root: string; head: string; title: string };
}
