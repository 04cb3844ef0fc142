import type { NotAForm } from '../../../core/findings';
import type { FormHost } from '../../model/formHost';
import type { ToolKind } from '../FormTools/FormTools.types';
import type { ExcelPaneState as SessionState, PaneSession } from '../../model/paneSession';
import type { SheetCommand, SheetCommandHost } from '../../model/sheetCommandSession';
import type { CellRef, PresentedFinding, PresentedForm } from '../../model/present';

export interface ExcelPaneProps {
  session: PaneSession;
}

export interface ExcelPaneState {
  session: SessionState;
  selected: PresentedForm | null;
  /** When the active worksheet is not a form: why, from the core. */
  activeNotForm: NotAForm | null;
  busyText: string | null;
  onCheck: () => void;
  onRetry: () => void;
  onLive: (on: boolean) => void;
  onPickForm: (id: string) => void;
  onFinding: (f: PresentedFinding) => void;
  onCell: (cell: CellRef) => void;
  /** The tool open: one on the selected form (数式を入れる, 評価ガイド) or a sheet command (新しい調査書, 翌年度へ繰り越し). */
  tool: ToolKind | SheetCommand | null;
  host: FormHost;
  sheetHost: SheetCommandHost;
  onTool: (tool: ToolKind | SheetCommand) => void;
  onCloseTool: () => void;
  classes: {
    root: string;
    bar: string;
    title: string;
    actions: string;
    busy: string;
    picker: string;
    pickerLabel: string;
    select: string;
    loading: string;
  };
}
