import { NeighbourhoodPlan, ReadResult } from "../../src/core/plan";
import { matchLabel } from "../../src/core/read/labels";
import { readWorkbookPlan } from "../../src/core/read/workbookPlan";
import { checkWorkbook, findingJson } from "../../src/core/rules";
import { CellValue, WorkbookSnapshot } from "../../src/core/workbook";
import { sheet, templateSnapshot, withCells, workbook } from "../fixtures/pruefen/snapshots";

const at = (r: ReadResult<unknown>): unknown => (r.ok ? [String(r.value), r.cell.address] : [r.problem, r.cell?.address]);

function readOne(cells: Record<string, CellValue>, merges: string[] = []): NeighbourhoodPlan {
  const plan = readWorkbookPlan(workbook([sheet("Haushalt", cells, merges)]));
  expect(plan.neighbourhoods).toHaveLength(1);
  return plan.neighbourhoods[0];
}

describe("labels", () => {
  it.each([
    ["Einwohner", "residents"],
    ["EINWOHNERZAHL", "residents"],
    ["Anzahl der Bewohner (2025)", "residents"],
    ["VbE", "fte"],
    ["Stellen", "fte"],
    ["Vollzeitäquivalente", "fte"],
    ["vollzeitaequivalente", "fte"],
    ["Sachkosten gesamt in €", "materialCost"],
    ["Verfuegungsfonds", "dispositionFund"],
    ["Verfügungsfonds:", "dispositionFund"],
    ["Personalkosten (2 VbE)", "staffCost"],
    ["Miet- und Betriebskosten", "roomCosts"],
    ["Projektkosten", "projectCost"],
  ])("%s labels %s", (text, field) => {
    expect(matchLabel(text)?.numeric).toBe(field);
  });

  it.each(["Sachkosten je VbE", "Projektkosten pro Einwohner", "Richtwert Projektkosten", "Gehalt je VbE und Jahr (im Basisjahr)"])(
    "%s is a rate, not an amount",
    (text) => {
      expect(matchLabel(text)?.numeric).toBeUndefined();
    },
  );

  it.each(["Raumkosten je Jahr (Miete und Betriebskosten)", "Raumkosten pro Jahr"])("%s is an amount per year, not a rate", (text) => {
    expect(matchLabel(text)?.numeric).toBe("roomCosts");
  });

  it.each([
    "Fachkraft mit Hochschulabschluss Sozialwesen oder Stadt- und Raumplanung",
    "Fachkraft mit Hochschulabschluss Sozialwesen oder Hochschulabschluss Stadt- und Raumplanung",
  ])("the requirement spelled out, %s, labels the Fachkraft", (text) => {
    expect(matchLabel(text)?.yesNo).toEqual(["fachkraft"]);
  });

  it("a long sentence that merely mentions a requirement is no label", () => {
    expect(matchLabel("Die Fachkraft mit Hochschulabschluss wurde im Jahr 2025 eingestellt")).toBeUndefined();
  });

  it("lets one label serve several yes/no requirements", () => {
    expect(matchLabel("Büro- und Veranstaltungsräume in zentraler Lage")?.yesNo).toEqual(["buero", "veranstaltungsraum", "zentrale_lage"]);
  });
});

