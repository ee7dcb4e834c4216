/**
 * How the plan's fields are called in messages, in German and English: the budget lines'
 * labels, the standard's names of its requirements and focus areas.
 */
import { BUDGET_LINES } from "../budget";
import { FIELDS } from "../inputs";
import type { PlanLineKey, YesNoKey } from "../plan";
import { FocusArea, RAHMENSTANDARD, Requirement } from "../standard";
import { say, Texts } from "./texts";

/** The single inputs of a plan. */
export const FIELD_NAMES = {
  neighbourhood: { de: "Quartier", en: "Neighbourhood" },
  residents: FIELDS.residents,
  fte: FIELDS.fte,
  roomCosts: FIELDS.roomCosts,
  salaryPerFte: FIELDS.salaryPerFte,
  year: { de: "Planjahr", en: "Plan year" },
  years: { de: "Planjahre", en: "Plan years" },
} as const satisfies Record<string, Texts>;

export function lineLabel(key: PlanLineKey): Texts {
  const line = BUDGET_LINES.find((l) => l.key === key);
  return line ? { de: line.de, en: line.en } : { de: key, en: key };
}

/**
 * "Sachkosten 2027", or "Sachkosten (Spalte 2)" when the year is unknown; just "Sachkosten"
 * for a plan of one year that names none (`column` null: a budget, not a sheet).
 */
export function lineYearLabel(key: PlanLineKey, year: number | null, column: number | null): Texts {
  return say(
    {
      de: (l) => (year !== null ? `${l.de} ${year}` : column === null ? l.de : `${l.de} (Spalte ${column + 1})`),
      en: (l) => (year !== null ? `${l.en} ${year}` : column === null ? l.en : `${l.en} (column ${column + 1})`),
    },
    lineLabel(key),
  );
}

/** The requirement of the standard behind each yes/no input. */
export function yesNoRequirement(key: YesNoKey): Requirement {
  if (key === "fachkraft") {
    const q = RAHMENSTANDARD.qualifications;
    const degrees = q.map((x) => x.name.replace(/^Hochschulabschluss /, "")).join(" oder ");
    const degreesEn = q.map((x) => x.nameEn.replace(/^Degree in /, "")).join(" or ");
    return {
      id: "fachkraft",
      name: `Fachkraft mit Hochschulabschluss (${degrees})`,
      nameEn: `Qualified professional with a degree (${degreesEn})`,
      source: q[0].source,
    };
  }
  const found = [...RAHMENSTANDARD.rooms, ...RAHMENSTANDARD.furtherStandards].find((r) => r.id === key);
  if (!found) throw new Error(`Keine Anforderung „${key}“ im Standard.`);
  return found;
}

/** A requirement's (or a figure's) name in both languages. */
export function nameOf(r: { name: string; nameEn: string }): Texts {
  return { de: r.name, en: r.nameEn };
}

export function measuresLabel(area: FocusArea): Texts {
  return { de: `Maßnahmen ${area.short}`, en: `Measures: ${area.nameEn}` };
}
