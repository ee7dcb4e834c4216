import { ResourceLimits, Worker } from "node:worker_threads";
import { registerThread } from "./exitAfterThreads";

/**
 * One long-lived worker thread that does one job at a time for the main thread, and is
 * replaced when a job kills it.
 *
 * Why a thread for reading files from strangers: the reader's own bounds (sizes, counts, its
 * time budget) are checked by the reader itself. Should a file find a way past them, the
 * thread's own heap limit and a hard timeout stop it: V8 ends the thread, not the process, and
 * the batch goes on with a fresh thread. The same heap limits keep a batch's memory flat — a
 * small young generation means the garbage of one file is collected before the next, instead
 * of the heap growing with the number of files.
 */

export interface IsolatedWorkerOptions {
  /** The script the thread runs (plain JavaScript: the built bundle). */
  script: string;
  /** Handed to the script as `workerData`. */
  workerData: unknown;
  /** The thread's heap: a job that needs more ends the thread with ERR_WORKER_OUT_OF_MEMORY. */
  resourceLimits: ResourceLimits;
  /** A job that has not answered after this long ends the thread. */
  timeoutMs: number;
}

/** What became of one job: the thread's answer, or why the thread had to be ended. */
export type JobOutcome<R> = { answer: R } | { crash: "memory" | "time" | "exit"; detail: string };

interface Pending<R> {
  resolve: (outcome: JobOutcome<R>) => void;
  timer: NodeJS.Timeout;
}

export class IsolatedWorker<Q, R> {
  private worker: Worker | undefined;
  private pending: Pending<R> | undefined;
  /** The running job, settled or not: what close() waits for. */
  private running: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly deregister: () => void;

  constructor(private readonly options: IsolatedWorkerOptions) {
    // An early exit (see exitAfterThreads) closes this worker first.
    this.deregister = registerThread(() => this.close());
  }

  /**
   * Runs one job; never rejects. Jobs are run one after the other (the caller awaits each);
   * none after close().
   */
  run(job: Q): Promise<JobOutcome<R>> {
    if (this.pending) throw new Error("IsolatedWorker: ein Auftrag läuft noch.");
    if (this.closed) throw new Error("IsolatedWorker: schon geschlossen.");
    const worker = this.worker ?? this.start();
    const outcome = new Promise<JobOutcome<R>>((resolve) => {
      const timer = setTimeout(() => {
        this.settle({ crash: "time", detail: `${this.options.timeoutMs} ms` });
        void worker.terminate();
      }, this.options.timeoutMs);
      this.pending = { resolve, timer };
      worker.postMessage(job);
    });
    this.running = outcome;
    return outcome;
  }

  /**
   * Lets the running job (if any) finish, then ends the thread (the process can then exit).
   * Never ends a thread mid-job: see exitAfterThreads for why that can abort the process.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.deregister();
    await this.running;
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(this.options.script, {
      workerData: this.options.workerData,
      resourceLimits: this.options.resourceLimits,
      // The thread answers by message only; what it might print goes nowhere near our report.
      stdout: true,
      stderr: true,
    });
    // Not holding the process open by itself: while a job runs, its timer does.
    worker.unref();
    worker.stdout.resume();
    worker.stderr.resume();
    // Events of a thread that was given up (its job timed out or crashed) come late, while the
    // next job runs in a fresh thread: they are not that job's.
    const current = (): boolean => this.worker === worker;
    worker.on("message", (answer: R) => {
      if (current()) this.settle({ answer });
    });
    worker.on("error", (err: Error & { code?: string }) => {
      if (current()) this.settle(err.code === "ERR_WORKER_OUT_OF_MEMORY" ? { crash: "memory", detail: err.message } : { crash: "exit", detail: err.message });
    });
    worker.on("exit", (code) => {
      if (current()) this.settle({ crash: "exit", detail: `Exit-Code ${code}` });
    });
    this.worker = worker;
    return worker;
  }

  private settle(outcome: JobOutcome<R>): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    // A thread that crashed or was ended is not used again: the next job starts a fresh one.
    if ("crash" in outcome) this.worker = undefined;
    pending.resolve(outcome);
  }
}
