/**
 * The custom functions' fast path: a rule compiled, for one set of figures and planning
 * assumptions, into a small JS function over plain numbers holding scaled integers. Every
 * value has a scale fixed at compile time; every operation is exact as long as it stays
 * below 2^53, and any step that would leave that range yields NaN, upon which the caller
 * evaluates the same rule exactly with BigInts (`evaluate.ts`). So the result is always the
 * exact one; the fast path only decides how quickly it is found.
 *
 * Why generated code: a tree of closures makes every call site megamorphic and costs ~10×
 * an integer implementation; straight-line code is as fast as one written by hand. The code
 * is generated from our own rule data and figures that are validated decimal numbers (only
 * digits reach it), never from user text. Where a host forbids `new Function` (a strict
 * content security policy), the exact path answers every call.
 */
import { LIMITS } from "../inputChecks";
import type { FigureKey } from "../standard";
import { addFixed, compareFixed, Fixed, fixedText, mulFixed, pow10, powFixed, roundFixed } from "./exact";
import type { Expr, InputKey, LineKey, PlanningKey } from "./expr";
import { lineExpr } from "./lines";

/**
 * Decimal places of the inputs on the fast path: VbE to 1/10 000, amounts to the cent,
 * residents whole. An input with more places takes the exact path.
 */
export const INPUT_SCALE: Readonly<Record<InputKey, number>> = { residents: 0, fte: 4, salaryPerFte: 2, roomCosts: 2 };

/** Validated inputs in (see `inputChecks.ts`), cents out (NaN: leave the fast path). */
export type FastLine = (residents: number, fte: number, salaryPerFte: number, roomCosts: number) => number;

const LIMIT = 2 ** 53;
/**
 * Below this every intermediate is an exact integer in a double. The bounds are worked out
 * in doubles too, so they keep a wide margin from 2^53.
 */
const SAFE_BOUND = 2 ** 50;
const INPUT_VARIABLE: Readonly<Record<InputKey, string>> = { residents: "r", fte: "f", salaryPerFte: "s", roomCosts: "c" };

/** The largest value each input can have once validated: the input checks' own limits. */
const INPUT_MAX: Readonly<Record<InputKey, number>> = {
  residents: LIMITS.residentsMax,
  fte: LIMITS.fteMax,
  salaryPerFte: LIMITS.salaryMax,
  roomCosts: LIMITS.roomCostsMax,
};

/**
 * A value at compile time: a constant, or the name of a local holding the scaled integer,
 * with the largest magnitude it can reach (so most code needs no overflow checks at all) and
 * whether it may be NaN (an input with more decimals than its scale).
 */
interface Node {
  scale: number;
  constant?: Fixed;
  code?: string;
  bound: number;
  mayBeNaN?: boolean;
}

class NotFast extends Error {}

function safeLiteral(m: bigint): string {
  if (m >= BigInt(LIMIT) || m <= -BigInt(LIMIT)) throw new NotFast();
  return m.toString();
}

class Emitter {
  readonly lines: string[] = [];
  private count = 0;
  readonly memo = new Map<LineKey, Node>();

  constructor(
    readonly figures: Readonly<Record<FigureKey, Fixed>>,
    readonly planning: Readonly<Record<PlanningKey, Fixed>>,
  ) {}

  private readonly inputs = new Map<InputKey, Node>();

  /** A new local holding `expression`, checked to stay an exact integer. */
  checked(expression: string): string {
    const name = `t${this.count++}`;
    this.lines.push(`const ${name} = ${expression}; if (!(${name} < L && ${name} > -L)) return NaN;`);
    return name;
  }

  /** A new local for a value of magnitude ≤ `bound`: checked only where the bound does not prove it exact. */
  bounded(expression: string, bound: number): string {
    return bound < SAFE_BOUND ? this.local(expression) : this.checked(expression);
  }

  /** An input as a scaled integer, converted once (residents are whole numbers already). */
  input(key: InputKey): Node {
    let node = this.inputs.get(key);
    if (!node) {
      const scale = INPUT_SCALE[key];
      const x = INPUT_VARIABLE[key];
      const bound = INPUT_MAX[key] * 10 ** scale;
      if (scale === 0) node = { scale, code: x, bound };
      else {
        const factor = 10 ** scale;
        // m = round(x × 10^k) is x exactly iff m / 10^k gives x back (both correctly rounded).
        const m = this.local(`Math.round(${x} * ${factor})`);
        node = { scale, code: this.local(`${m} / ${factor} === ${x} ? ${m} : NaN`), bound, mayBeNaN: true };
      }
      this.inputs.set(key, node);
    }
    return node;
  }

