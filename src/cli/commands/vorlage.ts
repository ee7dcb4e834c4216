import { Command } from "commander";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { buildWorkbookModel, planFromTable, TemplatePlan } from "../../core/template";
import { CliError, fileSystemFailure, UsageError } from "../errors";
import { NUMBER_SPELLING_HELP } from "../numbers";
import type { StandardProfile } from "../../core/profile";
import { loadStandard, STANDARD_FLAG, STANDARD_OPTION_HELP } from "../standardOption";
import { writeFileSafely, checkTarget } from "../xlsx/writeFileSafely";
import { writeWorkbook } from "../xlsx/writeWorkbook";

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
}

function yearOption(option: string): (text: string) => number {
  return (text) => {
    if (!/^\d{4}$/.test(text.trim())) throw new UsageError(`${option}: „${text}“ ist keine Jahreszahl.`);
    return Number(text.trim());
  };
}

/** The separator of the header line: ";" (German Excel's CSV) unless only "," occurs. */
export function detectSeparator(text: string): ";" | "," {
  const header = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== "") ?? "";
  return header.includes(";") || !header.includes(",") ? ";" : ",";
}

const CSV_PROBLEMS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: "Ein Anführungszeichen wird nicht geschlossen",
  CSV_INVALID_CLOSING_QUOTE: "Nach einem schließenden Anführungszeichen folgt kein Trennzeichen",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "Nach einem schließenden Anführungszeichen folgt kein Trennzeichen",
};

/** UTF-8 text of a CSV file (with or without BOM); a file in another encoding is refused. */
async function readCsvText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw fileSystemFailure(e, file, "lesen");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError(`Die Datei „${file}“ ist nicht in UTF-8 gespeichert (in Excel: „CSV UTF-8“ wählen).`);
  }
}

/** "1 Quartier", "2 Quartiere". */
function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const isBlankRow = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === "");

/**
 * Refuses a row with more values than the header has columns: its values would land in the
 * wrong columns unnoticed. The usual cause is a decimal comma ("2,5") unquoted in a file
 * separated by ",". Fewer values are fine (empty columns at the end left out), and so are
 * blank rows.
 */
function refuseSurplusValues(rows: readonly string[][], lines: readonly number[], separator: string): void {
  const headerIndex = rows.findIndex((row) => !isBlankRow(row));
  if (headerIndex < 0) return;
  const columns = rows[headerIndex].length;
  const cause =
    separator === ","
      ? "steht ein Dezimalkomma in einer Datei mit Komma als Trennzeichen? Dann die Zahl in Anführungszeichen setzen oder „;“ als Trennzeichen verwenden."
      : "fehlt eine Spalte in der Kopfzeile?";
  for (let i = headerIndex + 1; i < rows.length; i++) {
    if (rows[i].length <= columns || isBlankRow(rows[i])) continue;
    throw new UsageError(
      `Zeile ${lines[i]}: ${counted(rows[i].length, "Wert", "Werte")}, die Kopfzeile hat aber ${counted(columns, "Spalte", "Spalten")} – ${cause}`,
    );
  }
}

/** The rows of the CSV text with the line number each starts on. */
export function csvRows(text: string): { rows: string[][]; lines: number[] } {
  const separator = detectSeparator(text);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter: separator,
      bom: true,
      // Rows may be shorter than the header; longer ones are refused below with a German line.
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as { code?: string; lines?: number };
    const problem = (err.code && CSV_PROBLEMS[err.code]) ?? "Die Zeile ist kein gültiges CSV";
    throw new UsageError(err.lines ? `Zeile ${err.lines}: ${problem}.` : `${problem}.`);
  }
  const rows = records.map((r) => r.record);
  const lines = records.map((r) => r.info.lines);
  refuseSurplusValues(rows, lines, separator);
  return { rows, lines };
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

/** Reads and validates the Quartiere of a CSV file (errors name the line). */
export async function planFromCsv(file: string, options: { von?: number; bis?: number; profile?: StandardProfile }): Promise<TemplatePlan> {
  const { rows, lines } = csvRows(await readCsvText(file));
  return planFromTable(rows, { lines, firstYear: options.von, lastYear: options.bis, ...templateStandard(options.profile) });
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
  qm-planer vorlage quartiere.csv -o plan.xlsx --standard stadt.json`;

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
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, options: VorlageOptions) => {
      const force = options.force === true;
      await refuseUnfitOutput(file, options.output);
      await checkTarget(options.output, force);
      const profile = await loadStandard(options.standard);
      const plan = await planFromCsv(file, { ...options, profile });
      const model = buildWorkbookModel(plan);
      await writeFileSafely(options.output, () => writeWorkbook(model), force);
      const years = plan.years.length > 1 ? `Planjahre ${plan.years[0]}–${plan.years[plan.years.length - 1]}` : `Planjahr ${plan.years[0]}`;
      const renamed = model.renamed
        .filter((r) => r.requested.startsWith("QM "))
        .map((r) => `\nHinweis: Das Blatt „${r.requested}“ heißt „${r.actual}“ (Excel erlaubt in Blattnamen höchstens 31 Zeichen und kein []:*?/\\).`)
        .join("");
      process.stdout.write(
        `Planungsmappe „${options.output}“ geschrieben: ${counted(plan.neighbourhoods.length, "Quartier", "Quartiere")}, ${years}.${renamed}\n`,
      );
    });
}
