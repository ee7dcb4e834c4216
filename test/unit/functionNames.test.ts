import { languageOf } from "../../src/core/language";
import { QM_FUNCTIONS } from "../../src/functions/registry";
import { ENGLISH_FUNCTION_LOCALES, ENGLISH_FUNCTIONS, functionNameFor, hasEnglishFunctionNames } from "../../src/functions/translations";
import builtins from "../fixtures/excel-builtin-functions.json";
import fixedIds from "../fixtures/function-ids.json";

/**
 * The QM.* functions' ids and names in both languages: ids never change, every id has an
 * English name, and every name follows Excel's naming rules and collides with nothing Excel has.
 */

const ids = QM_FUNCTIONS.map((f) => f.name);
const germanNames = ids; // functions.json's name equals the id (test/build/functionsJson.test.ts)
const englishNames = Object.values(ENGLISH_FUNCTIONS).map((t) => t.name);

/** A1 cell references up to XFD1048576 and R1C1 references: Excel would read the name as a cell. */
function isCellReference(name: string): boolean {
  const a1 = /^([A-Z]{1,3})([0-9]+)$/.exec(name.toUpperCase());
  if (a1) {
    const column = [...a1[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(a1[2]);
    if (column <= 16384 && row >= 1 && row <= 1048576) return true;
  }
  return /^R[0-9]*C[0-9]*$/i.test(name);
}

describe("function ids", () => {
  test("never change: the registry's ids are exactly the fixture's, in order", () => {
    expect(ids).toEqual(fixedIds.ids);
  });

  test("every id has an English translation, and the table translates no other", () => {
    expect(Object.keys(ENGLISH_FUNCTIONS).sort()).toEqual([...ids].sort());
  });

  test("follow Excel's rules for ids: a letter first, then A–Z, 0–9, _ and ., at least three characters", () => {
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
  });
});

describe("function names, German and English", () => {
  test.each([...germanNames.map((n) => ["de", n]), ...englishNames.map((n) => ["en", n])])(
    "%s %s: upper case, a letter first, letters, digits, _ and ., at least three characters; no cell reference",
    (_language, name) => {
      expect(name).toMatch(/^\p{Lu}[\p{Lu}0-9_.]{2,}$/u);
      expect(isCellReference(name)).toBe(false);
    },
  );

  test("the reference check itself knows cell references", () => {
    expect(["A1", "XFD1048576", "QM1", "R1C1", "RC", "ABC12"].map(isCellReference)).toEqual([true, true, true, true, true, true]);
    expect(["XFE1", "A0", "PROJECTFUNDS", "QM1048577"].map(isCellReference)).toEqual([false, false, false, false]);
  });

  test("collide with no built-in function or Excel 4.0 macro, in either language", () => {
    const taken = new Set([...builtins.en, ...builtins.de, ...builtins.excel4Macros].map((n) => n.toUpperCase()));
    expect(taken.size).toBeGreaterThan(250);
    expect(taken.has("SUMME") && taken.has("SVERWEIS") && taken.has("XLOOKUP")).toBe(true);
    for (const name of [...germanNames, ...englishNames]) expect(taken.has(name)).toBe(false);
  });

  test("are unique in each language, and an English name is no other function's German name", () => {
    expect(new Set(germanNames).size).toBe(germanNames.length);
    expect(new Set(englishNames).size).toBe(englishNames.length);
    for (const [id, t] of Object.entries(ENGLISH_FUNCTIONS)) {
      const german = germanNames.indexOf(t.name);
      if (german >= 0) expect(ids[german]).toBe(id);
    }
  });

  test("parameters: valid names, unique within each function, with an English description", () => {
    for (const t of Object.values(ENGLISH_FUNCTIONS)) {
      const names = t.parameters.map((p) => p.name);
      for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(new Set(names).size).toBe(names.length);
      for (const p of t.parameters) expect(p.description).toMatch(/^[A-Z].{10,}\.$/);
      expect(t.description).toMatch(/^[A-Z].{10,}\.$/);
    }
  });
});

describe("the English locales", () => {
  test("are English tags, each once, and the pane shows English for each", () => {
    expect(new Set(ENGLISH_FUNCTION_LOCALES).size).toBe(ENGLISH_FUNCTION_LOCALES.length);
    for (const locale of ENGLISH_FUNCTION_LOCALES) {
      expect(locale).toMatch(/^en-[A-Z]{2}$/);
      expect(languageOf(locale)).toBe("en");
    }
    expect(ENGLISH_FUNCTION_LOCALES).toEqual(expect.arrayContaining(["en-US", "en-GB", "en-AU", "en-CA", "en-IE", "en-IN", "en-NZ", "en-ZA"]));
  });

  test("give the English names in those locales only (case as Office may report it), the German ones elsewhere", () => {
    expect(functionNameFor("PROJEKTMITTEL", "en-US")).toBe("PROJECTFUNDS");
    expect(functionNameFor("PROJEKTMITTEL", "EN-gb")).toBe("PROJECTFUNDS");
    expect(functionNameFor("JE_EINWOHNER", "en-NZ")).toBe("PER_RESIDENT");
    for (const other of ["de-DE", "de-AT", "fr-FR", "en", "en-ZW", "", undefined, null]) {
      expect(hasEnglishFunctionNames(other)).toBe(false);
      expect(functionNameFor("PROJEKTMITTEL", other)).toBe("PROJEKTMITTEL");
    }
  });
});
