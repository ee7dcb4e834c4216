/**
 * What a planning template is made from, and its validation. Raw input (from the CLI's CSV,
 * the task pane or a selected range) goes in; a checked `TemplatePlan` with exact Decimals
 * comes out, or a `TemplateInputError` with a German message naming the Quartier.
 */
import { Dec, toCents } from "../decimal";
import { QmInputError } from "../errors";
import { isOmitted, parseFte, parseResidents, parseRoomCosts, parseSalary } from "../inputs";
import { BUILT_IN_PROFILE, FundingShareTexts, ProfileError, shareRatio } from "../profile";
import { defaultParameters, Parameters, RAHMENSTANDARD } from "../standard";
import { cleanNeighbourhoodName, neighbourhoodNameKey, neighbourhoodNameProblem } from "./neighbourhoodName";

export interface NeighbourhoodInput {
  name: string;
  residents: unknown;
  /** VbE; default: the standard's minimum. */
  fte?: unknown;
  /** Salary per VbE in the base year; default: the standard's reference salary. */
  salaryPerFte?: unknown;
  /** Rent and running costs of the rooms per year; default 0. */
  roomCosts?: unknown;
  /** The Träger (provider) running the office; optional text. */
  provider?: unknown;
}

export interface TemplateInput {
  neighbourhoods: readonly NeighbourhoodInput[];
  /** First plan year; default: the current year. */
  firstYear?: number;
  /** Last plan year; default: two years after the first. */
  lastYear?: number;
  /** Tariff increase per year as a fraction ("0.025" = 2,5 %); default 0. */
  tariffIncrease?: string | number;
  /** The figures of the standard to put on the Parameter sheet; default: the standard's own. */
  parameters?: Parameters;
  /** The funding shares for the Parameter sheet as exact texts ("0.4", "1/3"); default: a third each. */
  shares?: FundingShareTexts;
  /** The standard (or city profile) the figures come from, named on the Parameter sheet; default: the built-in one. */
  standard?: StandardIdentity;
}

/** What names a standard or a city's profile of it on the Parameter sheet. */
export interface StandardIdentity {
  name: string;
  version: string;
  /** ISO date. */
  validFrom: string;
}

export interface Neighbourhood {
  name: string;
  residents: number;
  fte: Dec;
  salaryPerFte: Dec;
  roomCosts: Dec;
  /** Absent when none is given. */
  provider?: string;
}

export interface FundingShares {
  federal: Dec;
  state: Dec;
  municipal: Dec;
}

/** A validated template input. */
export interface TemplatePlan {
  neighbourhoods: Neighbourhood[];
  /** The plan years, ascending and consecutive; the first is the base year of the salaries. */
  years: number[];
  parameters: Parameters;
  tariffIncrease: Dec;
  shares: FundingShares;
  /** The standard the figures come from; absent: the built-in one. */
  standard?: StandardIdentity;
}

/** Plausibility limits of a template (not figures of the standard). */
export const TEMPLATE_LIMITS = {
  neighbourhoodsMax: 500,
  nameMaxLength: 100,
  yearMin: 2000,
  yearMax: 2100,
  yearsMax: 10,
  defaultYears: 3,
  tariffIncreaseMax: "0.25",
} as const;

/** An English detail ("no neighbourhood given.") as a sentence of its own, when no prefix comes before it. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An invalid template input; `index` is the 0-based position of the Quartier it concerns. */
export class TemplateInputError extends QmInputError {
  readonly index: number | undefined;
  /** The message without the "Quartier n" prefix, for callers that name the row themselves. */
  readonly detail: string;
  /** The same in English, without the "Neighbourhood n" prefix. */
  readonly detailEn: string;

  constructor(detail: string, detailEn: string, field: string, index?: number, name?: string) {
    const where = index === undefined ? "" : `Quartier ${index + 1}${name ? ` („${name}“)` : ""}: `;
    const whereEn = index === undefined ? "" : `Neighbourhood ${index + 1}${name ? ` ("${name}")` : ""}: `;
    super("range", field, where + detail, whereEn === "" ? sentence(detailEn) : whereEn + detailEn);
    this.name = "TemplateInputError";
    this.index = index;
    this.detail = detail;
    this.detailEn = detailEn;
  }
}

/** The current year and the ones after it, as many as the default span. */
export function defaultPlanYears(today: Date): { firstYear: number; lastYear: number } {
  const firstYear = today.getFullYear();
  return { firstYear, lastYear: firstYear + TEMPLATE_LIMITS.defaultYears - 1 };
}

