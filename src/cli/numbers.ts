import { Dec } from "../core/decimal";
import { parseGermanNumber } from "../core/format";
import { isQmInputError } from "../core/errors";
import { UsageError } from "./errors";

/**
 * Reads a number typed on the command line the way Germans write it ("12.345", "2,5",
 * "45.000,50"; "2.5" also works). Only the spelling is checked here: what values are allowed
 * (whole, not negative, plausible) is the core's rule, checked where the value is used.
 *
 * The result is a JS number because the core takes raw numbers as Excel passes them. A value
 * with more digits than a number holds exactly is refused rather than silently changed.
 */
export function parseNumberArgument(text: string, option: string): number {
  const canonical = parseGermanNumber(text);
  if (canonical === undefined) throw new UsageError(`${option}: „${text}“ ist keine Zahl.`);
  const value = Number(canonical);
  if (!new Dec(value).eq(canonical))
    throw new UsageError(`${option}: „${text}“ hat zu viele Stellen, um genau gerechnet zu werden.`);
  return value;
}

/**
 * How numbers are written, for the help of every command that reads numbers. The thousands dot
 * is the trap: "18.500" is eighteen thousand five hundred, "18.5" is eighteen and a half.
 */
export const NUMBER_SPELLING_HELP = "Zahlen deutsch: 12.345 oder 2,5 (der Punkt trennt Tausender: 18.500 = 18500).";

/** A commander `argParser` for an option that takes a German-spelled number. */
export function numberOption(option: string): (text: string) => number {
  return (text) => parseNumberArgument(text, option);
}

/**
 * A commander `argParser` for a German-spelled number that `check` must also accept (a core
 * rule that throws its German QmInputError). Checked while the options are parsed, so a bad
 * value is one line before any file is read — not the same error once per file.
 */
export function checkedNumberOption(option: string, check: (value: number) => unknown): (text: string) => number {
  return (text) => {
    const value = parseNumberArgument(text, option);
    try {
      check(value);
    } catch (err) {
      throw withThousandsHint(err, text);
    }
    return value;
  };
}

/** "2.125": one dot before exactly three digits — the German thousands separator, or an English decimal point. */
const THOUSANDS_DOT = /^\d{1,3}\.\d{3}$/;

/**
 * A value refused for its size, typed with a thousands dot ("--vbe 2.125" is 2125 VbE): the line
 * says how it was read and what was probably meant, instead of leaving the user to wonder.
 */
function withThousandsHint(err: unknown, text: string): unknown {
  if (!isQmInputError(err) || err.kind !== "range" || !THOUSANDS_DOT.test(text)) return err;
  return new UsageError(`${err.message} „${text}“ wurde als ${text.replace(".", "")} gelesen (der Punkt trennt Tausender); gemeint ist wohl „${text.replace(".", ",")}“.`);
}
