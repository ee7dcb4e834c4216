import { languageOf } from "../core/language";
import {
  GESAMTBUDGET,
  JE_EINWOHNER,
  PARAMETER,
  PERSONALKOSTEN,
  PROJEKTKOSTEN,
  PROJEKTMITTEL,
  SACHKOSTEN,
  VERFUEGUNGSFONDS,
} from "./registry";
import { ExcelErrorCode, FunctionResult, isFunctionError, type QmFunction } from "./result";
import { updateRuntimeState } from "./state";

/**
 * The QM.* custom functions as Excel sees them. The JSDoc below is the source of
 * `functions.json` (custom-functions-metadata-plugin), and the plugin appends the
 * `CustomFunctions.associate` calls for these functions. Parameters are typed `unknown`
 * (metadata type "any") so that text, booleans and empty cells reach the registry, which answers
 * them with a German message instead of Excel's bare #VALUE!.
 */

// Error messages follow Office's display language: German, or English where Office runs in English.
Office.onReady(() => updateRuntimeState({ language: languageOf(Office.context.displayLanguage) }));

function errorCodeOf(code: ExcelErrorCode): CustomFunctions.ErrorCode {
  switch (code) {
    case "#VALUE!":
      return CustomFunctions.ErrorCode.invalidValue;
    case "#NUM!":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "#N/A":
      return CustomFunctions.ErrorCode.notAvailable;
    case "#DIV/0!":
      return CustomFunctions.ErrorCode.divisionByZero;
  }
}

/** A registry result as Excel wants it; errors are returned (not thrown) with their message. */
export function toExcel(result: FunctionResult): number | CustomFunctions.Error {
  return isFunctionError(result) ? new CustomFunctions.Error(errorCodeOf(result.error), result.message) : result;
}

/**
 * An argument as the registry checks it. Where Excel passes data types (CustomFunctionsRuntime
 * 1.4, functions.json's allowCustomDataForDataTypeAny), a number arrives as a Double or
 * FormattedNumber value (e.g. a currency-formatted cell): its `basicValue` is the number. Every
 * other value, entities included, goes on unchanged and gets the registry's message.
 */
export function plainArgument(value: unknown): unknown {
  if (typeof value === "object" && value !== null) {
    const { type, basicValue } = value as { type?: unknown; basicValue?: unknown };
    if ((type === "Double" || type === "FormattedNumber") && typeof basicValue === "number") return basicValue;
  }
  return value;
}

/** The one way into the registry: arguments unwrapped, the result as Excel wants it. */
function run(fn: QmFunction, ...args: unknown[]): number | CustomFunctions.Error {
  return toExcel(fn.impl(...args.map(plainArgument)));
}

/**
 * Personalkosten pro Jahr: VbE × Gehalt je VbE, auf Cent gerundet.
 * @customfunction PERSONALKOSTEN
 * @param vbe Stellenumfang in Vollzeitäquivalenten (VbE), von 0 bis 100, z. B. 2,5.
 * @param [gehalt_je_vbe] Jahresgehalt je VbE in Euro; ohne Angabe der Richtwert des Rahmenstandards (TVöD S11).
 * @returns Personalkosten in Euro.
 */
export function personalkosten(vbe: unknown, gehalt_je_vbe?: unknown): number | CustomFunctions.Error {
  return run(PERSONALKOSTEN, vbe, gehalt_je_vbe);
}

/**
 * Sachkosten pro Jahr nach dem Rahmenstandard: VbE × Sachkosten je VbE.
 * @customfunction SACHKOSTEN
 * @param vbe Stellenumfang in Vollzeitäquivalenten (VbE), von 0 bis 100.
 * @returns Sachkosten in Euro.
 */
export function sachkosten(vbe: unknown): number | CustomFunctions.Error {
  return run(SACHKOSTEN, vbe);
}

/**
 * Projektkosten pro Jahr nach dem Rahmenstandard: Satz je Einwohner, mindestens der Mindestbetrag je Quartier.
 * @customfunction PROJEKTKOSTEN
 * @param einwohner Einwohnerzahl des Quartiers (ganze Zahl von 0 bis 10.000.000).
 * @returns Projektkosten in Euro.
 */
export function projektkosten(einwohner: unknown): number | CustomFunctions.Error {
  return run(PROJEKTKOSTEN, einwohner);
}

/**
 * Verfügungsfonds pro Jahr nach dem Rahmenstandard: Satz je Einwohner, in kleinen Quartieren mindestens der Mindestbetrag.
 * @customfunction VERFUEGUNGSFONDS
 * @param einwohner Einwohnerzahl des Quartiers (ganze Zahl von 0 bis 10.000.000).
 * @returns Verfügungsfonds in Euro.
 */
export function verfuegungsfonds(einwohner: unknown): number | CustomFunctions.Error {
  return run(VERFUEGUNGSFONDS, einwohner);
}

/**
 * Projektmittel pro Jahr: Sachkosten + Projektkosten + Verfügungsfonds.
 * @customfunction PROJEKTMITTEL
 * @param einwohner Einwohnerzahl des Quartiers (ganze Zahl von 0 bis 10.000.000).
 * @param [vbe] Stellenumfang in VbE für die Sachkosten; ohne Angabe die Mindest-VbE des Rahmenstandards.
 * @returns Projektmittel in Euro.
 */
export function projektmittel(einwohner: unknown, vbe?: unknown): number | CustomFunctions.Error {
  return run(PROJEKTMITTEL, einwohner, vbe);
}

/**
 * Gesamtbudget pro Jahr: Personalkosten + Projektmittel + Raumkosten.
 * @customfunction GESAMTBUDGET
 * @param einwohner Einwohnerzahl des Quartiers (ganze Zahl von 0 bis 10.000.000).
 * @param [vbe] Stellenumfang in VbE; ohne Angabe die Mindest-VbE des Rahmenstandards.
 * @param [raumkosten] Miet- und Betriebskosten der Räume pro Jahr in Euro; ohne Angabe 0.
 * @param [gehalt_je_vbe] Jahresgehalt je VbE in Euro; ohne Angabe der Richtwert des Rahmenstandards (TVöD S11).
 * @returns Gesamtbudget in Euro.
 */
export function gesamtbudget(
  einwohner: unknown,
  vbe?: unknown,
  raumkosten?: unknown,
  gehalt_je_vbe?: unknown,
): number | CustomFunctions.Error {
  return run(GESAMTBUDGET, einwohner, vbe, raumkosten, gehalt_je_vbe);
}

/**
 * Eine Kennzahl des Rahmenstandards (oder der Parameter dieser Arbeitsmappe) nach ihrem Namen.
 * @customfunction PARAMETER
 * @param name Name der Kennzahl, z. B. "Sachkosten je VbE", "Gehalt je VbE" oder "Projektkosten Mindestbetrag".
 * @returns Der Wert der Kennzahl.
 */
export function parameter(name: unknown): number | CustomFunctions.Error {
  return run(PARAMETER, name);
}

/**
 * Ein Betrag je Einwohner, auf Cent gerundet, z. B. Projektmittel je Einwohner.
 * @customfunction JE_EINWOHNER
 * @param betrag Betrag in Euro.
 * @param einwohner Einwohnerzahl des Quartiers (ganze Zahl, mindestens 1).
 * @returns Betrag je Einwohner in Euro.
 */
export function je_einwohner(betrag: unknown, einwohner: unknown): number | CustomFunctions.Error {
  return run(JE_EINWOHNER, betrag, einwohner);
}
