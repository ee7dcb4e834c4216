/**
 * The template's labels in English, for a workbook made where Office runs in English. Applied
 * to the built model as one pass over its label cells, so the sheet builders stay one German
 * source. What stays as it is, by design:
 * - the names contract: sheet names ("Parameter", "QM …", "Vergleich"), defined names and the
 *   "Name in Formeln" column, and the cell values "ja"/"nein" the readers read;
 * - the standard's wording quoted verbatim in the "Quelle" column;
 * - names of funding programmes (ESF, BIWAQ …) and everything a user typed (input cells).
 * A label this table does not know stays German, never half translated.
 */
import { BUDGET_LINES } from "../budget";
import { NO, YES } from "../names";
import { lineNote } from "../rulebook/explain";
import { LINE_RULES } from "../rulebook/lines";
import { RAHMENSTANDARD } from "../standard";
import type { TemplatePlan } from "./input";
import { PROMPT_LIMITS, PromptModel, WorkbookModel } from "./model";
import { richtwertPrompts } from "./notes";
import { clip } from "./sheetBuilder";

const FIXED: Readonly<Record<string, string>> = {
  // Parameter sheet
  "Gelbe Zellen sind Eingaben. Eine Änderung hier wirkt auf die Richtwerte aller Quartiersblätter.":
    "Yellow cells are inputs. A change here applies to the reference values (Richtwerte) of every neighbourhood sheet.",
  "Kennzahlen des Rahmenstandards": "Figures of the framework standard",
  Wert: "Value",
  Einheit: "Unit",
  "Name in Formeln": "Name in formulas",
  Quelle: "Source (the standard's wording)",
  "€ je VbE und Jahr": "€ per FTE and year",
  "€ je Einwohner und Jahr": "€ per resident and year",
  "€ je Jahr": "€ per year",
  "% je Jahr": "% per year",
  Jahr: "Year",
  Einwohner: "Residents",
  VbE: "FTE",
  Planungsannahmen: "Planning assumptions",
  "Basisjahr der Gehälter": "Base year of the salaries",
  "Jahr, für das das Gehalt je VbE eines Quartiers gilt": "Year the salary per FTE of a neighbourhood applies to",
  "Tarifsteigerung je Jahr": "Tariff increase per year",
  "Steigerung des Gehalts je VbE für jedes Planjahr nach dem Basisjahr; Jahre davor behalten das Gehalt des Basisjahrs":
    "Increase of the salary per FTE for every plan year after the base year; years before it keep the base year's salary",
  "Förderanteil Bund": "Federal funding share",
  "Förderanteil Land": "State funding share",
  "Förderanteil Gemeinde": "Municipal funding share",
  "Anteil des Bundes an den nicht durch Drittmittel gedeckten Kosten": "Federal share of the costs not covered by external funds",
  "Anteil des Landes an den nicht durch Drittmittel gedeckten Kosten": "State share of the costs not covered by external funds",
  "Eigenanteil der Gemeinde an den nicht durch Drittmittel gedeckten Kosten": "Municipality's own share of the costs not covered by external funds",
  "Summe der Förderanteile": "Sum of the funding shares",
  "Version des Rahmenstandards": "Version of the framework standard",
  // Quartier sheets
  "Gelbe Zellen sind Eingaben. Die Richtwerte rechnet die Mappe nach dem Rahmenstandard (Blatt „Parameter“).":
    "Yellow cells are inputs. The workbook computes the reference values (Richtwerte) by the framework standard (sheet \"Parameter\").",
  Eingaben: "Inputs",
  Quartier: "Neighbourhood",
  "VbE (Vollzeitäquivalente)": "FTE (full-time equivalents)",
  "Gehalt je VbE und Jahr (im Basisjahr)": "Salary per FTE and year (in the base year)",
  "Raumkosten je Jahr (Miete und Betriebskosten)": "Room costs per year (rent and running costs)",
  Träger: "Provider",
  "Anforderungen des Rahmenstandards": "Requirements of the framework standard",
  [`${YES}/${NO}`]: `${YES}/${NO} (yes/no)`,
  "Budget je Planjahr": "Budget per plan year",
  Budgetposition: "Budget line",
  "Richtwert (Rahmenstandard)": "Reference value (framework standard)",
  "Planansatz (Eingabe)": "Planned amount (input)",
  "Abweichung (Plan − Richtwert)": "Deviation (plan − reference)",
  Planjahr: "Plan year",
  "Arbeitsplan (Schwerpunkte des Rahmenstandards)": "Work plan (focus areas of the framework standard)",
  Schwerpunkt: "Focus area",
  "Geplante Maßnahmen": "Planned measures",
  "Stunden je Jahr": "Hours per year",
  "Summe Stunden": "Total hours",
  "Fördermittel (Drittmittel)": "Funding (external funds)",
  Programm: "Programme",
  Beantragt: "Applied for",
  Bewilligt: "Granted",
  "Sonstige Programme": "Other programmes",
  Summe: "Total",
  "Summe aller Planjahre": "Total of all plan years",
  // Vergleich sheet
  "Vergleich der Quartiere": "Comparison of the neighbourhoods",
  Gesamt: "Total",
  "€ je Einwohner": "€ per resident",
  "VbE je 1.000 Einwohner": "FTE per 1,000 residents",
  "Abweichung vom Richtwert": "Deviation from the reference value",
  "Anteil Gemeinde": "Municipal share",
  "Anteil Bund": "Federal share",
  "Anteil Land": "State share",
  "Drittmittel (bewilligt)": "External funds (granted)",
};

