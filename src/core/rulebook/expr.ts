/**
 * A small expression language for the standard's rules. Each budget line and each minimum is
 * written once, as data over named inputs and figures (`lines.ts`); compilers turn the one
 * definition into the exact evaluation (`exact.ts`), the functions' fast path (`fast.ts`), the
 * Excel formula text of both template writers (`excelFormula.ts`) and the explanation in words
 * (`explain.ts`). Nothing here imports decimal.js: the custom functions load this code.
 */
import type { FigureKey } from "../standard";

/** What a Quartier's plan gives for one year: the inputs of the budget lines. */
export type InputKey = "residents" | "fte" | "salaryPerFte" | "roomCosts";

/**
 * The planning assumptions a line may depend on: the yearly tariff increase, and how many
 * years a plan year lies after the base year of the salaries (never negative, see README
 * "Basisjahr").
 */
export type PlanningKey = "tariffIncrease" | "yearsAfterBase";

/** The budget lines, in the order every output lists them. */
export type LineKey = "staffCost" | "materialCost" | "projectCost" | "dispositionFund" | "projectFunds" | "roomCosts" | "total";

export type Expr =
  | { readonly op: "input"; readonly key: InputKey }
  | { readonly op: "figure"; readonly key: FigureKey }
  | { readonly op: "planning"; readonly key: PlanningKey }
  /** An exact decimal constant ("1", "0"). */
  | { readonly op: "number"; readonly value: string }
  | { readonly op: "add"; readonly args: readonly Expr[] }
  | { readonly op: "mul"; readonly args: readonly Expr[] }
  | { readonly op: "max"; readonly args: readonly [Expr, Expr] }
  /** `base` to a whole, non-negative power. */
  | { readonly op: "pow"; readonly base: Expr; readonly exponent: Expr }
  /** `value < limit ? then : otherwise`. */
  | { readonly op: "ifBelow"; readonly value: Expr; readonly limit: Expr; readonly then: Expr; readonly otherwise: Expr }
  /** To cents, half-up (half away from zero): the one rounding of a line. */
  | { readonly op: "cents"; readonly arg: Expr }
  /** Another line's (rounded) amount, for the sums. */
  | { readonly op: "line"; readonly key: LineKey };

export const input = (key: InputKey): Expr => ({ op: "input", key });
export const figure = (key: FigureKey): Expr => ({ op: "figure", key });
export const planning = (key: PlanningKey): Expr => ({ op: "planning", key });
export const num = (value: string): Expr => ({ op: "number", value });
export const add = (...args: Expr[]): Expr => ({ op: "add", args });
export const mul = (...args: Expr[]): Expr => ({ op: "mul", args });
export const max = (a: Expr, b: Expr): Expr => ({ op: "max", args: [a, b] });
export const pow = (base: Expr, exponent: Expr): Expr => ({ op: "pow", base, exponent });
/** `value < limit ? then : otherwise`. */
export const ifBelow = (value: Expr, limit: Expr, then: Expr, otherwise: Expr): Expr => ({ op: "ifBelow", value, limit, then, otherwise });
export const cents = (arg: Expr): Expr => ({ op: "cents", arg });
export const line = (key: LineKey): Expr => ({ op: "line", key });

/** Every figure and input an expression reads (through line references too, given the lines). */
export function referencesOf(expr: Expr, lineOf: (key: LineKey) => Expr): { figures: Set<FigureKey>; inputs: Set<InputKey> } {
  const figures = new Set<FigureKey>();
  const inputs = new Set<InputKey>();
  const visit = (e: Expr): void => {
    switch (e.op) {
      case "figure":
        figures.add(e.key);
        return;
      case "input":
        inputs.add(e.key);
        return;
      case "add":
      case "mul":
      case "max":
        e.args.forEach(visit);
        return;
      case "pow":
        visit(e.base);
        visit(e.exponent);
        return;
      case "ifBelow":
        [e.value, e.limit, e.then, e.otherwise].forEach(visit);
        return;
      case "cents":
        visit(e.arg);
        return;
      case "line":
        visit(lineOf(e.key));
        return;
      default:
        return;
    }
  };
  visit(expr);
  return { figures, inputs };
}
