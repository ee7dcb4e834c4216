import fc from "fast-check";
import * as state from "../../src/functions/state";
import { updateRuntimeState } from "../../src/functions/state";
import type { Parameters } from "../../src/core/standard";

const setActiveParameters = (parameters: Parameters) => updateRuntimeState({ parameters });
const setFunctionLanguage = (language: "de" | "en") => updateRuntimeState({ language });
import {
  GESAMTBUDGET,
  JE_EINWOHNER,
  PARAMETER,
  PERSONALKOSTEN,
  PROJEKTKOSTEN,
  PROJEKTMITTEL,
  QM_FUNCTIONS,
  SACHKOSTEN,
  VERFUEGUNGSFONDS,
} from "../../src/functions/registry";
import { ExcelErrorCode, FunctionResult, QmFunction } from "../../src/functions/result";
import { defaultParameters } from "../../src/core/standard";

// --- a stand-in for the Excel runtime's globals, so that functions.ts can be loaded here -------

class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

let onReady: ((info: { host: string; platform: string }) => void) | undefined;
const office = {
  context: { displayLanguage: "de-DE" },
  onReady: (callback: (info: { host: string; platform: string }) => void) => {
    onReady = callback;
  },
};

Object.assign(globalThis, {
  Office: office,
  CustomFunctions: {
    Error: FakeExcelError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  },
});

type ExcelFunctions = typeof import("../../src/functions/functions");
let excel: ExcelFunctions;

beforeAll(async () => {
  excel = await import("../../src/functions/functions");
});

afterEach(() => {
  setFunctionLanguage("de");
  setActiveParameters(defaultParameters());
  jest.restoreAllMocks();
});

/** Every Excel-facing function by its Excel name, to call the same cases through functions.ts. */
function excelFunction(name: string): (...args: unknown[]) => unknown {
  const byName: Record<string, (...args: never[]) => unknown> = {
    PERSONALKOSTEN: excel.personalkosten,
    SACHKOSTEN: excel.sachkosten,
    PROJEKTKOSTEN: excel.projektkosten,
    VERFUEGUNGSFONDS: excel.verfuegungsfonds,
    PROJEKTMITTEL: excel.projektmittel,
    GESAMTBUDGET: excel.gesamtbudget,
    PARAMETER: excel.parameter,
    JE_EINWOHNER: excel.je_einwohner,
  };
  return byName[name] as (...args: unknown[]) => unknown;
}

// --- bad input ----------------------------------------------------------------------------------

type BadCase = [label: string, fn: QmFunction, args: unknown[], code: ExcelErrorCode, message: string];

