import { useEffect, useState, useSyncExternalStore } from 'react';
import { SheetCommandSession } from '../../model/sheetCommandSession';
import type { SheetCommandsProps, SheetCommandsState } from './SheetCommands.types';

export function useSheetCommands(props: SheetCommandsProps): Omit<SheetCommandsState, 'classes'> {
  const [session] = useState(() => new SheetCommandSession(props.host, props.command));
  useEffect(() => () => session.dispose(), [session]);
  const s = useSyncExternalStore(session.subscribe, session.getState);
  return {
    command: props.command,
    title: props.title,
    s,
    onClose: props.onClose,
    onYear: session.setYear,
    onProtect: session.setProtect,
    onForce: session.setForce,
    onTick: session.setTicked,
    onAdd: () => void session.add(),
    onAgain: session.again,
  };
}
