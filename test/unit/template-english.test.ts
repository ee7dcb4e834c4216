import { isQmInputError } from "../../src/core/errors";
import { parseEnglishNumber, parseNumber } from "../../src/core/format";
import {
  pastedTextOfRows,
  planFromTable,
  respellPastedText,
  rowsFromPastedText,
  validateTemplateInput,
} from "../../src/core/template";
import type { TableOptions } from "../../src/core/template/table";

const TODAY = new Date("2026-06-01T00:00:00Z");

/** Both messages of the input error `f` throws. */
function messagesOf(f: () => unknown): { de: string; en: string } {
  try {
    f();
  } catch (e) {
    if (!isQmInputError(e)) throw e;
    return { de: e.message, en: e.messageEn };
  }
  throw new Error("no error thrown");
}

const summary = (rows: unknown[][], options: TableOptions = {}) =>
  planFromTable(rows, { today: TODAY, ...options }).neighbourhoods.map((n) => [
    n.name,
    n.residents,
    n.fte.toString(),
    n.salaryPerFte.toString(),
    n.roomCosts.toString(),
  ]);

describe("Quartiere from a table with English column names", () => {
  test("Neighbourhood/Neighborhood, Residents, FTE, Room costs, Salary in any order and case", () => {
    const rows = [
      ["SALARY", "residents", "Neighborhood", "room costs", "Fte"],
      ["48000", "12345", "North", "18000.5", "2.5"],
    ];
    expect(summary(rows, { numberLanguage: "en" })).toEqual([["North", 12345, "2.5", "48000", "18000.5"]]);
    expect(summary([["Neighbourhood", "Residents", "Room-Costs"], ["South", 3200, 1200]])).toEqual([["South", 3200, "2", "45000", "1200"]]);
  });

  test("German and English names may be mixed; one column under two names is refused", () => {
    expect(summary([["Quartier", "Residents", "VbE"], ["Nord", "12.345", "2,5"]])).toEqual([["Nord", 12345, "2.5", "45000", "0"]]);
    expect(messagesOf(() => planFromTable([["Quartier", "Einwohner", "Residents"]], { today: TODAY }))).toEqual({
      de: "Zeile 1: Die Spalte „Einwohner“ kommt doppelt vor.",
      en: 'Line 1: the column "Residents" appears twice.',
    });
  });

  test("English spelling of numbers when asked for: 12,345 and 2.5", () => {
    const rows = rowsFromPastedText("Neighbourhood;Residents;FTE;Room costs;Salary\nNorth;12,345;2.5;18,000.50;48,000\nSouth;3200;2;;\n");
    expect(summary(rows, { numberLanguage: "en" })).toEqual([
      ["North", 12345, "2.5", "48000", "18000.5"],
      ["South", 3200, "2", "45000", "0"],
    ]);
  });

  test("the same text is read the German way by default (the CLI): 12.345 is twelve thousand", () => {
    expect(summary([["Quartier", "Einwohner", "VbE"], ["Nord", "12.345", "2,5"]])).toEqual([["Nord", 12345, "2.5", "45000", "0"]]);
    // Spelt in English, "12.345" is twelve and a fraction, spelt German twelve thousand: asked, never guessed.
    expect(messagesOf(() => planFromTable([["Quartier", "Einwohner"], ["Nord", "12.345"]], { today: TODAY, numberLanguage: "en" }))).toEqual({
      de: "Zeile 2: Einwohner: „12.345“ ist mehrdeutig (englisch 8.000 = 8, deutsch = 8000).",
      en: 'Line 2: Residents: "12.345" is ambiguous – a decimal in English spelling, or thousands in German spelling? Please type 8000, 8,000 or 8.0.',
    });
    // "8.000" would have been read as 8 residents without a word.
    expect(messagesOf(() => planFromTable([["Neighbourhood", "Residents"], ["North", "8.000"]], { today: TODAY, numberLanguage: "en" })).en).toContain("ambiguous");
  });

  test.each([
    [
      [["Neighbourhood", "FTE"], ["North", "2"]],
      "Zeile 1: Die Kopfzeile braucht die Spalten „Quartier“ und „Einwohner“ (es fehlt „Einwohner“).",
      'Line 1: the header needs the columns "Neighbourhood" and "Residents" ("Residents" is missing).',
    ],
    [
      [["Neighbourhood", "Residents", "Area"]],
      "Zeile 1: Unbekannte Spalte „Area“ (erlaubt: Quartier, Einwohner, VbE, Raumkosten, Gehalt, Träger).",
      'Line 1: unknown column "Area" (allowed: Neighbourhood, Residents, FTE, Room costs, Salary, Provider, or the German Quartier, Einwohner, VbE, Raumkosten, Gehalt, Träger).',
    ],
    [[["Neighbourhood", "Residents"], ["North", "many"]], "Zeile 2: Einwohner: „many“ ist keine Zahl.", 'Line 2: Residents: "many" is not a number.'],
    [[["Neighbourhood", "Residents"], ["North", ""]], "Zeile 2: Einwohner fehlt.", "Line 2: Residents is missing."],
    [[["Neighbourhood", "Residents"], ["", "12"]], "Zeile 2: Der Name des Quartiers fehlt.", "Line 2: the neighbourhood's name is missing."],
    [
      [["Neighbourhood", "Residents", "FTE"], ["North", "10", "2"], [], ["South", "10", "-1"]],
      "Zeile 4: VbE: darf nicht negativ sein (-1).",
      "Line 4: FTE: must not be negative (-1).",
    ],
    [
      [],
      "Die Tabelle ist leer (erwartet: Kopfzeile „Quartier;Einwohner“ und eine Zeile je Quartier).",
      'The table is empty (expected: a header "Neighbourhood;Residents" and one line per neighbourhood).',
    ],
  ])("%j → %s", (rows, de, en) => {
    expect(messagesOf(() => planFromTable(rows as unknown[][], { today: TODAY, numberLanguage: "en" }))).toEqual({ de, en });
  });

  test("an error of the plan names the line, not the neighbourhood's position, in English too", () => {
    expect(messagesOf(() => planFromTable([["Neighbourhood", "Residents"], ["A", "1"], ["B", "-3"]], { lines: [3, 5, 9], today: TODAY }))).toEqual({
      de: "Zeile 9: Einwohner: darf nicht negativ sein (-3).",
      en: "Line 9: Residents: must not be negative (-3).",
    });
  });

  test("an English message without a prefix starts as a sentence, and says which plan year", () => {
    expect(messagesOf(() => validateTemplateInput({ neighbourhoods: [] }, TODAY)).en).toBe("No neighbourhood given.");
    expect(messagesOf(() => validateTemplateInput({ neighbourhoods: [{ name: "N", residents: 1 }], firstYear: 2026, lastYear: 3000 }, TODAY))).toEqual({
      de: "Das letzte Planjahr muss eine Jahreszahl zwischen 2000 und 2100 sein (erhalten: 3000).",
      en: "The last plan year must be a year between 2000 and 2100 (got 3000).",
    });
  });
});