  local(expression: string): string {
    const name = `t${this.count++}`;
    this.lines.push(`const ${name} = ${expression};`);
    return name;
  }

  /** A node's value at a scale ≥ its own, as code. */
  at(node: Node, scale: number): string {
    if (node.constant) return safeLiteral(node.constant.m * pow10(scale - node.constant.s));
    if (scale === node.scale) return node.code as string;
    const factor = pow10(scale - node.scale);
    return this.bounded(`${node.code} * ${safeLiteral(factor)}`, boundAt(node, scale));
  }
}

const constant = (value: Fixed): Node => ({ scale: value.s, constant: value, bound: Math.abs(Number(value.m)) });

/** A node's bound at a larger scale. */
const boundAt = (node: Node, scale: number): number => node.bound * 10 ** (scale - node.scale);

function compileNode(e: Expr, out: Emitter): Node {
  switch (e.op) {
    case "input":
      return out.input(e.key);
    case "figure":
      return constant(out.figures[e.key]);
    case "planning":
      return constant(out.planning[e.key]);
    case "number": {
      const [whole, fraction = ""] = e.value.split(".");
      return constant({ m: BigInt(whole + fraction), s: fraction.length });
    }
    case "add": {
      const nodes = e.args.map((a) => compileNode(a, out));
      const constants = nodes.filter((n) => n.constant).map((n) => n.constant as Fixed);
      const variables = nodes.filter((n) => !n.constant);
      const sum = constants.length > 0 ? constants.reduce(addFixed) : undefined;
      if (variables.length === 0) return constant(sum as Fixed);
      const scale = Math.max(...variables.map((n) => n.scale), sum ? sum.s : 0);
      const parts = sum && sum.m !== BigInt(0) ? [...variables, constant(sum)] : variables;
      const terms = parts.map((n) => out.at(n, scale));
      let acc = terms[0];
      let bound = boundAt(parts[0], scale);
      parts.slice(1).forEach((n, i) => {
        bound += boundAt(n, scale);
        acc = out.bounded(`${acc} + ${terms[i + 1]}`, bound);
      });
      return { scale, code: acc, bound, mayBeNaN: parts.some((n) => n.mayBeNaN) };
    }
    case "mul": {
      const nodes = e.args.map((a) => compileNode(a, out));
      const constants = nodes.filter((n) => n.constant).map((n) => n.constant as Fixed);
      const variables = nodes.filter((n) => !n.constant);
      const product = constants.length > 0 ? constants.reduce(mulFixed) : { m: BigInt(1), s: 0 };
      if (variables.length === 0) return constant(product);
      const scale = variables.reduce((s, n) => s + n.scale, product.s);
      let acc = variables[0].code as string;
      let bound = variables[0].bound;
      for (const v of variables.slice(1)) {
        bound *= v.bound;
        acc = out.bounded(`${acc} * ${v.code}`, bound);
      }
      if (product.m !== BigInt(1)) {
        bound *= Math.abs(Number(product.m));
        acc = out.bounded(`${acc} * ${safeLiteral(product.m)}`, bound);
      }
      return { scale, code: acc, bound, mayBeNaN: variables.some((n) => n.mayBeNaN) };
    }
    case "max": {
      const [a, b] = e.args.map((x) => compileNode(x, out));
      if (a.constant && b.constant) return constant(compareFixed(a.constant, b.constant) >= 0 ? a.constant : b.constant);
      const scale = Math.max(a.scale, b.scale);
      // Math.max passes NaN on, so a failed operand leaves the fast path.
      return {
        scale,
        code: out.local(`Math.max(${out.at(a, scale)}, ${out.at(b, scale)})`),
        bound: Math.max(boundAt(a, scale), boundAt(b, scale)),
        mayBeNaN: a.mayBeNaN || b.mayBeNaN,
      };
    }
    case "pow": {
      const base = compileNode(e.base, out);
      const exponent = compileNode(e.exponent, out);
      if (!exponent.constant) throw new NotFast();
      const n = Number(fixedText(exponent.constant));
      if (base.constant) return constant(powFixed(base.constant, n));
      if (n === 0) return constant({ m: BigInt(1), s: 0 });
      let acc = base.code as string;
      let bound = base.bound;
      for (let i = 1; i < n; i++) {
        bound *= base.bound;
        acc = out.bounded(`${acc} * ${base.code}`, bound);
      }
      return { scale: base.scale * n, code: acc, bound, mayBeNaN: base.mayBeNaN };
    }
    case "ifBelow": {
      const value = compileNode(e.value, out);
      const limit = compileNode(e.limit, out);
      if (value.constant && limit.constant) return compileNode(compareFixed(value.constant, limit.constant) < 0 ? e.then : e.otherwise, out);
      const testScale = Math.max(value.scale, limit.scale);
      const v = out.at(value, testScale);
      const l = out.at(limit, testScale);
      // Both branches are computed (they are cheap and side-effect free), then one is taken.
      const then = compileNode(e.then, out);
      const otherwise = compileNode(e.otherwise, out);
      const scale = Math.max(then.scale, otherwise.scale);
      const t = out.at(then, scale);
      const o = out.at(otherwise, scale);
      // A NaN operand would compare false and pick a branch: it must leave the fast path instead.
      const test = value.mayBeNaN || limit.mayBeNaN ? `${v} !== ${v} || ${l} !== ${l} ? NaN : ` : "";
      return {
        scale,
        code: out.local(`${test}${v} < ${l} ? ${t} : ${o}`),
        bound: Math.max(boundAt(then, scale), boundAt(otherwise, scale)),
        mayBeNaN: value.mayBeNaN || limit.mayBeNaN || then.mayBeNaN || otherwise.mayBeNaN,
      };
    }
    case "cents": {
      const node = compileNode(e.arg, out);
      if (node.constant) return constant(roundFixed(node.constant, 2));
      if (node.scale <= 2) return { scale: 2, code: out.at(node, 2), bound: boundAt(node, 2), mayBeNaN: node.mayBeNaN };
      const d = pow10(node.scale - 2);
      const divisor = safeLiteral(d);
      const half = safeLiteral(d / BigInt(2));
      // Half away from zero with integer arithmetic only: q = ⌊(|x| + d/2) / d⌋, by an exact remainder.
      const shifted = out.bounded(`(${node.code} < 0 ? -${node.code} : ${node.code}) + ${half}`, node.bound + Number(d));
      // ⌊t / d⌋ from a rounded division, corrected by one where the rounding crossed a whole
      // number: q × d stays below 2^53, so both tests are exact (and cheaper than `%` on doubles).
      const guess = out.local(`Math.floor(${shifted} / ${divisor})`);
      const q = out.local(`${guess} * ${divisor} > ${shifted} ? ${guess} - 1 : (${guess} + 1) * ${divisor} <= ${shifted} ? ${guess} + 1 : ${guess}`);
      return { scale: 2, code: out.local(`${node.code} < 0 ? -${q} : ${q}`), bound: node.bound / Number(d) + 1, mayBeNaN: node.mayBeNaN };
    }
    case "line": {
      let node = out.memo.get(e.key);
      if (!node) {
        node = compileNode(lineExpr(e.key), out);
        out.memo.set(e.key, node);
      }
      return node;
    }
  }
}

