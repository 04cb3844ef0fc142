// The older edition in other layouts: category number and description in one cell or two, plain or circled
// numbers, the claim name on its own line under 「1. 債権名(債権区分)」 or beside its label, 所属 and 区分 with
// their values after a colon or in the next cell, blank rows and columns, no merges, values only.
import fc from 'fast-check';
import { checkWorkbook } from '../../../src/core/check';
import type { FormResult } from '../../../src/core/findings';
import { layoutOlderForm } from '../../../scripts/olderLayout';
import { olderDataOf } from '../../../scripts/build-fixtures';
import type { LayoutSheet } from '../../../src/core/layout/sheet';
import { OLDER_SEEDS } from '../../helpers/forms';
import { type MCell, type MForm, insertCols, insertRows, shift, toGrid } from '../../helpers/mutator';

function formOf(layout: LayoutSheet): MForm {
  const cells: MCell[] = [];
  for (const c of layout.cells) {
    const value = (c.formula !== undefined ? c.result ?? null : c.value ?? null) as MCell['value'];
    if (value === null && c.formula === undefined && !c.key) continue;
    const m: MCell = { row: c.row, col: c.col, value, role: c.key ? 'field' : 'other' };
    if (c.key) m.key = c.key;
    if (c.formula !== undefined) m.formula = c.formula;
    if (c.numFmt !== undefined) m.numFmt = c.numFmt;
    cells.push(m);
  }
  return { cells, merges: layout.merges.map((m) => ({ ...m })) };
}

interface OlderPlan {
  categories: 'together' | 'apart' | 'digits' | 'digitsApart' | 'words';
  name: 'below' | 'beside' | 'inHeading';
  statusSideways: boolean;
  /** 「合計:A」 in the label's cell, each rating its own (cells) or all three in one cell (one). */
  ratingsInline: 'no' | 'cells' | 'one';
  /** 「回収債権 小計」 for 「回収債権 計」. */
  shoukei: boolean;
  colon: 'inline' | 'apart';
  blankRows: number[];
  blankCols: number[];
  merges: boolean;
  valuesOnly: boolean;
  top: number;
  left: number;
}

const PLAIN: OlderPlan = { ratingsInline: 'no', shoukei: false, statusSideways: false, categories: 'together', name: 'below', colon: 'apart', blankRows: [], blankCols: [], merges: true, valuesOnly: false, top: 1, left: 1 };

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

