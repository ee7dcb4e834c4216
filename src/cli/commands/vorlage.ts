import { Command } from "commander";
import { stat } from "node:fs/promises";
import path from "node:path";
import { buildWorkbookModel, planFromTable, planYears, renameReasonText, TemplatePlan } from "../../core/template";
import { counted, readCsvRows } from "../csv/readCsv";
import { UsageError } from "../errors";
import { NUMBER_SPELLING_HELP } from "../numbers";
import type { StandardProfile } from "../../core/profile";
import { loadStandard, STANDARD_FLAG, STANDARD_OPTION_HELP } from "../standardOption";
import { writeFileSafely, checkTarget } from "../xlsx/writeFileSafely";
import { checkFolder, writeHandOut } from "./handOut";

/**
 * `qm-planer vorlage quartiere.csv -o plan.xlsx [--von 2026] [--bis 2028] [--force]`: a
 * planning workbook for every Quartier of a CSV file. The layout is the core template's; this
 * command only reads the CSV and writes the file.
 */

interface VorlageOptions {
  output: string;
  von?: number;
  bis?: number;
  force?: boolean;
  standard?: string;
  /** One workbook per Quartier into the folder `output` (see handOut.ts). */
  jeQuartier?: boolean;
}

function yearOption(option: string): (text: string) => number {
  return (text) => {
    if (!/^\d{4}$/.test(text.trim())) throw new UsageError(`${option}: „${text}“ ist keine Jahreszahl.`);
    return Number(text.trim());
  };
}

/** True when both paths name one file (also through a link or another spelling of the path). */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  // A path that cannot be examined is no match here; reading or writing it reports why.
  const [statA, statB] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return statA !== undefined && statB !== undefined && statA.dev === statB.dev && statA.ino === statB.ino;
}

/** The output must be a new .xlsx file: never the CSV itself, never workbook bytes under another name. */
async function refuseUnfitOutput(input: string, output: string): Promise<void> {
  if (await sameFile(input, output))
    throw new UsageError(`Die Ausgabe „${output}“ ist die CSV-Eingabedatei selbst; bitte eine andere .xlsx-Datei angeben.`);
  if (path.extname(output).toLowerCase() !== ".xlsx")
    throw new UsageError(`Die Ausgabe „${output}“ muss auf .xlsx enden (die Vorlage ist eine Excel-Arbeitsmappe).`);
}

/**
 * Reads and validates the Quartiere of a CSV file (errors name the line). `onNote` receives
 * German notes about the reading (e.g. the file was read as Windows-1252).
 */
export async function planFromCsv(
  file: string,
  options: { von?: number; bis?: number; profile?: StandardProfile },
  onNote: (note: string) => void = () => undefined,
): Promise<TemplatePlan> {
  const { rows, lines, notes } = await readCsvRows(file);
  const plan = planFromTable(rows, { lines, firstYear: options.von, lastYear: options.bis, ...templateStandard(options.profile) });
  notes.forEach(onNote);
  return plan;
}

/** What the template takes from a profile: its figures, its funding shares, and its name for the Parameter sheet. */
function templateStandard(profile: StandardProfile | undefined) {
  return profile ? { parameters: profile.parameters, shares: profile.shares, standard: profile } : {};
}

const EXAMPLES = `
Die CSV-Datei hat eine Kopfzeile mit den Spalten Quartier und Einwohner, wahlweise auch VbE,
Raumkosten und Gehalt (je VbE und Jahr), in beliebiger Reihenfolge, getrennt durch ; oder ,:

  Quartier;Einwohner;VbE;Raumkosten
  Nord;12.345;2,5;18.000
  Süd;3.200;2;

${NUMBER_SPELLING_HELP} Mit „,“ als Trennzeichen gehört eine Zahl mit Komma
in Anführungszeichen: Nord,12345,"2,5"

Beispiele:
  qm-planer vorlage quartiere.csv -o plan.xlsx
  qm-planer vorlage quartiere.csv -o plan.xlsx --von 2026 --bis 2030 --force
  qm-planer vorlage quartiere.csv -o plan.xlsx --standard stadt.json
  qm-planer vorlage quartiere.csv --je-quartier -o ausgabe/

Mit --je-quartier entsteht je Quartier eine Mappe (Parameter und das Quartiersblatt) im Ordner
-o, benannt nach dem Quartier; eine Spalte Träger der CSV-Datei steht dann auf dem Blatt.`;

export function registerVorlageCommand(program: Command): void {
  program
    .command("vorlage")
    .description("Planungsmappe (.xlsx) für mehrere Quartiere mit Vergleich erzeugen")
    .argument("<quartiere.csv>", "CSV-Datei mit einer Zeile je Quartier")
    .requiredOption("-o, --output <datei.xlsx>", "die zu schreibende Mappe")
    .option("--von <jahr>", "erstes Planjahr (Vorgabe: das laufende Jahr)", yearOption("--von"))
    .option("--bis <jahr>", "letztes Planjahr (Vorgabe: zwei Jahre nach dem ersten)", yearOption("--bis"))
    .option("--force", "eine vorhandene Datei überschreiben")
    .option(STANDARD_FLAG, STANDARD_OPTION_HELP)
    .option("--je-quartier", "eine Mappe je Quartier in den Ordner -o schreiben (zum Verteilen an die Träger)")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, options: VorlageOptions) => {
      const force = options.force === true;
      // Argument errors first, before any file is read.
      planYears({ firstYear: options.von, lastYear: options.bis });
      if (options.jeQuartier) {
        await checkFolder(options.output);
        const profile = await loadStandard(options.standard);
        const notes: string[] = [];
        const plan = await planFromCsv(file, { ...options, profile }, (note) => notes.push(note));
        process.stdout.write(await writeHandOut(plan, options.output, force));
        for (const note of notes) process.stderr.write(note + "\n");
        return;
      }
      await refuseUnfitOutput(file, options.output);
      await checkTarget(options.output, force);
      const profile = await loadStandard(options.standard);
      const notes: string[] = [];
      const plan = await planFromCsv(file, { ...options, profile }, (note) => notes.push(note));
      const model = buildWorkbookModel(plan);
      // Loaded only here: exceljs is most of the CLI's code, and every other call (`--version`,
      // `budget`, a refused CSV) starts faster without initialising it.
      const { writeWorkbook } = await import("../xlsx/writeWorkbook");
      await writeFileSafely(options.output, () => writeWorkbook(model), force);
      const years = plan.years.length > 1 ? `Planjahre ${plan.years[0]}–${plan.years[plan.years.length - 1]}` : `Planjahr ${plan.years[0]}`;
      const renamed = model.renamed
        .filter((r) => r.requested.startsWith("QM "))
        .map((r) => `\nHinweis: Das Blatt „${r.requested}“ heißt „${r.actual}“: ${renameReasonText(r.reasons).de}.`)
        .join("");
      process.stdout.write(
        `Planungsmappe „${options.output}“ geschrieben: ${counted(plan.neighbourhoods.length, "Quartier", "Quartiere")}, ${years}.${renamed}\n`,
      );
      // Notes only once the file is written: a failed call stays one line on stderr.
      for (const note of notes) process.stderr.write(note + "\n");
    });
}
