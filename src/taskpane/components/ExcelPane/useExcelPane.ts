import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ToolKind } from '../FormTools/FormTools.types';
import type { SheetCommand } from '../../model/sheetCommandSession';
import type { ExcelPaneProps, ExcelPaneState } from './ExcelPane.types';
import { isSheetCommand } from './lazySheetCommands';

const BUSY_TEXT = {
  opening: 'ブックを読み取っています…',
  checking: 'チェックしています…',
  updating: '入力に合わせて更新しています…',
  selecting: 'セルを選択しています…',
} as const;

export function useExcelPane({ session }: ExcelPaneProps): Omit<ExcelPaneState, 'classes'> {
  const s = useSyncExternalStore(session.subscribe, session.getState);
  const host = useMemo(() => session.formHost(), [session]);
  const sheetHost = useMemo(() => session.sheetHost(), [session]);
  const [tool, setTool] = useState<ToolKind | SheetCommand | null>(null);
  useEffect(() => {
    void session.open();
    return () => void session.dispose();
  }, [session]);

  const selected = s.forms.find((f) => f.summary.id === s.selectedId) ?? null;
  const activeNotForm = selected ? null : (s.notForms.find((n) => n.sheet === s.activeSheet) ?? null);
  return {
    session: s,
    selected,
    activeNotForm,
    busyText: s.busy ? BUSY_TEXT[s.busy] : null,
    onCheck: () => void session.check(),
    onRetry: () => void session.retry(),
    onLive: (on) => void session.setLive(on),
    onPickForm: (id) => void session.select(id === '' ? null : id),
    onFinding: (f) => {
      if (f.cells[0]) void session.goTo(f.cells[0]);
    },
    onCell: (cell) => void session.goTo(cell),
    // A sheet command needs no selected form (a new form for an empty workbook).
    tool: tool !== null && (selected || isSheetCommand(tool)) ? tool : null,
    host,
    sheetHost,
    onTool: (t) => setTool((old) => (old === t ? null : t)),
    onCloseTool: () => setTool(null),
  };
}
