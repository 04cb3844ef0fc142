// The Excel-mode pane without React: open the workbook, check the selected form, keep it checked as the user
// types, select cells. State you can test without rendering; usePane subscribes to it.
import { AdapterError, type Unsubscribe, type WorkbookAdapter } from '../../adapters/excel/workbookAdapter';
import { checkForm, recogniseWorkbook } from '../../core/check';
import type { HiddenFormSheet, NotAForm } from '../../core/findings';
import type { Form } from '../../core/model/form';
import type { FormHost } from './formHost';
import { formId, present, type CellRef, type PresentedForm } from './present';
import type { SheetCommandHost } from './sheetCommandSession';
import { Store } from './store';

export type Busy = 'opening' | 'checking' | 'updating' | 'selecting' | null;

export interface ExcelPaneState {
  busy: Busy;
  /** What went wrong, in Japanese; retry() repeats the step that failed. */
  problem: string | null;
  forms: PresentedForm[];
  notForms: NotAForm[];
  /** Hidden sheets holding a form: left out of the list, named in the pane. */
  hiddenSheets: HiddenFormSheet[];
  activeSheet: string | null;
  /** The form shown: the active worksheet's, or the one picked. */
  selectedId: string | null;
  /** Set by the first チェック: the list is shown from then on, and live checking keeps it current. */
  checked: boolean;
  live: boolean;
  /** Counts the results applied, so a view (or a test) can tell a fresh list from a stale one. */
  revision: number;
}

/**
 * Quiet time after a change event before the live check re-reads the form. Excel raises one event per committed
 * edit or paste (not per keystroke), so this only has to gather the events one action raises together (the pane's
 * own write raises one per cell); events that come while a read is under way are gathered into one more read.
 * Chosen with `npm run bench` (scripts/bench-pane.ts): the smallest quiet time tried that keeps one read per paste
 * and per burst of events one display frame apart.
 */
export const LIVE_QUIET_MS = 25;

export interface PaneSessionOptions {
  /** Quiet time after a change before the form is re-read. */
  quietMs: number;
}

function problemText(err: unknown): string {
  if (err instanceof AdapterError) return err.message;
  const detail = err instanceof Error ? err.message : String(err);
  return `予期しないエラーが起きました(詳細: ${detail})。再試行してください。`;
}

export class PaneSession extends Store<ExcelPaneState> {
  private readonly models = new Map<string, Form>();
  /** Every worksheet's name, as last read (a new sheet's name must be none of them). */
  private sheetNames: readonly string[] = [];
  private retryStep: (() => Promise<void>) | null = null;
  /** Reads are numbered; a result is applied only if no later-started read has been applied already. */
  private requested = 0;
  private applied = 0;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  /** A live re-read is under way; `changedSince`: the sheet changed after it started, so one more follows. */
  private liveReading = false;
  private changedSince = false;
  private unwatchChanges: Unsubscribe | null = null;
  private watchedSheet: string | null = null;
  private unwatchActivation: Unsubscribe | null = null;
  private disposed = false;

  constructor(
    private readonly adapter: WorkbookAdapter,
    private readonly opts: PaneSessionOptions,
  ) {
    super({
      busy: null,
      problem: null,
      forms: [],
      notForms: [],
      hiddenSheets: [],
      activeSheet: null,
      selectedId: null,
      checked: false,
      live: true,
      revision: 0,
    });
  }

  /**
   * The selected form for the tools (数式を入れる, 評価ガイド): as last read, with the workbook to write to.
   * A write is re-checked at once (and again by the live check, since Excel reports the change).
   */
  formHost(): FormHost {
    return {
      form: () => this.selectedForm() ?? null,
      subscribe: (listener) => this.subscribe(() => listener()),
      workbook: {
        applyPlan: (plan) => this.adapter.applyPlan(plan),
        undoOutlook: () => this.adapter.undoOutlook(),
        recheck: () => this.check(),
        select: (cell) => this.goTo(cell),
        problemText,
      },
    };
  }

  /**
   * The workbook for 新しい調査書 and 翌年度へ繰り越し: every form and sheet name as last read, and adding sheets. After
   * adding, the workbook is read again (the new forms join the list; Excel shows the new sheet, and the pane its form).
   */
  sheetHost(): SheetCommandHost {
    return {
      forms: () => this.state.forms.flatMap((f) => this.models.get(f.summary.id) ?? []),
      sheetNames: () => this.sheetNames,
      subscribe: (listener) => this.subscribe(() => listener()),
      findings: (form) => checkForm(form).findings,
      workbook: {
        addSheet: (sheet) => this.adapter.addSheet(sheet),
        excelHost: () => this.adapter.excelHost(),
        reopen: () => this.open(),
        problemText,
      },
    };
  }

  /** Runs one step; on failure keeps it for retry() and says what happened. */
  private async attempt(busy: Busy, step: () => Promise<void>): Promise<void> {
    this.set(busy === null ? { problem: null } : { busy, problem: null });
    try {
      await step();
      this.retryStep = null;
      if (busy !== null && this.state.busy === busy) this.set({ busy: null });
    } catch (err) {
      this.retryStep = step;
      this.set({ busy: null, problem: problemText(err) });
    }
  }

