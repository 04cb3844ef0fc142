// Finds every form in a worksheet: the current edition by its trend table, the older one by its title and
// sections, each within its own rows and columns. A worksheet with neither says why.
import type { Grid } from '../grid';
import type { Form } from '../model/form';
import type { NotAForm } from '../findings';
import { messages } from '../messages';
import { LabelIndex } from './labels';
import { readCurrentForm } from './current';
import { readOlderForm } from './older';
import { findSpines } from './trend';
import { isCurrentTitle, locateForms } from './regions';

export interface SheetRecognition {
  forms: Form[];
  notForm: NotAForm | null;
}

/** A form has at least this many rows in its trend table (a blank template has all seven, labelled). */
const MIN_TREND_ROWS = 2;

export function recogniseSheet(grid: Grid): SheetRecognition {
  const index = new LabelIndex(grid);
  const forms: Form[] = [];
  for (const slot of locateForms(index, findSpines(index))) {
    if (slot.kind === 'current') {
      const form = readCurrentForm(index, slot.spine, slot.region, slot.titleRow);
      // A table header without rows under it (a legend, an instructions page) is not a form.
      if (Object.keys(form.rowLabels).length >= MIN_TREND_ROWS) forms.push(form);
    }
    else {
      const older = readOlderForm(index, slot.region, slot.title);
      if (older) forms.push(older);
    }
  }
  if (forms.length > 0) return { forms, notForm: null };
  const reason = index.labels.some(isCurrentTitle)
    ? messages.notFormTitleOnly()
    : grid.cellCount === 0
      ? messages.notFormEmpty()
      : messages.notFormNoTitle();
  return { forms: [], notForm: { sheet: grid.name, reason } };
}