describe("numbers in the pane's language", () => {
  test("parseNumber reads German and English spelling; the English parser is the pane's", () => {
    expect(parseNumber("12.345", "de")).toBe("12345");
    expect(parseNumber("12.345", "en")).toBe("12.345");
    expect(parseNumber("12,345.5", "en")).toBe("12345.5");
    expect(parseNumber("2,5", "en")).toBe("2.5");
    expect(parseEnglishNumber("12,34")).toBe("12.34");
    expect(parseEnglishNumber("viele")).toBeUndefined();
    expect(parseEnglishNumber("")).toBeUndefined();
  });

  test("a selected range becomes text with its numbers spelt for the pane: 2.125 VbE stays 2,125, never 2125", () => {
    const rows = [["Quartier", "Einwohner", "VbE", "Raumkosten"], ["Nord", 12345, 2.125, null], ["Süd", 3200, 2, 9600.5]];
    const de = pastedTextOfRows(rows, "de");
    expect(de).toBe("Quartier;Einwohner;VbE;Raumkosten\nNord;12.345;2,125;\nSüd;3.200;2;9.600,5");
    expect(pastedTextOfRows(rows, "en")).toBe("Quartier;Einwohner;VbE;Raumkosten\nNord;12,345;2.125;\nSüd;3,200;2;9,600.5");
    expect(summary(rowsFromPastedText(de))).toEqual([
      ["Nord", 12345, "2.125", "45000", "0"],
      ["Süd", 3200, "2", "45000", "9600.5"],
    ]);
  });

  test("respelling keeps every value, names and non-numbers included, and goes back exactly", () => {
    const german = "Quartier;Einwohner;VbE;Raumkosten\n1.000;12.345;2,5;18.000,5\nSüd;viele;;\n";
    const english = respellPastedText(german, "de", "en");
    expect(english).toBe("Quartier;Einwohner;VbE;Raumkosten\n1.000;12,345;2.5;18,000.5\nSüd;viele;;\n");
    expect(respellPastedText(english, "en", "de")).toBe(german);
    // The lines up to "1.000" (the rest is no valid list): the same values in both spellings.
    const firstTwo = (text: string) => rowsFromPastedText(text).slice(0, 2);
    expect(summary(firstTwo(english), { numberLanguage: "en" })).toEqual(summary(firstTwo(german)));
  });

  test("respelling leaves text it cannot read as a table alone, and copied cells keep their tabs", () => {
    expect(respellPastedText("Quartier;Fläche\nNord;12.345", "de", "en")).toBe("Quartier;Fläche\nNord;12.345");
    expect(respellPastedText("", "de", "en")).toBe("");
    expect(respellPastedText("Quartier\tEinwohner\nNord\t12.345", "de", "en")).toBe("Quartier\tEinwohner\nNord\t12,345");
    expect(respellPastedText("Quartier;Einwohner\nNord;12.345", "de", "de")).toBe("Quartier;Einwohner\nNord;12.345");
  });
});
