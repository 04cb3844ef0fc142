import { useRef, useState, type DragEvent } from 'react';
import { isCellError, parseA1, type CellValue, type Grid } from '../../../core/grid';
import type { CellRef } from '../../model/present';
import type { ToolKind } from '../FormTools/FormTools.types';
import type { CheckedFile, FilePaneProps, FilePaneState } from './FilePane.types';
import { fileKit } from './fileKit';

function shown(v: CellValue | undefined): string {
  if (v === null || v === undefined || v === '') return '(空欄)';
  if (isCellError(v)) return v.error;
  if (typeof v === 'number') return v.toLocaleString('ja-JP', { maximumFractionDigits: 6 });
  if (v instanceof Date) return v.toLocaleDateString('ja-JP');
  return String(v);
}

/** What a cell holds, for the finding's detail: 「D20: 4,306」 or 「V18: =SUM(…) → 4,308」. */
function describer(grids: Grid[]): (cell: CellRef) => string {
  return (cell) => {
    const at = parseA1(cell.address);
    const c = at ? grids.find((g) => g.name === cell.sheet)?.cell(at.row, at.col) : undefined;
    const where = `シート「${cell.sheet}」 ${cell.address}`;
    return c?.formula !== undefined ? `${where}: =${c.formula} → ${shown(c.value)}` : `${where}: ${shown(c?.value)}`;
  };
}

/** The .xlsx reader is a chunk of its own (and exceljs another), fetched for the first file: Excel's pane never needs them. */
const loadReader = () => import(/* webpackChunkName: "xlsx" */ '../../../adapters/xlsx/readWorkbookBrowser');

async function checkFile(file: File, key: string): Promise<CheckedFile> {
  const base = { key, name: file.name };
  let reader: Awaited<ReturnType<typeof loadReader>> | null = null;
  try {
    reader = await loadReader();
    const grids = await reader.readWorkbookBlob(file, file.name);
    const { forms, notForms, hiddenSheets } = fileKit.recogniseWorkbook(grids, { skipHidden: true });
    return {
      ...base,
      status: 'done',
      forms: forms.map(fileKit.present),
      hosts: forms.map(fileKit.fileHost),
      notForms,
      hiddenSheets,
      describeCell: describer(grids),
    };
  } catch (err) {
    const error =
      reader && err instanceof reader.WorkbookReadError
        ? err.message
        : `読み込み中に予期しないエラーが起きました(詳細: ${err instanceof Error ? err.message : String(err)})。`;
    return { ...base, status: 'error', error, forms: [], hosts: [], notForms: [], hiddenSheets: [], describeCell: describer([]) };
  }
}

let nextKey = 0;

export function useFilePane({ notice }: FilePaneProps): Omit<FilePaneState, 'classes'> {
  const [files, setFiles] = useState<CheckedFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const [selectedFindingId, setSelectedFindingId] = useState<string | null>(null);
  const [tool, setTool] = useState<FilePaneState['tool']>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);

  const onFiles = (list: FileList | null): void => {
    const chosen = list ? Array.from(list) : [];
    if (chosen.length === 0) return;
    const pending = chosen.map((file) => ({ file, key: `f${nextKey++}` }));
    setFiles((old) => [
      ...pending.map(({ file, key }) => ({
        key,
        name: file.name,
        status: 'reading' as const,
        forms: [],
        hosts: [],
        notForms: [],
        hiddenSheets: [],
        describeCell: describer([]),
      })),
      ...old,
    ]);
    // One at a time: each workbook is held in memory only while it is read.
    void pending.reduce(
      (prev, { file, key }) =>
        prev.then(async () => {
          const done = await checkFile(file, key);
          setFiles((old) => old.map((f) => (f.key === key ? done : f)));
        }),
      Promise.resolve(),
    );
  };

  return {
    notice,
    files,
    dragging,
    selectedFindingId,
    inputRef,
    onChoose: () => inputRef.current?.click(),
    onFiles,
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      onFiles(e.dataTransfer.files);
    },
    tool,
    onTool: (at, kind: ToolKind | null) => setTool((old) => (kind === null || (old?.at === at && old.kind === kind) ? null : { at, kind })),
    onFinding: (file, f) => {
      const id = `${file.key}/${f.id}`;
      setSelectedFindingId((old) => (old === id ? null : id));
    },
  };
}