function mutateOlder(f0: MForm, p: OlderPlan): MForm {
  let f = f0;
  // Categories: 「⑤ 執行停止・徴収停止したもの」 as printed; the number in a cell of its own; a plain 5; no number.
  if (p.categories !== 'together') {
    const cells: MCell[] = [];
    for (const c of f.cells) {
      const m = typeof c.value === 'string' ? /^([①-⑩])\s*(.+)$/s.exec(c.value) : null;
      if (!m) {
        cells.push(c);
        continue;
      }
      const n = CIRCLED.indexOf(m[1]!) + 1;
      if (p.categories === 'apart') cells.push({ ...c, value: m[1]! }, { ...c, col: c.col + 1, value: m[2]! });
      else if (p.categories === 'digits') cells.push({ ...c, value: `${n} ${m[2]}` });
      else if (p.categories === 'digitsApart') cells.push({ ...c, value: String(n) }, { ...c, col: c.col + 1, value: m[2]! });
      else cells.push({ ...c, value: m[2]! });
    }
    f = { cells, merges: p.categories === 'apart' || p.categories === 'digitsApart' ? f.merges.filter((m) => !cells.some((c) => c.row === m.top && c.col === m.left && typeof c.value === 'string' && /^([①-⑩]|\d+)$/.test(c.value))) : f.merges };
  }
  // The claim name beside a plain 「債権名」 label instead of under the heading.
  if (p.name === 'beside') {
    const heading = f.cells.find((c) => c.value === '1. 債権名(債権区分)')!;
    const name = f.cells.find((c) => c.key === 'older.header.claimName')!;
    f = {
      ...f,
      cells: f.cells.map((c) => (c === heading ? { ...c, value: '1. 債権名' } : c === name ? { ...c, row: heading.row, col: heading.col + 1 } : c)),
      merges: f.merges.filter((m) => !(m.top === name.row && m.left === name.col) && !(m.top === heading.row && m.left === heading.col)),
    };
  }
  // The claim name on the heading's second line, in the heading's own cell.
  if (p.name === 'inHeading') {
    const heading = f.cells.find((c) => c.value === '1. 債権名(債権区分)')!;
    const name = f.cells.find((c) => c.key === 'older.header.claimName')!;
    f = {
      ...f,
      cells: f.cells.filter((c) => c !== name).map((c) => (c === heading ? { ...c, value: `${heading.value}\n${name.value ?? ''}`, key: name.key } : c)),
      merges: f.merges.filter((m) => !(m.top === name.row && m.left === name.col)),
    };
  }
  // 「所属 : 福祉局…」 in one cell.
  if (p.colon === 'inline') {
    const labels = f.cells.filter((c) => typeof c.value === 'string' && /^(所属|区分) :$/.test(c.value));
    const drop = new Set<MCell>();
    const cells = f.cells.map((c) => {
      if (!labels.includes(c)) return c;
      const v = f.cells.find((x) => x.row === c.row && x.col === c.col + 1 && x.key)!;
      drop.add(v);
      return { ...c, value: `${c.value} ${v.value ?? ''}`, key: v.key };
    });
    f = { ...f, cells: cells.filter((c) => !drop.has(c)) };
  }
  if (p.statusSideways) f = statusSideways(f);
  if (p.ratingsInline !== 'no') f = ratingsInline(f, p.ratingsInline === 'one');
  if (p.shoukei) f = { ...f, cells: f.cells.map((c) => (typeof c.value === 'string' && /^(回収|整理)債権\s*計$/.test(c.value) ? { ...c, value: c.value.replace(/\s*計$/, ' 小計') } : c)) };
  if (p.valuesOnly) f = { ...f, cells: f.cells.map((c) => { const { formula, ...rest } = c; return formula === undefined ? c : rest; }) };
  if (!p.merges) f = { ...f, merges: [] };
  const rows = f.cells.map((c) => c.row);
  const cols = f.cells.map((c) => c.col);
  const [top, bottom, left, right] = [Math.min(...rows), Math.max(...rows), Math.min(...cols), Math.max(...cols)];
  // Never between the ratings' labels and their codes below them: nobody lays a form out that way.
  const glued = new Set(f.cells.filter((c) => c.key?.startsWith('older.rating.')).map((c) => c.row));
  for (const r of [...new Set(p.blankRows.map((x) => top + 1 + Math.floor(x * (bottom - top))))].filter((r) => !glued.has(r)).sort((a, b) => b - a)) f = insertRows(f, r);
  for (const c of [...new Set(p.blankCols.map((x) => left + 1 + Math.floor(x * (right - left))))].sort((a, b) => b - a)) f = insertCols(f, c);
  const b = { top: Math.min(...f.cells.map((c) => c.row)), left: Math.min(...f.cells.map((c) => c.col)) };
  return shift(f, p.top - b.top, p.left - b.left);
}

