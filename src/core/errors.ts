/**
 * Typed input errors of the core. Each carries a German message (and an English one) and a
 * kind that maps to an Excel error code in the custom functions:
 * - "type":  a value of the wrong type (text, boolean, empty) → #VALUE!
 * - "range": a number outside what the rule allows (negative, fractional residents, absurd) → #NUM!
 * - "unknown": a name that is not known (e.g. a parameter) → #N/A
 */
export type InputErrorKind = "type" | "range" | "unknown";

export class QmInputError extends Error {
  readonly kind: InputErrorKind;
  /** The argument or field the error is about (German argument name, e.g. "einwohner"). */
  readonly field: string;
  readonly messageEn: string;

  constructor(kind: InputErrorKind, field: string, message: string, messageEn: string) {
    super(message);
    this.name = "QmInputError";
    this.kind = kind;
    this.field = field;
    this.messageEn = messageEn;
  }
}

export function isQmInputError(e: unknown): e is QmInputError {
  return e instanceof QmInputError;
}
