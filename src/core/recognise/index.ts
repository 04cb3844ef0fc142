// Finds every form in a worksheet: the current edition by its trend code row, the older one by its title
// and sections. A worksheet with neither says why.
import type { Grid } from '../grid';
import type { Form } from '../model/form';
import type { NotAForm } from '../findings';
import { LabelIndex } from './labels';
import { CURRENT_TITLE_RE, findCodeRows, locateCurrentForms, readCurrentForm } from './current';
import { findOlderForms } from './older';

export interface SheetRecognition {
  forms: Form[];
  notForm: NotAForm | null;
}

export function recogniseSheet(grid: Grid): SheetRecognition {
  const index = new LabelIndex(grid);
  const codeRows = findCodeRows(index);
  const cands = locateCurrentForms(index, codeRows);
  const forms: Form[] = cands.map((c, i) => readCurrentForm(grid, index, c, (cands[i + 1]?.top ?? grid.rowCount) - 1));
  const older = findOlderForms(grid, index, forms);
  forms.push(...older);
  if (forms.length > 0) return { forms, notForm: null };
  const hasTitle = index.labels.some((l) => CURRENT_TITLE_RE.test(l.norm));
  const reason = hasTitle
    ? '調査書の表題はありますが、「2. 未収金の推移」の表(ア〜ケ\'\' の記号の行)が見つからないため、様式として読み取れません。'
    : grid.cellCount === 0
      ? '空のワークシートです。'
      : '未収金目標及び具体取組内容調査書(または旧様式の未収債権の目標及び具体処理策)の見出しが見つかりません。この調査書のシートではないようです。';
  return { forms: [], notForm: { sheet: grid.name, reason } };
}
