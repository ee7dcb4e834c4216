/**
 * Excel's ROUND for the simulated host. HyperFormula rounds the binary double
 * (`Math.round(x × 10^n) / 10^n`), so a product that is exactly half a cent in decimals but
 * stored a hair below it (2 × 3.500,0325 → 7.000,064999…) rounds down, where Excel — and
 * LibreOffice — round the value as its 15 significant digits show it, half away from zero.
 * The template's Richtwert formulas round with ROUND, so without this the preview would show a
 * cent less than Excel on such ties (found by test/unit/drift.test.ts).
 */
import { FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";
import { Dec } from "../../../core/decimal";

/** ROUND(x, places) as Excel computes it: on x's 15 significant digits, half away from zero. */
export function excelRound(x: number, places: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const p = Math.trunc(places);
  const shown = new Dec(x.toPrecision(15));
  // Decimal places directly where decimal.js allows them: a power of ten per call was a third
  // of the recalculation time of a 100-Quartier workbook (bench "Neuberechnung").
  if (p >= 0) return shown.toDecimalPlaces(p, Dec.ROUND_HALF_UP).toNumber();
  const scale = new Dec(10).pow(-p);
  return shown.div(scale).toDecimalPlaces(0, Dec.ROUND_HALF_UP).mul(scale).toNumber();
}

// HyperFormula's AST and state types are internal; the plugin only passes them on.
class ExcelRoundPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    ROUND: {
      method: "excelRound",
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }],
    },
  };

  excelRound(ast: { args: unknown[] }, state: unknown): unknown {
    const run = this.runFunction as unknown as (args: unknown[], state: unknown, metadata: unknown, impl: (x: number, places: number) => number) => unknown;
    return run(ast.args, state, this.metadata("ROUND"), excelRound);
  }
}

let registered = false;

/** Replaces HyperFormula's ROUND in every engine built from now on (once per process). */
export function registerExcelRound(): void {
  if (registered) return;
  HyperFormula.registerFunction("ROUND", ExcelRoundPlugin as never, { enGB: { ROUND: "ROUND" } });
  registered = true;
}
