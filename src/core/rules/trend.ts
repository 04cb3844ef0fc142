import type { CurrentForm, Field } from '../model/form';
import { isBlank, num } from '../model/form';
import { filledRows, rowFilled } from '../model/trendRows';
import { CARRY_FROM, key, TREND_BALANCES, TREND_CODES, TREND_INPUTS, TREND_ROWS, type TrendCode, type TrendRow } from '../model/keys';
import { fmtAmount, fmtRate, messages, where } from '../messages';
import { rateTenths, TREND_COMPUTED } from '../formulas/trend';
import type { CurrentRule, Issue } from './rule';
import { percentSign } from '../text/values';

const amountOf = (form: CurrentForm, row: TrendRow) => (c: TrendCode) => num(form, key.trend(row, c)) ?? 0;

/** A small rate typed as a percentage and shown without a % sign (0.9 meaning 0.9%) is read as printed. */
function typedAsPercent(f: Field, found: number, expected: number): boolean {
  return percentSign(f.numFmt, found) === 'none' && rateTenths(found / 100) === rateTenths(expected);
}

export const trdFormula: CurrentRule = {
  id: 'TRD-FORMULA',
  severity: 'error',
  edition: 'current',
  title: '2. の計算欄(イ カ キ ク ケ カ\' キ\' ク\' ケ\' キ\'\' ク\'\' ケ\'\')が計算式どおり',
  check(form) {
    const out: Issue[] = [];
    for (const row of filledRows(form)) {
      const v = amountOf(form, row);
      for (const col of TREND_COMPUTED) {
        const k = key.trend(row, col.code);
        const f = form.fields.get(k);
        if (!f || f.parsed.status === 'unparseable' || f.parsed.status === 'error') continue;
        const found = f.parsed.status === 'number' ? f.parsed.value : null;
        const expected = col.compute(v);
        const rule = `${col.code}=${col.rule}`;
        if (col.kind === 'amount') {
          const e = expected ?? 0;
          if ((found ?? 0) !== e) {
            out.push({ keys: [k], message: messages.trdFormula(where(form, k), rule, fmtAmount(e), found === null ? '空欄' : fmtAmount(found)) });
          }
          continue;
        }
        // Rates: — where the denominator is 0; a 0 or blank there is accepted as well.
        if (expected === null) {
          if (found !== null && found !== 0) {
            out.push({ keys: [k], message: messages.trdFormula(where(form, k), rule, '—(分母が0)', fmtRate(found)) });
          }
        } else if (found === null || (rateTenths(found) !== rateTenths(expected) && !typedAsPercent(f, found, expected))) {
          out.push({ keys: [k], message: messages.trdFormula(where(form, k), rule, fmtRate(expected), found === null ? '空欄' : fmtRate(found)) });
        }
      }
    }
    return out;
  },
};

export const trdCarry: CurrentRule = {
  id: 'TRD-CARRY',
  severity: 'error',
  edition: 'current',
  title: '年度間の引継ぎ(ア = 引継ぎ元の行の ケ\'\')',
  check(form) {
    const out: Issue[] = [];
    for (const [row, from] of Object.entries(CARRY_FROM) as [TrendRow, TrendRow][]) {
      if (!rowFilled(form, row) || !rowFilled(form, from)) continue;
      const k = key.trend(row, 'ア');
      const src = key.trend(from, "ケ''");
      const found = num(form, k);
      const expected = num(form, src);
      if (found === null || expected === null || found === expected) continue;
      const fromLabel = form.rowLabels[from];
      out.push({ keys: [k, src], message: messages.trdCarry(where(form, k), `${from}行${fromLabel ? `(${fromLabel})` : ''} [${form.fields.get(src)!.address}]`, expected, found) });
    }
    return out;
  },
};

export const trdNegative: CurrentRule = {
  id: 'TRD-NEGATIVE',
  severity: 'error',
  edition: 'current',
  title: '入力額(ア ウ エ オ ウ\' エ\' オ\')と残高(ケ ケ\' ケ\'\')が負でない(イ・カ・ク は▲可)',
  check(form) {
    const out: Issue[] = [];
    for (const row of filledRows(form)) {
      for (const c of [...TREND_INPUTS, ...TREND_BALANCES]) {
        const k = key.trend(row, c);
        const v = num(form, k);
        if (v !== null && v < 0) out.push({ keys: [k], message: messages.trdNegative(where(form, k), v) });
      }
    }
    return out;
  },
};

