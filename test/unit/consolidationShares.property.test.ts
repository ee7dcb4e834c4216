import fc from "fast-check";
import { Dec } from "../../src/core/decimal";
import { shareRatios, splitByShares } from "../../src/core/consolidation";
import type { FundingShareTexts } from "../../src/core/profile";

/**
 * The shares of Bund, Land and Gemeinde add up to the amount exactly, each is within a cent of
 * its exact value, and the same input always gives the same split — over random amounts and
 * the shares Länder actually use.
 */
const RUNS = { numRuns: 1000 };

const PROFILES: Record<string, FundingShareTexts> = {
  "a third each": { federal: "1/3", state: "1/3", municipal: "1/3" },
  "40/35/25 %": { federal: "0.4", state: "0.35", municipal: "0.25" },
  "90/5/5 %": { federal: "0.9", state: "0.05", municipal: "0.05" },
  "1/6, 1/2, 1/3": { federal: "1/6", state: "1/2", municipal: "1/3" },
  "all Land": { federal: "0", state: "1", municipal: "0" },
};

/** Amounts in cents up to 100 million euros, negative ones included (granted funds above the plan). */
const cents = fc.bigInt({ min: -10_000_000_000n, max: 10_000_000_000n });
const euros = (c: bigint): Dec => new Dec(c.toString()).div(100);

/** Three shares as fractions n_i/d adding up to 1: random cut points of a random denominator. */
const randomShares = fc
  .tuple(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([d, x, y]): FundingShareTexts => {
    const [a, b] = [Math.floor(Math.min(x, y) * d), Math.floor(Math.max(x, y) * d)];
    return { federal: `${a}/${d}`, state: `${b - a}/${d}`, municipal: `${d - b}/${d}` };
  });

function exactShare(amount: Dec, text: string): Dec {
  const r = shareRatios({ federal: text, state: "0", municipal: "0" }).federal;
  return amount.mul(r.numerator.toString()).div(r.denominator.toString());
}

function checkSplit(c: bigint, shares: FundingShareTexts): void {
  const amount = euros(c);
  const split = splitByShares(amount, shareRatios(shares));
  const parts = [split.federal, split.state, split.municipal];
  // Exactly the amount, to the cent, in whole cents.
  expect(parts.reduce((a, b) => a.plus(b), new Dec(0)).eq(amount)).toBe(true);
  for (const p of parts) expect(p.mul(100).isInteger()).toBe(true);
  // Each share within one cent of its exact value.
  ([shares.federal, shares.state, shares.municipal] as const).forEach((text, i) => {
    expect(parts[i].minus(exactShare(amount, text)).abs().lt("0.01")).toBe(true);
  });
  // Deterministic.
  const again = splitByShares(amount, shareRatios(shares));
  expect([again.federal, again.state, again.municipal].map(String)).toEqual(parts.map(String));
}

describe("shares of Bund, Land and Gemeinde, exact to the cent", () => {
  test.each(Object.entries(PROFILES))("%s: the three add up to the amount in every case", (_label, shares) => {
    fc.assert(fc.property(cents, (c) => checkSplit(c, shares)), RUNS);
  });

  test("random shares adding up to 1", () => {
    fc.assert(fc.property(cents, randomShares, (c, shares) => checkSplit(c, shares)), RUNS);
  });

  test("sums of split rows equal the split of nothing but those rows: every row adds up, so every sum does", () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 50 }), randomShares, (rows, shares) => {
        const ratios = shareRatios(shares);
        const splits = rows.map((c) => splitByShares(euros(c), ratios));
        const sum = (k: "federal" | "state" | "municipal") => splits.reduce((a, s) => a.plus(s[k]), new Dec(0));
        const total = rows.reduce((a, c) => a + c, 0n);
        expect(sum("federal").plus(sum("state")).plus(sum("municipal")).eq(euros(total))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("a tie gives the left-over cent to the Gemeinde first, then the Land", () => {
    const third = shareRatios(PROFILES["a third each"]);
    expect(Object.values(splitByShares(new Dec("100.00"), third)).map(String)).toEqual(["33.33", "33.33", "33.34"]);
    expect(Object.values(splitByShares(new Dec("100.01"), third)).map(String)).toEqual(["33.33", "33.34", "33.34"]);
    expect(Object.values(splitByShares(new Dec("-100.00"), third)).map(String)).toEqual(["-33.33", "-33.33", "-33.34"]);
    // 40/35/25 of 0,01 €: the Bund's remainder (0,4) is the largest.
    expect(Object.values(splitByShares(new Dec("0.01"), shareRatios(PROFILES["40/35/25 %"]))).map(String)).toEqual(["0.01", "0", "0"]);
  });

  test("an amount with fractions of a cent is a defect, not rounded away", () => {
    expect(() => splitByShares(new Dec("1.005"), shareRatios(PROFILES["a third each"]))).toThrow(/Bruchteilen/);
  });
});
