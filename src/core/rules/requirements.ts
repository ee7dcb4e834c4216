/**
 * The yes/no requirements of the standard (rooms, further standards), the hint about room
 * costs, and the focus areas of the work plan — one rule per requirement, generated from the
 * standard-as-data so a requirement added there is checked here.
 */
import { NO, YES } from "../names";
import { NeighbourhoodPlan, planColumns, YesNoKey, yearOf } from "../plan";
import { measuresLabel, yesNoRequirement } from "../read/fields";
import { RAHMENSTANDARD } from "../standard";
import { eur, text } from "./quantity";
import type { Rule, RuleHit } from "./types";

function yesNoRule(prefix: string, key: YesNoKey): Rule {
  const requirement = yesNoRequirement(key);
  return {
    id: `${prefix}.${key}`,
    severity: "verstoss",
    source: requirement.source,
    check(plan) {
      const answer = plan.yesNo[key];
      if (!answer.ok || answer.value) return [];
      return [
        {
          jahr: null,
          meldung: `${requirement.name}: nicht erfüllt („${NO}“); der Standard verlangt: „${requirement.source}“.`,
          soll: text(YES),
          ist: text(NO),
          zelle: answer.cell,
        },
      ];
    },
  };
}

export const ROOM_RULES: readonly Rule[] = RAHMENSTANDARD.rooms.map((r) => yesNoRule("raeume", r.id as YesNoKey));

export const FURTHER_STANDARD_RULES: readonly Rule[] = RAHMENSTANDARD.furtherStandards.map((r) => yesNoRule("standards", r.id as YesNoKey));

/** Rooms the standard says may come with "Miet- und Betriebskosten". */
const ROOMS_WITH_COSTS: readonly YesNoKey[] = ["buero", "veranstaltungsraum", "anlaufstelle"];

export const roomCostsRule: Rule = {
  id: "raeume.kosten",
  severity: "hinweis",
  source: yesNoRequirement("buero").source,
  check(plan: NeighbourhoodPlan) {
    const hasRooms = ROOMS_WITH_COSTS.some((k) => {
      const a = plan.yesNo[k];
      return a.ok && a.value;
    });
    if (!hasRooms) return [];
    const hits: RuleHit[] = [];
    for (let i = 0; i < planColumns(plan); i++) {
      // The plan row per year; a sheet without one has only the yearly input.
      const line = plan.lines.roomCosts[i];
      const planned = !line.ok && line.problem === "fehlt" ? plan.roomCosts : line;
      if (!planned.ok || !planned.value.isZero()) continue;
      const jahr = yearOf(plan, i);
      hits.push({
        jahr,
        meldung: `Räume sind vorhanden, aber${jahr === null ? "" : ` für ${jahr}`} sind keine Miet- und Betriebskosten geplant.`,
        soll: text("Miet- und Betriebskosten"),
        ist: eur(planned.value),
        zelle: planned.cell,
      });
    }
    return hits;
  },
};

export const FOCUS_AREA_RULES: readonly Rule[] = RAHMENSTANDARD.focusAreas.map(
  (area): Rule => ({
    id: `schwerpunkte.${area.id}`,
    severity: "hinweis",
    source: area.source,
    check(plan) {
      const measures = plan.measures[area.id];
      if (!measures || !measures.ok || measures.value !== "") return [];
      return [
        {
          jahr: null,
          meldung: `Für den Schwerpunkt „${area.name}“ ist keine Maßnahme geplant (${measuresLabel(area)} ist leer).`,
          soll: text("mindestens eine Maßnahme"),
          ist: text("keine"),
          zelle: measures.cell,
        },
      ];
    },
  }),
);
