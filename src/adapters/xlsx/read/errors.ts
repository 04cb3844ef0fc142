// The .xlsx reader's catalogue: its error type, every message it gives, and the notes it leaves on a sheet.
// Each message is one line of plain Japanese that says what the user can do. None ever quotes the file's own
// content (part names, XML, library errors): a crafted file could put anything there.
import { MB } from './limits';

export type WorkbookReadErrorCode =
  | 'not-zip'
  | 'encrypted'
  | 'legacy-xls'
  | 'not-xlsx'
  | 'truncated'
  | 'corrupt'
  | 'too-large'
  | 'zip-bomb'
  | 'too-many-cells'
  | 'unsafe-xml'
  | 'empty'
  | 'read-failed';

/** A workbook that cannot be read; `message` is plain Japanese and says what the user can do. */
export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
  constructor(
    readonly code: WorkbookReadErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const RESAVE = 'Excel で開いて保存し直してから、もう一度検査してください。';
const SHEET_ONLY = '調査書のシートだけを新しいブックにコピーして保存し、そのファイルを検査してください。';

export const READ_ERRORS = {
  empty: () =>
    new WorkbookReadError(
      'empty',
      'ファイルが空です(0 バイト)。保存やコピーが途中で止まった可能性があります。元のファイルをもう一度コピーするか、送付元に送り直しを依頼してください。',
    ),
  notZip: () =>
    new WorkbookReadError(
      'not-zip',
      'Excel ブック(.xlsx)ではないため読み込めません(名前だけ .xlsx になっている可能性があります)。元のソフトで開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください。',
    ),
  encrypted: () =>
    new WorkbookReadError(
      'encrypted',
      'パスワードで保護(暗号化)されたブックのため読み込めません。Excel で開いてパスワードを解除して保存し直してください(「ファイル」→「情報」→「ブックの保護」→「パスワードを使用して暗号化」でパスワードを空にします)。',
    ),
  legacyXls: () =>
    new WorkbookReadError(
      'legacy-xls',
      '古い Excel 形式(.xls)のファイルのため読み込めません。Excel で開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで .xlsx 形式で保存し直してください。',
    ),
  oleUnknown: () =>
    new WorkbookReadError(
      'legacy-xls',
      'パスワードで保護された .xlsx か、古い Excel 形式(.xls)のファイルです。パスワードがかかっている場合はパスワードを解除して保存し直してください。.xls の場合は .xlsx 形式で保存し直してください。',
    ),
  truncated: () =>
    new WorkbookReadError(
      'truncated',
      'ファイルが壊れているか、途中で切れています(コピーやダウンロードが最後まで終わっていない可能性があります)。元のファイルをもう一度コピーするか、Excel で開いて保存し直してください。',
    ),
  notXlsx: () =>
    new WorkbookReadError(
      'not-xlsx',
      'ZIP 形式のファイルですが、Excel ブック(.xlsx)ではありません(ブック本体の部品がありません)。Word や他のソフトのファイルではないか確認し、Excel ブック (*.xlsx) として保存し直してください。',
    ),
  xlsb: () =>
    new WorkbookReadError(
      'not-xlsx',
      'Excel バイナリ ブック(.xlsb)のため読み込めません。Excel で開き、「Excel ブック (*.xlsx)」形式で保存し直してください。',
    ),
  zipEncrypted: () =>
    new WorkbookReadError('encrypted', 'ブック内部のデータが暗号化されているため読み込めません。パスワードを解除して保存し直してください。'),
  unsupportedMethod: () =>
    new WorkbookReadError(
      'not-xlsx',
      'ブック内部のデータが Excel の使わない方式で圧縮されているため読み込めません。Excel で開いて .xlsx 形式で保存し直してください。',
    ),
  zipBomb: () =>
    new WorkbookReadError(
      'zip-bomb',
      '展開すると極端に大きくなるデータ(圧縮率が異常に高いデータ)が含まれているため、安全のため読み込みません。送付元に確認し、Excel で保存し直したファイルを使ってください。',
    ),
  /** exceljs gave up on a package that passed every check; its own words may quote the file, so they are not shown. */
  readFailed: () => new WorkbookReadError('read-failed', `ブックの内容を読み取れませんでした。${RESAVE}`),
} as const;

/**
 * A worksheet whose XML has values but from which exceljs returned none: not an empty sheet. Named by its place
 * among the worksheets (1-based), never by the name the file gives it.
 */
export function sheetUnreadable(position: number): WorkbookReadError {
  return new WorkbookReadError(
    'read-failed',
    `左から ${position} 枚目のワークシート(非表示のシートも数えます)には値の入ったセルがありますが、その内容を読み取れませんでした。${RESAVE}`,
  );
}

/** Reading the file itself (the hosts': the file system in Node, the chosen file in the page). */
export const FILE_ERRORS = {
  /** Refused before it is read into memory; `size` when known beforehand. */
  tooLarge: (size: number | undefined, max: number) =>
    tooLarge(size === undefined ? `ファイル(上限 ${mb(max)})が大きすぎる` : `ファイル(${mb(size)}、上限 ${mb(max)})が大きすぎる`),
  notFound: () => new WorkbookReadError('read-failed', 'ファイルが見つかりません。ファイル名と場所を確認してください。'),
  noPermission: () =>
    new WorkbookReadError(
      'read-failed',
      'ファイルを開く権限がありません。ファイルの権限を確認するか、自分のフォルダにコピーしてから検査してください。',
    ),
  busy: () =>
    new WorkbookReadError('read-failed', 'ファイルが他のプログラムで使用中です。Excel で開いている場合は閉じてから検査してください。'),
  folder: () => new WorkbookReadError('read-failed', 'ファイルではなくフォルダです。検査する .xlsx ファイルを指定してください。'),
  /** A device, a pipe or a socket: reading it could wait forever or never end. */
  notRegular: () =>
    new WorkbookReadError('read-failed', '通常のファイルではありません(装置やパイプなど)。検査する .xlsx ファイルを指定してください。'),
  /** Any other failure of the system: its own words name the path, so only its error code (EIO…) is shown. */
  other: (code: unknown) => {
    const detail = typeof code === 'string' && /^E[A-Z]+$/.test(code) ? `(詳細: ${code})` : '';
    return new WorkbookReadError('read-failed', `ファイルを読み込めませんでした${detail}。ファイルをコピーし直してから、もう一度検査してください。`);
  },
} as const;

/** Why a package is inconsistent; fixed phrases only. */
export const CORRUPT_REASONS = {
  directory: '部品の一覧(中央ディレクトリ)が、宣言された大きさや位置と合っていません',
  zip64: 'ZIP64 の管理情報が、ファイルの中身と合っていません',
  duplicate: '同じ名前の部品が 2 つ以上あります',
  badName: '部品の名前が不正です(「..」などを含んでいます)',
  localHeader: '部品の見出し(ローカルヘッダー)が部品の一覧と合っていません',
  overlap: '部品のデータ同士が重なっています',
  data: '部品の圧縮データが壊れています',
  checksum: '部品のデータが検査値(CRC)と合っていません',
  multiDisk: '複数のファイルに分割された ZIP です',
  xml: 'ブック内部の XML の構造が壊れています',
  address: 'セルや行の位置が Excel の範囲(1,048,576 行 × XFD 列)の外を指しています',
  sheetNames: '同じ名前のシートが 2 枚以上あります',
  sheetName: 'シート名が Excel では付けられない長さです',
} as const;

export function corrupt(reason: keyof typeof CORRUPT_REASONS): WorkbookReadError {
  return new WorkbookReadError(
    'corrupt',
    `ファイルの内部構造が壊れているため読み込めません(${CORRUPT_REASONS[reason]})。Excel で開ける場合は保存し直したファイルを、開けない場合は送付元に送り直しを依頼してください。`,
  );
}

/** Constructs an ordinary workbook never has; fixed phrases only. */
export const UNSAFE_XML_REASONS = {
  dtd: 'XML の DOCTYPE/ENTITY 宣言',
  depth: '極端に深い入れ子の XML',
  attributes: '1 つの要素に極端に多い属性',
} as const;

export function unsafeXml(reason: keyof typeof UNSAFE_XML_REASONS): WorkbookReadError {
  return new WorkbookReadError(
    'unsafe-xml',
    `ブックの中に通常の Excel ファイルにはない記述(${UNSAFE_XML_REASONS[reason]})が含まれているため、安全のため読み込みません。Excel で開いて、新しいブックとして保存し直してください。`,
  );
}

/** `reason` ends with a plain form such as 「…が大きすぎる」. */
export function tooLarge(reason: string): WorkbookReadError {
  return new WorkbookReadError('too-large', `${reason}ため読み込みません。${SHEET_ONLY}`);
}

export function tooManyCells(detail: string): WorkbookReadError {
  return new WorkbookReadError('too-many-cells', `${detail}ため読み込みません。${SHEET_ONLY}`);
}

export function mb(n: number): string {
  return n >= MB ? `${Math.round(n / MB)} MB` : `${Math.ceil(n / 1024)} KB`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** The parts the reader inflates, named by what they are (never by the name the file gives them). */
export const PART_WORDS = {
  worksheet: 'シート 1 枚のデータ',
  workbook: 'ブックの構成(workbook.xml)',
  relationships: 'ブック内部の部品の対応表(.rels)',
  sharedStrings: '共有文字列(sharedStrings.xml)',
  styles: '書式の定義(styles.xml)',
} as const;

export type PartKind = keyof typeof PART_WORDS;

// ---------------------------------------------------------------------------------------------
// Notes: what was left out of a sheet that is read, shown as an info finding on its forms.

export type AnnotationKind = 'dataValidation' | 'conditionalFormatting' | 'hyperlink';

const ANNOTATION_WORDS: Record<AnnotationKind, string> = {
  dataValidation: '入力規則',
  conditionalFormatting: '条件付き書式',
  hyperlink: 'ハイパーリンク',
};

/** How many ranges a note lists per kind before 「ほか」. */
const NOTE_RANGES = 3;

export interface Dropped {
  kind: AnnotationKind;
  /** Elements left out. */
  elements: number;
  /** Their ranges, as addresses the reader wrote itself from the numbers it parsed (never the file's text). */
  ranges: readonly string[];
  /** Some range could not be read at all. */
  unreadable: boolean;
}

/** One line for a sheet: 「範囲が広すぎるため読み込まなかったもの: 入力規則 2 件(D1:D1048576、F1:F1048576)、…」. */
export function droppedNote(dropped: readonly Dropped[]): string {
  const what = dropped
    .map((d) => {
      const shown = d.ranges.slice(0, NOTE_RANGES).join('、') + (d.ranges.length > NOTE_RANGES ? ' ほか' : '');
      return `${ANNOTATION_WORDS[d.kind]} ${d.elements} 件(${shown})`;
    })
    .join('、');
  const why = dropped.some((d) => d.unreadable) ? '範囲が広すぎるか範囲の書き方が読めない' : '範囲が広すぎる';
  return `${why}ため読み込まなかったもの: ${what}。検査には使わない情報なので、検査の結果には影響しません。`;
}
