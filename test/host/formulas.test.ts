/**
 * Formula computation of the simulated host: defined names (sheet- and workbook-scoped),
 * injected QM.* functions, Excel error values, how written values are read.
 */
import { createSimulatedHost } from "../../src/preview/host";
import { TEST_FUNCTIONS, withHost } from "./helpers";

let host: ReturnType<typeof withHost>;
afterEach(() => host.restore());

async function valuesOf(sheet: string, address: string): Promise<unknown[][]> {
  return Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("values");
    await context.sync();
    return range.values;
  });
}

describe("defined names", () => {
  test("the same sheet-scoped name on two sheets resolves to each sheet's own cell", async () => {
    host = withHost({ workbook: { sheets: { "QM Nord": { A1: "Einwohner", B1: 1000 }, "QM Süd": { A1: "Einwohner", B1: 3000 } } } });
    await Excel.run(async (context) => {
      for (const name of ["QM Nord", "QM Süd"]) {
        const sheet = context.workbook.worksheets.getItem(name);
        sheet.names.add("Einwohner", sheet.getRange("B1"));
        sheet.getRange("B2").formulas = [["=MAX(2*Einwohner,5000)"]];
      }
      await context.sync();
    });
    expect(await valuesOf("QM Nord", "B2")).toEqual([[5000]]);
    expect(await valuesOf("QM Süd", "B2")).toEqual([[6000]]);

    await Excel.run(async (context) => {
      const item = context.workbook.worksheets.getItem("QM Süd").names.getItem("Einwohner").load("name, type, value, formula, scope");
      const workbookLevel = context.workbook.names.getItemOrNullObject("Einwohner");
      await context.sync();
      expect(item.toJSON()).toMatchObject({ name: "Einwohner", type: "Range", value: "'QM Süd'!$B$1", formula: "='QM Süd'!$B$1", scope: "Worksheet" });
      expect(workbookLevel.isNullObject).toBe(true);
    });
  });

  test("workbook names work everywhere; a sheet's own name wins on that sheet only", async () => {
    host = withHost({
      workbook: {
        sheets: { Parameter: { A1: "Satz", B1: 2 }, Eins: { B1: 10, B2: "=Satz*B1" }, Zwei: { B1: 10, C1: 5, B2: "=Satz*B1" } },
        names: [{ name: "Satz", ref: "=Parameter!$B$1" }],
      },
    });
    expect(await valuesOf("Eins", "B2")).toEqual([[20]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Zwei").names.add("Satz", "=Zwei!$C$1");
      const range = context.workbook.names.getItem("Satz").getRange().load("address");
      await context.sync();
      expect(range.address).toBe("Parameter!B1");
    });
    expect(await valuesOf("Eins", "B2")).toEqual([[20]]);
    expect(await valuesOf("Zwei", "B2")).toEqual([[50]]);
  });

  test("a formula written before its name is defined computes once the name exists", async () => {
    host = withHost({ workbook: { sheets: { Blatt: { B1: 4, B2: "=Basis+1" } } } });
    expect(await valuesOf("Blatt", "B2")).toEqual([["#NAME?"]]);
    await Excel.run(async (context) => {
      const item = context.workbook.names.add("Basis", context.workbook.worksheets.getItem("Blatt").getRange("B1"), "Grundwert");
      item.load("type, comment, visible");
      await context.sync();
      expect([item.type, item.comment, item.visible]).toEqual(["Range", "Grundwert", true]);
    });
    expect(await valuesOf("Blatt", "B2")).toEqual([[5]]);
  });

  test("a duplicate name is ItemAlreadyExists, a cell-like name InvalidArgument", async () => {
    host = withHost({ workbook: { sheets: { Blatt: {} }, names: [{ name: "Satz", ref: "=0.5" }] } });
    await expect(
      Excel.run(async (context) => {
        context.workbook.names.add("satz", "=1");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(
      Excel.run(async (context) => {
        context.workbook.names.add("QM1", "=1");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await Excel.run(async (context) => {
      const names = context.workbook.names.load("items/name,items/type,items/value");
      await context.sync();
      expect(names.items.map((n) => [n.name, n.type, n.value])).toEqual([["Satz", "Double", 0.5]]);
    });
  });
});

describe("QM.* functions", () => {
  test("registered from the injected registry, with raw arguments and error results", async () => {
    host = withHost({
      workbook: {
        sheets: {
          Blatt: {
            B1: 21,
            A2: "=QM.DOPPELT(B1)",
            A3: '=QM.DOPPELT("x")',
            A4: '=QM.ARGS(B1,"t",TRUE)',
            A5: "=QM.ARGS(Z99)",
            // Omitted optional arguments arrive as null, as Excel passes them.
            A6: "=QM.ARGS(B1:B2)",
            A7: "=qm.doppelt(2)",
            A8: "=QM.DOPPELT()",
            A9: "=QM.DOPPELT(1/0)",
          },
        },
      },
    });
    expect(await valuesOf("Blatt", "A2:A9")).toEqual([[42], ["#VALUE!"], [123], [0], [400], [4], ["#N/A"], ["#DIV/0!"]]);
    const sheet = host.workbook.findSheet("Blatt")!;
    expect(host.workbook.cellView(sheet, 2, 0).value).toEqual({ error: "#VALUE!", message: "DOPPELT braucht eine Zahl." });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Blatt").getRange("A2:A3").load("valueTypes, text");
      await context.sync();
      expect(range.valueTypes).toEqual([["Double"], ["Error"]]);
      expect(range.text).toEqual([["42"], ["#VALUE!"]]);
    });
  });

  test("each host has exactly its own functions; an earlier host keeps working", async () => {
    host = withHost({ workbook: { sheets: { Blatt: { A1: "=QM.DOPPELT(2)" } } } });
    const other = createSimulatedHost({ functions: TEST_FUNCTIONS.filter((f) => f.name !== "DOPPELT"), workbook: { sheets: { Blatt: { A1: "=QM.DOPPELT(2)" } } } });
    const otherSheet = other.workbook.findSheet("Blatt")!;
    expect(other.workbook.cellView(otherSheet, 0, 0).value).toMatchObject({ error: "#NAME?" });
    expect(await valuesOf("Blatt", "A1")).toEqual([[4]]);
  });
});

describe("Worksheet.calculate", () => {
  test("recomputes that sheet's formulas whose input lies outside the cells, and their dependants on any sheet; other sheets stay as they were", async () => {
    // A function whose result changes without any cell changing, as QM.* after new figures.
    let factor = 2;
    const functions = [{ name: "MAL", minArgs: 1, maxArgs: 1, impl: (x: unknown) => (x as number) * factor }];
    const sheets = {
      A: { B1: 10, A1: "=QM.MAL(B1)", A2: "=A1+1", A3: "=SUM(A1:A2)" },
      B: { A1: "=QM.MAL(5)", A2: "=A!A2*10" },
      C: { A1: "=A!A1+B!A1" },
    };
    host = Object.assign(createSimulatedHost({ functions, workbook: { sheets } }), { restore: () => undefined });
    host.restore = host.install(globalThis);
    expect(await valuesOf("A", "A1:A3")).toEqual([[20], [21], [41]]);

    factor = 3;
    // Nothing tells the engine: the cells stay stale, as in Excel, also after a calculation
    // of only the dirty cells.
    expect(await valuesOf("A", "A1:A3")).toEqual([[20], [21], [41]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("A").calculate(false);
      await context.sync();
    });
    expect(await valuesOf("A", "A1:A3")).toEqual([[20], [21], [41]]);
    host.workbook.calculations.length = 0;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("A").calculate(true);
      await context.sync();
    });
    expect(host.workbook.calculations).toEqual([{ kind: "sheet", sheet: "A" }]);
    expect(await valuesOf("A", "A1:A3")).toEqual([[30], [31], [61]]);
    // B's own QM cell was not calculated; its dependant of sheet A follows, as does C.
    expect(await valuesOf("B", "A1:A2")).toEqual([[10], [310]]);
    expect(await valuesOf("C", "A1")).toEqual([[40]]);

    // An edit afterwards still recalculates as usual, with the calculated values.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("B1").values = [[20]];
      await context.sync();
    });
    expect(await valuesOf("A", "A1:A3")).toEqual([[60], [61], [121]]);
    expect(await valuesOf("C", "A1")).toEqual([[70]]);
  });
});

