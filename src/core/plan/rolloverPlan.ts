// 翌年度へ繰り越し: from a filled form reporting on N (any layout the checker recognises), next year's form reporting
// on N+1 in the official layout. Rows A, B, C and E repeat what this year's form already reports (A ← B, B ← D,
// C ← F, E ← G, spec §2), the plan for N+1 (section 5) becomes what section 4 verifies, and everything N+1 must
// report anew is left for input with its formulas live. A form with error findings is refused unless forced:
// carrying a broken sheet forward spreads the mistake.
import type { Finding } from '../findings';
import { layoutCurrentForm } from '../layout/currentLayout';
import { emptySheetData, type SheetData, type TrendRowData } from '../layout/sheetData';
import { worksheetNameWithSuffix } from '../layout/sheetName';
import { yearLabel } from '../layout/yearWords';
import { fmtAmount, sheetPlanMessages as M } from '../messages';
import { num, text, type CurrentForm, type Form } from '../model/form';
import {
  CARRY_FROM,
  HEADER_FIELDS,
  PARTS,
  TREND_INPUTS,
  TREND_ROW_DEF,
  key,
  type TrendCode,
  type TrendRow,
} from '../model/keys';
import type { NewSheetPlan } from './sheetPlan';

/** New row ← old row: the years a row of next year's form reports are already reported by this year's. */
export const ROLLED_ROWS: readonly (readonly [TrendRow, TrendRow])[] = [
  ['A', 'B'],
  ['B', 'D'],
  ['C', 'F'],
  ['E', 'G'],
];

/** How many error findings the refusal lists before 「ほか n 件」. */
const LISTED_ERRORS = 5;

export interface RolloverOptions {
  /** Roll over a form with error findings all the same. */
  force?: boolean;
  protect?: boolean;
  /** Worksheet names already in use (the new name is added to it). */
  taken?: Set<string>;
}

export interface RolloverRefusal {
  reason: 'older' | 'no-year' | 'errors';
  /** Japanese, with the errors listed briefly. */
  message: string;
  errors: Finding[];
}

export type RolloverResult = { plan: NewSheetPlan } | { refusal: RolloverRefusal };

/**
 * The inputs of a trend row that a new row repeats (ア only where it is typed: row A); null for a row nobody
 * filled, whose ア only shows the 0 its carry formula gives.
 */
function carriedInputs(form: CurrentForm, from: TrendRow, to: TrendRow): TrendRowData | null {
  const row: TrendRowData = {};
  let filled = false;
  for (const code of TREND_INPUTS) {
    if (code === 'ア' && to !== 'A') continue;
    const v = num(form, key.trend(from, code));
    row[code] = v;
    if (v !== null && code !== 'ア') filled = true;
  }
  return filled ? row : null;
}

/** 「14」 read from a number cell is the three-digit 「014」 the form asks for. */
function claimNumber(v: string): string {
  return /^\d{1,2}$/.test(v) ? v.padStart(3, '0') : v;
}

/** The content of next year's form (reporting on N+1) from this year's (reporting on N). */
export function rolledContent(form: CurrentForm): SheetData {
  const data = emptySheetData();
  for (const f of HEADER_FIELDS) {
    const v = text(form, key.header(f)) ?? '';
    data.header[f] = f === 'claimNo' ? claimNumber(v) : v;
  }
  for (const [to, from] of ROLLED_ROWS) data.trend[to] = carriedInputs(form, from, to);
  // ア carries ケ'' of an earlier row; where that row is empty (a claim's first year), the old ア is kept as typed.
  const typedCarry: Partial<Record<TrendRow, number>> = {};
  for (const [to, from] of ROLLED_ROWS) {
    const source = CARRY_FROM[to];
    const old = num(form, key.trend(from, 'ア'));
    if (to !== 'A' && source && data.trend[source] === null && old !== null && old !== 0) typedCarry[to] = old;
  }
  if (Object.keys(typedCarry).length) data.typedCarry = typedCarry;
  for (const part of PARTS) data.narrative.verify[part].取組内容 = text(form, key.plan(part)) ?? '';
  return data;
}

function rowLabel(year: number, row: TrendRow): string {
  const def = TREND_ROW_DEF[row];
  return `${yearLabel(year + def.offset)} ${def.stage}`;
}

function carriedLines(form: CurrentForm, data: SheetData, N: number): string[] {
  const lines = [M.carriedHeader()];
  for (const [to, from] of ROLLED_ROWS) {
    const row = data.trend[to];
    const values = row
      ? (Object.entries(row) as [TrendCode, number | null][])
          .filter(([, v]) => v !== null)
          .map(([code, v]) => `${code} ${fmtAmount(v!)}`)
          .join('、')
      : '';
    const typed = data.typedCarry?.[to];
    const extra = typed === undefined ? '' : ` ${M.carriedTypedCarry(to)}`;
    const oldLabel = form.rowLabels[from] ?? rowLabel(N, from);
    lines.push(M.carriedRow(to, rowLabel(N + 1, to), from, oldLabel, (values || M.carriedNothing()) + extra));
  }
  lines.push(M.carriedNarrative(N));
  return lines;
}

function refusal(reason: RolloverRefusal['reason'], message: string, errors: Finding[] = []): RolloverResult {
  return { refusal: { reason, message, errors } };
}

/** The plan of one rolled form, or why it cannot be rolled over. `findings` are the form's check results. */
export function planRollover(form: Form, findings: readonly Finding[], opts: RolloverOptions = {}): RolloverResult {
  if (form.edition !== 'current') return refusal('older', M.rolloverOlder(form.sheet, form.anchor));
  const N = form.fiscalYear;
  if (N === null) return refusal('no-year', M.rolloverNoYear(form.sheet, form.anchor));
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length && !opts.force) {
    const listed = errors.slice(0, LISTED_ERRORS).map((e) => M.errorLine(e.rule, e.message));
    if (errors.length > LISTED_ERRORS) listed.push(M.moreErrors(errors.length - LISTED_ERRORS));
    return refusal('errors', [M.rolloverErrors(form.sheet, form.anchor, errors.length), ...listed].join('\n'), errors);
  }
  const data = rolledContent(form);
  const name = data.header.claimNo && data.header.claimName ? `${data.header.claimNo} ${data.header.claimName}` : form.sheet;
  const notes = [M.rolloverLeft()];
  if (errors.length) notes.unshift(M.rolloverForced(errors.length));
  if (opts.protect) notes.push(M.protectNote());
  return {
    plan: {
      title: M.rolloverTitle(form.sheet, form.anchor, N),
      sheet: worksheetNameWithSuffix(name, `(${yearLabel(N + 1)})`, opts.taken),
      fiscalYear: N + 1,
      layout: layoutCurrentForm(data, { fiscalYear: N + 1, protect: opts.protect ?? false }),
      carried: carriedLines(form, data, N),
      notes,
    },
  };
}
