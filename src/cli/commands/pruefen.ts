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
import { cellName } from "../../core/read/cells";
import { RAHMENSTANDARD } from "../../core/standard";
import { describeFailure, EXIT, ExitCode } from "../errors";
import { checkedNumberOption } from "../numbers";
import { readWorkbookFile, WorkbookReadError } from "../xlsx/readWorkbook";

/**
 * `qm-planer pruefen`: checks any number of workbooks against the standard. Every file is
 * checked even when another cannot be read. Exit code: 2 if any file was unreadable, else 1
 * if any has a Verstoß, else 0.
 */

interface PruefenOptions {
  json?: boolean;
  toleranz?: number;
}

export type FileOutcome = { file: string; result: CheckResult } | { file: string; error: string };

export interface PruefenJson {
  dateien: ({ datei: string; quartiere: NeighbourhoodJson[] } | { datei: string; fehler: string })[];
}

export async function checkFile(file: string, options: PruefenOptions): Promise<FileOutcome> {
  try {
    const snapshot = await readWorkbookFile(file);
    return { file, result: checkWorkbook(snapshot, { salaryTolerancePercent: options.toleranz }) };
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

export function pruefenJson(outcomes: readonly FileOutcome[]): PruefenJson {
  return {
    dateien: outcomes.map((o) => ("error" in o ? { datei: o.file, fehler: o.error } : { datei: o.file, quartiere: resultJson(o.result) })),
  };
}

function findingLines(f: Finding): string[] {
  const year = f.jahr === null ? "" : ` ${f.jahr}`;
  const details = [
    f.soll && `Soll: ${formatQuantity(f.soll)}`,
    f.ist && `Ist: ${formatQuantity(f.ist)}`,
    f.zelle && `Zelle: ${cellName(f.zelle)}`,
  ].filter((d): d is string => !!d);
  const lines = [`  - ${SEVERITY_LABEL[f.schwere]}${year} [${f.regel}]: ${f.meldung}`];
  if (details.length > 0) lines.push(`      ${details.join(" · ")}`);
  return lines;
}

/** The German report of one file: per Quartier a summary line, then its findings. */
export function fileReport(outcome: FileOutcome): string {
  if ("error" in outcome) return `${outcome.file}: nicht lesbar – ${outcome.error}\n`;
  const lines = [outcome.file];
  const summaries = summarise(outcome.result);
  outcome.result.neighbourhoods.forEach((n, i) => {
    const sheet = n.sheet && n.sheet !== n.name ? ` (Blatt ${n.sheet})` : "";
    lines.push(`${n.name}${sheet}: ${summaryText(summaries[i])}`);
    for (const f of n.findings) lines.push(...findingLines(f));
  });
  return lines.join("\n") + "\n";
}

const EXAMPLES = `
Beispiele:
  qm-planer pruefen plan.xlsx
  qm-planer pruefen traeger/*.xlsx --json

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
    .addHelpText("after", EXAMPLES)
    .action(async (files: string[], options: PruefenOptions) => {
      const outcomes: FileOutcome[] = [];
      // One file after the other: memory stays that of one workbook, whatever the number of files.
      for (const file of files) outcomes.push(await checkFile(file, options));
      const header = `Prüfung nach dem ${RAHMENSTANDARD.name} (${RAHMENSTANDARD.version})\n\n`;
      process.stdout.write(
        options.json ? JSON.stringify(pruefenJson(outcomes), null, 2) + "\n" : header + outcomes.map(fileReport).join("\n"),
      );
      for (const o of outcomes) if ("error" in o) process.stderr.write(`Fehler: ${o.file}: ${o.error}\n`);
      process.exitCode = exitCodeOf(outcomes);
    });
}
