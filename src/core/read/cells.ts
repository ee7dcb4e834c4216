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
import { FIELD_NAMES } from "./fields";
import { say, Texts, Wording } from "./texts";

export function cellName(cell: CellRef): string {
  return qualifiedAddress(cell.sheet, cell.address);
}

export function failure<T>(problem: ReadProblem, detail: Texts, cell?: CellRef): ReadResult<T> {
  return { ok: false, problem, detail: detail.de, detailEn: detail.en, cell };
}

/** A failure's explanation in every language. */
export function detailOf(read: { detail: string; detailEn: string }): Texts {
  return { de: read.detail, en: read.detailEn };
}

/** A cell's content as a short quote for messages. */
export function shownText(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > 40 ? oneLine.slice(0, 40) + "…" : oneLine;
}

interface At {
  field: Texts;
  where: string;
}

const TEXT = {
  empty: { de: (a) => `${a.field.de}: Die Zelle ${a.where} ist leer.`, en: (a) => `${a.field.en}: cell ${a.where} is empty.` } as Wording<At>,
  errorValue: {
    de: (a) => `${a.field.de}: Die Zelle ${a.where} enthält den Fehlerwert ${a.code}.`,
    en: (a) => `${a.field.en}: cell ${a.where} holds the error value ${a.code}.`,
  } as Wording<At & { code: string }>,
  uncomputed: {
    de: (a) =>
      `${a.field.de}: Die Formel =${a.formula} in ${a.where} hat keinen berechneten Wert (Datei in Excel oder LibreOffice öffnen und speichern).`,
    en: (a) => `${a.field.en}: the formula =${a.formula} in ${a.where} has no computed value (open and save the file in Excel or LibreOffice).`,
  } as Wording<At & { formula: string }>,
  notANumber: {
    de: (a) =>
      `${a.field.de}: Die Zelle ${a.where} enthält ${typeof a.value === "boolean" ? `den Wahrheitswert ${a.value ? "WAHR" : "FALSCH"}` : `den Text „${shownText(a.value)}“`} statt einer Zahl.`,
    en: (a) =>
      `${a.field.en}: cell ${a.where} holds ${typeof a.value === "boolean" ? `the boolean ${a.value ? "TRUE" : "FALSE"}` : `the text "${shownText(a.value)}"`} instead of a number.`,
  } as Wording<At & { value: string | boolean }>,
  refused: {
    de: (a) => `${a.de} (Zelle ${a.where})`,
    en: (a) => `${a.en} (cell ${a.where})`,
  } as Wording<{ de: string; en: string; where: string }>,
  badAmount: {
    de: (a) => `${a.field.de}: Der Betrag ${formatNumber(a.amount)} in ${a.where} ist ${a.negative ? "negativ" : "unplausibel groß"}.`,
    en: (a) => `${a.field.en}: the amount ${formatNumber(a.amount, "en")} in ${a.where} is ${a.negative ? "negative" : "implausibly large"}.`,
  } as Wording<At & { amount: Dec; negative: boolean }>,
  notAYear: {
    de: (a) => `${a.field.de}: ${formatNumber(a.value)} in ${a.where} ist kein Jahr.`,
    en: (a) => `${a.field.en}: ${formatNumber(a.value, "en")} in ${a.where} is not a year.`,
  } as Wording<At & { value: number }>,
  notYesNo: {
    de: (a) => `${a.field.de}: ${a.where} enthält ${typeof a.value === "string" ? `„${shownText(a.value)}“` : String(a.value)}, erwartet wird „${YES}“ oder „${NO}“.`,
    en: (a) =>
      `${a.field.en}: ${a.where} holds ${typeof a.value === "string" ? `"${shownText(a.value)}"` : String(a.value)}, expected "${YES}" (yes) or "${NO}" (no).`,
  } as Wording<At & { value: string | number }>,
};

/**
 * The failures every kind of value shares: empty, uncomputed formula, error value. Returns
 * undefined when the cell holds a plain number, text or truth value for the caller to judge.
 */
