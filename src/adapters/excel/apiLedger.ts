// The API ledger: every Office.js call the add-in makes (and the ones it has decided not to make), with the
// requirement set that brings it, what it does to the workbook, and what it does to the user's undo history on
// Windows, Excel on the web and Mac, with what was read to say so. The adapter's paths are held to it by the
// tests (test/unit/adapters/officeAdapter.test.ts): a path calls only what the ledger lists for it, and nothing
// that is known to clear the undo history or not known to keep it. The preview of a write says how it can be
// undone from the write's entry (undoOutlook.ts).
//
// Requirement sets are Microsoft's "[Api set: …]" remarks as @types/office-js 1.0.612 carries them, which are the
// reference pages on learn.microsoft.com. "kept" for a call Microsoft's list of calls without undo support does not
// name, and that no report in the office-js tracker says otherwise for; that list missed getMergedAreasOrNullObject
// (#5918), so "kept" is Microsoft's word, not a test in Excel (there is no Excel here).
//
// Builds before ExcelApi 1.20 (Windows before Version 2509, Mac before 16.100) had no undo support for add-ins:
// Microsoft's note of 2022 said the undo stack was cleared when an application-specific API was called, and
// custom functions in a shared runtime cleared it on each calculation (#2802, #3317, both since marked fixed).
// On such a build this add-in cannot keep the undo history, whatever it calls; the preview of a write says so.
//
// One path may clear the undo history: adding a worksheet (新しい調査書, 翌年度へ繰り越し). Adding a sheet was reported
// to clear it on Windows (#6170), and protecting one is in Microsoft's list; the issue asks for the command all the
// same. Its preview says, before anything is written, what adding does to the undo history on this Excel and how the
// sheet is removed (undoOutlook.ts), so the guard lets that path, and only it, make such calls (WARNED_PATHS).

/** The platforms Microsoft's undo documentation and the office-js tracker speak of. */
export type LedgerPlatform = 'desktop' | 'web' | 'mac';
export const LEDGER_PLATFORMS: readonly LedgerPlatform[] = ['desktop', 'web', 'mac'];

/** What a call does to the user's undo history, on builds with undo support (ExcelApi 1.20). */
export type UndoEffect = 'kept' | 'cleared' | 'unverified';

/** Where the adapter makes calls: each has its test, which records every call against this ledger. */
export type ApiPath =
  /** Office.onReady and requirement checks, before anything else. */
  | 'startup'
  /** readWorkbook and readRegion: opening, 「チェック」, and each live check after an edit. */
  | 'read'
  /** Selecting a finding's cell. */
  | 'select'
  /** Listening for edits and sheet changes (live checking). */
  | 'watch'
  /** applyPlan: 「数式を入れる」「評価ガイド」 after their preview, and the pane's 元に戻す. */
  | 'write'
  /** addSheet: 「新しい調査書」「翌年度へ繰り越し」 after their preview; only the new worksheet is written. */
  | 'sheets'
  /** The custom functions (functions.js). */
  | 'functions';

export interface LedgerEntry {
  /** Microsoft's requirement set for the call. */
  set: string;
  kind: 'runtime' | 'read' | 'ui' | 'event' | 'write';
  /** On builds with ExcelApi 1.20. */
  undo: Record<LedgerPlatform, UndoEffect>;
  /** Before ExcelApi 1.20, where it differs (a write then clears the undo history). */
  beforeUndoSupport?: UndoEffect;
  /** The properties a load may name (load entries only). */
  properties?: readonly string[];
  /** The paths that call it; empty: the add-in does not call it (and why is in the note). */
  paths: readonly ApiPath[];
  note: string;
  sources: readonly string[];
}

