/**
 * The standard's money rules, each written once. A budget line is an expression over the
 * Quartier's inputs, the standard's figures and the planning assumptions, rounded to cents
 * once; the sums add rounded lines. The same entry carries the rule in words (German and
 * English, filled in with the active figures by `explain.ts`) and the standard's sentence.
 *
 * Every consumer — the QM.* functions, the CLI, the check, the templates' formulas, the
 * pane — reads these entries through the compilers beside this file; a test fails when one
 * computes a rule its own way.
 *
 * Basisjahr: the salary of a Quartier is given for the base year; a plan year J counts
 * max(0, J − Basisjahr) years of tariff increase. Years before the base year keep the
 * base year's salary: the reference is never deflated below the figure the plan states.
 */
import type { FigureKey } from "../standard";
import { add, cents, Expr, figure, ifBelow, input, InputKey, line, LineKey, max, mul, num, planning, pow } from "./expr";

/** How an explanation names the active figures and assumptions; `explain.ts` implements it. */
export interface Phrasing {
  /** A figure in its unit ("3.500,00 €", "5.000 Einwohner", "2 VbE"). */
  figure(key: FigureKey): string;
  /** The yearly tariff increase as a percentage ("3 %"); "" when there is none. */
  tariffIncrease(): string;
  /** The tariff the pay follows ("TVöD S11"). */
  tariff(): string;
  /**
   * An input in words: its figure where the rule takes the standard's value instead
   * ("45.000,00 € je VbE"), else the input as entered ("Gehalt je VbE laut Eingabe").
   */
  input(key: InputKey): string;
}

export interface Wording {
  de: (f: Phrasing) => string;
  en: (f: Phrasing) => string;
}

export interface LineRule {
  key: LineKey;
  /** The label every output uses. */
  de: string;
  en: string;
  /** The JSON key of `budget --json` and friends. */
  json: string;
  expr: Expr;
  /** The rule in words, with the active figures: "2,00 € je Einwohner, mindestens 5.000,00 €". */
  words: Wording;
  /** The standard's sentence the rule comes from (verbatim), absent for sums and inputs. */
  source?: FigureKey;
}

const salaryClause = (f: Phrasing, de: boolean): string => {
  const t = f.tariffIncrease();
  if (t === "") return "";
  return de ? `, ab dem Basisjahr mit ${t} Tarifsteigerung je Jahr` : `, with a tariff increase of ${t} a year after the base year`;
};

