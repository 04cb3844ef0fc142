// 「新しい調査書」 and 「翌年度へ繰り越し」 in the pane, without React: the core's plans of the new worksheets
// (planNewForm, planRollover), previewed before anything is written, with what adding a sheet does to Excel's undo
// history here and what this Excel cannot set; then the sheets added one by one, only new sheets, never a cell of
// the user's. A form with error findings is refused with its errors unless 「エラーがあっても繰り越す」 is chosen.
//
// This module and what it imports from src/core and src/adapters are the sheet commands' chunk, with its own copy of
// those modules (webpack.config.js): the pane's first script carries none of it.
import type { Finding } from '../../core/findings';
import type { Form } from '../../core/model/form';
import { planRollover } from '../../core/plan/rolloverPlan';
import { planNewForm, readYear, type NewSheetPlan } from '../../core/plan/sheetPlan';
import { fiscalYearLabel } from '../../core/text/fiscalYear';
import { lackingNote, NO_SHEET_SUPPORT, sheetSupport } from '../../adapters/excel/sheetWriter';
import { sheetUndoOutlook, UNDO_SUPPORT_MINOR, type SheetUndoOutlook } from '../../adapters/excel/undoOutlook';
import type { AddedSheet, ExcelHost, NewSheet } from '../../adapters/excel/workbookAdapter';
import { Store } from './store';

export type SheetCommand = 'newForm' | 'rollover';

/** What the sheet commands need from the pane: the workbook's forms and sheet names as last read, and Excel. */
export interface SheetCommandHost {
  /** Every recognised form of the workbook, in the pane's order. */
  forms(): Form[];
  /** Every worksheet name of the workbook. */
  sheetNames(): readonly string[];
  /** Called whenever the pane's state changes (a new read replaces the forms). */
  subscribe(listener: () => void): () => void;
  /** The form's check results (the pane's own checks). */
  findings(form: Form): readonly Finding[];
  workbook: {
    addSheet(sheet: NewSheet): Promise<AddedSheet>;
    excelHost(): ExcelHost;
    /** Reads the workbook again: the sheets just added join the list of forms. */
    reopen(): Promise<void>;
    /** What went wrong, in Japanese, as the pane says it. */
    problemText(err: unknown): string;
  };
}

/** One worksheet the command would add, or a form it will not roll over and why. */
export interface SheetItem {
  /** The source form's id (翌年度へ繰り越し), or 'new'. */
  id: string;
  /** 翌年度へ繰り越し: the form it comes from, 「シート「sheet-03」B2 ・令和元年度」; null for 新しい調査書. */
  source: string | null;
  plan: NewSheetPlan | null;
  /** Why the form is not rolled over: a sentence, then its errors one a line (「・TRD-CARRY …」). */
  refusal: string[] | null;
  /** The form has error findings: refused unless 「エラーがあっても繰り越す」 is chosen. */
  forceable: boolean;
  /** Added by 「シートを追加」 (a plan, ticked). */
  ticked: boolean;
}

export type SheetStage = 'preview' | 'adding' | 'added';

export interface SheetCommandState {
  command: SheetCommand;
  /** Why the command can add nothing here (no form to roll over, an Excel without ExcelApi 1.2), in Japanese. */
  unavailable: string | null;
  /** 新しい調査書: the year N as typed, and what reading it gave. */
  year: { text: string; problem: string | null; note: string | null };
  protect: boolean;
  /** 翌年度へ繰り越し: roll over forms with error findings all the same (the CLI's --force). */
  force: boolean;
  items: SheetItem[];
  /** How many forms have error findings (「エラーがあっても繰り越す」 is offered where there are some). */
  withErrors: number;
  /** 翌年度へ繰り越し: how many of the forms can be rolled over; null for 新しい調査書. */
  summary: string | null;
  /** How many sheets 「シートを追加」 adds. */
  count: number;
  /** Said before adding: what adding does to Excel's undo history on this Excel, and how a sheet is removed. */
  undo: SheetUndoOutlook;
  /** Said before adding: what this Excel cannot set on the new sheets. */
  lacking: string[];
  stage: SheetStage;
  /** After adding: the sheets added, with what this Excel could not set on them. */
  added: AddedSheet[];
  /** Why adding failed or stopped, in Japanese. */
  problem: string | null;
}