const DOCS = {
  undo: 'https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities',
  api120: 'https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-20-requirement-set',
  sets: 'https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets',
  range: 'https://learn.microsoft.com/javascript/api/excel/excel.range',
  worksheet: 'https://learn.microsoft.com/javascript/api/excel/excel.worksheet',
  worksheets: 'https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection',
  worksheetVisibility: 'https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member',
  sheetVisibility: 'https://learn.microsoft.com/javascript/api/excel/excel.sheetvisibility',
  runOptions: 'https://learn.microsoft.com/javascript/api/excel/excel.runoptions',
  run: 'https://learn.microsoft.com/javascript/api/excel#excel-excel-run-function(1)',
  context: 'https://learn.microsoft.com/javascript/api/excel/excel.requestcontext',
  events: 'https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events',
  rangeFormat: 'https://learn.microsoft.com/javascript/api/excel/excel.rangeformat',
  rangeFill: 'https://learn.microsoft.com/javascript/api/excel/excel.rangefill',
  rangeFont: 'https://learn.microsoft.com/javascript/api/excel/excel.rangefont',
  rangeBorders: 'https://learn.microsoft.com/javascript/api/excel/excel.rangebordercollection',
  rangeBorder: 'https://learn.microsoft.com/javascript/api/excel/excel.rangeborder',
  formatProtection: 'https://learn.microsoft.com/javascript/api/excel/excel.formatprotection',
  dataValidation: 'https://learn.microsoft.com/javascript/api/excel/excel.datavalidation',
  pageLayout: 'https://learn.microsoft.com/javascript/api/excel/excel.pagelayout',
  pageBreaks: 'https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection',
  worksheetProtection: 'https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection',
  onReady: 'https://learn.microsoft.com/javascript/api/office#office-office-onready-function(1)',
  requirements: 'https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport',
  customFunctions: 'https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions',
  /** Microsoft's 2022 note: application-specific API calls cleared the undo stack (before undo support). */
  note2022: 'https://github.com/OfficeDev/office-js-docs-pr/pull/3751',
  /** Microsoft's 2025 docs change: application-specific APIs no longer universally clear the undo stack. */
  note2025: 'https://github.com/OfficeDev/office-js-docs-pr/pull/5042',
} as const;

const ISSUE = (n: number) => `https://github.com/OfficeDev/office-js/issues/${n}`;

const KEPT: Record<LedgerPlatform, UndoEffect> = { desktop: 'kept', web: 'kept', mac: 'kept' };

/**
 * What the preview of a write is made from (undoOutlook.ts): the undo facts of the write and of its undo group, as
 * the ledger's entries below give them. Apart from the entries so that the pane's script carries these few words
 * and not the whole ledger.
 */
export const WRITE_UNDO = {
  write: { undo: KEPT, beforeUndoSupport: 'cleared' },
  grouping: { undo: KEPT },
} as const satisfies Record<string, Pick<LedgerEntry, 'undo' | 'beforeUndoSupport'>>;

/**
 * What the preview of 新しい調査書 and 翌年度へ繰り越し is made from (undoOutlook.ts): adding the sheet, and protecting
 * it (only when the person asks to lock the computed cells). Its cells and formats are written as `WRITE_UNDO.write`.
 */
export const SHEET_UNDO = {
  add: { undo: { desktop: 'cleared', web: 'kept', mac: 'unverified' }, beforeUndoSupport: 'cleared' },
  protect: { undo: { desktop: 'cleared', web: 'cleared', mac: 'cleared' } },
} as const satisfies Record<string, Pick<LedgerEntry, 'undo' | 'beforeUndoSupport'>>;

/**
 * Paths whose preview says, before anything is written, what they do to the undo history on this Excel: there the
 * guard allows a call that is not known to keep it.
 */
export const WARNED_PATHS: readonly ApiPath[] = ['sheets'];

/** Reads and UI calls: not in Microsoft's list of calls without undo support, and no report says otherwise. */
const READ_NOTE = "Not in Microsoft's list of APIs without undo support; no report of a lost undo history found in the office-js tracker.";

/**
 * A write on the sheet the same batch has just added (sheetWriter.ts). Each set decides what a host without it
 * gets: ExcelApi 1.2 the form at all; without 1.8 no drop-down lists, without 1.9 no print setup, each said in the
 * preview and after adding.
 */
const NEW_SHEET_NOTE = "Only on the sheet just added (新しい調査書, 翌年度へ繰り越し). Not in Microsoft's list of APIs without undo support; no report found either way.";