/**
 * The plan years of an input, checked; throws `TemplateInputError`. Exported so that a caller
 * can refuse bad years before it reads any file.
 */
export function planYears(input: Pick<TemplateInput, "firstYear" | "lastYear">, today: Date = new Date()): number[] {
  const firstYear = input.firstYear ?? defaultPlanYears(today).firstYear;
  const lastYear = input.lastYear ?? firstYear + TEMPLATE_LIMITS.defaultYears - 1;
  for (const [year, label, labelEn] of [
    [firstYear, "Das erste Planjahr", "The first plan year"],
    [lastYear, "Das letzte Planjahr", "The last plan year"],
  ] as const) {
    if (!Number.isInteger(year) || year < TEMPLATE_LIMITS.yearMin || year > TEMPLATE_LIMITS.yearMax)
      throw new TemplateInputError(
        `${label} muss eine Jahreszahl zwischen ${TEMPLATE_LIMITS.yearMin} und ${TEMPLATE_LIMITS.yearMax} sein (erhalten: ${year}).`,
        `${labelEn} must be a year between ${TEMPLATE_LIMITS.yearMin} and ${TEMPLATE_LIMITS.yearMax} (got ${year}).`,
        "Planjahr",
      );
  }
  if (lastYear < firstYear)
    throw new TemplateInputError(
      `Das letzte Planjahr (${lastYear}) liegt vor dem ersten (${firstYear}).`,
      `the last plan year (${lastYear}) is before the first (${firstYear}).`,
      "Planjahr",
    );
  const count = lastYear - firstYear + 1;
  if (count > TEMPLATE_LIMITS.yearsMax)
    throw new TemplateInputError(
      `Höchstens ${TEMPLATE_LIMITS.yearsMax} Planjahre je Vorlage (erhalten: ${firstYear} bis ${lastYear}).`,
      `at most ${TEMPLATE_LIMITS.yearsMax} plan years per template (got ${firstYear} to ${lastYear}).`,
      "Planjahr",
    );
  return Array.from({ length: count }, (_, i) => firstYear + i);
}

function tariffIncreaseOf(value: string | number | undefined): Dec {
  if (value === undefined) return new Dec(0);
  let t: Dec;
  try {
    t = new Dec(value);
  } catch {
    t = new Dec(NaN);
  }
  if (!t.isFinite() || t.isNegative() || t.gt(TEMPLATE_LIMITS.tariffIncreaseMax))
    throw new TemplateInputError(
      `Die Tarifsteigerung muss zwischen 0 % und ${new Dec(TEMPLATE_LIMITS.tariffIncreaseMax).mul(100).toFixed()} % je Jahr liegen (erhalten: ${String(value)}).`,
      `the tariff increase must be between 0 % and 25 % per year (got ${String(value)}).`,
      "Tarifsteigerung",
    );
  return t;
}

/** The Träger as one line of text, or undefined when blank; refused where Excel would read a formula. */
function providerOf(raw: unknown, index: number, name: string): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  // Line breaks and tabs become spaces: the name stands in one cell and on one line of every list.
  // eslint-disable-next-line no-control-regex
  const text = String(raw).replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  if (text === "") return undefined;
  if (text.startsWith("="))
    throw new TemplateInputError(
      "Der Träger darf nicht mit „=“ beginnen (Excel läse ihn als Formel).",
      'the provider must not start with "=" (Excel would read it as a formula).',
      "Träger",
      index,
      name,
    );
  if (text.length > TEMPLATE_LIMITS.nameMaxLength)
    throw new TemplateInputError(
      `Der Träger ist länger als ${TEMPLATE_LIMITS.nameMaxLength} Zeichen.`,
      `the provider is longer than ${TEMPLATE_LIMITS.nameMaxLength} characters.`,
      "Träger",
      index,
      name,
    );
  return text;
}

