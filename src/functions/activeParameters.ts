import { CompiledParameters, compileParameters, DEFAULT_PARAMETERS } from "../core/budget";
import { Language } from "../core/format";
import { Parameters } from "../core/standard";

/**
 * The state the QM.* functions compute with, shared by the whole add-in: in the shared runtime
 * the task pane and the functions run in one JavaScript context (and, through webpack's single
 * runtime chunk, share this one module instance), so the pane sets it and every later
 * recalculation uses it.
 */

let parameters: CompiledParameters = DEFAULT_PARAMETERS;
let language: Language = "de";

/** The figures the functions use: the standard's, or the workbook's own once the pane set them. */
export function activeParameters(): CompiledParameters {
  return parameters;
}

/**
 * Makes the functions use a workbook's own figures (pass `defaultParameters()` to return to
 * the standard). Throws if a figure is not a decimal number; the previous figures then stay.
 */
export function setActiveParameters(params: Parameters): void {
  parameters = compileParameters(params);
}

/** The language of the functions' error messages. */
export function functionLanguage(): Language {
  return language;
}

/** German by default; English where Office runs in English. */
export function setFunctionLanguage(lang: Language): void {
  language = lang;
}