  retry = (): Promise<void> => (this.retryStep ? this.attempt('checking', this.retryStep) : this.open());

  open = (): Promise<void> =>
    this.attempt('opening', async () => {
      const seq = ++this.requested;
      const snap = await this.adapter.readWorkbook();
      this.applied = seq;
      // As in `mishukin check`: a hidden sheet (often last year's form kept for reference) is not checked.
      const { forms, notForms, hiddenSheets } = recogniseWorkbook(snap.grids, { skipHidden: true });
      this.sheetNames = [...snap.grids.map((g) => g.name), ...snap.skipped.map((s) => s.sheet)];
      this.models.clear();
      for (const f of forms) this.models.set(formId(f), f);
      const onActive = forms.find((f) => f.sheet === snap.activeSheet);
      const kept = this.state.selectedId !== null && this.models.has(this.state.selectedId) ? this.state.selectedId : null;
      this.set({
        forms: forms.map(present),
        notForms: [...notForms, ...snap.skipped],
        hiddenSheets,
        activeSheet: snap.activeSheet,
        selectedId: onActive ? formId(onActive) : kept,
        revision: this.state.revision + 1,
      });
      this.unwatchActivation ??= await this.adapter.onSheetActivated((sheet) => this.activated(sheet));
      await this.watch();
    });

  /** チェック: re-read the selected form and show its findings. */
  check = (): Promise<void> => this.attempt('checking', () => this.refresh(true));

  select = (id: string | null): Promise<void> => {
    this.set({ selectedId: id });
    return this.attempt(null, () => this.watch());
  };

  goTo = (cell: CellRef): Promise<void> => this.attempt('selecting', () => this.adapter.selectCell(cell.sheet, cell.address));

  setLive = (live: boolean): Promise<void> => {
    this.set({ live });
    return this.attempt(null, async () => {
      await this.watch();
      // Catch up with what was typed while live checking was off.
      if (live && this.state.checked) await this.refresh(false);
    });
  };

  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.quietTimer);
    this.unsubscribeAll();
    await Promise.all([this.unwatchChanges?.(), this.unwatchActivation?.()]).catch(() => undefined);
  }

  private activated(sheet: string): void {
    // A sheet that was hidden when the workbook was read is active only once shown again: read it again to check it.
    if (this.state.hiddenSheets.some((h) => h.sheet === sheet)) {
      void this.open();
      return;
    }
    const onSheet = this.state.forms.find((f) => f.summary.sheet === sheet);
    this.set({ activeSheet: sheet, ...(onSheet ? { selectedId: onSheet.summary.id } : {}) });
    void this.attempt(null, () => this.watch());
  }

  /** Listens to the selected form's worksheet while live checking is on, and to nothing else. */
  private async watch(): Promise<void> {
    const form = this.selectedForm();
    const sheet = this.state.live && form && !this.disposed ? form.sheet : null;
    if (sheet === this.watchedSheet) return;
    const old = this.unwatchChanges;
    this.unwatchChanges = null;
    this.watchedSheet = null;
    await old?.();
    if (sheet === null) return;
    this.unwatchChanges = await this.adapter.onSheetChanged(sheet, () => this.changed());
    this.watchedSheet = sheet;
  }

  private changed(): void {
    if (!this.state.live || this.disposed) return;
    this.changedSince = true;
    if (this.liveReading) return;
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => void this.liveCheck(), this.opts.quietMs);
  }

  /** One live re-read at a time; changes during it lead to one more, after the quiet time. */
  private async liveCheck(): Promise<void> {
    this.changedSince = false;
    this.liveReading = true;
    await this.attempt('updating', () => this.refresh(false));
    this.liveReading = false;
    if (this.changedSince) this.changed();
  }

  private selectedForm(): Form | undefined {
    return this.state.selectedId === null ? undefined : this.models.get(this.state.selectedId);
  }

  /** Re-reads only the selected form's range (one Excel.run) and re-checks it. */
  private async refresh(byClick: boolean): Promise<void> {
    const form = this.selectedForm();
    if (!form) return;
    const seq = ++this.requested;
    const grid = await this.adapter.readRegion(form.sheet, form.region);
    if (seq < this.applied || this.disposed) return;
    this.applied = seq;
    const found = recogniseWorkbook([grid]).forms;
    const again = found.find((f) => f.anchor === form.anchor) ?? found[0];
    // The title or labels were edited away inside the range: look at the whole workbook again.
    if (!again) return this.reopen();
    const id = formId(again);
    this.models.delete(formId(form));
    this.models.set(id, again);
    const shown = present(again);
    this.set({
      forms: this.state.forms.map((f) => (f.summary.id === formId(form) ? shown : f)),
      selectedId: id,
      checked: this.state.checked || byClick,
      revision: this.state.revision + 1,
    });
  }

  private async reopen(): Promise<void> {
    await this.open();
    if (this.state.problem !== null) throw new AdapterError('api', this.state.problem);
  }
}
