import { CommanderError } from "commander";
import path from "node:path";
import { isQmInputError } from "../core/errors";

/**
 * Exit codes of every `qm-planer` command:
 * 0 done; 1 done, but with findings (e.g. the compliance check found violations);
 * 2 the call could not be carried out (bad arguments, unreadable file, unexpected error).
 */
export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error a command reports to the user as one German line, with its exit code. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode = EXIT.failure) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/** A bad call: missing, unknown or malformed arguments. Always exit 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.failure);
    this.name = "UsageError";
  }
}

/** What the command was doing with a path when the system refused. */
export type FileAction = "lesen" | "schreiben";

/** Node's errors from the file system: a code like "EACCES", the failed call, the path(s). */
function isSystemError(err: unknown): err is NodeJS.ErrnoException & { dest?: string } {
  // Duck-typed, not `instanceof Error`: errors of Node's core fail that check under jest's VM.
  const e = err as Partial<NodeJS.ErrnoException> | null;
  return typeof e === "object" && e !== null && typeof e.code === "string" && typeof e.syscall === "string";
}

/** What a system call that failed without our context was doing (undefined: not clear, e.g. open). */
const SYSCALL_ACTIONS: Readonly<Record<string, FileAction>> = {
  read: "lesen",
  scandir: "lesen",
  stat: "lesen",
  lstat: "lesen",
  access: "lesen",
  write: "schreiben",
  rename: "schreiben",
  mkdir: "schreiben",
  unlink: "schreiben",
  copyfile: "schreiben",
};

/** The infinitive for "…, „x“ zu öffnen": our action, or neutral "öffnen" when unknown. */
const VERB = { lesen: "lesen", schreiben: "schreiben", unknown: "öffnen" } as const;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One German sentence for a file-system error code, naming the path. `file` is the path as the
 * user gave it (undefined when the system named none, e.g. ENOSPC on a write).
 */
function fileSystemSentence(code: string, file: string | undefined, action: FileAction | undefined, unnamed = "die Datei"): string {
  const it = file === undefined ? unnamed : `„${file}“`;
  const verb = VERB[action ?? "unknown"];
  switch (code) {
    case "ENOENT":
      if (file !== undefined && action === "schreiben") return `Den Ordner „${path.dirname(path.resolve(file))}“ gibt es nicht.`;
      return action === "lesen" ? `Die Datei ${it} gibt es nicht.` : `${capitalise(it)} gibt es nicht.`;
    case "EISDIR":
      return `${capitalise(it)} ist ein Ordner, keine Datei.`;
    case "ENOTDIR":
      return `Ein Teil des Pfads ${it} ist eine Datei, kein Ordner.`;
    case "EACCES":
    case "EPERM":
      return `Keine Berechtigung, ${it} zu ${verb}.`;
    case "EBUSY":
      return `${capitalise(it)} ist von einem anderen Programm belegt (z. B. in Excel geöffnet).`;
    case "ENOSPC":
      return `Kein Speicherplatz mehr auf dem Datenträger, um ${it} zu schreiben.`;
    case "EDQUOT":
      return `Das Speicherkontingent reicht nicht, um ${it} zu schreiben.`;
    case "EROFS":
      return `${capitalise(it)} liegt auf einem schreibgeschützten Datenträger.`;
    case "ENAMETOOLONG":
      return `Der Pfad ${it} ist zu lang.`;
    case "ELOOP":
      return `Der Pfad ${it} enthält eine Schleife aus symbolischen Links.`;
    case "EMFILE":
    case "ENFILE":
      return `Zu viele offene Dateien, um ${it} zu ${verb}.`;
    case "EIO":
      return `Der Datenträger meldet einen Lese- oder Schreibfehler bei ${it}.`;
    case "EEXIST":
      return `${capitalise(it)} gibt es schon.`;
    default:
      return `${capitalise(it)} lässt sich nicht ${verb} (Systemfehler ${code}).`;
  }
}

/**
 * A file-system error as a CliError that names the user's path and what was being done — the
 * system may name another path (a temporary file) or none. Anything else is returned unchanged.
 */
export function fileSystemFailure(err: unknown, file: string, action: FileAction): unknown {
  return isSystemError(err) ? fileSystemError(err.code as string, file, action) : err;
}

/**
 * The line for standard output or error that cannot be written (a full disk, `> /dev/full`):
 * German, one line, never Node's stack trace.
 */
export function outputFailureLine(err: unknown): string {
  const sentence = isSystemError(err) ? fileSystemSentence(err.code as string, undefined, "schreiben", "die Ausgabe") : "Die Ausgabe lässt sich nicht schreiben.";
  return `Fehler: ${sentence}\n`;
}

/** The CliError for a file-system problem found by a check of our own (e.g. the target is a folder). */
export function fileSystemError(code: string, file: string, action: FileAction): CliError {
  return new CliError(fileSystemSentence(code, file, action));
}

/** What the user sees when a call fails: exactly one line for stderr, and the exit code. */
export interface Failure {
  line: string;
  exitCode: ExitCode;
}

/** The text between the first pair of single quotes in a commander message ("'--foo'" → --foo). */
function quoted(message: string): string {
  return /'([^']*)'/.exec(message)?.[1] ?? "";
}

