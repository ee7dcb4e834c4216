import { Command } from "commander";
import { toleranceOf } from "../../core/rules";
import { RAHMENSTANDARD } from "../../core/standard";
import { visibleText } from "../../core/visibleText";
import { EXIT, ExitCode } from "../errors";
import { isExiting } from "../isolation/exitAfterThreads";
import { checkedNumberOption } from "../numbers";
import { loadStandard, STANDARD_FLAG, STANDARD_OPTION_HELP } from "../standardOption";
import { createFileChecker } from "./pruefenChecker";
import { checkHeader } from "./pruefenReport";
import { JsonListWriter, TextReportWriter } from "./reportStream";

/**
 * `qm-planer pruefen`: checks any number of workbooks against the standard. Every file is
 * checked even when another cannot be read. Exit code: 2 if any file was unreadable, else 1
 * if any has a Verstoß, else 0.
 */

interface PruefenOptions {
  json?: boolean;
  toleranz?: number;
  standard?: string;
}

const EXAMPLES = `
Beispiele:
  qm-planer pruefen plan.xlsx
  qm-planer pruefen traeger/*.xlsx --json
  qm-planer pruefen plan.xlsx --standard stadt.json

Exit-Code: 0 ohne Verstoß, 1 bei einem Verstoß, 2 wenn eine Datei nicht lesbar ist.`;

export function registerPruefenCommand(program: Command): void {
  program
    .command("pruefen")
    .description(`Arbeitsmappen gegen den ${RAHMENSTANDARD.name} (${RAHMENSTANDARD.version}) prüfen`)
    .argument("<dateien...>", "eine oder mehrere .xlsx-Dateien")
    .option("--json", "Ergebnis als ein JSON-Dokument ausgeben")
    .option(
      "--toleranz <prozent>",
      `erlaubte Unterschreitung der Personalkosten unter ${RAHMENSTANDARD.tariff} in Prozent (Vorgabe: 0)`,
      checkedNumberOption("--toleranz", toleranceOf),
    )
    .option(STANDARD_FLAG, STANDARD_OPTION_HELP)
    .addHelpText("after", EXAMPLES)
    .action(async (files: string[], options: PruefenOptions) => {
      // A bad profile fails the call before any file is read: one line, nothing on stdout.
      const profile = await loadStandard(options.standard);
      const out = (text: string): void => void process.stdout.write(text);
      // One PruefenJson document, written file by file.
      const json = options.json
        ? new JsonListWriter(out, "dateien", { standard: { name: profile.name, version: profile.version } })
        : undefined;
      const text = options.json ? undefined : new TextReportWriter(out, checkHeader(profile, options.toleranz));
      let exitCode: ExitCode = EXIT.ok;
      // One file after the other, each reported as soon as it is checked: memory stays that of
      // one workbook, whatever the number of files; nothing of a finished file is kept.
      const checker = createFileChecker({ toleranz: options.toleranz }, json ? "json" : "text", profile);
      try {
        for (const file of files) {
          // The output's reader has gone (`| head`): the run ends with the files checked so far.
          if (isExiting()) break;
          const checked = await checker.check(file);
          // The exit code and the error line first: a reader that closes stdout early (`| head`)
          // still gets both for every file checked so far.
          exitCode = Math.max(exitCode, checked.exitCode) as ExitCode;
          process.exitCode = exitCode;
          if (checked.error !== undefined) process.stderr.write(`Fehler: ${visibleText(file)}: ${visibleText(checked.error)}\n`);
          if (json) json.add(checked.report);
          else text?.add(checked.report);
        }
      } finally {
        await checker.close();
      }
      json?.end();
      process.exitCode = exitCode;
    });
}
