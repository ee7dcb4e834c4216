/**
 * `Excel.RequestContext`: the queue of pending actions and `sync()`, which runs them in order
 * against the model. A sync that has nothing queued costs no round trip in Office.js and is
 * not counted; every other one is.
 */
import { isSimulatedOfficeError } from "../errors";
import type { WorkbookModel } from "../model/workbook";
import type { ClientObject } from "./clientObject";
import { ApplicationProxy, WorkbookProxy } from "./workbook";

/** What all contexts of one host share: the model and the round-trip counter. */
export interface HostRuntime {
  readonly model: WorkbookModel;
  syncs: number;
}

interface Action {
  /** The statement, for `debugInfo.errorLocation` ("Range.values"); computed only on error. */
  label: string | (() => string);
  run: () => void;
}

export class RequestContext {
  readonly runtime: HostRuntime;
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  /** Office.js object tracking; nothing to track in memory. */
  readonly trackedObjects = {
    add: (_objects: unknown): void => undefined,
    remove: (_objects: unknown): void => undefined,
  };
  private queue: Action[] = [];

  constructor(runtime: HostRuntime) {
    this.runtime = runtime;
    this.workbook = new WorkbookProxy(this);
    this.application = this.workbook.application;
  }

  get model(): WorkbookModel {
    return this.runtime.model;
  }

  /** Number of actions waiting for the next sync. */
  get pendingActions(): number {
    return this.queue.length;
  }

  enqueue(label: string | (() => string), run: () => void): void {
    this.queue.push({ label, run });
  }

  /**
   * Runs the queued actions in order as one batch. The first failing action aborts the rest
   * of the batch; what ran before it stays applied (as in Excel) and is reported.
   */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this.queue;
    this.queue = [];
    if (actions.length > 0) {
      this.runtime.syncs++;
      // A real sync is a round trip: code after an un-awaited sync() must not see its effects.
      await Promise.resolve();
      this.model.batch("api", () => {
        for (const action of actions) {
          try {
            action.run();
          } catch (e) {
            if (isSimulatedOfficeError(e) && !e.debugInfo.errorLocation) e.debugInfo.errorLocation = typeof action.label === "string" ? action.label : action.label();
            throw e;
          }
        }
      });
    }
    return passThroughValue as T;
  }

  load<O extends ClientObject<unknown>>(object: O, option?: unknown): O {
    return object.load(option);
  }

  trace(_message: string): void {
    // Office.js attaches trace messages to errors; the simulated errors name their statement instead.
  }
}
