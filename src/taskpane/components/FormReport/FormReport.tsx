import type { FormReportProps } from './FormReport.types';
import { renderFormReport } from './renderFormReport';
import { useFormReport } from './useFormReport';
import { useFormReportStyles } from './useFormReportStyles.styles';

/** A recognised form's header and, once checked, its findings grouped エラー / 確認 / 情報. */
export function FormReport(props: FormReportProps) {
  const state = useFormReportStyles(useFormReport(props));
  return renderFormReport(state);
}
