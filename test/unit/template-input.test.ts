import { isQmInputError } from "../../src/core/errors";
import { planFromTable, rowsFromPastedText, TableInputError, TemplateInputError, validateTemplateInput } from "../../src/core/template";

const TODAY = new Date("2026-06-01T00:00:00Z");

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (!isQmInputError(e)) throw e;
    return e.message;
  }
  throw new Error("no error thrown");
}

describe("template input validation", () => {
  test("defaults: the standard's minimum VbE and reference salary, no room costs, three years from today", () => {
    const plan = validateTemplateInput({ neighbourhoods: [{ name: "  Nord  ", residents: 2500 }] }, TODAY);
    expect(plan.years).toEqual([2026, 2027, 2028]);
    expect(plan.neighbourhoods[0].name).toBe("Nord");
    expect(plan.neighbourhoods[0].fte.toString()).toBe("2");
    expect(plan.neighbourhoods[0].salaryPerFte.toString()).toBe("45000");
    expect(plan.neighbourhoods[0].roomCosts.toString()).toBe("0");
    expect(plan.tariffIncrease.toString()).toBe("0");
  });

  test.each([
    [{ neighbourhoods: [] }, "Es ist kein Quartier angegeben."],
    [{ neighbourhoods: [{ name: "A", residents: 1 }, { name: "", residents: 1 }] }, "Quartier 2: Der Name des Quartiers fehlt."],
    [{ neighbourhoods: [{ name: "=HYPERLINK(1)", residents: 1 }] }, "Quartier 1: Der Name darf nicht mit „=“ beginnen (Excel läse ihn als Formel)."],
    [{ neighbourhoods: [{ name: "Nord", residents: -3 }] }, "Quartier 1 („Nord“): Einwohner: darf nicht negativ sein (-3)."],
    [{ neighbourhoods: [{ name: "Nord", residents: 10.5 }] }, "Quartier 1 („Nord“): Einwohner: muss eine ganze Zahl sein (10,5)."],
    [{ neighbourhoods: [{ name: "Nord", residents: 10, fte: 500 }] }, "Quartier 1 („Nord“): VbE: 500 ist unplausibel groß (höchstens 100)."],
    [{ neighbourhoods: [{ name: "Nord", residents: 1 }, { name: "NORD", residents: 2 }] }, "Quartier 2 („NORD“): Der Name kommt schon als Quartier 1 vor."],
    [{ neighbourhoods: [{ name: "Nord", residents: 1 }], firstYear: 2028, lastYear: 2026 }, "Das letzte Planjahr (2026) liegt vor dem ersten (2028)."],
    [{ neighbourhoods: [{ name: "Nord", residents: 1 }], firstYear: 2026, lastYear: 2040 }, "Höchstens 10 Planjahre je Vorlage (erhalten: 2026 bis 2040)."],
    [{ neighbourhoods: [{ name: "Nord", residents: 1 }], firstYear: 26 }, "Das erste Planjahr muss eine Jahreszahl zwischen 2000 und 2100 sein (erhalten: 26)."],
    [{ neighbourhoods: [{ name: "Nord", residents: 1 }], tariffIncrease: "0.5" }, "Die Tarifsteigerung muss zwischen 0 % und 25 % je Jahr liegen (erhalten: 0.5)."],
  ])("%j → %s", (input, message) => {
    expect(messageOf(() => validateTemplateInput(input as never, TODAY))).toBe(message);
  });

  test("errors say which Quartier they are about", () => {
    try {
      validateTemplateInput({ neighbourhoods: [{ name: "A", residents: 1 }, { name: "B", residents: "viele" }] }, TODAY);
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateInputError);
      expect((e as TemplateInputError).index).toBe(1);
      expect((e as TemplateInputError).detail).toBe("Einwohner muss eine Zahl sein, Sie haben den Text „viele“ angegeben.");
    }
  });
});

describe("Quartiere from a table (CSV rows, a range, pasted text)", () => {
  test("header in any order and case, optional columns, German numbers", () => {
    const plan = planFromTable(
      [
        ["gehalt", "EINWOHNER", "Quartier", "Raumkosten", "vbe"],
        ["48.000", "12.345", "Nord", "18.000,50", "2,5"],
        ["", "3200", "Süd", "", ""],
        ["", "", "", "", ""],
        [null, 999, "Ost", 1200, 3],
      ],
      { today: TODAY, firstYear: 2027, lastYear: 2027 },
    );
    expect(plan.years).toEqual([2027]);
    expect(plan.neighbourhoods.map((n) => [n.name, n.residents, n.fte.toString(), n.salaryPerFte.toString(), n.roomCosts.toString()])).toEqual([
      ["Nord", 12345, "2.5", "48000", "18000.5"],
      ["Süd", 3200, "2", "45000", "0"],
      ["Ost", 999, "3", "45000", "1200"],
    ]);
  });

  test.each([
    [[["Quartier", "VbE"], ["Nord", "2"]], "Zeile 1: Die Kopfzeile braucht die Spalten „Quartier“ und „Einwohner“ (es fehlt „Einwohner“)."],
    [[["Quartier", "Einwohner", "Fläche"]], "Zeile 1: Unbekannte Spalte „Fläche“ (erlaubt: Quartier, Einwohner, VbE, Raumkosten, Gehalt, Träger)."],
    [[["Quartier", "Einwohner", "einwohner"]], "Zeile 1: Die Spalte „Einwohner“ kommt doppelt vor."],
    [[["Quartier", "Einwohner"], ["Nord", "12.34.5"]], "Zeile 2: Einwohner: „12.34.5“ ist keine Zahl."],
    [[["Quartier", "Einwohner"], ["Nord", ""]], "Zeile 2: Einwohner fehlt."],
    [[["Quartier", "Einwohner"], ["", "12"]], "Zeile 2: Der Name des Quartiers fehlt."],
    [[["Quartier", "Einwohner"], ["Nord", "10"], [], ["Süd", "-1"]], "Zeile 4: Einwohner: darf nicht negativ sein (-1)."],
    [[], "Die Tabelle ist leer (erwartet: Kopfzeile „Quartier;Einwohner“ und eine Zeile je Quartier)."],
  ])("%j → %s", (rows, message) => {
    expect(messageOf(() => planFromTable(rows as unknown[][], { today: TODAY }))).toBe(message);
  });

  test("line numbers come from the caller when rows do not start at line 1", () => {
    try {
      planFromTable([["Quartier", "Einwohner"], ["A", "1"], ["B", "x"]], { lines: [3, 5, 9], today: TODAY });
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(TableInputError);
      expect((e as TableInputError).line).toBe(9);
    }
  });

  test("pasted text: tab-separated (copied from Excel) or semicolons", () => {
    expect(rowsFromPastedText("Quartier\tEinwohner\r\nNord\t12.345\n")).toEqual([["Quartier", "Einwohner"], ["Nord", "12.345"], [""]]);
    expect(rowsFromPastedText('\uFEFFQuartier;Einwohner\n"Süd";2,5')).toEqual([["Quartier", "Einwohner"], ["Süd", "2,5"]]);
    const plan = planFromTable(rowsFromPastedText("Quartier\tEinwohner\nNord\t12.345\n"), { today: TODAY });
    expect(plan.neighbourhoods[0].residents).toBe(12345);
  });
});
