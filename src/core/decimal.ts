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

/** decimal.js stores a value as base-1e7 words `d` with decimal exponent `e` and sign `s`. */
const WORD_DIGITS = 7;
const CENT_WORD_DIVISOR = 1e5;
/** Above 1e13 € the cents would no longer be exact integers in a double; such values take the slow path. */
const MAX_FAST_EXPONENT = 12;

/**
 * An amount as a JS number, the same double as `amount.toNumber()`, but without going through
 * a string for amounts in whole cents (all results of the budget core).
 *
 * Why it is exact: the cents of such an amount form an integer below 2^53, which a double holds
 * exactly, and `cents / 100` is one correctly rounded IEEE division, i.e. the double nearest
 * to the decimal value, which is what parsing its decimal string gives too. Any other value
 * (more than two decimals, huge, non-finite) is converted by decimal.js itself.
 */
export function amountToNumber(amount: Decimal): number {
  const { d, e, s } = amount;
  if (!d || e > MAX_FAST_EXPONENT) return amount.toNumber();
  // Index of the word holding the units digit; the word after it holds the decimals.
  const unitsWord = Math.floor(e / WORD_DIGITS);
  if (d.length > unitsWord + 2) return amount.toNumber();
  let cents = 0;
  for (let i = 0; i < d.length; i++) {
    if (i <= unitsWord) {
      cents += d[i] * 10 ** (WORD_DIGITS * (unitsWord - i) + 2);
    } else {
      if (d[i] % CENT_WORD_DIVISOR !== 0) return amount.toNumber();
      cents += d[i] / CENT_WORD_DIVISOR;
    }
  }
  return (s * cents) / 100;
}