/** Ratings typed after their labels in the labels' cells: 「合計:A」, or all three in the first one. */
function ratingsInline(f: MForm, one: boolean): MForm {
  const codes = f.cells.filter((c) => c.key?.startsWith('older.rating.')).sort((a, b) => a.col - b.col);
  const labelOf = (c: MCell) => f.cells.find((x) => x.row === c.row - 1 && x.col === c.col && typeof x.value === 'string')!;
  const pairs = codes.map((c) => ({ code: c, label: labelOf(c), text: `${String(labelOf(c).value).replace(/\s+/g, '')}:${c.value ?? ''}` }));
  const drop = new Set<MCell>([...codes, ...(one ? pairs.slice(1).map((p) => p.label) : [])]);
  const cells = f.cells.filter((c) => !drop.has(c)).map((c) => {
    const i = pairs.findIndex((p) => p.label === c);
    if (i < 0) return c;
    return one ? { ...c, value: pairs.map((p) => p.text).join(' '), key: pairs[0]!.code.key } : { ...c, value: pairs[i]!.text, key: pairs[i]!.code.key };
  });
  return { cells, merges: f.merges.filter((m) => !codes.some((c) => m.top === c.row && m.left === c.col)) };
}

/** Section 4 turned: one column per line (合計 … ⑩), the measures 人(件)数 / 金額 / 債務者数 down the left. */
function statusSideways(f: MForm): MForm {
  const head = f.cells.find((c) => c.value === '人(件)数')!;
  const rows = f.cells.filter((c) => c.key?.startsWith('older.status.')).map((c) => c.row);
  const [top, bottom] = [head.row, Math.max(...rows)];
  const inBlock = (r: number) => r >= top && r <= bottom;
  const labelCol = Math.min(...f.cells.filter((c) => inBlock(c.row) && c.row > top).map((c) => c.col));
  const lines = [...new Set(rows)].sort((a, b) => a - b);
  const label = (r: number) => f.cells.filter((c) => c.row === r && !c.key && typeof c.value === 'string').map((c) => String(c.value)).join(' ');
  const grow = 4 - (bottom - top + 1);
  const after = (c: number) => (c > bottom ? c + grow : c);
  const cells: MCell[] = f.cells.filter((c) => !inBlock(c.row)).map((c) => ({ ...c, row: after(c.row) }));
  const merges = f.merges.filter((m) => !inBlock(m.top)).map((m) => ({ ...m, top: after(m.top), bottom: after(m.bottom) }));
  const measureRow = { count: top + 1, amount: top + 2, debtors: top + 3 } as Record<string, number>;
  cells.push({ row: top + 1, col: labelCol, value: '人(件)数', role: 'other' }, { row: top + 2, col: labelCol, value: '金額', role: 'other' }, { row: top + 3, col: labelCol, value: '債務者数(実人数)', role: 'other' });
  lines.forEach((r, i) => {
    const col = labelCol + 2 + i;
    cells.push({ row: top, col, value: label(r), role: 'other' });
    for (const c of f.cells.filter((x) => x.row === r && x.key?.startsWith('older.status.'))) cells.push({ ...c, row: measureRow[c.key!.split('.').pop()!]!, col });
  });
  return { cells, merges };
}

const gist = (f: FormResult) => f.findings.map((x) => `${x.rule} ${x.severity} ${[...x.keys].sort().join(',')}`).sort();

function formsOf(sheet: number, p: OlderPlan): FormResult[] {
  const s = OLDER_SEEDS.find((x) => x.sheet === sheet)!;
  return checkWorkbook([toGrid(mutateOlder(formOf(layoutOlderForm(olderDataOf(s), { fiscalYear: s.fiscalYear })), p))]).forms;
}

const SHEETS = OLDER_SEEDS.map((s) => s.sheet);
const canonical = new Map(SHEETS.map((n) => [n, formsOf(n, PLAIN)[0]!]));

function expectSame(sheet: number, p: OlderPlan): void {
  const forms = formsOf(sheet, p);
  expect(forms).toHaveLength(1);
  const c = canonical.get(sheet)!;
  const skip = (f: FormResult) => gist(f).filter((g) => !(p.valuesOnly && g.startsWith('VAL-')));
  expect({ sheet, values: forms[0]!.values }).toEqual({ sheet, values: c.values });
  expect({ sheet, findings: skip(forms[0]!) }).toEqual({ sheet, findings: skip(c) });
}

