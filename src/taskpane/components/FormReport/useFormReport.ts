import type { FormReportProps, FormReportState } from './FormReport.types';

const BLANK = '(空欄)';

export function useFormReport(props: FormReportProps): Omit<FormReportState, 'classes'> {
  const { summary } = props;
  const headerRows: [string, string][] = [
    ['所属', summary.bureau ?? BLANK],
    ['債権名', summary.claimName ?? BLANK],
  ];
  if (summary.claimNo !== undefined) headerRows.push(['債権整理番号', summary.claimNo ?? BLANK]);
  headerRows.push(['年度', summary.year], ['様式', `${summary.edition}(シート「${summary.sheet}」 ${summary.anchor})`]);
  return { ...props, headerRows };
}
