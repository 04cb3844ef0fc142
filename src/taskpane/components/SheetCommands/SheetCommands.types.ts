import type { SheetCommand, SheetCommandHost, SheetCommandState } from '../../model/sheetCommandSession';

export interface SheetCommandsProps {
  command: SheetCommand;
  title: string;
  host: SheetCommandHost;
  onClose: () => void;
}

export interface SheetCommandsState {
  command: SheetCommand;
  title: string;
  s: SheetCommandState;
  onClose: () => void;
  onYear: (text: string) => void;
  onProtect: (on: boolean) => void;
  onForce: (on: boolean) => void;
  onTick: (id: string, ticked: boolean) => void;
  onAdd: () => void;
  onAgain: () => void;
  classes: {
    root: string;
    head: string;
    title: string;
    field: string;
    fieldLabel: string;
    input: string;
    hint: string;
    summary: string;
    items: string;
    row: string;
    rowOff: string;
    tick: string;
    body: string;
    source: string;
    sheet: string;
    details: string;
    list: string;
    note: string;
    buttons: string;
  };
}
