import type { CurrentForm, Field } from '../model/form';
import { isBlank, num } from '../model/form';
import { CARRY_FROM, key, TREND_BALANCES, TREND_CODES, TREND_INPUTS, TREND_RATES, TREND_ROWS, type TrendCode, type TrendRow } from '../model/keys';
import { fmtAmount, fmtRate, messages, where } from '../messages';
import { rateTenths, TREND_COMPUTED } from '../formulas/trend';
import type { CurrentRule, Issue } from './rule';

/**
 * A trend row is filled when one of its typed inputs (ウ エ オ ウ' エ' オ', or an ア typed as a value) holds
 * something. A template keeps its formulas in rows nobody filled, so a computed cell showing 0 or — says nothing.
 */
export function rowFilled(form: CurrentForm, row: TrendRow): boolean {
  return TREND_INPUTS.some((c) => {
    const f = form.fields.get(key.trend(row, c));
    if (!f || f.parsed.status === 'blank' || f.parsed.status === 'dash') return false;
    return c !== 'ア' || f.formula === undefined;
  });
}

function filledRows(form: CurrentForm): TrendRow[] {
  return TREND_ROWS.filter((r) => rowFilled(form, r));
}

const amountOf = (form: CurrentForm, row: TrendRow) => (c: TrendCode) => num(form, key.trend(row, c)) ?? 0;

/** A small rate typed as a percentage in a cell without a % format (0.9 meaning 0.9%) is read as printed. */
function typedAsPercent(f: Field, found: number, expected: number): boolean {
  return !/%/.test(f.numFmt ?? '') && rateTenths(found / 100) === rateTenths(expected);
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

export const trdUnit: CurrentRule = {
  id: 'TRD-UNIT',
  severity: 'warning',
  edition: 'current',
  title: '金額が千円単位の整数(円で入力していない)',
  check(form) {
    const out: Issue[] = [];
    const rows = filledRows(form);
    // The typical size of the table's amounts: a yen figure typed into a 千円 form stands about 1,000× above it.
    const amounts = rows
      .flatMap((r) => TREND_CODES.filter((c) => !TREND_RATES.includes(c)).map((c) => num(form, key.trend(r, c))))
      .filter((x): x is number => x !== null && x !== 0)
      .map(Math.abs);
    const ref = amounts.length >= 3 ? median(amounts) : null;
    for (const row of rows) {
      for (const c of TREND_INPUTS) {
        const k = key.trend(row, c);
        const v = num(form, k);
        if (v === null) continue;
        if (!Number.isInteger(v)) out.push({ keys: [k], message: messages.trdNotInteger(where(form, k), v) });
        else if (ref !== null && Math.abs(v) >= 1000 && Math.abs(v) / ref >= 500) out.push({ keys: [k], message: messages.trdYen(where(form, k), v, ref) });
      }
    }
    return out;
  },
};

export const trendRules = [trdFormula, trdCarry, trdNegative, trdOvercollect, trdMissing, trdUnit];
