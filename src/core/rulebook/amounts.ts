/**
 * Budget lines as JS numbers for the custom functions: the fast path where it applies, the
 * exact BigInt evaluation where it does not, both from the one definition in `lines.ts`.
 * Inputs are validated numbers (see `inputs.ts`); results are whole cents, returned as the
 * double nearest to them (what Excel stores).
 */
import type { FigureKey, Parameters } from "../standard";
import { Fixed, fixedOfNumber, fixedToNumber, parseFixed } from "./exact";
import { evaluateExact, fixedFigures } from "./evaluate";
import type { InputKey, LineKey, PlanningKey } from "./expr";
import { compileFast, FastLine, INPUT_SCALE, scaledInput } from "./fast";
import { lineExpr } from "./lines";

export interface LineInputs {
  residents: number;
  fte: number;
  salaryPerFte: number;
  roomCosts: number;
}

interface Compiled {
  figures: Record<FigureKey, Fixed>;
  fast: Map<LineKey, FastLine | undefined>;
}

/** The functions' planning assumptions: a single year, no tariff increase. */
const NO_PLANNING: Readonly<Record<PlanningKey, Fixed>> = {
  tariffIncrease: { m: BigInt(0), s: 0 },
  yearsAfterBase: { m: BigInt(0), s: 0 },
};

/** Compiled once per set of figures: the state owner hands out a new frozen object on every change. */
const COMPILED = new WeakMap<Readonly<Parameters>, Compiled>();

function compiledFor(parameters: Readonly<Parameters>): Compiled {
  let c = COMPILED.get(parameters);
  if (!c) {
    c = { figures: fixedFigures(parameters as Parameters), fast: new Map() };
    COMPILED.set(parameters, c);
  }
  return c;
}

function fastLine(c: Compiled, key: LineKey): FastLine | undefined {
  if (!c.fast.has(key)) c.fast.set(key, compileFast(lineExpr(key), c.figures, NO_PLANNING));
  return c.fast.get(key);
}

/** One budget line in euros (whole cents), exactly. */
export function lineAmount(key: LineKey, parameters: Readonly<Parameters>, inputs: LineInputs): number {
  const c = compiledFor(parameters);
  const fast = fastLine(c, key);
  if (fast) {
    const cents = fast(
      scaledInput(inputs.residents, INPUT_SCALE.residents),
      scaledInput(inputs.fte, INPUT_SCALE.fte),
      scaledInput(inputs.salaryPerFte, INPUT_SCALE.salaryPerFte),
      scaledInput(inputs.roomCosts, INPUT_SCALE.roomCosts),
    );
    if (cents === cents) return cents / 100;
  }
  const exactInputs: Record<InputKey, Fixed> = {
    residents: fixedOfNumber(inputs.residents),
    fte: fixedOfNumber(inputs.fte),
    salaryPerFte: fixedOfNumber(inputs.salaryPerFte),
    roomCosts: fixedOfNumber(inputs.roomCosts),
  };
  return fixedToNumber(evaluateExact(lineExpr(key), { inputs: exactInputs, figures: c.figures, planning: NO_PLANNING }));
}

/** A figure of the active set as a number (for defaults and QM.PARAMETER). */
export function figureNumber(parameters: Readonly<Parameters>, key: FigureKey): number {
  const c = compiledFor(parameters);
  return fixedToNumber(c.figures[key] ?? (parseFixed(parameters[key]) as Fixed));
}
