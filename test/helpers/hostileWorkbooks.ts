// The hostile and heavy workbooks of the reader's benchmark (scripts/bench-reader.ts), built in memory: each is
// what an attacker or a bloated template could send, at full size. The unit tests use small versions of the same
// holes; these are for measuring time and peak memory through the CLI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  deflatedZeros,
  makeZip,
  minimalInputs,
  minimalXlsx,
  rezip,
  sheetXml,
  SHEET_DATA,
  unzipTrusted,
  workbookRels,
  workbookXml,
  type ZipInput,
} from './xlsxBuilder';

export interface HostileCase {
  id: string;
  /** What the file is, in a few words. */
  what: string;
  /** The reader's answer: a WorkbookReadError code, or 'form' when the workbook must be read as its form. */
  expect: string;
  build(): Promise<Buffer>;
}

const ROOT = path.join(__dirname, '..', '..');
/** A real form (examples/current/sheet-01.xlsx): the valid workbook the heavy and odd variants start from. */
export const SHEET_01 = fs.readFileSync(path.join(ROOT, 'examples', 'current', 'sheet-01.xlsx'));
/** Bomb sizes are in MB. */
const ONE_GB = 1024;

/** sheet-01 with its worksheet's XML changed by `edit`. */
export function sheet01With(edit: (xml: string) => string): Buffer {
  return rezip(SHEET_01, (parts) => {
    parts.set('xl/worksheets/sheet1.xml', edit(parts.get('xl/worksheets/sheet1.xml')!.toString()));
  });
}

/** Worksheet children placed after the merged areas (where Excel writes them). */
export const afterMerges =
  (extra: string) =>
  (xml: string): string =>
    xml.replace('</mergeCells>', `</mergeCells>${extra}`);

/**
 * What templates put on the rating and 債権区分 cells, over whole columns: list validations (one in the
 * "F:F H:H" form other programs write), a small validation that is kept, a conditional format over the whole
 * sheet and a hyperlink over a whole column.
 */
export const WHOLE_COLUMN_ANNOTATIONS =
  '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" dxfId="0" priority="1"><formula>ISERROR(A1)</formula></cfRule></conditionalFormatting>' +
  '<dataValidations count="3">' +
  '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="D1:D1048576"><formula1>"A,B1,B2,—"</formula1></dataValidation>' +
  '<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="F:F H:H"><formula1>"強制徴収公債権,非強制徴収公債権,私債権"</formula1></dataValidation>' +
  '<dataValidation type="whole" operator="greaterThanOrEqual" sqref="D29:V32"><formula1>0</formula1></dataValidation>' +
  '</dataValidations>' +
  '<hyperlinks><hyperlink ref="B1:B1048576" r:id="rId1" display="x"/></hyperlinks>';

/** A deflate bomb of `sizeMb` MB of zeros. */
async function bombEntry(name: string, sizeMb: number, declare: 'honest' | 'small'): Promise<ZipInput> {
  const bytes = await deflatedZeros(sizeMb);
  return { name, raw: { bytes, uncompressedSize: declare === 'honest' ? sizeMb * 1024 * 1024 : 1000 } };
}


