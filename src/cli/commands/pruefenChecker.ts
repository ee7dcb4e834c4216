import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { BUILT_IN_PROFILE, StandardProfile } from "../../core/profile";
import { EXIT, ExitCode } from "../errors";
import { IsolatedWorker, JobOutcome } from "../isolation/isolatedWorker";
import { DEFAULT_LIMITS } from "../xlsx/untrusted/limits";
import { CheckOptions, checkFile, exitCodeOf, FileOutcome, fileJson, fileReport } from "./pruefenReport";
import { jsonListEntry } from "./reportStream";

/**
 * Where `pruefen` checks each file: in a worker thread of its own when it runs as built
 * (dist-cli), in this thread when it runs from source (jest, tsx) — a thread needs plain
 * JavaScript to start from. Both give the same answer for every file; the thread adds a heap
 * limit and a hard timeout (see IsolatedWorker) and keeps a batch's memory flat.
 */

/** The form of the report: one JSON document, or the German text. */
export type ReportFormat = "json" | "text";

/**
 * One checked file, as the command writes it: its report as text (the JSON list's entry, see
 * jsonListEntry, or the German text) and its exit code. Text only: it crosses from the thread
 * that checked the file as one string, and the main thread has nothing to take apart.
 */
export interface CheckedFile {
  report: string;
  /** Why the file could not be checked (also in the report, as `fehler`), for the line on stderr. */
  error?: string;
  exitCode: ExitCode;
}

export interface FileChecker {
  check(file: string): Promise<CheckedFile>;
  close(): Promise<void>;
}

/**
 * What the thread is started with: the options and the profile, plain data (null: the built-in
 * standard, which the thread has itself — its identity names it in the report).
 */
interface WorkerSetup {
  role: typeof WORKER_ROLE;
  options: CheckOptions;
  format: ReportFormat;
  profile: StandardProfile | null;
}

const WORKER_ROLE = "qm-planer pruefen";

/**
 * The thread's heap: far above what the reader's bounds let one workbook cost (DEFAULT_LIMITS:
 * 200 MB inflated at most), so no real file meets it. The young generation is kept small (the
 * main thread's grows to 16 MB): a file's garbage is collected while the next is read, instead
 * of the heap growing over a batch. Measured with `npm run bench` (Prüfen, Speicher): 2 MB
 * saves another 4 MB over 500 files but costs ~5 % in time; 4 MB keeps pruefen ≤ 0,5 × exceljs.
 */
export const WORKER_HEAP_MB = 1024;
const WORKER_YOUNG_GENERATION_MB = 4;
/** The reader's own time budget plus the check's share: only a runaway thread reaches it. */
export const WORKER_TIMEOUT_MS = DEFAULT_LIMITS.timeMs + 10_000;

function reportOf(outcome: FileOutcome, format: ReportFormat): string {
  return format === "json" ? jsonListEntry(fileJson(outcome)) : fileReport(outcome);
}

async function checkedFile(file: string, options: CheckOptions, format: ReportFormat, profile: StandardProfile): Promise<CheckedFile> {
  const outcome = await checkFile(file, options, profile);
  return {
    report: reportOf(outcome, format),
    error: "error" in outcome ? outcome.error : undefined,
    exitCode: exitCodeOf([outcome]),
  };
}

/** The file's entry when the thread checking it had to be ended. */
export function crashedFile(file: string, outcome: Exclude<JobOutcome<unknown>, { answer: unknown }>, format: ReportFormat): CheckedFile {
  const error =
    outcome.crash === "memory"
      ? `Die Prüfung brauchte mehr als ${WORKER_HEAP_MB.toLocaleString("de-DE")} MB Arbeitsspeicher und wurde abgebrochen.`
      : outcome.crash === "time"
        ? `Die Prüfung dauerte länger als ${WORKER_TIMEOUT_MS / 1000} Sekunden und wurde abgebrochen.`
        : "Die Prüfung brach unerwartet ab.";
  return { report: reportOf({ file, error }, format), error, exitCode: EXIT.failure };
}

/** True when this code runs from the built bundle (a plain .js file a thread can start from). */
function runsBuilt(): boolean {
  return __filename.endsWith(".js");
}

export function createFileChecker(options: CheckOptions, format: ReportFormat, profile: StandardProfile): FileChecker {
  if (!runsBuilt()) return { check: (file) => checkedFile(file, options, format, profile), close: async () => undefined };
  const setup: WorkerSetup = {
    role: WORKER_ROLE,
    options: { toleranz: options.toleranz },
    format,
    profile: profile === BUILT_IN_PROFILE ? null : profile,
  };
  const worker = new IsolatedWorker<string, CheckedFile>({
    script: __filename,
    workerData: setup,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    timeoutMs: WORKER_TIMEOUT_MS,
  });
  return {
    async check(file) {
      const outcome = await worker.run(file);
      return "answer" in outcome ? outcome.answer : crashedFile(file, outcome, format);
    },
    close: () => worker.close(),
  };
}

/** In the bundle's worker thread: answers each file name with its CheckedFile. Elsewhere: nothing. */
export function servePruefenWorker(): void {
  const setup = workerData as WorkerSetup | undefined;
  if (isMainThread || !parentPort || setup?.role !== WORKER_ROLE) return;
  const port = parentPort;
  const profile = setup.profile ?? BUILT_IN_PROFILE;
  port.on("message", (file: string) => {
    void checkedFile(file, setup.options, setup.format, profile).then((answer) => port.postMessage(answer));
  });
}
