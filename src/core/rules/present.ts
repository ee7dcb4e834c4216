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

/** "erfüllt", "2 Verstöße, 1 Hinweis", "3 Hinweise". */
export function summaryText(s: NeighbourhoodSummary): string {
  const parts: string[] = [];
  if (s.violations > 0) parts.push(`${s.violations} ${s.violations === 1 ? "Verstoß" : "Verstöße"}`);
  if (s.hints > 0) parts.push(`${s.hints} ${s.hints === 1 ? "Hinweis" : "Hinweise"}`);
  if (s.compliant) return parts.length ? `erfüllt (${parts.join(", ")})` : "erfüllt";
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

/** One finding as the text cells of a table row, in FINDING_COLUMNS order. */
export function findingRow(f: Finding, lang: Language = "de"): string[] {
  return [
    f.quartier,
    f.jahr === null ? "" : String(f.jahr),
    SEVERITY_LABEL[f.schwere],
    f.regel,
    lang === "de" ? f.meldung : f.messageEn,
    f.soll ? formatQuantity(f.soll, lang) : "",
    f.ist ? formatQuantity(f.ist, lang) : "",
    f.zelle ? cellName(f.zelle) : "",
  ];
}
