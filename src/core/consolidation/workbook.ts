/**
 * The comparison workbook of a budget round as a template model (rendered by the CLI's exceljs
 * writer, and by the pane's Office.js writer into new sheets):
 *
 * - "Übersicht": per plan year and over all years the totals, the weighted € je Einwohner, VbE
 *   je 1.000 Einwohner, the shares of Bund, Land and Gemeinde and how many Quartiere meet the
 *   standard; per Quartier its totals and findings; a chart of the Gesamtbudget per Quartier.
 *   Every figure there is a formula over "Daten", so a correction on "Daten" carries through.
 * - "Daten": one row per Quartier and plan year, values only, with a filter on the header.
 * - "Befunde": every Verstoß and Hinweis, per Quartier.
 * - "Fehler": the files that could not be consolidated and why.
 *
 * The data rows hold the core's exact figures (shares split to the cent, `shares.ts`); the
 * summary's sums are ROUND(SUMIFS(…), 2) of them, hence equal to the JSON's sums of the rows.
 */
import { centsString } from "../decimal";
import { formatNumber } from "../format";
import { findingRow } from "../rules";
import { absoluteAddress, absoluteRange, cellAddress, quoteSheetName, rangeAddress } from "../template/addresses";
import type { DefinedNameModel, PrintModel, SheetModel, WorkbookModel } from "../template/model";
import { SheetBuilder } from "../template/sheetBuilder";
import { NUMBER_FORMATS } from "../template/styles";
import { shareRatio } from "../profile";
import { Dec } from "../decimal";
import { DATA_COLUMNS, dataCol, DataColumnKey, FigureColumnKey, meetsStandard } from "./columns";
import { Consolidation, unreadPlace } from "./consolidate";

export const COMPARISON_SHEETS = {
  summary: "Übersicht",
  data: "Daten",
  findings: "Befunde",
  errors: "Fehler",
} as const;

/** Workbook-wide names of the grand totals (on "Übersicht"), for formulas and outside tools. */
export const COMPARISON_NAMES = {
  total: "Vergleich_Gesamt",
  federal: "Vergleich_Anteil_Bund",
  state: "Vergleich_Anteil_Land",
  municipal: "Vergleich_Anteil_Gemeinde",
} as const;

export interface ComparisonWorkbookOptions {
  /** The date printed in the footer and under the title; default today. */
  today?: Date;
}

const DATA_HEADER_ROW = 1;
const DATA_FIRST_ROW = 2;

/** The summary's per-year table: its columns, in order. */
type YearColumn =
  | "year"
  | "count"
  | "residents"
  | "fte"
  | FigureColumnKey
  | "compliant"
  | "unread";

const YEAR_COLUMNS: ReadonlyArray<{ key: YearColumn; header: string; width: number; numberFormat?: string }> = [
  { key: "year", header: "Planjahr", width: 16, numberFormat: NUMBER_FORMATS.year },
  { key: "count", header: "Quartiere", width: 24, numberFormat: NUMBER_FORMATS.integer },
  { key: "residents", header: "Einwohner", width: 15, numberFormat: NUMBER_FORMATS.integer },
  { key: "fte", header: "VbE", width: 15, numberFormat: NUMBER_FORMATS.fte },
  { key: "total", header: "Gesamt", width: 16, numberFormat: NUMBER_FORMATS.euro },
  { key: "richtwertTotal", header: "Richtwert Gesamt", width: 16, numberFormat: NUMBER_FORMATS.euro },
  { key: "deviation", header: "Abweichung vom Richtwert", width: 16, numberFormat: NUMBER_FORMATS.euroSigned },
  { key: "grantedFunds", header: "Drittmittel (bewilligt)", width: 16, numberFormat: NUMBER_FORMATS.euro },
  { key: "shareFederal", header: "Anteil Bund", width: 16, numberFormat: NUMBER_FORMATS.euro },
  { key: "shareState", header: "Anteil Land", width: 16, numberFormat: NUMBER_FORMATS.euro },
  { key: "shareMunicipal", header: "Anteil Gemeinde", width: 16, numberFormat: NUMBER_FORMATS.euro },
  { key: "perResident", header: "€ je Einwohner (gewichtetes Mittel)", width: 16, numberFormat: NUMBER_FORMATS.euro },
  { key: "ftePerThousand", header: "VbE je 1.000 Einwohner (gewichtet)", width: 14, numberFormat: NUMBER_FORMATS.fte },
  { key: "compliant", header: "Quartiere, die den Standard erfüllen", width: 14, numberFormat: NUMBER_FORMATS.integer },
  // Last, so that the columns before keep their places.
  { key: "unread", header: "Quartiere mit unlesbaren Angaben", width: 14, numberFormat: NUMBER_FORMATS.integer },
];

