import { Command, Help } from "commander";

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
 * The root `qm-planer` program with everything every command shares: German help, and
 * commander errors thrown (not printed, not exiting) so that `main` turns each into one
 * German line. Subcommands created with `program.command(…)` inherit all of this.
 */
export function createProgram(version: string): Command {
  const base = new Help();
  return new Command("qm-planer")
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
    .exitOverride()
    .showSuggestionAfterError(false);
}
