import { useEffect, useState, useSyncExternalStore } from 'react';
import { FormulaSession } from '../../model/formulaSession';
import type { FormulaPreviewProps, FormulaPreviewState } from './FormulaPreview.types';

export function useFormulaPreview({ host }: FormulaPreviewProps): Omit<FormulaPreviewState, 'classes'> {
  const [session] = useState(() => new FormulaSession(host));
  useEffect(() => () => session.dispose(), [session]);
  const s = useSyncExternalStore(session.subscribe, session.getState);
  return {
    s,
    onVariant: (addin) => session.setVariant(addin ? 'addin' : 'plain'),
    onTick: session.setTicked,
    onWrite: () => void session.write(),
    onUndo: () => void session.undo(),
  };
}
