/**
 * The `Excel` namespace of the simulated host: `Excel.run`, `Excel.RequestContext`, the enums
 * and `Excel.ErrorCodes`, bound to one host's model.
 */
import { officeError } from "../errors";
import { RequestContext, type HostRuntime } from "./context";
import * as enums from "./enums";

export type BatchFunction<T> = (context: RequestContext) => Promise<T>;

export function createExcelNamespace(runtime: HostRuntime) {
  /** `new Excel.RequestContext()` works as in Office.js, on this host's workbook. */
  class BoundRequestContext extends RequestContext {
    constructor() {
      super(runtime);
    }
  }

  /**
   * Runs a batch: the function queues work and syncs; whatever it leaves queued is synced
   * when it returns, as Office.js does.
   */
  async function run<T>(batchOrOptions: BatchFunction<T> | object, maybeBatch?: BatchFunction<T>): Promise<T> {
    const batch = typeof batchOrOptions === "function" ? (batchOrOptions as BatchFunction<T>) : maybeBatch;
    if (typeof batch !== "function") throw officeError("InvalidArgument", "Excel.run needs a batch function.");
    const context = new RequestContext(runtime);
    const pending = batch(context);
    if (!pending || typeof (pending as Promise<T>).then !== "function") {
      throw officeError("RunMustReturnPromise", "The batch function passed to the \".run\" method didn't return a promise.");
    }
    const result = await pending;
    if (context.pendingActions > 0) await context.sync();
    return result;
  }

  return { run, RequestContext: BoundRequestContext, ...enums };
}

export type SimulatedExcel = ReturnType<typeof createExcelNamespace>;
