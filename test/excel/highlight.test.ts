import { checkInExcel } from "../../src/excel/readPlan";
import { MARK_COLORS, MARKS_SETTINGS_KEY, markFindings, removeMarks } from "../../src/excel/highlight";
import { Finding } from "../../src/core/rules";
import { createSimulatedHost, SimulatedHost, WorkbookDescription } from "../../src/preview/host";
import { templateCells, templateNames } from "../fixtures/pruefen/snapshots";

let host: SimulatedHost;
let restore: () => void;
afterEach(() => restore());

/** Two Quartier sheets with findings in cells the user has formatted in different ways. */
function open(): void {
  const sheets: WorkbookDescription["sheets"] = {};
  const names: NonNullable<WorkbookDescription["names"]> = [];
  for (const sheet of ["QM Nord", "QM Süd"]) {
    sheets[sheet] = templateCells(sheet.slice(3)) as WorkbookDescription["sheets"][string];
    for (const n of templateNames(sheet)) names.push({ name: n.name, ref: `=${n.reference}`, sheet });
  }
  const nord = sheets["QM Nord"];
  nord.B7 = { value: 1.5, format: { fillColor: "#C6EFCE", fillPattern: "Solid", bold: true } }; // Verstoß, user's green fill
  nord.B13 = "nein"; // Verstoß, no fill
  nord.F25 = { value: 4000, format: { fillColor: "#DDEBF7", fillPattern: "Gray50", numberFormat: "#,##0.00" } }; // patterned fill
  nord.B34 = null; // Hinweis: empty measure
  sheets["QM Süd"].B14 = "nein";
  host = createSimulatedHost({ workbook: { sheets, names } });
  restore = host.install(globalThis);
}

async function findings(): Promise<Finding[]> {
  const { result } = await checkInExcel("workbook");
  return result.neighbourhoods.flatMap((n) => n.findings);
}

const sheetsOf = (h: SimulatedHost) => JSON.parse(JSON.stringify(h.snapshot().sheets));
const fillAt = (sheet: string, address: string) => host.workbook.cellView(host.workbook.findSheet(sheet)!, ...position(address)).format;

function position(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return [Number(m[2]) - 1, m[1].charCodeAt(0) - 65];
}

