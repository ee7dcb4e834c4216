/**
 * The yes/no requirements of the standard (rooms, further standards), the hint about room
 * costs, and the focus areas of the work plan — one rule per requirement, generated from the
 * standard-as-data so a requirement added there is checked here.
 */
import { NO } from "../names";
import { NeighbourhoodPlan, planColumns, YesNoKey, yearOf } from "../plan";
import { measuresLabel, yesNoRequirement } from "../read/fields";
import { say, Texts, Wording } from "../read/texts";
import { FocusArea, RAHMENSTANDARD, Requirement } from "../standard";
import { eur, NO_TEXT, text, YES_TEXT } from "./quantity";
import type { Rule, RuleHit } from "./types";

const NOT_MET: Wording<Requirement> = {
  de: (r) => `${r.name}: nicht erfüllt („${NO}“); der Standard verlangt: „${r.source}“.`,
  en: (r) => `${r.nameEn}: not met ("${NO}"); the standard requires: „${r.source}“.`,
};

function yesNoRule(prefix: string, key: YesNoKey): Rule {
  const requirement = yesNoRequirement(key);
  return {
    id: `${prefix}.${key}`,
    severity: "verstoss",
    source: requirement.source,
    check(plan) {
      const answer = plan.yesNo[key];
      if (!answer.ok || answer.value) return [];
      return [{ jahr: null, message: say(NOT_MET, requirement), soll: YES_TEXT, ist: NO_TEXT, zelle: answer.cell }];
    },
  };
}

export const ROOM_RULES: readonly Rule[] = RAHMENSTANDARD.rooms.map((r) => yesNoRule("raeume", r.id as YesNoKey));

export const FURTHER_STANDARD_RULES: readonly Rule[] = RAHMENSTANDARD.furtherStandards.map((r) => yesNoRule("standards", r.id as YesNoKey));

/** Rooms the standard says may come with "Miet- und Betriebskosten". */
const ROOMS_WITH_COSTS: readonly YesNoKey[] = ["buero", "veranstaltungsraum", "anlaufstelle"];

const NO_ROOM_COSTS: Wording<number | null> = {
  de: (year) => `Räume sind vorhanden, aber${year === null ? "" : ` für ${year}`} sind keine Miet- und Betriebskosten geplant.`,
  en: (year) => `There are rooms, but no rent or running costs are planned${year === null ? "" : ` for ${year}`}.`,
};

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
        message: say(NO_ROOM_COSTS, jahr),
        soll: text("Miet- und Betriebskosten", "rent and running costs"),
        ist: eur(planned.value),
        zelle: planned.cell,
      });
    }
    return hits;
  },
};

const NO_MEASURE: Wording<{ area: FocusArea; label: Texts }> = {
  de: (a) => `Für den Schwerpunkt „${a.area.name}“ ist keine Maßnahme geplant (${a.label.de} ist leer).`,
  en: (a) => `No measure is planned for the focus area "${a.area.nameEn}" (${a.label.en} is empty).`,
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
          message: say(NO_MEASURE, { area, label: measuresLabel(area) }),
          soll: text("mindestens eine Maßnahme", "at least one measure"),
          ist: text("keine", "none"),
          zelle: measures.cell,
        },
      ];
    },
  }),
);
