// Whether a formula already in a cell computes the same as the standard one, so that 「数式を入れる」 leaves it
// alone. Formulas are reduced to a linear sum of cells (D19-(E19+F19), SUM(D29:L29), MISHUKIN.未収金残高(…)) or a
// rate over two such sums (IF(F19=0,"-",G19/F19), IFERROR(G19/F19,"—"), MISHUKIN.徴収率(…), the percentage
// IF(F19=0,"-",G19/F19*100) as 100·G19 over F19); anything else is not recognised and therefore rewritten.
// Only the few shapes the form uses are understood, on purpose.
import { parseA1, a1 } from '../grid';
import { isDash } from '../text/normalize';
import { type AmountExpr } from './expr';
import { ADDIN_CALL_RE, findFormFunction } from './functions';
import { trendColumn } from './trend';

/** Σ coefficient × cell + constant. */
interface Linear {
  cells: Map<string, number>;
  constant: number;
}

export type Canonical = { kind: 'amount'; sum: Linear } | { kind: 'rate'; num: Linear; den: Linear };

type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; a: string }
  | { t: 'range'; from: string; to: string }
  | { t: 'neg'; x: Node }
  | { t: 'pct'; x: Node }
  | { t: 'bin'; op: string; l: Node; r: Node }
  | { t: 'call'; name: string; args: Node[] };

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|(\$?[A-Za-z]{1,3}\$?\d+(?![\w(.]))|(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|([\p{L}_][\p{L}\p{N}_.]*)(?=\s*\()|(<>|<=|>=|[-+*/^&=<>(),:%]))/uy;

function tokenize(f: string): string[] | null {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let i = 0;
  const s = f.trim();
  while (i < s.length) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(s);
    if (!m || m[0].length === 0) return null;
    out.push(m[0].trim());
    i = TOKEN.lastIndex;
  }
  return out;
}

const MAX_RANGE_CELLS = 500;

function parse(formula: string): Node | null {
  const tokens = tokenize(formula.replace(/^=/, ''));
  if (!tokens || tokens.length === 0) return null;
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const take = (): string => tokens[i++]!;
  const fail = (): never => {
    throw new SyntaxError('unsupported formula');
  };
  const binary = (ops: readonly string[], next: () => Node) => (): Node => {
    let l = next();
    while (ops.includes(peek() ?? '')) {
      const op = take();
      l = { t: 'bin', op, l, r: next() };
    }
    return l;
  };
  const primary = (): Node => {
    const tok = peek();
    if (tok === undefined) return fail();
    if (tok === '-' || tok === '+') {
      take();
      const x = primary();
      return tok === '-' ? { t: 'neg', x } : x;
    }
    take();
    let node: Node;
    if (tok === '(') {
      node = comparison();
      if (take() !== ')') fail();
    } else if (tok.startsWith('"')) {
      node = { t: 'str', v: tok.slice(1, -1).replace(/""/g, '"') };
    } else if (/^\d/.test(tok)) {
      node = { t: 'num', v: Number(tok) };
    } else if (/^\$?[A-Za-z]{1,3}\$?\d+$/.test(tok)) {
      const a = tok.replace(/\$/g, '').toUpperCase();
      if (peek() === ':') {
        take();
        const to = take();
        if (!/^\$?[A-Za-z]{1,3}\$?\d+$/.test(to)) fail();
        node = { t: 'range', from: a, to: to.replace(/\$/g, '').toUpperCase() };
      } else node = { t: 'ref', a };
    } else if (peek() === '(') {
      take();
      const args: Node[] = [];
      if (peek() !== ')') {
        for (;;) {
          args.push(comparison());
          if (peek() === ',') take();
          else break;
        }
      }
      if (take() !== ')') fail();
      node = { t: 'call', name: tok.toUpperCase().startsWith('_XLFN.') ? tok.slice(6) : tok, args };
    } else return fail();
    while (peek() === '%') {
      take();
      node = { t: 'pct', x: node };
    }
    return node;
  };
  const multiplicative = binary(['*', '/'], primary);
  const additive = binary(['+', '-'], multiplicative);
  const comparison = binary(['=', '<>', '<', '>', '<=', '>=', '&'], additive);
  try {
    const n = comparison();
    return i === tokens.length ? n : null;
  } catch {
    return null;
  }
}

// ---- linear sums

const zero = (): Linear => ({ cells: new Map(), constant: 0 });

function scaled(a: Linear, k: number): Linear {
  const cells = new Map<string, number>();
  for (const [c, v] of a.cells) cells.set(c, v * k);
  return { cells, constant: a.constant * k };
}

function plus(a: Linear, b: Linear): Linear {
  const cells = new Map(a.cells);
  for (const [c, v] of b.cells) {
    const s = (cells.get(c) ?? 0) + v;
    if (s === 0) cells.delete(c);
    else cells.set(c, s);
  }
  return { cells, constant: a.constant + b.constant };
}

function sameLinear(a: Linear, b: Linear): boolean {
  if (a.constant !== b.constant || a.cells.size !== b.cells.size) return false;
  for (const [c, v] of a.cells) if (b.cells.get(c) !== v) return false;
  return true;
}

const constantOf = (a: Linear): number | null => (a.cells.size === 0 ? a.constant : null);

function rangeCells(from: string, to: string): Linear | null {
  const p = parseA1(from);
  const q = parseA1(to);
  if (!p || !q) return null;
  const [r0, r1] = [Math.min(p.row, q.row), Math.max(p.row, q.row)];
  const [c0, c1] = [Math.min(p.col, q.col), Math.max(p.col, q.col)];
  if ((r1 - r0 + 1) * (c1 - c0 + 1) > MAX_RANGE_CELLS) return null;
  const out = zero();
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.cells.set(a1(r, c), 1);
  return out;
}

type Value = Canonical | { kind: 'div'; num: Linear; den: Linear } | { kind: 'text'; text: string };

function linear(v: Value | null): Linear | null {
  return v?.kind === 'amount' ? v.sum : null;
}

const amount = (sum: Linear): Value => ({ kind: 'amount', sum });

/** The number a value is when it is a constant (100), else null. */
function constantIn(v: Value | null): number | null {
  const x = linear(v);
  return x && constantOf(x);
}

/** Reduces a node; null where the shape is not one the form uses. */
function reduce(n: Node): Value | null {
  switch (n.t) {
    case 'num':
      return amount({ cells: new Map(), constant: n.v });
    case 'str':
      return { kind: 'text', text: n.v };
    case 'ref':
      return amount({ cells: new Map([[n.a, 1]]), constant: 0 });
    case 'range':
      return null; // only meaningful inside SUM
    case 'neg': {
      const x = linear(reduce(n.x));
      return x && amount(scaled(x, -1));
    }
    case 'pct': {
      const x = linear(reduce(n.x));
      return x && amount(scaled(x, 0.01));
    }
    case 'bin':
      return reduceBinary(n.op, n.l, n.r);
    case 'call':
      return reduceCall(n.name, n.args);
  }
}

function reduceBinary(op: string, l: Node, r: Node): Value | null {
  const x = reduce(l);
  const y = reduce(r);
  // A ratio scaled by a constant (G19/F19*100: the percentage, for a cell that shows its number with a literal %).
  const kx = constantIn(x);
  const ky = constantIn(y);
  if (x?.kind === 'div' && ky !== null && (op === '*' || (op === '/' && ky !== 0))) {
    return { kind: 'div', num: scaled(x.num, op === '*' ? ky : 1 / ky), den: x.den };
  }
  if (y?.kind === 'div' && kx !== null && op === '*') return { kind: 'div', num: scaled(y.num, kx), den: y.den };
  const a = linear(x);
  const b = linear(y);
  if (!a || !b) return null;
  switch (op) {
    case '+':
      return amount(plus(a, b));
    case '-':
      return amount(plus(a, scaled(b, -1)));
    case '*': {
      const ka = constantOf(a);
      const kb = constantOf(b);
      return kb !== null ? amount(scaled(a, kb)) : ka !== null ? amount(scaled(b, ka)) : null;
    }
    case '/': {
      const kb = constantOf(b);
      return kb !== null && kb !== 0 ? amount(scaled(a, 1 / kb)) : { kind: 'div', num: a, den: b };
    }
    default:
      return null;
  }
}

/** `x=0` (or `0=x`, `x<>0` with the branches swapped): the denominator test of a rate. */
function zeroTest(cond: Node): { den: Linear; equal: boolean } | null {
  if (cond.t !== 'bin' || (cond.op !== '=' && cond.op !== '<>')) return null;
  const l = linear(reduce(cond.l));
  const r = linear(reduce(cond.r));
  if (!l || !r) return null;
  const den = constantOf(r) === 0 ? l : constantOf(l) === 0 ? r : null;
  return den && { den, equal: cond.op === '=' };
}

const isDashValue = (v: Value | null): boolean => v?.kind === 'text' && isDash(v.text);

function reduceCall(name: string, args: Node[]): Value | null {
  const upper = name.toUpperCase();
  if (upper === 'SUM') {
    let total = zero();
    for (const a of args) {
      const x = a.t === 'range' ? rangeCells(a.from, a.to) : linear(reduce(a));
      if (!x) return null;
      total = plus(total, x);
    }
    return amount(total);
  }
  if (upper === 'IF' && args.length === 3) {
    const test = zeroTest(args[0]!);
    if (!test) return null;
    const [whenZero, otherwise] = test.equal ? [args[1]!, args[2]!] : [args[2]!, args[1]!];
    const div = reduce(otherwise);
    if (!isDashValue(reduce(whenZero)) || div?.kind !== 'div' || !sameLinear(div.den, test.den)) return null;
    return { kind: 'rate', num: div.num, den: div.den };
  }
  if (upper === 'IFERROR' && args.length === 2) {
    const div = reduce(args[0]!);
    return div?.kind === 'div' && isDashValue(reduce(args[1]!)) ? { kind: 'rate', num: div.num, den: div.den } : null;
  }
  if (ADDIN_CALL_RE.test(name)) return reduceAddinCall(name.replace(ADDIN_CALL_RE, ''), args);
  return null;
}

function reduceAddinCall(name: string, args: Node[]): Value | null {
  const fn = findFormFunction(name);
  const col = fn && trendColumn(fn.column);
  if (!fn || !col || args.length !== fn.params.length) return null;
  const lin = args.map((a) => linear(reduce(a)));
  if (lin.some((x) => x === null)) return null;
  const operand = (code: string): Linear => lin[fn.params.findIndex((p) => p.operand === code)] ?? zero();
  const over = (e: AmountExpr<string>): Linear => {
    switch (e.op) {
      case 'ref':
        return operand(e.ref);
      case 'add':
        return e.terms.reduce((s, t) => plus(s, over(t)), zero());
      case 'sub':
        return plus(over(e.left), scaled(over(e.right), -1));
      case 'sum':
        return e.refs.reduce((s, r) => plus(s, operand(r)), zero());
    }
  };
  const e = col.expr;
  return e.op === 'ratio' ? { kind: 'rate', num: over(e.num), den: over(e.den) } : amount(over(e));
}

/** The canonical form of a formula (with or without "="); null when it is not one of the form's shapes. */
export function canonicalFormula(formula: string): Canonical | null {
  const node = parse(formula);
  const v = node && reduce(node);
  return v && (v.kind === 'amount' || v.kind === 'rate') ? v : null;
}

export function usesAddinFunctions(formula: string): boolean {
  return ADDIN_CALL_RE.test(formula);
}

/** True when both formulas compute the same from the same cells (whether or not they call MISHUKIN.*). */
export function sameArithmetic(a: string, b: string): boolean {
  const x = canonicalFormula(a);
  const y = canonicalFormula(b);
  if (x?.kind === 'amount' && y?.kind === 'amount') return sameLinear(x.sum, y.sum);
  if (x?.kind === 'rate' && y?.kind === 'rate') return sameLinear(x.num, y.num) && sameLinear(x.den, y.den);
  return false;
}

/**
 * True when `current` computes what `standard` does, and calls the add-in's functions exactly when the standard
 * does (a MISHUKIN formula is not "the same" as a plain one: recipients without the add-in see #NAME?).
 */
export function equivalentFormulas(current: string, standard: string): boolean {
  // The common case, the very formula (give or take $ and spaces), needs no parsing.
  if (plainText(current) === plainText(standard)) return true;
  return usesAddinFunctions(current) === usesAddinFunctions(standard) && sameArithmetic(current, standard);
}

function plainText(f: string): string {
  return f.replace(/^\s*=/, '').replace(/[$\s]/g, '').toUpperCase();
}
