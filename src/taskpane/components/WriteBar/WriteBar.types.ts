import type { WriteState } from '../../model/writeSession';

export interface WriteBarProps {
  write: WriteState;
  /** False in file mode: `readOnlyNote` is shown instead of the buttons. */
  canWrite: boolean;
  readOnlyNote: string;
  /** How the write will be undone on this Excel, shown with 書き込む. */
  undoNote: string | null;
  /** Cells the write would change; 書き込む is offered only when there are some. */
  count: number;
  onWrite: () => void;
  onUndo: () => void;
  /** やめる: closes the preview (the rating guide). */
  onCancel?: () => void;
}

export interface WriteBarState extends WriteBarProps {
  busy: string | null;
  classes: { root: string; buttons: string; undoNote: string };
}
