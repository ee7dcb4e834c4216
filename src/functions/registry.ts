import { isQmInputError, InputErrorKind } from "../core/errors";
import { checkAmount, checkFte, checkResidents, checkRoomCosts, checkSalary, isOmitted, parseFigureName } from "../core/inputChecks";
import { functionRules, FunctionRules } from "../core/rulebook/amounts";
import { divideFixed, fixedOfNumber, fixedToNumber } from "../core/rulebook/exact";
import { scaledInput } from "../core/rulebook/fast";
import { ExcelErrorCode, FunctionError, QmFunction } from "./result";
import { runtimeState } from "./state";

/**
 * The QM.* functions as pure implementations over the rulebook. Excel (`functions.ts`) and the
 * simulated host of the preview both call these, so both show the same figures and errors.
 * They compute each line from its one definition (`core/rulebook/lines.ts`) exactly, on the
 * fast path where it applies; this module loads no decimal.js.
 *
 * Error codes: a value of the wrong type → #VALUE!; a number the rule forbids → #NUM! (as
 * Excel's own SQRT(-1)); an unknown name → #N/A; zero residents as a divisor → #DIV/0!.
 * Every error carries the core's message in the functions' language.
 */

const CODE_BY_KIND: Readonly<Record<InputErrorKind, ExcelErrorCode>> = {
  type: "#VALUE!",
  range: "#NUM!",
  unknown: "#N/A",
};

/** The functions' language; German if even the state cannot be read (a defect is being reported). */
function english(): boolean {
  try {
    return runtimeState().language === "en";
  } catch {
    return false;
  }
}

function errorOf(e: unknown): FunctionError {
  const inEnglish = english();
  if (isQmInputError(e)) return { error: CODE_BY_KIND[e.kind], message: inEnglish ? e.messageEn : e.message };
  // Not an input error: a defect. Show it in the cell rather than let Excel report a bare failure.
  const detail = e instanceof Error ? e.message : String(e);
  return { error: "#VALUE!", message: inEnglish ? `Internal error: ${detail}` : `Interner Fehler: ${detail}` };
}

/** The rules compiled for the active figures. */
const rules = (): FunctionRules => functionRules(runtimeState().parameters);

const fteOr = (value: unknown, r: FunctionRules): number => (isOmitted(value) ? r.figureValues.minFte : checkFte(value));
const salaryOr = (value: unknown, r: FunctionRules): number => (isOmitted(value) ? r.figureValues.salaryPerFte : checkSalary(value));
const roomCostsOr = (value: unknown): number => (isOmitted(value) ? 0 : checkRoomCosts(value));

// Each function checks its arguments in the order the user wrote them, so the first wrong one
// is named, and turns an input error into its Excel error: it never throws.

export const PERSONALKOSTEN: QmFunction = {
  name: "PERSONALKOSTEN",
  minArgs: 1,
  maxArgs: 2,
  impl: (fte, salary) => {
    try {
      const r = rules();
      return r.amount("staffCost", 0, checkFte(fte), salaryOr(salary, r), 0);
    } catch (e) {
      return errorOf(e);
    }
  },
};

export const SACHKOSTEN: QmFunction = {
  name: "SACHKOSTEN",
  minArgs: 1,
  maxArgs: 1,
  impl: (fte) => {
    try {
      const r = rules();
      return r.amount("materialCost", 0, checkFte(fte), 0, 0);
    } catch (e) {
      return errorOf(e);
    }
  },
};

export const PROJEKTKOSTEN: QmFunction = {
  name: "PROJEKTKOSTEN",
  minArgs: 1,
  maxArgs: 1,
  impl: (residents) => {
    try {
      return rules().amount("projectCost", checkResidents(residents), 0, 0, 0);
    } catch (e) {
      return errorOf(e);
    }
  },
};

export const VERFUEGUNGSFONDS: QmFunction = {
  name: "VERFUEGUNGSFONDS",
  minArgs: 1,
  maxArgs: 1,
  impl: (residents) => {
    try {
      return rules().amount("dispositionFund", checkResidents(residents), 0, 0, 0);
    } catch (e) {
      return errorOf(e);
    }
  },
};

export const PROJEKTMITTEL: QmFunction = {
  name: "PROJEKTMITTEL",
  minArgs: 1,
  maxArgs: 2,
  impl: (residents, fte) => {
    try {
      const r = rules();
      const e = checkResidents(residents);
      return r.amount("projectFunds", e, fteOr(fte, r), 0, 0);
    } catch (e) {
      return errorOf(e);
    }
  },
};

export const GESAMTBUDGET: QmFunction = {
  name: "GESAMTBUDGET",
  minArgs: 1,
  maxArgs: 4,
  impl: (residents, fte, roomCosts, salary) => {
    try {
      const r = rules();
      const e = checkResidents(residents);
      const f = fteOr(fte, r);
      const room = roomCostsOr(roomCosts);
      return r.amount("total", e, f, salaryOr(salary, r), room);
    } catch (e) {
      return errorOf(e);
    }
  },
};

export const PARAMETER: QmFunction = {
  name: "PARAMETER",
  minArgs: 1,
  maxArgs: 1,
  impl: (name) => {
    try {
      return rules().figureValues[parseFigureName(name).key];
    } catch (e) {
      return errorOf(e);
    }
  },
};

const divisionByZeroResidents = (): FunctionError =>
  runtimeState().language === "en"
    ? { error: "#DIV/0!", message: "Residents: 0 — an amount per resident needs at least one resident." }
    : { error: "#DIV/0!", message: "Einwohner: 0 – ein Betrag je Einwohner braucht mindestens einen Einwohner." };

/** amount ÷ residents to the cent, half away from zero, exactly: integer cents where they fit, else BigInts. */
function perResident(amount: number, residents: number): number {
  const cents = scaledInput(amount, 2);
  if (cents === cents) {
    // q = ⌊(2|c| + E) / 2E⌋.
    const n = 2 * Math.abs(cents) + residents;
    const d = 2 * residents;
    // ⌊n / d⌋ from a rounded division, corrected by one: q × d stays below 2^53, so exact.
    const guess = Math.floor(n / d);
    const q = guess * d > n ? guess - 1 : (guess + 1) * d <= n ? guess + 1 : guess;
    return (cents < 0 && q !== 0 ? -q : q) / 100;
  }
  return fixedToNumber(divideFixed(fixedOfNumber(amount), BigInt(residents), 2));
}

export const JE_EINWOHNER: QmFunction = {
  name: "JE_EINWOHNER",
  minArgs: 2,
  maxArgs: 2,
  impl: (amount, residents) => {
    try {
      const a = checkAmount(amount);
      const e = checkResidents(residents);
      return e === 0 ? divisionByZeroResidents() : perResident(a, e);
    } catch (e) {
      return errorOf(e);
    }
  },
};

/** Every QM.* function, in the order the README lists them. */
export const QM_FUNCTIONS: QmFunction[] = [
  PERSONALKOSTEN,
  SACHKOSTEN,
  PROJEKTKOSTEN,
  VERFUEGUNGSFONDS,
  PROJEKTMITTEL,
  GESAMTBUDGET,
  PARAMETER,
  JE_EINWOHNER,
];