describe('the older edition as printed', () => {
  it.each(SHEETS)('sheet %i reads its header: the claim name, not the 所属 label beside the heading', (n) => {
    const s = OLDER_SEEDS.find((x) => x.sheet === n)!;
    const f = canonical.get(n)!;
    expect(f.header).toMatchObject({ claimName: s.header.claimName, bureau: s.header.affiliation, claimType: s.header.claimType });
    expect(f.findings.filter((x) => x.rule === 'REC-PART')).toEqual([]);
  });
});

describe.each([
  ['categories with their number in a cell of its own', { categories: 'apart' }],
  ['categories numbered 5 with their text', { categories: 'digits' }],
  ['categories numbered 5 in a cell of its own', { categories: 'digitsApart' }],
  ['categories by their description alone', { categories: 'words' }],
  ['the claim name beside its label', { name: 'beside' }],
  ['the claim name on the heading\'s second line', { name: 'inHeading' }],
  ['所属 and 区分 with their values after the colon', { colon: 'inline' }],
  ['section 4 turned, one column per line', { statusSideways: true }],
  ['ratings typed 「合計:A」 in their labels\' cells', { ratingsInline: 'cells' }],
  ['ratings typed all three in one cell', { ratingsInline: 'one' }],
  ['「回収債権 小計」 for 計', { shoukei: true }],
  ['no merged cells', { merges: false }],
  ['values only', { valuesOnly: true }],
  ['blank rows and columns', { blankRows: [0.1, 0.3, 0.5, 0.7, 0.9], blankCols: [0.2, 0.6] }],
] as [string, Partial<OlderPlan>][])('%s', (_name, change) => {
  it.each(SHEETS)('sheet %i reads the same', (n) => expectSame(n, { ...PLAIN, ...change }));
});

describe('combinations', () => {
  it('reads 300 random layouts of the older sheets the same', () => {
    const plan: fc.Arbitrary<OlderPlan> = fc.record({
      categories: fc.constantFrom('together', 'apart', 'digits', 'digitsApart', 'words'),
      name: fc.constantFrom('below', 'beside', 'inHeading'),
      statusSideways: fc.boolean(),
      ratingsInline: fc.constantFrom('no', 'cells', 'one'),
      shoukei: fc.boolean(),
      colon: fc.constantFrom('inline', 'apart'),
      blankRows: fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { maxLength: 3 }),
      blankCols: fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { maxLength: 2 }),
      merges: fc.boolean(),
      valuesOnly: fc.boolean(),
      top: fc.integer({ min: 0, max: 20 }),
      left: fc.integer({ min: 0, max: 8 }),
    }) as fc.Arbitrary<OlderPlan>;
    fc.assert(fc.property(fc.constantFrom(...SHEETS), plan, (n, p): void => expectSame(n, p)), { numRuns: 300, seed: Number(process.env.MUTATION_SEED ?? 20261204) });
  });

  it('finds a wrong 整理債権 計 however the categories are written', () => {
    for (const categories of ['together', 'apart', 'digits', 'digitsApart', 'words'] as const) {
      const s = OLDER_SEEDS[0]!;
      const layout = layoutOlderForm(olderDataOf(s), { fiscalYear: s.fiscalYear, valuesOnly: true });
      const f0 = formOf(layout);
      const wrong: MForm = { ...f0, cells: f0.cells.map((c) => (c.key === 'older.status.settleSubtotal.amount' && typeof c.value === 'number' ? { ...c, value: c.value + 7 } : c)) };
      const f = checkWorkbook([toGrid(mutateOlder(wrong, { ...PLAIN, categories }))]).forms[0]!;
      expect({ categories, found: f.findings.some((x) => x.rule === 'CAT-SUBTOTAL' && x.keys.includes('older.status.settleSubtotal.amount')) }).toEqual({ categories, found: true });
    }
  });
});
