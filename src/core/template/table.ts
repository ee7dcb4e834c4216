/**
 * Quartiere given as a table — the rows of a CSV file, a selected Excel range or text pasted
 * into the task pane — turned into a validated `TemplatePlan`. The first row is the header:
 * `Quartier` and `Einwohner` are required; `VbE`, `Raumkosten` and `Gehalt` are optional; any
 * order, any case; the English names (Neighbourhood, Residents, FTE, Room costs, Salary) are
 * accepted too. Numbers in text cells are spelt the German way ("12.345", "2,5"), or the English
 * way ("12,345", "2.5") when the caller says so (the task pane in English). Errors name the
 * line, so the user can find it, in German and English.
 */
import { Dec } from "../decimal";
import { QmInputError } from "../errors";
import { formatNumber, Language, parseNumber } from "../format";
import type { Texts } from "../read/texts";
import { normaliseName } from "../standard";
import { NeighbourhoodInput, TemplateInput, TemplateInputError, TemplatePlan, validateTemplateInput } from "./input";

type Column = "name" | "residents" | "fte" | "roomCosts" | "salaryPerFte" | "provider";

/** Accepted headers (after `normaliseName`), German and English, and the label used in messages. */
const HEADERS: Record<Column, { label: Texts; aliases: readonly string[]; required: boolean }> = {
  name: { label: { de: "Quartier", en: "Neighbourhood" }, aliases: ["quartier", "name", "neighbourhood", "neighborhood"], required: true },
  residents: { label: { de: "Einwohner", en: "Residents" }, aliases: ["einwohner", "bewohner", "residents"], required: true },
  fte: { label: { de: "VbE", en: "FTE" }, aliases: ["vbe", "fte"], required: false },
  roomCosts: { label: { de: "Raumkosten", en: "Room costs" }, aliases: ["raumkosten", "roomcosts"], required: false },
  salaryPerFte: { label: { de: "Gehalt", en: "Salary" }, aliases: ["gehalt", "gehaltjevbe", "salary", "salaryperfte"], required: false },
  provider: { label: { de: "Träger", en: "Provider" }, aliases: ["traeger", "provider"], required: false },
};
const COLUMNS = Object.keys(HEADERS) as Column[];
const NUMBER_COLUMNS: readonly Column[] = ["residents", "fte", "roomCosts", "salaryPerFte"];

/** The header labels in one language, for "allowed: …" and the missing-column message. */
function labels(lang: Language, columns: readonly Column[] = COLUMNS): string {
  return columns.map((c) => HEADERS[c].label[lang]).join(", ");
}

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
    if (!column)
      throw new TableInputError(
        `Unbekannte Spalte „${text}“ (erlaubt: ${labels("de")}).`,
        `unknown column "${text}" (allowed: ${labels("en")}, or the German ${labels("de")}).`,
        "Kopfzeile",
        line,
      );
    const { label } = HEADERS[column];
    if (found.has(column))
      throw new TableInputError(`Die Spalte „${label.de}“ kommt doppelt vor.`, `the column "${label.en}" appears twice.`, "Kopfzeile", line);
    found.set(column, i);
  });
  for (const c of COLUMNS)
    if (HEADERS[c].required && !found.has(c))
      throw new TableInputError(
        `Die Kopfzeile braucht die Spalten „Quartier“ und „Einwohner“ (es fehlt „${HEADERS[c].label.de}“).`,
        `the header needs the columns "Neighbourhood" and "Residents" ("${HEADERS[c].label.en}" is missing).`,
        "Kopfzeile",
        line,
      );
  return found;
}

/** A number cell: numbers stay, text is read as spelt in `lang`; blank → undefined. */
function numberCell(cell: unknown, column: Column, line: number, lang: Language): number | undefined {
  const { label } = HEADERS[column];
  if (isBlank(cell)) {
    if (HEADERS[column].required) throw new TableInputError(`${label.de} fehlt.`, `${label.en} is missing.`, label.de, line);
    return undefined;
  }
  if (typeof cell === "number") return cell;
  const text = String(cell).trim();
  // "8.000" in an English list: 8, or eight thousand typed the German way? Asked, never guessed —
  // except for VbE, where 2.125 is a usual figure and 2125 VbE is none.
  if (lang === "en" && column !== "fte" && /^[-+]?\d{1,3}(\.\d{3})+$/.test(text))
    throw new TableInputError(
      `${label.de}: „${text}“ ist mehrdeutig (englisch 8.000 = 8, deutsch = 8000).`,
      `${label.en}: "${text}" is ambiguous – a decimal in English spelling, or thousands in German spelling? Please type 8000, 8,000 or 8.0.`,
      label.de,
      line,
    );
  const canonical = parseNumber(text, lang);
  if (canonical === undefined) throw new TableInputError(`${label.de}: „${text}“ ist keine Zahl.`, `${label.en}: "${text}" is not a number.`, label.de, line);
  return Number(canonical);
}

