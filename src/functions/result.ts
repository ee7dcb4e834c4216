/**
 * What a QM.* function computes, independent of the Excel runtime: a number, or an Excel error
 * code with a German message. `functions.ts` turns errors into `CustomFunctions.Error`; the
 * simulated host (preview, tests) turns them into its formula engine's errors.
 */
export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#N/A" | "#DIV/0!";

export interface FunctionError {
  error: ExcelErrorCode;
  message: string;
}

export type FunctionResult = number | FunctionError;

export function isFunctionError(r: FunctionResult): r is FunctionError {
  return typeof r === "object" && r !== null && "error" in r;
}

/** One QM.* function: its Excel name (without the namespace) and its implementation. */
export interface QmFunction {
  /** Upper-case name as in Excel, without "QM.", e.g. "PROJEKTMITTEL". */
  name: string;
  /** Number of required and total parameters. */
  minArgs: number;
  maxArgs: number;
  /** Takes raw cell values (number, string, boolean, null for empty/omitted). Never throws. */
  impl: (...args: unknown[]) => FunctionResult;
}
