/**
 * Exact decimal arithmetic on scaled BigInts: a value is `m × 10^−s`. It is all the rules
 * need — sums, products, whole powers, comparisons and one rounding to cents — and it is
 * small, so the custom functions can compute exactly without loading decimal.js.
 */

export interface Fixed {
  readonly m: bigint;
  /** Decimal places: the value is m × 10^−s; s ≥ 0. */
  readonly s: number;
}

const TEN = BigInt(10);
const ZERO = BigInt(0);
const POWERS: bigint[] = [BigInt(1)];

export function pow10(n: number): bigint {
  while (POWERS.length <= n) POWERS.push(POWERS[POWERS.length - 1] * TEN);
  return POWERS[n];
}

/** A decimal text ("12", "-0.5", "1e-7", "2.5E+3"); undefined if it is none. */
export function parseFixed(text: string): Fixed | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/.exec(text.trim());
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) return undefined;
  const [, sign, whole, fraction = "", exponentText] = match;
  let m = BigInt((whole || "0") + fraction);
  let s = fraction.length - (exponentText ? Number(exponentText) : 0);
  if (s < 0) {
    m *= pow10(-s);
    s = 0;
  }
  return { m: sign === "-" ? -m : m, s };
}

/** A finite JS number exactly as its shortest decimal text (what decimal.js and Excel read). */
export function fixedOfNumber(x: number): Fixed {
  const parsed = parseFixed(String(x));
  if (!parsed) throw new RangeError(`not a finite number: ${x}`);
  return parsed;
}

function align(a: Fixed, s: number): bigint {
  return s === a.s ? a.m : a.m * pow10(s - a.s);
}

export function addFixed(a: Fixed, b: Fixed): Fixed {
  const s = Math.max(a.s, b.s);
  return { m: align(a, s) + align(b, s), s };
}

export function mulFixed(a: Fixed, b: Fixed): Fixed {
  return { m: a.m * b.m, s: a.s + b.s };
}

export function compareFixed(a: Fixed, b: Fixed): number {
  const s = Math.max(a.s, b.s);
  const d = align(a, s) - align(b, s);
  return d > ZERO ? 1 : d < ZERO ? -1 : 0;
}

export function powFixed(base: Fixed, exponent: number): Fixed {
  if (!Number.isInteger(exponent) || exponent < 0) throw new RangeError(`exponent must be a whole number ≥ 0: ${exponent}`);
  let m = BigInt(1);
  for (let i = 0; i < exponent; i++) m *= base.m;
  return { m, s: base.s * exponent };
}

/** Rounded to `places` decimals, half away from zero (half-up for amounts ≥ 0, as Excel's ROUND). */
export function roundFixed(a: Fixed, places: number): Fixed {
  if (a.s <= places) return { m: align(a, places), s: places };
  const divisor = pow10(a.s - places);
  const magnitude = a.m < ZERO ? -a.m : a.m;
  const q = (magnitude + divisor / BigInt(2)) / divisor;
  return { m: a.m < ZERO ? -q : q, s: places };
}

/** `a / n` for a whole n ≠ 0, rounded to `places` decimals half away from zero. */
export function divideFixed(a: Fixed, n: bigint, places: number): Fixed {
  const scaled = align(a, Math.max(a.s, places));
  const s = Math.max(a.s, places);
  // a / n = scaled / (n × 10^s); to `places` decimals: round(scaled × 10^places / (n × 10^s)).
  const numerator = scaled * pow10(places);
  const denominator = n * pow10(s);
  const negative = numerator < ZERO !== denominator < ZERO;
  const num = numerator < ZERO ? -numerator : numerator;
  const den = denominator < ZERO ? -denominator : denominator;
  const q = (BigInt(2) * num + den) / (BigInt(2) * den);
  return { m: negative ? -q : q, s: places };
}

/** The plain decimal text ("-12.5", "3"), without trailing zeros. */
export function fixedText(a: Fixed): string {
  const negative = a.m < ZERO;
  let digits = (negative ? -a.m : a.m).toString();
  if (a.s > 0) {
    digits = digits.padStart(a.s + 1, "0");
    const whole = digits.slice(0, digits.length - a.s);
    const fraction = digits.slice(digits.length - a.s).replace(/0+$/, "");
    digits = fraction ? `${whole}.${fraction}` : whole;
  }
  return (negative && digits !== "0" ? "-" : "") + digits;
}

/** The nearest JS number (exact for whole cents below 2^53 / 100, as every result of the rules). */
export function fixedToNumber(a: Fixed): number {
  if (a.s === 0) return Number(a.m);
  if (a.m >= -BigInt(Number.MAX_SAFE_INTEGER) && a.m <= BigInt(Number.MAX_SAFE_INTEGER) && a.s <= 22) return Number(a.m) / 10 ** a.s;
  return Number(fixedText(a));
}