const BAD_INPUT: BadCase[] = [
  ["VbE als Text", PERSONALKOSTEN, ["2"], "#VALUE!", "VbE muss eine Zahl sein, Sie haben den Text „2“ angegeben"],
  ["VbE als WAHR", PERSONALKOSTEN, [true], "#VALUE!", "den Wahrheitswert WAHR"],
  ["VbE leer", PERSONALKOSTEN, [null], "#VALUE!", "VbE muss eine Zahl sein, Sie haben eine leere Zelle angegeben"],
  ["VbE negativ", PERSONALKOSTEN, [-1], "#NUM!", "VbE: darf nicht negativ sein (-1)"],
  ["VbE unplausibel", PERSONALKOSTEN, [101], "#NUM!", "VbE: 101 ist unplausibel groß (höchstens 100)"],
  ["Gehalt als Text", PERSONALKOSTEN, [2, "viel"], "#VALUE!", "Gehalt je VbE muss eine Zahl sein"],
  ["Gehalt negativ", PERSONALKOSTEN, [2, -45000], "#NUM!", "Gehalt je VbE: darf nicht negativ sein"],
  ["Gehalt unplausibel", PERSONALKOSTEN, [2, 2_000_000], "#NUM!", "Gehalt je VbE: 2.000.000 ist unplausibel groß"],
  ["VbE NaN", SACHKOSTEN, [NaN], "#NUM!", "VbE: keine endliche Zahl"],
  ["VbE unendlich", SACHKOSTEN, [Infinity], "#NUM!", "VbE: keine endliche Zahl"],
  ["VbE FALSCH", SACHKOSTEN, [false], "#VALUE!", "den Wahrheitswert FALSCH"],
  ["VbE als Bereich", SACHKOSTEN, [[[1, 2]]], "#VALUE!", "VbE muss eine Zahl sein, Sie haben einen Bereich angegeben"],
  ["Einwohner als deutscher Zahltext", PROJEKTKOSTEN, ["12.345"], "#VALUE!", "Einwohner muss eine Zahl sein, Sie haben den Text „12.345“ angegeben"],
  ["Einwohner negativ", PROJEKTKOSTEN, [-1], "#NUM!", "Einwohner: darf nicht negativ sein"],
  ["Einwohner gebrochen", PROJEKTKOSTEN, [12345.5], "#NUM!", "Einwohner: muss eine ganze Zahl sein (12.345,5)"],
  ["Einwohner knapp zu viele", PROJEKTKOSTEN, [10_000_001], "#NUM!", "ist unplausibel groß (höchstens 10.000.000)"],
  ["Einwohner absurd", PROJEKTKOSTEN, [1e300], "#NUM!", "ist unplausibel groß (höchstens 10.000.000)"],
  ["Einwohner fehlt", PROJEKTKOSTEN, [undefined], "#VALUE!", "Sie haben eine leere Zelle angegeben"],
  ["Einwohner leerer Text", PROJEKTKOSTEN, [""], "#VALUE!", "Sie haben eine leere Zelle angegeben"],
  ["Einwohner -0,5", VERFUEGUNGSFONDS, [-0.5], "#NUM!", "Einwohner: darf nicht negativ sein (-0,5)"],
  ["Einwohner -unendlich", VERFUEGUNGSFONDS, [-Infinity], "#NUM!", "Einwohner: keine endliche Zahl"],
  ["Einwohner WAHR", VERFUEGUNGSFONDS, [true], "#VALUE!", "Einwohner muss eine Zahl sein, Sie haben den Wahrheitswert WAHR angegeben"],
  ["Projektmittel ohne Einwohner", PROJEKTMITTEL, [null], "#VALUE!", "Einwohner muss eine Zahl sein"],
  ["Projektmittel VbE als Text", PROJEKTMITTEL, [12345, "zwei"], "#VALUE!", "VbE muss eine Zahl sein, Sie haben den Text „zwei“ angegeben"],
  ["Projektmittel VbE negativ", PROJEKTMITTEL, [12345, -2], "#NUM!", "VbE: darf nicht negativ sein"],
  ["Projektmittel Einwohner gebrochen", PROJEKTMITTEL, [2.5, 2], "#NUM!", "Einwohner: muss eine ganze Zahl sein"],
  ["Raumkosten als Text", GESAMTBUDGET, [12345, 2, "teuer"], "#VALUE!", "Raumkosten muss eine Zahl sein"],
  ["Raumkosten negativ", GESAMTBUDGET, [12345, 2, -1], "#NUM!", "Raumkosten: darf nicht negativ sein"],
  ["Raumkosten unplausibel", GESAMTBUDGET, [12345, 2, 1e9], "#NUM!", "Raumkosten: 1.000.000.000 ist unplausibel groß"],
  ["Gehalt als WAHR", GESAMTBUDGET, [12345, 2, 0, true], "#VALUE!", "Gehalt je VbE muss eine Zahl sein, Sie haben den Wahrheitswert WAHR angegeben"],
  ["erstes falsches Argument zählt", GESAMTBUDGET, ["x", "y"], "#VALUE!", "Einwohner muss eine Zahl sein"],
  ["Gesamtbudget als Bereich", GESAMTBUDGET, [[[12345], [6789]]], "#VALUE!", "Sie haben einen Bereich angegeben"],
  ["unbekannter Parameter", PARAMETER, ["Sachkosten pro Kopf"], "#N/A", "Unbekannter Parameter „Sachkosten pro Kopf“"],
  ["unbekannter Parameter nennt gültige", PARAMETER, ["Miete"], "#N/A", "Gültige Namen sind z. B. „Mindest-VbE“, „Gehalt je VbE“, „Sachkosten je VbE“."],
  ["Parameter nur Leerzeichen", PARAMETER, ["   "], "#N/A", "Unbekannter Parameter"],
  ["Parametername als Zahl", PARAMETER, [3500], "#VALUE!", "Name muss ein Text sein, Sie haben den Wert 3500 angegeben."],
  ["Parametername leer", PARAMETER, [null], "#VALUE!", "Name muss ein Text sein, Sie haben eine leere Zelle angegeben."],
  ["Parametername leerer Text", PARAMETER, [""], "#VALUE!", "Sie haben eine leere Zelle angegeben"],
  ["Parametername WAHR", PARAMETER, [true], "#VALUE!", "Sie haben den Wahrheitswert WAHR angegeben"],
  ["je Einwohner bei 0 Einwohnern", JE_EINWOHNER, [1000, 0], "#DIV/0!", "Einwohner: 0 – ein Betrag je Einwohner braucht mindestens einen Einwohner."],
  ["Betrag als Text", JE_EINWOHNER, ["1000", 10], "#VALUE!", "Betrag muss eine Zahl sein, Sie haben den Text „1000“ angegeben"],
  ["Betrag unplausibel", JE_EINWOHNER, [1e13, 10], "#NUM!", "Betrag: 10.000.000.000.000 ist unplausibel groß"],
  ["Betrag NaN", JE_EINWOHNER, [NaN, 10], "#NUM!", "Betrag: keine endliche Zahl"],
  ["je Einwohner negativ", JE_EINWOHNER, [1000, -10], "#NUM!", "Einwohner: darf nicht negativ sein"],
  ["je Einwohner gebrochen", JE_EINWOHNER, [1000, 2.5], "#NUM!", "Einwohner: muss eine ganze Zahl sein"],
  ["je Einwohner leer", JE_EINWOHNER, [1000, null], "#VALUE!", "Einwohner muss eine Zahl sein, Sie haben eine leere Zelle angegeben"],
];

