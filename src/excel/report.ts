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
import type { Language } from "../core/format";
import { CheckResult, FINDING_COLUMNS, FINDING_COLUMNS_EN, findingRow, NO_PLAN, summarise, summaryText } from "../core/rules";
import { RAHMENSTANDARD } from "../core/standard";
import { assignSheetNames } from "../core/template/sheetNames";
import { columnLetters } from "../core/workbook";

/** "25.11.2026"; in English "25/11/2026" (day first, as in British English; never the ambiguous 11/25). */
function dateText(date: Date, lang: Language): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  const sep = lang === "de" ? "." : "/";
  return `${two(date.getDate())}${sep}${two(date.getMonth() + 1)}${sep}${date.getFullYear()}`;
}

const WORDS: Readonly<Record<Language, { title: string; checked: (date: string) => string; neighbourhood: string; result: string }>> = {
  de: {
    title: "Prüfbericht",
    checked: (date) => `Geprüft am ${date} nach dem ${RAHMENSTANDARD.name}, Version ${RAHMENSTANDARD.version}`,
    neighbourhood: "Quartier",
    result: "Ergebnis",
  },
  en: {
    title: "Check report",
    checked: (date) => `Checked on ${date} against the ${RAHMENSTANDARD.name} (neighbourhood management framework standard), version ${RAHMENSTANDARD.version}`,
    neighbourhood: "Neighbourhood",
    result: "Result",
  },
};

/** A Quartier's name in the report: the check's German placeholder for "no plan" in the report's language. */
function nameIn(name: string, lang: Language): string {
  return lang === "en" && name === NO_PLAN ? "(no neighbourhood plan found)" : name;
}

/** The report as rows of text: the stamp, a summary per Quartier, then every finding — German, or English where Office runs in English. */
export function reportRows(result: CheckResult, checkedAt: Date, lang: Language = "de"): string[][] {
  const words = WORDS[lang];
  const columns = lang === "de" ? FINDING_COLUMNS : FINDING_COLUMNS_EN;
  const width = columns.length;
  const row = (...cells: string[]): string[] => [...cells, ...Array<string>(width - cells.length).fill("")];
  const rows: string[][] = [
    row(words.title),
    row(words.checked(dateText(checkedAt, lang))),
    row(),
    row(words.neighbourhood, words.result),
    ...summarise(result).map((s) => row(nameIn(s.name, lang), summaryText(s, lang))),
    row(),
    [...columns],
  ];
  for (const n of result.neighbourhoods) for (const f of n.findings) rows.push(findingRow({ ...f, quartier: nameIn(f.quartier, lang) }, lang));
  return rows;
}

export interface ReportResult {
  sheet: string;
  findings: number;
}

/** Adds the report sheet and activates it. */
export async function writeReport(result: CheckResult, checkedAt: Date = new Date(), lang: Language = "de"): Promise<ReportResult> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();

    const [name] = assignSheetNames([SHEETS.report], worksheets.items.map((w) => w.name)).names;
    const rows = reportRows(result, checkedAt, lang);
    const findings = result.neighbourhoods.reduce((n, q) => n + q.findings.length, 0);
    const lastColumn = columnLetters(rows[rows.length - findings - 1].length);
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
