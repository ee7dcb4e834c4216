import { ReadResult } from "../../src/core/plan";
import { readWorkbookPlan } from "../../src/core/read/workbookPlan";
import { checkWorkbook, findingJson } from "../../src/core/rules";
import { sheet, templateCells, templateNames, workbook } from "../fixtures/pruefen/snapshots";

const value = <T>(r: ReadResult<T>): unknown => (r.ok ? r.value : `${r.problem}`);
const str = (r: ReadResult<unknown>): unknown => (r.ok ? String(r.value) : r.problem);

describe("template workbooks, read through the defined names", () => {
  it("resolve the same sheet-scoped name to each sheet's own cell", () => {
    const snapshot = workbook(
      [sheet("Parameter", { B8: 3500 }), sheet("QM Nord", templateCells("Nord", 1800)), sheet("QM Süd", templateCells("Süd", 12345))],
      [...templateNames("QM Nord"), ...templateNames("QM Süd"), { name: "Sachkosten_je_VbE", reference: "Parameter!$B$8" }],
    );
    const plan = readWorkbookPlan(snapshot);
    expect(plan.neighbourhoods.map((n) => [n.name, n.sheet, n.origin, value(n.residents)])).toEqual([
      ["Nord", "QM Nord", "vorlage", 1800],
      ["Süd", "QM Süd", "vorlage", 12345],
    ]);
    const sued = plan.neighbourhoods[1];
    expect(sued.residents.ok && sued.residents.cell).toEqual({ sheet: "QM Süd", address: "B6" });
    expect(sued.years.map(value)).toEqual([2026, 2027, 2028]);
    expect(sued.lines.projectCost.map(str)).toEqual(["24690", "24690", "24690"]);
    expect(sued.lines.dispositionFund.map(str)).toEqual(["6172.5", "6172.5", "6172.5"]);
    expect(value(sued.yesNo.vernetzung)).toBe(true);
    expect(value(sued.measures.netzwerk)).toBe("Stadtteilzeitung");
    expect(str(plan.parameters.materialCostPerFte!)).toBe("3500");
    expect(checkWorkbook(snapshot).neighbourhoods.map((n) => n.findings)).toEqual([[], []]);
  });

  it("accept workbook-wide names that point into the sheet", () => {
    const plan = readWorkbookPlan(workbook([sheet("QM Ost", templateCells("Ost"))], templateNames("QM Ost", false)));
    expect(plan.neighbourhoods.map((n) => [n.name, str(n.fte)])).toEqual([["Ost", "2"]]);
  });

  it("say precisely what could not be read", () => {
    const cells = templateCells("Nord");
    cells.B6 = "ca. 1800 <b>";
    cells.B7 = { kind: "formula", formula: "B6/900" };
    cells.F24 = { kind: "error", code: "#DIV/0!" };
    cells.B13 = "vielleicht";
    delete cells.B9;
    const names = templateNames("QM Nord").map((n) => (n.name === "Plan_Raumkosten" ? { ...n, reference: "#REF!" } : n));
    const n = readWorkbookPlan(workbook([sheet("QM Nord", cells)], names.filter((x) => x.name !== "Vernetzung"))).neighbourhoods[0];
    expect(n.residents).toEqual({
      ok: false,
      problem: "kein_zahlwert",
      detail: "Einwohner: Die Zelle 'QM Nord'!B6 enthält den Text „ca. 1800 <b>“ statt einer Zahl.",
      detailEn: "Residents: cell 'QM Nord'!B6 holds the text \"ca. 1800 <b>\" instead of a number.",
      cell: { sheet: "QM Nord", address: "B6" },
    });
    expect(n.fte.ok ? "" : n.fte.detail).toBe(
      "VbE: Die Formel =B6/900 in 'QM Nord'!B7 hat keinen berechneten Wert (Datei in Excel oder LibreOffice öffnen und speichern).",
    );
    expect(n.lines.materialCost.map(str)).toEqual(["7000", "fehlerwert", "7000"]);
    expect(n.yesNo.buero.ok ? "" : n.yesNo.buero.detail).toBe("Büroräume: 'QM Nord'!B13 enthält „vielleicht“, erwartet wird „ja“ oder „nein“.");
    expect(n.yesNo.vernetzung.ok ? "" : [n.yesNo.vernetzung.problem, n.yesNo.vernetzung.detail]).toEqual([
      "fehlt",
      "Vernetzung: Der Name „Vernetzung“ ist für das Blatt 'QM Nord' nicht definiert.",
    ]);
    expect(n.lines.roomCosts.map(str)).toEqual(["bezug", "bezug", "bezug"]);
    expect(str(n.roomCosts)).toBe("leer");

    const found = checkWorkbook(workbook([sheet("QM Nord", cells)], names)).neighbourhoods[0].findings;
    expect(found.map((f) => [f.regel, f.schwere, f.jahr, findingJson(f).zelle])).toEqual([
      ["eingabe.leer", "hinweis", null, "'QM Nord'!B9"],
      ["eingabe.formel_ohne_wert", "verstoss", null, "'QM Nord'!B7"],
      ["eingabe.fehlerwert", "verstoss", 2027, "'QM Nord'!F24"],
      ["eingabe.kein_zahlwert", "verstoss", null, "'QM Nord'!B6"],
      ["eingabe.ja_nein", "verstoss", null, "'QM Nord'!B13"],
      ["eingabe.bezug", "hinweis", null, null],
    ]);
  });

  it("report fractional residents and plan rows shorter than the years", () => {
    const cells = { ...templateCells("Nord"), B6: 1800.5 };
    const names = templateNames("QM Nord").map((n) => (n.name === "Plan_Sachkosten" ? { ...n, reference: "'QM Nord'!$E$24:$F$24" } : n));
    const n = readWorkbookPlan(workbook([sheet("QM Nord", cells)], names)).neighbourhoods[0];
    expect(n.residents.ok ? "" : [n.residents.problem, n.residents.detail]).toEqual([
      "ungueltig",
      "Einwohner: muss eine ganze Zahl sein (1.800,5). (Zelle 'QM Nord'!B6)",
    ]);
    expect(n.lines.materialCost.map(str)).toEqual(["7000", "7000", "fehlt"]);
  });

  it("ignore the Parameter and Vergleich sheets and earlier reports, but read a sheet without names by its labels", () => {
    const snapshot = workbook(
      [
        sheet("QM Nord", templateCells("Nord")),
        sheet("Notizen", { A1: "Einwohner", B1: 99, A2: "VbE", B2: 1 }),
        sheet("Ideen", { A1: "Einwohner des Stadtteils wurden befragt" }),
        sheet("Vergleich", { A1: "Einwohner", B1: 99, A2: "VbE", B2: 1 }),
        sheet("Prüfbericht (2)", { A1: "Einwohner", B1: 99, A2: "VbE", B2: 1 }),
      ],
      templateNames("QM Nord"),
    );
    // Changed deliberately: a sheet the names do not cover is no longer silently left out of a template workbook.
    expect(readWorkbookPlan(snapshot).neighbourhoods.map((n) => [n.sheet, n.origin])).toEqual([
      ["QM Nord", "vorlage"],
      ["Notizen", "fremd"],
    ]);
  });

  it("read a Quartier sheet the names do not cover by its labels, and list one that has neither", () => {
    const snapshot = workbook(
      [
        sheet("QM Nord", templateCells("Nord")),
        sheet("QM Süd", { A1: "Einwohner", B1: 4000, A2: "VbE", B2: 2 }),
        sheet("QM Ost", { A1: "Notizen zum Quartier" }),
      ],
      // As a tool that collapses sheet-scoped names leaves them: one workbook-wide name, for the last sheet that had it.
      templateNames("QM Nord", false),
    );
    const plan = readWorkbookPlan(snapshot);
    expect(plan.neighbourhoods.map((n) => [n.sheet, n.origin, value(n.residents)])).toEqual([
      ["QM Nord", "vorlage", 1800],
      ["QM Süd", "fremd", 4000],
    ]);
    expect(plan.unreadSheets).toEqual(["QM Ost"]);
    const ost = checkWorkbook(snapshot).neighbourhoods.find((n) => n.sheet === "QM Ost");
    expect(ost?.findings.map((f) => [f.quartier, f.regel, f.schwere, f.meldung])).toEqual([
      [
        "Ost",
        "eingabe.fehlt",
        "verstoss",
        "Blatt „QM Ost“: keine Namen der QM-Planer-Vorlage und keine erkennbaren Beschriftungen (Einwohner, VbE, Sachkosten …); das Blatt ist nicht geprüft.",
      ],
    ]);
  });

  it("read only the chosen sheet when asked to", () => {
    const snapshot = workbook(
      [sheet("QM Nord", templateCells("Nord")), sheet("QM Süd", templateCells("Süd"))],
      [...templateNames("QM Nord"), ...templateNames("QM Süd")],
    );
    expect(readWorkbookPlan(snapshot, { sheet: "qm süd" }).neighbourhoods.map((n) => n.name)).toEqual(["Süd"]);
    const none = checkWorkbook(snapshot, { sheet: "Parameter" });
    expect(none.neighbourhoods[0].findings[0].meldung).toMatch(/^Auf dem Blatt „Parameter“ wurde keine Quartiersplanung gefunden/);
  });

  it("refuse names over huge ranges rather than walking them", () => {
    const names = templateNames("QM Nord").map((n) => (n.name === "Planjahre" ? { ...n, reference: "'QM Nord'!$A$1:$XFD$1048576" } : n));
    const n = readWorkbookPlan(workbook([sheet("QM Nord", templateCells("Nord"))], names)).neighbourhoods[0];
    expect(n.years).toEqual([]);
    expect(n.lines.staffCost.map(str)).toEqual(["90000", "90000", "90000"]);
  });
});
