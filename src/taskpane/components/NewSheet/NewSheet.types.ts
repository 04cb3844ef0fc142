import type { SheetWriter } from '../../../adapters/excel/sheetWriter';
import type { FormHost } from '../../model/formHost';
import type { SheetCommand, SheetPreview } from '../../model/newSheetSession';

export interface NewSheetProps {
  command: SheetCommand;
  host: FormHost;
  /** Where the sheet is added; by default Excel's when the pane has a workbook, none in file mode (preview only). */
  writer?: SheetWriter | null;
}

export interface NewSheetState extends Omit<NewSheetProps, 'writer'> {
  writer: SheetWriter | null;
  yearText: string;
  protect: boolean;
  force: boolean;
  preview: SheetPreview;
  status: { kind: 'idle' | 'adding' | 'added' | 'failed'; text: string | null };
  onYear: (text: string) => void;
  onProtect: (on: boolean) => void;
  onForce: (on: boolean) => void;
  onAdd: () => void;
  classes: {
    root: string;
    field: string;
    input: string;
    check: string;
    preview: string;
    previewTitle: string;
    list: string;
    actions: string;
  };
}
