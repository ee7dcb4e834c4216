import { Command } from "commander";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { buildWorkbookModel, planFromTable, TemplatePlan } from "../../core/template";
import { CliError, UsageError } from "../errors";
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
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === "ENOENT" ? `Die Datei „${file}“ gibt es nicht.` : `Die Datei „${file}“ lässt sich nicht lesen (${code}).`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError(`Die Datei „${file}“ ist nicht in UTF-8 gespeichert (in Excel: „CSV UTF-8“ wählen).`);
  }
}

/** The rows of the CSV text with the line number each starts on. */
export function csvRows(text: string): { rows: string[][]; lines: number[] } {
  try {
    const records = parse(text, {
      delimiter: detectSeparator(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return { rows: records.map((r) => r.record), lines: records.map((r) => r.info.lines) };
  } catch (e) {
    const err = e as { code?: string; lines?: number };
    const problem = (err.code && CSV_PROBLEMS[err.code]) ?? "Die Zeile ist kein gültiges CSV";
    throw new UsageError(err.lines ? `Zeile ${err.lines}: ${problem}.` : `${problem}.`);
  }
}

/** Reads and validates the Quartiere of a CSV file (errors name the line). */
export async function planFromCsv(file: string, options: { von?: number; bis?: number }): Promise<TemplatePlan> {
  const { rows, lines } = csvRows(await readCsvText(file));
  return planFromTable(rows, { lines, firstYear: options.von, lastYear: options.bis });
}

const EXAMPLES = `
Die CSV-Datei hat eine Kopfzeile mit den Spalten Quartier und Einwohner, wahlweise auch VbE,
Raumkosten und Gehalt (je VbE und Jahr), in beliebiger Reihenfolge, getrennt durch ; oder ,:

  Quartier;Einwohner;VbE;Raumkosten
  Nord;12.345;2,5;18.000
  Süd;3.200;2;

Beispiele:
  qm-planer vorlage quartiere.csv -o plan.xlsx
  qm-planer vorlage quartiere.csv -o plan.xlsx --von 2026 --bis 2030 --force`;

export function registerVorlageCommand(program: Command): void {
  program
    .command("vorlage")
    .description("Planungsmappe (.xlsx) für mehrere Quartiere mit Vergleich erzeugen")
    .argument("<quartiere.csv>", "CSV-Datei mit einer Zeile je Quartier")
    .requiredOption("-o, --output <datei.xlsx>", "die zu schreibende Mappe")
    .option("--von <jahr>", "erstes Planjahr (Vorgabe: das laufende Jahr)", yearOption("--von"))
    .option("--bis <jahr>", "letztes Planjahr (Vorgabe: zwei Jahre nach dem ersten)", yearOption("--bis"))
    .option("--force", "eine vorhandene Datei überschreiben")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, options: VorlageOptions) => {
      const force = options.force === true;
      await checkTarget(options.output, force);
      const plan = await planFromCsv(file, options);
      const model = buildWorkbookModel(plan);
      await writeFileSafely(options.output, () => writeWorkbook(model), force);
      const years = plan.years.length > 1 ? `${plan.years[0]}–${plan.years[plan.years.length - 1]}` : `${plan.years[0]}`;
      const renamed = model.renamed
        .filter((r) => r.requested.startsWith("QM "))
        .map((r) => `\nHinweis: Das Blatt „${r.requested}“ heißt „${r.actual}“ (Excel erlaubt in Blattnamen höchstens 31 Zeichen und kein []:*?/\\).`)
        .join("");
      process.stdout.write(
        `Planungsmappe „${options.output}“ geschrieben: ${plan.neighbourhoods.length} Quartiere, Planjahre ${years}.${renamed}\n`,
      );
    });
}
