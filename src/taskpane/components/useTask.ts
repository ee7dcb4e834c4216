import { useCallback, useRef, useState } from "react";

export interface Progress {
  done: number;
  total: number;
}

export interface Task {
  busy: boolean;
  error: unknown;
  progress: Progress | undefined;
  /** Runs `work`; returns its result, or undefined when it failed (the error is kept). */
  run<T>(work: (report: (p: Progress) => void) => Promise<T>): Promise<T | undefined>;
  clearError(): void;
}

/**
 * State of one long-running action of a tab: busy flag, the last error, progress. A second
 * run while one is busy is ignored, so a double click cannot write a template twice.
 */
export function useTask(): Task {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const running = useRef(false);

  const run = useCallback(async <T,>(work: (report: (p: Progress) => void) => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(undefined);
    setProgress(undefined);
    try {
      return await work(setProgress);
    } catch (e) {
      setError(e ?? new Error());
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
      setProgress(undefined);
    }
  }, []);

  const clearError = useCallback(() => setError(undefined), []);
  return { busy, error, progress, run, clearError };
}
