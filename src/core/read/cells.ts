/**
 * Turning one cell of a snapshot into a typed plan value, or into the reason it cannot be one.
 * Shared by the template reader (cells found through names) and the foreign-sheet reader
 * (cells found beside labels), so both explain problems in the same words.
 */
import { Dec } from "../decimal";
import { isQmInputError } from "../errors";
import { formatNumber } from "../format";
import { LIMITS, parseFte, parseResidents } from "../inputs";
import { NO, YES } from "../names";
import type { CellRef, ReadProblem, ReadResult } from "../plan";
import { CellValue, qualifiedAddress } from "../workbook";

export function cellName(cell: CellRef): string {
  return qualifiedAddress(cell.sheet, cell.address);
}

export function failure<T>(problem: ReadProblem, detail: string, cell?: CellRef): ReadResult<T> {
  return { ok: false, problem, detail, cell };
}

/** A cell's content as a short quote for messages. */
export function shownText(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > 40 ? oneLine.slice(0, 40) + "…" : oneLine;
}

/**
 * The failures every kind of value shares: empty, uncomputed formula, error value. Returns
 * undefined when the cell holds a plain number, text or truth value for the caller to judge.
 */
function commonFailure<T>(field: string, value: CellValue | undefined, cell: CellRef): ReadResult<T> | undefined {
  const where = cellName(cell);
  if (value === undefined || (typeof value === "string" && value.trim() === ""))
    return failure("leer", `${field}: Die Zelle ${where} ist leer.`, cell);
  if (typeof value === "object") {
    return value.kind === "error"
      ? failure("fehlerwert", `${field}: Die Zelle ${where} enthält den Fehlerwert ${value.code}.`, cell)
      : failure(
          "formel_ohne_wert",
          `${field}: Die Formel =${shownText(value.formula)} in ${where} hat keinen berechneten Wert (Datei in Excel oder LibreOffice öffnen und speichern).`,
          cell,
        );
  }
  return undefined;
}

function notANumber<T>(field: string, value: string | boolean, cell: CellRef): ReadResult<T> {
  const what = typeof value === "boolean" ? `den Wahrheitswert ${value ? "WAHR" : "FALSCH"}` : `den Text „${shownText(value)}“`;
  return failure("kein_zahlwert", `${field}: Die Zelle ${cellName(cell)} enthält ${what} statt einer Zahl.`, cell);
}

function readNumeric<T>(field: string, value: CellValue | undefined, cell: CellRef, accept: (n: number) => T): ReadResult<T> {
  const common = commonFailure<T>(field, value, cell);
  if (common) return common;
  if (typeof value !== "number") return notANumber(field, value as string | boolean, cell);
  try {
    return { ok: true, value: accept(value), cell };
  } catch (err) {
    if (!isQmInputError(err)) throw err;
    return failure("ungueltig", `${err.message} (Zelle ${cellName(cell)})`, cell);
  }
}

export function readResidents(value: CellValue | undefined, cell: CellRef): ReadResult<number> {
  return readNumeric("Einwohner", value, cell, parseResidents);
}

export function readFte(value: CellValue | undefined, cell: CellRef): ReadResult<Dec> {
  return readNumeric("VbE", value, cell, parseFte);
}

/** A planned amount in euros: any finite, non-negative, plausible number. */
export function readAmount(field: string, value: CellValue | undefined, cell: CellRef): ReadResult<Dec> {
  const read = readNumeric(field, value, cell, (n) => new Dec(n));
  if (read.ok && (read.value.lt(0) || read.value.gt(LIMITS.amountMax)))
    return failure(
      "ungueltig",
      `${field}: Der Betrag ${formatNumber(read.value)} in ${cellName(cell)} ist ${read.value.lt(0) ? "negativ" : "unplausibel groß"}.`,
      cell,
    );
  return read;
}

/** A plan year: a whole number in a plausible range. */
export function readYear(value: CellValue | undefined, cell: CellRef): ReadResult<number> {
  const read = readNumeric("Planjahr", value, cell, (n) => n);
  if (read.ok && !isPlausibleYear(read.value))
    return failure("ungueltig", `Planjahr: ${formatNumber(read.value)} in ${cellName(cell)} ist kein Jahr.`, cell);
  return read;
}

export function isPlausibleYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1990 && n <= 2100;
}

/** "ja"/"nein" (any case, as the template's dropdown writes them) or a truth value. */
export function readYesNo(field: string, value: CellValue | undefined, cell: CellRef): ReadResult<boolean> {
  const common = commonFailure<boolean>(field, value, cell);
  if (common) return common;
  if (typeof value === "boolean") return { ok: true, value, cell };
  const word = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (word === YES) return { ok: true, value: true, cell };
  if (word === NO) return { ok: true, value: false, cell };
  const shown = typeof value === "string" ? `„${shownText(value)}“` : String(value);
  return failure("ja_nein", `${field}: ${cellName(cell)} enthält ${shown}, erwartet wird „${YES}“ oder „${NO}“.`, cell);
}

/** Planned measures: any text (or other constant); an empty cell means none are planned. */
export function readMeasures(field: string, value: CellValue | undefined, cell: CellRef): ReadResult<string> {
  if (value === undefined) return { ok: true, value: "", cell };
  const common = commonFailure<string>(field, value, cell);
  // A cell of blanks is as empty as an empty one; formulas and error values are not.
  if (common && !common.ok && common.problem !== "leer") return common;
  return { ok: true, value: typeof value === "string" ? value.trim() : String(value), cell };
}
