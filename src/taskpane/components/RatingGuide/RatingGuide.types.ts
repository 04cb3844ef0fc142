import type { RatingColumn } from '../../../core/model/keys';
import type { FormHost } from '../../model/formHost';
import type { CellRef } from '../../model/present';
import type { Question, RatingGuideState as SessionState } from '../../model/ratingGuideSession';

export interface RatingGuideProps {
  host: FormHost;
}

export interface RatingGuideState {
  s: SessionState;
  /** The rows of the side-by-side table: a label and one text per column; `strong` for the decided codes. */
  table: { label: string; cells: string[]; strong: boolean }[];
  onAnswer: (column: RatingColumn, question: Question, yes: boolean) => void;
  onPreview: () => void;
  onCancel: () => void;
  onWrite: () => void;
  onUndo: () => void;
  onSelect: (cell: CellRef) => void;
  /** The name of a question's pair of radio buttons, unique on the page. */
  groupName: (column: RatingColumn, question: Question) => string;
  classes: {
    root: string;
    table: string;
    th: string;
    rowHead: string;
    td: string;
    tdStrong: string;
    unit: string;
    cards: string;
    card: string;
    cardHead: string;
    cardTitle: string;
    reasons: string;
    question: string;
    questionText: string;
    choices: string;
    choice: string;
    radio: string;
    link: string;
    decided: string;
    summary: string;
    start: string;
    followUps: string;
    followUpList: string;
  };
}
