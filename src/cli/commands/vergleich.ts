import { Command } from "commander";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import {
  buildComparisonWorkbook,
  Consolidation,
  Consolidator,
  CONSOLIDATION_RULES,
  COMPARISON_SHEETS,
  UnreadEntry,
  unreadPlace,
  vergleichJson,
} from "../../core/consolidation";
import { cellName } from "../../core/read/cells";
import { formatEuro } from "../../core/format";
import { visibleText } from "../../core/visibleText";
import { describeFailure, EXIT, UsageError } from "../errors";
import { loadStandard, STANDARD_FLAG, STANDARD_OPTION_HELP } from "../standardOption";
import { readWorkbookFile, WorkbookReadError } from "../xlsx/untrusted/readWorkbook";
import { checkTarget, writeFileSafely } from "../xlsx/writeFileSafely";

/**
 * `qm-planer vergleich DATEIEN… -o vergleich.xlsx [--json] [--standard FILE] [--force]`: the
 * budget office's consolidation of submitted workbooks into one comparison workbook (and one
 * JSON document). Each file is read by the bounded reader of `pruefen` on its own: a file that
 * cannot be read, or holds no plan, is listed under „Fehler“ and the others still count; when
 * no file at all could be read, nothing is written. An input the sums need and the workbook
 * does not state readably (an amount, the residents, the VbE, a whole Quartier sheet) leaves
 * the sums incomplete: they say so, each such input is a „Fehler“ line on stderr.
 * Exit code 2 when any file is under „Fehler“ or a sum is incomplete, else 0.
 */

interface VergleichOptions {
  output: string;
  json?: boolean;
  force?: boolean;
  standard?: string;
}

/** True when both paths name one existing file (also through a link). */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [statA, statB] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return statA !== undefined && statB !== undefined && statA.dev === statB.dev && statA.ino === statB.ino;
}

async function refuseUnfitOutput(files: readonly string[], output: string): Promise<void> {
  if (path.extname(output).toLowerCase() !== ".xlsx")
    throw new UsageError(`Die Ausgabe „${output}“ muss auf .xlsx enden (der Vergleich ist eine Excel-Arbeitsmappe).`);
  for (const file of files)
    if (await sameFile(file, output))
      throw new UsageError(`Die Ausgabe „${output}“ ist eine der eingereichten Dateien; bitte eine andere .xlsx-Datei angeben.`);
}

/** Reads one submitted file into the consolidation; whatever goes wrong is that file's alone. */
export async function addFile(consolidator: Consolidator, file: string): Promise<void> {
  try {
    consolidator.addSnapshot(file, await readWorkbookFile(file));
  } catch (err) {
    if (err instanceof WorkbookReadError) consolidator.addError(file, err.message);
    else consolidator.addError(file, describeFailure(err).line.replace(/^Fehler: /, ""));
  }
}

/** The German lines after writing: what is in the workbook, the sums, the duplicates. */
export function summaryLines(c: Consolidation, output: string, files: number): string[] {
  const count = c.neighbourhoods.length;
  const years = c.sums.years.map((y) => y.year).filter((y): y is number => y !== null);
  const span = years.length === 0 ? "" : years.length === 1 ? `, Planjahr ${years[0]}` : `, Planjahre ${years[0]}–${years[years.length - 1]}`;
  const read = files - c.errors.length;
  // An incomplete total must never read like a complete one: the warning is on the very line.
  const incomplete = c.unread.length === 0 ? "" : ` – unvollständig, ohne ${unreadPlaces(c.unread)}`;
  const lines = [
    `Vergleich „${visibleText(output)}“ geschrieben: ${count} ${count === 1 ? "Quartier" : "Quartiere"} aus ${read} von ${files} ${files === 1 ? "Datei" : "Dateien"}${span} (Blätter ${Object.values(COMPARISON_SHEETS).join(", ")}).`,
    `Gesamt ${formatEuro(c.sums.total)}${incomplete}: Bund ${formatEuro(c.sums.shares.federal)}, Land ${formatEuro(c.sums.shares.state)}, Gemeinde ${formatEuro(c.sums.shares.municipal)}.`,
  ];
  const compliant = c.neighbourhoods.filter((n) => n.violations.length === 0).length;
  lines.push(`${compliant} von ${count} ${count === 1 ? "Quartier erfüllt" : "Quartieren erfüllen"} den Standard.`);
  for (const n of c.neighbourhoods)
    for (const h of n.hints) if (h.regel === CONSOLIDATION_RULES.duplicate) lines.push(`Hinweis: ${visibleText(n.file)}: ${visibleText(h.meldung)}`);
  return lines;
}

/** "Nord 2026 (Sachkosten nicht lesbar), Süd (ganzes Blatt nicht lesbar)": what the sums leave out, shortly (the stderr lines say why). */
function unreadPlaces(unread: readonly UnreadEntry[]): string {
  const shown = unread.slice(0, 3).map((u) => visibleText(unreadPlace(u)));
  return shown.join(", ") + (unread.length > 3 ? ` und ${unread.length - 3} ${unread.length - 3 === 1 ? "weitere Angabe" : "weitere Angaben"}` : "");
}

