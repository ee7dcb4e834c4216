import { CommanderError } from "commander";
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
function commanderMessage(err: CommanderError): string {
  const name = quoted(err.message);
  switch (err.code) {
    case "commander.unknownOption":
      return `Unbekannte Option „${name}“.`;
    case "commander.unknownCommand":
      return `Unbekannter Befehl „${name}“.`;
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

/** Keeps a message to one line, whatever a library put into it. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/**
 * Turns anything thrown while running a command into one German line and an exit code.
 * Never a stack trace: unexpected errors show only their message. `helpCommand` is the call
 * shown as help after a parse error (the failing command's own `--help`).
 */
export function describeFailure(err: unknown, helpCommand = "qm-planer --help"): Failure {
  if (err instanceof CliError) return { line: `Fehler: ${oneLine(err.message)}`, exitCode: err.exitCode };
  if (isQmInputError(err)) return { line: `Fehler: ${oneLine(err.message)}`, exitCode: EXIT.failure };
  if (err instanceof CommanderError) {
    return { line: `Fehler: ${commanderMessage(err)} Hilfe: ${helpCommand}`, exitCode: EXIT.failure };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { line: `Unerwarteter Fehler: ${oneLine(message) || "ohne Meldung"}`, exitCode: EXIT.failure };
}

/** True for commander's "help or version was shown" signals, which are successes. */
export function isInformationalExit(err: unknown): boolean {
  return err instanceof CommanderError && err.exitCode === 0;
}
