import { Dec } from "./decimal";
import { checkAmount, checkFte, checkRoomCosts, checkSalary } from "./inputChecks";

/**
 * The input checks of `inputChecks.ts` with Decimal results, for the core's consumers (CLI,
 * template, plan readers). The custom functions use the number-valued checks directly.
 */
export { checkResidents as parseResidents, FIELDS, isOmitted, LIMITS, parseFigureName } from "./inputChecks";
export type { FieldLabel } from "./inputChecks";

export function parseFte(value: unknown): Dec {
  return new Dec(checkFte(value));
}

export function parseSalary(value: unknown): Dec {
  return new Dec(checkSalary(value));
}

export function parseRoomCosts(value: unknown): Dec {
  return new Dec(checkRoomCosts(value));
}

/** Any finite amount (may be negative, e.g. a deviation). */
export function parseAmount(value: unknown): Dec {
  return new Dec(checkAmount(value));
}
