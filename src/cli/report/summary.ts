// 所属別集計 in figures: the same sums the summary sheet's formulas make over 一覧, computed here for the JSON and
// as the formulas' cached results (for viewers that do not recalculate). Pure.
import type { ReportRow } from './model';
import { STATUS } from './words';

export interface SummaryGroup {
  label: string;
  sheets: number;
  needing: number;
  cases: number;
  pastBalance: number;
  currentBalance: number;
  totalBalance: number;
  target: number;
  diff: number;
}

export interface Summary {
  byBureau: SummaryGroup[];
  byClaimType: SummaryGroup[];
  total: SummaryGroup;
}

function empty(label: string): SummaryGroup {
  return { label, sheets: 0, needing: 0, cases: 0, pastBalance: 0, currentBalance: 0, totalBalance: 0, target: 0, diff: 0 };
}

function add(g: SummaryGroup, r: ReportRow): void {
  const f = r.form.figures;
  g.sheets++;
  if (r.status === STATUS.error) g.needing++;
  // SUMIFS skips blanks: a missing figure adds nothing.
  g.cases += f.cases ?? 0;
  g.pastBalance += f.pastBalance ?? 0;
  g.currentBalance += f.currentBalance ?? 0;
  g.totalBalance += f.totalBalance ?? 0;
  g.target += f.target ?? 0;
  g.diff += r.diff ?? 0;
}

/** Groups in order of first appearance in 一覧 (which follows the folder's order). */
function groupBy(rows: readonly ReportRow[], labelOf: (r: ReportRow) => string): SummaryGroup[] {
  const groups = new Map<string, SummaryGroup>();
  for (const r of rows) {
    const label = labelOf(r);
    let g = groups.get(label);
    if (!g) groups.set(label, (g = empty(label)));
    add(g, r);
  }
  return [...groups.values()];
}

export function summarise(rows: readonly ReportRow[], totalLabel: string): Summary {
  const total = empty(totalLabel);
  for (const r of rows) add(total, r);
  return { byBureau: groupBy(rows, (r) => r.bureau), byClaimType: groupBy(rows, (r) => r.claimType), total };
}
