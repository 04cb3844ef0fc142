// The rating guide for any recognised form: one proposal per column, in the shape the CLI and the pane show.
import type { Form } from '../model/form';
import { RATING_COLUMNS } from '../model/keys';
import { proposeColumn, type RatingQuestion } from './propose';
import { proposeOlderColumn } from './older';

export interface GuideColumn {
  /** What the numbers allow, joined by "|" (e.g. "B1|B2"); null when they cannot tell. */
  proposed: string | null;
  printed: string | null;
  reasons: string[];
  /** The question left to the person (current edition), if any. */
  question: RatingQuestion;
}

export interface FormGuide {
  edition: Form['edition'];
  columns: Record<string, GuideColumn>;
}

export function guideForm(form: Form): FormGuide {
  const columns: Record<string, GuideColumn> = {};
  if (form.edition === 'current') {
    for (const c of RATING_COLUMNS) {
      const p = proposeColumn(form, c);
      columns[c] = { proposed: p.proposed, printed: p.printed, reasons: p.reasons, question: p.question };
    }
  } else {
    for (const c of ['total', 'current', 'past'] as const) {
      const p = proposeOlderColumn(form, c);
      columns[c] = { proposed: p.proposed, printed: p.printed, reasons: p.reasons, question: p.proposed === 'C1|C2' ? 'actionsCarriedOut' : null };
    }
  }
  return { edition: form.edition, columns };
}
