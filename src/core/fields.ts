/**
 * The fields a workbook's parameters consist of, and how a figure's text is read and refused —
 * without decimal.js: the QM.* functions' state module (`src/functions/state.ts`) uses this,
 * and the functions' bundle must stay small. Errors are keyed by the field, so the pane can
 * show them beside it, and carry a German and an English message.
 */
import { FigureKey, FIGURE_KEYS, Parameters, RAHMENSTANDARD } from "./standard";

/** The planning assumptions of the Parameter sheet beside the standard's figures. */
export type PlanningKey = "baseYear" | "tariffIncrease" | "shareFederal" | "shareState" | "shareMunicipal";
export const PLANNING_KEYS: readonly PlanningKey[] = ["baseYear", "tariffIncrease", "shareFederal", "shareState", "shareMunicipal"];
export const SHARE_KEYS: readonly PlanningKey[] = ["shareFederal", "shareState", "shareMunicipal"];

/** Every field the Parameter tab edits. */
export type FieldKey = FigureKey | PlanningKey;

/**
 * Significant digits a figure may have: Excel's own precision, so every figure is exactly the
 * number a cell holds, and far below the 40 digits the budget core computes with.
 */
export const FIGURE_DIGITS = 15;

/**
 * A decimal, also in exponent spelling as JavaScript writes small and large numbers ("1e-7").
 * At most three exponent digits, so no text turns into 0 or Infinity.
 */
const DECIMAL_TEXT = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d{1,3}))?$/i;

/**
 * A decimal text as its exact canonical spelling ("0.50" → "0.5", "1e-7" → "0.0000001"), or
 * undefined when it is no non-negative decimal of at most 15 significant digits. String work
 * only: the digits are moved, never computed, so nothing is rounded.
 */
export function canonicalDecimal(text: string): string | undefined {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [, int, frac = "", exponent = "0"] = match;
  let digits = int + frac;
  let point = int.length + Number(exponent);
  const leading = /^0*/.exec(digits)![0].length;
  digits = digits.slice(leading).replace(/0+$/, "");
  point -= leading;
  if (digits === "") return "0";
  if (digits.length > FIGURE_DIGITS) return undefined;
  if (point <= 0) return "0." + "0".repeat(-point) + digits;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return digits.slice(0, point) + "." + digits.slice(point);
}

/**
 * A figure as an exact decimal string, or undefined if the value is no non-negative finite
 * number of at most 15 significant digits. A number (a cell's value) is read to Excel's 15
 * digits, so `=0.1*3` is 0.3, not 0.30000000000000004; a text (from the settings, a profile)
 * must not need rounding.
 */
export function figureValue(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? canonicalDecimal(value.toPrecision(FIGURE_DIGITS)) : undefined;
  return typeof value === "string" ? canonicalDecimal(value) : undefined;
}

/** What an error is about: a field, the pane's language, or the standard's name and version. */
export type ErrorKey = FieldKey | "language" | "standard" | "shares";

/** A value refused for one field; nothing was changed. */
export class FieldError extends Error {
  readonly key: ErrorKey;
  readonly value: unknown;
  readonly messageEn: string;

  constructor(key: ErrorKey, value: unknown, message: string, messageEn: string) {
    super(message);
    this.name = "FieldError";
    this.key = key;
    this.value = value;
    this.messageEn = messageEn;
  }
}

export function isFieldError(error: unknown): error is FieldError {
  return error instanceof FieldError;
}

/** The refusal of a figure's text: names the figure in both languages. */
export function invalidFigure(key: FigureKey, value: unknown): FieldError {
  const figure = RAHMENSTANDARD.figures[key];
  return new FieldError(
    key,
    value,
    `„${String(value)}“ ist für „${figure.name}“ keine gültige Zahl (ab 0, höchstens ${FIGURE_DIGITS} Stellen).`,
    `"${String(value)}" is no valid number for "${figure.nameEn}" (0 or more, at most ${FIGURE_DIGITS} digits).`,
  );
}

/** The figures as exact canonical decimal strings; throws a `FieldError` for the first it cannot read. */
export function validFigures(parameters: Readonly<Parameters>): Parameters {
  const out = {} as Parameters;
  for (const key of FIGURE_KEYS) {
    const value = typeof parameters[key] === "string" ? canonicalDecimal(parameters[key]) : undefined;
    if (value === undefined) throw invalidFigure(key, parameters[key]);
    out[key] = value;
  }
  return out;
}
