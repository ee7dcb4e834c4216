import { Dec } from "../../src/core/decimal";
import { ReadResult } from "../../src/core/plan";
import { checkPlan, findingJson, hasViolation, summarise, summaryText } from "../../src/core/rules";
import { makePlan, SHEET, workbookOf } from "../fixtures/pruefen/plans";

const fail = <T>(problem: "fehlt" | "leer" | "formel_ohne_wert" | "fehlerwert" | "kein_zahlwert", address?: string): ReadResult<T> => ({
  ok: false,
  problem,
  detail: `Eingabe ${problem}.`,
  detailEn: `Input ${problem}.`,
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
  const at = (address: string) => ({ sheet: "Parameter", address });

  // Changed deliberately: the plans are measured against the standard, not against the workbook's figures.
  it("never replace the standard's: a lowered rate does not let a lowered plan pass", () => {
    const plan = workbookOf(makePlan({ residents: 12345, lines: { projectCost: 12345, dispositionFund: 6172.5 } }));
    plan.parameters.projectCostPerResident = { ok: true, value: new Dec(1), cell: at("B9") };
    const result = checkPlan(plan);
    expect(hasViolation(result)).toBe(true);
    expect(result.neighbourhoods.map((n) => n.name)).toEqual(["Parameter", "Test"]);
    expect(result.neighbourhoods[0].findings.map(findingJson)).toEqual([
      {
        regel: "parameter.abweichung",
        schwere: "verstoss",
        meldung:
          "Parameter „Projektkosten je Einwohner“: Die Arbeitsmappe setzt 1,00 €, der Standard 2,00 € – weniger, als der Standard verlangt. Geprüft wird mit dem Wert des Standards.",
        soll: "2.00",
        ist: "1.00",
        zelle: "Parameter!B9",
        jahr: null,
      },
    ]);
    const project = result.neighbourhoods[1].findings.filter((f) => f.regel === "projektkosten.mindest");
    expect(project.map((f) => [f.jahr, findingJson(f).soll, findingJson(f).ist])).toEqual([
      [2026, "24690.00", "12345.00"],
      [2027, "24690.00", "12345.00"],
      [2028, "24690.00", "12345.00"],
    ]);
    expect(project[0].meldung).toContain("der Standard verlangt mindestens 24.690,00 € (12.345 Einwohner × 2,00 € je Einwohner, mindestens 5.000,00 €)");
  });

  it("report a more demanding figure as a hint and still check with the standard's", () => {
    const plan = workbookOf(makePlan({ lines: { materialCost: 7000 } }));
    plan.parameters.materialCostPerFte = { ok: true, value: new Dec(4000), cell: at("B8") };
    const result = checkPlan(plan);
    expect(hasViolation(result)).toBe(false);
    expect(result.neighbourhoods[0].findings.map((f) => [f.regel, f.schwere, findingJson(f).soll, findingJson(f).ist, findingJson(f).zelle])).toEqual([
      ["parameter.abweichung", "hinweis", "3500.00", "4000.00", "Parameter!B8"],
    ]);
    expect(result.neighbourhoods[1].findings).toEqual([]);
  });

  it.each([
    ["minFte", "1.5", "B6", "verstoss", "2", "1.5", "1,5 VbE, der Standard 2 VbE – weniger"],
    ["salaryPerFte", "44999.99", "B7", "verstoss", "45000.00", "44999.99", "44.999,99 €, der Standard 45.000,00 € – weniger"],
    ["dispositionFundPerResident", "0.49", "B11", "verstoss", "0.50", "0.49", "0,49 €, der Standard 0,50 € – weniger"],
    ["dispositionFundMinimumBelowResidents", "4000", "B13", "verstoss", "5000", "4000", "4.000 Einwohner, der Standard 5.000 Einwohner – weniger"],
    ["projectCostMinimum", "5000.01", "B10", "hinweis", "5000.00", "5000.01", "5.000,01 €, der Standard 5.000,00 € – mehr"],
  ] as const)("%s = %s differs from the standard", (key, value, address, schwere, soll, ist, words) => {
    const plan = workbookOf(makePlan({}));
    plan.parameters[key] = { ok: true, value: new Dec(value), cell: at(address) };
    const [f, ...rest] = checkPlan(plan).neighbourhoods[0].findings;
    expect(rest).toEqual([]);
    expect([f.regel, f.schwere, findingJson(f).soll, findingJson(f).ist, findingJson(f).zelle]).toEqual(["parameter.abweichung", schwere, soll, ist, `Parameter!${address}`]);
    expect(f.meldung).toContain(words);
  });

  it("say nothing about figures equal to the standard's", () => {
    const plan = workbookOf(makePlan({}));
    plan.parameters.materialCostPerFte = { ok: true, value: new Dec("3500.00"), cell: at("B8") };
    plan.parameters.minFte = { ok: true, value: new Dec(2), cell: at("B6") };
    expect(checkPlan(plan).neighbourhoods.map((n) => n.name)).toEqual(["Test"]);
  });

  it("fall back to the standard's when unreadable, with a hint on the Parameter sheet", () => {
    const plan = workbookOf(makePlan({}));
    plan.parameters.projectCostMinimum = {
      ok: false,
      problem: "kein_zahlwert",
      detail: "Parameter: Text.",
      detailEn: "Parameter: text.",
      cell: { sheet: "Parameter", address: "B10" },
    };
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
    expect(result.neighbourhoods[0].findings[0].messageEn).toBe("Parameter: text. Checked with the standard's value (5,000).");
    expect(result.neighbourhoods[1].findings).toEqual([]);
  });

  it("an unreadable tariff increase is a Verstoß: the pay can then only be checked without one", () => {
    const plan = workbookOf(makePlan({}));
    plan.tariffIncrease = { ok: false, problem: "kein_zahlwert", detail: "Tarif: Text.", detailEn: "Tariff: text.", cell: at("B18") };
    plan.baseYear = { ok: false, problem: "leer", detail: "Basisjahr: leer.", detailEn: "Base year: empty.", cell: at("B17") };
    const [tariff, base] = checkPlan(plan).neighbourhoods[0].findings;
    expect([tariff.regel, tariff.schwere, tariff.meldung, findingJson(tariff).zelle]).toEqual([
      "eingabe.kein_zahlwert",
      "verstoss",
      "Tarif: Text. Die Personalkosten werden ohne Tarifsteigerung geprüft.",
      "Parameter!B18",
    ]);
    expect([base.regel, base.schwere]).toEqual(["eingabe.leer", "verstoss"]);
    // Without an increase the base year changes nothing: a hint.
    plan.tariffIncrease = { ok: true, value: new Dec(0), cell: at("B18") };
    expect(checkPlan(plan).neighbourhoods[0].findings.map((f) => [f.regel, f.schwere])).toEqual([["eingabe.leer", "hinweis"]]);
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
    const result = checkPlan({ parameters: {}, neighbourhoods: [], unreadSheets: [] });
    expect(result.neighbourhoods[0].findings.map((f) => [f.regel, f.schwere])).toEqual([["eingabe.fehlt", "verstoss"]]);
  });
});
