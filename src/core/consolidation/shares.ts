/**
 * Splitting an amount into the shares of Bund, Land and Gemeinde so that the three add up to
 * it exactly to the cent. Each share is first rounded down to whole cents of its exact value
 * (amount × numerator ÷ denominator, in integers); the cents left over (at most two) go to the
 * shares with the largest remainders (Hamilton's largest-remainder method). On a tie — a
 * third each always ties — the Gemeinde's share gets the cent first, then the Land's: the
 * city carries its own rounding instead of passing it to Bund and Land, and never plans its
 * own share below its exact value. Rounding each share half-up on its own would leave a
 * budget a cent off the sum of its shares, as the old Vergleich tab did.
 */
import { Dec } from "../decimal";
import { FundingShareTexts, shareRatio } from "../profile";

export type ShareSplit = { federal: Dec; state: Dec; municipal: Dec };

export const SHARE_ORDER = ["federal", "state", "municipal"] as const;
export type ShareKey = (typeof SHARE_ORDER)[number];

/** Who gets a left-over cent first when remainders are equal (see above). */
const TIE_ORDER: readonly ShareKey[] = ["municipal", "state", "federal"];

export type ShareRatios = Readonly<Record<ShareKey, { numerator: bigint; denominator: bigint }>>;

/** The exact ratios of a profile's share texts ("1/3", "0.4"). */
export function shareRatios(shares: FundingShareTexts): ShareRatios {
  return { federal: shareRatio(shares.federal), state: shareRatio(shares.state), municipal: shareRatio(shares.municipal) };
}

/** An amount of whole cents as a BigInt; throws for an amount with fractions of a cent (a caller's defect). */
function centsOf(amount: Dec): bigint {
  const cents = amount.mul(100);
  if (!cents.isInteger()) throw new Error(`Betrag mit Bruchteilen eines Cents: ${amount.toFixed()}`);
  return BigInt(cents.toFixed(0));
}

function euroOf(cents: bigint): Dec {
  return new Dec(cents.toString()).div(100);
}

/** Largest remainder on non-negative cents. */
function splitCents(cents: bigint, ratios: ShareRatios): Record<ShareKey, bigint> {
  const parts = TIE_ORDER.map((key) => {
    const { numerator, denominator } = ratios[key];
    const exact = cents * numerator;
    return { key, floor: exact / denominator, remainder: exact % denominator, denominator };
  });
  let left = cents - parts.reduce((sum, p) => sum + p.floor, 0n);
  // Compare remainder fractions r/d exactly by cross-multiplying; sort is stable, so ties keep TIE_ORDER.
  const byRemainder = [...parts].sort((a, b) => {
    const x = a.remainder * b.denominator;
    const y = b.remainder * a.denominator;
    return x > y ? -1 : x < y ? 1 : 0;
  });
  for (const p of byRemainder) {
    if (left <= 0n) break;
    p.floor += 1n;
    left -= 1n;
  }
  // Shares that add up to more than 1 would leave `left` negative; profiles are checked to add up to exactly 1.
  if (left !== 0n) throw new Error("Die Förderanteile ergeben zusammen nicht 1.");
  return Object.fromEntries(parts.map((p) => [p.key, p.floor])) as Record<ShareKey, bigint>;
}

/**
 * `amount` (whole cents; negative when the granted funds exceed the plan) split by `ratios`;
 * the three parts add up to `amount` exactly. A negative amount is split as its absolute
 * value and negated, so the result is symmetric.
 */
export function splitByShares(amount: Dec, ratios: ShareRatios): ShareSplit {
  const cents = centsOf(amount);
  const negative = cents < 0n;
  const split = splitCents(negative ? -cents : cents, ratios);
  const sign = negative ? -1n : 1n;
  return { federal: euroOf(sign * split.federal), state: euroOf(sign * split.state), municipal: euroOf(sign * split.municipal) };
}
