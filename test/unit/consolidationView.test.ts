import fc from "fast-check";
import { comparisonView, Consolidator, sortRows, vergleichJson, ViewYear } from "../../src/core/consolidation";
import { Dec } from "../../src/core/decimal";
import { BUILT_IN_PROFILE, FundingShareTexts } from "../../src/core/profile";
import { sheet, workbook } from "../fixtures/pruefen/snapshots";

/** A plan made elsewhere: labels beside values, two plan years. */
function foreignPlan(name: string, residents: number | string, amounts: Array<[number | string, number | string]>) {
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

describe("inputs the sums need and the workbook does not state readably", () => {
  const amounts: Array<[number | string, number | string]> = [[90000, 92000], [7000, "viel"], [24000, 24000], [6000, 6000], [1000, 1000]];
  const full: Array<[number, number]> = [[90000, 92000], [7000, 7000], [24000, 24000], [6000, 6000], [1000, 1000]];
  const c = (() => {
    const k = new Consolidator({ profile: profile() });
    k.addSnapshot("nord.xlsx", foreignPlan("Nord", 12000, amounts));
    k.addSnapshot("klein.xlsx", foreignPlan("Klein", "viele", full));
    k.addSnapshot("ganz.xlsx", foreignPlan("Ganz", 1000, full));
    return k.finish();
  })();

  it("one entry per input and cell, naming every year it leaves incomplete", () => {
    expect(c.unread.map((u) => [u.neighbourhood, u.file, u.key, u.years, u.cell?.address])).toEqual([
      ["Nord", "nord.xlsx", "materialCost", [2027], "C7"],
      ["Klein", "klein.xlsx", "residents", [2026, 2027], "B2"],
    ]);
    expect(c.neighbourhoods.map((n) => n.years.map((y) => y.unread.map((u) => u.key)))).toEqual([[[], ["materialCost"]], [["residents"], ["residents"]], [[], []]]);
  });

  it("the sums leave every incomplete Quartier-year out, all of it, and count them", () => {
    expect(c.sums.incomplete).toBe(3);
    expect(c.sums.years.map((y) => [y.year, y.incomplete])).toEqual([
      [2026, 1],
      [2027, 2],
    ]);
    // 2027: only Ganz's row is complete. Nord's Gesamt is unknown; Klein's is known, but its
    // residents (so its Richtwert) are not: it is left out too, so every sum is of the same rows.
    expect(c.sums.years[1].total.toFixed(2)).toBe("130000.00");
    const json = vergleichJson(c);
    expect([json.summe.vollstaendig, ...json.summe.jahre.map((j) => j.vollstaendig)]).toEqual([false, false, false]);
    expect(json.quartiere.map((q) => q.vollstaendig)).toEqual([false, false, true]);
    expect(json.quartiere[1].jahre[0]).toMatchObject({ einwohner: null, richtwert_gesamt: null, abweichung: null, je_einwohner: null, gesamt: "128000.00", nicht_lesbar: ["einwohner"] });
    expect(json.summe.nicht_lesbar.map((u) => [u.quartier, u.angabe, u.jahre, u.zelle])).toEqual([
      ["Nord", "sachkosten", [2027], "'Plan Nord'!C7"],
      ["Klein", "einwohner", [2026, 2027], "'Plan Klein'!B2"],
    ]);
  });

  it("the pane's view: a row with an unreadable input shows no deviation and no mean made of part of it", () => {
    const v2026 = comparisonView(c, 2026);
    expect(v2026.rows.map((r) => [r.neighbourhood.name, r.incomplete, r.deviation?.eq(r.total!.minus(r.richtwertTotal!)) ?? null, r.perResident?.toFixed(2) ?? null])).toEqual([
      ["Nord", 0, true, "10.67"],
      ["Klein", 1, null, null],
      ["Ganz", 0, true, "128.00"],
    ]);
    expect(v2026.sums.incomplete).toBe(1);
    // Σ Gesamt ÷ Σ Einwohner would divide Klein's Gesamt by nobody's residents.
    expect(v2026.sums.weightedPerResident).toBeNull();
    const all = comparisonView(c, "all");
    expect(all.rows.map((r) => [r.neighbourhood.name, r.incomplete, r.deviation === null, r.perResident === null])).toEqual([
      ["Nord", 1, true, true],
      ["Klein", 2, true, true],
      ["Ganz", 0, false, false],
    ]);
  });

  it("a Quartier sheet that cannot be read at all: listed, none of its amounts summed, and the sums say so", () => {
    const k = new Consolidator({ profile: profile() });
    k.addSnapshot("ganz.xlsx", foreignPlan("Ganz", 1000, full));
    k.addSnapshot("leer.xlsx", workbook([sheet("QM Ost", { A1: "Hier steht nichts, was nach einer Planung aussieht" })]));
    const r = k.finish();
    expect(r.errors).toEqual([]);
    expect(r.neighbourhoods.map((n) => [n.name, n.years.length, n.unreadSheet?.key ?? null])).toEqual([
      ["Ganz", 2, null],
      ["Ost", 0, "sheet"],
    ]);
    expect(r.sums.incomplete).toBe(1);
    // Ost is missing from every plan year's sum, and each says so.
    expect(r.sums.years.map((y) => y.incomplete)).toEqual([1, 1]);
    expect(vergleichJson(r).summe.jahre.map((j) => j.vollstaendig)).toEqual([false, false]);
    expect(comparisonView(r, 2026).sums.incomplete).toBe(1);
    expect(r.unread.map((u) => [u.neighbourhood, u.key, u.years])).toEqual([["Ost", "sheet", []]]);
    expect(r.unread[0].detail).toMatch(/Blatt „QM Ost“/);
    expect(vergleichJson(r).summe.vollstaendig).toBe(false);
    expect(comparisonView(r, "all").rows[1]).toMatchObject({ incomplete: 1, deviation: null });
  });
});