/** The entry of such a write: its requirement set, what it sets and the page that documents it. */
function newSheetWrite(set: string, what: string, doc: string): LedgerEntry {
  return { set, kind: 'write', ...WRITE_UNDO.write, paths: ['sheets'], note: `${what} ${NEW_SHEET_NOTE}`, sources: [doc, DOCS.undo] };
}


export const API_LEDGER = {
  'Office.onReady': {
    set: 'Common API(要件セットなし)',
    kind: 'runtime',
    undo: KEPT,
    paths: ['startup'],
    note: 'Touches no workbook. Outside Office it resolves with a null application and platform (the pane then offers its file mode).',
    sources: [DOCS.onReady],
  },
  'Office.context.requirements.isSetSupported': {
    set: 'Common API(要件セットなし)',
    kind: 'runtime',
    undo: KEPT,
    paths: ['write', 'sheets'],
    note:
      'Touches no workbook. Asked before a write whether ExcelApi 1.20 (undo support, mergeUndoGroup) is there, and before adding a sheet which of ' +
      'ExcelApi 1.2 (the form at all), 1.8 (drop-down lists) and 1.9 (print setup) are (sheetWriter.ts).',
    sources: [DOCS.requirements],
  },
  'Excel.run': {
    set: 'ExcelApi 1.1',
    kind: 'runtime',
    undo: KEPT,
    paths: ['read', 'select', 'watch', 'write', 'sheets'],
    note: 'One batch per call; the adapter puts a timeout on each (officeAdapter.ts). Adding a sheet is one batch per sheet.',
    sources: [DOCS.run],
  },
  'Excel.RunOptions.mergeUndoGroup': {
    set: 'ExcelApi 1.20',
    kind: 'write',
    ...WRITE_UNDO.grouping,
    paths: ['write'],
    note:
      'Merges the writes of one Excel.run into one undo step; throws UndoNotSupported when a call in the group cannot be undone (Microsoft). ' +
      'Reported to throw RichApi.Error on Excel on the web with this option alone (#6711, 2026), an internal error from the third run on (#6255, 2025, web), ' +
      'and UndoNotSupported for a large block of formulas (#6491, Windows and web, fix pending). Where it throws, the adapter finishes the write once without it ' +
      '(cells already written are left alone) and the pane\'s 元に戻す takes over.',
    sources: [DOCS.runOptions, DOCS.api120, DOCS.undo, ISSUE(6711), ISSUE(6255), ISSUE(6491)],
  },
  'Excel.RequestContext.sync': {
    set: 'ExcelApi 1.1',
    kind: 'runtime',
    undo: KEPT,
    paths: ['read', 'select', 'watch', 'write', 'sheets'],
    note:
      'Without mergeUndoGroup each sync makes one undo record (Microsoft); the adapter writes a plan in one sync, and adds a sheet with all of its ' +
      'contents in one sync after reading the sheet names.',
    sources: [DOCS.context, DOCS.runOptions],
  },
  'Excel.WorksheetCollection.load': {
    set: 'ExcelApi 1.1',
    kind: 'read',
    undo: KEPT,
    properties: ['items/name', 'items/visibility'],
    paths: ['read', 'sheets'],
    note:
      READ_NOTE +
      ' Before adding a sheet: its name must still be free (Excel compares names without regard to case). On reading, each sheet\'s ' +
      'visibility too (Worksheet.visibility: Visible, Hidden, VeryHidden; ExcelApi 1.1 for reading it, 1.2 for setting it, which the ' +
      'add-in never does): the pane leaves the forms on hidden sheets out and names those sheets.',
    sources: [DOCS.worksheets, DOCS.worksheetVisibility, DOCS.sheetVisibility, DOCS.undo],
  },
  'Excel.WorksheetCollection.getActiveWorksheet': {
    set: 'ExcelApi 1.1',
    kind: 'read',
    undo: KEPT,
    paths: ['read'],
    note: READ_NOTE,
    sources: [DOCS.worksheets, DOCS.undo],
  },
  'Excel.WorksheetCollection.getItem': {
    set: 'ExcelApi 1.1',
    kind: 'read',
    undo: KEPT,
    paths: ['read', 'select', 'watch', 'write'],
    note: READ_NOTE,
    sources: [DOCS.worksheets, DOCS.undo],
  },
  'Excel.WorksheetCollection.onActivated': {
    set: 'ExcelApi 1.7',
    kind: 'event',
    undo: KEPT,
    paths: ['watch'],
    note: 'Follows the active sheet (to show its form); the handler only reads the sheet name.',
    sources: [DOCS.worksheets, DOCS.events],
  },
  'Excel.WorksheetCollection.add': {
    set: 'ExcelApi 1.1',
    kind: 'write',
    ...SHEET_UNDO.add,
    paths: ['sheets'],
    note:
      'Adds the new form after the last sheet (新しい調査書, 翌年度へ繰り越し). Reported with Range.formulas to clear the undo history on Windows ' +
      '(Version 2507, #6170, closed by design; the reply was not read here). Microsoft\'s list does not name it and no report for a build with ' +
      'ExcelApi 1.20 was found, so Windows is taken at the report\'s word; the reporter found the undo history kept on the web; nothing known for Mac. ' +
      'The preview says so before adding, and how the sheet is removed (sheet tab → 削除).',
    sources: [DOCS.worksheets, ISSUE(6170), DOCS.undo],
  },
  'Excel.Worksheet.load': {
    set: 'ExcelApi 1.1',
    kind: 'read',
    undo: KEPT,
    properties: ['name'],
    paths: ['read', 'watch'],
    note: READ_NOTE,
    sources: [DOCS.worksheet, DOCS.undo],
  },
  'Excel.Worksheet.getUsedRange': {
    set: 'ExcelApi 1.1(valuesOnly は 1.2)',
    kind: 'read',
    undo: KEPT,
    paths: ['read'],
    note: READ_NOTE,
    sources: [DOCS.worksheet, DOCS.undo],
  },
  'Excel.Worksheet.getRange': {
    set: 'ExcelApi 1.1',
    kind: 'read',
    undo: KEPT,
    paths: ['read', 'select', 'write', 'sheets'],
    note: READ_NOTE + ' Adding a sheet asks only the new sheet for ranges (and for its columns and rows, "C:C", "5:5").',
    sources: [DOCS.worksheet, DOCS.undo],
  },
  'Excel.Worksheet.activate': {
    set: 'ExcelApi 1.1',
    kind: 'ui',
    undo: KEPT,
    paths: ['select', 'sheets'],
    note: "Shows a finding's sheet, or the sheet just added; changes no cell. " + READ_NOTE,
    sources: [DOCS.worksheet, DOCS.undo],
  },
  'Excel.Worksheet.onChanged': {
    set: 'ExcelApi 1.7',
    kind: 'event',
    undo: KEPT,
    paths: ['watch'],
    note: "Live checking listens to the selected form's sheet only; Excel raises one event per committed edit or paste.",
    sources: [DOCS.worksheet, DOCS.events],
  },
  'Excel.Range.load': {
    set: 'ExcelApi 1.1',
    kind: 'read',
    undo: KEPT,
    properties: ['rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat', 'valueTypes'],
    paths: ['read', 'write'],
    note: READ_NOTE + ' A write reads its cells first, to refuse it if they changed since the preview.',
    sources: [DOCS.range, DOCS.undo],
  },
  'Excel.Range.getMergedAreasOrNullObject': {
    set: 'ExcelApi 1.13',
    kind: 'read',
    undo: { desktop: 'cleared', web: 'unverified', mac: 'unverified' },
    paths: [],
    note:
      'Not called on any path. On Windows (Version 2505) the sync after it loses the undo history (#5918, in Microsoft\'s backlog); no report for the web or Mac either way. ' +
      'It also returns only the merged areas whose top-left cell is in the range (#3611). Where a value sits right of a merged label is read from the labels and the value layout (src/core/recognise).',
    sources: [ISSUE(5918), ISSUE(3611), DOCS.range, DOCS.undo],
  },
  'Excel.Range.select': {
    set: 'ExcelApi 1.1',
    kind: 'ui',
    undo: KEPT,
    paths: ['select'],
    note: "Selects a finding's cell; changes no cell. " + READ_NOTE,
    sources: [DOCS.range, DOCS.undo],
  },
  'Excel.Range.formulas': {
    set: 'ExcelApi 1.1',
    kind: 'write',
    ...WRITE_UNDO.write,
    paths: ['write', 'sheets'],
    note:
      'The only write to existing sheets (formulas, ratings, and the pane\'s 元に戻す), made after a preview that says how it is undone; on a sheet just ' +
      'added, its labels, inputs and formulas in one 2-D array. Undoable with ExcelApi 1.20 (not in Microsoft\'s list); ' +
      'reported to clear the undo history on Windows Version 2507, before ExcelApi 1.20 reached Windows in Version 2509 (#6170).',
    sources: [DOCS.range, DOCS.undo, DOCS.api120, DOCS.sets, ISSUE(6170), DOCS.note2022, DOCS.note2025],
  },
  // Adding a sheet (新しい調査書, 翌年度へ繰り越し): only on the new sheet.
  'Excel.Range.numberFormat': newSheetWrite('ExcelApi 1.1', 'The 千円, count and % formats, in one 2-D array.', DOCS.range),
  'Excel.Range.merge': newSheetWrite('ExcelApi 1.2', 'The form\'s merged labels and input areas.', DOCS.range),
  'Excel.RangeFill.color': newSheetWrite('ExcelApi 1.1', '色付け箇所 (input cells) and the code row shaded.', DOCS.rangeFill),
  'Excel.RangeFont.bold': newSheetWrite('ExcelApi 1.1', 'Title and section headings.', DOCS.rangeFont),
  'Excel.RangeFont.size': newSheetWrite('ExcelApi 1.1', 'The title.', DOCS.rangeFont),
  'Excel.RangeBorderCollection.getItem': newSheetWrite('ExcelApi 1.1', 'The edges of the boxed cells.', DOCS.rangeBorders),
  'Excel.RangeBorder.style': newSheetWrite('ExcelApi 1.1', 'Thin boxes around inputs and computed cells.', DOCS.rangeBorder),
  'Excel.RangeBorder.color': newSheetWrite('ExcelApi 1.1', 'Thin boxes around inputs and computed cells.', DOCS.rangeBorder),
  'Excel.RangeFormat.wrapText': newSheetWrite('ExcelApi 1.1', 'Long labels and the narrative wrap.', DOCS.rangeFormat),
  'Excel.RangeFormat.horizontalAlignment': newSheetWrite('ExcelApi 1.1', 'Computed cells right, the code row centred.', DOCS.rangeFormat),
  'Excel.RangeFormat.verticalAlignment': newSheetWrite('ExcelApi 1.1', 'Narrative from the top, labels centred.', DOCS.rangeFormat),
  'Excel.RangeFormat.columnWidth': newSheetWrite('ExcelApi 1.2', 'The form\'s column widths (in points, from the layout\'s characters).', DOCS.rangeFormat),
  'Excel.RangeFormat.rowHeight': newSheetWrite('ExcelApi 1.2', 'The form\'s row heights.', DOCS.rangeFormat),
  'Excel.FormatProtection.locked': newSheetWrite('ExcelApi 1.2', 'Input cells left unlocked, for when the sheet is protected.', DOCS.formatProtection),
  'Excel.DataValidation.rule': newSheetWrite('ExcelApi 1.8', 'The drop-down lists of 債権区分 and 達成状況 (A・B1・B2・—).', DOCS.dataValidation),
  'Excel.DataValidation.prompt': newSheetWrite('ExcelApi 1.8', 'The Japanese message shown when such a cell is selected.', DOCS.dataValidation),
  'Excel.DataValidation.errorAlert': newSheetWrite('ExcelApi 1.8', 'The Japanese message when something off the list is typed.', DOCS.dataValidation),
  'Excel.PageLayout.orientation': newSheetWrite('ExcelApi 1.9', 'Landscape, as the form is printed.', DOCS.pageLayout),
  'Excel.PageLayout.paperSize': newSheetWrite('ExcelApi 1.9', 'A4.', DOCS.pageLayout),
  'Excel.PageLayout.centerHorizontally': newSheetWrite('ExcelApi 1.9', 'Centred on the page.', DOCS.pageLayout),
  'Excel.PageLayout.zoom': {
    set: 'ExcelApi 1.9',
    kind: 'write',
    ...WRITE_UNDO.write,
    paths: ['sheets'],
    note: `One page wide ({ horizontalFitToPages: 1 }); reported not to take effect on some builds unless the Page Layout tab is open (#1860, in backlog). ${NEW_SHEET_NOTE}`,
    sources: [DOCS.pageLayout, ISSUE(1860), DOCS.undo],
  },
  'Excel.PageLayout.setPrintArea': newSheetWrite('ExcelApi 1.9', 'The form\'s print area.', DOCS.pageLayout),
  'Excel.PageBreakCollection.add': newSheetWrite('ExcelApi 1.9', 'Sections 4 and 5 start the second page.', DOCS.pageBreaks),
  'Excel.WorksheetProtection.protect': {
    set: 'ExcelApi 1.2',
    kind: 'write',
    ...SHEET_UNDO.protect,
    paths: ['sheets'],
    note:
      "Only when the person asks to lock the computed cells (no password). In Microsoft's list of APIs without undo support on every platform: " +
      'the preview says that the undo history is lost before adding such a sheet.',
    sources: [DOCS.worksheetProtection, DOCS.undo],
  },
  'OfficeExtension.EventHandlerResult.remove': {
    set: 'ExcelApi 1.7',
    kind: 'event',
    undo: KEPT,
    paths: ['watch'],
    note: 'Removes a handler when live checking stops or another form is selected.',
    sources: [DOCS.events],
  },
  'CustomFunctions.associate': {
    set: 'CustomFunctionsRuntime 1.1',
    kind: 'runtime',
    undo: KEPT,
    paths: ['functions'],
    note:
      'Registers the functions, which call no Excel API. In 2022 custom functions in a shared runtime cleared the undo history on each calculation (#2802, #3317, both since marked fixed).',
    sources: [DOCS.customFunctions, ISSUE(2802), ISSUE(3317)],
  },
  'CustomFunctions.Error': {
    set: 'CustomFunctionsRuntime 1.2',
    kind: 'runtime',
    undo: KEPT,
    paths: ['functions'],
    note: 'A bad argument shows #VALUE! with a Japanese explanation.',
    sources: [DOCS.customFunctions],
  },
} as const satisfies Record<string, LedgerEntry>;

export type LedgerApi = keyof typeof API_LEDGER;

/** One call as a test records it: the API and, for a load, the properties named. */
export interface ApiCall {
  api: string;
  properties?: readonly string[];
}

/**
 * Why `call` may not be made on `path`, in plain words; null when the ledger allows it. A call is allowed where the
 * ledger lists it for that path, names the properties it loads, and says it keeps the undo history everywhere (or the
 * path's preview says beforehand that it does not: WARNED_PATHS).
 */
export function refusal(path: ApiPath, call: ApiCall): string | null {
  const entry = (API_LEDGER as Record<string, LedgerEntry>)[call.api];
  if (!entry) return `${call.api} is not in the API ledger`;
  if (!entry.paths.includes(path)) return `${call.api} is not listed for the ${path} path`;
  const risky = LEDGER_PLATFORMS.filter((p) => entry.undo[p] !== 'kept');
  if (risky.length && !WARNED_PATHS.includes(path)) return `${call.api} is not known to keep the undo history on ${risky.join(', ')}`;
  const extra = (call.properties ?? []).filter((p) => !entry.properties?.includes(p));
  if (extra.length) return `${call.api} loads ${extra.join(', ')}, which the ledger does not list`;
  return null;
}
