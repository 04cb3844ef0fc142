// The write path both tools share (数式を入れる and 評価ガイド): a previewed WritePlan is applied in one
// adapter.applyPlan (one Excel.run, only the plan's cells), then the form is re-checked. The preview says
// beforehand how the write can be taken back on this Excel (undoOutlook.ts): by Excel's own 元に戻す (Ctrl+Z)
// where the write is one undo group (ExcelApi 1.20), else by the pane's 元に戻す, which applies the journal (the
// plan that writes every `before` back); the journal also takes over where Excel refuses the group.
import type { ApplyResult } from '../../adapters/excel/workbookAdapter';
import type { Form } from '../../core/model/form';
import type { WritePlan } from '../../core/plan/writePlan';
import type { FormHost } from './formHost';
import { Store } from './store';

export type WriteStage = 'idle' | 'writing' | 'written' | 'undoing' | 'undone';

export interface WriteState {
  stage: WriteStage;
  /** After a write: 'excel' = one Ctrl+Z takes it back; 'journal' = the pane's 元に戻す does. */
  undo: ApplyResult['undo'] | null;
  /** What was done and how to take it back, in Japanese. */
  notice: string | null;
  /** Why a write or an undo did not happen, in Japanese. */
  problem: string | null;
  /** The pane's 元に戻す applies (a journal is kept). */
  canUndo: boolean;
}

export interface ToolState {
  /** False in file mode: the tool shows, and says that writing needs Excel. */
  canWrite: boolean;
  /** How a write will be undone on this Excel, said before writing; null in file mode. */
  undoNote: string | null;
  write: WriteState;
}

/** A write or an undo is under way: the buttons wait. */
export function isBusy(w: WriteState): boolean {
  return w.stage === 'writing' || w.stage === 'undoing';
}

const NO_WRITE: WriteState = { stage: 'idle', undo: null, notice: null, problem: null, canUndo: false };

/** The part of a tool's first state that comes from its host: whether it can write, and how a write is undone. */
export function writeStart(host: FormHost): Pick<ToolState, 'canWrite' | 'undoNote' | 'write'> {
  return { canWrite: host.workbook !== null, undoNote: host.workbook?.undoOutlook().text ?? null, write: NO_WRITE };
}

export const WRITE_NOTICE = {
  excel: (n: number) =>
    `${n} 個のセルに書き込みました。Excel の「元に戻す」(Ctrl+Z)を 1 回押すと、この書き込みをまとめて取り消せます。`,
  journal: (n: number) =>
    `${n} 個のセルに書き込みました。この Excel では書き込みを「元に戻す」(Ctrl+Z)1 回にまとめられないため、取り消すときは下の「元に戻す」を使ってください。`,
  groupingFailed: (n: number) =>
    `${n} 個のセルに書き込みました。Excel が書き込みを「元に戻す」(Ctrl+Z)1 回にまとめられなかったため、取り消すときは下の「元に戻す」を使ってください(書き込みは 1 回だけ行っています)。`,
  undone: (n: number) => `元に戻しました(${n} 個のセル)。`,
};

export abstract class WriteSession<S extends ToolState> extends Store<S> {
  /** Journals of the writes made here, newest last (only where Excel cannot merge the undo). */
  private readonly journals: WritePlan[] = [];
  private seen: Form | null;
  private readonly unlisten: () => void;

  constructor(
    protected readonly host: FormHost,
    initial: S,
  ) {
    super(initial);
    this.seen = host.form();
    // A new read replaces the form object: plan again from what the workbook holds now.
    this.unlisten = host.subscribe(() => {
      const form = host.form();
      if (form === this.seen) return;
      this.seen = form;
      this.formChanged(form);
    });
  }

  protected abstract formChanged(form: Form | null): void;

  dispose(): void {
    this.unlisten();
    this.unsubscribeAll();
  }

  private setWrite(patch: Partial<WriteState>): void {
    this.set({ write: { ...this.state.write, ...patch } } as Partial<S>);
  }

  /** Applies a previewed plan; true when it was written. */
  protected async writePlan(plan: WritePlan): Promise<boolean> {
    const wb = this.host.workbook;
    if (!wb || isBusy(this.state.write) || plan.writes.length === 0) return false;
    this.setWrite({ stage: 'writing', problem: null });
    let result: ApplyResult;
    try {
      result = await wb.applyPlan(plan);
    } catch (err) {
      this.setWrite({ stage: 'idle', problem: wb.problemText(err) });
      return false;
    }
    if (result.undo === 'journal') this.journals.push(result.journal);
    this.setWrite({
      stage: 'written',
      undo: result.undo,
      notice: (result.undo === 'journal' && result.groupingFailed ? WRITE_NOTICE.groupingFailed : WRITE_NOTICE[result.undo])(plan.writes.length),
      canUndo: this.journals.length > 0,
    });
    await wb.recheck();
    return true;
  }

  /** The pane's 元に戻す: writes back what the last write replaced (refused if those cells changed since). */
  undo = async (): Promise<void> => {
    const wb = this.host.workbook;
    const journal = this.journals.at(-1);
    if (!wb || !journal || isBusy(this.state.write)) return;
    this.setWrite({ stage: 'undoing', problem: null });
    try {
      await wb.applyPlan(journal);
    } catch (err) {
      this.setWrite({ stage: 'written', problem: wb.problemText(err) });
      return;
    }
    this.journals.pop();
    this.setWrite({ stage: 'undone', notice: WRITE_NOTICE.undone(journal.writes.length), canUndo: this.journals.length > 0 });
    this.undone();
    await wb.recheck();
  };

  /** After the pane's 元に戻す (a tool may drop what followed from the write). */
  protected undone(): void {}
}
