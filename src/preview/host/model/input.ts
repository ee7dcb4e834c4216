/**
 * How Excel interprets what is written into a cell: through the API (`range.values`,
 * `range.formulas`) or typed by a person into the grid.
 */
import { parseGermanNumber } from "../../../core/format";
import { officeError } from "../errors";
import { dateSerial, type NumberLocale } from "../numberFormat";
import type { Scalar } from "./types";

/** New content of a cell; `impliedFormat` is the number format Excel picks for dates and %. */
export interface CellInput {
  value?: Scalar;
  formula?: string;
  impliedFormat?: string;
}

const INVARIANT_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function dateInput(s: string): CellInput | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3], "yyyy-mm-dd");
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return validDate(+m[3], +m[2], +m[1], "dd.mm.yyyy");
  return undefined;
}

function validDate(y: number, mo: number, d: number, format: string): CellInput | undefined {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return { value: dateSerial(y, mo, d), impliedFormat: format };
}

/**
 * A value written through `range.values` (or a constant in `range.formulas`). Returns
 * undefined for null, which Office.js treats as "leave this cell unchanged". A string is read
 * the way Excel reads it: "=…" is a formula, "'…" stays text, numbers, TRUE/FALSE, percentages
 * and dates are converted — unless the cell is formatted as text ("@").
 */
export function apiInput(v: unknown, numberFormat: string): CellInput | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw officeError("InvalidArgument", `The value ${v} cannot be written to a cell.`);
    return { value: v };
  }
  if (typeof v === "boolean") return { value: v };
  if (typeof v !== "string") throw officeError("InvalidArgument", "A cell value must be a number, a string or a boolean.");
  if (v === "") return {};
  if (numberFormat === "@") return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (v.startsWith("=") && v.length > 1) return { formula: v };
  const s = v.trim();
  if (INVARIANT_NUMBER.test(s)) return { value: Number(s) };
  const percent = /^([+-]?(\d+\.?\d*|\.\d+))\s*%$/.exec(s);
  if (percent) return { value: Number(percent[1]) / 100, impliedFormat: "0%" };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === "true" };
  return dateInput(s) ?? { value: v };
}

/** Text a person types into the grid: German (or English) number spelling, WAHR/FALSCH, dates. */
export function userInput(text: string, locale: NumberLocale, numberFormat: string): CellInput {
  if (text === "") return {};
  if (numberFormat === "@") return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { formula: text };
  const s = text.trim();
  const percent = /^(.*?)\s*%$/.exec(s);
  const number = (t: string) => (locale === "de" ? parseGermanNumber(t) : /^[+-]?[\d,]*\.?\d+$/.test(t) ? t.replace(/,/g, "") : undefined);
  if (percent) {
    const n = number(percent[1]);
    if (n !== undefined) return { value: Number(n) / 100, impliedFormat: "0%" };
  }
  const n = number(s);
  if (n !== undefined) return { value: Number(n) };
  const upper = s.toUpperCase();
  if (upper === "WAHR" || upper === "TRUE") return { value: true };
  if (upper === "FALSCH" || upper === "FALSE") return { value: false };
  return dateInput(s) ?? { value: text };
}