/**
 * Commander's own parse errors in German. Commander's codes are stable API; its English
 * messages only serve to pick out the option or command they name.
 */
/**
 * Commander's guess for a mistyped option or command ("(Did you mean --vbe?)", "(Did you mean one
 * of a, b?)"), in German; "" when it has none.
 */
function suggestionOf(message: string): string {
  const m = /\(Did you mean (one of )?(.+)\?\)/.exec(message);
  if (!m) return "";
  const names = m[2].split(", ").map((n) => `„${n}“`);
  return m[1] ? ` – gemeint ist wohl eine von ${names.join(", ")}.` : ` – gemeint ist wohl ${names[0]}.`;
}

function commanderMessage(err: CommanderError): string {
  const name = quoted(err.message);
  switch (err.code) {
    case "commander.unknownOption":
      return `Unbekannte Option „${name}“${suggestionOf(err.message) || "."}`;
    case "commander.unknownCommand":
      return `Unbekannter Befehl „${name}“${suggestionOf(err.message) || "."}`;
    case "commander.missingMandatoryOptionValue":
      return `Die Option „${name}“ fehlt.`;
    case "commander.optionMissingArgument":
      return `Die Option „${name}“ braucht einen Wert.`;
    case "commander.missingArgument":
      return `Das Argument „${name}“ fehlt.`;
    case "commander.excessArguments":
      return "Zu viele Argumente.";
    case "commander.conflictingOption":
      return "Diese Optionen schließen einander aus.";
    case "commander.help":
      return "Kein gültiger Befehl angegeben.";
    default:
      return "Ungültiger Aufruf.";
  }
}

/**
 * Node's own errors for input too big to handle (a code but no system call), and V8's
 * RangeErrors when a string or buffer would exceed what it can hold — in German. They mean the
 * input was too large, not that QM-Planer is broken.
 */
const NODE_ERROR_SENTENCES: Readonly<Record<string, string>> = {
  ERR_FS_FILE_TOO_LARGE: "Die Datei ist zu groß, um sie zu lesen (über 2 GB).",
  ERR_STRING_TOO_LONG: "Die Datei ist zu groß, um sie als Text zu verarbeiten.",
  ERR_BUFFER_TOO_LARGE: "Die Datei ist zu groß, um sie im Speicher zu verarbeiten.",
  ERR_OUT_OF_MEMORY: "Der Arbeitsspeicher reicht für diese Datei nicht.",
  ERR_STREAM_PREMATURE_CLOSE: "Die Datei wurde beim Lesen unerwartet geschlossen.",
};

const V8_RANGE_ERRORS: readonly [RegExp, string][] = [
  [/^Invalid string length/, "Die Datei ist zu groß, um sie als Text zu verarbeiten."],
  [/^Array buffer allocation failed|^Invalid array length|^Invalid typed array length/, "Die Datei ist zu groß, um sie im Speicher zu verarbeiten."],
];

function resourceLimitSentence(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === "string" && NODE_ERROR_SENTENCES[code]) return NODE_ERROR_SENTENCES[code];
  // Duck-typed like isSystemError: errors of the engine fail `instanceof` under jest's VM.
  const e = err as { name?: unknown; message?: unknown } | null;
  if (e?.name === "RangeError" && typeof e.message === "string") return V8_RANGE_ERRORS.find(([pattern]) => pattern.test(e.message as string))?.[1];
  return undefined;
}

/** Keeps a message to one line, whatever a library put into it. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/**
 * Turns anything thrown while running a command into one German line and an exit code.
 * File-system errors become a German sentence naming the path, never the system's English
 * text. Never a stack trace: unexpected errors show only their message. `helpCommand` is the call
 * shown as help after a parse error (the failing command's own `--help`).
 */
export function describeFailure(err: unknown, helpCommand = "qm-planer --help"): Failure {
  if (err instanceof CliError) return { line: `Fehler: ${oneLine(err.message)}`, exitCode: err.exitCode };
  if (isQmInputError(err)) return { line: `Fehler: ${oneLine(err.message)}`, exitCode: EXIT.failure };
  if (isSystemError(err)) {
    // Not wrapped by fileSystemFailure: name the path the system reports (a rename's target).
    const sentence = fileSystemSentence(err.code as string, err.dest ?? err.path, SYSCALL_ACTIONS[err.syscall as string]);
    return { line: `Fehler: ${sentence}`, exitCode: EXIT.failure };
  }
  if (err instanceof CommanderError) {
    return { line: `Fehler: ${commanderMessage(err)} Hilfe: ${helpCommand}`, exitCode: EXIT.failure };
  }
  const limit = resourceLimitSentence(err);
  if (limit) return { line: `Fehler: ${limit}`, exitCode: EXIT.failure };
  const message = err instanceof Error ? err.message : String(err);
  return { line: `Unerwarteter Fehler: ${oneLine(message) || "ohne Meldung"}`, exitCode: EXIT.failure };
}

/** True for commander's "help or version was shown" signals, which are successes. */
export function isInformationalExit(err: unknown): boolean {
  return err instanceof CommanderError && err.exitCode === 0;
}
