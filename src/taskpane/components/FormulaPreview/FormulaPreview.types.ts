import type { FormHost } from '../../model/formHost';
import type { FormulaState } from '../../model/formulaSession';

export interface FormulaPreviewProps {
  host: FormHost;
}

export interface FormulaPreviewState {
  s: FormulaState;
  onVariant: (addin: boolean) => void;
  onTick: (addresses: string[], ticked: boolean) => void;
  onWrite: () => void;
  onUndo: () => void;
  classes: { root: string; summary: string; effects: string; effectList: string; effectLabel: string; caveats: string };
}
