/**
 * The exact evaluation of the rules (scaled BigInts, `exact.ts`): the reference semantics
 * every other compiler is tested against, and the fallback of the functions' fast path.
 */
import type { FigureKey, Parameters } from "../standard";
import { addFixed, compareFixed, Fixed, fixedText, mulFixed, parseFixed, powFixed, roundFixed } from "./exact";
import type { Expr, InputKey, LineKey, PlanningKey } from "./expr";
import { LINE_RULES, lineExpr } from "./lines";

export interface ExactEnv {
  inputs: Readonly<Record<InputKey, Fixed>>;
  figures: Readonly<Record<FigureKey, Fixed>>;
  planning: Readonly<Record<PlanningKey, Fixed>>;
}

/** The figures as exact values; throws on a figure that is no decimal text. */
export function fixedFigures(parameters: Parameters): Record<FigureKey, Fixed> {
  const out = {} as Record<FigureKey, Fixed>;
  for (const key of Object.keys(parameters) as FigureKey[]) {
    const value = parseFixed(parameters[key]);
    if (!value) throw new RangeError(`figure ${key} is no decimal: ${parameters[key]}`);
    out[key] = value;
  }
  return out;
}

const CONSTANTS = new Map<string, Fixed>();

/** A constant of the rules ("1"), parsed once. */
function constantOf(text: string): Fixed {
  let value = CONSTANTS.get(text);
  if (!value) {
    value = parseFixed(text) as Fixed;
    CONSTANTS.set(text, value);
  }
  return value;
}

/** Evaluates an expression exactly; line references are evaluated once per call and shared. */
export function evaluateExact(expr: Expr, env: ExactEnv, memo: Map<LineKey, Fixed> = new Map()): Fixed {
  const visit = (e: Expr): Fixed => {
    switch (e.op) {
      case "input":
        return env.inputs[e.key];
      case "figure":
        return env.figures[e.key];
      case "planning":
        return env.planning[e.key];
      case "number":
        return constantOf(e.value);
      case "add":
        return e.args.map(visit).reduce(addFixed);
      case "mul":
        return e.args.map(visit).reduce(mulFixed);
      case "max": {
        const a = visit(e.args[0]);
        const b = visit(e.args[1]);
        return compareFixed(a, b) >= 0 ? a : b;
      }
      case "pow": {
        const exponent = visit(e.exponent);
        return powFixed(visit(e.base), Number(fixedText(exponent)));
      }
      case "ifBelow":
        return compareFixed(visit(e.value), visit(e.limit)) < 0 ? visit(e.then) : visit(e.otherwise);
      case "cents":
        return roundFixed(visit(e.arg), 2);
      case "line": {
        let value = memo.get(e.key);
        if (value === undefined) {
          value = visit(lineExpr(e.key));
          memo.set(e.key, value);
        }
        return value;
      }
    }
  };
  return visit(expr);
}

/** Every budget line of one Quartier and year, exactly, each rounded once and the sums of rounded lines. */
export function evaluateLines(env: ExactEnv): Record<LineKey, Fixed> {
  const memo = new Map<LineKey, Fixed>();
  const out = {} as Record<LineKey, Fixed>;
  for (const { key } of LINE_RULES) out[key] = evaluateExact({ op: "line", key }, env, memo);
  return out;
}