describe("foreign sheets", () => {
  it("find values beside or below labels in odd places, across gaps and merged labels", () => {
    const n = readOne(
      {
        B2: "Quartier",
        D2: "Am Hafen",
        D7: "Anzahl der EINWOHNER",
        F7: 4200,
        H1: "Vollzeitaequivalente",
        H2: 2.5,
        A10: "Sachkosten",
        D10: 8750,
        A11: "Sachkosten je VbE",
        B11: 3500,
        A12: "Projektkosten gesamt",
        B12: 8400,
        A13: "Verfuegungsfonds",
        A14: 2100,
        A15: "Personalkosten",
        B15: "112.500 €",
        J20: "Fachkraft mit Hochschulabschluss",
        K20: "JA",
        J21: "Büro- und Veranstaltungsräume in zentraler Lage",
        K21: "ja",
        J22: "Anlaufstelle",
        K22: true,
        J23: "Vernetzung",
        K23: "nein",
        J30: "Öffentlichkeitsarbeit",
        K30: "Stadtteilzeitung, Öffentlichkeitsarbeit im Netz",
      },
      ["A10:C10"],
    );
    expect(n.origin).toBe("fremd");
    expect(n.name).toBe("Am Hafen");
    expect(at(n.residents)).toEqual(["4200", "F7"]);
    expect(at(n.fte)).toEqual(["2.5", "H2"]);
    expect(n.lines.materialCost.map(at)).toEqual([["8750", "D10"]]);
    expect(n.lines.projectCost.map(at)).toEqual([["8400", "B12"]]);
    expect(n.lines.dispositionFund.map(at)).toEqual([["2100", "A14"]]);
    expect(n.lines.staffCost.map(at)).toEqual([["kein_zahlwert", "B15"]]);
    expect(n.years).toEqual([]);
    expect(at(n.yesNo.fachkraft)).toEqual(["true", "K20"]);
    expect([n.yesNo.buero, n.yesNo.veranstaltungsraum, n.yesNo.zentrale_lage].map(at)).toEqual([
      ["true", "K21"],
      ["true", "K21"],
      ["true", "K21"],
    ]);
    expect(at(n.yesNo.anlaufstelle)).toEqual(["true", "K22"]);
    expect(at(n.yesNo.vernetzung)).toEqual(["false", "K23"]);
    expect(at(n.measures.oeffentlichkeitsarbeit)).toEqual(["Stadtteilzeitung, Öffentlichkeitsarbeit im Netz", "K30"]);
  });

  it("say which labels they could not find", () => {
    const n = readOne({ A1: "Einwohner", B1: 1800, A2: "VbE", B2: 2 });
    expect(n.lines.projectCost[0]).toEqual({
      ok: false,
      problem: "fehlt",
      detail: "Projektkosten: keine Beschriftung gefunden (gesucht: Projektkosten).",
      detailEn: "Project costs: no label found (looked for: Projektkosten).",
      cell: undefined,
    });
    expect(at(n.yesNo.fachliche_anbindung)).toEqual(["fehlt", undefined]);
    const found = checkWorkbook(workbook([sheet("Haushalt", { A1: "Einwohner", B1: 1800, A2: "VbE", B2: 2 })])).neighbourhoods[0].findings;
    const missing = found.filter((f) => f.regel === "eingabe.fehlt");
    expect(missing.filter((f) => f.schwere === "verstoss").map((f) => f.meldung.split(":")[0])).toEqual([
      "Personalkosten",
      "Sachkosten",
      "Projektkosten",
      "Verfügungsfonds",
      "Fachkraft mit Hochschulabschluss (Sozialwesen oder Stadt- und Raumplanung)",
      "Büroräume",
      "Veranstaltungsraum",
      "Zentrale Lage",
      "Bürgernahe Anlaufstelle mit technischer Ausstattung",
      "Fachliche Anbindung",
      "Vernetzung",
    ]);
  });

  it("take a label's value from below when the right is the next label (a header row)", () => {
    const n = readOne({ A1: "Einwohner", B1: "VbE", C1: "Sachkosten", A2: 1800, B2: 2, C2: 7000 });
    expect([at(n.residents), at(n.fte), at(n.lines.materialCost[0])]).toEqual([
      ["1800", "A2"],
      ["2", "B2"],
      ["7000", "C2"],
    ]);
  });

  it("read budget lines per year under a row of years", () => {
    const cells: Record<string, CellValue> = {
      A1: "Einwohner",
      B1: 1800,
      A2: "VbE",
      B2: 2,
      B4: "2026",
      C4: "2027",
      D4: "2028",
      A5: "Personalkosten",
      B5: 90000,
      C5: 90000,
      D5: 91000,
      A6: "Projektkosten",
      B6: 5000,
      C6: 4999.99,
      D6: { kind: "error", code: "#DIV/0!" },
      A3: "Raumkosten",
      B3: 12000,
    };
    const n = readOne(cells);
    expect(n.years.map((y) => (y.ok ? y.value : y.problem))).toEqual([2026, 2027, 2028]);
    expect(n.lines.staffCost.map(at)).toEqual([
      ["90000", "B5"],
      ["90000", "C5"],
      ["91000", "D5"],
    ]);
    expect(n.lines.projectCost.map(at)).toEqual([
      ["5000", "B6"],
      ["4999.99", "C6"],
      ["fehlerwert", "D6"],
    ]);
    // One yearly amount beside its label, outside the year table, holds for every plan year.
    expect(n.lines.roomCosts.map(at)).toEqual([
      ["12000", "B3"],
      ["12000", "B3"],
      ["12000", "B3"],
    ]);
    const found = checkWorkbook(workbook([sheet("Haushalt", cells)])).neighbourhoods[0].findings.map(findingJson);
    expect(found.filter((f) => f.regel === "projektkosten.mindest" || f.regel === "eingabe.fehlerwert")).toEqual([
      expect.objectContaining({ regel: "eingabe.fehlerwert", jahr: 2028, zelle: "Haushalt!D6" }),
      expect.objectContaining({ regel: "projektkosten.mindest", jahr: 2027, zelle: "Haushalt!C6", soll: "5000.00", ist: "4999.99" }),
    ]);
  });

  it("are not plans when fewer than two plan labels appear", () => {
    const snapshot = workbook([sheet("Notizen", { A1: "Einwohner des Stadtteils wurden befragt", A2: "Einwohner", B2: 5 })]);
    expect(readWorkbookPlan(snapshot).neighbourhoods).toEqual([]);
    expect(checkWorkbook(snapshot).neighbourhoods.map((q) => [q.name, q.findings.map((f) => f.regel)])).toEqual([
      ["(keine Quartiersplanung gefunden)", ["eingabe.fehlt"]],
    ]);
  });
});

