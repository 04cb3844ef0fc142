import { z } from 'zod';
import type { Finding, FormResult } from '../../src/core/findings';
import { CSV_HEADER, csvField, formatCsv, neutralise } from '../../src/cli/format/csv';
import { formatJson } from '../../src/cli/format/json';
import type { CheckReport } from '../../src/cli/format/report';
import { fiscalYearText, formatText } from '../../src/cli/format/text';

// The documented JSON shape; `.strict()` so nothing extra slips in.
const FindingSchema = z
  .object({
    rule: z.string().min(1),
    severity: z.enum(['error', 'warning', 'info']),
    keys: z.array(z.string()),
    cells: z.array(z.string()),
    message: z.string(),
    proposed: z.string().optional(),
  })
  .strict();
const FormSchema = z
  .object({
    sheet: z.string(),
    anchor: z.string().regex(/^[A-Z]{1,3}\d+$/),
    edition: z.enum(['current', 'older']),
    fiscalYear: z.number().int().nullable(),
    header: z.record(z.string(), z.string().nullable()),
    values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
    findings: z.array(FindingSchema),
  })
  .strict();
const JsonReportSchema = z
  .object({
    files: z.array(
      z
        .object({
          file: z.string(),
          error: z.object({ code: z.string().min(1), message: z.string().min(1) }).strict().nullable(),
          forms: z.array(FormSchema),
          hiddenSheets: z.array(z.object({ sheet: z.string(), visibility: z.enum(['hidden', 'veryHidden']), forms: z.number().int().min(1) }).strict()),
        })
        .strict(),
    ),
  })
  .strict();

function finding(rule: string, severity: Finding['severity'], message: string, extra: Partial<Finding> = {}): Finding {
  return { rule, severity, keys: [`trend.D.ケ`], cells: ['調査書!R12'], message, ...extra };
}

function form(findings: Finding[], over: Partial<FormResult> = {}): FormResult {
  return {
    sheet: '調査書',
    anchor: 'B2',
    edition: 'current',
    fiscalYear: 2019,
    header: { bureau: '財政局', section: '収納課', claimNo: '056・057', claimType: '私債権', claimName: '市税' },
    values: { 'trend.D.ケ': 1234, 'rating.past': 'A', 'header.claimName': '市税', 'trend.E.ア': null },
    findings,
    ...over,
  };
}

const REPORT: CheckReport = {
  files: [
    {
      file: 'forms/a.xlsx',
      error: null,
      result: {
        forms: [
          form([
            finding('TRD-MISSING', 'warning', 'E行 ウ列が空欄です。'),
            finding('TRD-CARRY', 'error', 'D行 ア列が B行 ケ\'\' 列と一致しません(期待 100、実際 99)。', {
              cells: ['調査書!R12', '調査書!R10'],
              keys: ['trend.D.ア', "trend.B.ケ''"],
            }),
            finding('RATE-MISMATCH', 'error', '評価が数値と合いません。', { proposed: 'B1|B2' }),
            finding('FML-VALUES-ONLY', 'info', '数式がありません。', { cells: [], keys: [] }),
          ]),
          form([], { sheet: '旧', anchor: 'A1', edition: 'older', fiscalYear: 2016, header: { bureau: null } }),
        ],
        notForms: [{ sheet: 'メモ', reason: '調査書の表題や見出しが見つかりません。' }],
        hiddenSheets: [],
      },
    },
    {
      file: 'forms/broken.xlsx',
      error: { code: 'not-zip', message: 'Excel ブック(.xlsx)ではありません。' },
      result: null,
    },
    { file: 'forms/empty.xlsx', error: null, result: { forms: [], notForms: [], hiddenSheets: [] } },
  ],
};