function neighbourhoodOf(raw: NeighbourhoodInput, index: number, p: Parameters): Neighbourhood {
  const name = typeof raw.name === "string" ? cleanNeighbourhoodName(raw.name) : "";
  if (name === "")
    throw new TemplateInputError("Der Name des Quartiers fehlt.", "the name of the neighbourhood is missing.", "Quartier", index);
  const problem = neighbourhoodNameProblem(name);
  if (problem) throw new TemplateInputError(problem.de, problem.en, "Quartier", index);
  if (name.startsWith("="))
    throw new TemplateInputError(
      "Der Name darf nicht mit „=“ beginnen (Excel läse ihn als Formel).",
      'the name must not start with "=" (Excel would read it as a formula).',
      "Quartier",
      index,
    );
  if (name.length > TEMPLATE_LIMITS.nameMaxLength)
    throw new TemplateInputError(
      `Der Name ist länger als ${TEMPLATE_LIMITS.nameMaxLength} Zeichen.`,
      `the name is longer than ${TEMPLATE_LIMITS.nameMaxLength} characters.`,
      "Quartier",
      index,
      name.slice(0, 30) + "…",
    );
  const provider = providerOf(raw.provider, index, name);
  try {
    return {
      ...(provider !== undefined ? { provider } : {}),
      name,
      residents: parseResidents(raw.residents),
      fte: isOmitted(raw.fte) ? new Dec(p.minFte) : parseFte(raw.fte),
      salaryPerFte: isOmitted(raw.salaryPerFte) ? new Dec(p.salaryPerFte) : parseSalary(raw.salaryPerFte),
      roomCosts: isOmitted(raw.roomCosts) ? new Dec(0) : toCents(parseRoomCosts(raw.roomCosts)),
    };
  } catch (e) {
    if (e instanceof QmInputError) throw new TemplateInputError(e.message, e.messageEn, e.field, index, name);
    throw e;
  }
}

/**
 * The shares as Decimals: exact for decimals, 40 digits for fractions such as 1/3. They must
 * be shares (a decimal or a fraction) adding up to exactly 1, checked on the exact ratios.
 */
function sharesOf(texts: FundingShareTexts): FundingShares {
  const refuse = (de: string, en: string): TemplateInputError => new TemplateInputError(de, en, "Förderanteile");
  const ratios = [texts.federal, texts.state, texts.municipal].map((text) => {
    try {
      return shareRatio(String(text));
    } catch (e) {
      if (e instanceof ProfileError) throw refuse(`Förderanteile: ${e.message}`, `funding shares: ${e.messageEn}`);
      throw e;
    }
  });
  const denominator = ratios.reduce((p, r) => p * r.denominator, 1n);
  const numerator = ratios.reduce((sum, r) => sum + (r.numerator * denominator) / r.denominator, 0n);
  if (numerator !== denominator)
    throw refuse(
      `Die Förderanteile ergeben zusammen nicht genau 100 % (${texts.federal}, ${texts.state}, ${texts.municipal}).`,
      `the funding shares do not add up to exactly 100 % (${texts.federal}, ${texts.state}, ${texts.municipal}).`,
    );
  const [federal, state, municipal] = ratios.map((r) => new Dec(r.numerator.toString()).div(r.denominator.toString()));
  return { federal, state, municipal };
}

/** Checks a template input and fills in the defaults; throws `TemplateInputError`. */
export function validateTemplateInput(input: TemplateInput, today: Date = new Date()): TemplatePlan {
  const count = input.neighbourhoods.length;
  if (count === 0)
    throw new TemplateInputError("Es ist kein Quartier angegeben.", "no neighbourhood given.", "Quartier");
  if (count > TEMPLATE_LIMITS.neighbourhoodsMax)
    throw new TemplateInputError(
      `Höchstens ${TEMPLATE_LIMITS.neighbourhoodsMax} Quartiere je Vorlage (erhalten: ${count}).`,
      `at most ${TEMPLATE_LIMITS.neighbourhoodsMax} neighbourhoods per template (got ${count}).`,
      "Quartier",
    );
  const parameters = input.parameters ?? defaultParameters(RAHMENSTANDARD);
  const years = planYears(input, today);
  const seen = new Map<string, number>();
  const neighbourhoods = input.neighbourhoods.map((raw, i) => {
    const n = neighbourhoodOf(raw, i, parameters);
    const key = neighbourhoodNameKey(n.name);
    const first = seen.get(key);
    if (first !== undefined)
      throw new TemplateInputError(
        `Der Name kommt schon als Quartier ${first + 1} vor.`,
        `the name is already used by neighbourhood ${first + 1}.`,
        "Quartier",
        i,
        n.name,
      );
    seen.set(key, i);
    return n;
  });
  return {
    neighbourhoods,
    years,
    parameters,
    tariffIncrease: tariffIncreaseOf(input.tariffIncrease),
    shares: sharesOf(input.shares ?? BUILT_IN_PROFILE.shares),
    ...(input.standard ? { standard: input.standard } : {}),
  };
}
