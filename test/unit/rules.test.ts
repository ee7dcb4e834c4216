import { Dec } from "../../src/core/decimal";
import { YES_NO_KEYS } from "../../src/core/plan";
import { checkPlan, checkWorkbook, Finding, findingJson, findingRow, RULES } from "../../src/core/rules";
import { RAHMENSTANDARD } from "../../src/core/standard";
import { makePlan, PlanSpec, workbookOf } from "../fixtures/pruefen/plans";
import { sheet, templateCells, templateNames, workbook } from "../fixtures/pruefen/snapshots";

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
          "Personalkosten 2027: geplant 89.999,99 €, der Standard verlangt mindestens 90.000,00 € (2 VbE × 45.000,00 € je VbE nach TVöD S11).",
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

  it("grows with the workbook's Tarifsteigerung from its Basisjahr, rounded once as the template's Richtwert", () => {
    const check = (staffCost: number[]): Finding[] => {
      const plan = workbookOf(makePlan({ fte: 2.5, lines: { staffCost, materialCost: 8750 } }));
      plan.tariffIncrease = { ok: true, value: new Dec("0.025"), cell: { sheet: "Parameter", address: "B18" } };
      plan.baseYear = { ok: true, value: 2026, cell: { sheet: "Parameter", address: "B17" } };
      return checkPlan(plan).neighbourhoods[0].findings;
    };
    // 2,5 VbE × 45.000 € × 1,025^(J − 2026): 112.500; 115.312,50; 118.195,3125 → 118.195,31.
    expect(check([112500, 115312.5, 118195.31])).toEqual([]);
    const hits = check([112500, 115312.49, 118195.3]);
    expect(hits.map((h) => [h.regel, h.jahr, findingJson(h).soll, findingJson(h).ist])).toEqual([
      ["personal.verguetung", 2027, "115312.50", "115312.49"],
      ["personal.verguetung", 2028, "118195.31", "118195.30"],
    ]);
    expect(hits[1].meldung).toBe(
      "Personalkosten 2028: geplant 118.195,30 €, der Standard verlangt mindestens 118.195,31 € (2,5 VbE × 45.000,00 € je VbE nach TVöD S11, ab dem Basisjahr mit 2,5 % Tarifsteigerung je Jahr).",
    );
    expect(hits[1].messageEn).toBe(
      "Staff costs 2028: planned €118,195.30, the standard requires at least €118,195.31 (2.5 FTE × €45,000.00 per FTE under TVöD S11, with a tariff increase of 2.5 % a year after the base year).",
    );
  });

  it("counts the Tarifsteigerung from the first plan year without a Basisjahr, and never goes below the standard's salary", () => {
    const soll = (baseYear?: number): (string | null)[] => {
      const plan = workbookOf(makePlan({ lines: { staffCost: 0 } }));
      plan.tariffIncrease = { ok: true, value: new Dec("0.03"), cell: { sheet: "Parameter", address: "B18" } };
      if (baseYear !== undefined) plan.baseYear = { ok: true, value: baseYear, cell: { sheet: "Parameter", address: "B17" } };
      return checkPlan(plan).neighbourhoods[0].findings.filter((f) => f.regel === "personal.verguetung").map((f) => findingJson(f).soll);
    };
    expect(soll()).toEqual(["90000.00", "92700.00", "95481.00"]);
    expect(soll(2027)).toEqual(["90000.00", "90000.00", "92700.00"]);
  });

  it("applies the tolerance to the escalated reference", () => {
    const plan = workbookOf(makePlan({ lines: { staffCost: 0 } }));
    plan.tariffIncrease = { ok: true, value: new Dec("0.03"), cell: { sheet: "Parameter", address: "B18" } };
    const hits = checkPlan(plan, { salaryTolerancePercent: 5 }).neighbourhoods[0].findings.filter((f) => f.regel === "personal.verguetung");
    // 95 % of 90.000; 92.700; 95.481 → 85.500; 88.065; 90.706,95.
    expect(hits.map((h) => findingJson(h).soll)).toEqual(["85500.00", "88065.00", "90706.95"]);
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
      "Projektkosten 2026: geplant 4.999,99 €, der Standard verlangt mindestens 5.000,00 € (1.800 Einwohner × 2,00 € je Einwohner, mindestens 5.000,00 €).",
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

  it("explains the rule with its floor and threshold, above the threshold too (the rulebook's words)", () => {
    const [small] = byRule({ residents: 1800, lines: { dispositionFund: 1999.99 } }, "verfuegungsfonds.mindest");
    expect(small.meldung).toContain("(1.800 Einwohner × 0,50 € je Einwohner, mindestens 2.000,00 € bei weniger als 5.000 Einwohnern)");
    expect(small.soll).toEqual({ kind: "eur", amount: new Dec("2000") });
    const [large] = byRule({ residents: 6000, lines: { projectCost: 12000, dispositionFund: 2999.99 } }, "verfuegungsfonds.mindest");
    expect(large.meldung).toContain("der Standard verlangt mindestens 3.000,00 €");
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

describe("English messages", () => {
  /** Findings of every rule: plans that break each one, and a sheet with every kind of unreadable input. */
  function everyRuleBroken(): Finding[] {
    const specs: PlanSpec[] = [
      { fte: 1.5 },
      { yesNo: Object.fromEntries(YES_NO_KEYS.map((k) => [k, false])) },
      { lines: { staffCost: 1, materialCost: 1, projectCost: 1, dispositionFund: 1, roomCosts: 0 } },
      { measures: Object.fromEntries(RAHMENSTANDARD.focusAreas.map((a) => [a.id, ""])) },
    ];
    const cells = templateCells("Nord");
    cells.B6 = "ca. 1800";
    cells.B7 = { kind: "formula", formula: "B6/900" };
    cells.F24 = { kind: "error", code: "#DIV/0!" };
    cells.E26 = -5;
    cells.B13 = "vielleicht";
    delete cells.B9;
    const names = templateNames("QM Nord")
      .filter((n) => n.name !== "Vernetzung")
      .map((n) => (n.name === "Plan_Raumkosten" ? { ...n, reference: "#REF!" } : n));
    return [
      ...specs.flatMap((spec) => findings(spec)),
      ...checkWorkbook(workbook([sheet("QM Nord", cells)], names)).neighbourhoods.flatMap((n) => n.findings),
    ];
  }

  it("come with every finding of every rule, from the same rule code", () => {
    const all = everyRuleBroken();
    expect(new Set(all.map((f) => f.regel))).toEqual(new Set(RULES.map((r) => r.id)));
    for (const f of all) {
      expect(typeof f.messageEn).toBe("string");
      expect(f.messageEn).not.toBe("");
      expect(f.messageEn).not.toBe(f.meldung);
    }
  });

  it("read as English", () => {
    const all = everyRuleBroken();
    const en = (rule: string): string[] => all.filter((f) => f.regel === rule).map((f) => f.messageEn);
    expect(en("personal.mindest_vbe")).toEqual(["1.5 FTE are planned, the standard requires at least 2 FTE."]);
    expect(en("projektkosten.mindest")[0]).toBe(
      "Project costs 2026: planned €1.00, the standard requires at least €5,000.00 (1,800 residents × €2.00 per resident, at least €5,000.00).",
    );
    expect(en("personal.fachkraft")).toEqual([
      "Not given: Qualified professional with a degree (social work or urban and spatial planning); the standard requires one.",
    ]);
    expect(en("schwerpunkte.netzwerk")).toEqual([
      'No measure is planned for the focus area "Networking, coordination and moderation" (Measures: Networking, coordination and moderation is empty).',
    ]);
    expect(en("eingabe.kein_zahlwert")).toEqual([
      "Residents: cell 'QM Nord'!B6 holds the text \"ca. 1800\" instead of a number. Project costs and disposition fund cannot be checked.",
    ]);
    expect(en("eingabe.formel_ohne_wert")).toEqual([
      "FTE: the formula =B6/900 in 'QM Nord'!B7 has no computed value (open and save the file in Excel or LibreOffice). Staff, pay and material costs cannot be checked.",
    ]);
    expect(en("eingabe.ungueltig")).toEqual(["Disposition fund 2026: the amount -5 in 'QM Nord'!E26 is negative."]);
    expect(en("eingabe.fehlt")).toEqual(["Networking: the name \"Vernetzung\" is not defined for the sheet 'QM Nord'."]);
  });

  it("stay out of the JSON, and go into a table row when asked for English", () => {
    const [f] = findings({ fte: 1.5, lines: { staffCost: 67500, materialCost: 5250 } });
    expect(Object.keys(findingJson(f))).toEqual(["regel", "schwere", "meldung", "soll", "ist", "zelle", "jahr"]);
    expect(findingRow(f, "en")).toEqual(["Test", "", "Violation", "personal.mindest_vbe", f.messageEn, "2 FTE", "1.5 FTE", "'QM Test'!B7"]);
    expect(findingRow(f)[4]).toBe(f.meldung);
  });
});

describe("funding shares of the Parameter sheet", () => {
  const cell = (address: string) => ({ sheet: "Parameter", address });
  it("are a Hinweis where they differ from the standard's thirds, and 0,333333333333333 is a third", () => {
    const plan = workbookOf(makePlan({}));
    plan.shares = {
      federal: { ok: true, value: new Dec("0.333333333333333"), cell: cell("B19") },
      state: { ok: true, value: new Dec("0.4"), cell: cell("B20") },
      municipal: { ok: true, value: new Dec("0.266666666666667"), cell: cell("B21") },
    };
    const parameter = checkPlan(plan).neighbourhoods.find((n) => n.name === "Parameter");
    const shares = (parameter?.findings ?? []).filter((f) => f.meldung.startsWith("Förderanteil"));
    expect(shares.map((f) => [f.regel, f.schwere, findingJson(f).zelle])).toEqual([
      ["parameter.abweichung", "hinweis", "Parameter!B20"],
      ["parameter.abweichung", "hinweis", "Parameter!B21"],
    ]);
    expect(shares[0].meldung).toBe(
      "Förderanteil Land: Die Arbeitsmappe setzt 40 %, der Standard 33,3333 %. Die Anteile ändern keine Mindestbeträge, wohl aber, wer was zahlt.",
    );
  });
});