describe("Excel error values and writes", () => {
  test("formula errors read as Excel's error values", async () => {
    host = withHost({
      workbook: {
        sheets: {
          Quelle: { A1: 3 },
          Blatt: { A1: "=1/0", A2: "=UNBEKANNT(1)", A3: "=SQRT(-1)", A4: "=NA()", A5: '="a"+1', A6: "=Quelle!A1*2", A7: "=A8", A8: "=A7" },
        },
      },
    });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Quelle").delete();
      await context.sync();
    });
    // A circular reference shows 0 in Excel (with a warning), not an error value.
    expect(await valuesOf("Blatt", "A1:A8")).toEqual([["#DIV/0!"], ["#NAME?"], ["#NUM!"], ["#N/A"], ["#VALUE!"], ["#REF!"], [0], [0]]);
  });

  test("renaming a sheet rewrites the formulas and names that refer to it", async () => {
    host = withHost({ workbook: { sheets: { Quelle: { A1: 3 }, Blatt: { A1: "=Quelle!A1*2" } }, names: [{ name: "Wert", ref: "=Quelle!$A$1" }] } });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Quelle").name = "Neue Quelle";
      const range = context.workbook.worksheets.getItem("Blatt").getRange("A1").load("formulas, values");
      const name = context.workbook.names.getItem("Wert").load("formula");
      await context.sync();
      expect(range.formulas).toEqual([["='Neue Quelle'!A1*2"]]);
      expect(range.values).toEqual([[6]]);
      expect(name.formula).toBe("='Neue Quelle'!$A$1");
    });
  });

  test("values are read as Excel reads them; null leaves a cell unchanged; '@' keeps text", async () => {
    host = withHost({ workbook: { sheets: { Blatt: { A6: "bleibt" } } } });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blatt");
      sheet.getRange("A5").numberFormat = [["@"]];
      sheet.getRange("A1:A6").values = [["=2+3"], ["12.5"], ["'12"], ["true"], ["0815"], [null]];
      const range = sheet.getRange("A1:A6").load("values, formulas, valueTypes");
      await context.sync();
      expect(range.values).toEqual([[5], [12.5], ["12"], [true], ["0815"], ["bleibt"]]);
      expect(range.formulas).toEqual([["=2+3"], [12.5], ["12"], [true], ["0815"], ["bleibt"]]);
      expect(range.valueTypes).toEqual([["Double"], ["Double"], ["String"], ["Boolean"], ["String"], ["String"]]);
    });
  });

  test("text applies number formats in the workbook's locale", async () => {
    host = withHost({ workbook: { sheets: { Blatt: { A1: 12345.678, A2: 0.125, A3: -2000, A4: 46082, A5: 12345.678 } } } });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blatt");
      sheet.getRange("A1:A5").numberFormat = [['#,##0.00 "€"'], ["0.0%"], ["#,##0;[Red]-#,##0"], ["dd.mm.yyyy"], ["General"]];
      const range = sheet.getRange("A1:A5").load("text");
      await context.sync();
      expect(range.text).toEqual([["12.345,68 €"], ["12,5%"], ["-2.000"], ["01.03.2026"], ["12345,678"]]);
    });
  });
});
