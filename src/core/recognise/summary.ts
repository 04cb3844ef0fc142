// Section 3's three summary fields after the table: 債務者数, 未収債権の件数(過年度+現年度), 未収金残高(過年度+現年度).
import { a1 } from '../grid';
import type { Evidence, Field, Region } from '../model/form';
import { key } from '../model/keys';
import { explain } from '../messages';
import { type Label, type LabelIndex, isEmpty, makeField, valueCellOf } from './labels';
import { SUMMARY_VALUE_COL } from '../layout/geometry';

/** Longer text is a note on counting (which mentions 件数 and 債務者数 too), not a field's label. */
const SUMMARY_LABEL_MAX = 70;
/** The summary's values may stand far right of their long labels (merged across the table's width). */
const SUMMARY_VALUE_SPAN = 30;

const NOTE_START = /^[【※(①-⑳]/;

/** A summary field has one value (過年度・現年度・計 at most); a table's row has a number per category. */
const TABLE_ROW_NUMBERS = 4;
/** The table's part labels (過年度, 現年度) stand at most this many columns left of its measure labels. */
const PART_LABEL_SPAN = 3;
const PART_LABEL = /^(過年度|現年度)(分)?$/;

export interface SummaryRead {
  fields: Field[];
  found: boolean;
  missing: ('debtors' | 'cases' | 'balance')[];
  evidence: Evidence[];
}

export function readSummary(index: LabelIndex, b: Region, inTable: (row: number, col: number) => boolean): SummaryRead {
  const grid = index.grid;
  // A label with a row of numbers after it labels a row of a table (a 小計 row, a table not recognised), not a field.
  const rowOfNumbers = (l: Label) => grid.rowCells(l.row).filter(([c, cell]) => c > l.col && c <= b.right && typeof cell.value === 'number').length >= TABLE_ROW_NUMBERS;
  // 「過年度 | 未収債権の件数」: a row label of the table (recognised or not), its part named just left of it.
  const afterPart = (l: Label) =>
    index.find({ top: l.row - 1, bottom: l.row, left: l.col - PART_LABEL_SPAN, right: l.col - 1 }, (x) => PART_LABEL.test(x.key)).length > 0;
  const labels = index.find(b, (l) => !inTable(l.row, l.col) && /債務者数|件数|債権数|残高|未収金額/.test(l.key) && l.key.length <= SUMMARY_LABEL_MAX && !NOTE_START.test(l.norm) && !rowOfNumbers(l) && !afterPart(l));
  const isSummaryLabel = (s: string) => /債務者数|件数|債権数|残高|未収金額|決算見込/.test(s) && s.length <= SUMMARY_LABEL_MAX;
  // A label followed by words (「件数 | 金額 | 備考」) heads a column of some other table: a label with a number or
  // a blank beside it comes first, so a memo table beside the form does not take the field.
  const headsTable = (l: Label) => {
    const v = valueCellOf(index, l, isSummaryLabel, SUMMARY_VALUE_SPAN, b.right);
    const cell = grid.cell(v.row, v.col);
    return !isEmpty(cell) && typeof cell?.value === 'string' && makeField(grid, '', v.row, v.col, 'count').parsed.status === 'unparseable';
  };
  const pick = (re: RegExp, exclude?: RegExp) => {
    const all = labels.filter((l) => re.test(l.key) && !(exclude && exclude.test(l.key)));
    return all.find((l) => !headsTable(l)) ?? all[0];
  };
  const fields: Field[] = [];
  const evidence: Evidence[] = [];
  const missing: SummaryRead['missing'] = [];
  const found = [
    ['debtors', pick(/債務者数/), 'count'],
    ['cases', pick(/件数|債権数/, /債務者数/), 'count'],
    ['balance', pick(/残高|未収金額/, /債務者数|件数|債権数/), 'amount'],
  ] as const;
  // Without merged areas, labels in one column as the template has them: its value column for a blank value.
  const placed = found.filter(([, l]) => l).map(([, l]) => l!.col);
  const templateCol = grid.merges.length === 0 && placed.length >= 2 && placed.every((c) => c === placed[0]) ? placed[0]! + SUMMARY_VALUE_COL : null;
  for (const [f, l, kind] of found) {
    if (!l) {
      missing.push(f);
      continue;
    }
    const beside = valueCellOf(index, l, isSummaryLabel, SUMMARY_VALUE_SPAN, b.right);
    const at = isEmpty(grid.cell(beside.row, beside.col)) && templateCol !== null && beside.row === l.row ? { row: l.row, col: templateCol } : beside;
    fields.push(makeField(grid, key.summary(f), at.row, at.col, kind));
    evidence.push({ part: '3. 件数・残高・債務者数', cells: [a1(l.row, l.col), a1(at.row, at.col)], reason: explain.label(l.raw.replace(/\s+/g, ' ').trim().slice(0, 40), 1) });
  }
  return { fields, found: fields.length > 0, missing, evidence };
}

/** The summary read below the table, with what it lacks taken from a second place (beside the table). */
export function withBeside(below: SummaryRead, beside: SummaryRead): SummaryRead {
  const wanted = new Set(below.missing.map((m) => key.summary(m)));
  const taken = beside.fields.filter((f) => wanted.has(f.key));
  const fields = [...below.fields, ...taken];
  return {
    fields,
    found: fields.length > 0,
    missing: below.missing.filter((m) => !taken.some((f) => f.key === key.summary(m))),
    evidence: [...below.evidence, ...beside.evidence.filter((e) => taken.some((f) => e.cells.includes(f.address)))],
  };
}
