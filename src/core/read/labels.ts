/**
 * Recognising the labels of plans not made by QM-Planer. A label matches when one of its words
 * is, or begins with, a keyword — regardless of case, umlauts written as ae/oe/ue, punctuation
 * and extra words ("Anzahl der Einwohner (2025)", "EINWOHNERZAHL", "Verfuegungsfonds gesamt").
 */
import type { PlanLineKey, YesNoKey } from "../plan";
import { RAHMENSTANDARD } from "../standard";

/** Lower case, umlauts spelled out, split into words; digits and punctuation dropped. */
export function labelWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .split(/[^a-z]+/)
    .filter((w) => w !== "");
}

/** Longer texts are sentences or measures, not labels … */
const MAX_LABEL_WORDS = 6;

/**
 * … except a requirement spelled out, as the template and the standard write them ("Fachkraft
 * mit Hochschulabschluss Sozialwesen oder Stadt- und Raumplanung"): a text that begins with
 * a yes/no keyword labels that requirement up to this length.
 */
const MAX_REQUIREMENT_LABEL_WORDS = 12;

/**
 * Words that make a label a rate or a reference value ("Sachkosten je VbE", "Richtwert
 * Projektkosten"), not the planned amount the rules check.
 */
const RATE_WORDS = new Set(["je", "pro", "per", "satz", "richtwert", "mindestbetrag", "mindestens", "abweichung", "differenz"]);

/** "je Jahr" names the period of an amount ("Raumkosten je Jahr"), not a rate. */
function isPerYear(words: readonly string[], i: number): boolean {
  return (words[i] === "je" || words[i] === "pro") && words[i + 1] === "jahr";
}

function isRate(words: readonly string[]): boolean {
  return words.some((w, i) => RATE_WORDS.has(w) && !isPerYear(words, i));
}

/** Keywords of at least five letters also match words they begin ("bewohner" → "bewohnerzahl"). */
function wordMatches(word: string, keyword: string, exact: boolean): boolean {
  return word === keyword || (!exact && keyword.length >= 5 && word.startsWith(keyword));
}

export type NumericField = "residents" | "fte" | "year" | PlanLineKey;

interface KeywordSpec {
  words: readonly string[];
  exact?: boolean;
}

/** Numeric labels; the order matters only for documentation — a label's earliest keyword decides. */
export const NUMERIC_LABELS: Readonly<Record<NumericField, KeywordSpec>> = {
  residents: { words: ["einwohner", "bewohner"] },
  fte: { words: ["vbe", "vze", "stellen", "personalstellen", "vollzeitstellen", "vollzeitaequivalent", "vollzeiteinheit"] },
  staffCost: { words: ["personalkosten", "personalausgaben"] },
  materialCost: { words: ["sachkosten", "sachmittel", "sachausgaben"] },
  projectCost: { words: ["projektkosten"] },
  dispositionFund: { words: ["verfuegungsfonds"] },
  roomCosts: { words: ["raumkosten", "miete", "mietkosten", "miet", "betriebskosten"] },
  year: { words: ["jahr", "planjahr", "haushaltsjahr"], exact: true },
};

export const NAME_LABEL: KeywordSpec = { words: ["quartier", "quartiersname", "stadtteil"], exact: true };

/** Yes/no labels: any alternative whose keywords all occur ("Büro- und Veranstaltungsräume in zentraler Lage" serves three). */
export const YES_NO_LABELS: Readonly<Record<YesNoKey, readonly (readonly string[])[]>> = {
  fachkraft: [["fachkraft"], ["fachkraefte"], ["hochschulabschluss"]],
  buero: [["buero"]],
  veranstaltungsraum: [["veranstaltungsra"]],
  zentrale_lage: [["zentral", "lage"]],
  anlaufstelle: [["anlaufstelle"]],
  fachliche_anbindung: [["anbindung"]],
  vernetzung: [["vernetzung"]],
};

/** Focus areas are found by the standard's own short names ("Öffentlichkeitsarbeit" …). */
export const FOCUS_AREA_LABELS: Readonly<Record<string, readonly (readonly string[])[]>> = Object.fromEntries(
  RAHMENSTANDARD.focusAreas.map((a) => [a.id, [labelWords(a.short)]]),
);

export interface LabelMatch {
  words: string[];
  /** The numeric field the label names (its earliest keyword), unless it is a rate. */
  numeric?: NumericField;
  isName: boolean;
  yesNo: YesNoKey[];
  focusAreas: string[];
}

function earliestIndex(words: readonly string[], spec: KeywordSpec): number {
  const i = words.findIndex((w) => spec.words.some((k) => wordMatches(w, k, spec.exact ?? false)));
  return i < 0 ? Infinity : i;
}

function hasAll(words: readonly string[], keywords: readonly string[]): boolean {
  return keywords.every((k) => words.some((w) => wordMatches(w, k, false)));
}

/** What a text cell labels; undefined when it labels nothing (or is too long to be a label). */
export function matchLabel(text: string): LabelMatch | undefined {
  const words = labelWords(text);
  if (words.length === 0) return undefined;
  if (words.length > MAX_LABEL_WORDS) return requirementLabel(words);
  let numeric: NumericField | undefined;
  if (!isRate(words)) {
    let best = Infinity;
    for (const field of Object.keys(NUMERIC_LABELS) as NumericField[]) {
      const i = earliestIndex(words, NUMERIC_LABELS[field]);
      if (i < best) [best, numeric] = [i, field];
    }
  }
  const isName = earliestIndex(words, NAME_LABEL) === 0 && words.length <= 2;
  const yesNo = (Object.keys(YES_NO_LABELS) as YesNoKey[]).filter((k) => YES_NO_LABELS[k].some((alt) => hasAll(words, alt)));
  const focusAreas = Object.keys(FOCUS_AREA_LABELS).filter((id) => FOCUS_AREA_LABELS[id].some((alt) => hasAll(words, alt)));
  if (numeric === undefined && !isName && yesNo.length === 0 && focusAreas.length === 0) return undefined;
  return { words, numeric, isName, yesNo, focusAreas };
}

/** A long text labels the requirements whose keyword is its first word (see MAX_REQUIREMENT_LABEL_WORDS). */
function requirementLabel(words: string[]): LabelMatch | undefined {
  if (words.length > MAX_REQUIREMENT_LABEL_WORDS) return undefined;
  const yesNo = (Object.keys(YES_NO_LABELS) as YesNoKey[]).filter((k) =>
    YES_NO_LABELS[k].some((alt) => alt.some((keyword) => wordMatches(words[0], keyword, false)) && hasAll(words, alt)),
  );
  return yesNo.length === 0 ? undefined : { words, isName: false, yesNo, focusAreas: [] };
}
