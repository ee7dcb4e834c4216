import { Command } from "commander";
import {
  checkWorkbook,
  CheckResult,
  Finding,
  formatQuantity,
  hasViolation,
  NeighbourhoodJson,
  resultJson,
  SEVERITY_LABEL,
  summarise,
  summaryText,
  toleranceOf,
} from "../../core/rules";
import { BUILT_IN_PROFILE, StandardProfile } from "../../core/profile";
import { cellName } from "../../core/read/cells";
import { RAHMENSTANDARD } from "../../core/standard";
import { describeFailure, EXIT, ExitCode } from "../errors";
import { checkedNumberOption } from "../numbers";
import { loadStandard, STANDARD_FLAG, STANDARD_OPTION_HELP } from "../standardOption";
import { readWorkbookFile, WorkbookReadError } from "../xlsx/untrusted/readWorkbook";
import { visibleText } from "../../core/visibleText";
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

export type FileOutcome = { file: string; result: CheckResult } | { file: string; error: string };

export interface PruefenJson {
  /** What the files were measured against: the built-in standard or the `--standard` profile. */
  standard: { name: string; version: string };
  dateien: ({ datei: string; quartiere: NeighbourhoodJson[] } | { datei: string; fehler: string })[];
}

export async function checkFile(file: string, options: PruefenOptions, profile: StandardProfile = BUILT_IN_PROFILE): Promise<FileOutcome> {
  try {
    const snapshot = await readWorkbookFile(file);
    return { file, result: checkWorkbook(snapshot, { salaryTolerancePercent: options.toleranz, profile }) };
  } catch (err) {
    if (err instanceof WorkbookReadError) return { file, error: err.message };
    // Any other failure (a defect, a file-system error) is this file's alone: the others are
    // still checked and reported.
    return { file, error: describeFailure(err).line.replace(/^Fehler: /, "") };
  }
}

export function exitCodeOf(outcomes: readonly FileOutcome[]): ExitCode {
  if (outcomes.some((o) => "error" in o)) return EXIT.failure;
  if (outcomes.some((o) => "result" in o && hasViolation(o.result))) return EXIT.findings;
  return EXIT.ok;
}

/** One file's entry of the JSON document. */
export function fileJson(o: FileOutcome): PruefenJson["dateien"][number] {
  return "error" in o ? { datei: o.file, fehler: o.error } : { datei: o.file, quartiere: resultJson(o.result) };
}

export function pruefenJson(outcomes: readonly FileOutcome[], profile: StandardProfile = BUILT_IN_PROFILE): PruefenJson {
  return {
    standard: { name: profile.name, version: profile.version },
    dateien: outcomes.map(fileJson),
  };
}

function findingLines(f: Finding): string[] {
  const year = f.jahr === null ? "" : ` ${f.jahr}`;
  const details = [
    f.soll && `Soll: ${formatQuantity(f.soll)}`,
    f.ist && `Ist: ${formatQuantity(f.ist)}`,
    f.zelle && `Zelle: ${visibleText(cellName(f.zelle))}`,
  ].filter((d): d is string => !!d);
  // Texts from the workbook (names, cell texts quoted in messages) are shown escaped: a line
  // break in a Quartier name must not add a line of its own to the report.
  const lines = [`  - ${SEVERITY_LABEL[f.schwere]}${year} [${f.regel}]: ${visibleText(f.meldung)}`];
  if (details.length > 0) lines.push(`      ${details.join(" · ")}`);
  return lines;
}

/** The first line of the German report: what the files are measured against. */
export function checkHeader(profile: StandardProfile = BUILT_IN_PROFILE): string {
  const what = profile === BUILT_IN_PROFILE ? `dem ${profile.name}` : `dem Profil „${profile.name}“`;
  return `Prüfung nach ${what} (${profile.version})\n\n`;
}

/** The German report of one file: per Quartier a summary line, then its findings. */
export function fileReport(outcome: FileOutcome): string {
  if ("error" in outcome) return `${visibleText(outcome.file)}: nicht lesbar – ${visibleText(outcome.error)}\n`;
  const lines = [visibleText(outcome.file)];
  const summaries = summarise(outcome.result);
  outcome.result.neighbourhoods.forEach((n, i) => {
    const sheet = n.sheet && n.sheet !== n.name ? ` (Blatt ${visibleText(n.sheet)})` : "";
    lines.push(`${visibleText(n.name)}${sheet}: ${summaryText(summaries[i])}`);
    for (const f of n.findings) lines.push(...findingLines(f));
  });
  return lines.join("\n") + "\n";
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
      // The same document as pruefenJson(), written file by file.
      const json = options.json
        ? new JsonListWriter<PruefenJson["dateien"][number]>(out, "dateien", { standard: { name: profile.name, version: profile.version } })
        : undefined;
      const text = options.json ? undefined : new TextReportWriter(out, checkHeader(profile));
      let exitCode: ExitCode = EXIT.ok;
      // One file after the other, each reported as soon as it is checked: memory stays that of
      // one workbook, whatever the number of files; nothing of a finished file is kept.
      for (const file of files) {
        const outcome = await checkFile(file, options, profile);
        if (json) json.add(fileJson(outcome));
        else text?.add(fileReport(outcome));
        if ("error" in outcome) process.stderr.write(`Fehler: ${visibleText(outcome.file)}: ${visibleText(outcome.error)}\n`);
        exitCode = Math.max(exitCode, exitCodeOf([outcome])) as ExitCode;
      }
      json?.end();
      process.exitCode = exitCode;
    });
}
