// The reader's catalogue: every message is one line of plain Japanese that says what to do and quotes nothing
// from the file; the notes name what was left out with the reader's own addresses.
import {
  CORRUPT_REASONS,
  corrupt,
  droppedNote,
  FILE_ERRORS,
  mb,
  READ_ERRORS,
  sheetUnreadable,
  tooLarge,
  tooManyCells,
  unsafeXml,
  UNSAFE_XML_REASONS,
  WorkbookReadError,
} from '../../src/adapters/xlsx/read/errors';

const every: WorkbookReadError[] = [
  ...Object.values(READ_ERRORS).map((f) => f()),
  FILE_ERRORS.tooLarge(200 * 1024 * 1024, 100 * 1024 * 1024),
  FILE_ERRORS.tooLarge(undefined, 100 * 1024 * 1024),
  FILE_ERRORS.notFound(),
  FILE_ERRORS.noPermission(),
  FILE_ERRORS.busy(),
  FILE_ERRORS.folder(),
  FILE_ERRORS.notRegular(),
  FILE_ERRORS.other('EIO'),
  ...(Object.keys(CORRUPT_REASONS) as (keyof typeof CORRUPT_REASONS)[]).map(corrupt),
  ...(Object.keys(UNSAFE_XML_REASONS) as (keyof typeof UNSAFE_XML_REASONS)[]).map(unsafeXml),
  tooLarge('シートの数(1,000 枚超)が多すぎる'),
  tooManyCells('セルの数が多すぎる'),
  sheetUnreadable(2),
];

describe('reader messages', () => {
  test.each(every.map((e) => [e.code, e] as const))('%s: one line of Japanese that says what to do', (_, e) => {
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect(e.name).toBe('WorkbookReadError');
    // eslint-disable-next-line no-control-regex -- no control character, no line break
    expect(e.message).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(e.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(e.message).toContain('ください');
  });

  test('each inconsistency has its own reason', () => {
    const messages = Object.keys(CORRUPT_REASONS).map((k) => corrupt(k as keyof typeof CORRUPT_REASONS).message);
    expect(new Set(messages).size).toBe(messages.length);
  });

  test('a system error shows its code, never its own words (which name the path)', () => {
    expect(FILE_ERRORS.other('EIO').message).toContain('(詳細: EIO)');
    expect(FILE_ERRORS.other("EIO: i/o error, read '/home/x'").message).not.toContain('/home');
  });

  test('mb', () => {
    expect(mb(1536)).toBe('2 KB');
    expect(mb(60 * 1024 * 1024)).toBe('60 MB');
  });
});

describe('droppedNote', () => {
  test('kinds in the order found, at most three ranges each', () => {
    expect(
      droppedNote([
        { kind: 'hyperlink', elements: 1, ranges: ['B1:B1048576'], unreadable: false },
        { kind: 'dataValidation', elements: 4, ranges: ['A1:A1048576', 'B1:B1048576', 'C1:C1048576', 'D1:D1048576'], unreadable: false },
      ]),
    ).toBe(
      '範囲が広すぎるため読み込まなかったもの: ハイパーリンク 1 件(B1:B1048576)、入力規則 4 件(A1:A1048576、B1:B1048576、C1:C1048576 ほか)。検査には使わない情報なので、検査の結果には影響しません。',
    );
  });

  test('an unreadable range changes the reason', () => {
    expect(droppedNote([{ kind: 'conditionalFormatting', elements: 1, ranges: ['読めない範囲'], unreadable: true }])).toMatch(
      /^範囲が広すぎるか範囲の書き方が読めないため/,
    );
  });
});
