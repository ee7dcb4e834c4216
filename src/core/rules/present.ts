/**
 * Findings for people and machines: the German summary line, the JSON shape of the CLI, and
 * the rows of the "Prüfbericht" sheet. Every output spells a finding the same way.
 */
import type { Language } from "../format";
import { cellName } from "../read/cells";
import type { CheckResult, NeighbourhoodSummary } from "./engine";
import { formatQuantity, quantityJson } from "./quantity";
import type { Finding, Severity } from "./types";

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { verstoss: "Verstoß", hinweis: "Hinweis" };

/** The severities in English, for the report of a pane running in English. */
export const SEVERITY_LABEL_EN: Readonly<Record<Severity, string>> = { verstoss: "Violation", hinweis: "Note" };

const SUMMARY_WORDS: Readonly<Record<Language, { violation: [string, string]; hint: [string, string]; fulfilled: string }>> = {
  de: { violation: ["Verstoß", "Verstöße"], hint: ["Hinweis", "Hinweise"], fulfilled: "erfüllt" },
  en: { violation: ["violation", "violations"], hint: ["note", "notes"], fulfilled: "fulfilled" },
};

/** "erfüllt", "2 Verstöße, 1 Hinweis", "3 Hinweise" (English: "fulfilled", "2 violations, 1 note"). */
export function summaryText(s: NeighbourhoodSummary, lang: Language = "de"): string {
  const words = SUMMARY_WORDS[lang];
  const parts: string[] = [];
  if (s.violations > 0) parts.push(`${s.violations} ${words.violation[s.violations === 1 ? 0 : 1]}`);
  if (s.hints > 0) parts.push(`${s.hints} ${words.hint[s.hints === 1 ? 0 : 1]}`);
  if (s.compliant) return parts.length ? `${words.fulfilled} (${parts.join(", ")})` : words.fulfilled;
  return parts.join(", ");
}

export interface FindingJson {
  regel: string;
  schwere: Severity;
  meldung: string;
  soll: string | null;
  ist: string | null;
  zelle: string | null;
  jahr: number | null;
}

export function findingJson(f: Finding): FindingJson {
  return {
    regel: f.regel,
    schwere: f.schwere,
    meldung: f.meldung,
    soll: f.soll && quantityJson(f.soll),
    ist: f.ist && quantityJson(f.ist),
    zelle: f.zelle && cellName(f.zelle),
    jahr: f.jahr,
  };
}

export interface NeighbourhoodJson {
  name: string;
  befunde: FindingJson[];
}

export function resultJson(result: CheckResult): NeighbourhoodJson[] {
  return result.neighbourhoods.map((n) => ({ name: n.name, befunde: n.findings.map(findingJson) }));
}

/** The columns of a findings table (report sheet, pane list). */
export const FINDING_COLUMNS = ["Quartier", "Jahr", "Schwere", "Regel", "Meldung", "Soll", "Ist", "Zelle"] as const;

/** The same columns in English (the rule ids and cell addresses in them stay as they are). */
export const FINDING_COLUMNS_EN = ["Neighbourhood", "Year", "Severity", "Rule", "Message", "Expected", "Actual", "Cell"] as const;

/** One finding as the text cells of a table row, in FINDING_COLUMNS order. */
export function findingRow(f: Finding, lang: Language = "de"): string[] {
  return [
    f.quartier,
    f.jahr === null ? "" : String(f.jahr),
    (lang === "de" ? SEVERITY_LABEL : SEVERITY_LABEL_EN)[f.schwere],
    f.regel,
    lang === "de" ? f.meldung : f.messageEn,
    f.soll ? formatQuantity(f.soll, lang) : "",
    f.ist ? formatQuantity(f.ist, lang) : "",
    f.zelle ? cellName(f.zelle) : "",
  ];
}