/** "im Planjahr 2027", "in den Planjahren 2026, 2027", "" (a column without a readable year). */
function inYears(years: ReadonlyArray<number | null>): string {
  const known = years.filter((y): y is number => y !== null);
  return known.length === 0 ? "" : known.length === 1 ? ` im Planjahr ${known[0]}` : ` in den Planjahren ${known.join(", ")}`;
}

/** One German line per unreadable input, for stderr: the file, the Quartier, what and why, and what it leaves out. */
export function unreadLines(c: Consolidation): string[] {
  return c.unread.map((u) => {
    const consequence = u.key === "sheet" ? "Keiner seiner Beträge ist in den Summen." : `Das Quartier fehlt deshalb${inYears(u.years)} in allen Summen.`;
    const cell = u.cell && !u.detail.includes(cellName(u.cell)) ? ` (Zelle ${cellName(u.cell)})` : "";
    return `Fehler: ${visibleText(u.file)}: ${visibleText(u.neighbourhood)}: ${visibleText(u.detail)}${cell} ${consequence}`;
  });
}

const EXAMPLES = `
Liest eingereichte Planungsmappen (aus „vorlage --je-quartier“ oder eigene, nach ihren
Beschriftungen gelesen wie bei „pruefen“), prüft sie und schreibt die Vergleichsmappe mit den
Blättern ${Object.values(COMPARISON_SHEETS).join(", ")} (mit Diagramm). Die Anteile von Bund,
Land und Gemeinde teilen Gesamt − bewilligte Drittmittel nach den Förderanteilen des Standards
oder des Profils, auf den Cent genau.

Beispiele:
  qm-planer vergleich eingang/*.xlsx -o vergleich.xlsx
  qm-planer vergleich eingang/*.xlsx -o vergleich.xlsx --json > vergleich.json
  qm-planer vergleich eingang/*.xlsx -o vergleich.xlsx --standard stadt.json --force

Exit-Code: 0, wenn alle Dateien und Angaben gelesen wurden; 2, wenn eine Datei unter „Fehler“
steht oder eine Summe unvollständig ist (ein Betrag oder eine andere Angabe eines Quartiers, die
die Summen brauchen, nicht lesbar). Kann keine einzige Datei gelesen werden, wird kein Vergleich geschrieben.`;

export function registerVergleichCommand(program: Command): void {
  program
    .command("vergleich")
    .description("Eingereichte Planungsmappen prüfen, zusammenführen und vergleichen (.xlsx, wahlweise JSON)")
    .argument("<dateien...>", "eine oder mehrere eingereichte .xlsx-Dateien")
    .requiredOption("-o, --output <vergleich.xlsx>", "die zu schreibende Vergleichsmappe")
    .option("--json", "zusätzlich das Ergebnis als ein JSON-Dokument ausgeben")
    .option(STANDARD_FLAG, STANDARD_OPTION_HELP)
    .option("--force", "eine vorhandene Datei überschreiben")
    .addHelpText("after", EXAMPLES)
    .action(async (files: string[], options: VergleichOptions) => {
      const force = options.force === true;
      // Argument errors first, before any file is read.
      await refuseUnfitOutput(files, options.output);
      await checkTarget(options.output, force);
      const profile = await loadStandard(options.standard);
      const consolidator = new Consolidator({ profile });
      // One file after the other: only the consolidated figures of each are kept. A file named
      // twice (a shell pattern and its name, `a.xlsx a.xlsx`) is counted once, and said so.
      const seen = new Set<string>();
      for (const file of files) {
        const key = await realpath(file).catch(() => path.resolve(file));
        if (seen.has(key)) {
          process.stderr.write(`Hinweis: ${visibleText(file)} ist mehrfach angegeben; gezählt wird die Datei einmal.\n`);
          continue;
        }
        seen.add(key);
        await addFile(consolidator, file);
      }
      const consolidation = consolidator.finish();
      // Not a single file read (a typo in the folder, say): an empty comparison would only be in
      // the way of the corrected call, so nothing is written.
      if (consolidation.neighbourhoods.length === 0 && consolidation.errors.length > 0 && consolidation.errors.length === seen.size) {
        for (const e of consolidation.errors) process.stderr.write(`Fehler: ${visibleText(e.file)}: ${visibleText(e.message)}\n`);
        process.stderr.write(
          `Fehler: Aus ${seen.size === 1 ? "der Datei ließ sich keine" : `keiner der ${seen.size} Dateien ließ sich eine`} Quartiersplanung lesen; es wurde kein Vergleich geschrieben.\n`,
        );
        process.exitCode = EXIT.failure;
        return;
      }
      const model = buildComparisonWorkbook(consolidation);
      // Loaded only here, as in `vorlage`: exceljs is most of the CLI's start-up time.
      const { writeWorkbook } = await import("../xlsx/writeWorkbook");
      await writeFileSafely(options.output, () => writeWorkbook(model), force);
      if (options.json) process.stdout.write(JSON.stringify(vergleichJson(consolidation), null, 2) + "\n");
      else process.stdout.write(summaryLines(consolidation, options.output, seen.size).join("\n") + "\n");
      for (const e of consolidation.errors) process.stderr.write(`Fehler: ${visibleText(e.file)}: ${visibleText(e.message)}\n`);
      for (const line of unreadLines(consolidation)) process.stderr.write(line + "\n");
      process.exitCode = consolidation.errors.length > 0 || consolidation.unread.length > 0 ? EXIT.failure : EXIT.ok;
    });
}
