import { GESAMTBUDGET, JE_EINWOHNER, PERSONALKOSTEN, PROJEKTKOSTEN, PROJEKTMITTEL, SACHKOSTEN, VERFUEGUNGSFONDS } from "../../src/functions/registry";
import { updateRuntimeState } from "../../src/functions/state";
import { defaultParameters, Parameters } from "../../src/core/standard";

/**
 * The QM.* functions against an independent oracle in BigInt cents, on 10⁶ random inputs:
 * the fast path (scaled integers in doubles), its fallback (exact BigInts) and the choice
 * between them must give the exact result every time — for the standard's figures and for
 * other figure sets. The oracle is written here by hand from the standard's text, so it does
 * not share a line with the rulebook it checks.
 */

/** A decimal as n / 10^k with BigInt n (the oracle's own parser). */
interface Q {
  n: bigint;
  k: number;
}

function q(text: string): Q {
  const [whole, fraction = ""] = text.split(".");
  return { n: BigInt(whole + fraction), k: fraction.length };
}
const pow = (k: number): bigint => 10n ** BigInt(k);
const mul = (a: Q, b: Q): Q => ({ n: a.n * b.n, k: a.k + b.k });
const align = (a: Q, k: number): bigint => a.n * pow(k - a.k);
const cmp = (a: Q, b: Q): number => {
  const k = Math.max(a.k, b.k);
  const d = align(a, k) - align(b, k);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
};
const max = (a: Q, b: Q): Q => (cmp(a, b) >= 0 ? a : b);
/** To cents, half-up (all amounts here are ≥ 0). */
function cents(a: Q): bigint {
  if (a.k <= 2) return align(a, 2);
  const d = pow(a.k - 2);
  return (a.n + d / 2n) / d;
}
const euros = (c: bigint): number => Number(c) / 100;

function oracle(p: Parameters) {
  const f = Object.fromEntries(Object.entries(p).map(([key, value]) => [key, q(value)])) as Record<keyof Parameters, Q>;
  const staff = (fte: Q, salary: Q) => cents(mul(fte, salary));
  const material = (fte: Q) => cents(mul(fte, f.materialCostPerFte));
  const project = (e: Q) => cents(max(mul(e, f.projectCostPerResident), f.projectCostMinimum));
  const fund = (e: Q) => {
    const perResident = mul(e, f.dispositionFundPerResident);
    return cents(cmp(e, f.dispositionFundMinimumBelowResidents) < 0 ? max(perResident, f.dispositionFundMinimum) : perResident);
  };
  const funds = (e: Q, fte: Q) => material(fte) + project(e) + fund(e);
  return { f, staff, material, project, fund, funds };
}

/** mulberry32: a seeded generator, so a failure can be replayed. */
function generator(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number with `places` random decimals below `limit`, as the double a cell would hold, and its exact text. */
function decimal(random: () => number, limit: number, maxPlaces: number): { x: number; text: string } {
  const places = Math.floor(random() * (maxPlaces + 1));
  const x = Math.round(random() * limit * 10 ** places) / 10 ** places;
  // The function reads the double's shortest spelling, as Excel and decimal.js do.
  return { x, text: String(x).includes("e") ? x.toFixed(20).replace(/0+$/, "").replace(/\.$/, "") : String(x) };
}

const FIGURE_SETS: Parameters[] = [
  defaultParameters(),
  {
    minFte: "2.5",
    salaryPerFte: "47123.45",
    materialCostPerFte: "3612.5",
    projectCostPerResident: "2.35",
    projectCostMinimum: "6000",
    dispositionFundPerResident: "0.625",
    dispositionFundMinimum: "2250.5",
    dispositionFundMinimumBelowResidents: "7500",
  },
  {
    minFte: "1.75",
    salaryPerFte: "52000",
    materialCostPerFte: "4000.125",
    projectCostPerResident: "1.999",
    projectCostMinimum: "4999.99",
    dispositionFundPerResident: "0.333",
    dispositionFundMinimum: "1000",
    dispositionFundMinimumBelowResidents: "3000",
  },
];

const PER_SET = Math.ceil(1_000_000 / FIGURE_SETS.length / 7);

afterAll(() => updateRuntimeState({ parameters: defaultParameters() }));

describe("QM.* against a BigInt-cent oracle (10⁶ random inputs)", () => {
  test.each(FIGURE_SETS.map((p, i) => [i, p] as const))("figure set %i", (index, parameters) => {
    updateRuntimeState({ parameters });
    const o = oracle(parameters);
    const random = generator(0xc0ffee + index);
    let fallbackInputs = 0;
    for (let i = 0; i < PER_SET; i++) {
      const e = Math.floor(random() < 0.5 ? random() * 10_000 : random() * 10_000_000);
      const eq = q(String(e));
      // Up to 6 decimals: beyond the fast path's 4 for VbE and 2 for amounts, so both paths run.
      const fte = decimal(random, 100, 6);
      const salary = decimal(random, 1_000_000, 4);
      const room = decimal(random, 100_000_000, 4);
      if (fte.text.split(".")[1]?.length > 4) fallbackInputs++;
      const fq = q(fte.text);
      const sq = q(salary.text);
      const expect1 = (actual: unknown, expected: bigint, what: string): void => {
        if (actual !== euros(expected)) throw new Error(`${what} (E=${e}, VbE=${fte.text}, Gehalt=${salary.text}, Raum=${room.text}): ${String(actual)} ≠ ${euros(expected)}`);
      };
      expect1(PERSONALKOSTEN.impl(fte.x, salary.x), o.staff(fq, sq), "PERSONALKOSTEN");
      expect1(SACHKOSTEN.impl(fte.x), o.material(fq), "SACHKOSTEN");
      expect1(PROJEKTKOSTEN.impl(e), o.project(eq), "PROJEKTKOSTEN");
      expect1(VERFUEGUNGSFONDS.impl(e), o.fund(eq), "VERFUEGUNGSFONDS");
      expect1(PROJEKTMITTEL.impl(e, fte.x), o.funds(eq, fq), "PROJEKTMITTEL");
      expect1(GESAMTBUDGET.impl(e, fte.x, room.x, salary.x), o.staff(fq, sq) + o.funds(eq, fq) + cents(q(room.text)), "GESAMTBUDGET");
      if (e > 0) {
        const amount = decimal(random, 10_000_000, 3);
        const a = q(amount.text);
        // amount / E to the cent, half-up: ⌊(2·a·100 + E·10^k) / (2·E·10^k)⌋.
        const expected = (2n * a.n * 100n + BigInt(e) * pow(a.k)) / (2n * BigInt(e) * pow(a.k));
        expect1(JE_EINWOHNER.impl(amount.x, e), expected, "JE_EINWOHNER");
      }
    }
    // The exact fallback was exercised, not only the fast path.
    expect(fallbackInputs).toBeGreaterThan(PER_SET / 10);
  });
});
