import { Dec } from "../../src/core/decimal";
import { ReadResult } from "../../src/core/plan";
import { checkPlan, findingJson, hasViolation, summarise, summaryText } from "../../src/core/rules";
import { makePlan, SHEET, workbookOf } from "../fixtures/pruefen/plans";

const fail = <T>(problem: "fehlt" | "leer" | "formel_ohne_wert" | "fehlerwert" | "kein_zahlwert", address?: string): ReadResult<T> => ({
  ok: false,
  problem,
  detail: `Eingabe ${problem}.`,
  cell: address ? { sheet: SHEET, address } : undefined,
});

describe("what cannot be read is never taken as 0", () => {
  it("a missing resident count is a Verstoß of its own, and Projektkosten/Verfügungsfonds are not judged", () => {
    const result = checkPlan(workbookOf(makePlan({ residents: fail("fehlt"), lines: { projectCost: 0, dispositionFund: 0 } })));
    const found = result.neighbourhoods[0].findings;
    expect(found.map((f) => [f.regel, f.schwere])).toEqual([["eingabe.fehlt", "verstoss"]]);
    expect(found[0].meldung).toBe("Eingabe fehlt. Projektkosten und Verfügungsfonds sind so nicht prüfbar.");
    expect(hasViolation(result)).toBe(true);
  });

  it.each(["formel_ohne_wert", "fehlerwert", "kein_zahlwert", "leer"] as const)(
    "a planned amount with problem %s is eingabe.%s with its cell and year",
    (problem) => {
      const found = checkPlan(workbookOf(makePlan({ lines: { projectCost: [5000, fail(problem, "F25"), 5000] } }))).neighbourhoods[0].findings;
      expect(found.map(findingJson)).toEqual([
        { regel: `eingabe.${problem}`, schwere: "verstoss", meldung: `Eingabe ${problem}.`, soll: null, ist: null, zelle: "'QM Test'!F25", jahr: 2027 },
      ]);
    },
  );

  it("an unreadable VbE stops the staff and material rules instead of reading 0", () => {
    const found = checkPlan(workbookOf(makePlan({ fte: fail<Dec>("kein_zahlwert", "B7"), lines: { staffCost: 0, materialCost: 0 } })))
      .neighbourhoods[0].findings;
    expect(found.map((f) => f.regel)).toEqual(["eingabe.kein_zahlwert"]);
  });

  it("one failure shared by every year (a missing name) is one finding without a year", () => {
    const missing = fail<Dec>("fehlt");
    const found = checkPlan(workbookOf(makePlan({ lines: { materialCost: [missing, missing, missing] } }))).neighbourhoods[0].findings;
    expect(found.map((f) => [f.regel, f.jahr])).toEqual([["eingabe.fehlt", null]]);
  });

  it("an input only a hint depends on gives a hint", () => {
    const found = checkPlan(workbookOf(makePlan({ measures: { netzwerk: fail<string>("formel_ohne_wert", "B34") } }))).neighbourhoods[0].findings;
    expect(found.map((f) => [f.regel, f.schwere])).toEqual([["eingabe.formel_ohne_wert", "hinweis"]]);
  });
});

describe("the workbook's own Parameter figures", () => {
  it("are used instead of the standard's", () => {
    const plan = workbookOf(makePlan({ lines: { materialCost: 7999.99 } }));
    plan.parameters.materialCostPerFte = { ok: true, value: new Dec(4000), cell: { sheet: "Parameter", address: "B8" } };
    const result = checkPlan(plan);
    const hits = result.neighbourhoods[0].findings.filter((f) => f.regel === "sachkosten.mindest");
    expect(hits.map((h) => findingJson(h).soll)).toEqual(["8000.00", "8000.00", "8000.00"]);
    expect(result.workbookFigures).toEqual(["materialCostPerFte"]);
  });

  it("fall back to the standard's when unreadable, with a hint on the Parameter sheet", () => {
    const plan = workbookOf(makePlan({}));
    plan.parameters.projectCostMinimum = { ok: false, problem: "kein_zahlwert", detail: "Parameter: Text.", cell: { sheet: "Parameter", address: "B10" } };
    const result = checkPlan(plan);
    expect(result.neighbourhoods.map((n) => n.name)).toEqual(["Parameter", "Test"]);
    expect(result.neighbourhoods[0].findings.map(findingJson)).toEqual([
      {
        regel: "eingabe.kein_zahlwert",
        schwere: "hinweis",
        meldung: "Parameter: Text. Geprüft wird mit dem Wert des Standards (5.000).",
        soll: null,
        ist: null,
        zelle: "Parameter!B10",
        jahr: null,
      },
    ]);
    expect(result.neighbourhoods[1].findings).toEqual([]);
  });
});

describe("summaries", () => {
  it("count Verstöße and Hinweise per Quartier", () => {
    const bad = makePlan({ fte: 1.5, lines: { staffCost: 67500, materialCost: 5250 }, measures: { information: "" } });
    const good = { ...makePlan({}), name: "Gut" };
    const [s1, s2] = summarise(checkPlan(workbookOf(bad, good)));
    expect(s1).toMatchObject({ name: "Test", violations: 1, hints: 1, compliant: false });
    expect(summaryText(s1)).toBe("1 Verstoß, 1 Hinweis");
    expect(summaryText(s2)).toBe("erfüllt");
  });

  it("a workbook without any plan is one Verstoß, not a pass", () => {
    const result = checkPlan({ parameters: {}, neighbourhoods: [] });
    expect(result.neighbourhoods[0].findings.map((f) => [f.regel, f.schwere])).toEqual([["eingabe.fehlt", "verstoss"]]);
  });
});
