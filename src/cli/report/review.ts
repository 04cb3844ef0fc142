// One workbook for the report: read and checked exactly as `check` does it (the core's checkWorkbook over the
// reader's grids), with what the report shows beside each form: the rating the numbers allow (the core's rating
// guide) and the figures it sums. Plain data only, so that it can come back from a worker thread; the grids and
// forms are dropped here, so the main thread keeps results only.
import { readWorkbookFile } from '../../adapters/xlsx/readWorkbook';
import { checkRecognised } from '../../core/check';
import type { Finding, FormResult, HiddenFormSheet, NotAForm } from '../../core/findings';
import type { Grid } from '../../core/grid';
import type { Form } from '../../core/model/form';
import { key, type RatingColumn } from '../../core/model/keys';
import { guideForm } from '../../core/rating';
import { withWorkbook, type FileErrorInfo, type InputFile } from '../inputs';

/** Amounts in the report are in 千円, as the current edition prints them. */
const YEN_PER_THOUSAND = 1000;

/** The numbers of a form the report lists and sums (千円; the rate as a fraction); null where not given. */
export interface Figures {
  /** D行 ケ / ケ' / ケ'' (older edition: 4. 過年度・当年度賦課分 and 2. N実績). */
  pastBalance: number | null;
  currentBalance: number | null;
  totalBalance: number | null;
  /** C行 ケ'' (older edition: 2. N目標). */
  target: number | null;
  /** 未収債権の件数(過年度+現年度) (older edition: 4. 合計 件数). */
  cases: number | null;
  /** D行 キ'' (older edition: none). */
  collectionRate: number | null;
}

export interface ReviewedForm {
  sheet: string;
  anchor: string;
  edition: FormResult['edition'];
  fiscalYear: number | null;
  header: Record<string, string | null>;
  /** The ratings as printed, by column. */
  ratings: Record<RatingColumn, string | null>;
  /** What the numbers allow for the 合計 column, e.g. "B1|B2" (the guide's wording); null when they cannot tell. */
  allowed: string | null;
  figures: Figures;
  findings: Finding[];
}

export interface ReviewedFile {
  /** The path as shown (as given, or under the folder as given). */
  display: string;
  absolute: string;
  error: FileErrorInfo | null;
  forms: ReviewedForm[];
  notForms: NotAForm[];
  /** Hidden sheets holding a form, left out (without `--hidden`). */
  hiddenSheets: HiddenFormSheet[];
}

export interface ReviewOptions {
  /** Leave hidden sheets out, as `check` does without `--hidden`. */
  skipHidden: boolean;
}

const RATING_KEYS = {
  current: { past: key.rating('past'), current: key.rating('current'), total: key.rating('total') },
  older: { past: 'older.rating.past', current: 'older.rating.current', total: 'older.rating.total' },
} as const;

function figuresOf(result: FormResult, form: Form): Figures {
  const n = (k: string): number | null => {
    const v = result.values[k];
    return typeof v === 'number' ? v : null;
  };
  if (result.edition === 'current') {
    return {
      pastBalance: n(key.trend('D', 'ケ')),
      currentBalance: n(key.trend('D', "ケ'")),
      totalBalance: n(key.trend('D', "ケ''")),
      target: n(key.trend('C', "ケ''")),
      cases: n(key.summary('cases')),
      collectionRate: n(key.trend('D', "キ''")),
    };
  }
  // The older edition prints its amounts in 円 or 千円, section by section.
  const units = form.edition === 'older' ? form.units : { balance: YEN_PER_THOUSAND, status: YEN_PER_THOUSAND };
  const thousands = (v: number | null, unit: number): number | null => (v === null ? null : (v * unit) / YEN_PER_THOUSAND);
  return {
    pastBalance: thousands(n('older.status.pastYears.amount'), units.status),
    currentBalance: thousands(n('older.status.currentYear.amount'), units.status),
    totalBalance: thousands(n('older.balance.N実績'), units.balance),
    target: thousands(n('older.balance.N目標'), units.balance),
    cases: n('older.status.total.count'),
    collectionRate: null,
  };
}

function reviewForm(result: FormResult, form: Form): ReviewedForm {
  const printed = (k: string): string | null => {
    const v = result.values[k];
    return v === null || v === undefined ? null : String(v);
  };
  const rk = RATING_KEYS[result.edition];
  return {
    sheet: result.sheet,
    anchor: result.anchor,
    edition: result.edition,
    fiscalYear: result.fiscalYear,
    header: result.header,
    ratings: { past: printed(rk.past), current: printed(rk.current), total: printed(rk.total) },
    allowed: guideForm(form).columns['total']?.proposed ?? null,
    figures: figuresOf(result, form),
    findings: result.findings,
  };
}

/** checkWorkbook's result, each form with its figures and rating guide. */
function reviewGrids(grids: readonly Grid[], opts: ReviewOptions): Pick<ReviewedFile, 'forms' | 'notForms' | 'hiddenSheets'> {
  // Exactly `check`'s result, with the recognised forms beside it (the rating guide reads them).
  const { result, forms } = checkRecognised(grids, { skipHidden: opts.skipHidden });
  return { forms: result.forms.map((r, i) => reviewForm(r, forms[i]!)), notForms: result.notForms, hiddenSheets: result.hiddenSheets };
}

export async function reviewFile(input: InputFile, opts: ReviewOptions): Promise<ReviewedFile> {
  const { error, value } = await withWorkbook(input, (f) => readWorkbookFile(f), (grids) => reviewGrids(grids, opts));
  return {
    display: input.display,
    absolute: input.absolute,
    error,
    forms: value?.forms ?? [],
    notForms: value?.notForms ?? [],
    hiddenSheets: value?.hiddenSheets ?? [],
  };
}
