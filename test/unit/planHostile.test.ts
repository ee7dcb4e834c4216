import { readWorkbookPlan } from "../../src/core/read/workbookPlan";
import { checkWorkbook, findingJson } from "../../src/core/rules";
import { CellValue } from "../../src/core/workbook";
import { sheet, templateCells, templateNames, workbook } from "../fixtures/pruefen/snapshots";

describe("hostile workbooks", () => {
  it("a 100 000-row used range full of numbers is read and checked like a small one", () => {
    const cells: Record<string, CellValue> = templateCells("Nord");
    for (let r = 1; r <= 100_000; r++) cells[`Z${r}`] = r;
    cells.F25 = 4999.99;
    const result = checkWorkbook(workbook([sheet("QM Nord", cells)], templateNames("QM Nord")));
    expect(result.neighbourhoods[0].findings.map(findingJson)).toEqual([
      expect.objectContaining({ regel: "projektkosten.mindest", jahr: 2027, zelle: "'QM Nord'!F25", ist: "4999.99" }),
    ]);
  });

  it("a foreign sheet of 100 000 rows still finds its labels", () => {
    const cells: Record<string, CellValue> = { A1: "Einwohner", B1: 1800, A2: "VbE", B2: 2 };
    for (let r = 10; r < 100_010; r++) cells[`C${r}`] = r % 2 === 0 ? "Zeile" : r;
    const n = readWorkbookPlan(workbook([sheet("Liste", cells)])).neighbourhoods[0];
    expect(n.residents.ok && n.residents.value).toBe(1800);
  });

  it("#DIV/0! where a number belongs is an input finding naming the error", () => {
    const cells = { ...templateCells("Nord"), B6: { kind: "error", code: "#DIV/0!" } as CellValue };
    const [f] = checkWorkbook(workbook([sheet("QM Nord", cells)], templateNames("QM Nord"))).neighbourhoods[0].findings;
    expect(findingJson(f)).toEqual({
      regel: "eingabe.fehlerwert",
      schwere: "verstoss",
      meldung: "Einwohner: Die Zelle 'QM Nord'!B6 enthält den Fehlerwert #DIV/0!. Projektkosten und Verfügungsfonds sind so nicht prüfbar.",
      soll: null,
      ist: null,
      zelle: "'QM Nord'!B6",
      jahr: null,
    });
  });

  it("merged cells: the value sits in the top-left cell, the rest of the area is empty", () => {
    const cells = templateCells("Nord");
    const n = readWorkbookPlan(workbook([sheet("QM Nord", cells, ["B5:D5", "B6:D6", "E22:E23"])], templateNames("QM Nord"))).neighbourhoods[0];
    expect([n.name, n.residents.ok && n.residents.value]).toEqual(["Nord", 1800]);
    const foreign = readWorkbookPlan(
      workbook([sheet("Fremd", { A1: "Einwohnerzahl", F1: 3000, A2: "Stellen (VbE)", F2: 2 }, ["A1:E1", "A2:E2"])]),
    ).neighbourhoods[0];
    // Five merged columns of label, then the value: the scan starts after the merged area.
    expect([foreign.residents.ok && foreign.residents.value, foreign.fte.ok && foreign.fte.value.toNumber()]).toEqual([3000, 2]);
  });

  it("<script> in a cell stays plain text: in the Quartier name and quoted in a message", () => {
    const cells = { ...templateCells("<script>alert(1)</script>"), B7: "<script>alert(1)</script>" };
    const result = checkWorkbook(workbook([sheet("QM X", cells)], templateNames("QM X")));
    expect(result.neighbourhoods[0].name).toBe("<script>alert(1)</script>");
    expect(result.neighbourhoods[0].findings[0].meldung).toBe(
      "VbE: Die Zelle 'QM X'!B7 enthält den Text „<script>alert(1)</script>“ statt einer Zahl. Personal, Vergütung und Sachkosten sind so nicht prüfbar.",
    );
  });
});