export const SHEET_WORDS = {
  noForms: 'このブックには繰り越せる調査書がありません。現行様式の調査書(報告する年度が読み取れるもの)のシートを開いてから使ってください。',
  added: (names: string[]) => `${names.map((n) => `「${n}」`).join('・')}を追加しました(${names.length} 枚)。`,
  stopped: (names: string[]) =>
    names.length ? `それまでの ${names.map((n) => `「${n}」`).join('・')}は追加済みです。` : 'シートは追加していません。',
  summary: (rolled: number, forms: number) => `調査書 ${forms} 件のうち ${rolled} 件から、翌年度の調査書を作ります。`,
};

/** April starts the fiscal year. */
const APRIL = 3;

/**
 * The year a new form most likely reports on: a survey made in fiscal year Y asks for the results of Y − 1
 * (令和2年度の調査なら令和元).
 */
export function likelyYear(today: Date): number {
  const fiscal = today.getMonth() >= APRIL ? today.getFullYear() : today.getFullYear() - 1;
  return fiscal - 1;
}

function sourceOf(form: Form): string {
  const year = form.fiscalYear === null ? '年度不明' : fiscalYearLabel(form.fiscalYear);
  return `シート「${form.sheet}」${form.anchor} ・${year}`;
}

export interface SheetCommandOptions {
  /** For the year a new form starts with (tests fix it). */
  today?: Date;
}

export class SheetCommandSession extends Store<SheetCommandState> {
  /** Items the person unticked (by id); every plan starts ticked. */
  private readonly unticked = new Set<string>();
  private readonly findings = new WeakMap<Form, readonly Finding[]>();
  private seen: { forms: Form[]; names: readonly string[] };
  private readonly unlisten: () => void;

  constructor(
    private readonly host: SheetCommandHost,
    command: SheetCommand,
    opts: SheetCommandOptions = {},
  ) {
    const text = fiscalYearLabel(likelyYear(opts.today ?? new Date()));
    super({
      command,
      unavailable: null,
      year: { text, problem: null, note: null },
      protect: false,
      force: false,
      items: [],
      withErrors: 0,
      summary: null,
      count: 0,
      undo: { effect: 'unverified', text: '' },
      lacking: [],
      stage: 'preview',
      added: [],
      problem: null,
    });
    this.seen = { forms: host.forms(), names: host.sheetNames() };
    this.plan();
    // A new read (an edit, a sheet added elsewhere) replaces the forms and names: plan again from them.
    this.unlisten = host.subscribe(() => {
      const now = { forms: this.host.forms(), names: this.host.sheetNames() };
      const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
      if (same(now.forms, this.seen.forms) && same(now.names, this.seen.names)) return;
      this.seen = now;
      if (this.state.stage === 'preview') this.plan();
    });
  }

  dispose(): void {
    this.unlisten();
    this.unsubscribeAll();
  }

  setYear = (text: string): void => {
    this.set({ year: { ...this.state.year, text } });
    this.plan();
  };

  setProtect = (protect: boolean): void => {
    this.set({ protect });
    this.plan();
  };

  /** 「エラーがあっても繰り越す」: the forms refused for their errors become plans, ticked (the person chose them). */
  setForce = (force: boolean): void => {
    this.set({ force });
    this.plan();
  };

  setTicked = (id: string, ticked: boolean): void => {
    if (ticked) this.unticked.delete(id);
    else this.unticked.add(id);
    this.plan();
  };

