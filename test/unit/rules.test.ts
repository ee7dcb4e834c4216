import { checkPlan, Finding, findingJson, RULES } from "../../src/core/rules";
import { RAHMENSTANDARD } from "../../src/core/standard";
import { makePlan, PlanSpec, workbookOf } from "../fixtures/pruefen/plans";

function findings(spec: PlanSpec, options = {}): Finding[] {
  const result = checkPlan(workbookOf(makePlan(spec)), options);
  expect(result.neighbourhoods).toHaveLength(1);
  return result.neighbourhoods[0].findings;
}

function byRule(spec: PlanSpec, rule: string, options = {}): Finding[] {
  return findings(spec, options).filter((f) => f.regel === rule);
}

describe("the plan that meets the standard", () => {
  it("has no finding at all", () => {
    expect(findings({})).toEqual([]);
  });
});

describe("personal.mindest_vbe", () => {
  it("passes at exactly 2 VbE and fails just below", () => {
    expect(byRule({ fte: 2 }, "personal.mindest_vbe")).toEqual([]);
    const [f, ...rest] = byRule({ fte: 1.99, lines: { staffCost: 89550, materialCost: 6965 } }, "personal.mindest_vbe");
    expect(rest).toEqual([]);
    expect(findingJson(f)).toEqual({
      regel: "personal.mindest_vbe",
      schwere: "verstoss",
      meldung: "Geplant sind 1,99 VbE, der Standard verlangt mindestens 2 VbE.",
      soll: "2",
      ist: "1.99",
      zelle: "'QM Test'!B7",
      jahr: null,
    });
  });
});

describe("personal.verguetung", () => {
  it("passes at exactly VbE × 45.000 € and fails one cent below, per year", () => {
    expect(byRule({ lines: { staffCost: 90000 } }, "personal.verguetung")).toEqual([]);
    const hits = byRule({ lines: { staffCost: [90000, 89999.99, 90000] } }, "personal.verguetung");
    expect(hits.map(findingJson)).toEqual([
      {
        regel: "personal.verguetung",
        schwere: "verstoss",
        meldung:
          "Personalkosten 2027: geplant 89.999,99 €, der Standard verlangt mindestens 90.000,00 € (2 VbE × 45.000,00 € nach TVöD S11).",
        soll: "90000.00",
        ist: "89999.99",
        zelle: "'QM Test'!F23",
        jahr: 2027,
      },
    ]);
  });

  it("scales with fractional VbE exactly (2,5 VbE → 112.500 €)", () => {
    expect(byRule({ fte: 2.5, lines: { staffCost: 112500, materialCost: 8750 } }, "personal.verguetung")).toEqual([]);
    expect(byRule({ fte: 2.5, lines: { staffCost: 112499.99, materialCost: 8750 } }, "personal.verguetung")).toHaveLength(3);
  });

  it("allows a configured tolerance: 5 % below passes, one cent more fails", () => {
    expect(byRule({ lines: { staffCost: 85500 } }, "personal.verguetung", { salaryTolerancePercent: 5 })).toEqual([]);
    const hits = byRule({ lines: { staffCost: [85499.99, 85500, 85500] } }, "personal.verguetung", { salaryTolerancePercent: 5 });
    expect(hits).toHaveLength(1);
    expect(findingJson(hits[0]).soll).toBe("85500.00");
    expect(hits[0].meldung).toContain("abzüglich 5 % Toleranz");
  });

  it("refuses a tolerance outside 0–100 %", () => {
    expect(() => findings({}, { salaryTolerancePercent: -1 })).toThrow("Toleranz");
    expect(() => findings({}, { salaryTolerancePercent: 100 })).toThrow("Toleranz");
  });
});

describe("sachkosten.mindest", () => {
  it("passes at exactly 3.500 € × VbE and fails one cent below", () => {
    expect(byRule({ lines: { materialCost: 7000 } }, "sachkosten.mindest")).toEqual([]);
    const hits = byRule({ lines: { materialCost: [7000, 7000, 6999.99] } }, "sachkosten.mindest");
    expect(hits.map((h) => [h.jahr, findingJson(h).soll, findingJson(h).ist, findingJson(h).zelle])).toEqual([
      [2028, "7000.00", "6999.99", "'QM Test'!G24"],
    ]);
  });

  it("uses fractional VbE exactly (2,25 VbE → 7.875 €)", () => {
    const spec = { fte: 2.25, lines: { staffCost: 101250 } };
    expect(byRule({ ...spec, lines: { ...spec.lines, materialCost: 7875 } }, "sachkosten.mindest")).toEqual([]);
    expect(byRule({ ...spec, lines: { ...spec.lines, materialCost: 7874.99 } }, "sachkosten.mindest")).toHaveLength(3);
  });
});

describe("projektkosten.mindest", () => {
  it.each([
    [1800, 5000],
    [2500, 5000],
    [2501, 5002],
    [12345, 24690],
  ])("%i Einwohner: passes at exactly %i € and fails one cent below", (residents, minimum) => {
    const fund = Math.max(residents * 0.5, residents < 5000 ? 2000 : 0);
    expect(byRule({ residents, lines: { projectCost: minimum, dispositionFund: fund } }, "projektkosten.mindest")).toEqual([]);
    const hits = byRule({ residents, lines: { projectCost: [minimum - 0.01, minimum, minimum], dispositionFund: fund } }, "projektkosten.mindest");
    expect(hits).toHaveLength(1);
    expect(findingJson(hits[0])).toMatchObject({ soll: minimum.toFixed(2), ist: (minimum - 0.01).toFixed(2), jahr: 2026, zelle: "'QM Test'!E25" });
  });

  it("explains the rule with the figures", () => {
    const [hit] = byRule({ lines: { projectCost: [4999.99, 5000, 5000] } }, "projektkosten.mindest");
    expect(hit.meldung).toBe(
      "Projektkosten 2026: geplant 4.999,99 €, der Standard verlangt mindestens 5.000,00 € (1.800 Einwohner × 2,00 €, mindestens 5.000,00 €).",
    );
  });
});

