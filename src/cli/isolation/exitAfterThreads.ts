/**
 * Ending the process early without tearing a worker thread down mid-job.
 *
 * `process.exit` ends every worker thread wherever it is. Node (20) aborts the whole process
 * (SIGABRT, "close before init" in node_zlib.cc) when a thread is ended between creating a
 * zlib handle and initialising it, and a thread reading workbooks inflates all the time: about
 * one `pruefen … | head` in twenty died that way. So an early exit first lets each live thread
 * finish its job and closes it; the exit comes once all are closed.
 */

type CloseThread = () => Promise<void>;

const liveThreads = new Set<CloseThread>();
let exiting = false;

/** A thread that is running: `close` lets its job finish and ends it. Returns the deregistration. */
export function registerThread(close: CloseThread): () => void {
  liveThreads.add(close);
  return () => liveThreads.delete(close);
}

/** True once an early exit has begun: no new job should start, nothing more be written. */
export function isExiting(): boolean {
  return exiting;
}

/**
 * Exits with `exitCode()` (read when the exit comes: a job that finishes meanwhile still counts)
 * once every live thread is closed. A second call while exiting does nothing.
 */
export function exitAfterThreads(exitCode: () => number): void {
  if (exiting) return;
  exiting = true;
  void Promise.allSettled([...liveThreads].map((close) => close())).then(() => process.exit(exitCode()));
}
