/**
 * Office.js proxy semantics of the simulated host: queueing, load/sync, sync counting,
 * errors at sync time, null objects.
 */
import { withHost } from "./helpers";

let host: ReturnType<typeof withHost>;
afterEach(() => host.restore());

describe("sync counting", () => {
  test("counts each sync that had queued work, including the implicit one at the end of Excel.run", async () => {
    host = withHost({ workbook: { sheets: { Daten: { A1: 1 } } } });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Daten").getRange("A1");
      range.load("values");
      await context.sync();
      await context.sync(); // nothing queued: no round trip
      range.values = [[2]]; // left queued: Excel.run syncs it at the end
    });
    expect(host.syncCount()).toBe(2);
    expect(host.workbook.findSheet("Daten")?.get(0, 0)?.value).toBe(2);
    host.resetSyncCount();
    expect(host.syncCount()).toBe(0);
  });

  test("Excel.run refuses a batch function that returns no promise", async () => {
    host = withHost();
    await expect(Excel.run((() => undefined) as never)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });
});

describe("load and sync", () => {
  test("reading a property before load and sync throws PropertyNotLoaded", async () => {
    host = withHost({ workbook: { sheets: { Daten: { A1: 5 } } } });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Daten").getRange("A1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      // Loaded only at the sync, not at load().
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([[5]]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("a ClientResult is readable only after the sync", async () => {
    host = withHost({ workbook: { sheets: { A: {}, B: {} } } });
    await Excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
      await context.sync();
      expect(count.value).toBe(2);
    });
  });

  test("writes are queued and applied at sync, in order; load captures values at its place in the queue", async () => {
    host = withHost({ workbook: { sheets: { Daten: { A1: 1, B1: "=A1*10" } } } });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Daten");
      const a1 = sheet.getRange("A1");
      const before = sheet.getRange("B1").load("values");
      a1.values = [[7]];
      const after = sheet.getRange("B1").load("values");
      expect(host.workbook.findSheet("Daten")?.get(0, 0)?.value).toBe(1); // not yet
      expect(a1.values).toEqual([[7]]); // a written value reads back as written
      await context.sync();
      expect(before.values).toEqual([[10]]);
      expect(after.values).toEqual([[70]]);
    });
  });

  test("load accepts strings, arrays, navigation paths and collection item paths", async () => {
    host = withHost({ workbook: { sheets: { Eins: { A1: "x" }, Zwei: {} } } });
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const range = context.workbook.worksheets.getItem("Eins").getRange("A1").load(["address", "format/font/bold"]);
      range.format.fill.load({ color: true });
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Eins", "Zwei"]);
      expect(range.address).toBe("Eins!A1");
      expect(range.format.font.bold).toBe(false);
      expect(range.format.fill.color).toBe("#FFFFFF");
    });
  });

  test("loading a property that does not exist fails the sync", async () => {
    host = withHost();
    await expect(
      Excel.run(async (context) => {
        context.workbook.getSelectedRange().load("valuez");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("errors at sync time", () => {
  test("an error aborts the rest of the batch; what ran before stays; the code and statement are reported", async () => {
    host = withHost({ workbook: { sheets: { Daten: {} } } });
    const error = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Daten");
      sheet.getRange("A1").values = [["vorher"]];
      context.workbook.worksheets.add("Daten"); // exists already
      sheet.getRange("A2").values = [["nachher"]];
      await context.sync();
    }).catch((e: unknown) => e as OfficeExtension.Error);
    expect(error).toMatchObject({ name: "RichApi.Error", code: "ItemAlreadyExists" });
    expect((error as OfficeExtension.Error).debugInfo.errorLocation).toBe("Worksheet.instantiate");
    const sheet = host.workbook.findSheet("Daten");
    expect(sheet?.get(0, 0)?.value).toBe("vorher");
    expect(sheet?.get(1, 0)).toBeUndefined();
  });

  test("getItem of a missing sheet fails with ItemNotFound even when the object is not used further", async () => {
    host = withHost();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Fehlt");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("a values array of the wrong size is InvalidArgument and writes nothing", async () => {
    host = withHost({ workbook: { sheets: { Daten: {} } } });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Daten").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.workbook.findSheet("Daten")?.cells.size).toBe(0);
  });

  test("a formula with German separators is InvalidArgument; the statement writes nothing", async () => {
    host = withHost({ workbook: { sheets: { Daten: {} } } });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Daten").getRange("A1:A2").formulas = [["=1+1"], ["=MAX(1;2)"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.workbook.findSheet("Daten")?.cells.size).toBe(0);
  });

  test("an invalid sheet name is InvalidArgument; an invalid reference address too", async () => {
    host = withHost();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.add("Quartier: Nord");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("Z0");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("null objects", () => {
  test("getItemOrNullObject and getUsedRangeOrNullObject report isNullObject after the sync", async () => {
    host = withHost({ workbook: { sheets: { Leer: {}, Voll: { C3: 1 } } } });
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Fehlt");
      const present = context.workbook.worksheets.getItemOrNullObject("voll"); // case-insensitive
      const emptyUsed = context.workbook.worksheets.getItem("Leer").getUsedRangeOrNullObject();
      const used = context.workbook.worksheets.getItem("Voll").getUsedRangeOrNullObject().load("address");
      const name = context.workbook.names.getItemOrNullObject("Gibtsnicht");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(emptyUsed.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(false);
      expect(used.address).toBe("Voll!C3");
      expect(name.isNullObject).toBe(true);
    });
  });

  test("getUsedRange of an empty sheet is A1, as in Excel", async () => {
    host = withHost({ workbook: { sheets: { Leer: {} } } });
    await Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Leer").getUsedRange().load("address");
      await context.sync();
      expect(used.address).toBe("Leer!A1");
    });
  });

  test("changing a null object fails with ItemNotFound", async () => {
    host = withHost();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject("Fehlt").getRange("A1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
