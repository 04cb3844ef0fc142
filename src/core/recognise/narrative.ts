// Sections 4 and 5, the narrative: rows 取組内容 / 取組実績 / 課題 / 改善策 × columns 過年度 / 現年度, or the same
// table turned the other way (parts down, items across).
import { a1 } from '../grid';
import type { Evidence, Field, Region } from '../model/form';
import type { Part } from '../model/keys';
import { explain } from '../messages';
import { type Label, type LabelIndex, isEmpty, makeField, valueCellOf } from './labels';
import { type CompiledSpec, LABEL_THRESHOLD, compile, scoreKey } from './match';
import { labelKey } from '../text/normalize';
import { parseCell } from '../text/values';

export const ITEM_SPECS: Record<string, CompiledSpec> = {
  取組内容: compile({ names: ['取組内容', '取組の内容', '取組', '実施内容', '取組予定', '取組計画'], not: /実績|検証|課題|改善/ }),
  取組実績: compile({ names: ['取組実績', '取組の実績', '実績', '取組結果', '実施結果', '取組の成果'] }),
  課題: compile({ names: ['課題', '問題点', '課題点'], not: /改善/ }),
  改善策: compile({ names: ['改善策', '改善方策', '改善案', '今後の改善策', '対応策', '改善'] }),
};

const PART_SPECS: Record<Part, CompiledSpec> = {
  // 「課題(過年度)」 names an item of a list, not a column of parts.
  past: compile({ names: ['過年度', '過年度分'], not: /取組|課題|改善|実績|問題/ }),
  current: compile({ names: ['現年度', '現年度分'], not: /取組|課題|改善|実績|問題/ }),
};

/** Item and part labels are short; the narrative itself is long. */
const LABEL_MAX = 12;
/** In a list, the text stands at most this far right of its label (merged label cells). */
const LIST_VALUE_SPAN = 8;

function bestOf<F extends string>(specs: Record<F, CompiledSpec>, l: Label | string): { f: F; score: number } | null {
  const k = typeof l === 'string' ? l : l.key;
  if (k.length > LABEL_MAX) return null;
  let out: { f: F; score: number } | null = null;
  for (const f of Object.keys(specs) as F[]) {
    const s = scoreKey(k, specs[f]);
    if (s >= LABEL_THRESHOLD && (!out || s > out.score)) out = { f, score: s };
  }
  return out;
}

export interface NarrativeRead {
  fields: Field[];
  found: boolean;
  evidence: Evidence[];
}

/**
 * Reads items × parts within a band. `keyOf` names the field of an item in a part. The value of an item in a
 * part is where the item's line crosses the part's line; where the narrative cell is merged or its text does
 * not start under the heading, the first written cell between this part's heading and the next one.
 */
export function readNarrative(index: LabelIndex, b: Region, items: readonly string[], keyOf: (part: Part, item: string) => string, section: string): NarrativeRead {
  const grid = index.grid;
  const labels = index.find(b, () => true);
  const parts = new Map<Part, Label>();
  const itemLabels = new Map<string, { label: Label; score: number }>();
  const specs = Object.fromEntries(items.map((i) => [i, ITEM_SPECS[i]!])) as Record<string, CompiledSpec>;
  for (const l of labels) {
    const p = bestOf(PART_SPECS, l);
    if (p && !parts.has(p.f)) parts.set(p.f, l);
    const it = bestOf(specs, l);
    if (it) {
      const cur = itemLabels.get(it.f);
      if (!cur || it.score > cur.score) itemLabels.set(it.f, { label: l, score: it.score });
    }
  }
  const fields: Field[] = [];
  const evidence: Evidence[] = [];
  // A list (「取組内容(過年度)」 and its text) wherever its labels are there; columns of parts otherwise.
  const block = readBlock(index, b, specs, keyOf, section);
  if (block.found) return block;
  const list = readList(index, labels, specs, keyOf, section, b.right);
  if (list.found || parts.size === 0 || itemLabels.size === 0) return list;
  const partList = [...parts.entries()].sort((x, y) => x[1].col - y[1].col || x[1].row - y[1].row);
  // Parts across (one row of headings) and items down, or parts down and items across.
  const across = partList.length < 2 || partList[0]![1].row === partList[1]![1].row;
  for (const [item, { label }] of itemLabels) {
    for (let i = 0; i < partList.length; i++) {
      const [part, head] = partList[i]!;
      const next = partList[i + 1]?.[1];
      let at: { row: number; col: number };
      if (across) {
        const end = next ? next.col - 1 : b.right;
        let col = head.col;
        for (let c = Math.max(label.col + 1, partList[i - 1] ? partList[i - 1]![1].col + 1 : label.col + 1); c <= end; c++) {
          if (!isEmpty(grid.cell(label.row, c))) {
            col = c;
            break;
          }
        }
        at = { row: label.row, col };
      } else {
        at = { row: head.row, col: label.col };
      }
      fields.push(makeField(grid, keyOf(part, item), at.row, at.col, 'text'));
    }
    evidence.push({ part: section, cells: [a1(label.row, label.col)], reason: explain.label(label.raw.trim(), itemLabels.get(item)!.score) });
  }
  return { fields, found: true, evidence };
}

