import { formatNumber, Language, parseNumber } from "../core/format";

/**
 * What a number field holds: nothing, a number, or text that is no number — or, in English,
 * text such as "8.000" that is a number only by guessing (`ambiguous`: eight, or eight thousand
 * as a German types it?), which the pane asks about instead of reading it as 8.
 */
export type NumberField = { kind: "empty" } | { kind: "number"; value: number } | { kind: "invalid"; text: string; ambiguous?: boolean };

/** "8.000", "12.345.678": dots before groups of exactly three digits, the German thousands separator. */
const GERMAN_GROUPS = /^[-+]?\d{1,3}(\.\d{3})+$/;

/**
 * Reads a field as users type numbers in the pane's language: German "12.345" and "2,5",
 * English "12,345" and "2.5". `askGroups: false` for a field where three decimals are usual
 * and thousands are not (VbE: 2.125), so "2.125" is not asked about there.
 */
export function readNumberField(text: string, lang: Language, askGroups = true): NumberField {
  if (text.trim() === "") return { kind: "empty" };
  if (lang === "en" && askGroups && GERMAN_GROUPS.test(text.trim().replace(/\s|\u00a0|€/g, ""))) return { kind: "invalid", text, ambiguous: true };
  const canonical = parseNumber(text, lang);
  return canonical === undefined ? { kind: "invalid", text } : { kind: "number", value: Number(canonical) };
}

/** What a person typed into a number field, and in which language — "3.600" means 3600 in German, 3.6 in English. */
export interface TypedNumber {
  text: string;
  lang: Language;
}

/** The typed value, read in the language it was typed in. */
export function readTyped(typed: TypedNumber, askGroups = true): NumberField {
  return readNumberField(typed.text, typed.lang, askGroups);
}

/**
 * The typed text as the field shows it in `lang`: a number typed in the other language is
 * spelled anew ("3.600" ↔ "3,600", the same value); anything else stays exactly as typed.
 */
export function shownText(typed: TypedNumber, lang: Language, askGroups = true): string {
  if (typed.lang === lang) return typed.text;
  const field = readTyped(typed, askGroups);
  return field.kind === "number" ? formatNumber(field.value, lang, 10) : typed.text;
}
