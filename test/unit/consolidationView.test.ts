import fc from "fast-check";
import { comparisonView, Consolidator, sortRows, ViewYear } from "../../src/core/consolidation";
import { Dec } from "../../src/core/decimal";
import { BUILT_IN_PROFILE, FundingShareTexts } from "../../src/core/profile";
import { sheet, workbook } from "../fixtures/pruefen/snapshots";

/** A plan made elsewhere: labels beside values, two plan years. */
function foreignPlan(name: string, residents: number, amounts: [number, number][]) {
  const cells: Record<string, string | number> = { A1: "Quartier", B1: name, A2: "Einwohner", B2: residents, A3: "VbE", B3: 2, B5: 2026, C5: 2027 };
  const labels = ["Personalkosten", "Sachkosten", "Projektkosten", "Verfügungsfonds", "Raumkosten"];
  labels.forEach((label, i) => {
    cells[`A${6 + i}`] = label;
    cells[`B${6 + i}`] = amounts[i][0];
    cells[`C${6 + i}`] = amounts[i][1];
  });
  return workbook([sheet(`Plan ${name}`, cells)]);
}

/** The built-in standard, with other funding shares when given. */
const profile = (shares: FundingShareTexts = BUILT_IN_PROFILE.shares) => ({ ...BUILT_IN_PROFILE, shares });

const sum = (values: Array<Dec | null | undefined>): string => values.reduce<Dec>((a, b) => a.plus(b ?? 0), new Dec(0)).toFixed(2);

describe("the pane's comparison view of the consolidation", () => {
  const c = (() => {
    const k = new Consolidator({ profile: profile() });
    k.addSnapshot("nord.xlsx", foreignPlan("Nord", 12000, [[90000.01, 92000], [7000, 7000], [24000, 24000], [6000, 6000], [1000.01, 1000]]));
    k.addSnapshot("klein.xlsx", foreignPlan("Klein", 1000, [[40000, 41000], [3500, 3500], [5000, 5000], [2000, 2000], [0, 0]]));
    return k.finish();
  })();

  it("one year: the rows of that year; the weighted mean is Σ Gesamt ÷ Σ Einwohner, not the mean of the ratios", () => {
    const v = comparisonView(c, 2026);
    expect(v.rows.map((r) => [r.neighbourhood.name, r.total?.toFixed(2), r.perResident?.toFixed(2)])).toEqual([
      ["Nord", "128000.02", "10.67"],
      ["Klein", "50500.00", "50.50"],
    ]);
    // (128 000,02 + 50 500) ÷ 13 000 = 13,73; the unweighted mean of 10,67 and 50,50 would be 30,59.
    expect(v.sums.weightedPerResident?.toFixed(2)).toBe("13.73");
  });

  it.each<ViewYear>([2026, 2027, "all"])("%s: every share's sum and the total's are the sums of the rows", (year) => {
    const v = comparisonView(c, year);
    expect(v.sums.total.toFixed(2)).toBe(sum(v.rows.map((r) => r.total)));
    expect(v.sums.shares.federal.toFixed(2)).toBe(sum(v.rows.map((r) => r.shares?.federal)));
    expect(v.sums.shares.state.toFixed(2)).toBe(sum(v.rows.map((r) => r.shares?.state)));
    expect(v.sums.shares.municipal.toFixed(2)).toBe(sum(v.rows.map((r) => r.shares?.municipal)));
    expect(sum([v.sums.shares.federal, v.sums.shares.state, v.sums.shares.municipal])).toBe(v.sums.total.minus(v.sums.grantedFunds).toFixed(2));
  });

  it("all years: a Quartier's row is the sum of its years", () => {
    const nord = comparisonView(c, "all").rows[0];
    expect(nord.total?.toFixed(2)).toBe("258000.02");
    expect(nord.residents).toBeNull();
    // 258 000,02 ÷ (12 000 + 12 000): € je Einwohner und Jahr.
    expect(nord.perResident?.toFixed(2)).toBe("10.75");
  });

  it("sorts by any column either way; what is missing stays last", () => {
    const v = comparisonView(c, 2026);
    expect(sortRows(v.rows, "perResident", "descending").map((r) => r.neighbourhood.name)).toEqual(["Klein", "Nord"]);
    expect(sortRows(v.rows, "neighbourhood", "ascending").map((r) => r.neighbourhood.name)).toEqual(["Klein", "Nord"]);
    expect(sortRows(v.rows, "shareMunicipal", "ascending").map((r) => r.neighbourhood.name)).toEqual(["Klein", "Nord"]);
    const missing = { ...v.rows[1], total: null, index: 5 };
    expect(sortRows([missing, ...v.rows], "total", "ascending").map((r) => r.index)).toEqual([1, 0, 5]);
    expect(sortRows([missing, ...v.rows], "total", "descending").map((r) => r.index)).toEqual([0, 1, 5]);
  });

  it("property: for random plans and shares, the sum row equals the sum of the rows in every view", () => {
    const amount = fc.integer({ min: 0, max: 50_000_000 }).map((cents) => cents / 100);
    const plan = fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.array(fc.tuple(amount, amount), { minLength: 5, maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(plan, { minLength: 1, maxLength: 6 }), fc.constantFrom("1/3", "0.4", "1/7"), (plans, federal) => {
        const rest = `${federal === "1/3" ? "1/3" : federal === "0.4" ? "0.35" : "3/7"}`;
        const municipal = federal === "1/3" ? "1/3" : federal === "0.4" ? "0.25" : "3/7";
        const k = new Consolidator({ profile: profile({ federal, state: rest, municipal }) });
        plans.forEach(([residents, amounts], i) => k.addSnapshot(`${i}.xlsx`, foreignPlan(`Q${i}`, residents, amounts as [number, number][])));
        const all = k.finish();
        for (const year of [2026, 2027, "all"] as ViewYear[]) {
          const v = comparisonView(all, year);
          expect(v.sums.shares.municipal.toFixed(2)).toBe(sum(v.rows.map((r) => r.shares?.municipal)));
          expect(v.sums.shares.federal.toFixed(2)).toBe(sum(v.rows.map((r) => r.shares?.federal)));
          expect(v.sums.total.toFixed(2)).toBe(sum(v.rows.map((r) => r.total)));
        }
      }),
      { numRuns: 60 },
    );
  });
});
