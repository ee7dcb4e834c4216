/**
 * Errors shaped like `OfficeExtension.Error`: `name` "RichApi.Error", a `code` such as
 * "ItemNotFound", `debugInfo` with the code and the failing statement. Code that inspects
 * `error.code` therefore behaves the same on the simulated host as in Excel.
 */

/** The subset of Excel's error codes the simulated host raises (same strings as Office.js). */
export type OfficeErrorCode =
  | "AccessDenied"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "MergedRangeConflict"
  | "PropertyNotLoaded"
  | "ValueNotLoaded"
  | "InvalidObjectPath"
  | "RunMustReturnPromise";

export class SimulatedOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: OfficeErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: Error | null = null;

  constructor(code: OfficeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function officeError(code: OfficeErrorCode, message: string, errorLocation?: string): SimulatedOfficeError {
  return new SimulatedOfficeError(code, message, errorLocation);
}

export function isSimulatedOfficeError(e: unknown): e is SimulatedOfficeError {
  return e instanceof SimulatedOfficeError;
}

/** `OfficeExtension.ErrorCodes`: the lower-camel keys Office.js exposes. */
export const OFFICE_EXTENSION_ERROR_CODES = {
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  invalidRequestContext: "InvalidRequestContext",
  runMustReturnPromise: "RunMustReturnPromise",
  cannotRegisterEvent: "CannotRegisterEvent",
  apiNotFound: "ApiNotFound",
  connectionFailure: "ConnectionFailure",
} as const;