const PART_WORD: [RegExp, Part][] = [
  [/過年度分?/, 'past'],
  [/現年度分?/, 'current'],
];

/** Notes in a list, one per line: 「取組内容(過年度)」 with its text beside or below it. */
function readList(index: LabelIndex, labels: Label[], specs: Record<string, CompiledSpec>, keyOf: (part: Part, item: string) => string, section: string, right: number): NarrativeRead {
  const fields: Field[] = [];
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  const isLabel = (k: string) => PART_WORD.some(([re]) => re.test(k)) && bestOf(specs, PART_WORD.reduce((x, [re]) => x.replace(re, ''), k)) !== null;
  for (const l of labels) {
    const part = PART_WORD.find(([re]) => re.test(l.key))?.[1];
    if (!part) continue;
    const item = bestOf(specs, PART_WORD.reduce((x, [re]) => x.replace(re, ''), l.key));
    if (!item) continue;
    const k = keyOf(part, item.f);
    if (seen.has(k)) continue;
    seen.add(k);
    const at = valueCellOf(index, l, isLabel, LIST_VALUE_SPAN, right);
    fields.push(makeField(index.grid, k, at.row, at.col, 'text'));
    evidence.push({ part: section, cells: [a1(l.row, l.col)], reason: explain.label(l.raw.trim(), item.score) });
  }
  return { fields, found: fields.length > 0, evidence };
}

/** 「【取組内容】」「■課題:…」「改善策:…」: an item's name opens its line (bracketed or before a colon). */
const ITEM_LINE = /^[【[■●◆・〇○]?\s*([^】\]:：]{1,12})\s*(?:[】\]][:：]?|[:：])\s*(.*)$/s;
/** 「過年度:…」「(現年度)…」「現年度分 …」: a part opens its line. */
const PART_LINE = /^[(（【[]?\s*(過年度|現年度)分?\s*[)）】\]:：]?\s*(.*)$/s;

/**
 * The whole section typed in one cell (merged over the section's width): its items opened by 【取組内容】 or
 * 「課題:」 and their parts by 「過年度:」「現年度:」. Each item in each part becomes a field at that cell; a block
 * whose text is not laid out so is not read (the checks of the section then do not run).
 */
function readBlock(index: LabelIndex, b: Region, specs: Record<string, CompiledSpec>, keyOf: (part: Part, item: string) => string, section: string): NarrativeRead {
  for (const l of index.find(b, (x) => x.lines.length > 1)) {
    const texts = new Map<string, string[]>();
    let item: string | null = null;
    let part: Part | null = null;
    for (const raw of l.raw.split(/\r?\n/)) {
      let line = raw.trim();
      const it = ITEM_LINE.exec(line);
      const named = it ? bestOf(specs, labelKey(it[1]!)) : null;
      if (named) {
        item = named.f;
        part = null;
        line = it![2]!.trim();
      }
      const pm = PART_LINE.exec(line);
      if (pm) {
        part = pm[1] === '過年度' ? 'past' : 'current';
        line = pm[2]!.trim();
      }
      if (item && part && line !== '') {
        const k = keyOf(part, item);
        texts.set(k, [...(texts.get(k) ?? []), line]);
      } else if (item && part) texts.set(keyOf(part, item), texts.get(keyOf(part, item)) ?? []);
    }
    if (texts.size === 0) continue;
    const fields: Field[] = [];
    for (const item of Object.keys(specs)) {
      for (const part of ['past', 'current'] as const) {
        const f = makeField(index.grid, keyOf(part, item), l.row, l.col, 'text');
        const text = texts.get(keyOf(part, item))?.join('\n') ?? '';
        f.parsed = parseCell({ value: text }, 'text');
        fields.push(f);
      }
    }
    return { fields, found: true, evidence: [{ part: section, cells: [a1(l.row, l.col)], reason: explain.block(texts.size) }] };
  }
  return { fields: [], found: false, evidence: [] };
}
