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
} from "../../core/rules";
import { formatNumber } from "../../core/format";
import { BUILT_IN_PROFILE, StandardProfile } from "../../core/profile";
import { cellName } from "../../core/read/cells";
import { describeFailure, EXIT, ExitCode } from "../errors";
import { readWorkbookFile, WorkbookReadError } from "../xlsx/untrusted/readWorkbook";
import { visibleText } from "../../core/visibleText";

/**
 * What `pruefen` makes of one file: the check of the workbook, its JSON entry, its German
 * report and its exit code. Pure of the command line: the worker thread that checks files runs
 * this too (see pruefenChecker.ts).
 */

export interface CheckOptions {
  toleranz?: number;
}

export type FileOutcome = { file: string; result: CheckResult } | { file: string; error: string };

export interface PruefenJson {
  /** What the files were measured against: the built-in standard or the `--standard` profile. */
  standard: { name: string; version: string };
  dateien: ({ datei: string; quartiere: NeighbourhoodJson[] } | { datei: string; fehler: string })[];
}

export async function checkFile(file: string, options: CheckOptions, profile: StandardProfile = BUILT_IN_PROFILE): Promise<FileOutcome> {
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
export function checkHeader(profile: StandardProfile = BUILT_IN_PROFILE, tolerancePercent?: number): string {
  const what = profile === BUILT_IN_PROFILE ? `dem ${profile.name}` : `dem Profil „${profile.name}“`;
  // A file that passes only thanks to --toleranz must say so: the tolerance is part of the verdict.
  const tolerance = tolerancePercent ? `, Personalkosten mit ${formatNumber(tolerancePercent)} % Toleranz` : "";
  return `Prüfung nach ${what} (${profile.version})${tolerance}\n\n`;
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

