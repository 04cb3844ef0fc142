// The form's arithmetic as small expression trees. One tree per computed cell gives its value (the checks),
// its rule as printed on the form ("ウ-(エ+オ)") and its Excel formula (「数式を入れる」), so the three never drift.

/** A sum or difference of cells: every amount, count and balance of the form. */
export type AmountExpr<R> =
  | { op: 'ref'; ref: R }
  | { op: 'add'; terms: readonly AmountExpr<R>[] }
  | { op: 'sub'; left: AmountExpr<R>; right: AmountExpr<R> }
  /** Excel's SUM() over cells (section 3's 計): written as ranges where the cells are adjacent. */
  | { op: 'sum'; refs: readonly R[] };

/** A rate: numerator ÷ denominator, — where the denominator is 0 or empty. */
export interface RateExpr<R> {
  op: 'ratio';
  num: AmountExpr<R>;
  den: AmountExpr<R>;
}

export type Expr<R> = AmountExpr<R> | RateExpr<R>;

export const ref = <R>(r: R): AmountExpr<R> => ({ op: 'ref', ref: r });
export const add = <R>(...terms: AmountExpr<R>[]): AmountExpr<R> => ({ op: 'add', terms });
export const sub = <R>(left: AmountExpr<R>, right: AmountExpr<R>): AmountExpr<R> => ({ op: 'sub', left, right });
export const sum = <R>(refs: readonly R[]): AmountExpr<R> => ({ op: 'sum', refs });
export const ratio = <R>(num: AmountExpr<R>, den: AmountExpr<R>): RateExpr<R> => ({ op: 'ratio', num, den });

/** numerator ÷ denominator; null where the denominator is 0 (the form shows —). */
export function divide(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** The cells an expression reads, in the order they appear, without repeats. */
export function refsOf<R>(e: Expr<R>): R[] {
  const out: R[] = [];
  const walk = (x: Expr<R>): void => {
    switch (x.op) {
      case 'ref':
        if (!out.includes(x.ref)) out.push(x.ref);
        return;
      case 'add':
        x.terms.forEach(walk);
        return;
      case 'sub':
        walk(x.left);
        walk(x.right);
        return;
      case 'sum':
        for (const r of x.refs) if (!out.includes(r)) out.push(r);
        return;
      case 'ratio':
        walk(x.num);
        walk(x.den);
        return;
    }
  };
  walk(e);
  return out;
}

export function mapRefs<R, S>(e: AmountExpr<R>, f: (r: R) => S): AmountExpr<S>;
export function mapRefs<R, S>(e: Expr<R>, f: (r: R) => S): Expr<S>;
export function mapRefs<R, S>(e: Expr<R>, f: (r: R) => S): Expr<S> {
  switch (e.op) {
    case 'ref':
      return ref(f(e.ref));
    case 'add':
      return add(...e.terms.map((t) => mapRefs(t, f)));
    case 'sub':
      return sub(mapRefs(e.left, f), mapRefs(e.right, f));
    case 'sum':
      return sum(e.refs.map(f));
    case 'ratio':
      return ratio(mapRefs(e.num, f), mapRefs(e.den, f));
  }
}

export function evaluateAmount<R>(e: AmountExpr<R>, v: (r: R) => number): number {
  switch (e.op) {
    case 'ref':
      return v(e.ref);
    case 'add':
      return e.terms.reduce((s, t) => s + evaluateAmount(t, v), 0);
    case 'sub':
      return evaluateAmount(e.left, v) - evaluateAmount(e.right, v);
    case 'sum':
      return e.refs.reduce((s, r) => s + v(r), 0);
  }
}

/** The value of an expression; null for a rate whose denominator is 0. */
export function evaluate<R>(e: Expr<R>, v: (r: R) => number): number | null {
  return e.op === 'ratio' ? divide(evaluateAmount(e.num, v), evaluateAmount(e.den, v)) : evaluateAmount(e, v);
}

/** More than one cell: needs brackets after a minus, around a numerator or a denominator. */
function compound<R>(e: AmountExpr<R>): boolean {
  return (e.op === 'add' && e.terms.length > 1) || e.op === 'sub';
}

interface Syntax<R> {
  name: (r: R) => string;
  sum: (refs: readonly R[]) => string;
  ratio: (num: string, den: string) => string;
}

function render<R>(e: Expr<R>, s: Syntax<R>): string {
  const amount = (x: AmountExpr<R>): string => {
    switch (x.op) {
      case 'ref':
        return s.name(x.ref);
      case 'add':
        return x.terms.map(amount).join('+');
      case 'sub':
        return `${amount(x.left)}-${bracket(x.right)}`;
      case 'sum':
        return s.sum(x.refs);
    }
  };
  const bracket = (x: AmountExpr<R>): string => (compound(x) ? `(${amount(x)})` : amount(x));
  return e.op === 'ratio' ? s.ratio(bracket(e.num), bracket(e.den)) : amount(e);
}

/** The rule in the form's own notation: "ウ-(エ+オ)", "(エ+エ')÷(ウ+ウ')". */
export function ruleText<R>(e: Expr<R>, name: (r: R) => string): string {
  return render(e, { name, sum: (refs) => refs.map(name).join('+'), ratio: (n, d) => `${n}÷${d}` });
}

export interface CellPosition {
  row: number;
  col: number;
  address: string;
}

/** SUM's arguments: runs of horizontally or vertically adjacent cells become ranges (D29:L29). */
function sumArguments(cells: readonly CellPosition[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < cells.length) {
    const first = cells[i]!;
    let j = i;
    const next = (a: CellPosition, b: CellPosition): boolean =>
      (a.row === b.row && b.col === a.col + 1) || (a.col === b.col && b.row === a.row + 1);
    while (j + 1 < cells.length && next(cells[j]!, cells[j + 1]!) && sameLine(first, cells[j + 1]!)) j++;
    parts.push(j > i ? `${first.address}:${cells[j]!.address}` : first.address);
    i = j + 1;
  }
  return parts.join(',');
}

function sameLine(a: CellPosition, b: CellPosition): boolean {
  return a.row === b.row || a.col === b.col;
}

/** How a rate cell holds its number: a ratio (0.444, shown 44.4% by a % format) or the percentage itself (44.4). */
export type RateUnit = 'ratio' | 'percent';

/** A ratio times this is the percentage. */
export const PERCENT = 100;

/**
 * The plain Excel formula (without "="): cell addresses, + - ( ), SUM(range) and, for a rate,
 * IF(denominator=0,"—",numerator/denominator) so that every recipient sees the same numbers without the add-in;
 * for a rate cell that holds percentages (its format adds a literal %), the ratio ×100: numerator/denominator*100.
 */
export function excelFormula<R>(e: Expr<R>, at: (r: R) => CellPosition, dash: string, unit: RateUnit = 'ratio'): string {
  const scale = unit === 'percent' ? `*${PERCENT}` : '';
  return render(e, {
    name: (r) => at(r).address,
    sum: (refs) => `SUM(${sumArguments(refs.map(at))})`,
    ratio: (n, d) => `IF(${d}=0,${excelString(dash)},${n}/${d}${scale})`,
  });
}

/** A rate's value (a ratio) as the cell holds it; amounts, dashes and errors as they are. */
export function inUnit<T>(v: T, unit: RateUnit): T | number {
  return unit === 'percent' && typeof v === 'number' ? v * PERCENT : v;
}

export function excelString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
