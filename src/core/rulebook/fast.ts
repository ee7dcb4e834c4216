/**
 * The custom functions' fast path: a rule compiled, for one set of figures and planning
 * assumptions, into a closure over plain JS numbers holding scaled integers. Every value
 * has a scale fixed at compile time; every operation is exact as long as it stays below
 * 2^53, and any step that would leave that range yields NaN, upon which the caller
 * evaluates the same rule exactly with BigInts (`evaluate.ts`). So the result is always the
 * exact one; the fast path only decides how quickly it is found.
 */
import type { FigureKey } from "../standard";
import { addFixed, compareFixed, Fixed, fixedText, mulFixed, pow10, powFixed, roundFixed } from "./exact";
import type { Expr, InputKey, LineKey, PlanningKey } from "./expr";
import { lineExpr } from "./lines";

/**
 * Decimal places of the inputs on the fast path: VbE to 1/10 000, amounts to the cent,
 * residents whole. An input with more places takes the exact path.
 */
export const INPUT_SCALE: Readonly<Record<InputKey, number>> = { residents: 0, fte: 4, salaryPerFte: 2, roomCosts: 2 };

/** Scaled inputs in, cents out (NaN: leave the fast path). */
export type FastLine = (residents: number, fte: number, salaryPerFte: number, roomCosts: number) => number;

const LIMIT = 2 ** 53;

interface Node {
  scale: number;
  fn?: FastLine;
  constant?: Fixed;
}

class NotFast extends Error {}

function safeNumber(m: bigint): number {
  if (m >= BigInt(LIMIT) || m <= -BigInt(LIMIT)) throw new NotFast();
  return Number(m);
}

/** A node's value at a larger scale, as a closure. */
function at(node: Node, scale: number): FastLine {
  if (node.constant) {
    const c = safeNumber(node.constant.m * pow10(scale - node.constant.s));
    return () => c;
  }
  const fn = node.fn as FastLine;
  if (scale === node.scale) return fn;
  const factor = 10 ** (scale - node.scale);
  if (factor > LIMIT) throw new NotFast();
  return (r, f, s, rc) => {
    const x = fn(r, f, s, rc) * factor;
    return x < LIMIT && x > -LIMIT ? x : NaN;
  };
}

const INPUTS: Readonly<Record<InputKey, FastLine>> = {
  residents: (r) => r,
  fte: (_r, f) => f,
  salaryPerFte: (_r, _f, s) => s,
  roomCosts: (_r, _f, _s, rc) => rc,
};

interface Context {
  figures: Readonly<Record<FigureKey, Fixed>>;
  planning: Readonly<Record<PlanningKey, Fixed>>;
  lines: Map<LineKey, Node>;
}

function compileNode(e: Expr, ctx: Context): Node {
  switch (e.op) {
    case "input":
      return { scale: INPUT_SCALE[e.key], fn: INPUTS[e.key] };
    case "figure":
      return { scale: ctx.figures[e.key].s, constant: ctx.figures[e.key] };
    case "planning":
      return { scale: ctx.planning[e.key].s, constant: ctx.planning[e.key] };
    case "number": {
      const [whole, fraction = ""] = e.value.split(".");
      return { scale: fraction.length, constant: { m: BigInt(whole + fraction), s: fraction.length } };
    }
    case "add":
      return compileAdd(e.args.map((a) => compileNode(a, ctx)));
    case "mul":
      return compileMul(e.args.map((a) => compileNode(a, ctx)));
    case "max": {
      const [a, b] = e.args.map((x) => compileNode(x, ctx));
      if (a.constant && b.constant) return constant(compareFixed(a.constant, b.constant) >= 0 ? a.constant : b.constant);
      const scale = Math.max(a.scale, b.scale);
      const fa = at(a, scale);
      const fb = at(b, scale);
      // Math.max passes NaN on, so a failed operand leaves the fast path.
      return { scale, fn: (r, f, s, rc) => Math.max(fa(r, f, s, rc), fb(r, f, s, rc)) };
    }
    case "pow": {
      const base = compileNode(e.base, ctx);
      const exponent = compileNode(e.exponent, ctx);
      if (!exponent.constant) throw new NotFast();
      const n = Number(fixedText(exponent.constant));
      if (base.constant) return constant(powFixed(base.constant, n));
      if (n === 0) return constant({ m: BigInt(1), s: 0 });
      return compileMul(Array.from({ length: n }, () => base));
    }
    case "ifBelow": {
      const value = compileNode(e.value, ctx);
      const limit = compileNode(e.limit, ctx);
      const then = compileNode(e.then, ctx);
      const otherwise = compileNode(e.otherwise, ctx);
      if (value.constant && limit.constant) return compareFixed(value.constant, limit.constant) < 0 ? then : otherwise;
      const testScale = Math.max(value.scale, limit.scale);
      const fv = at(value, testScale);
      const fl = at(limit, testScale);
      const scale = Math.max(then.scale, otherwise.scale);
      const ft = at(then, scale);
      const fo = at(otherwise, scale);
      return {
        scale,
        fn: (r, f, s, rc) => {
          const v = fv(r, f, s, rc);
          const l = fl(r, f, s, rc);
          if (v !== v || l !== l) return NaN;
          return v < l ? ft(r, f, s, rc) : fo(r, f, s, rc);
        },
      };
    }
    case "cents":
      return compileCents(compileNode(e.arg, ctx));
    case "line": {
      let node = ctx.lines.get(e.key);
      if (!node) {
        node = compileNode(lineExpr(e.key), ctx);
        ctx.lines.set(e.key, node);
      }
      return node;
    }
  }
}

