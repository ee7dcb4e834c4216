/**
 * The QM.* custom functions as a HyperFormula function plugin.
 *
 * HyperFormula keeps one global function registry and copies it into each engine when the
 * engine is built. The functions themselves are injected per host, so the plugin holds no
 * implementations: every QM.* entry dispatches through the engine's `context` (a map from
 * name to `QmFunction`) that the host passes in its configuration.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";
import { isFunctionError, type ExcelErrorCode, type QmFunction } from "../../../functions/result";

export const NAMESPACE = "QM.";

/** What the engine's `context` configuration carries for the plugin. */
export interface QmEngineContext {
  functions: ReadonlyMap<string, QmFunction>;
}

const ERROR_TYPES: Record<ExcelErrorCode, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
};

// HyperFormula's own AST and state types are internal; the plugin only needs these members.
interface CallAst {
  procedureName: string;
  args: unknown[];
}

/** A rich number (date, currency, percent) carries its plain value in `val`. */
function isRichNumber(v: unknown): v is { val: number } {
  return typeof v === "object" && v !== null && "val" in v && typeof (v as { val: unknown }).val === "number";
}

/** An argument as custom functions receive it: number, string, boolean, null, or rows of them. */
function rawArgument(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (isRichNumber(v)) return v.val;
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(rawArgument));
  return v;
}

class QmFunctionPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  /**
   * Evaluates the arguments and calls the function. Not through `runFunction`: with every
   * argument of type ANY it only evaluates, checks the count and passes the first error on, but
   * its generic coercion and vectorisation took half of a QM call (bench "Neuberechnung").
   */
  qmDispatch(ast: CallAst, state: unknown): unknown {
    const name = ast.procedureName.toUpperCase();
    const context = this.config.context as QmEngineContext | undefined;
    const fn = context?.functions.get(name.slice(NAMESPACE.length));
    if (!fn) return new CellError(ErrorType.NAME, `Unbekannte Funktion ${name}.`);
    // HyperFormula's own answer to a wrong argument count.
    if (ast.args.length < fn.minArgs || ast.args.length > fn.maxArgs) return new CellError(ErrorType.NA, "Wrong number of arguments.");
    const evaluate = this.evaluateAst as unknown as (arg: unknown, state: unknown) => unknown;
    const args: unknown[] = [];
    for (const arg of ast.args) {
      const value = evaluate.call(this, arg, state);
      if (value instanceof CellError) return value;
      args.push(rawArgument(value));
    }
    // Omitted optional arguments arrive as null, as Excel passes them to custom functions.
    while (args.length < fn.maxArgs) args.push(null);
    const result = fn.impl(...args);
    if (isFunctionError(result)) return new CellError(ERROR_TYPES[result.error], result.message);
    if (!Number.isFinite(result)) return new CellError(ErrorType.NUM, `${name}: kein endliches Ergebnis.`);
    return result;
  }
}

/** Names registered by earlier hosts, so a later host can withdraw what it does not provide. */
const registered = new Set<string>();

/**
 * Makes exactly `functions` available to engines built from now on. Call right before building
 * an engine; engines built earlier keep the set they were built with.
 */
export function registerQmFunctions(functions: readonly QmFunction[]): void {
  const wanted = new Set(functions.map((f) => NAMESPACE + f.name.toUpperCase()));
  for (const id of registered) {
    if (!wanted.has(id)) {
      HyperFormula.unregisterFunction(id);
      registered.delete(id);
    }
  }
  for (const f of functions) {
    const id = NAMESPACE + f.name.toUpperCase();
    const parameters = Array.from({ length: f.maxArgs }, (_, i) => ({
      argumentType: FunctionArgumentType.ANY,
      optionalArg: i >= f.minArgs,
    }));
    QmFunctionPlugin.implementedFunctions[id] = { method: "qmDispatch", parameters };
    HyperFormula.registerFunction(id, QmFunctionPlugin as never, { enGB: { [id]: id } });
    registered.add(id);
  }
}
