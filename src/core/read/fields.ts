/**
 * How the plan's fields are called in messages: the budget lines' German labels, the
 * standard's names of its requirements and focus areas.
 */
import { BUDGET_LINES } from "../budget";
import type { PlanLineKey, YesNoKey } from "../plan";
import { FocusArea, RAHMENSTANDARD, Requirement } from "../standard";

export function lineLabel(key: PlanLineKey): string {
  return BUDGET_LINES.find((l) => l.key === key)?.de ?? key;
}

/** "Sachkosten 2027", or "Sachkosten (Spalte 2)" when the year is unknown. */
export function lineYearLabel(key: PlanLineKey, year: number | null, column: number): string {
  return year === null ? `${lineLabel(key)} (Spalte ${column + 1})` : `${lineLabel(key)} ${year}`;
}

/** The requirement of the standard behind each yes/no input. */
export function yesNoRequirement(key: YesNoKey): Requirement {
  if (key === "fachkraft") {
    const degrees = RAHMENSTANDARD.qualifications.map((q) => q.name.replace(/^Hochschulabschluss /, "")).join(" oder ");
    return {
      id: "fachkraft",
      name: `Fachkraft mit Hochschulabschluss (${degrees})`,
      nameEn: "Qualified professional with a degree",
      source: RAHMENSTANDARD.qualifications[0].source,
    };
  }
  const found = [...RAHMENSTANDARD.rooms, ...RAHMENSTANDARD.furtherStandards].find((r) => r.id === key);
  if (!found) throw new Error(`Keine Anforderung „${key}“ im Standard.`);
  return found;
}

export function measuresLabel(area: FocusArea): string {
  return `Maßnahmen ${area.short}`;
}
