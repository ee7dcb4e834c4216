/**
 * Quartiere given as a table — the rows of a CSV file, a selected Excel range or text pasted
 * into the task pane — turned into a validated `TemplatePlan`. The first row is the header:
 * `Quartier` and `Einwohner` are required; `VbE`, `Raumkosten` and `Gehalt` are optional; any
 * order, any case. Numbers may be spelt the German way ("12.345", "2,5"). Errors name the
 * line, so the user can find it.
 */
import { QmInputError } from "../errors";
import { parseGermanNumber } from "../format";
import { normaliseName } from "../standard";
import { NeighbourhoodInput, TemplateInput, TemplateInputError, TemplatePlan, validateTemplateInput } from "./input";

type Column = "name" | "residents" | "fte" | "roomCosts" | "salaryPerFte";

/** Accepted headers (after `normaliseName`) and the label used in messages. */
const HEADERS: Record<Column, { label: string; aliases: readonly string[]; required: boolean }> = {
  name: { label: "Quartier", aliases: ["quartier", "name"], required: true },
  residents: { label: "Einwohner", aliases: ["einwohner", "bewohner"], required: true },
  fte: { label: "VbE", aliases: ["vbe"], required: false },
  roomCosts: { label: "Raumkosten", aliases: ["raumkosten"], required: false },
  salaryPerFte: { label: "Gehalt", aliases: ["gehalt", "gehaltjevbe"], required: false },
};
const COLUMNS = Object.keys(HEADERS) as Column[];

/** A table row that cannot be used, with its line number (1-based, as an editor shows it). */
export class TableInputError extends QmInputError {
  readonly line: number | undefined;

  constructor(detail: string, detailEn: string, field: string, line?: number) {
    super("range", field, line === undefined ? detail : `Zeile ${line}: ${detail}`, line === undefined ? detailEn : `Line ${line}: ${detailEn}`);
    this.name = "TableInputError";
    this.line = line;
  }
}

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function headerColumns(header: readonly unknown[], line: number): Map<Column, number> {
  const found = new Map<Column, number>();
  header.forEach((cell, i) => {
    if (isBlank(cell)) return;
    const text = String(cell).trim();
    const column = COLUMNS.find((c) => HEADERS[c].aliases.includes(normaliseName(text)));
    const allowed = COLUMNS.map((c) => HEADERS[c].label).join(", ");
    if (!column)
      throw new TableInputError(`Unbekannte Spalte „${text}“ (erlaubt: ${allowed}).`, `unknown column "${text}" (allowed: ${allowed}).`, "Kopfzeile", line);
    if (found.has(column))
      throw new TableInputError(`Die Spalte „${HEADERS[column].label}“ kommt doppelt vor.`, `column "${HEADERS[column].label}" appears twice.`, "Kopfzeile", line);
    found.set(column, i);
  });
  for (const c of COLUMNS)
    if (HEADERS[c].required && !found.has(c))
      throw new TableInputError(
        `Die Kopfzeile braucht die Spalten „Quartier“ und „Einwohner“ (es fehlt „${HEADERS[c].label}“).`,
        `the header needs the columns "Quartier" and "Einwohner" ("${HEADERS[c].label}" is missing).`,
        "Kopfzeile",
        line,
      );
  return found;
}

/** A number cell: numbers stay, text is read the German way; blank → undefined. */
function numberCell(cell: unknown, column: Column, line: number): number | undefined {
  if (isBlank(cell)) {
    if (HEADERS[column].required)
      throw new TableInputError(`${HEADERS[column].label} fehlt.`, `${HEADERS[column].label} is missing.`, HEADERS[column].label, line);
    return undefined;
  }
  if (typeof cell === "number") return cell;
  const text = String(cell).trim();
  const canonical = parseGermanNumber(text);
  if (canonical === undefined)
    throw new TableInputError(
      `${HEADERS[column].label}: „${text}“ ist keine Zahl.`,
      `${HEADERS[column].label}: "${text}" is not a number.`,
      HEADERS[column].label,
      line,
    );
  return Number(canonical);
}

export interface TableOptions extends Omit<TemplateInput, "neighbourhoods"> {
  /** The line number of each row (default: row index + 1). */
  lines?: readonly number[];
  today?: Date;
}

/** Reads the Quartiere of a table (header row first) and validates them into a plan. */
export function planFromTable(rows: readonly (readonly unknown[])[], options: TableOptions = {}): TemplatePlan {
  const lineOf = (i: number): number => options.lines?.[i] ?? i + 1;
  const firstRow = rows.findIndex((r) => !r.every(isBlank));
  if (firstRow < 0)
    throw new TableInputError("Die Tabelle ist leer (erwartet: Kopfzeile „Quartier;Einwohner“ und eine Zeile je Quartier).", "The table is empty.", "Tabelle");
  const columns = headerColumns(rows[firstRow], lineOf(firstRow));
  const neighbourhoods: NeighbourhoodInput[] = [];
  const lines: number[] = [];
  for (let i = firstRow + 1; i < rows.length; i++) {
    const row = rows[i];
    if (row.every(isBlank)) continue;
    const line = lineOf(i);
    const cell = (c: Column): unknown => {
      const index = columns.get(c);
      return index === undefined ? undefined : row[index];
    };
    const name = cell("name");
    if (isBlank(name)) throw new TableInputError("Der Name des Quartiers fehlt.", "the neighbourhood's name is missing.", "Quartier", line);
    neighbourhoods.push({
      name: String(name),
      residents: numberCell(cell("residents"), "residents", line),
      fte: numberCell(cell("fte"), "fte", line),
      roomCosts: numberCell(cell("roomCosts"), "roomCosts", line),
      salaryPerFte: numberCell(cell("salaryPerFte"), "salaryPerFte", line),
    });
    lines.push(line);
  }
  const { firstYear, lastYear, tariffIncrease, parameters } = options;
  try {
    return validateTemplateInput({ neighbourhoods, firstYear, lastYear, tariffIncrease, parameters }, options.today);
  } catch (e) {
    if (e instanceof TemplateInputError && e.index !== undefined)
      throw new TableInputError(e.detail, e.messageEn, e.field, lines[e.index]);
    throw e;
  }
}

/**
 * Text pasted into the task pane as rows of cells. Excel puts a copied range on the clipboard
 * as tab-separated lines; typed lists use ";". (csv-parse needs Node's Buffer, which the pane
 * in the browser does not have; these two separators need no quoting rules.)
 */
export function rowsFromPastedText(text: string): string[][] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const separator = lines.some((l) => l.includes("\t")) ? "\t" : ";";
  return lines.map((l) => l.split(separator).map((c) => c.trim().replace(/^"(.*)"$/, "$1")));
}
