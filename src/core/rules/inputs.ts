/**
 * The `eingabe.*` rules: everything the reader could not read becomes a finding, one rule per
 * kind of problem. An input that only a hint depends on (room costs, measures, the years'
 * labels) gives a hint; one a Verstoß rule depends on gives a Verstoß — a plan is never
 * "erfüllt" because a figure could not be read.
 */
import { NeighbourhoodPlan, PLAN_LINE_KEYS, ReadProblem, ReadResult, YES_NO_KEYS, yearOf } from "../plan";
import { detailOf } from "../read/cells";
import { joined, Texts } from "../read/texts";
import type { Rule, RuleHit, Severity } from "./types";

interface PlanInput {
  read: ReadResult<unknown>;
  severity: Severity;
  jahr: number | null;
  /** What cannot be checked because of it. */
  consequence?: Texts;
}

const CONSEQUENCE = {
  residents: {
    de: "Projektkosten und Verfügungsfonds sind so nicht prüfbar.",
    en: "Project costs and disposition fund cannot be checked.",
  },
  fte: {
    de: "Personal, Vergütung und Sachkosten sind so nicht prüfbar.",
    en: "Staff, pay and material costs cannot be checked.",
  },
} as const satisfies Record<string, Texts>;

/**
 * The inputs the reader could not read. Only those: the eight rules below each ask for them,
 * and a whole plan's inputs are hundreds of objects where a readable plan has none to report.
 */
function unreadInputs(plan: NeighbourhoodPlan): PlanInput[] {
  const inputs: PlanInput[] = [];
  const add = (read: ReadResult<unknown>, severity: Severity, jahr: number | null, consequence?: Texts): void => {
    if (!read.ok) inputs.push(consequence ? { read, severity, jahr, consequence } : { read, severity, jahr });
  };
  add(plan.residents, "verstoss", null, CONSEQUENCE.residents);
  add(plan.fte, "verstoss", null, CONSEQUENCE.fte);
  add(plan.roomCosts, "hinweis", null);
  for (const read of plan.years) add(read, "hinweis", null);
  for (const key of PLAN_LINE_KEYS) plan.lines[key].forEach((read, i) => add(read, key === "roomCosts" ? "hinweis" : "verstoss", yearOf(plan, i)));
  for (const key of YES_NO_KEYS) add(plan.yesNo[key], "verstoss", null);
  for (const read of Object.values(plan.measures)) add(read, "hinweis", null);
  return inputs;
}

const PROBLEMS: readonly ReadProblem[] = ["fehlt", "leer", "formel_ohne_wert", "fehlerwert", "kein_zahlwert", "ungueltig", "ja_nein", "bezug"];

const PROBLEM_SOURCE = "Ein Wert, der nicht gelesen werden kann, wird nicht als 0 oder als erfüllt gewertet.";

function inputRule(problem: ReadProblem): Rule {
  return {
    id: `eingabe.${problem}`,
    severity: "verstoss",
    source: PROBLEM_SOURCE,
    check(plan) {
      // One failure read for several years (a missing name, one amount for all years) is one finding.
      const byKey = new Map<string, RuleHit>();
      for (const input of unreadInputs(plan)) {
        const read = input.read;
        if (read.ok || read.problem !== problem) continue;
        const key = `${read.detail}\u0000${read.cell?.sheet ?? ""}!${read.cell?.address ?? ""}`;
        const seen = byKey.get(key);
        if (seen) {
          seen.jahr = null;
          if (input.severity === "verstoss") seen.schwere = "verstoss";
          continue;
        }
        byKey.set(key, {
          jahr: input.jahr,
          message: input.consequence ? joined(detailOf(read), input.consequence) : detailOf(read),
          soll: null,
          ist: null,
          zelle: read.cell ?? null,
          schwere: input.severity,
        });
      }
      return [...byKey.values()];
    },
  };
}

export const INPUT_RULES: readonly Rule[] = PROBLEMS.map(inputRule);
