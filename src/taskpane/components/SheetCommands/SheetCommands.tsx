// Loaded on demand (React.lazy, the "sheets" chunk): the sheet commands, the core's plans and the sheet writer stay
// out of the pane's initial script.
import type { SheetCommandsProps } from './SheetCommands.types';
import { renderSheetCommands } from './renderSheetCommands';
import { useSheetCommands } from './useSheetCommands';
import { useSheetCommandsStyles } from './useSheetCommandsStyles.styles';

/** 新しい調査書 or 翌年度へ繰り越し: the preview of the new worksheets, then 「シートを追加」. */
export function SheetCommands(props: SheetCommandsProps) {
  return renderSheetCommands(useSheetCommandsStyles(useSheetCommands(props)));
}

export default SheetCommands;
