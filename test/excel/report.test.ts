import { checkInExcel } from "../../src/excel/readPlan";
import { writeReport } from "../../src/excel/report";
import { SHEETS } from "../../src/core/names";
import { assignSheetNames } from "../../src/core/template/sheetNames";
import { createSimulatedHost, SimulatedHost, WorkbookDescription } from "../../src/preview/host";
import { templateCells, templateNames } from "../fixtures/pruefen/snapshots";

let host: SimulatedHost;
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

function open(quartier: string, extra: WorkbookDescription["sheets"] = {}): void {
  const sheet = "QM X";
  const cells = { ...templateCells(quartier), F25: 4999.99, B12: "nein" } as WorkbookDescription["sheets"][string];
  const names = templateNames(sheet).map((n) => ({ name: n.name, ref: `=${n.reference}`, sheet }));
  host = createSimulatedHost({ workbook: { sheets: { [sheet]: cells, ...extra }, names } });
  restore = host.install(globalThis);
}

function cellsOf(sheet: string): Record<string, { value?: unknown; formula?: string }> {
  const s = host.snapshot().sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`kein Blatt ${sheet}`);
  return (s.cells ?? {}) as Record<string, { value?: unknown; formula?: string }>;
}

describe("free report names", () => {
  /** The name writeReport gives its sheet. */
  const freeReportName = (existing: string[], base: string = SHEETS.report): string => assignSheetNames([base], existing).names[0];

  it("never reuse a taken name, ignoring case", () => {
    expect(freeReportName(["QM Nord"])).toBe("Prüfbericht");
    expect(freeReportName(["prüfbericht", "Prüfbericht (2)"])).toBe("Prüfbericht (3)");
    expect(freeReportName(["A".repeat(31)], "A".repeat(31))).toBe("A".repeat(27) + " (2)");
  });

  it("are what the report sheet is called in the workbook", async () => {
    open("Nord", { prüfbericht: { A1: "alt" }, "Prüfbericht (2)": { A1: "älter" } });
    const { result } = await checkInExcel("workbook");
    expect(await writeReport(result, new Date(2026, 2, 5))).toEqual({ sheet: "Prüfbericht (3)", findings: 2 });
    expect(cellsOf("Prüfbericht (3)").A1.value).toBe("Prüfbericht");
  });
});

describe("Prüfbericht", () => {
  it("goes to a new sheet beside an existing report, stamped with date, standard and version", async () => {
    open("Nord", { Prüfbericht: { A1: "Notizen des Nutzers" } });
    const { result } = await checkInExcel("workbook");
    host.resetSyncCount();
    const written = await writeReport(result, new Date(2026, 2, 5));
    expect(host.syncCount()).toBeLessThanOrEqual(2);
    expect(written).toEqual({ sheet: "Prüfbericht (2)", findings: 2 });
    expect(cellsOf("Prüfbericht").A1.value).toBe("Notizen des Nutzers");

    const cells = cellsOf("Prüfbericht (2)");
    expect(cells.A2.value).toBe("Geprüft am 05.03.2026 nach dem Rahmenstandard Quartiermanagement, Version 2026.1");
    expect([cells.A5.value, cells.B5.value]).toEqual(["Nord", "2 Verstöße"]);
    const header = ["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => cells[`${c}7`].value);
    expect(header).toEqual(["Quartier", "Jahr", "Schwere", "Regel", "Meldung", "Soll", "Ist", "Zelle"]);
    const row = ["A", "B", "C", "D", "F", "G", "H"].map((c) => cells[`${c}9`]?.value);
    expect(row).toEqual(["Nord", "2027", "Verstoß", "projektkosten.mindest", "5.000,00 €", "4.999,99 €", "'QM X'!F25"]);
  });

  it("keeps cell text as text: a name like a formula or with <script> is never interpreted", async () => {
    // "'" makes the simulated host store the rest as text, as typing it in Excel would.
    open("'=HYPERLINK(\"http://x\",\"<script>alert(1)</script>\")");
    const { result } = await checkInExcel("workbook");
    const { sheet } = await writeReport(result, new Date(2026, 0, 1));
    const cells = cellsOf(sheet);
    expect(cells.A5).toEqual(expect.objectContaining({ value: "=HYPERLINK(\"http://x\",\"<script>alert(1)</script>\")" }));
    expect(Object.values(cells).some((c) => c.formula !== undefined)).toBe(false);
  });
});

describe("Prüfbericht in English", () => {
  it("has English words, messages and amounts where Office runs in English; rule ids and cells stay", async () => {
    open("Nord");
    const { result } = await checkInExcel("workbook");
    await writeReport(result, new Date(2026, 2, 5), "en");
    const cells = cellsOf("Prüfbericht");
    expect(cells.A1.value).toBe("Check report");
    expect(cells.A2.value).toBe("Checked on 05/03/2026 against the Rahmenstandard Quartiermanagement (neighbourhood management framework standard), version 2026.1");
    expect([cells.A4.value, cells.B4.value]).toEqual(["Neighbourhood", "Result"]);
    expect([cells.A5.value, cells.B5.value]).toEqual(["Nord", "2 violations"]);
    expect(["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => cells[`${c}7`].value)).toEqual(["Neighbourhood", "Year", "Severity", "Rule", "Message", "Expected", "Actual", "Cell"]);
    const rows = Object.entries(cells).filter(([a]) => /^[A-H](8|9)$/.test(a)).map(([, c]) => String(c.value));
    expect(rows).toContain("Violation");
    expect(rows.join(" ")).not.toMatch(/Verstoß|Geplant|verlangt/);
    expect(rows.join(" ")).toMatch(/€4,999\.99/);
  });
});
