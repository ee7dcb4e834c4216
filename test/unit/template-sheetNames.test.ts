import fc from "fast-check";
import { assignSheetNames, buildTemplate, excelSafeSheetName, MAX_SHEET_NAME_LENGTH, renameReasonText, sheetNameKey } from "../../src/core/template";

/** What Excel refuses in a sheet name. */
function excelAccepts(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME_LENGTH &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

describe("sheet names", () => {
  test("forbidden characters become '-', names are cut to 31 characters", () => {
    expect(excelSafeSheetName("QM Nord/Süd [alt]: *?\\")).toBe("QM Nord-Süd -alt-- ---");
    // Cut before the word that does not fit, not inside it.
    expect(excelSafeSheetName("QM Sehr langer Quartiersname mit vielen Wörtern")).toBe("QM Sehr langer Quartiersname");
    expect(excelSafeSheetName("'Zitat'")).toBe("Zitat");
    expect(excelSafeSheetName("History")).toBe("History (Blatt)");
  });

  test("names clashing with existing sheets (any case) get a free ' (n)' suffix and are reported", () => {
    const { names, renamed } = assignSheetNames(["Parameter", "QM Nord", "Vergleich"], ["parameter", "QM NORD", "QM Nord (2)"]);
    expect(names).toEqual(["Parameter (2)", "QM Nord (3)", "Vergleich"]);
    expect(renamed).toEqual([
      { requested: "Parameter", actual: "Parameter (2)", reasons: ["taken"] },
      { requested: "QM Nord", actual: "QM Nord (3)", reasons: ["taken"] },
    ]);
  });

  test("each renaming says why: cleaned, shortened at a word, taken — not „existed“ for all", () => {
    const { renamed } = assignSheetNames(["QM Süd?", "QM Am langen Kanal und am alten Hafen", "QM Nord"], ["QM Nord"]);
    expect(renamed).toEqual([
      { requested: "QM Süd?", actual: "QM Süd-", reasons: ["cleaned"] },
      { requested: "QM Am langen Kanal und am alten Hafen", actual: "QM Am langen Kanal und am alten", reasons: ["shortened"] },
      { requested: "QM Nord", actual: "QM Nord (2)", reasons: ["taken"] },
    ]);
  });

  test("a name freed by cleaning that an earlier sheet already took: „taken“, and every reason in words (CLI and pane)", () => {
    const { renamed } = assignSheetNames(["QM Nord/Ost", "QM Nord-Ost", "QM Großsiedlung am Stadtrand Nord", "QM Großsiedlung am Stadtrand Süd"]);
    expect(renamed.map((r) => [r.actual, r.reasons])).toEqual([
      ["QM Nord-Ost", ["cleaned"]],
      ["QM Nord-Ost (2)", ["taken"]],
      ["QM Großsiedlung am Stadtrand", ["shortened"]],
      ["QM Großsiedlung am (2)", ["shortened", "taken"]],
    ]);
    expect(renamed.map((r) => renameReasonText(r.reasons))).toEqual([
      {
        de: "Zeichen, die Excel in Blattnamen nicht erlaubt ([ ] : * ? / \\ oder ein Apostroph am Rand), ersetzt",
        en: "characters Excel does not allow in sheet names ([ ] : * ? / \\ or an apostrophe at either end) replaced",
      },
      { de: "den Namen gab es in der Mappe schon", en: "the name was already in use in the workbook" },
      { de: "an einer Wortgrenze auf 31 Zeichen gekürzt (mehr erlaubt Excel nicht)", en: "shortened at a word boundary to 31 characters (Excel allows no more)" },
      {
        de: "an einer Wortgrenze auf 31 Zeichen gekürzt (mehr erlaubt Excel nicht); den Namen gab es in der Mappe schon",
        en: "shortened at a word boundary to 31 characters (Excel allows no more); the name was already in use in the workbook",
      },
    ]);
    expect(renameReasonText(["reserved"])).toEqual({ de: "„History“ ist in Excel reserviert", en: '"History" is reserved in Excel' });
  });

  test("the suffix still fits into 31 characters", () => {
    const long = "QM " + "x".repeat(40);
    const { names } = assignSheetNames([long, long, long]);
    expect(names).toEqual(["QM " + "x".repeat(28), "QM " + "x".repeat(24) + " (2)", "QM " + "x".repeat(24) + " (3)"]);
  });

  test("property: any requested names become names Excel accepts, unique without regard to case", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), fc.array(fc.string({ maxLength: 35 }), { maxLength: 5 }), (requested, taken) => {
        const { names, renamed } = assignSheetNames(requested, taken);
        expect(names).toHaveLength(requested.length);
        for (const n of names) expect(excelAccepts(n)).toBe(true);
        expect(new Set(names.map(sheetNameKey)).size).toBe(names.length);
        for (const n of names) expect(taken.map(sheetNameKey)).not.toContain(sheetNameKey(n));
        expect(renamed.length).toBe(names.filter((n, i) => n !== requested[i]).length);
      }),
    );
  });

  test("the template names sheets „QM <Name>“ and avoids the target workbook's sheets", () => {
    const { model } = buildTemplate(
      { neighbourhoods: [{ name: "Nord", residents: 100 }, { name: "Ost/West", residents: 100 }], firstYear: 2026 },
      { existingSheets: ["Parameter", "qm nord"] },
    );
    expect(model.sheets.map((s) => s.name)).toEqual(["Parameter (2)", "QM Nord (2)", "QM Ost-West", "Vergleich"]);
    // Names and cross-sheet formulas follow the actual sheet names.
    expect(model.names.find((n) => n.name === "Sachkosten_je_VbE")?.sheet).toBe("Parameter (2)");
    expect(model.names.filter((n) => n.name === "Einwohner").map((n) => n.sheet)).toEqual(["QM Nord (2)", "QM Ost-West"]);
    const vergleich = model.sheets[3];
    expect(vergleich.cells.find((c) => c.address === "D5")?.formula).toBe("'QM Nord (2)'!$B$6");
    expect(model.renamed.map((r) => r.actual)).toEqual(["Parameter (2)", "QM Nord (2)", "QM Ost-West"]);
  });

  test("an apostrophe inside a sheet name is doubled in references", () => {
    const { model } = buildTemplate({ neighbourhoods: [{ name: "St. Anna's Viertel", residents: 100 }], firstYear: 2026 });
    expect(model.sheets[1].name).toBe("QM St. Anna's Viertel");
    expect(model.sheets[2].cells.find((c) => c.address === "D5")?.formula).toBe("'QM St. Anna''s Viertel'!$B$6");
  });
});