/** Summed columns of the per-year table, with the data column each sums. */
const SUMMED: ReadonlyArray<[YearColumn, DataColumnKey]> = [
  ["total", "total"],
  ["richtwertTotal", "richtwertTotal"],
  ["deviation", "deviation"],
  ["grantedFunds", "grantedFunds"],
  ["shareFederal", "shareFederal"],
  ["shareState", "shareState"],
  ["shareMunicipal", "shareMunicipal"],
];

const yearCol = (key: YearColumn): number => YEAR_COLUMNS.findIndex((c) => c.key === key) + 1;

/** The per-Quartier table of the summary (the chart plots its Quartier and Gesamt columns, which must stand side by side). */
type QuartierColumn =
  | "number"
  | "neighbourhood"
  | FigureColumnKey
  | "violations"
  | "hints"
  | "compliant"
  | "file"
  | "provider"
  | "unread";

const QUARTIER_COLUMNS: ReadonlyArray<{ key: QuartierColumn; header: string; numberFormat?: string }> = [
  { key: "number", header: "Nr.", numberFormat: NUMBER_FORMATS.integer },
  { key: "neighbourhood", header: "Quartier" },
  { key: "total", header: "Gesamt (alle Planjahre)", numberFormat: NUMBER_FORMATS.euro },
  { key: "richtwertTotal", header: "Richtwert Gesamt", numberFormat: NUMBER_FORMATS.euro },
  { key: "deviation", header: "Abweichung vom Richtwert", numberFormat: NUMBER_FORMATS.euroSigned },
  { key: "grantedFunds", header: "Drittmittel (bewilligt)", numberFormat: NUMBER_FORMATS.euro },
  { key: "shareFederal", header: "Anteil Bund", numberFormat: NUMBER_FORMATS.euro },
  { key: "shareState", header: "Anteil Land", numberFormat: NUMBER_FORMATS.euro },
  { key: "shareMunicipal", header: "Anteil Gemeinde", numberFormat: NUMBER_FORMATS.euro },
  { key: "perResident", header: "€ je Einwohner und Jahr (gewichtet)", numberFormat: NUMBER_FORMATS.euro },
  { key: "ftePerThousand", header: "VbE je 1.000 Einwohner (Mittel der Jahre)", numberFormat: NUMBER_FORMATS.fte },
  { key: "violations", header: "Verstöße", numberFormat: NUMBER_FORMATS.integer },
  { key: "hints", header: "Hinweise", numberFormat: NUMBER_FORMATS.integer },
  { key: "compliant", header: "Standard erfüllt" },
  { key: "file", header: "Datei" },
  { key: "provider", header: "Träger" },
  { key: "unread", header: "Planjahre mit unlesbaren Angaben", numberFormat: NUMBER_FORMATS.integer },
];

/** The Quartier table's mark of a Quartier whose sheet could not be read at all (it has no data rows). */
const WHOLE_SHEET_UNREAD = "ganzes Blatt";

const quartierCol = (key: QuartierColumn): number => QUARTIER_COLUMNS.findIndex((c) => c.key === key) + 1;