describe('text format', () => {
  const text = formatText(REPORT, { color: false });

  test('groups by file, form and severity with counts', () => {
    expect(text).toContain('■ forms/a.xlsx');
    expect(text).toContain('様式 1/2: シート「調査書」 B2 ・ 現行様式 ・ 令和元年度 (2019)');
    expect(text).toContain('様式 2/2: シート「旧」 A1 ・ 旧様式 ・ 平成28年度 (2016)');
    expect(text).toContain('所属: 財政局 / 担当: 収納課 / 債権整理番号: 056・057 / 債権名: 市税');
    expect(text).toContain('所属: (空欄)');
    const err = text.indexOf('エラー 2 件');
    const warn = text.indexOf('確認 1 件');
    const info = text.indexOf('情報 1 件');
    expect(err).toBeGreaterThan(0);
    expect(warn).toBeGreaterThan(err);
    expect(info).toBeGreaterThan(warn);
    // Cells on the form's own sheet are shown without the sheet name, which heads the form.
    expect(text).toMatch(/\[TRD-CARRY\] R12 R10: D行 ア列が/);
    expect(text).toContain('B1|B2');
    expect(text).toContain('指摘はありません。');
  });

  test('cells on another sheet keep their sheet name', () => {
    const other: CheckReport = {
      files: [
        {
          file: 'f.xlsx',
          error: null,
          result: {
            forms: [
              form([finding('X', 'error', 'm', { cells: ["'My Sheet'!A1", '調査書!B2', "'調査書'!C3", '他!D4'] })], {
                sheet: '調査書',
              }),
            ],
            notForms: [],
            hiddenSheets: [],
          },
        },
      ],
    };
    expect(formatText(other, { color: false })).toContain("[X] 'My Sheet'!A1 B2 C3 他!D4: m");
  });

  test('lists non-form sheets, unreadable files and workbooks without a form', () => {
    expect(text).toContain('「メモ」: 調査書の表題や見出しが見つかりません。');
    expect(text).toContain('読み込めませんでした [not-zip]: Excel ブック(.xlsx)ではありません。');
    expect(text).toMatch(/■ forms\/empty\.xlsx\n {2}調査書の様式が見つかりませんでした。/);
  });

  test('ends with a summary line, then the files without a form by name', () => {
    const [summary, noForm] = text.trimEnd().split('\n').slice(-2);
    expect(summary).toBe('合計: ファイル 3 件(読み込めなかったもの 1、様式の見つからなかったもの 1)、様式 2 件、エラー 2 件、確認 1 件、情報 1 件');
    expect(noForm).toBe('様式の見つからなかったファイル: forms/empty.xlsx');
  });

  test('no ANSI codes unless asked; colour when asked', () => {
    expect(text).not.toContain('\x1b[');
    const coloured = formatText(REPORT, { color: true });
    expect(coloured).toContain('\x1b[31m');
    expect(coloured).toContain('\x1b[33m');
  });

  test('control characters from a workbook cannot reach the terminal', () => {
    const evil: CheckReport = {
      files: [
        {
          file: 'x.xlsx',
          error: null,
          result: { forms: [], notForms: [{ sheet: 'a\x1b[2Jb', reason: 'line1\nline2' }], hiddenSheets: [] },
        },
      ],
    };
    const t = formatText(evil, { color: false });
    expect(t).not.toContain('\x1b');
    expect(t).toContain('「a[2Jb」: line1 line2');
  });

  test('fiscal year labels', () => {
    expect(fiscalYearText(2019)).toBe('令和元年度 (2019)');
    expect(fiscalYearText(2020)).toBe('令和2年度 (2020)');
    expect(fiscalYearText(2018)).toBe('平成30年度 (2018)');
    expect(fiscalYearText(1989)).toBe('平成元年度 (1989)');
    expect(fiscalYearText(null)).toBe('年度不明');
  });
});

