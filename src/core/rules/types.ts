/**
 * The compliance rules' vocabulary. A finding's keys are German because they are the contract
 * of the JSON output and the task pane (`regel`, `schwere`, `soll`, `ist`, `zelle` …).
 */
import type { CompiledParameters } from "../budget";
import type { Dec } from "../decimal";
import type { CellRef, NeighbourhoodPlan } from "../plan";
import type { Texts } from "../read/texts";

export type Severity = "verstoss" | "hinweis";

/** A Soll or Ist value, typed so that each output can format it (12.345,67 € / "12345.67"). */
export type Quantity =
  | { kind: "eur"; amount: Dec }
  | { kind: "vbe"; amount: Dec }
  | { kind: "residents"; amount: Dec }
  | { kind: "text"; text: string; textEn: string };

export interface Finding {
  /** Stable rule id ("projektkosten.mindest"). */
  regel: string;
  schwere: Severity;
  /** The Quartier's name. */
  quartier: string;
  /** The plan year the finding concerns; null for what holds for every year. */
  jahr: number | null;
  /** German, one sentence or two. */
  meldung: string;
  /** The same message in English, for the task pane when Office runs in English. */
  messageEn: string;
  soll: Quantity | null;
  ist: Quantity | null;
  /** The cell to look at (and to highlight), when there is one. */
  zelle: CellRef | null;
}

/** What a rule reports; the engine adds the rule's id, severity and the Quartier. */
export interface RuleHit {
  jahr: number | null;
  /** The message in German and English (the finding's `meldung` and `messageEn`). */
  message: Texts;
  soll: Quantity | null;
  ist: Quantity | null;
  zelle: CellRef | null;
  /** Only the input rules lower this: an input only a hint depends on is itself a hint. */
  schwere?: Severity;
}

export interface RuleContext {
  /** The standard's figures: plans are measured against them, whatever the workbook's Parameter sheet says. */
  params: CompiledParameters;
  /** Allowed shortfall of the Personalkosten below the tariff reference, as a fraction (0.05 = 5 %). */
  salaryTolerance: Dec;
  /** The workbook's tariff increase per year (0 when it has none) and its base year (null: each Quartier's first plan year). */
  tariff: { increase: Dec; baseYear: number | null };
  /** What the figures are named in messages: "der Standard", or a city's "das Profil „Stadt X“"; default the standard. */
  against?: Texts;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** The standard's wording the rule enforces, verbatim. */
  source: string;
  check(plan: NeighbourhoodPlan, ctx: RuleContext): RuleHit[];
}

/** A finding from what a rule reports, with the rule's id and severity and the Quartier's name. */
export function findingOf(hit: RuleHit, regel: string, schwere: Severity, quartier: string): Finding {
  return {
    regel,
    schwere: hit.schwere ?? schwere,
    quartier,
    jahr: hit.jahr,
    meldung: hit.message.de,
    messageEn: hit.message.en,
    soll: hit.soll,
    ist: hit.ist,
    zelle: hit.zelle,
  };
}