describe("verfuegungsfonds.mindest", () => {
  it.each([
    [1800, 2000],
    [3999, 2000],
    [4001, 2000.5],
    [4999, 2499.5],
    [5000, 2500],
    [12345, 6172.5],
  ])("%i Einwohner: passes at exactly %d € and fails one cent below", (residents, minimum) => {
    const project = Math.max(2 * residents, 5000);
    expect(byRule({ residents, lines: { projectCost: project, dispositionFund: minimum } }, "verfuegungsfonds.mindest")).toEqual([]);
    const hits = byRule({ residents, lines: { projectCost: project, dispositionFund: [minimum, minimum - 0.01, minimum] } }, "verfuegungsfonds.mindest");
    expect(hits.map((h) => [h.jahr, findingJson(h).soll, findingJson(h).ist])).toEqual([[2027, minimum.toFixed(2), (minimum - 0.01).toFixed(2)]]);
  });

  it("names the 2.000 € floor only below 5.000 Einwohner", () => {
    const [small] = byRule({ residents: 1800, lines: { dispositionFund: 1999.99 } }, "verfuegungsfonds.mindest");
    expect(small.meldung).toContain("mindestens 2.000,00 € unter 5.000 Einwohnern");
    const [large] = byRule({ residents: 6000, lines: { projectCost: 12000, dispositionFund: 2999.99 } }, "verfuegungsfonds.mindest");
    expect(large.meldung).not.toContain("mindestens 2.000,00 €");
  });
});

describe("every plan year is checked", () => {
  it("reports each year below the minimum with its own year and cell", () => {
    const hits = byRule({ years: [2026, 2027, 2028, 2029, 2030], lines: { projectCost: [5000, 4000, 5000, 4500, 4999.99] } }, "projektkosten.mindest");
    expect(hits.map((h) => [h.jahr, findingJson(h).zelle])).toEqual([
      [2027, "'QM Test'!F25"],
      [2029, "'QM Test'!H25"],
      [2030, "'QM Test'!I25"],
    ]);
  });
});

describe("yes/no requirements", () => {
  it.each([
    ["fachkraft", "personal.fachkraft"],
    ["buero", "raeume.buero"],
    ["veranstaltungsraum", "raeume.veranstaltungsraum"],
    ["zentrale_lage", "raeume.zentrale_lage"],
    ["anlaufstelle", "raeume.anlaufstelle"],
    ["fachliche_anbindung", "standards.fachliche_anbindung"],
    ["vernetzung", "standards.vernetzung"],
  ] as const)("%s = nein is the Verstoß %s; ja passes", (key, rule) => {
    expect(byRule({ yesNo: { [key]: true } }, rule)).toEqual([]);
    const all = findings({ yesNo: { [key]: false } });
    expect(all.map((f) => f.regel)).toEqual([rule]);
    expect(findingJson(all[0])).toMatchObject({ schwere: "verstoss", soll: "ja", ist: "nein", jahr: null });
  });
});

describe("raeume.kosten", () => {
  it("hints per year where rooms exist but no room costs are planned", () => {
    const hits = byRule({ lines: { roomCosts: [12000, 0, 0.01] } }, "raeume.kosten");
    expect(hits.map((h) => [h.schwere, h.jahr, findingJson(h).zelle])).toEqual([["hinweis", 2027, "'QM Test'!F28"]]);
  });

  it("says nothing when there are no rooms", () => {
    const noRooms = { buero: false, veranstaltungsraum: false, anlaufstelle: false };
    expect(byRule({ yesNo: noRooms, lines: { roomCosts: 0 } }, "raeume.kosten")).toEqual([]);
  });
});

describe("schwerpunkte.*", () => {
  it.each(RAHMENSTANDARD.focusAreas.map((a) => [a.id]))("an empty work plan for %s is a hint", (id) => {
    const all = findings({ measures: { [id]: "" } });
    expect(all.map((f) => [f.regel, f.schwere])).toEqual([[`schwerpunkte.${id}`, "hinweis"]]);
  });
});

describe("the rule catalogue", () => {
  it("has every rule id of the issue", () => {
    const ids = RULES.map((r) => r.id);
    for (const id of [
      "personal.mindest_vbe",
      "personal.fachkraft",
      "personal.verguetung",
      "sachkosten.mindest",
      "projektkosten.mindest",
      "verfuegungsfonds.mindest",
      "raeume.buero",
      "raeume.veranstaltungsraum",
      "raeume.zentrale_lage",
      "raeume.anlaufstelle",
      "raeume.kosten",
      "standards.fachliche_anbindung",
      "standards.vernetzung",
      "schwerpunkte.information",
      "schwerpunkte.netzwerk",
      "schwerpunkte.projektentwicklung",
      "schwerpunkte.oeffentlichkeitsarbeit",
      "schwerpunkte.veranstaltungen",
      "eingabe.fehlt",
      "eingabe.formel_ohne_wert",
      "eingabe.kein_zahlwert",
      "eingabe.fehlerwert",
    ])
      expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("cites the standard's own wording in every non-input rule", () => {
    const s = RAHMENSTANDARD;
    const wording = new Set<string>([
      ...Object.values(s.figures).map((f) => f.source),
      ...[...s.qualifications, ...s.rooms, ...s.furtherStandards, ...s.focusAreas].map((r) => r.source),
    ]);
    for (const rule of RULES.filter((r) => !r.id.startsWith("eingabe."))) expect(wording).toContain(rule.source);
  });
});
