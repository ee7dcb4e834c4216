/**
 * The model side of the simulated host: sparse storage, snapshots, change events for the
 * preview's grid, user edits, settings.
 */
import { createSimulatedHost, fromSnapshot, type ModelChange } from "../../src/preview/host";
import { TEST_FUNCTIONS, withHost } from "./helpers";

let host: ReturnType<typeof withHost>;
afterEach(() => host.restore());

test("a 100 000-row sparse used range loads with its few cells in place", async () => {
  host = withHost({ workbook: { sheets: { Weit: { A1: "Einwohner", B2: 12345, Z100000: "=B2*2" } } } });
  expect(host.workbook.findSheet("Weit")!.cells.size).toBe(3);
  await Excel.run(async (context) => {
    const used = context.workbook.worksheets.getItem("Weit").getUsedRange(true).load("address, rowCount, columnCount, values");
    await context.sync();
    expect([used.address, used.rowCount, used.columnCount]).toEqual(["Weit!A1:Z100000", 100000, 26]);
    expect(used.values[0][0]).toBe("Einwohner");
    expect(used.values[1][1]).toBe(12345);
    expect(used.values[99999][25]).toBe(24690);
    expect(used.values[50000][10]).toBe("");
  });
});

test("a snapshot round trip keeps cells, formats, names, objects and settings", async () => {
  host = withHost({
    workbook: {
      sheets: {
        Parameter: { A1: "Satz", B1: 2 },
        "QM Nord": { A1: "Einwohner", B1: 3000, "A2:B2": [["Projektkosten", "=MAX(Satz*Einwohner,5000)"]] },
      },
      names: [
        { name: "Satz", ref: "=Parameter!$B$1" },
        { name: "Einwohner", ref: "='QM Nord'!$B$1", sheet: "QM Nord" },
      ],
    },
  });
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("QM Nord");
    sheet.getRange("B2").numberFormat = [['#,##0.00 "€"']];
    sheet.getRange("B2").format.font.bold = true;
    sheet.getRange("B:B").format.columnWidth = 90;
    sheet.getRange("B1").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
    sheet.getRange("B2").conditionalFormats.add("CellValue").cellValue.rule = { formula1: "6000", operator: "LessThan" };
    sheet.charts.add("Pie", sheet.getRange("A1:B2"));
    sheet.getRange("D1:E1").merge(false);
    sheet.protection.protect();
    sheet.freezePanes.freezeRows(1);
    context.workbook.worksheets.getItem("Parameter").visibility = "Hidden";
    await context.sync();
  });
  host.Office.context.document.settings.set("parameter", { satz: 2 });
  host.Office.context.document.settings.saveAsync();

  const json = JSON.stringify(host.snapshot());
  const reopened = fromSnapshot(json, { functions: TEST_FUNCTIONS });
  expect(reopened.snapshot()).toEqual(JSON.parse(json));
  const sheet = reopened.workbook.findSheet("QM Nord")!;
  expect(reopened.workbook.cellView(sheet, 1, 1)).toMatchObject({ text: "6.000,00 €", value: 6000, formula: "=MAX(Satz*Einwohner,5000)" });
  expect(reopened.Office.context.document.settings.get("parameter")).toEqual({ satz: 2 });
  expect(reopened.workbook.findSheet("Parameter")!.visibility).toBe("Hidden");
  expect(sheet.protection.protected).toBe(true);
});

test("document settings reach the workbook only through saveAsync", () => {
  host = withHost();
  const settings = host.Office.context.document.settings;
  settings.set("sprache", "de");
  expect(settings.get("sprache")).toBe("de");
  expect(host.snapshot().settings).toBeUndefined();
  settings.saveAsync();
  expect(host.snapshot().settings).toEqual({ sprache: "de" });
  settings.remove("sprache");
  settings.saveAsync();
  expect(settings.get("sprache")).toBeNull();
  expect(host.snapshot().settings).toBeUndefined();
});

