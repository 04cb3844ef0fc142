// 「評価ガイド」 in the pane: the core's proposal for each column of 1. 達成状況 (spec §5) beside its numbers, the
// question the numbers leave open asked only where they leave it open, then 「この評価を入力」: a preview of the
// core's rating plan, written through the shared write path, and the 4. cells a B1/B2 still needs.
import { fmtAmount, PART_JA, placeOf } from '../../core/messages';
import type { CurrentForm } from '../../core/model/form';
import { RATING_COLUMNS, type RatingColumn } from '../../core/model/keys';
import { followUpsAfterRating, planRatings, RatingPlanError, type RatingChoice } from '../../core/plan/ratingPlan';
import type { WritePlan } from '../../core/plan/writePlan';
import { guideForm } from '../../core/rating';
import { answerProposal, proposeColumn, type ColumnProposal, type RatingCode } from '../../core/rating/propose';
import type { FormHost } from './formHost';
import { previewRows, type PreviewRow } from './planView';
import { writeStart, WriteSession, type ToolState } from './writeSession';
import type { CellRef } from './present';

export type Question = 'targetWasSet' | 'actionsCarriedOut';
export type Answers = Partial<Record<Question, boolean>>;

export const QUESTION_JA: Record<Question, string> = {
  targetWasSet: '前年度時点で目標を設定していましたか?',
  actionsCarriedOut: '予定していた取組は予定どおり実施しましたか?',
};

export interface GuideColumnView {
  column: RatingColumn;
  label: string;
  /** C行 (revised target) and D行 (actual) balances, as the form prints them; 「空欄」 when blank. */
  target: string;
  actual: string;
  /** D − C: above 0 the target was missed. */
  difference: string | null;
  /** The codes the numbers allow, joined: 「B1 または B2」; 「判断できません」 when they cannot tell. */
  proposed: string;
  /** The same, short, for the side-by-side table: 「B1 / B2」. */
  codes: string;
  printed: string | null;
  reasons: string[];
  /** The questions to ask now, in order. */
  questions: Question[];
  answers: Answers;
  /** The code decided (by the numbers alone, or with the answers); null while a question is open. */
  code: RatingCode | null;
  /** The numbers cannot tell (the actual is blank or not a number): nothing is written in this column. */
  undecidable: boolean;
}

/** The older edition: proposals to read, nothing to write. */
export interface OlderColumnView {
  label: string;
  proposed: string;
  printed: string | null;
  reasons: string[];
}

export interface FollowUp {
  /** 「4. 取組内容の検証など 課題(過年度) [D40]」 */
  message: string;
  cell: CellRef;
}

export interface RatingGuideState extends ToolState {
  unavailable: string | null;
  older: OlderColumnView[];
  columns: GuideColumnView[];
  /** Every column has its code (or cannot have one): 「この評価を入力」 can be offered. */
  decided: boolean;
  /** The preview of the rating plan, once asked for. */
  preview: PreviewRow[] | null;
  previewSummary: string | null;
  /** The core's refusal of a code the numbers now rule out, in Japanese. */
  refused: string | null;
  /** After a write: the 4. cells a B1 or B2 still needs. */
  followUps: FollowUp[];
}

const NOT_DECIDABLE = '判断できません';

function proposedText(p: { allowed: readonly string[] } | { proposed: string | null }, joiner = ' または '): string {
  const codes = 'allowed' in p ? p.allowed : (p.proposed?.split('|') ?? []);
  return codes.length ? codes.join(joiner) : NOT_DECIDABLE;
}

function questionsOf(p: ColumnProposal, a: Answers): Question[] {
  if (p.question === 'actionsCarriedOut') return ['actionsCarriedOut'];
  if (p.question !== 'targetWasSet') return [];
  // A target of 0 that was set and is missed leaves B1 or B2: then the actions question too.
  return a.targetWasSet === true && p.allowed.includes('B1') ? ['targetWasSet', 'actionsCarriedOut'] : ['targetWasSet'];
}

function columnView(form: CurrentForm, column: RatingColumn, a: Answers, chosen: RatingCode | undefined): GuideColumnView {
  const p = proposeColumn(form, column);
  const amount = (n: number | null) => (n === null ? '空欄' : fmtAmount(n));
  const d = p.target !== null && p.actual !== null ? p.actual - p.target : null;
  return {
    column,
    label: PART_JA[column]!,
    target: amount(p.target),
    actual: amount(p.actual),
    difference: d === null ? null : `${d > 0 ? '+' : ''}${fmtAmount(d)}`,
    proposed: proposedText(p),
    codes: proposedText(p, ' / '),
    printed: p.printed,
    reasons: p.reasons,
    questions: questionsOf(p, a),
    answers: a,
    code: p.question === null ? (p.allowed[0] ?? null) : (chosen ?? null),
    undecidable: p.allowed.length === 0,
  };
}

