// 「数式を入れる」 in the pane: the core's formula plan for the selected form, previewed cell by cell; cells can be
// left out (the plan is made again with `only`, so the values shown are those the remaining formulas give);
// 書き込む applies it through the shared write path.
import { formulaMessages as M } from '../../core/messages';
import type { Form } from '../../core/model/form';
import { planFormulas, type FormulaVariant } from '../../core/plan/formulaPlan';
import type { WritePlan } from '../../core/plan/writePlan';
import type { FormHost } from './formHost';
import { previewEffects, previewRows, type EffectRow, type PreviewRow } from './planView';
import { writeStart, WriteSession, type ToolState } from './writeSession';

export interface FormulaRow extends PreviewRow {
  /** Unticked cells keep what they hold. */
  ticked: boolean;
}

export interface FormulaState extends ToolState {
  /** Why the command does not apply to this form, or null. */
  unavailable: string | null;
  variant: FormulaVariant;
  /** Every cell the standard formulas would change; the ticked ones show the values of the plan that is written. */
  rows: FormulaRow[];
  /** One line: how many cells, how many change a shown number, and knock-on changes. */
  summary: string;
  effects: EffectRow[];
  /** Things to know before writing (the MISHUKIN caveat among them), in Japanese. */
  caveats: string[];
  /** What 書き込む writes: the ticked cells. */
  plan: WritePlan | null;
}

const OLDER = '旧様式には標準の計算式の定義がないため、数式を入れることはできません(現行様式の調査書で使えます)。';
const NONE_TICKED = '数式を入れるセルが選ばれていません。入れるセルにチェックを付けてください。';

function view(
  form: Form | null,
  variant: FormulaVariant,
  unticked: ReadonlySet<string>,
): Omit<FormulaState, keyof ToolState> {
  const empty = { variant, rows: [], summary: '', effects: [], caveats: [], plan: null };
  if (!form) return { ...empty, unavailable: '調査書が選ばれていません。' };
  if (form.edition !== 'current') return { ...empty, unavailable: OLDER };
  const all = planFormulas(form, { variant });
  const ticked = all.writes.map((w) => w.address).filter((a) => !unticked.has(a));
  const plan = ticked.length === all.writes.length ? all : planFormulas(form, { variant, only: ticked });
  const shown = new Map(previewRows(form, plan).map((r) => [r.address, r]));
  const rows = previewRows(form, all).map((r) => {
    const now = shown.get(r.address);
    return now ? { ...now, ticked: true } : { ...r, ticked: false };
  });
  const effects = previewEffects(plan);
  const summary =
    all.writes.length === 0
      ? M.renderNothing()
      : plan.writes.length === 0
        ? NONE_TICKED
        : M.renderCounts(plan.writes.length, plan.writes.filter((w) => w.changesShownValue).length, effects.length);
  return { unavailable: null, variant, rows, summary, effects, caveats: plan.caveats ?? [], plan };
}

export class FormulaSession extends WriteSession<FormulaState> {
  /** Addresses the person unticked; kept across re-reads while the cell is still in the plan. */
  private readonly unticked = new Set<string>();

  constructor(host: FormHost) {
    super(host, { ...view(host.form(), 'plain', new Set()), ...writeStart(host) });
  }

  protected formChanged(form: Form | null): void {
    this.set(view(form, this.state.variant, this.unticked));
  }

  /** 'addin': MISHUKIN functions where one applies (the plan then carries the FML-ADDIN-FUNCTION caveat). */
  setVariant = (variant: FormulaVariant): void => {
    this.set(view(this.host.form(), variant, this.unticked));
  };

  /** Ticks or unticks cells (one, or a whole group of the preview). */
  setTicked = (addresses: readonly string[], ticked: boolean): void => {
    for (const a of addresses) {
      if (ticked) this.unticked.delete(a);
      else this.unticked.add(a);
    }
    this.set(view(this.host.form(), this.state.variant, this.unticked));
  };

  /** 書き込む: the ticked cells, in one batch. */
  write = async (): Promise<void> => {
    const plan = this.state.plan;
    if (plan) await this.writePlan(plan);
  };
}