  /** After adding: back to the preview, planned from the workbook as it is now. */
  again = (): void => {
    this.set({ stage: 'preview', added: [], problem: null });
    this.plan();
  };

  /** 「シートを追加」: each ticked plan as a new worksheet, one after another; then the workbook is read again. */
  add = async (): Promise<void> => {
    const plans = this.state.items.filter((i) => i.ticked && i.plan).map((i) => i.plan!);
    if (this.state.stage !== 'preview' || this.state.unavailable || plans.length === 0) return;
    const wb = this.host.workbook;
    this.set({ stage: 'adding', problem: null, added: [] });
    const added: AddedSheet[] = [];
    for (const p of plans) {
      try {
        added.push(await wb.addSheet({ name: p.sheet, layout: p.layout }));
      } catch (err) {
        const names = added.map((a) => a.name);
        this.set({ stage: added.length ? 'added' : 'preview', added, problem: `${wb.problemText(err)} ${SHEET_WORDS.stopped(names)}` });
        // What is in the workbook now (a name taken meanwhile, the sheets added): the preview is planned again from it.
        await wb.reopen();
        return;
      }
    }
    this.set({ stage: 'added', added });
    await wb.reopen();
  };

  private findingsOf(form: Form): readonly Finding[] {
    let f = this.findings.get(form);
    if (!f) {
      f = this.host.findings(form);
      this.findings.set(form, f);
    }
    return f;
  }

  /** The preview from the workbook as last read: names unique among its sheets and among each other. */
  private plan(): void {
    const { command, protect } = this.state;
    const host = this.host.workbook.excelHost();
    const support = sheetSupport(host.excelApi);
    const taken = new Set(this.host.sheetNames());
    const items = command === 'newForm' ? this.newForm(taken) : this.rollover(taken);
    let unavailable = support.base ? null : NO_SHEET_SUPPORT;
    if (command === 'rollover' && items.length === 0) unavailable ??= SHEET_WORDS.noForms;
    this.set({
      unavailable,
      items,
      withErrors: items.filter((i) => i.forceable).length,
      summary: command === 'rollover' && items.length ? SHEET_WORDS.summary(items.filter((i) => i.plan).length, items.length) : null,
      count: unavailable ? 0 : items.filter((i) => i.ticked && i.plan).length,
      undo: sheetUndoOutlook(host.platform, host.excelApi(UNDO_SUPPORT_MINOR), protect),
      lacking: support.lacking.map(lackingNote),
    });
  }

  /** 新しい調査書: the blank form of the year as typed, or nothing and why. */
  private newForm(taken: Set<string>): SheetItem[] {
    const { year, protect } = this.state;
    const y = readYear(year.text);
    if ('problem' in y) {
      this.set({ year: { ...year, problem: y.problem, note: null } });
      return [];
    }
    this.set({ year: { ...year, problem: null, note: y.note ?? null } });
    return [{ id: 'new', source: null, plan: planNewForm({ fiscalYear: y.year, protect, taken }), refusal: null, forceable: false, ticked: true }];
  }

  /** 翌年度へ繰り越し: each form of the workbook, rolled over or refused. */
  private rollover(taken: Set<string>): SheetItem[] {
    const { protect, force } = this.state;
    return this.host.forms().map((form) => {
      const id = `${form.sheet}!${form.anchor}`;
      const ticked = !this.unticked.has(id);
      const findings = this.findingsOf(form);
      // An unticked form's sheet name is shown but not reserved: the ticked ones keep theirs.
      const r = planRollover(form, findings, { force, protect, taken: ticked ? taken : new Set(taken) });
      const source = sourceOf(form);
      if ('plan' in r) return { id, source, plan: r.plan, refusal: null, forceable: findings.some((f) => f.severity === 'error'), ticked };
      return { id, source, plan: null, refusal: r.refusal.message.split('\n'), forceable: r.refusal.reason === 'errors', ticked: false };
    });
  }
}