/** "31.12.2026". */
function germanDate(d: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** A share text ("1/3", "0.4") in percent for people ("33,33 %"). */
function sharePercent(text: string): string {
  const r = shareRatio(text);
  return `${formatNumber(new Dec(r.numerator.toString()).mul(100).div(r.denominator.toString()))} %`;
}

/** Text for Excel's header/footer codes: `&` starts a code, so a literal one is doubled. */
function footerText(text: string): string {
  return text.replace(/&/g, "&&");
}

function printOf(footer: string, repeatRow?: number): PrintModel {
  return { landscape: true, fitToWidth: true, footer, ...(repeatRow ? { repeatRows: { first: repeatRow, last: repeatRow } } : {}) };
}

/** A formula string literal. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function buildComparisonWorkbook(c: Consolidation, options: ComparisonWorkbookOptions = {}): WorkbookModel {
  const date = germanDate(options.today ?? new Date());
  const footer = `&L${footerText(`${c.standard.name} (${c.standard.version})`)}&CSeite &P von &N&R${footerText(`Stand ${date}`)}`;
  const data = buildDataSheet(c, footer);
  const summary = buildSummarySheet(c, data.rows, date, footer);
  const sheets = [summary.sheet, data.sheet, buildFindingsSheet(c, footer), buildErrorsSheet(c, footer)];
  const printTitles: DefinedNameModel[] = sheets
    .filter((s) => s.print?.repeatRows)
    .map((s) => ({
      name: "_xlnm.Print_Titles",
      sheet: s.name,
      address: `$${s.print!.repeatRows!.first}:$${s.print!.repeatRows!.last}`,
      scope: "sheet",
    }));
  return { sheets, names: [...summary.names, ...printTitles], renamed: [] };
}

/** The data rows: one per Quartier and plan year, in the order the files were given. */
function buildDataSheet(c: Consolidation, footer: string): { sheet: SheetModel; rows: number } {
  const b = new SheetBuilder(COMPARISON_SHEETS.data, "comparison");
  DATA_COLUMNS.forEach((col, i) => {
    b.set(DATA_HEADER_ROW, i + 1, { value: col.header, style: "header" });
    b.width(i + 1, col.width);
  });
  let row = DATA_FIRST_ROW;
  c.neighbourhoods.forEach((n, i) => {
    for (const y of n.years) {
      DATA_COLUMNS.forEach((col, j) => {
        const value = col.value(n, y, i + 1);
        if (value !== undefined) b.set(row, j + 1, { value, ...(col.numberFormat ? { numberFormat: col.numberFormat } : {}) });
      });
      row++;
    }
  });
  const rows = row - DATA_FIRST_ROW;
  b.freezePanes(DATA_HEADER_ROW, 2);
  const sheet = b.build();
  return {
    sheet: {
      ...sheet,
      protect: false,
      autoFilter: rangeAddress(DATA_HEADER_ROW, 1, DATA_HEADER_ROW + Math.max(rows, 1), DATA_COLUMNS.length),
      print: printOf(footer, DATA_HEADER_ROW),
    },
    rows,
  };
}

function buildSummarySheet(c: Consolidation, dataRows: number, date: string, footer: string): { sheet: SheetModel; names: DefinedNameModel[] } {
  const b = new SheetBuilder(COMPARISON_SHEETS.summary, "comparison");
  const data = quoteSheetName(COMPARISON_SHEETS.data);
  // Bounded ranges over the data rows (at least one row, so that an empty round still has valid formulas).
  const lastDataRow = DATA_FIRST_ROW + Math.max(dataRows, 1) - 1;
  const column = (key: DataColumnKey): string => `${data}!${absoluteRange(DATA_FIRST_ROW, dataCol(key), lastDataRow, dataCol(key))}`;

  b.set(1, 1, { value: "Vergleich der eingereichten Quartiersplanungen", style: "title" });
  const s = c.shareTexts;
  b.set(2, 1, {
    value: `Gemessen am ${c.standard.name} (${c.standard.version}). Förderanteile an Gesamt − Drittmittel: Bund ${sharePercent(s.federal)}, Land ${sharePercent(s.state)}, Gemeinde ${sharePercent(s.municipal)} (auf den Cent verteilt). Stand ${date}.`,
    style: "note",
  });
  b.set(3, 1, {
    value: `Alle Zahlen sind Formeln über das Blatt „${COMPARISON_SHEETS.data}“. € je Einwohner ist das gewichtete Mittel (Summe Gesamt ÷ Summe Einwohner), nicht das Mittel der Quartierswerte.`,
    style: "note",
  });

  // Per plan year, then over all years.
  const sectionRow = 5;
  b.set(sectionRow, 1, { value: "Je Planjahr", style: "section" });
  const headerRow = sectionRow + 1;
  YEAR_COLUMNS.forEach((col, i) => {
    b.set(headerRow, i + 1, { value: col.header, style: "header" });
    b.width(i + 1, col.width);
  });
  const years = c.sums.years.map((y) => y.year);
  const firstYearRow = headerRow + 1;
  const at = (key: YearColumn, row: number): string => cellAddress(row, yearCol(key));
  const fmt = (key: YearColumn) => {
    const f = YEAR_COLUMNS[yearCol(key) - 1].numberFormat;
    return f ? { numberFormat: f } : {};
  };
  // A Quartier whose sheet could not be read has no data rows, yet is missing from every year.
  const unreadSheets = c.neighbourhoods.filter((n) => n.unreadSheet).length;
  years.forEach((year, i) => {
    const row = firstYearRow + i;
    // A row without a readable year matches the empty Planjahr cells ("=" is SUMIFS' "empty").
    const criterion = year === null ? literal("=") : at("year", row);
    // The complete rows only (an empty „Nicht lesbar“): every figure of the row is of the same Quartiere.
    const ifs = (sumKey: DataColumnKey): string => `SUMIFS(${column(sumKey)},${column("year")},${criterion},${column("unread")},${literal("=")})`;
    b.set(row, yearCol("year"), year === null ? { value: "ohne Planjahr" } : { value: year, ...fmt("year") });
    b.set(row, yearCol("count"), { formula: `COUNTIFS(${column("year")},${criterion},${column("neighbourhood")},"<>")`, ...fmt("count") });
    b.set(row, yearCol("residents"), { formula: ifs("residents"), ...fmt("residents") });
    b.set(row, yearCol("fte"), { formula: ifs("fte"), ...fmt("fte") });
    for (const [key, dataKey] of SUMMED) b.set(row, yearCol(key), { formula: `ROUND(${ifs(dataKey)},2)`, ...fmt(key) });
    // A year that leaves rows out: its deviation and weighted means stay empty, so that no one
    // reads them as the year's.
    const incomplete = at("unread", row);
    b.set(row, yearCol("unread"), {
      formula: `COUNTIFS(${column("year")},${criterion},${column("unread")},"<>")${unreadSheets > 0 ? `+${unreadSheets}` : ""}`,
      ...fmt("unread"),
      ...(c.sums.years[i].incomplete > 0 ? { style: "belowStandard" as const } : {}),
    });
    b.set(row, yearCol("deviation"), { formula: `IF(${incomplete}>0,"",ROUND(${ifs("deviation")},2))`, ...fmt("deviation") });
    // Weighted: Σ Gesamt ÷ Σ Einwohner of the year, the very cells beside it.
    b.set(row, yearCol("perResident"), {
      formula: `IF(OR(${incomplete}>0,${at("residents", row)}=0),"",ROUND(${at("total", row)}/${at("residents", row)},2))`,
      ...fmt("perResident"),
    });
    b.set(row, yearCol("ftePerThousand"), {
      formula: `IF(OR(${incomplete}>0,${at("residents", row)}=0),"",ROUND(${at("fte", row)}/${at("residents", row)}*1000,2))`,
      ...fmt("ftePerThousand"),
    });
    b.set(row, yearCol("compliant"), { formula: `COUNTIFS(${column("year")},${criterion},${column("compliant")},"ja")`, ...fmt("compliant") });
  });
  const allRow = firstYearRow + years.length;
  const lastYearRow = allRow - 1;
  const yearRange = (key: YearColumn): string => (years.length === 0 ? "0" : rangeAddress(firstYearRow, yearCol(key), lastYearRow, yearCol(key)));

  // Per Quartier (below), needed by the all-years row's count of compliant Quartiere.
  const quartierSection = allRow + 3;
  const quartierHeader = quartierSection + 1;
  const firstQuartierRow = quartierHeader + 1;
  const lastQuartierRow = firstQuartierRow + Math.max(c.neighbourhoods.length, 1) - 1;
  const quartierRange = (key: QuartierColumn): string => rangeAddress(firstQuartierRow, quartierCol(key), lastQuartierRow, quartierCol(key));

  b.set(allRow, yearCol("year"), { value: "Alle Planjahre", style: "total" });
  b.set(allRow, yearCol("count"), { value: c.neighbourhoods.length, style: "total", ...fmt("count") });
  for (const [key] of SUMMED) b.set(allRow, yearCol(key), { formula: years.length === 0 ? "0" : `ROUND(SUM(${yearRange(key)}),2)`, style: "total", ...fmt(key) });
  // Over all years: the Quartiere with an unreadable input in any year, or whose sheet could not be read.
  const allIncomplete = at("unread", allRow);
  b.set(allRow, yearCol("unread"), {
    formula:
      c.neighbourhoods.length === 0 ? "0" : `COUNTIF(${quartierRange("unread")},">0")+COUNTIF(${quartierRange("unread")},${literal(WHOLE_SHEET_UNREAD)})`,
    ...fmt("unread"),
    style: c.unread.length > 0 ? "belowStandard" : "total",
  });
  b.set(allRow, yearCol("deviation"), {
    formula: years.length === 0 ? (c.unread.length > 0 ? '""' : "0") : `IF(${allIncomplete}>0,"",ROUND(SUM(${yearRange("deviation")}),2))`,
    style: "total",
    ...fmt("deviation"),
  });
  b.set(allRow, yearCol("compliant"), {
    formula: c.neighbourhoods.length === 0 ? "0" : `COUNTIF(${quartierRange("compliant")},"ja")`,
    style: "total",
    ...fmt("compliant"),
  });
  b.set(allRow + 1, 1, {
    value: "Einwohner, VbE und € je Einwohner stehen nur je Planjahr: über mehrere Jahre summiert zählten sie jedes Quartier mehrfach.",
    style: "note",
  });
  if (c.unread.length > 0) b.set(allRow + 2, 1, { value: incompleteNote(c), style: "belowStandard" });

  const names: DefinedNameModel[] = (
    [
      [COMPARISON_NAMES.total, "total", "Gesamtbudget aller Quartiere und Planjahre"],
      [COMPARISON_NAMES.federal, "shareFederal", "Anteil des Bundes, alle Quartiere und Planjahre"],
      [COMPARISON_NAMES.state, "shareState", "Anteil des Landes, alle Quartiere und Planjahre"],
      [COMPARISON_NAMES.municipal, "shareMunicipal", "Anteil der Gemeinden, alle Quartiere und Planjahre"],
    ] as const
  ).map(([name, key, comment]) => ({ name, sheet: COMPARISON_SHEETS.summary, address: absoluteAddress(allRow, yearCol(key)), scope: "workbook", comment }));

  b.set(quartierSection, 1, { value: "Je Quartier (alle Planjahre)", style: "section" });
  QUARTIER_COLUMNS.forEach((col, i) => b.set(quartierHeader, i + 1, { value: col.header, style: "header" }));
  const qfmt = (key: QuartierColumn) => {
    const f = QUARTIER_COLUMNS[quartierCol(key) - 1].numberFormat;
    return f ? { numberFormat: f } : {};
  };
  c.neighbourhoods.forEach((n, i) => {
    const row = firstQuartierRow + i;
    const number = cellAddress(row, quartierCol("number"));
    // The Quartier's complete plan years only, as in the table above.
    const ifs = (sumKey: DataColumnKey): string => `SUMIFS(${column(sumKey)},${column("number")},${number},${column("unread")},${literal("=")})`;
    const q = (key: QuartierColumn): string => cellAddress(row, quartierCol(key));
    b.set(row, quartierCol("number"), { value: i + 1, ...qfmt("number") });
    b.set(row, quartierCol("neighbourhood"), { value: n.name });
    for (const [key] of SUMMED) b.set(row, quartierCol(key as QuartierColumn), { formula: `ROUND(${ifs(key as DataColumnKey)},2)`, ...qfmt(key as QuartierColumn) });
    const incompleteStyle = n.unreadSheet || n.years.some((y) => y.unread.length > 0) ? { style: "belowStandard" as const } : {};
    if (n.unreadSheet) {
      // No data rows: nothing of the Quartier is summed, and nothing derived from its sums is shown.
      b.set(row, quartierCol("unread"), { value: WHOLE_SHEET_UNREAD, ...incompleteStyle });
      b.set(row, quartierCol("deviation"), {});
    } else {
      const incomplete = q("unread");
      b.set(row, quartierCol("unread"), { formula: `COUNTIFS(${column("number")},${number},${column("unread")},"<>")`, ...qfmt("unread"), ...incompleteStyle });
      b.set(row, quartierCol("deviation"), { formula: `IF(${incomplete}>0,"",ROUND(${ifs("deviation")},2))`, ...qfmt("deviation") });
      const residents = ifs("residents");
      b.set(row, quartierCol("perResident"), { formula: `IF(OR(${incomplete}>0,${residents}=0),"",ROUND(${q("total")}/${residents},2))`, ...qfmt("perResident") });
      b.set(row, quartierCol("ftePerThousand"), { formula: `IF(OR(${incomplete}>0,${residents}=0),"",ROUND(${ifs("fte")}/${residents}*1000,2))`, ...qfmt("ftePerThousand") });
    }
    // Findings belong to the Quartier, not to a year; a Quartier whose sheet could not be read has no data rows but its Verstoß.
    b.set(row, quartierCol("violations"), { value: n.violations.length, ...qfmt("violations") });
    b.set(row, quartierCol("hints"), { value: n.hints.length, ...qfmt("hints") });
    b.set(row, quartierCol("compliant"), { formula: `IF(${q("violations")}=0,"ja","nein")` });
    b.set(row, quartierCol("file"), { value: n.file });
    if (n.provider) b.set(row, quartierCol("provider"), { value: n.provider });
    if (!meetsStandard(n)) b.set(row, quartierCol("neighbourhood"), { value: n.name, style: "belowStandard" });
  });
  if (c.neighbourhoods.length === 0) b.set(firstQuartierRow, 1, { value: "Keine Quartiersplanung gelesen.", style: "note" });
  // Quartier and file names are longer than the per-year figures need.
  b.width(quartierCol("neighbourhood"), 24);
  b.width(quartierCol("file"), 28);
  b.width(quartierCol("provider"), 22);

  const sheet = b.build();
  const chartTop = lastQuartierRow + 2;
  const chart =
    c.neighbourhoods.length > 0
      ? {
          title: "Gesamtbudget je Quartier (alle Planjahre, Planansatz)",
          seriesName: "Gesamt",
          source: rangeAddress(firstQuartierRow, quartierCol("neighbourhood"), lastQuartierRow, quartierCol("total")),
          position: rangeAddress(chartTop, 1, chartTop + Math.max(18, Math.min(60, c.neighbourhoods.length + 8)), 9),
        }
      : undefined;
  return {
    sheet: { ...sheet, protect: false, freeze: { rows: headerRow, cols: 0 }, print: printOf(footer), ...(chart ? { chart } : {}) },
    names,
  };
}

function buildFindingsSheet(c: Consolidation, footer: string): SheetModel {
  const b = new SheetBuilder(COMPARISON_SHEETS.findings, "comparison");
  const headers = ["Nr.", "Datei", "Quartier", "Jahr", "Schwere", "Regel", "Meldung", "Soll", "Ist", "Zelle"];
  const widths = [6, 28, 22, 7, 10, 24, 80, 16, 16, 18];
  headers.forEach((h, i) => {
    b.set(1, i + 1, { value: h, style: "header" });
    b.width(i + 1, widths[i]);
  });
  let row = 2;
  c.neighbourhoods.forEach((n, i) => {
    for (const f of [...n.violations, ...n.hints]) {
      const [quartier, jahr, schwere, regel, meldung, soll, ist, zelle] = findingRow(f);
      const cells: Array<string | number> = [i + 1, n.file, quartier, jahr === "" ? "" : Number(jahr), schwere, regel, meldung, soll, ist, zelle];
      cells.forEach((v, j) => {
        if (v !== "") b.set(row, j + 1, { value: v, ...(j === 0 ? { numberFormat: NUMBER_FORMATS.integer } : j === 3 ? { numberFormat: NUMBER_FORMATS.year } : {}) });
      });
      row++;
    }
  });
  if (row === 2) b.set(2, 1, { value: "Keine Befunde.", style: "note" });
  b.freezePanes(1, 0);
  const sheet = b.build();
  return { ...sheet, protect: false, autoFilter: rangeAddress(1, 1, Math.max(row - 1, 2), headers.length), print: printOf(footer, 1) };
}

function buildErrorsSheet(c: Consolidation, footer: string): SheetModel {
  const b = new SheetBuilder(COMPARISON_SHEETS.errors, "comparison");
  b.set(1, 1, { value: "Datei", style: "header" });
  b.set(1, 2, { value: "Fehler", style: "header" });
  b.width(1, 36);
  b.width(2, 100);
  c.errors.forEach((e, i) => {
    b.set(i + 2, 1, { value: e.file });
    b.set(i + 2, 2, { value: e.message });
  });
  if (c.errors.length === 0) b.set(2, 1, { value: "Alle Dateien wurden gelesen.", style: "note" });
  const sheet = b.build();
  return { ...sheet, protect: false, print: printOf(footer, 1) };
}

/** The summary's warning when the sums leave rows out, naming the inputs and where. */
function incompleteNote(c: Consolidation): string {
  const count = c.unread.length;
  const where = c.unread
    .slice(0, 5)
    .map(unreadPlace)
    .join(", ");
  return `Unvollständig: ${count === 1 ? "1 Angabe ist" : `${count} Angaben sind`} nicht lesbar (${where}${count > 5 ? ", …" : ""}; siehe „${COMPARISON_SHEETS.findings}“ und die Spalte „Nicht lesbar“ auf „${COMPARISON_SHEETS.data}“). Diese Quartiersjahre fehlen ganz in allen Summen (Einwohner, VbE, Gesamt, Richtwert, Drittmittel, Anteile); Abweichung, € je Einwohner und VbE je 1.000 Einwohner bleiben in den betroffenen Zeilen leer.`;
}

/** The grand totals as the JSON spells them, for a caller that shows them beside the workbook. */
export function grandTotals(c: Consolidation): Record<keyof typeof COMPARISON_NAMES, string> {
  return {
    total: centsString(c.sums.total),
    federal: centsString(c.sums.shares.federal),
    state: centsString(c.sums.shares.state),
    municipal: centsString(c.sums.shares.municipal),
  };
}
