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
  runOptions: 'https://learn.microsoft.com/javascript/api/excel/excel.runoptions',
  run: 'https://learn.microsoft.com/javascript/api/excel#excel-excel-run-function(1)',
  context: 'https://learn.microsoft.com/javascript/api/excel/excel.requestcontext',
  events: 'https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events',
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

/** Reads and UI calls: not in Microsoft's list of calls without undo support, and no report says otherwise. */
const READ_NOTE = "Not in Microsoft's list of APIs without undo support; no report of a lost undo history found in the office-js tracker.";

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
    paths: ['write'],
    note: 'Touches no workbook. Asked before a write whether ExcelApi 1.20 (undo support, mergeUndoGroup) is there.',
    sources: [DOCS.requirements],
  },
  'Excel.run': {
    set: 'ExcelApi 1.1',
    kind: 'runtime',
    undo: KEPT,
    paths: ['read', 'select', 'watch', 'write'],
    note: 'One batch per call; the adapter puts a timeout on each (officeAdapter.ts).',
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
    paths: ['read', 'select', 'watch', 'write'],
    note: 'Without mergeUndoGroup each sync makes one undo record (Microsoft); the adapter writes a plan in one sync.',
    sources: [DOCS.context, DOCS.runOptions],
  },
  'Excel.WorksheetCollection.load': {
    set: 'ExcelApi 1.1',
    kind: 'read',
    undo: KEPT,
    properties: ['items/name'],
    paths: ['read'],
    note: READ_NOTE,
    sources: [DOCS.worksheets, DOCS.undo],
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
    undo: KEPT,
    beforeUndoSupport: 'cleared',
    paths: [],
    note:
      'Not called. Reported with Range.formulas to clear the undo history on Windows Version 2507, before ExcelApi 1.20 reached Windows (#6170, closed by design; ' +
      'the reply was not read here, so the reason is unverified). A command that adds sheets (新しい調査書, 翌年度へ繰り越し) must say in its preview how it is undone, as writes do.',
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
    paths: ['read', 'select', 'write'],
    note: READ_NOTE,
    sources: [DOCS.worksheet, DOCS.undo],
  },
  'Excel.Worksheet.activate': {
    set: 'ExcelApi 1.1',
    kind: 'ui',
    undo: KEPT,
    paths: ['select'],
    note: "Shows a finding's sheet; changes no cell. " + READ_NOTE,
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
    paths: ['write'],
    note:
      'The only write (formulas, ratings, and the pane\'s 元に戻す), made after a preview that says how it is undone. Undoable with ExcelApi 1.20 (not in Microsoft\'s list); ' +
      'reported to clear the undo history on Windows Version 2507, before ExcelApi 1.20 reached Windows in Version 2509 (#6170).',
    sources: [DOCS.range, DOCS.undo, DOCS.api120, DOCS.sets, ISSUE(6170), DOCS.note2022, DOCS.note2025],
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
 * ledger lists it for that path, names the properties it loads, and says it keeps the undo history everywhere.
 */
export function refusal(path: ApiPath, call: ApiCall): string | null {
  const entry = (API_LEDGER as Record<string, LedgerEntry>)[call.api];
  if (!entry) return `${call.api} is not in the API ledger`;
  if (!entry.paths.includes(path)) return `${call.api} is not listed for the ${path} path`;
  const risky = LEDGER_PLATFORMS.filter((p) => entry.undo[p] !== 'kept');
  if (risky.length) return `${call.api} is not known to keep the undo history on ${risky.join(', ')}`;
  const extra = (call.properties ?? []).filter((p) => !entry.properties?.includes(p));
  if (extra.length) return `${call.api} loads ${extra.join(', ')}, which the ledger does not list`;
  return null;
}