describe("template sheets that lost their names, read by their labels", () => {
  const input = {
    neighbourhoods: [
      { name: "Nord", residents: 1800, fte: 2, roomCosts: 12000 },
      { name: "Süd", residents: 12345, fte: 2.5 },
    ],
    firstYear: 2026,
    lastYear: 2028,
  };
  /** Nord with its yes/no answers given, measures planned except Netzwerk (whose hours are filled in), one amount cut. */
  const edit = (snapshot: WorkbookSnapshot): WorkbookSnapshot =>
    withCells(snapshot, "QM Nord", {
      B12: "nein",
      B13: "ja",
      B33: "Stadtteilzeitung",
      C34: 120,
      B35: "Hoffest",
      F25: 4999.99,
    });
  // The salary per VbE is read through its name only: its label ("Gehalt je VbE") is a rate,
  // which the label reader leaves alone; without it the Richtwert takes the standard's salary.
  // The granted funds too: the label reader leaves the funding table alone.
  const plain = (n: NeighbourhoodPlan): unknown => ({ ...n, origin: undefined, salaryPerFte: undefined, grantedFunds: undefined });

  it("read every input from the same cells as the names do: the Planansatz block, not the Richtwert one", () => {
    const named = readWorkbookPlan(edit(templateSnapshot(input)));
    const labelled = readWorkbookPlan(edit(templateSnapshot(input, false)));
    expect(named.neighbourhoods.map((n) => n.origin)).toEqual(["vorlage", "vorlage"]);
    expect(labelled.neighbourhoods.map((n) => n.origin)).toEqual(["fremd", "fremd"]);
    expect(labelled.neighbourhoods.map(plain)).toEqual(named.neighbourhoods.map(plain));
    const nord = labelled.neighbourhoods[0];
    expect(nord.years.map(at)).toEqual([
      ["2026", "E22"],
      ["2027", "F22"],
      ["2028", "G22"],
    ]);
    expect(nord.lines.projectCost.map(at)).toEqual([
      ["5000", "E25"],
      ["4999.99", "F25"],
      ["5000", "G25"],
    ]);
    expect(at(nord.roomCosts)).toEqual(["12000", "B9"]);
    expect(at(nord.yesNo.fachkraft)).toEqual(["false", "B12"]);
    // An empty measure stays empty: neither the hours beside it nor the next focus area below it.
    expect(at(nord.measures.netzwerk)).toEqual(["", "B34"]);
  });

  it("give the same findings as the names do", () => {
    const findings = (withNames: boolean): unknown =>
      checkWorkbook(edit(templateSnapshot(input, withNames))).neighbourhoods.map((n) => [n.name, n.findings.map(findingJson)]);
    expect(findings(false)).toEqual(findings(true));
    const nord = checkWorkbook(edit(templateSnapshot(input, false))).neighbourhoods[0].findings.map((f) => [f.regel, f.jahr]);
    expect(nord).toEqual(expect.arrayContaining([["personal.fachkraft", null], ["projektkosten.mindest", 2027], ["schwerpunkte.netzwerk", null]]));
  });
});