describe("bad input: the right Excel error with the German message, never an exception", () => {
  test("the table has at least 30 cases and covers every function", () => {
    expect(BAD_INPUT.length).toBeGreaterThanOrEqual(30);
    expect(new Set(BAD_INPUT.map(([, fn]) => fn.name))).toEqual(new Set(QM_FUNCTIONS.map((f) => f.name)));
  });

  test.each(BAD_INPUT)("%s → registry", (_label, fn, args, code, message) => {
    let result: FunctionResult | undefined;
    expect(() => {
      result = fn.impl(...args);
    }).not.toThrow();
    expect(result).toEqual({ error: code, message: expect.stringContaining(message) });
  });

  test.each(BAD_INPUT)("%s → Excel function returns CustomFunctions.Error", (_label, fn, args, code, message) => {
    let result: unknown;
    expect(() => {
      result = excelFunction(fn.name)(...args);
    }).not.toThrow();
    expect(result).toBeInstanceOf(FakeExcelError);
    expect(result).toEqual(new FakeExcelError(code, expect.stringContaining(message)));
  });

  test("no value of any kind makes a function throw", () => {
    const anyArgs = fc.array(fc.oneof(fc.anything(), fc.double(), fc.integer(), fc.constantFrom(null, undefined, "", true)), {
      maxLength: 5,
    });
    const codes = new Set(["#VALUE!", "#NUM!", "#N/A", "#DIV/0!"]);
    fc.assert(
      fc.property(fc.constantFrom(...QM_FUNCTIONS), anyArgs, (fn, args) => {
        const result = fn.impl(...args);
        if (typeof result === "number") return Number.isFinite(result);
        return codes.has(result.error) && result.message.length > 0;
      }),
      { numRuns: 2000 },
    );
  });

  test("a defect is shown in the cell as an internal error, not thrown", () => {
    jest.spyOn(state, "runtimeState").mockImplementation(() => {
      throw new Error("kaputt");
    });
    expect(PROJEKTKOSTEN.impl(100)).toEqual({ error: "#VALUE!", message: "Interner Fehler: kaputt" });
  });
});

