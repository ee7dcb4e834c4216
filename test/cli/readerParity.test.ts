/**
 * The untrusted-workbook reader against the exceljs reader it replaced, on the test corpus:
 * the workbooks of the CLI tests, generated templates and the hand-written snapshots of
 * test/fixtures/pruefen written out as .xlsx. The new reader keeps only the cells the check
 * reads (cellDemand); those must hold the same values, and the findings must be identical.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readWorkbookBuffer } from "../../src/cli/xlsx/untrusted/readWorkbook";
import { cellDemand } from "../../src/core/read/cellDemand";
import { checkWorkbook } from "../../src/core/rules";
import { CellValue, WorkbookSnapshot } from "../../src/core/workbook";
import { readWithExceljs } from "../fixtures/pruefen/exceljsReader";
import { sheet, templateCells, templateNames, templateSnapshot, workbook } from "../fixtures/pruefen/snapshots";
import { completeSheet, editWorkbook, resavedByExceljs, templateWorkbook, withCellXml, withoutNames } from "../fixtures/pruefen/xlsx";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A snapshot written as the .xlsx a spreadsheet program would save (names put into workbook.xml). */
async function xlsxOf(snapshot: WorkbookSnapshot, extra?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of snapshot.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [address, v] of s.cells) {
      const cell = ws.getCell(address);
      if (typeof v !== "object") cell.value = v;
      else if (v.kind === "error") cell.value = { error: v.code } as ExcelJS.CellErrorValue;
      else cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
    }
    for (const m of s.merges) ws.mergeCells(m);
  }
  extra?.(wb);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const position = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  const names = snapshot.names
    .map((n) => {
      const scope = n.scope === undefined ? "" : ` localSheetId="${position.get(n.scope)}"`;
      return `<definedName name="${escapeXml(n.name)}"${scope}>${escapeXml(n.reference)}</definedName>`;
    })
    .join("");
  const xml = (await zip.file("xl/workbook.xml")!.async("string")).replace(/<definedNames>[\s\S]*<\/definedNames>|<definedNames\/>/, "");
  zip.file("xl/workbook.xml", names ? xml.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`) : xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function compliantPlan(): Promise<Buffer> {
  const made = await templateWorkbook([
    { name: "Nord", residents: 1800, fte: 2, roomCosts: 12000 },
    { name: "Süd", residents: 12345, fte: 2.5, roomCosts: 15000 },
  ]);
  return editWorkbook(made, [...completeSheet("QM Nord"), ...completeSheet("QM Süd")]);
}

async function editedPlan(): Promise<Buffer> {
  return editWorkbook(await compliantPlan(), [
    { sheet: "QM Nord", name: "VbE", value: 1.5 },
    { sheet: "QM Nord", name: "Massnahmen_Netzwerk", value: null },
    { sheet: "QM Süd", name: "Fachkraft_Hochschulabschluss", value: "nein" },
    { sheet: "QM Süd", name: "Plan_Projektkosten", offset: 1, value: 24689.99 },
    { sheet: "QM Nord", name: "Einwohner", value: { formula: "900*2" } as ExcelJS.CellFormulaValue },
    { sheet: "QM Süd", name: "Plan_Sachkosten", value: { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue },
    { sheet: "Parameter", name: "Projektkosten_je_Einwohner", value: 1 },
  ]);
}

/** A foreign plan: labels, a merged label, a year table, a date, rich text, a boolean and an error. */
function foreignPlan(): Promise<Buffer> {
  const cells: Record<string, CellValue> = {
    A1: "Quartier",
    B1: "Altstadt",
    A3: "Einwohnerzahl",
    D3: 4200,
    A4: "VbE",
    B4: 2,
    A6: "Planansatz",
    B7: 2026,
    C7: 2027,
    A8: "Personalkosten",
    B8: 90000,
    C8: 92000,
    A9: "Sachkosten",
    B9: 7000,
    C9: { kind: "error", code: "#DIV/0!" },
    A10: "Projektkosten",
    B10: 8400,
    C10: { kind: "formula", formula: "B10*1" },
    A11: "Verfügungsfonds",
    B11: 2100,
    C11: 2100,
    A12: "Büro vorhanden",
    B12: true,
    A13: "Vernetzung",
    B13: "ja",
  };
  return xlsxOf(workbook([sheet("Haushalt", cells, ["A3:C3"]), sheet("Notizen", { A1: "nur Text", B2: 5 })]), (wb) => {
    const ws = wb.getWorksheet("Haushalt")!;
    ws.getCell("E1").value = new Date(Date.UTC(2026, 0, 31));
    ws.getCell("E2").value = { richText: [{ text: "Raum" }, { text: "kosten", font: { bold: true } }] };
    ws.getCell("F2").value = 12000;
  });
}

const CORPUS: [string, () => Promise<Buffer>][] = [
  ...Array.from({ length: 6 }, (_, w): [string, () => Promise<Buffer>] => [
    `generated template ${w + 1}`,
    () =>
      templateWorkbook(
        Array.from({ length: 1 + w }, (_, i) => ({
          name: `Quartier ${w}-${i}`,
          residents: [1800, 2500, 4999, 5000, 12345, 30000][(w + i) % 6],
          fte: [2, 2.5, 3, 1.5][(w + i) % 4],
          roomCosts: (w * 997 + i * 131) % 20000,
        })),
        w % 2 === 0 ? undefined : "0.025",
      ),
  ]),
  ["a completed plan", compliantPlan],
  ["an edited plan (formulas, an error, a lowered Parameter)", editedPlan],
  ["names removed", async () => withoutNames(await editedPlan())],
  ["names collapsed by exceljs", async () => resavedByExceljs(await editedPlan())],
  ["a cached 0", async () => withCellXml(await compliantPlan(), "QM Nord", "E28", '<c r="E28"><f>B28-B28</f><v>0</v></c>')],
  ["a formula without <v>", async () => withCellXml(await compliantPlan(), "QM Nord", "E28", '<c r="E28"><f>B28-B28</f></c>')],
  ["the snapshot fixture: template with names", () => xlsxOf(templateSnapshot({ neighbourhoods: [{ name: "Nord", residents: 1800 }, { name: "Süd", residents: 6000 }], firstYear: 2026, lastYear: 2028 }))],
  ["the snapshot fixture: template without names", () => xlsxOf(templateSnapshot({ neighbourhoods: [{ name: "Ost", residents: 3000 }], firstYear: 2026, lastYear: 2027 }, false))],
  ["the snapshot fixture: hand-written cells and names", () => xlsxOf(workbook([sheet("QM Nord", templateCells("Nord")), sheet("QM Süd", templateCells("Süd", 9000), ["B5:D5"])], [...templateNames("QM Nord"), ...templateNames("QM Süd", false)]))],
  ["a foreign plan", foreignPlan],
];

function sorted(cells: ReadonlyMap<string, CellValue>, only?: ReadonlySet<string>): [string, CellValue][] {
  return [...cells].filter(([a]) => !only || only.has(a)).sort(([a], [b]) => a.localeCompare(b));
}

describe("the untrusted reader reads what the exceljs reader read", () => {
  it.each(CORPUS)("%s", async (_name, build) => {
    const data = await build();
    const before = await readWithExceljs(data);
    const now = await readWorkbookBuffer(data);
    expect(now.names).toEqual(before.names);
    expect(now.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    const demand = cellDemand(
      now.sheets.map((s) => s.name),
      now.names,
      Infinity,
    )!;
    let compared = 0;
    now.sheets.forEach((s, i) => {
      const key = s.name.toLowerCase();
      const whole = demand.wholeSheets.has(key);
      const named = demand.namedCells.get(key);
      expect(s.problem).toBeUndefined();
      expect(sorted(s.cells)).toEqual(sorted(before.sheets[i].cells, whole ? undefined : (named ?? new Set())));
      if (whole || named) expect([...s.merges].sort()).toEqual([...before.sheets[i].merges].sort());
      compared += s.cells.size;
    });
    expect(compared).toBeGreaterThan(0);
    expect(checkWorkbook(now)).toEqual(checkWorkbook(before));
  });

  it("dates, rich text, booleans, errors and merged labels come out as the snapshot holds them", async () => {
    const haushalt = (await readWorkbookBuffer(await foreignPlan())).sheets[0];
    expect([..."E1 E2 B12 C9 C10 A3 D3".split(" ")].map((a) => haushalt.cells.get(a))).toEqual([
      "2026-01-31",
      "Raumkosten",
      true,
      { kind: "error", code: "#DIV/0!" },
      { kind: "formula", formula: "B10*1" },
      "Einwohnerzahl",
      4200,
    ]);
    expect(haushalt.merges).toEqual(["A3:C3"]);
  });
});