/** Labels that follow from the standard's data: its figures, requirements, focus areas and budget lines. */
function derived(): Map<string, string> {
  const out = new Map<string, string>(Object.entries(FIXED));
  for (const figure of Object.values(RAHMENSTANDARD.figures)) out.set(figure.name, figure.nameEn);
  for (const r of [...RAHMENSTANDARD.rooms, ...RAHMENSTANDARD.furtherStandards]) out.set(r.name, r.nameEn);
  out.set(`Fachkraft mit ${RAHMENSTANDARD.qualifications.map((q) => q.name).join(" oder ")}`, `Qualified staff: ${RAHMENSTANDARD.qualifications.map((q) => q.nameEn.toLowerCase()).join(" or ")}`);
  RAHMENSTANDARD.focusAreas.forEach((area, i) => out.set(`${i + 1}. ${area.name}`, `${i + 1}. ${area.nameEn}`));
  for (const line of BUDGET_LINES) out.set(line.de, line.en);
  return out;
}

/** Labels with a part that varies: the sheet titles, "Summe 2026", "Muss 100 % ergeben …". */
const PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^Parameter: (.+)$/, (m) => `Parameters: ${m[1]} (neighbourhood management framework standard)`],
  [/^Quartiermanagement (.+)$/, (m) => `Neighbourhood management ${m[1]}`],
  [/^Summe (\d{4})$/, (m) => `Total ${m[1]}`],
  [/^gültig ab (.+)$/, (m) => `valid from ${m[1]}`],
  [/^Muss 100 % ergeben \(Zeilen (\d+) bis (\d+)\)\.$/, (m) => `Must add up to 100 % (rows ${m[1]} to ${m[2]}).`],
  [/^Planansätze der Quartiersblätter\. Abweichung = Plan − Richtwert; Anteil Gemeinde = \(Gesamt − Drittmittel\) × Anteil_Gemeinde\.$/, () =>
    "Planned amounts of the neighbourhood sheets. Deviation = plan − reference value; municipal share = (total − external funds) × Anteil_Gemeinde."],
];

/** The standard's own sentences (the Parameter sheet's "Quelle" column): quoted, so never translated. */
function quotesOfTheStandard(): Set<string> {
  return new Set(Object.values(RAHMENSTANDARD.figures).map((f) => f.source));
}

/**
 * The Richtwert cells' input messages in English: the rulebook's own words for each line
 * (`lineNote`, the same as the German ones), matched by the German message's title.
 */
function englishPrompts(plan: Pick<TemplatePlan, "parameters" | "tariffIncrease">): (p: PromptModel) => PromptModel {
  const german = richtwertPrompts(plan);
  const byTitle = new Map<string, PromptModel>();
  for (const rule of LINE_RULES) {
    const note = lineNote(rule.key, plan.parameters, "en", { tariffIncrease: plan.tariffIncrease });
    byTitle.set(clip(german[rule.key].title, PROMPT_LIMITS.title), {
      ranges: [],
      title: clip(`Reference: ${rule.en}`, PROMPT_LIMITS.title),
      message: clip(note, PROMPT_LIMITS.message),
    });
  }
  return (p) => {
    const en = byTitle.get(p.title);
    return en ? { ...en, ranges: p.ranges } : p;
  };
}

/**
 * The model with its label cells in English (and, given the plan, the Richtwert cells' input
 * messages); input cells, names and the standard's quotes unchanged.
 */
export function withEnglishLabels(model: WorkbookModel, plan?: Pick<TemplatePlan, "parameters" | "tariffIncrease">): WorkbookModel {
  const prompt = plan ? englishPrompts(plan) : (p: PromptModel) => p;
  const table = derived();
  const quotes = quotesOfTheStandard();
  const english = (text: string): string => {
    if (quotes.has(text)) return text;
    const fixed = table.get(text);
    if (fixed !== undefined) return fixed;
    for (const [pattern, replace] of PATTERNS) {
      const m = pattern.exec(text);
      if (m) return replace(m);
    }
    return text;
  };
  return {
    ...model,
    sheets: model.sheets.map((sheet) => ({
      ...sheet,
      // Only locked cells are labels: what sits in an input cell is the user's (a Quartier called "Summe" stays so).
      cells: sheet.cells.map((c) => (typeof c.value === "string" && c.locked ? { ...c, value: english(c.value) } : c)),
      prompts: sheet.prompts.map(prompt),
      validations: sheet.validations.map((v) => ({
        ...v,
        error: { title: "Invalid entry", message: `Please choose ${v.values.map((x) => `"${x}"`).join(" or ")}${v.values.includes(YES) ? ` ("${YES}" = yes, "${NO}" = no)` : ""}.` },
      })),
    })),
  };
}
