/**
 * The input message of each Richtwert cell: the line's rule in words with the template's
 * figures and tariff increase, and the standard's sentence — the same text the Budget tab and
 * the findings use (`rulebook/explain.ts`), so a sheet never explains a rule its own way.
 * The template is written in German (its labels, sheet and defined names are German), so its
 * messages are too.
 */
import type { LineKey } from "../rulebook/expr";
import { lineNote } from "../rulebook/explain";
import { LINE_RULES } from "../rulebook/lines";
import type { TemplatePlan } from "./input";

export interface RichtwertPrompt {
  title: string;
  message: string;
}

/** One message per budget line; the same on every Quartier sheet and plan year of a template. */
export function richtwertPrompts(plan: Pick<TemplatePlan, "parameters" | "tariffIncrease">): Record<LineKey, RichtwertPrompt> {
  const out = {} as Record<LineKey, RichtwertPrompt>;
  for (const rule of LINE_RULES)
    out[rule.key] = { title: `Richtwert ${rule.de}`, message: lineNote(rule.key, plan.parameters, "de", { tariffIncrease: plan.tariffIncrease }) };
  return out;
}
