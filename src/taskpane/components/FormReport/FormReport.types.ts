import type { CellRef, CheckReport, FormSummary, PresentedFinding } from '../../model/present';

export interface FormReportProps {
  summary: FormSummary;
  /** Absent until the form has been checked. */
  report?: CheckReport;
  /** Clicking a finding (Excel: selects its first cell; file mode: shows its cells). */
  onFinding: (finding: PresentedFinding) => void;
  /** Clicking one cell of a finding (Excel); without it the cells are shown as text. */
  onCell?: (cell: CellRef) => void;
  selectedFindingId?: string | null;
  /** Shown under the selected finding: what its cells hold (file mode). */
  describeCell?: (cell: CellRef) => string;
}

export interface FormReportState extends FormReportProps {
  headerRows: [string, string][];
  classes: {
    root: string;
    header: string;
    headerLabel: string;
    headerValue: string;
    counts: string;
    group: string;
    groupTitle: string;
    list: string;
    item: string;
    itemSelected: string;
    itemHead: string;
    place: string;
    message: string;
    cells: string;
    cellLabel: string;
    cellButton: string;
    detail: string;
    empty: string;
  };
}