export interface TableOptions extends Omit<TemplateInput, "neighbourhoods"> {
  /** The line number of each row (default: row index + 1). */
  lines?: readonly number[];
  today?: Date;
  /** How numbers in text cells are spelt: German (default; the CLI) or English (the pane in English). */
  numberLanguage?: Language;
}

/** Reads the Quartiere of a table (header row first) and validates them into a plan. */
export function planFromTable(rows: readonly (readonly unknown[])[], options: TableOptions = {}): TemplatePlan {
  const lineOf = (i: number): number => options.lines?.[i] ?? i + 1;
  const firstRow = rows.findIndex((r) => !r.every(isBlank));
  if (firstRow < 0)
    throw new TableInputError(
      "Die Tabelle ist leer (erwartet: Kopfzeile „Quartier;Einwohner“ und eine Zeile je Quartier).",
      'The table is empty (expected: a header "Neighbourhood;Residents" and one line per neighbourhood).',
      "Tabelle",
    );
  const lang = options.numberLanguage ?? "de";
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
      residents: numberCell(cell("residents"), "residents", line, lang),
      fte: numberCell(cell("fte"), "fte", line, lang),
      roomCosts: numberCell(cell("roomCosts"), "roomCosts", line, lang),
      salaryPerFte: numberCell(cell("salaryPerFte"), "salaryPerFte", line, lang),
      provider: cell("provider"),
    });
    lines.push(line);
  }
  const { firstYear, lastYear, tariffIncrease, parameters, shares, standard } = options;
  try {
    return validateTemplateInput({ neighbourhoods, firstYear, lastYear, tariffIncrease, parameters, shares, standard }, options.today);
  } catch (e) {
    if (e instanceof TemplateInputError && e.index !== undefined)
      throw new TableInputError(e.detail, e.detailEn, e.field, lines[e.index]);
    throw e;
  }
}

/**
 * Text pasted into the task pane as rows of cells. Excel puts a copied range on the clipboard
 * as tab-separated lines; typed lists use ";". (csv-parse needs Node's Buffer, which the pane
 * in the browser does not have; these two separators need no quoting rules.)
 */
export function rowsFromPastedText(text: string): string[][] {
  const { lines, separator } = pastedLines(text);
  return lines.map((l) => cellsOf(l, separator));
}

function pastedLines(text: string): { lines: string[]; separator: string } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  return { lines, separator: lines.some((l) => l.includes("\t")) ? "\t" : ";" };
}

function cellsOf(line: string, separator: string): string[] {
  return line.split(separator).map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
}

/** A canonical decimal ("12345.5") spelt in `lang` with all its decimals ("12.345,5"). */
function spelt(canonical: string, lang: Language): string {
  return formatNumber(canonical, lang, canonical.split(".")[1]?.length ?? 0);
}

/**
 * The values of a selected range as text for the pane's field (`;`-separated lines), numbers
 * spelt in `lang` — so 2.125 VbE is never shown as "2.125" that German reads as 2125.
 */
export function pastedTextOfRows(rows: readonly (readonly unknown[])[], lang: Language): string {
  const text = (c: unknown): string =>
    c === null || c === undefined ? "" : typeof c === "number" && Number.isFinite(c) ? spelt(new Dec(c).toFixed(), lang) : String(c);
  return rows.map((r) => r.map(text).join(";")).join("\n");
}

/**
 * Pasted text with the numbers of its number columns spelt for another language ("12.345" ↔
 * "12,345"), so a list typed in German keeps its values when the pane switches to English.
 * Lines without such a number, and a text whose header cannot be read, stay as they are.
 */
export function respellPastedText(text: string, from: Language, to: Language): string {
  if (from === to) return text;
  const { lines, separator } = pastedLines(text);
  const headerLine = lines.findIndex((l) => !cellsOf(l, separator).every(isBlank));
  if (headerLine < 0) return text;
  let columns: Map<Column, number>;
  try {
    columns = headerColumns(cellsOf(lines[headerLine], separator), headerLine + 1);
  } catch (e) {
    if (e instanceof TableInputError) return text;
    throw e;
  }
  const numberIndexes = NUMBER_COLUMNS.flatMap((c) => columns.get(c) ?? []);
  return lines
    .map((line, i) => {
      if (i <= headerLine) return line;
      const cells = cellsOf(line, separator);
      let changed = false;
      for (const index of numberIndexes) {
        const canonical = index < cells.length ? parseNumber(cells[index], from) : undefined;
        if (canonical === undefined) continue;
        const respelt = spelt(canonical, to);
        if (respelt !== cells[index]) [cells[index], changed] = [respelt, true];
      }
      return changed ? cells.join(separator) : line;
    })
    .join("\n");
}
