/**
 * Budget lines as JS numbers for the custom functions: the fast path where it applies, the
 * exact BigInt evaluation where it does not, both from the one definition in `lines.ts`.
 * Inputs are validated numbers (see `inputChecks.ts`); results are whole cents, returned as
 * the double nearest to them (what Excel stores).
 */
import { FIGURE_KEYS, FigureKey, Parameters } from "../standard";
import { Fixed, fixedOfNumber, fixedToNumber } from "./exact";
import { evaluateExact, fixedFigures } from "./evaluate";
import type { LineKey, PlanningKey } from "./expr";
import { compileFast, FastLine } from "./fast";
import { lineExpr } from "./lines";

/** The functions' planning assumptions: a single year, no tariff increase. */
const NO_PLANNING: Readonly<Record<PlanningKey, Fixed>> = {
  tariffIncrease: { m: BigInt(0), s: 0 },
  yearsAfterBase: { m: BigInt(0), s: 0 },
};

/** The rulebook compiled for one set of figures. */
export class FunctionRules {
  private readonly figures: Record<FigureKey, Fixed>;
  /** Compiled on first use; null: this line has no fast path for these figures. */
  private readonly fast: Partial<Record<LineKey, FastLine | null>> = {};
  /** The figures as numbers, for defaults and QM.PARAMETER. */
  readonly figureValues: Readonly<Record<FigureKey, number>>;

  constructor(parameters: Readonly<Parameters>) {
    this.figures = fixedFigures(parameters as Parameters);
    const values = {} as Record<FigureKey, number>;
    for (const key of FIGURE_KEYS) values[key] = fixedToNumber(this.figures[key]);
    this.figureValues = Object.freeze(values);
  }

  private fastLine(key: LineKey): FastLine | null {
    let fn = this.fast[key];
    if (fn === undefined) {
      fn = compileFast(lineExpr(key), this.figures, NO_PLANNING) ?? null;
      this.fast[key] = fn;
    }
    return fn;
  }

  /** One budget line in euros (whole cents), exactly. */
  amount(key: LineKey, residents: number, fte: number, salaryPerFte: number, roomCosts: number): number {
    const fast = this.fastLine(key);
    if (fast !== null) {
      const cents = fast(residents, fte, salaryPerFte, roomCosts);
      if (cents === cents) return cents / 100;
    }
    const inputs = {
      residents: fixedOfNumber(residents),
      fte: fixedOfNumber(fte),
      salaryPerFte: fixedOfNumber(salaryPerFte),
      roomCosts: fixedOfNumber(roomCosts),
    };
    return fixedToNumber(evaluateExact(lineExpr(key), { inputs, figures: this.figures, planning: NO_PLANNING }));
  }
}

let lastParameters: Readonly<Parameters> | undefined;
let lastRules: FunctionRules | undefined;

/**
 * The compiled rules for these figures. The state owner hands out a new frozen object on
 * every change, so the object itself is the cache key; recalculations reuse the last one.
 */
export function functionRules(parameters: Readonly<Parameters>): FunctionRules {
  if (parameters !== lastParameters || lastRules === undefined) {
    lastRules = new FunctionRules(parameters);
    lastParameters = parameters;
  }
  return lastRules;
}
