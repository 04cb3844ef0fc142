// 新しい調査書 and 翌年度へ繰り越し are a chunk of their own ("sheets"), fetched the first time one is opened. The
// chunk carries its own copies of the core modules it uses (webpack.config.js), so that the pane's initial script
// gets only the two buttons and this loader.
import { lazy } from 'react';
import type { SheetCommand } from '../../model/sheetCommandSession';

export const SHEET_COMMANDS: readonly SheetCommand[] = ['newForm', 'rollover'];

export const SHEET_COMMAND_TITLE: Record<SheetCommand, string> = { newForm: '新しい調査書', rollover: '翌年度へ繰り越し' };

export function isSheetCommand(tool: string): tool is SheetCommand {
  return (SHEET_COMMANDS as readonly string[]).includes(tool);
}

export const LazySheetCommands = lazy(() => import(/* webpackChunkName: "sheets" */ '../SheetCommands/SheetCommands'));