function commonFailure<T>(field: Texts, value: CellValue | undefined, cell: CellRef): ReadResult<T> | undefined {
  // The usual cell holds a number or a text: no quoted cell name is built for it (most cells of a batch).
  if (typeof value === "number" || typeof value === "boolean" || (typeof value === "string" && value.trim() !== "")) return undefined;
  const at = { field, where: cellName(cell) };
  if (value === undefined || typeof value === "string") return failure("leer", say(TEXT.empty, at), cell);
  return value.kind === "error"
    ? failure("fehlerwert", say(TEXT.errorValue, { ...at, code: value.code }), cell)
    : failure("formel_ohne_wert", say(TEXT.uncomputed, { ...at, formula: shownText(value.formula) }), cell);
}

function readNumeric<T>(field: Texts, value: CellValue | undefined, cell: CellRef, accept: (n: number) => T): ReadResult<T> {
  const common = commonFailure<T>(field, value, cell);
  if (common) return common;
  if (typeof value !== "number") return failure("kein_zahlwert", say(TEXT.notANumber, { field, where: cellName(cell), value: value as string | boolean }), cell);
  try {
    return { ok: true, value: accept(value), cell };
  } catch (err) {
    if (!isQmInputError(err)) throw err;
    return failure("ungueltig", say(TEXT.refused, { de: err.message, en: err.messageEn, where: cellName(cell) }), cell);
  }
}

/** Any finite number, for callers that judge its range themselves. */
export function readNumber(field: Texts, value: CellValue | undefined, cell: CellRef): ReadResult<number> {
  return readNumeric(field, value, cell, (n) => n);
}

export function readResidents(value: CellValue | undefined, cell: CellRef): ReadResult<number> {
  return readNumeric(FIELD_NAMES.residents, value, cell, parseResidents);
}

export function readFte(value: CellValue | undefined, cell: CellRef): ReadResult<Dec> {
  return readNumeric(FIELD_NAMES.fte, value, cell, parseFte);
}

const AMOUNT_MAX = new Dec(LIMITS.amountMax);

/** A non-negative number up to `max`, e.g. a planned amount in euros or a rate. */
export function readAmount(field: Texts, value: CellValue | undefined, cell: CellRef, max: Dec = AMOUNT_MAX): ReadResult<Dec> {
  const read = readNumeric(field, value, cell, (n) => new Dec(n));
  if (read.ok && (read.value.lt(0) || read.value.gt(max)))
    return failure("ungueltig", say(TEXT.badAmount, { field, where: cellName(cell), amount: read.value, negative: read.value.lt(0) }), cell);
  return read;
}

/** A year (a plan year, the base year): a whole number in a plausible range. */
export function readYear(value: CellValue | undefined, cell: CellRef, field: Texts = FIELD_NAMES.year): ReadResult<number> {
  const read = readNumeric(field, value, cell, (n) => n);
  if (read.ok && !isPlausibleYear(read.value)) return failure("ungueltig", say(TEXT.notAYear, { field, where: cellName(cell), value: read.value }), cell);
  return read;
}

export function isPlausibleYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1990 && n <= 2100;
}

/** "ja"/"nein" (any case, as the template's dropdown writes them) or a truth value. */
export function readYesNo(field: Texts, value: CellValue | undefined, cell: CellRef): ReadResult<boolean> {
  const common = commonFailure<boolean>(field, value, cell);
  if (common) return common;
  if (typeof value === "boolean") return { ok: true, value, cell };
  const word = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (word === YES) return { ok: true, value: true, cell };
  if (word === NO) return { ok: true, value: false, cell };
  return failure("ja_nein", say(TEXT.notYesNo, { field, where: cellName(cell), value: value as string | number }), cell);
}

/** Planned measures: any text (or other constant); an empty cell means none are planned. */
export function readMeasures(field: Texts, value: CellValue | undefined, cell: CellRef): ReadResult<string> {
  if (value === undefined) return { ok: true, value: "", cell };
  const common = commonFailure<string>(field, value, cell);
  // A cell of blanks is as empty as an empty one; formulas and error values are not.
  if (common && !common.ok && common.problem !== "leer") return common;
  return { ok: true, value: typeof value === "string" ? value.trim() : String(value), cell };
}