function constant(value: Fixed): Node {
  return { scale: value.s, constant: value };
}

function compileAdd(nodes: Node[]): Node {
  const constants = nodes.filter((n) => n.constant).map((n) => n.constant as Fixed);
  const sum = constants.length > 0 ? constants.reduce(addFixed) : undefined;
  const variables = nodes.filter((n) => !n.constant);
  if (variables.length === 0) return constant(sum as Fixed);
  const scale = Math.max(...variables.map((n) => n.scale), sum && sum.m !== BigInt(0) ? sum.s : 0);
  const terms = variables.map((n) => at(n, scale));
  const offset = sum ? safeNumber(sum.m * pow10(scale - sum.s)) : 0;
  const checked = (x: number): number => (x < LIMIT && x > -LIMIT ? x : NaN);
  if (terms.length === 1) {
    const [a] = terms;
    return { scale, fn: offset === 0 ? a : (r, f, s, rc) => checked(a(r, f, s, rc) + offset) };
  }
  if (terms.length === 2 && offset === 0) {
    const [a, b] = terms;
    return { scale, fn: (r, f, s, rc) => checked(a(r, f, s, rc) + b(r, f, s, rc)) };
  }
  if (terms.length === 3 && offset === 0) {
    const [a, b, c] = terms;
    return { scale, fn: (r, f, s, rc) => checked(a(r, f, s, rc) + b(r, f, s, rc) + c(r, f, s, rc)) };
  }
  return {
    scale,
    fn: (r, f, s, rc) => {
      let total = offset;
      for (const t of terms) total = checked(total + t(r, f, s, rc));
      return total;
    },
  };
}

function compileMul(nodes: Node[]): Node {
  const constants = nodes.filter((n) => n.constant).map((n) => n.constant as Fixed);
  const product = constants.length > 0 ? constants.reduce(mulFixed) : { m: BigInt(1), s: 0 };
  const variables = nodes.filter((n) => !n.constant);
  if (variables.length === 0) return constant(product);
  const scale = variables.reduce((s, n) => s + n.scale, product.s);
  const factor = safeNumber(product.m);
  const fns = variables.map((n) => n.fn as FastLine);
  const checked = (x: number): number => (x < LIMIT && x > -LIMIT ? x : NaN);
  let fn: FastLine;
  if (fns.length === 1) {
    const [a] = fns;
    fn = factor === 1 ? a : (r, f, s, rc) => checked(a(r, f, s, rc) * factor);
  } else if (fns.length === 2) {
    const [a, b] = fns;
    fn = factor === 1 ? (r, f, s, rc) => checked(a(r, f, s, rc) * b(r, f, s, rc)) : (r, f, s, rc) => checked(checked(a(r, f, s, rc) * b(r, f, s, rc)) * factor);
  } else {
    fn = (r, f, s, rc) => {
      let p = factor;
      for (const g of fns) p = checked(p * g(r, f, s, rc));
      return p;
    };
  }
  return { scale, fn };
}

function compileCents(node: Node): Node {
  if (node.constant) return constant(roundFixed(node.constant, 2));
  if (node.scale <= 2) return { scale: 2, fn: at(node, 2) };
  const divisor = 10 ** (node.scale - 2);
  if (divisor > LIMIT) throw new NotFast();
  const half = divisor / 2;
  const fn = node.fn as FastLine;
  return {
    scale: 2,
    fn: (r, f, s, rc) => {
      const x = fn(r, f, s, rc);
      // Half away from zero, with integer arithmetic only: q = ⌊(|x| + d/2) / d⌋.
      const shifted = (x < 0 ? -x : x) + half;
      if (!(shifted < LIMIT)) return NaN;
      const q = (shifted - (shifted % divisor)) / divisor;
      return x < 0 ? -q : q;
    },
  };
}

/**
 * The fast closure of a line, in cents, for these figures and planning assumptions; undefined
 * when a figure is too precise or too large for it (the exact path then answers every call).
 */
export function compileFast(
  expr: Expr,
  figures: Readonly<Record<FigureKey, Fixed>>,
  planningValues: Readonly<Record<PlanningKey, Fixed>>,
): FastLine | undefined {
  try {
    const node = compileCents(compileNode(expr, { figures, planning: planningValues, lines: new Map() }));
    if (node.constant) {
      const c = safeNumber(node.constant.m);
      return () => c;
    }
    return node.fn;
  } catch (e) {
    if (e instanceof NotFast) return undefined;
    throw e;
  }
}

/**
 * An input as a scaled integer at `scale` decimals, or NaN when it has more (or is too large):
 * m = round(x × 10^scale) represents x exactly iff m / 10^scale gives x back, since both are
 * correctly rounded IEEE operations on exact integers.
 */
export function scaledInput(x: number, scale: number): number {
  if (scale === 0) return Number.isSafeInteger(x) ? x : NaN;
  const factor = 10 ** scale;
  const m = Math.round(x * factor);
  return m / factor === x && m < LIMIT && m > -LIMIT ? m : NaN;
}
