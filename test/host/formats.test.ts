/**
 * Formats, cell properties, conditional formats, data validation, protection, charts and
 * other objects of the simulated host.
 */
import { withHost } from "./helpers";

let host: ReturnType<typeof withHost>;
afterEach(() => host.restore());

const PROPS: Excel.CellPropertiesLoadOptions = { address: true, format: { fill: { color: true, pattern: true }, font: { bold: true, color: true } } };

function fixture() {
  return withHost({
    workbook: {
      sheets: {
        Plan: {
          A1: { value: 1, format: { fillColor: "#FFFF00", bold: true } },
          A2: 2,
          A3: { value: 3, format: { fontColor: "#FF0000" } },
        },
      },
    },
  });
}

describe("getCellProperties / setCellProperties", () => {
  test("highlighting and restoring what was read gives back exactly the original formats", async () => {
    host = fixture();
    const original = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Plan").getRange("A1:A3");
      const props = range.getCellProperties(PROPS);
      await context.sync();
      return props.value;
    });
    expect(original.map((row) => row[0])).toEqual([
      { address: "Plan!A1", format: { fill: { color: "#FFFF00", pattern: "Solid" }, font: { bold: true, color: "#000000" } } },
      { address: "Plan!A2", format: { fill: { color: "#FFFFFF", pattern: "None" }, font: { bold: false, color: "#000000" } } },
      { address: "Plan!A3", format: { fill: { color: "#FFFFFF", pattern: "None" }, font: { bold: false, color: "#FF0000" } } },
    ]);

    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Plan").getRange("A1:A3");
      range.format.fill.color = "#FFC7CE";
      range.format.font.color = "#9C0006";
      range.format.font.bold = true;
      await context.sync();
    });
    const sheet = host.workbook.findSheet("Plan")!;
    expect(sheet.formatAt(1, 0)).toMatchObject({ fillColor: "#FFC7CE", fontColor: "#9C0006", bold: true });

    const restored = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Plan").getRange("A1:A3");
      range.setCellProperties(original.map((row) => row.map(({ format }) => ({ format }))));
      const props = range.getCellProperties(PROPS);
      await context.sync();
      return props.value;
    });
    expect(restored).toEqual(original);
    expect(sheet.formatAt(1, 0).fillColor).toBeUndefined();
  });

  test("restoring only the colour of a cell without fill paints it white (the Excel trap)", async () => {
    host = fixture();
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Plan").getRange("A2");
      cell.format.fill.color = "#FFC7CE";
      cell.setCellProperties([[{ format: { fill: { color: "#FFFFFF" } } }]]);
      const fill = cell.format.fill.load("color, pattern");
      await context.sync();
      expect([fill.color, fill.pattern]).toEqual(["#FFFFFF", "Solid"]);
    });
  });

  test("a format read over cells that differ is null", async () => {
    host = fixture();
    await Excel.run(async (context) => {
      const font = context.workbook.worksheets.getItem("Plan").getRange("A1:A2").format.font.load("bold, name");
      await context.sync();
      expect(font.bold).toBeNull();
      expect(font.name).toBe("Calibri");
    });
  });
});

describe("conditional formats and data validation", () => {
  test("conditional formats are stored with rule, format and priority; clearAll removes them", async () => {
    host = withHost({ workbook: { sheets: { Plan: {} } } });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Plan").getRange("C2:E2");
      const below = range.conditionalFormats.add(Excel.ConditionalFormatType.cellValue);
      below.cellValue.format.fill.color = "#FFC7CE";
      below.cellValue.format.font.color = "#9C0006";
      below.cellValue.rule = { formula1: "=$B2", operator: Excel.ConditionalCellValueOperator.lessThan };
      const custom = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      custom.custom.rule.formula = "=C2<>$B2";
      custom.custom.format.font.bold = true;
      const count = range.conditionalFormats.getCount();
      const items = range.conditionalFormats.load("items/type,items/priority");
      await context.sync();
      expect(count.value).toBe(2);
      expect(items.items.map((i) => [i.type, i.priority])).toEqual([
        ["Custom", 0],
        ["CellValue", 1],
      ]);
    });
    const sheet = host.workbook.findSheet("Plan")!;
    expect(sheet.conditionalFormats.map((c) => [c.type, c.rule, c.format])).toEqual([
      ["Custom", { formula: "=C2<>$B2" }, { bold: true }],
      ["CellValue", { formula1: "=$B2", operator: "LessThan" }, { fillColor: "#FFC7CE", fontColor: "#9C0006" }],
    ]);
    await expect(
      Excel.run(async (context) => {
        const cf = context.workbook.worksheets.getItem("Plan").getRange("C3").conditionalFormats.add("CellValue");
        cf.cellValue.rule = { formula1: "=MAX(1;2)", operator: "LessThan" };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Plan").getRange("A1:Z10").conditionalFormats.clearAll();
      await context.sync();
    });
    expect(sheet.conditionalFormats).toEqual([]);
  });

  test("a dropdown list rule is stored, read back, checked and cleared", async () => {
    host = withHost({ workbook: { sheets: { Plan: { B3: "ja", B4: "vielleicht" }, Listen: { A1: "ja", A2: "nein" } } } });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("B3:B5").dataValidation.rule = { list: { inCellDropDown: true, source: "ja,nein" } };
      sheet.getRange("C3").dataValidation.rule = { list: { inCellDropDown: true, source: context.workbook.worksheets.getItem("Listen").getRange("A1:A2") as unknown as string } };
      const v = sheet.getRange("B3:B5").dataValidation.load("type, rule, valid");
      const first = sheet.getRange("B3").dataValidation.load("valid");
      const linked = sheet.getRange("C3").dataValidation.load("rule");
      const mixed = sheet.getRange("B5:C5").dataValidation.load("type");
      await context.sync();
      expect(v.type).toBe("List");
      expect(v.rule).toEqual({ list: { inCellDropDown: true, source: "ja,nein" } });
      expect(v.valid).toBe(false);
      expect(first.valid).toBe(true);
      expect(linked.rule.list?.source).toBe("=Listen!$A$1:$A$2");
      expect(mixed.type).toBe("Inconsistent");
      sheet.getRange("B3:B5").dataValidation.clear();
      const cleared = sheet.getRange("B3:B5").dataValidation.load("type");
      await context.sync();
      expect(cleared.type).toBe("None");
    });
  });
});

