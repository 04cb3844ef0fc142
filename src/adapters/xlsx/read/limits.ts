// Every limit of the .xlsx reader, in one place, each with why it is that number. The workbooks come from many
// hands (and the pane reads whatever is dropped on it), so anything that could make the reader take unbounded
// time or memory is refused or left out before exceljs sees it. What real files need: a survey form is about
// 60 rows × 25 columns (≈ 1,500 cells, ≈ 100 KB of XML); a real workbook has a few sheets (a bureau's book with
// one sheet per claim, a few dozen), a few hundred styles, a few hundred shared strings. The limits sit one to
// three orders of magnitude above that, and below what keeps one file within a few seconds and a few hundred MB
// (figures: `npm run bench`, reader section).

export const MB = 1024 * 1024;

export interface ReadLimits {
  /** The file itself: refused before it is read into memory. */
  maxFileBytes: number;
  /** Records in the zip's central directory (every part of the package, read or not). */
  maxEntries: number;
  /** Sum of the uncompressed sizes of the parts the reader inflates (workbook, sheets, strings, styles). */
  maxTotalUncompressed: number;
  /** Uncompressed size of one of those parts. */
  maxXmlPart: number;
  /** A part at least this large (uncompressed)… */
  bombMinEntrySize: number;
  /** …that inflates more than this many times its compressed size is called a zip bomb. */
  bombRatio: number;
  /**
   * Rows, cells, cells inside merged areas, columns up to each sheet's last used one and runs of rich text, in
   * the whole workbook (exceljs makes an object of each).
   */
  maxCells: number;
  /**
   * Row numbers up to each sheet's last used row, summed over the workbook: exceljs keeps a sheet's rows in an
   * array indexed by row number and walks all of it.
   */
  maxRowSpan: number;
  /** Merged areas on one sheet. */
  maxMergesPerSheet: number;
  /**
   * Pairs of merged areas on the same sheet, summed over the workbook: exceljs compares each new merge with
   * every earlier one on its sheet, so this is its cost.
   */
  maxMergePairs: number;
  /**
   * Formula text in the whole workbook, each shared formula counted once per cell that uses it (exceljs writes
   * it out for every such cell, and the Grid keeps it).
   */
  maxFormulaChars: number;
  /** Sheets named in workbook.xml (exceljs builds a full parser and model per sheet). */
  maxSheets: number;
  /** Entries of sharedStrings.xml. */
  maxSharedStrings: number;
  /** Records of styles.xml: number formats, fonts, fills, borders, cell formats, cell styles, differential formats. */
  maxStyleRecords: number;
  /**
   * Cells covered by the data validations, conditional formats and hyperlinks handed to exceljs, in the whole
   * workbook, each conditional-format rule counted as one more (exceljs expands each validation cell by cell and
   * keeps a model of each rule, ≈ 1–2 KB apiece). Those past it are left out and reported.
   */
  maxAnnotatedCells: number;
  /** Levels of nesting in any XML part read (the root is level 1). */
  maxXmlDepth: number;
  /** Attributes on one XML element. */
  maxAttributes: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  // A form workbook is under 1 MB; one with pasted photos or scans a few tens of MB.
  maxFileBytes: 100 * MB,
  // A real package has 10–50 parts (a few hundred with many sheets and images); reading the list is cheap.
  maxEntries: 10_000,
  // Two full-size parts.
  maxTotalUncompressed: 60 * MB,
  // A sheet with as many cells as the reader takes (≈ 20 MB) fits, with room for long texts; a form sheet is
  // ≈ 100 KB.
  maxXmlPart: 30 * MB,
  // XML compresses 5–30×; a large part compressing over 100× is almost certainly zeros or repetition built to
  // explode (a smaller one cannot hurt: its inflated size is bounded by maxXmlPart anyway).
  bombMinEntrySize: 10 * MB,
  bombRatio: 100,
  // ≈ 300 forms' worth. exceljs spends ≈ 7 µs and ≈ 650 bytes per cell: ≈ 490,000 read through the CLI in
  // ≈ 3.5 s and ≈ 400 MB (bench: cells-at-limit).
  maxCells: 500_000,
  // A form's sheet ends near row 60; ten sheets may reach Excel's last row (≈ 0.1 s of walking each).
  maxRowSpan: 10_000_000,
  // A form has ≈ 50 merged areas.
  maxMergesPerSheet: 5_000,
  // 5,000 merged areas on one sheet (≈ 2 s in exceljs); a book of 1,000 forms needs 1.2 million.
  maxMergePairs: 12_500_000,
  // A form has ≈ 300 formulas of ≈ 40 characters (12,000); this is 400,000 cells of 50 characters.
  maxFormulaChars: 20_000_000,
  // A bureau's book with one sheet per claim has a few dozen; 1,000 sheets of ≈ 500 cells read in ≈ 3 s and
  // ≈ 330 MB (bench: sheets-at-limit).
  maxSheets: 1_000,
  // At most one per cell in a file Excel saved (it drops unused ones); 500,000 read in ≈ 2 s.
  maxSharedStrings: 500_000,
  // Excel keeps at most 64,000 cell formats; with their fonts, fills and borders a bloated template stays
  // under this. 200,000 read in ≈ 2 s and ≈ 160 MB.
  maxStyleRecords: 200_000,
  // A form's validations cover its input cells (≈ 1,500); validations over whole columns (1,048,576 cells each)
  // are what hang exceljs, and are the ones left out. 100,000 one-cell validations read in ≈ 2 s and ≈ 170 MB.
  maxAnnotatedCells: 100_000,
  // SpreadsheetML nests about 8 deep (worksheet › sheetData › row › c › is › r › rPr › rFont).
  maxXmlDepth: 64,
  // An element carries at most a few dozen (the root's namespace declarations).
  maxAttributes: 256,
});

export function resolveLimits(limits: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** Excel's own sheet size: rows and columns beyond these cannot exist in a workbook Excel wrote. */
export const EXCEL_MAX_ROW = 1_048_576;
export const EXCEL_MAX_COL = 16_384;