// --- good input, computed by hand ---------------------------------------------------------------

type GoodCase = [fn: QmFunction, args: unknown[], expected: number];

const GOOD_INPUT: GoodCase[] = [
  // Personalkosten = VbE × 45 000 (or the given salary)
  [PERSONALKOSTEN, [2], 90000],
  [PERSONALKOSTEN, [2.5], 112500],
  [PERSONALKOSTEN, [0], 0],
  [PERSONALKOSTEN, [1.5, 50000], 75000],
  [PERSONALKOSTEN, [2.5, 47123.45], 117808.63], // 117 808,625 → half-up
  [PERSONALKOSTEN, [2, null], 90000], // omitted salary → the standard's
  // Sachkosten = VbE × 3 500
  [SACHKOSTEN, [2], 7000],
  [SACHKOSTEN, [2.5], 8750],
  [SACHKOSTEN, [0.3], 1050], // 0,3 × 3 500 exactly, not 1049,999…
  [SACHKOSTEN, [0.00001], 0.04], // 0,035 → half-up
  [SACHKOSTEN, [100], 350000],
  // Projektkosten = max(2 × E, 5 000)
  [PROJEKTKOSTEN, [0], 5000],
  [PROJEKTKOSTEN, [2499], 5000],
  [PROJEKTKOSTEN, [2500], 5000],
  [PROJEKTKOSTEN, [2501], 5002],
  [PROJEKTKOSTEN, [12345], 24690],
  [PROJEKTKOSTEN, [10_000_000], 20_000_000],
  // Verfügungsfonds = 0,50 × E, at least 2 000 below 5 000 residents
  [VERFUEGUNGSFONDS, [0], 2000],
  [VERFUEGUNGSFONDS, [3999], 2000],
  [VERFUEGUNGSFONDS, [4000], 2000],
  [VERFUEGUNGSFONDS, [4001], 2000.5],
  [VERFUEGUNGSFONDS, [4999], 2499.5],
  [VERFUEGUNGSFONDS, [5000], 2500],
  [VERFUEGUNGSFONDS, [12345], 6172.5],
  // Projektmittel = Sachkosten + Projektkosten + Verfügungsfonds
  [PROJEKTMITTEL, [12345], 37862.5], // 7 000 + 24 690 + 6 172,50
  [PROJEKTMITTEL, [12345, 2.5], 39612.5], // 8 750 + 24 690 + 6 172,50
  [PROJEKTMITTEL, [0], 14000], // 7 000 + 5 000 + 2 000
  [PROJEKTMITTEL, [3000, 0], 8000], // 0 + 6 000 + 2 000
  // Gesamtbudget = Personalkosten + Projektmittel + Raumkosten
  [GESAMTBUDGET, [12345], 127862.5], // 90 000 + 37 862,50
  [GESAMTBUDGET, [12345, 2.5, 18000], 170112.5], // 112 500 + 39 612,50 + 18 000
  [GESAMTBUDGET, [12345, 2.5, 18000, 50000], 182612.5], // 125 000 + 39 612,50 + 18 000
  [GESAMTBUDGET, [12345, null, 18000], 145862.5], // 90 000 + 37 862,50 + 18 000
  [GESAMTBUDGET, [12345, 2, 1234.565], 129097.07], // room costs 1 234,565 → 1 234,57
  // Parameter by German name, English name, defined name or key
  [PARAMETER, ["Sachkosten je VbE"], 3500],
  [PARAMETER, ["sachkosten_je_vbe"], 3500],
  [PARAMETER, ["Gehalt je VbE"], 45000],
  [PARAMETER, ["Salary per FTE"], 45000],
  [PARAMETER, ["Mindest-VbE"], 2],
  [PARAMETER, ["Verfügungsfonds je Einwohner"], 0.5],
  [PARAMETER, ["Verfuegungsfonds_Mindestbetrag"], 2000],
  [PARAMETER, ["  PROJEKTKOSTEN MINDESTBETRAG "], 5000],
  [PARAMETER, ["Verfügungsfonds Schwelle Einwohner"], 5000],
  // Amount per resident, cents half-up
  [JE_EINWOHNER, [37862.5, 12345], 3.07], // 3,0670…
  [JE_EINWOHNER, [100, 3], 33.33],
  [JE_EINWOHNER, [200, 3], 66.67],
  [JE_EINWOHNER, [-100, 3], -33.33],
  [JE_EINWOHNER, [5, 1000], 0.01], // 0,005 → half-up
  [JE_EINWOHNER, [0, 1], 0],
];