test("Office basics: onReady, display language, host type", async () => {
  host = withHost({ displayLanguage: "en-US" });
  const info = await Office.onReady();
  expect(info.host).toBe(Office.HostType.Excel);
  expect(Office.context.displayLanguage).toBe("en-US");
  host.Office.context.displayLanguage = "de-DE";
  expect(Office.context.displayLanguage).toBe("de-DE");
});

test("one change event per sync, naming what changed", async () => {
  host = withHost({ workbook: { sheets: { Eins: {}, Zwei: {} } } });
  const events: ModelChange[] = [];
  const unsubscribe = host.workbook.onChange((c) => events.push(c));
  await Excel.run(async (context) => {
    const eins = context.workbook.worksheets.getItem("Eins");
    eins.getRange("A1:B2").values = [[1, 2], [3, 4]];
    eins.getRange("A1").format.fill.color = "yellow";
    eins.getRange("A1").values = [[5]];
    context.workbook.worksheets.getItem("Zwei").getRange("A1").load("values");
    await context.sync();
    context.workbook.worksheets.getItem("Zwei").getRange("A1").load("values"); // reads only
    await context.sync();
    context.workbook.worksheets.add("Drei");
    context.workbook.worksheets.getItem("Zwei").getRange("C3").select();
    await context.sync();
  });
  expect(events).toEqual([
    { source: "api", structure: false, cells: ["Eins"], formats: ["Eins"], objects: [], names: false, selection: false, settings: false },
    { source: "api", structure: true, cells: [], formats: [], objects: [], names: false, selection: true, settings: false },
  ]);
  unsubscribe();
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Eins").getRange("A1").values = [[6]];
    await context.sync();
  });
  expect(events).toHaveLength(2);
});

test("a person's edits: German numbers, formulas, refusals, and the add-in's onChanged handler", async () => {
  host = withHost({ workbook: { sheets: { Plan: { A1: "VbE", C1: "=B1*2" } } } });
  const seen: unknown[] = [];
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Plan");
    sheet.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
      seen.push(args.address);
    });
    sheet.getRange("D1").dataValidation.rule = { list: { inCellDropDown: true, source: "ja,nein" } };
    await context.sync();
  });
  const events: ModelChange[] = [];
  host.workbook.onChange((c) => events.push(c));
  expect(host.workbook.setCellFromUser("Plan", "B1", "1,5")).toEqual({ ok: true });
  expect(host.workbook.setCellFromUser("Plan", "B2", "12.345,67 €")).toEqual({ ok: true });
  expect(host.workbook.setCellFromUser("Plan", "B3", "=SUM(B1:B2)")).toEqual({ ok: true });
  expect(host.workbook.setCellFromUser("Plan", "D1", "vielleicht")).toMatchObject({ ok: false, code: "InvalidArgument" });
  expect(host.workbook.setCellFromUser("Plan", "D1", "ja")).toEqual({ ok: true });
  await Promise.resolve();
  const sheet = host.workbook.findSheet("Plan")!;
  expect([sheet.get(0, 1)?.value, sheet.get(1, 1)?.value, host.workbook.cellView(sheet, 0, 2).text, host.workbook.cellView(sheet, 2, 1).text]).toEqual([
    1.5,
    12345.67,
    "3",
    "12347,17",
  ]);
  expect(seen).toEqual(["B1", "B2", "B3", "D1"]);
  expect(events.map((e) => [e.source, e.cells])).toEqual([
    ["user", ["Plan"]],
    ["user", ["Plan"]],
    ["user", ["Plan"]],
    ["user", ["Plan"]],
  ]);
  expect(host.workbook.selectFromUser("Plan", "B2")).toEqual({ ok: true });
  await Excel.run(async (context) => {
    const selected = context.workbook.getSelectedRange().load("address");
    await context.sync();
    expect(selected.address).toBe("Plan!B2");
  });
});

test("a host without a workbook opens one empty German sheet", () => {
  const bare = createSimulatedHost();
  expect(bare.workbook.sheets.map((s) => s.name)).toEqual(["Tabelle1"]);
  expect(bare.workbook.activeSheet.name).toBe("Tabelle1");
});
