import {
  CompiledParameters,
  dispositionFundOf,
  materialCostOf,
  projectCostOf,
  projectFundsOf,
  staffCostOf,
  totalBudgetOf,
} from "../core/budget";
import { amountToNumber, Dec, toCents } from "../core/decimal";
import { InputErrorKind, isQmInputError } from "../core/errors";
import {
  isOmitted,
  parseAmount,
  parseFigureName,
  parseFte,
  parseResidents,
  parseRoomCosts,
  parseSalary,
} from "../core/inputs";
import { activeParameters, functionLanguage } from "./activeParameters";
import { ExcelErrorCode, FunctionError, FunctionResult, QmFunction } from "./result";

/**
 * The QM.* functions as pure implementations over the core. Excel (`functions.ts`) and the
 * simulated host of the preview both call these, so both show the same figures and errors.
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

function errorOf(e: unknown): FunctionError {
  const english = functionLanguage() === "en";
  if (isQmInputError(e)) return { error: CODE_BY_KIND[e.kind], message: english ? e.messageEn : e.message };
  // Not an input error: a defect. Show it in the cell rather than let Excel report a bare failure.
  const detail = e instanceof Error ? e.message : String(e);
  return { error: "#VALUE!", message: english ? `Internal error: ${detail}` : `Interner Fehler: ${detail}` };
}

/**
 * Runs one evaluation: the cent amount as a number at the very end, or an Excel error (thrown
 * by the core's input checks or returned by the computation). Never throws.
 */
function evaluate(compute: (p: CompiledParameters) => Dec | FunctionError): FunctionResult {
  try {
    const result = compute(activeParameters());
    return Dec.isDecimal(result) ? amountToNumber(result) : result;
  } catch (e) {
    return errorOf(e);
  }
}

function fteOrDefault(value: unknown, p: CompiledParameters): Dec {
  return isOmitted(value) ? p.minFte : parseFte(value);
}

function salaryOrDefault(value: unknown, p: CompiledParameters): Dec {
  return isOmitted(value) ? p.salaryPerFte : parseSalary(value);
}

const NO_ROOM_COSTS = new Dec(0);

function roomCostsOrNone(value: unknown): Dec {
  return isOmitted(value) ? NO_ROOM_COSTS : toCents(parseRoomCosts(value));
}

const divisionByZeroResidents = (): FunctionError =>
  functionLanguage() === "en"
    ? { error: "#DIV/0!", message: "Residents: 0 — an amount per resident needs at least one resident." }
    : { error: "#DIV/0!", message: "Einwohner: 0 – ein Betrag je Einwohner braucht mindestens einen Einwohner." };

export const PERSONALKOSTEN: QmFunction = {
  name: "PERSONALKOSTEN",
  minArgs: 1,
  maxArgs: 2,
  impl: (fte, salaryPerFte) => evaluate((p) => staffCostOf(parseFte(fte), salaryOrDefault(salaryPerFte, p))),
};

export const SACHKOSTEN: QmFunction = {
  name: "SACHKOSTEN",
  minArgs: 1,
  maxArgs: 1,
  impl: (fte) => evaluate((p) => materialCostOf(parseFte(fte), p)),
};

export const PROJEKTKOSTEN: QmFunction = {
  name: "PROJEKTKOSTEN",
  minArgs: 1,
  maxArgs: 1,
  impl: (residents) => evaluate((p) => projectCostOf(parseResidents(residents), p)),
};

export const VERFUEGUNGSFONDS: QmFunction = {
  name: "VERFUEGUNGSFONDS",
  minArgs: 1,
  maxArgs: 1,
  impl: (residents) => evaluate((p) => dispositionFundOf(parseResidents(residents), p)),
};

export const PROJEKTMITTEL: QmFunction = {
  name: "PROJEKTMITTEL",
  minArgs: 1,
  maxArgs: 2,
  impl: (residents, fte) => evaluate((p) => projectFundsOf(parseResidents(residents), fteOrDefault(fte, p), p)),
};

export const GESAMTBUDGET: QmFunction = {
  name: "GESAMTBUDGET",
  minArgs: 1,
  maxArgs: 4,
  impl: (residents, fte, roomCosts, salaryPerFte) =>
    evaluate((p) => {
      // Arguments are checked in the order the user wrote them, so the first wrong one is named.
      const e = parseResidents(residents);
      const f = fteOrDefault(fte, p);
      const r = roomCostsOrNone(roomCosts);
      const s = salaryOrDefault(salaryPerFte, p);
      return totalBudgetOf(e, f, s, r, p);
    }),
};

export const PARAMETER: QmFunction = {
  name: "PARAMETER",
  minArgs: 1,
  maxArgs: 1,
  impl: (name) => evaluate((p) => p[parseFigureName(name).key]),
};

export const JE_EINWOHNER: QmFunction = {
  name: "JE_EINWOHNER",
  minArgs: 2,
  maxArgs: 2,
  impl: (amount, residents) =>
    evaluate(() => {
      const a = parseAmount(amount);
      const e = parseResidents(residents);
      return e === 0 ? divisionByZeroResidents() : toCents(a.div(e));
    }),
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