/** The generated source of a line (for tests and for reading): `(r, f, s, c) => cents`. */
export function fastSource(
  expr: Expr,
  figures: Readonly<Record<FigureKey, Fixed>>,
  planningValues: Readonly<Record<PlanningKey, Fixed>>,
): string | undefined {
  try {
    const out = new Emitter(figures, planningValues);
    const node = compileNode({ op: "cents", arg: expr }, out);
    const result = node.constant ? safeLiteral(node.constant.m) : (node.code as string);
    return [...out.lines, `return ${result};`].join("\n");
  } catch (e) {
    if (e instanceof NotFast) return undefined;
    throw e;
  }
}

/**
 * The fast function of a line, in cents, for these figures and planning assumptions;
 * undefined when a figure is too precise or too large for it, or the host allows no
 * generated code (the exact path then answers every call).
 */
export function compileFast(
  expr: Expr,
  figures: Readonly<Record<FigureKey, Fixed>>,
  planningValues: Readonly<Record<PlanningKey, Fixed>>,
): FastLine | undefined {
  const body = fastSource(expr, figures, planningValues);
  if (body === undefined) return undefined;
  try {
    return new Function("L", `return function fastLine(r, f, s, c) {\n${body}\n};`)(LIMIT) as FastLine;
  } catch {
    return undefined;
  }
}

/**
 * An input as a scaled integer at `scale` decimals, or NaN when it has more (or is too large):
 * m = round(x × 10^scale) represents x exactly iff m / 10^scale gives x back, since both are
 * correctly rounded IEEE operations on exact integers. (The generated code does the same.)
 */
export function scaledInput(x: number, scale: number): number {
  if (scale === 0) return Number.isSafeInteger(x) ? x : NaN;
  const factor = 10 ** scale;
  const m = Math.round(x * factor);
  return m / factor === x && m < LIMIT && m > -LIMIT ? m : NaN;
}
