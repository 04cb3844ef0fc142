import type { DragEvent, RefObject } from 'react';
import type { HiddenFormSheet, NotAForm } from '../../../core/findings';
import type { FormHost } from '../../model/formHost';
import type { HostNotice } from '../../model/hostNotice';
import type { CellRef, PresentedFinding, PresentedForm } from '../../model/present';
import type { ToolKind } from '../FormTools/FormTools.types';

export interface CheckedFile {
  key: string;
  name: string;
  status: 'reading' | 'done' | 'error';
  /** Why the file could not be read, in Japanese. */
  error?: string;
  forms: PresentedForm[];
  /** Each form as read, for the tools (shown only: nothing is written to a file). */
  hosts: FormHost[];
  notForms: NotAForm[];
  /** Hidden sheets holding a form, left out (as in Excel and in `mishukin check`). */
  hiddenSheets: HiddenFormSheet[];
  describeCell: (cell: CellRef) => string;
}

export interface FilePaneProps {
  /** Why the file mode is shown where the pane was expected inside Excel (office.js failed); null in a browser. */
  notice: HostNotice | null;
}

export interface FilePaneState extends FilePaneProps {
  files: CheckedFile[];
  dragging: boolean;
  selectedFindingId: string | null;
  inputRef: RefObject<HTMLInputElement | null>;
  onChoose: () => void;
  onFiles: (files: FileList | null) => void;
  onDragOver: (e: DragEvent) => void;
  onDragLeave: () => void;
  onDrop: (e: DragEvent) => void;
  onFinding: (file: CheckedFile, f: PresentedFinding) => void;
  /** The tool open, on one form of one file: "fileKey/formId". */
  tool: { at: string; kind: ToolKind } | null;
  onTool: (at: string, kind: ToolKind | null) => void;
  classes: {
    root: string;
    title: string;
    intro: string;
    drop: string;
    dropActive: string;
    file: string;
    fileName: string;
    form: string;
    formTitle: string;
    tools: string;
    hidden: string;
  };
}