export class RatingGuideSession extends WriteSession<RatingGuideState> {
  private answers: Partial<Record<RatingColumn, Answers>> = {};
  /** Codes decided by answers, as they were when answered (a later change of the numbers may rule them out). */
  private chosen: RatingChoice = {};
  private plan: WritePlan | null = null;
  private written: RatingChoice = {};

  constructor(host: FormHost) {
    super(host, {
      unavailable: null,
      older: [],
      columns: [],
      decided: false,
      preview: null,
      previewSummary: null,
      refused: null,
      followUps: [],
      ...writeStart(host),
    });
    this.refresh();
  }

  protected formChanged(): void {
    this.refresh();
    // The numbers may have moved under an answer: the core's plan says whether its code still holds.
    this.planChoice(this.state.preview !== null);
    if (Object.keys(this.written).length) this.showFollowUps();
  }

  private refresh(): void {
    const form = this.host.form();
    if (!form) return this.set({ unavailable: '調査書が選ばれていません。', columns: [], older: [], decided: false });
    if (form.edition !== 'current') {
      const g = guideForm(form);
      const older = Object.entries(g.columns).map(([c, col]) => ({
        label: placeOf(form, `older.rating.${c}`),
        proposed: proposedText(col),
        printed: col.printed,
        reasons: col.reasons,
      }));
      return this.set({ unavailable: null, older, columns: [], decided: false });
    }
    const columns = RATING_COLUMNS.map((c) => columnView(form, c, this.answers[c] ?? {}, this.chosen[c]));
    this.set({ unavailable: null, older: [], columns, decided: columns.every((c) => c.undecidable || c.code !== null) });
  }

  answer = (column: RatingColumn, question: Question, yes: boolean): void => {
    const form = this.host.form();
    if (!form || form.edition !== 'current') return;
    const a = { ...this.answers[column], [question]: yes };
    this.answers[column] = a;
    const code = answerProposal(proposeColumn(form, column), a);
    if (code) this.chosen[column] = code;
    else delete this.chosen[column];
    this.set({ refused: null, preview: null, previewSummary: null });
    this.refresh();
  };

  private choice(): RatingChoice {
    const out: RatingChoice = {};
    for (const c of this.state.columns) if (c.code) out[c.column] = c.code;
    return out;
  }

  /** 「この評価を入力」: the core's plan of the decided codes, to look at before writing. */
  openPreview = (): void => {
    if (this.state.decided) this.planChoice(true);
  };

  /** Plans the codes decided so far; a code the numbers now rule out is refused, and its question asked again. */
  private planChoice(show: boolean): void {
    const form = this.host.form();
    if (!form || form.edition !== 'current') return;
    try {
      this.plan = planRatings(form, this.choice());
    } catch (err) {
      if (!(err instanceof RatingPlanError)) throw err;
      this.plan = null;
      this.answers = {};
      this.chosen = {};
      this.set({ refused: err.message, preview: null, previewSummary: null });
      return this.refresh();
    }
    if (!show) return;
    const n = this.plan.writes.length;
    this.set({
      refused: null,
      preview: previewRows(form, this.plan),
      previewSummary:
        n === 0
          ? '評価はすでにこのとおり入力されています。書き込むセルはありません。'
          : `評価の欄 ${n} 個に書き込みます。評価の欄のほかには書き込みません。`,
    });
  }

  closePreview = (): void => {
    this.plan = null;
    this.set({ preview: null, previewSummary: null });
  };

  /** 書き込む: the previewed codes in one batch; then what a B1/B2 still needs. */
  write = async (): Promise<void> => {
    if (!this.plan) return;
    const choice = this.choice();
    if (!(await this.writePlan(this.plan))) return;
    this.written = choice;
    this.closePreview();
    this.showFollowUps();
  };

  private showFollowUps(): void {
    const form = this.host.form();
    if (!form || form.edition !== 'current') return this.set({ followUps: [] });
    const followUps = followUpsAfterRating(form, this.written).map((f) => ({
      message: f.message,
      cell: { sheet: form.sheet, address: f.address },
    }));
    this.set({ followUps });
  }

  protected override undone(): void {
    this.written = {};
    this.set({ followUps: [] });
  }

  select = (cell: CellRef): void => {
    void this.host.workbook?.select(cell);
  };
}