describe("Markieren / Markierungen entfernen", () => {
  it("colours each finding's cell, then restores every cell's own format exactly", async () => {
    open();
    const found = await findings();
    expect(found.map((f) => [f.regel, f.zelle?.sheet, f.zelle?.address])).toEqual([
      ["personal.mindest_vbe", "QM Nord", "B7"],
      ["projektkosten.mindest", "QM Nord", "F25"],
      ["raeume.buero", "QM Nord", "B13"],
      ["schwerpunkte.netzwerk", "QM Nord", "B34"],
      ["raeume.veranstaltungsraum", "QM Süd", "B14"],
    ]);
    const before = sheetsOf(host);

    host.resetSyncCount();
    const marked = await markFindings(found);
    expect(host.syncCount()).toBeLessThanOrEqual(3);
    expect(marked).toEqual({ marked: 5, protectedSheets: [] });
    expect(fillAt("QM Nord", "B7")).toMatchObject({ fillColor: MARK_COLORS.verstoss, bold: true });
    expect(fillAt("QM Nord", "B34")).toMatchObject({ fillColor: MARK_COLORS.hinweis });
    // Not colour alone: a Verstoß is framed by a thick line, a Hinweis striped inside a dashed frame.
    expect(fillAt("QM Nord", "B13")).toMatchObject({ fillPattern: "Solid", borderTop: { style: "Continuous", weight: "Thick" }, borderLeft: { style: "Continuous" } });
    expect(fillAt("QM Nord", "B34")).toMatchObject({ fillPattern: "LightUp", borderTop: { style: "Dash", weight: "Medium" }, borderRight: { style: "Dash" } });
    expect(fillAt("QM Nord", "F25")).toMatchObject({ fillColor: MARK_COLORS.verstoss, fillPattern: "Solid", numberFormat: "#,##0.00" });
    expect(host.snapshot().settings?.[MARKS_SETTINGS_KEY]).toHaveLength(5);

    host.resetSyncCount();
    expect(await removeMarks()).toEqual({ restored: 5, changedByUser: 0, protectedSheets: [], missingSheets: [] });
    expect(host.syncCount()).toBeLessThanOrEqual(3);
    expect(sheetsOf(host)).toEqual(before);
    expect(host.snapshot().settings?.[MARKS_SETTINGS_KEY]).toBeUndefined();
  });

  it("marking twice keeps the original fill, so removing still restores it", async () => {
    open();
    const before = sheetsOf(host);
    const found = await findings();
    await markFindings(found);
    await markFindings(found);
    await removeMarks();
    expect(sheetsOf(host)).toEqual(before);
  });

  it("leaves a fill the user has set since marking, and forgets that mark", async () => {
    open();
    await markFindings(await findings());
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("QM Nord").getRange("B13").format.fill.color = "#0000FF";
      await context.sync();
    });
    expect(await removeMarks()).toEqual({ restored: 4, changedByUser: 1, protectedSheets: [], missingSheets: [] });
    expect(fillAt("QM Nord", "B13")).toMatchObject({ fillColor: "#0000FF" });
    expect(await removeMarks()).toEqual({ restored: 0, changedByUser: 0, protectedSheets: [], missingSheets: [] });
  });

  it("marking again takes a fill the user has set since as the cell's own, so removing restores that fill", async () => {
    open();
    const found = await findings();
    await markFindings(found);
    await Excel.run(async (context) => {
      const nord = context.workbook.worksheets.getItem("QM Nord");
      nord.getRange("B13").format.fill.color = "#0000FF";
      // Our colour with another pattern is the user's fill too.
      nord.getRange("F25").format.fill.pattern = "Gray25";
      await context.sync();
    });
    await markFindings(found);
    expect(fillAt("QM Nord", "B13")).toMatchObject({ fillColor: MARK_COLORS.verstoss, fillPattern: "Solid" });
    const removed = await removeMarks();
    expect(fillAt("QM Nord", "B13")).toMatchObject({ fillColor: "#0000FF", fillPattern: "Solid" });
    expect(fillAt("QM Nord", "F25")).toMatchObject({ fillColor: MARK_COLORS.verstoss, fillPattern: "Gray25" });
    expect(removed).toEqual({ restored: 5, changedByUser: 0, protectedSheets: [], missingSheets: [] });
  });

  it("finds the marks of a sheet renamed in between", async () => {
    open();
    const before = sheetsOf(host);
    await markFindings(await findings());
    const rename = (from: string, to: string) =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(from).name = to;
        await context.sync();
      });
    await rename("QM Nord", "QM Nordost");
    host.resetSyncCount();
    expect(await removeMarks()).toEqual({ restored: 5, changedByUser: 0, protectedSheets: [], missingSheets: [] });
    expect(host.syncCount()).toBeLessThanOrEqual(3);
    expect(host.snapshot().settings?.[MARKS_SETTINGS_KEY]).toBeUndefined();
    await rename("QM Nordost", "QM Nord");
    expect(sheetsOf(host)).toEqual(before);
  });

  it("does not touch a sheet protected against formatting, and says so", async () => {
    open();
    const found = await findings();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("QM Süd").protection.protect({ allowFormatCells: false });
      await context.sync();
    });
    const before = sheetsOf(host);
    const result = await markFindings(found);
    expect(result).toEqual({ marked: 4, protectedSheets: ["QM Süd"] });
    expect(sheetsOf(host).find((s: { name: string }) => s.name === "QM Süd")).toEqual(before.find((s: { name: string }) => s.name === "QM Süd"));
    await removeMarks();
    expect(sheetsOf(host)).toEqual(before);
  });

  it("keeps and names the marks of a sheet deleted in between", async () => {
    open();
    await markFindings(await findings());
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("QM Süd").delete();
      await context.sync();
    });
    expect(await removeMarks()).toEqual({ restored: 4, changedByUser: 0, protectedSheets: [], missingSheets: ["QM Süd"] });
    expect(host.snapshot().settings?.[MARKS_SETTINGS_KEY]).toMatchObject([{ sheet: "QM Süd", address: "B14" }]);
    expect(await removeMarks()).toEqual({ restored: 0, changedByUser: 0, protectedSheets: [], missingSheets: ["QM Süd"] });
  });
});