export const LINE_RULES: readonly LineRule[] = [
  {
    key: "staffCost",
    de: "Personalkosten",
    en: "Staff costs",
    json: "personalkosten",
    expr: cents(mul(input("fte"), input("salaryPerFte"), pow(add(num("1"), planning("tariffIncrease")), planning("yearsAfterBase")))),
    words: {
      de: (f) => `${f.input("salaryPerFte")} nach ${f.tariff()}${salaryClause(f, true)}`,
      en: (f) => `${f.input("salaryPerFte")} under ${f.tariff()}${salaryClause(f, false)}`,
    },
    source: "salaryPerFte",
  },
  {
    key: "materialCost",
    de: "Sachkosten",
    en: "Material costs",
    json: "sachkosten",
    expr: cents(mul(input("fte"), figure("materialCostPerFte"))),
    words: {
      de: (f) => `${f.figure("materialCostPerFte")} je VbE`,
      en: (f) => `${f.figure("materialCostPerFte")} per FTE`,
    },
    source: "materialCostPerFte",
  },
  {
    key: "projectCost",
    de: "Projektkosten",
    en: "Project costs",
    json: "projektkosten",
    expr: cents(max(mul(input("residents"), figure("projectCostPerResident")), figure("projectCostMinimum"))),
    words: {
      de: (f) => `${f.figure("projectCostPerResident")} je Einwohner, mindestens ${f.figure("projectCostMinimum")}`,
      en: (f) => `${f.figure("projectCostPerResident")} per resident, at least ${f.figure("projectCostMinimum")}`,
    },
    source: "projectCostPerResident",
  },
  {
    key: "dispositionFund",
    de: "Verfügungsfonds",
    en: "Disposition fund",
    json: "verfuegungsfonds",
    expr: cents(
      ifBelow(
        input("residents"),
        figure("dispositionFundMinimumBelowResidents"),
        max(mul(input("residents"), figure("dispositionFundPerResident")), figure("dispositionFundMinimum")),
        mul(input("residents"), figure("dispositionFundPerResident")),
      ),
    ),
    words: {
      de: (f) =>
        `${f.figure("dispositionFundPerResident")} je Einwohner, mindestens ${f.figure("dispositionFundMinimum")} bei weniger als ${f.figure("dispositionFundMinimumBelowResidents")}`,
      en: (f) =>
        `${f.figure("dispositionFundPerResident")} per resident, at least ${f.figure("dispositionFundMinimum")} below ${f.figure("dispositionFundMinimumBelowResidents")}`,
    },
    source: "dispositionFundPerResident",
  },
  {
    key: "projectFunds",
    de: "Projektmittel",
    en: "Project funds",
    json: "projektmittel",
    expr: add(line("materialCost"), line("projectCost"), line("dispositionFund")),
    words: { de: () => "Sachkosten + Projektkosten + Verfügungsfonds", en: () => "material costs + project costs + disposition fund" },
  },
  {
    key: "roomCosts",
    de: "Raumkosten",
    en: "Room costs",
    json: "raumkosten",
    expr: cents(input("roomCosts")),
    words: { de: () => "Miet- und Betriebskosten der Räume laut Eingabe", en: () => "rent and running costs of the rooms as entered" },
  },
  {
    key: "total",
    de: "Gesamtbudget",
    en: "Total budget",
    json: "gesamtbudget",
    expr: add(line("staffCost"), line("projectFunds"), line("roomCosts")),
    words: { de: () => "Personalkosten + Projektmittel + Raumkosten", en: () => "staff costs + project funds + room costs" },
  },
];

const BY_KEY: ReadonlyMap<LineKey, LineRule> = new Map(LINE_RULES.map((r) => [r.key, r]));

export function lineRule(key: LineKey): LineRule {
  const rule = BY_KEY.get(key);
  if (!rule) throw new RangeError(`unknown budget line ${key}`);
  return rule;
}

export const lineExpr = (key: LineKey): Expr => lineRule(key).expr;

/**
 * The money minimums of the check: a planned line must reach its Richtwert, computed by the
 * line's own rule — for the pay with the standard's reference salary instead of the plan's.
 */
export interface MinimumRule {
  id: string;
  line: Extract<LineKey, "staffCost" | "materialCost" | "projectCost" | "dispositionFund">;
  /** Inputs the minimum takes from the standard instead of the plan. */
  fromStandard?: Partial<Record<InputKey, FigureKey>>;
  /** Whether the check's tolerance (`pruefen --toleranz`) may lower this minimum. */
  toleranceApplies?: boolean;
}

export const MINIMUM_RULES_DATA: readonly MinimumRule[] = [
  { id: "personal.verguetung", line: "staffCost", fromStandard: { salaryPerFte: "salaryPerFte" }, toleranceApplies: true },
  { id: "sachkosten.mindest", line: "materialCost" },
  { id: "projektkosten.mindest", line: "projectCost" },
  { id: "verfuegungsfonds.mindest", line: "dispositionFund" },
];

/** An expression with some inputs replaced by figures (the minimum's `fromStandard`). */
export function withFigures(expr: Expr, replace: Partial<Record<InputKey, FigureKey>>): Expr {
  const visit = (e: Expr): Expr => {
    switch (e.op) {
      case "input": {
        const key = replace[e.key];
        return key ? figure(key) : e;
      }
      case "add":
      case "mul":
        return { op: e.op, args: e.args.map(visit) };
      case "max":
        return { op: "max", args: [visit(e.args[0]), visit(e.args[1])] };
      case "pow":
        return { op: "pow", base: visit(e.base), exponent: visit(e.exponent) };
      case "ifBelow":
        return { op: "ifBelow", value: visit(e.value), limit: visit(e.limit), then: visit(e.then), otherwise: visit(e.otherwise) };
      case "cents":
        return { op: "cents", arg: visit(e.arg) };
      case "line":
        return visit(lineExpr(e.key));
      default:
        return e;
    }
  };
  return visit(expr);
}
