// Where the header's, section 1's and the summary's values sit relative to their labels in the official layout:
// drawn by the layout, and read back by recognition where a sheet gives no merged areas (Excel's live reads).
// A module of its own so that recognition (in the pane's first chunk) does not carry the whole layout.
import type { HeaderField, RatingColumn } from '../model/keys';

/** Header cells, by field: label, label column, value column, last value column (to the form's right edge when absent). */
export const HEADER_CELLS: Record<HeaderField, readonly [string, number, number, number?]> = {
  bureau: ['所属', 0, 1, 2],
  section: ['担当', 3, 4, 5],
  claimNo: ['債権整理番号(3ケタ)', 6, 8, 8],
  claimType: ['債権区分', 9, 10, 12],
  claimName: ['債権名', 13, 15],
};

/** Rating cells of section 1, by column: label column, label's last column, value column. */
export const RATING_CELLS: Record<RatingColumn, readonly [number, number, number]> = {
  past: [0, 1, 2],
  current: [3, 4, 5],
  total: [6, 8, 9],
};

/** The column of the summary's values (their labels span the columns before it). */
export const SUMMARY_VALUE_COL = 8;

