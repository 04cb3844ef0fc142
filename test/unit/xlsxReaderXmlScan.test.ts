// The XML tag scanner on its own: positions and depths, what it skips, what it refuses, the attribute look-ups.
import { WorkbookReadError } from '../../src/adapters/xlsx/read/errors';
import { DEFAULT_LIMITS } from '../../src/adapters/xlsx/read/limits';
import {
  attribute,
  attributes,
  escapeXml,
  scanXml,
  unescapeXml,
  utf8Xml,
  type XmlLimits,
} from '../../src/adapters/xlsx/read/xmlScan';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function tags(xml: string, limits: XmlLimits = DEFAULT_LIMITS): string[] {
  const u8 = bytes(xml);
  const out: string[] = [];
  scanXml(u8, limits, (t) => out.push(`${t.depth}${t.kind === 'close' ? '/' : t.kind === 'empty' ? '.' : ''}${t.name}`));
  return out;
}

function refusal(xml: string, limits: XmlLimits = DEFAULT_LIMITS): string {
  try {
    tags(xml, limits);
  } catch (e) {
    if (e instanceof WorkbookReadError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'accepted';
}

describe('scanXml', () => {
  test('every tag with its depth, in order; declaration, comments, CDATA and processing instructions skipped', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- <fake> --><worksheet a="1"><sheetData><row r="1"><c r="A1" t="inlineStr">' +
      '<is><t><![CDATA[<not a tag>]]></t></is></c></row></sheetData><?pi <x>?><mergeCells/></worksheet>';
    expect(tags(xml)).toEqual([
      '0worksheet',
      '1sheetData',
      '2row',
      '3c',
      '4is',
      '5t',
      '5/t',
      '4/is',
      '3/c',
      '2/row',
      '1/sheetData',
      '1.mergeCells',
      '0/worksheet',
    ]);
  });

  test('byte positions cover each tag exactly, whatever the text holds', () => {
    const xml = '<a x=\'>"/\'><b>未収金 > 0</b ></a>';
    const u8 = bytes(xml);
    const seen: string[] = [];
    scanXml(u8, DEFAULT_LIMITS, (t) => seen.push(new TextDecoder().decode(u8.subarray(t.start, t.end))));
    expect(seen).toEqual(['<a x=\'>"/\'>', '<b>', '</b >', '</a>']);
  });

  test.each([
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY x "y">]><a/>', 'unsafe-xml'],
    ['an ENTITY inside the root', '<a><!ENTITY x SYSTEM "file:///etc/passwd"></a>', 'unsafe-xml'],
    ['an unclosed element', '<a><b></a>', 'corrupt'],
    ['a stray end tag', '<a></b></a>', 'corrupt'],
    ['two roots', '<a/><b/>', 'corrupt'],
    ['no root', '<!-- nothing -->', 'corrupt'],
    ['an unterminated comment', '<a><!-- x</a>', 'corrupt'],
    ['an unterminated tag', '<a><b c="1"', 'corrupt'],
    ['an attribute without a value', '<a b></a>', 'corrupt'],
    ['an unquoted value', '<a b=1/>', 'corrupt'],
    ['attributes run together', '<a b="1"c="2"/>', 'corrupt'],
    ['a "<" inside a tag', '<a b="1" <c/>', 'corrupt'],
    ['a name starting with a digit', '<1a/>', 'corrupt'],
    ['UTF-16 read as bytes (no BOM)', '<\u0000a\u0000/\u0000>\u0000', 'corrupt'],
  ])('%s is refused', (_, xml, code) => {
    expect(refusal(xml)).toMatch(new RegExp(`^${code}`));
  });

  test('nesting and attribute counts up to the limits are fine, past them refused', () => {
    const limits = { maxXmlDepth: 4, maxAttributes: 3 };
    expect(refusal('<a><b><c><d/></c></b></a>', limits)).toBe('accepted');
    expect(refusal('<a><b><c><d><e/></d></c></b></a>', limits)).toMatch(/^unsafe-xml: .*入れ子/);
    expect(refusal('<a x="1" y="2" z="3"/>', limits)).toBe('accepted');
    expect(refusal('<a x="1" y="2" z="3" w="4"/>', limits)).toMatch(/^unsafe-xml: .*属性/);
  });
});

describe('attribute look-ups', () => {
  const first = (xml: string): { u8: Uint8Array; tag: { start: number; end: number } } => {
    const u8 = bytes(xml);
    let tag: { start: number; end: number } | undefined;
    scanXml(u8, DEFAULT_LIMITS, (t) => {
      tag ??= { start: t.start, end: t.end };
    });
    return { u8, tag: tag! };
  };

  test('values as written, in order, with either quote and spaces around "="', () => {
    const { u8, tag } = first('<c r="A1"  s = \'3\'\tname="調査&amp;書"/>');
    expect([...attributes(u8, tag)]).toEqual([
      ['r', 'A1'],
      ['s', '3'],
      ['name', '調査&amp;書'],
    ]);
    expect(attribute(u8, tag, 's')).toBe('3');
    expect(attribute(u8, tag, 't')).toBeUndefined();
  });

  test('a look-alike inside another value is not the attribute (exceljs would read the real one)', () => {
    const { u8, tag } = first('<c x=\' r="A1"\' r="XFE1"/>');
    expect(attribute(u8, tag, 'r')).toBe('XFE1');
  });

  test('a look-up never reads past its tag', () => {
    const { u8, tag } = first('<c><v r="A1">1</v></c>');
    expect(attribute(u8, tag, 'r')).toBeUndefined();
  });
});

describe('text helpers', () => {
  test('unescapeXml expands the predefined entities and character references only', () => {
    expect(unescapeXml('a&amp;b&lt;&gt;&quot;&apos;&#x5E74;&#24230;&unknown;')).toBe('a&b<>"\'年度&unknown;');
  });

  test('escapeXml makes any text safe inside an attribute', () => {
    expect(escapeXml('<"a" & \'b\'>')).toBe('&lt;&quot;a&quot; &amp; &apos;b&apos;&gt;');
    expect(unescapeXml(escapeXml('<"未収金" & \'b\'>'))).toBe('<"未収金" & \'b\'>');
  });

  test('utf8Xml drops a UTF-8 BOM and transcodes UTF-16 in either byte order', () => {
    const text = '<a>年度</a>';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    for (const b of [le, be, withBom, Buffer.from(text)]) expect(Buffer.from(utf8Xml(b)).toString()).toBe(text);
  });
});
