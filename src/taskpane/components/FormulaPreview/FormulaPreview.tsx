import type { FormulaPreviewProps } from './FormulaPreview.types';
import { renderFormulaPreview } from './renderFormulaPreview';
import { useFormulaPreview } from './useFormulaPreview';
import { useFormulaPreviewStyles } from './useFormulaPreviewStyles.styles';

/** 「数式を入れる」: the preview of the standard formulas, cells to leave out, the MISHUKIN variant, 書き込む. */
export function FormulaPreview(props: FormulaPreviewProps) {
  return renderFormulaPreview(useFormulaPreviewStyles(useFormulaPreview(props)));
}
