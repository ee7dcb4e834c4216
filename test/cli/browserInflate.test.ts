/**
 * The one untrusted reader with the pane's inflater (the browser's DecompressionStream, which
 * Node 20 has too): the same snapshot as with zlib, and the same refusals of bombs and lies.
 */
import { browserInflater, inflateRawInBrowser } from "../../src/cli/xlsx/untrusted/browserInflate";
import { nodeInflater } from "../../src/cli/xlsx/untrusted/nodeInflate";
import { readWorkbookBytes } from "../../src/cli/xlsx/untrusted/readPackage";
import { WorkbookReadError } from "../../src/cli/xlsx/untrusted/readWorkbook";
import { buildZip, FOREIGN_PLAN, inflatingSheet, sheetXml, workbookParts } from "../fixtures/pruefen/hostileZip";
import { templateWorkbook } from "../fixtures/pruefen/xlsx";
import { deflateRawSync } from "node:zlib";

const MB = 1024 * 1024;

describe("the bounded reader with the browser's inflater", () => {
  it("reads a template workbook into the same snapshot as with node's zlib", async () => {
    const data = await templateWorkbook([{ name: "Nord", residents: 12000 }, { name: "Süd", residents: 3000 }]);
    const inBrowser = await readWorkbookBytes(data, browserInflater);
    const inNode = await readWorkbookBytes(data, nodeInflater);
    expect(inBrowser.sheets.map((s) => [s.name, s.cells.size])).toEqual(inNode.sheets.map((s) => [s.name, s.cells.size]));
    expect(inBrowser).toEqual(inNode);
    expect(inBrowser.sheets.find((s) => s.name === "QM Nord")!.cells.size).toBeGreaterThan(10);
  });

  it("stops inflating at the cap: a bomb that lies about its size is refused without being inflated whole", async () => {
    const sixty = inflatingSheet(60 * MB);
    const data = buildZip([...workbookParts([{ nameXml: "Plan" }]), { name: "xl/worksheets/sheet1.xml", data: "", raw: sixty, declaredSize: 1024, localSize: 1024 }]);
    await expect(readWorkbookBytes(data, browserInflater)).rejects.toThrow(/entpackt größer als im ZIP-Verzeichnis angegeben/);
    await expect(inflateRawInBrowser(sixty.compressed, 1024)).rejects.toBeInstanceOf(RangeError);
  });

  it("an honest bomb breaks the per-part bound before anything is inflated", async () => {
    const sixty = inflatingSheet(60 * MB);
    const data = buildZip([...workbookParts([{ nameXml: "Plan" }]), { name: "xl/worksheets/sheet1.xml", data: "", raw: sixty }]);
    await expect(readWorkbookBytes(data, browserInflater)).rejects.toThrow(/ist entpackt größer als 50 MB/);
  });

  it("bytes that are no deflate stream, and a flipped bit, are damaged files", async () => {
    const flipped = buildZip(workbookParts([{ nameXml: "Plan", xml: sheetXml(FOREIGN_PLAN) }]).map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, store: true } : p)));
    flipped[flipped.indexOf("Einwohner")] ^= 0x20;
    await expect(readWorkbookBytes(flipped, browserInflater)).rejects.toThrow(/die Prüfsumme von xl\/worksheets\/sheet1\.xml stimmt nicht/);
    const garbage = Buffer.from("this is not deflate at all");
    await expect(inflateRawInBrowser(garbage, 1000)).rejects.not.toBeInstanceOf(RangeError);
    expect(await inflateRawInBrowser(deflateRawSync(Buffer.from("Einwohner")), 100)).toEqual(Buffer.from("Einwohner"));
  });

  it("refuses what is no workbook with the CLI's sentences", async () => {
    await expect(readWorkbookBytes(Buffer.alloc(0), browserInflater)).rejects.toThrow(WorkbookReadError);
    await expect(readWorkbookBytes(Buffer.from("Hallo"), browserInflater)).rejects.toThrow("Die Datei ist keine Excel-Arbeitsmappe (.xlsx).");
  });
});