describe("protection", () => {
  test("a protected sheet refuses changes to locked cells and formats, accepts unlocked cells", async () => {
    host = withHost({ workbook: { sheets: { Plan: { A1: "=B1*2", B1: 1 } } } });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.getRange("B1").format.protection.locked = false;
      sheet.protection.protect({ allowFormatColumns: true });
      const p = sheet.protection.load("protected");
      await context.sync();
      expect(p.protected).toBe(true);
      sheet.getRange("B1").values = [[5]];
      sheet.getRange("A:A").format.columnWidth = 120;
      await context.sync();
    });
    const attempt = (write: (sheet: Excel.Worksheet) => void) =>
      Excel.run(async (context) => {
        write(context.workbook.worksheets.getItem("Plan"));
        await context.sync();
      });
    await expect(attempt((s) => (s.getRange("A1").values = [[0]]))).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(attempt((s) => (s.getRange("B1").format.fill.color = "#FFC7CE"))).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(attempt((s) => s.protection.protect())).rejects.toMatchObject({ code: "InvalidOperation" });
    await attempt((s) => {
      s.protection.unprotect();
      s.getRange("A1").format.fill.color = "#FFC7CE";
    });
    const sheet = host.workbook.findSheet("Plan")!;
    expect(sheet.get(0, 1)?.value).toBe(5);
    expect(sheet.columnWidth(0)).toBe(120);
    expect(sheet.formatAt(0, 0).fillColor).toBe("#FFC7CE");
  });
});

describe("sheets, layout and objects", () => {
  test("charts, frozen panes, merges, widths and sheet properties are stored", async () => {
    host = withHost({ workbook: { sheets: { Vergleich: { A1: "Quartier", B1: "Gesamt", A2: "Nord", B2: 100, A3: "Süd", B3: 200, C2: "weg" } } } });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Vergleich");
      const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange("A1:B3"), Excel.ChartSeriesBy.columns);
      chart.title.text = "Gesamt je Quartier";
      chart.setPosition("D2", "J15");
      sheet.freezePanes.freezeRows(1);
      sheet.getRange("B2:C2").merge();
      sheet.getRange("A:A").format.autofitColumns();
      sheet.tabColor = "#0078D4";
      sheet.position = 0;
      const added = context.workbook.worksheets.add();
      added.load("name, position");
      const areas = sheet.getRange("A1:C3").getMergedAreasOrNullObject().load("address");
      const charts = sheet.charts.load("items/name,items/chartType");
      await context.sync();
      expect(added.name).toBe("Tabelle1");
      expect(added.position).toBe(1);
      expect(areas.address).toBe("Vergleich!B2:C2");
      expect(charts.items.map((c) => [c.name, c.chartType])).toEqual([["Diagramm 1", "ColumnClustered"]]);
    });
    const sheet = host.workbook.findSheet("Vergleich")!;
    expect(sheet.charts[0]).toMatchObject({ chartType: "ColumnClustered", seriesBy: "Columns", title: "Gesamt je Quartier", source: { row: 0, col: 0, rows: 3, cols: 2 }, top: 15 });
    expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
    expect(sheet.get(1, 2)).toBeUndefined(); // merged away
    expect(sheet.columnWidth(0)).toBeGreaterThan(sheet.standardWidth);
    expect(sheet.tabColor).toBe("#0078D4");
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Vergleich").charts.add("Balken" as Excel.ChartType, context.workbook.worksheets.getItem("Vergleich").getRange("A1:B3"));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("selection, active sheet and deleting sheets behave like Excel", async () => {
    host = withHost({ workbook: { sheets: { Eins: {}, Zwei: {} } } });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Zwei").getRange("B2:C4").select();
      const selected = context.workbook.getSelectedRange().load("address");
      const active = context.workbook.getActiveCell().load("address");
      const activeSheet = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect([selected.address, active.address, activeSheet.name]).toEqual(["Zwei!B2:C4", "Zwei!B2", "Zwei"]);
      context.workbook.worksheets.getItem("Zwei").delete();
      await context.sync();
    });
    expect(host.workbook.activeSheet.name).toBe("Eins");
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Eins").delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});
