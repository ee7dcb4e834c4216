import { Command } from "commander";
import { version } from "../../package.json";
import { registerBudgetCommand } from "./commands/budget";
import { registerPruefenCommand } from "./commands/pruefen";
import { servePruefenWorker } from "./commands/pruefenChecker";
import { registerStandardCommand } from "./commands/standard";
import { registerVergleichCommand } from "./commands/vergleich";
import { registerVorlageCommand } from "./commands/vorlage";
import { describeFailure, EXIT, isInformationalExit, outputFailureLine } from "./errors";
import { exitAfterThreads, isExiting } from "./isolation/exitAfterThreads";
import { createProgram } from "./program";

/**
 * The `qm-planer` command line. Each command lives in its own module under `commands/` and
 * registers itself on the program; add a command by adding its register function here.
 */
const COMMANDS: readonly ((program: Command) => void)[] = [
  registerBudgetCommand,
  registerPruefenCommand,
  registerStandardCommand,
  registerVergleichCommand,
  registerVorlageCommand,
];

// Started as `pruefen`'s worker thread (see commands/pruefenChecker.ts), this bundle serves
// checks of files instead of a command line; in the main thread this does nothing.
servePruefenWorker();

export function buildProgram(): Command {
  const program = createProgram(version);
  for (const register of COMMANDS) register(program);
  return program;
}

let outputGuarded = false;

/**
 * What happens when our output cannot be written. A reader that stops early
 * (`qm-planer pruefen … | head`) closes the pipe: no failure of ours, so the run ends quietly
 * with the exit code reached so far (pruefen raises it file by file). Anything else (a full
 * disk, `> /dev/full`) is one German line on stderr and exit 2, not Node's stack trace.
 */
function guardOutput(): void {
  if (outputGuarded) return;
  outputGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      // Once ending, later writes' failures change nothing.
      if (isExiting()) return;
      if (err.code === "EPIPE") return exitAfterThreads(() => (typeof process.exitCode === "number" ? process.exitCode : EXIT.ok));
      // stdout failed: say so on stderr. stderr failed: the exit code is all that is left.
      if (stream === process.stdout) {
        try {
          process.stderr.write(outputFailureLine(err));
        } catch {
          // nothing more to say it with
        }
      }
      exitAfterThreads(() => EXIT.failure);
    });
  }
}

/** The `--help` call to suggest after a parse error: the named command's, else the program's. */
function helpCommandFor(program: Command, args: readonly string[]): string {
  const command = program.commands.find((c) => args.includes(c.name()));
  return command ? `qm-planer ${command.name()} --help` : "qm-planer --help";
}

/**
 * Runs the command line and returns the exit code (see EXIT). A command reports "done, with
 * findings" by setting `process.exitCode = EXIT.findings`, and failure by throwing (UsageError,
 * CliError, or the core's QmInputError). Commands write to stdout only once they have
 * succeeded, so a failed call prints nothing there; the failure is one line on stderr.
 */
export async function main(argv: readonly string[]): Promise<number> {
  guardOutput();
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (isInformationalExit(err)) return EXIT.ok;
    const failure = describeFailure(err, helpCommandFor(program, argv.slice(2)));
    process.stderr.write(failure.line + "\n");
    return failure.exitCode;
  }
}