describe("good input: the figures of the budget table", () => {
  const titled = GOOD_INPUT.map(
    ([fn, args, expected]) => [`${fn.name}(${args.map(String).join("; ")}) = ${expected}`, fn, args, expected] as const,
  );
  test.each(titled)("%s", (_title, fn, args, expected) => {
    expect(fn.impl(...args)).toBe(expected);
    expect(excelFunction(fn.name)(...args)).toBe(expected);
  });
});

describe("registry", () => {
  test("names are unique, upper-case and the arity fits the implementation", () => {
    const names = QM_FUNCTIONS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of QM_FUNCTIONS) {
      expect(f.name).toMatch(/^[A-Z_]+$/);
      expect(f.minArgs).toBeGreaterThanOrEqual(1);
      expect(f.maxArgs).toBeGreaterThanOrEqual(f.minArgs);
      expect(f.impl.length).toBe(f.maxArgs);
    }
  });
});

describe("workbook parameters and language", () => {
  test("a workbook's own figures replace the standard's", () => {
    setActiveParameters({ ...defaultParameters(), materialCostPerFte: "4000", salaryPerFte: "48000.50" });
    expect(SACHKOSTEN.impl(2)).toBe(8000);
    expect(PARAMETER.impl("Sachkosten je VbE")).toBe(4000);
    expect(PROJEKTMITTEL.impl(12345)).toBe(38862.5); // 8 000 + 24 690 + 6 172,50
    expect(PERSONALKOSTEN.impl(2)).toBe(96001);
    expect(GESAMTBUDGET.impl(12345)).toBe(134863.5); // 96 001 + 38 862,50
  });

  test("invalid figures are refused and the previous ones stay", () => {
    expect(() => setActiveParameters({ ...defaultParameters(), materialCostPerFte: "viel" })).toThrow();
    expect(SACHKOSTEN.impl(2)).toBe(7000);
  });

  test("English messages where Office runs in English", () => {
    setFunctionLanguage("en");
    expect(PROJEKTKOSTEN.impl("x")).toEqual({ error: "#VALUE!", message: 'Residents must be a number, got the text "x".' });
    expect(PARAMETER.impl("Rent")).toEqual({
      error: "#N/A",
      message: 'Unknown parameter "Rent". Valid names are e.g. "Minimum FTE", "Salary per FTE", "Material cost per FTE".',
    });
    expect(JE_EINWOHNER.impl(1, 0)).toEqual({
      error: "#DIV/0!",
      message: "Residents: 0 — an amount per resident needs at least one resident.",
    });
    expect(PARAMETER.impl(7)).toEqual({ error: "#VALUE!", message: "Name must be text, got the value 7." });
  });

  test("functions.ts takes the message language from Office once it is ready", () => {
    expect(onReady).toBeDefined();
    office.context.displayLanguage = "en-US";
    onReady?.({ host: "Excel", platform: "PC" });
    expect(excel.projektkosten(-1)).toEqual(new FakeExcelError("#NUM!", "Residents: must not be negative (-1)."));
    office.context.displayLanguage = "de-DE";
    onReady?.({ host: "Excel", platform: "PC" });
    expect(excel.projektkosten(-1)).toEqual(new FakeExcelError("#NUM!", "Einwohner: darf nicht negativ sein (-1)."));
  });
});
