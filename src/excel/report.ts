/**
 * "Prüfbericht": writes the findings to a new sheet, stamped with the date and the standard's
 * name and version. Never overwrites: when "Prüfbericht" exists the next free name is taken
 * ("Prüfbericht (2)" …), by the same rules as every sheet QM-Planer adds. Two `context.sync()`
 * calls: the sheet names, then the whole report.
 *
 * Every cell is written as text (number format "@"), so a Quartier name or message starting
 * with "=" stays text and never becomes a formula.
 */
import { SHEETS } from "../core/names";
import { CheckResult, FINDING_COLUMNS, findingRow, summarise, summaryText } from "../core/rules";
import { RAHMENSTANDARD } from "../core/standard";
import { assignSheetNames } from "../core/template/sheetNames";
import { columnLetters } from "../core/workbook";

/** "25.11.2026" */
function germanDate(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()}`;
}

/** The report as rows of text: the stamp, a summary per Quartier, then every finding. */
export function reportRows(result: CheckResult, checkedAt: Date): string[][] {
  const width = FINDING_COLUMNS.length;
  const row = (...cells: string[]): string[] => [...cells, ...Array<string>(width - cells.length).fill("")];
  const rows: string[][] = [
    row("Prüfbericht"),
    row(`Geprüft am ${germanDate(checkedAt)} nach dem ${RAHMENSTANDARD.name}, Version ${RAHMENSTANDARD.version}`),
    row(),
    row("Quartier", "Ergebnis"),
    ...summarise(result).map((s) => row(s.name, summaryText(s))),
    row(),
    [...FINDING_COLUMNS],
  ];
  for (const n of result.neighbourhoods) for (const f of n.findings) rows.push(findingRow(f));
  return rows;
}

export interface ReportResult {
  sheet: string;
  findings: number;
}

/** Adds the report sheet and activates it. */
export async function writeReport(result: CheckResult, checkedAt: Date = new Date()): Promise<ReportResult> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();

    const [name] = assignSheetNames([SHEETS.report], worksheets.items.map((w) => w.name)).names;
    const rows = reportRows(result, checkedAt);
    const findings = result.neighbourhoods.reduce((n, q) => n + q.findings.length, 0);
    const lastColumn = columnLetters(FINDING_COLUMNS.length);
    const headerRow = rows.length - findings;
    const sheet = worksheets.add(name);
    const range = sheet.getRange(`A1:${lastColumn}${rows.length}`);
    range.numberFormat = rows.map((r) => r.map(() => "@"));
    range.values = rows;
    sheet.getRange("A1").format.font.bold = true;
    sheet.getRange(`A${headerRow}:${lastColumn}${headerRow}`).format.font.bold = true;
    // Fit the columns to the tables only: the long title and date lines may run over into the
    // empty cells beside them, but must not widen column A.
    sheet.getRange(`A3:${lastColumn}${rows.length}`).format.autofitColumns();
    sheet.activate();
    await context.sync();
    return { sheet: name, findings };
  });
}
