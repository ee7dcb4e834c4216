import Decimal from "decimal.js";

/**
 * The one Decimal constructor of QM-Planer: 40 significant digits (far more than any budget
 * needs) and half-up rounding, the commercial rounding German budgets use.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

/**
 * Rounds an amount to cents, half-up. The only place amounts are rounded. An amount that
 * already has at most two decimal places is returned as it is (Decimals are immutable), which
 * spares the custom functions an allocation per line.
 */
export function toCents(amount: Decimal): Decimal {
  return amount.decimalPlaces() <= 2 ? amount : amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** An amount as the fixed two-decimal string used in JSON output ("37862.50"). */
export function centsString(amount: Decimal): string {
  return amount.toFixed(2, Decimal.ROUND_HALF_UP);
}
