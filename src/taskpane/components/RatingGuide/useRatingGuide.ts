import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { RatingGuideSession } from '../../model/ratingGuideSession';
import type { RatingGuideProps, RatingGuideState } from './RatingGuide.types';

export function useRatingGuide({ host }: RatingGuideProps): Omit<RatingGuideState, 'classes'> {
  const [session] = useState(() => new RatingGuideSession(host));
  useEffect(() => () => session.dispose(), [session]);
  const s = useSyncExternalStore(session.subscribe, session.getState);
  const id = useId();
  const row = (label: string, cell: (c: (typeof s.columns)[number]) => string, strong = false) => ({
    label,
    cells: s.columns.map(cell),
    strong,
  });
  const table = s.columns.length
    ? [
        row('目標(C行)', (c) => c.target),
        row('実績(D行)', (c) => c.actual),
        row('差(D−C)', (c) => c.difference ?? '—'),
        row('候補', (c) => c.codes),
        row('評価', (c) => c.code ?? (c.undecidable ? '入力しない' : '回答待ち'), true),
        row('いまの記入', (c) => c.printed ?? '空欄'),
      ]
    : [];
  return {
    s,
    table,
    onAnswer: session.answer,
    onPreview: session.openPreview,
    onCancel: session.closePreview,
    onWrite: () => void session.write(),
    onUndo: () => void session.undo(),
    onSelect: session.select,
    groupName: (column, question) => `${id}-${column}-${question}`,
  };
}