export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    id: 'uncounted-record-bomb',
    what: 'a central-directory record after the counted ones, naming a 1 GB deflate bomb',
    expect: 'corrupt',
    build: async () => makeZip(minimalInputs(), { uncounted: [await bombEntry('xl/worksheets/sheet2.xml', ONE_GB, 'small')] }),
  },
  {
    id: 'duplicate-name-bomb',
    what: 'the worksheet twice: a benign copy, then a 1 GB deflate bomb',
    expect: 'corrupt',
    build: async () => makeZip([...minimalInputs(), await bombEntry('xl/worksheets/sheet1.xml', ONE_GB, 'small')]),
  },
  {
    id: 'case-duplicate-bomb',
    what: 'XL/Worksheets/Sheet1.xml next to xl/worksheets/sheet1.xml, the other one a bomb',
    expect: 'corrupt',
    build: async () => makeZip([...minimalInputs(), await bombEntry('XL/Worksheets/Sheet1.xml', ONE_GB, 'small')]),
  },
  {
    id: 'dot-segment-name',
    what: 'an entry named xl/worksheets/../workbook.xml holding a bomb',
    expect: 'corrupt',
    build: async () => makeZip([...minimalInputs(), await bombEntry('xl/worksheets/../workbook.xml', ONE_GB, 'small')]),
  },
  {
    id: 'zip64-count-lie',
    what: 'a zip64 end record claiming 2^40 entries',
    expect: 'corrupt',
    build: async () => minimalXlsx({}, { zip64: true, zip64Entries: 1n << 40n }),
  },
  {
    id: 'lying-size-bomb',
    what: 'the worksheet declares 1 KB and inflates to 1 GB',
    expect: 'zip-bomb',
    build: async () => makeZip([...minimalInputs().slice(0, 4), await bombEntry('xl/worksheets/sheet1.xml', ONE_GB, 'small')]),
  },
  {
    id: 'honest-bomb',
    what: 'the worksheet declares and inflates to 1 GB of zeros',
    expect: 'zip-bomb',
    build: async () => makeZip([...minimalInputs().slice(0, 4), await bombEntry('xl/worksheets/sheet1.xml', ONE_GB, 'honest')]),
  },
  {
    id: 'unneeded-parts',
    what: 'a valid form with a 60 MB stored image and a 500 MB pivot cache (deflated zeros)',
    expect: 'form',
    build: async () =>
      makeZip([
        ...unzipTrusted(SHEET_01).map(([name, data]) => ({ name, data })),
        { name: 'xl/media/image1.bmp', data: Buffer.alloc(60 * 1024 * 1024, 0x7f), store: true },
        await bombEntry('xl/pivotCache/pivotCacheRecords1.xml', 500, 'honest'),
      ]),
  },
  {
    id: 'whole-column-validations',
    what: 'a valid form with list validations, a conditional format and a hyperlink over whole columns',
    expect: 'form',
    build: async () => sheet01With(afterMerges(WHOLE_COLUMN_ANNOTATIONS)),
  },
  {
    id: 'defined-names-whole-sheet',
    what: 'a valid form with defined names and a print area over the whole sheet',
    expect: 'form',
    build: async () =>
      rezip(SHEET_01, (parts) => {
        const wb = parts.get('xl/workbook.xml')!.toString();
        const names =
          '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">\'x\'!$A$1:$XFD$1048576</definedName>' +
          '<definedName name="全体">\'x\'!$A:$XFD</definedName><definedName name="列">\'x\'!$A$1:$XFD$1048576</definedName></definedNames>';
        parts.set('xl/workbook.xml', wb.replace('</sheets>', `</sheets>${names}`));
      }),
  },
  {
    id: 'huge-cols',
    what: 'a valid form with <col min="1" max="2000000000">',
    expect: 'form',
    build: async () => sheet01With((xml) => xml.replace(/<cols>.*?<\/cols>/, '<cols><col min="1" max="2000000000" width="9"/></cols>')),
  },
  {
    id: 'edge-cells',
    what: 'a valid form with <dimension ref="A1:XFD1048576">, a cell at XFD1048576 and a shared formula over the sheet',
    expect: 'form',
    build: async () =>
      sheet01With((xml) =>
        xml
          .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
          .replace(
            '</sheetData>',
            '<row r="1048576"><c r="XFC1048576"><f t="shared" ref="XFC1048576:XFD1048576" si="90">1+1</f><v>2</v></c><c r="XFD1048576"><f t="shared" si="90"/><v>2</v></c></row></sheetData>',
          ),
      ),
  },
  {
    id: 'row-far-out',
    what: 'a row numbered 2,000,000,000',
    expect: 'corrupt',
    build: async () => minimalXlsx({ 'xl/worksheets/sheet1.xml': sheetXml(SHEET_DATA + '<row r="2000000000"><c><v>1</v></c></row>') }),
  },
  {
    id: 'merge-flood',
    what: '200,000 merged areas on one sheet',
    expect: 'too-many-cells',
    build: async () => {
      const merges = Array.from({ length: 200_000 }, (_, i) => `<mergeCell ref="A${2 * i + 5}:B${2 * i + 6}"/>`).join('');
      return minimalXlsx({ 'xl/worksheets/sheet1.xml': sheetXml(SHEET_DATA, `<mergeCells>${merges}</mergeCells>`) });
    },
  },
  {
    id: 'styles-flood',
    what: 'styles.xml with 600,000 cell formats',
    expect: 'too-large',
    build: async () =>
      minimalXlsx({
        'xl/styles.xml': `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>${'<xf/>'.repeat(600_000)}</cellXfs></styleSheet>`,
        'xl/_rels/workbook.xml.rels': workbookRels(1, stylesRel()),
      }),
  },
  {
    id: 'shared-strings-flood',
    what: 'sharedStrings.xml with 1,200,000 entries',
    expect: 'too-large',
    build: async () =>
      minimalXlsx({
        'xl/sharedStrings.xml': `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${Array.from(
          { length: 1_200_000 },
          (_, i) => `<si><t>${i}</t></si>`,
        ).join('')}</sst>`,
      }),
  },
  {
    id: 'sheets-flood',
    what: '5,000 worksheets',
    expect: 'too-large',
    build: async () => {
      const n = 5000;
      const names = Array.from({ length: n }, (_, i) => `S${i + 1}`);
      const sheets = Object.fromEntries(names.map((_, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(SHEET_DATA)]));
      return minimalXlsx({ ...sheets, 'xl/workbook.xml': workbookXml(names), 'xl/_rels/workbook.xml.rels': workbookRels(n) });
    },
  },
  {
    id: 'sheet-list-flood',
    what: 'workbook.xml naming 300,000 sheets that are not in the file',
    expect: 'too-large',
    build: async () => minimalXlsx({ 'xl/workbook.xml': workbookXml(Array.from({ length: 300_000 }, (_, i) => `S${i}`)) }),
  },
  {
    id: 'deep-nesting',
    what: 'a worksheet nested 1,000,000 elements deep',
    expect: 'unsafe-xml',
    build: async () =>
      minimalXlsx({ 'xl/worksheets/sheet1.xml': sheetXml(SHEET_DATA, `${'<x>'.repeat(1_000_000)}${'</x>'.repeat(1_000_000)}`) }),
  },
  {
    id: 'attribute-flood',
    what: 'one cell with 1,000,000 attributes',
    expect: 'unsafe-xml',
    build: async () => {
      const attrs = Array.from({ length: 1_000_000 }, (_, i) => ` a${i}="1"`).join('');
      return minimalXlsx({ 'xl/worksheets/sheet1.xml': sheetXml(`<row r="1"><c r="A1"${attrs}><v>1</v></c></row>`) });
    },
  },
  {
    id: 'merges-many-sheets',
    what: '3 sheets of 5,000 merged areas each',
    expect: 'too-many-cells',
    build: async () => {
      const merges = Array.from({ length: 5000 }, (_, i) => `<mergeCell ref="A${i + 5}:B${i + 5}"/>`).join('');
      return withSheets(minimalXlsx(), Array.from({ length: 3 }, () => sheetXml(SHEET_DATA, `<mergeCells>${merges}</mergeCells>`)));
    },
  },
  {
    id: 'format-rules-flood',
    what: 'a valid form with one conditional format of 250,000 rules on one cell',
    expect: 'form',
    build: async () => {
      const rules = Array.from({ length: 250_000 }, (_, i) => `<cfRule type="expression" dxfId="0" priority="${i + 1}"><formula>A1&gt;${i}</formula></cfRule>`);
      return sheet01With(afterMerges(`<conditionalFormatting sqref="A1">${rules.join('')}</conditionalFormatting>`));
    },
  },
  {
    id: 'rich-text-flood',
    what: 'one shared string of 600,000 rich-text runs',
    expect: 'too-many-cells',
    build: async () => {
      const runs = Array.from({ length: 600_000 }, (_, i) => `<r><rPr><b/><sz val="${i % 97}"/></rPr><t>${(i * 104_729) % 1_000_003}</t></r>`);
      return minimalXlsx({ 'xl/sharedStrings.xml': `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si>${runs.join('')}</si></sst>` });
    },
  },
  {
    id: 'far-cells-many-sheets',
    what: '1,000 sheets, each with one cell at XFD1048576',
    expect: 'too-many-cells',
    build: async () => {
      const far = sheetXml('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>');
      return withSheets(minimalXlsx(), Array.from({ length: 999 }, () => far));
    },
  },
  {
    id: 'shared-formula-flood',
    what: 'an 8,000-character shared formula used by 240,000 cells',
    expect: 'too-large',
    build: async () => {
      const formula = Array.from({ length: 1300 }, (_, i) => `B${i + 1}`).join('+');
      const rows = [`<row r="1"><c r="A1"><f t="shared" ref="A1:A240000" si="0">${formula}</f><v>1</v></c></row>`];
      for (let r = 2; r <= 240_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><f t="shared" si="0"/><v>1</v></c></row>`);
      return minimalXlsx({ 'xl/worksheets/sheet1.xml': sheetXml(rows.join('')) });
    },
  },
  {
    id: 'cells-at-limit',
    what: 'a valid form and a data sheet of 18,000 rows × 26 columns (≈ 490,000 cells and rows, the most the reader takes)',
    expect: 'form',
    build: async () => {
      const rows: string[] = [];
      for (let r = 1; r <= 18_000; r++) {
        let row = `<row r="${r}">`;
        for (let c = 0; c < 26; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r * c + 0.5}</v></c>`;
        rows.push(row + '</row>');
      }
      return withSheets(SHEET_01, [sheetXml(rows.join(''))]);
    },
  },
  {
    id: 'sheets-at-limit',
    what: 'a valid form and 999 data sheets of 18 × 25 cells (the most sheets and about the most cells the reader takes)',
    expect: 'form',
    build: async () => {
      const rows = Array.from({ length: 18 }, (_, r) => {
        const cells = Array.from({ length: 25 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r * c}</v></c>`).join('');
        return `<row r="${r + 1}">${cells}</row>`;
      }).join('');
      return withSheets(SHEET_01, Array.from({ length: 999 }, () => sheetXml(rows)));
    },
  },
  {
    id: 'long-texts',
    what: 'a valid form and a data sheet of 29 MB of long texts (close to the size limits)',
    expect: 'form',
    build: async () => {
      // Text that does not compress (xorshift noise over CJK), so no ratio check refuses it.
      let x = 2463534242;
      const char = (): string => {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return String.fromCharCode(0x4e00 + ((x >>> 0) % 20000));
      };
      const rows = Array.from({ length: 960 }, (_, r) => {
        let t = '';
        for (let i = 0; i < 10_000; i++) t += char();
        return `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>${t}</t></is></c></row>`;
      });
      return withSheets(SHEET_01, [sheetXml(rows.join(''))]);
    },
  },
];

/** A workbook with more worksheets after its own (workbook.xml and its relationships extended to name them). */
export function withSheets(zip: Buffer, sheets: readonly string[]): Buffer {
  return rezip(zip, (parts) => {
    const own = [...parts.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).length;
    const names = sheets.map((_, i) => `<sheet name="data ${i + 1}" sheetId="${own + i + 1}" r:id="rIdData${i + 1}"/>`).join('');
    const rels = sheets
      .map(
        (_, i) =>
          `<Relationship Id="rIdData${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${own + i + 1}.xml"/>`,
      )
      .join('');
    sheets.forEach((xml, i) => parts.set(`xl/worksheets/sheet${own + i + 1}.xml`, xml));
    parts.set('xl/workbook.xml', parts.get('xl/workbook.xml')!.toString().replace('</sheets>', `${names}</sheets>`));
    parts.set('xl/_rels/workbook.xml.rels', parts.get('xl/_rels/workbook.xml.rels')!.toString().replace('</Relationships>', `${rels}</Relationships>`));
  });
}

function stylesRel(): string {
  return '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>';
}