describe('json format', () => {
  const parsed: unknown = JSON.parse(formatJson(REPORT));

  test('matches the documented shape exactly', () => {
    const r = JsonReportSchema.safeParse(parsed);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  test('keeps values, header, proposed, and error entries', () => {
    const r = JsonReportSchema.parse(parsed);
    expect(r.files.map((f) => f.file)).toEqual(['forms/a.xlsx', 'forms/broken.xlsx', 'forms/empty.xlsx']);
    const [a, broken, empty] = r.files;
    expect(a!.error).toBeNull();
    expect(a!.forms[0]!.fiscalYear).toBe(2019);
    expect(a!.forms[0]!.values['trend.D.ケ']).toBe(1234);
    expect(a!.forms[0]!.values['trend.E.ア']).toBeNull();
    expect(a!.forms[0]!.header['claimNo']).toBe('056・057');
    expect(a!.forms[0]!.findings.find((f) => f.rule === 'RATE-MISMATCH')!.proposed).toBe('B1|B2');
    expect(a!.forms[0]!.findings.find((f) => f.rule === 'TRD-CARRY')).not.toHaveProperty('proposed');
    expect(broken).toEqual({ file: 'forms/broken.xlsx', error: { code: 'not-zip', message: 'Excel ブック(.xlsx)ではありません。' }, forms: [], hiddenSheets: [] });
    expect(empty).toEqual({ file: 'forms/empty.xlsx', error: null, forms: [], hiddenSheets: [] });
  });

  test('drops fields the core may add beyond the documented shape', () => {
    const extra = { ...form([]), debug: true } as FormResult;
    const out: unknown = JSON.parse(formatJson({ files: [{ file: 'f', error: null, result: { forms: [extra], notForms: [], hiddenSheets: [] } }] }));
    expect(JsonReportSchema.safeParse(out).success).toBe(true);
  });
});

/** A small RFC 4180 parser, to check that what we write reads back field for field. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('csv format', () => {
  const csv = formatCsv(REPORT);

  test('UTF-8 BOM, Japanese header, CRLF rows', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe(CSV_HEADER.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  test('one row per finding, plus a FILE-ERROR row and a NO-FORM row', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(1 + 4 + 1 + 1);
    expect(rows.every((r) => r.length === CSV_HEADER.length)).toBe(true);
    const carry = rows.find((r) => r[3] === 'TRD-CARRY')!;
    expect(carry).toEqual([
      'forms/a.xlsx',
      '調査書',
      'B2',
      'TRD-CARRY',
      'エラー',
      '調査書!R12 調査書!R10',
      "trend.D.ア trend.B.ケ''",
      "D行 ア列が B行 ケ'' 列と一致しません(期待 100、実際 99)。",
    ]);
    const fileError = rows.find((r) => r[3] === 'FILE-ERROR')!;
    expect(fileError[0]).toBe('forms/broken.xlsx');
    expect(fileError[4]).toBe('エラー');
    expect(fileError[7]).toContain('not-zip');
    expect(rows.find((r) => r[3] === 'NO-FORM')).toEqual(['forms/empty.xlsx', '', '', 'NO-FORM', '確認', '', '', '調査書の様式が見つかりませんでした。']);
  });

  test('RFC 4180 quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  test('fields that Excel would run as formulas are neutralised', () => {
    for (const danger of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","x")']) {
      expect(neutralise(danger).startsWith("'")).toBe(true);
    }
    expect(neutralise('所属')).toBe('所属');
    expect(csvField('=cmd|\' /C calc\'!A0')).toBe("'=cmd|' /C calc'!A0");
    expect(csvField('=A1,B1')).toBe('"\'=A1,B1"');

    const evil: CheckReport = {
      files: [
        {
          file: '=evil.xlsx',
          error: null,
          result: {
            forms: [
              form([finding('X', 'error', '+SUM(1)', { cells: ['@A1'], keys: ['-k'] })], { sheet: '=HYPERLINK("x")' }),
            ],
            notForms: [],
            hiddenSheets: [],
          },
        },
      ],
    };
    const rows = parseCsv(formatCsv(evil).slice(1));
    for (const field of rows[1]!) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[1]![0]).toBe("'=evil.xlsx");
  });
});
