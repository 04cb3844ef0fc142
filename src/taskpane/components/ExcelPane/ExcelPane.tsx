import type { ExcelPaneProps } from './ExcelPane.types';
import { renderExcelPane } from './renderExcelPane';
import { useExcelPane } from './useExcelPane';
import { useExcelPaneStyles } from './useExcelPaneStyles.styles';

/** The pane inside Excel: the active sheet's form, チェック, live checking, clicking a finding selects its cell. */
export function ExcelPane(props: ExcelPaneProps) {
  return renderExcelPane(useExcelPaneStyles(useExcelPane(props)));
}
