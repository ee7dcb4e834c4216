import { formatNumber, Language, parseNumber } from "../core/format";

/** What a number field holds: nothing, a number, or text that is no number. */
export type NumberField = { kind: "empty" } | { kind: "number"; value: number } | { kind: "invalid"; text: string };

/** Reads a field as users type numbers in the pane's language: German "12.345" and "2,5", English "12,345" and "2.5". */
export function readNumberField(text: string, lang: Language): NumberField {
  if (text.trim() === "") return { kind: "empty" };
  const canonical = parseNumber(text, lang);
  return canonical === undefined ? { kind: "invalid", text } : { kind: "number", value: Number(canonical) };
}

/** What a person typed into a number field, and in which language — "3.600" means 3600 in German, 3.6 in English. */
export interface TypedNumber {
  text: string;
  lang: Language;
}

/** The typed value, read in the language it was typed in. */
export function readTyped(typed: TypedNumber): NumberField {
  return readNumberField(typed.text, typed.lang);
}

/**
 * The typed text as the field shows it in `lang`: a number typed in the other language is
 * spelled anew ("3.600" ↔ "3,600", the same value); anything else stays exactly as typed.
 */
export function shownText(typed: TypedNumber, lang: Language): string {
  if (typed.lang === lang) return typed.text;
  const field = readTyped(typed);
  return field.kind === "number" ? formatNumber(field.value, lang, 10) : typed.text;
}
