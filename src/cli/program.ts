import { Command, ErrorOptions, Help, ParseOptionsResult } from "commander";

/** Commander's English help headings and placeholders, in German. */
const TITLES: Readonly<Record<string, string>> = {
  "Usage:": "Aufruf:",
  "Arguments:": "Argumente:",
  "Options:": "Optionen:",
  "Commands:": "Befehle:",
  "Global Options:": "Globale Optionen:",
};

function germanPlaceholders(text: string): string {
  return text.replace(/\[options\]/g, "[Optionen]").replace(/\[command\]/g, "[Befehl]");
}

/**
 * A command whose call with an unknown option reports that option, not a mandatory option it
 * left out. Commander checks mandatory options before unknown ones, so a mistyped required
 * option (`--einwohnr 12345`) came out as "--einwohner fehlt", never naming the typo. Commander
 * creates every subcommand with `createCommand`, so all commands of the program are of this
 * class: each keeps the unknown options of its own parse, and a missing mandatory option becomes
 * the unknown-option error commander raises right after that check anyway (same code, same text).
 */
class QmCommand extends Command {
  private firstUnknownOption: string | undefined;
  private unknownOptionsAllowed = false;

  override createCommand(name?: string): Command {
    return new QmCommand(name);
  }

  override allowUnknownOption(allowUnknown = true): this {
    this.unknownOptionsAllowed = allowUnknown;
    return super.allowUnknownOption(allowUnknown);
  }

  override parseOptions(argv: string[]): ParseOptionsResult {
    const parsed = super.parseOptions(argv);
    // Commander's `unknown`: the first unknown option and everything after it.
    this.firstUnknownOption = this.unknownOptionsAllowed ? undefined : parsed.unknown[0];
    return parsed;
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    if (errorOptions?.code === "commander.missingMandatoryOptionValue" && this.firstUnknownOption !== undefined) {
      // Commander's own unknown-option error, with its guess of what was meant ("--einwohner").
      // Not in commander's typings; test/cli/arguments.test.ts fails if it goes away.
      (this as unknown as { unknownOption(flag: string): void }).unknownOption(this.firstUnknownOption);
    }
    return super.error(message, errorOptions);
  }
}

/**
 * The root `qm-planer` program with everything every command shares: German help, and
 * commander errors thrown (not printed, not exiting) so that `main` turns each into one
 * German line; an unknown option is reported before a missing mandatory one (QmCommand).
 * Subcommands created with `program.command(…)` inherit all of this.
 */
export function createProgram(version: string): Command {
  const base = new Help();
  return new QmCommand("qm-planer")
    .description("QM-Planer: Budget, Prüfung und Planungsvorlagen nach dem Rahmenstandard Quartiermanagement.")
    .version(version, "-V, --version", "Versionsnummer anzeigen")
    .helpOption("-h, --help", "Hilfe anzeigen")
    .helpCommand("help [befehl]", "Hilfe zu einem Befehl anzeigen")
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      commandUsage: (cmd) => germanPlaceholders(base.commandUsage(cmd)),
      subcommandTerm: (cmd) => germanPlaceholders(base.subcommandTerm(cmd)),
    })
    // Help and version go to stdout as usual; commander's own error texts (English) are
    // dropped, `main` prints a German line instead.
    .configureOutput({ writeErr: () => undefined, outputError: () => undefined })
    .exitOverride();
}