export const trdOvercollect: CurrentRule = {
  id: 'TRD-OVERCOLLECT',
  severity: 'error',
  edition: 'current',
  title: '徴収額+不納欠損額が調定額を超えない(エ+オ ≦ ウ、エ\'+オ\' ≦ ウ\')',
  check(form) {
    const out: Issue[] = [];
    for (const row of filledRows(form)) {
      const v = amountOf(form, row);
      for (const [u, e, o, cur] of [['ウ', 'エ', 'オ', false], ["ウ'", "エ'", "オ'", true]] as const) {
        if (v(e) + v(o) > v(u)) {
          const keys = [key.trend(row, e), key.trend(row, o), key.trend(row, u)];
          out.push({ keys, message: messages.trdOvercollect(`2. 未収金の推移 ${row}行${form.rowLabels[row] ? `(${form.rowLabels[row]})` : ''} [${keys.map((k) => form.fields.get(k)?.address).join(', ')}]`, v(e), v(o), v(u), cur) });
        }
      }
    }
    return out;
  },
};

const BLOCKS: readonly (readonly TrendCode[])[] = [
  ['ア', 'ウ', 'エ', 'オ'],
  ["ウ'", "エ'", "オ'"],
];

export const trdMissing: CurrentRule = {
  id: 'TRD-MISSING',
  severity: 'warning',
  edition: 'current',
  title: '2. の行 B〜G が記入され、記入された行に入力漏れがない',
  check(form) {
    const out: Issue[] = [];
    for (const row of TREND_ROWS) {
      if (row === 'A') continue; // N−2 実績 is often left empty: the claim is younger than the table.
      // A row that was not found at all is REC-PART's; a row that is there but empty is this rule's.
      if (!form.rowLabels[row]) continue;
      if (!rowFilled(form, row)) {
        out.push({ keys: TREND_CODES.map((c) => key.trend(row, c)).filter((k) => form.fields.has(k)), message: messages.trdMissingRow(row, form.rowLabels[row] ?? '') });
      }
    }
    for (const row of filledRows(form)) {
      for (const block of BLOCKS) {
        // A block that is partly typed with real amounts: the blanks in it were probably forgotten.
        const vals = block.map((c) => num(form, key.trend(row, c)));
        if (!vals.some((v) => v !== null && v !== 0)) continue;
        block.forEach((c, i) => {
          const k = key.trend(row, c);
          if (vals[i] === null && isBlank(form, k) && form.fields.has(k)) out.push({ keys: [k], message: messages.trdMissingInput(where(form, k)) });
        });
      }
    }
    return out;
  },
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A typed amount this many times its neighbours looks like 円 typed into a 千円 form: 1,000× the same money, and
 * neighbours in one column may differ several-fold from year to year. */
const YEN_RATIO = 100;
/**
 * The amounts of its own row an input is of a size with: ウ with the balance carried in (ア) and what was collected
 * or written off of it; エ and オ with their assessment. Compared with the largest of them.
 */
const RELATED: Partial<Record<TrendCode, readonly TrendCode[]>> = {
  ア: ['ウ'],
  ウ: ['ア', 'エ', 'オ'],
  エ: ['ウ', 'ア'],
  オ: ['ウ', 'ア'],
  "ウ'": ["エ'", "オ'"],
  "エ'": ["ウ'"],
  "オ'": ["ウ'"],
};
/** Amounts below this are too small to tell 円 from 千円. */
const YEN_MIN = 1000;

export const trdUnit: CurrentRule = {
  id: 'TRD-UNIT',
  severity: 'warning',
  edition: 'current',
  title: '金額が千円単位の整数(円で入力していない)',
  check(form) {
    const out: Issue[] = [];
    const rows = filledRows(form);
    const amount = (r: TrendRow, c: TrendCode) => {
      const v = num(form, key.trend(r, c));
      return v === null || v === 0 ? null : Math.abs(v);
    };
    for (const row of rows) {
      for (const c of TREND_INPUTS) {
        const k = key.trend(row, c);
        const v = num(form, k);
        if (v === null) continue;
        if (!Number.isInteger(v)) {
          out.push({ keys: [k], message: messages.trdNotInteger(where(form, k), v) });
          continue;
        }
        // A carried ア follows its source row: only a typed one can be a typing slip.
        if (Math.abs(v) < YEN_MIN || (c === 'ア' && form.fields.get(k)!.formula !== undefined)) continue;
        // Its neighbours: the same column in the other rows, and the related amounts of its own row. A slip stands
        // out from both; a year whose assessments really grew stands out from its column only, its row agreeing.
        const column = rows.filter((r) => r !== row).map((r) => amount(r, c)).filter((x): x is number => x !== null);
        const own = (RELATED[c] ?? []).map((x) => amount(row, x)).filter((x): x is number => x !== null);
        const refs = [column.length > 0 ? median(column) : null, own.length > 0 ? Math.max(...own) : null].filter((x): x is number => x !== null);
        if (refs.length > 0 && refs.every((ref) => Math.abs(v) / ref >= YEN_RATIO)) {
          out.push({ keys: [k], message: messages.trdYen(where(form, k), v, Math.max(...refs)) });
        }
      }
    }
    return out;
  },
};

export const trendRules = [trdFormula, trdCarry, trdNegative, trdOvercollect, trdMissing, trdUnit];
