// 新しい調査書 / 翌年度へ繰り越し: a tool of the tools' chunk (loaded on demand, never in the pane's initial script).
import type { NewSheetProps } from './NewSheet.types';
import { renderNewSheet } from './renderNewSheet';
import { useNewSheet } from './useNewSheet';
import { useNewSheetStyles } from './useNewSheetStyles.styles';

export function NewSheet(props: NewSheetProps) {
  return renderNewSheet(useNewSheetStyles(useNewSheet(props)));
}
