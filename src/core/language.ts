/** The two languages of the add-in, chosen without loading anything else (the functions use this). */
export type Language = "de" | "en";

/** Picks the UI language from an Office/BCP-47 language tag ("en-US" → en, all else → de). */
export function languageOf(tag: string | undefined | null): Language {
  return tag && /^en\b/i.test(tag) ? "en" : "de";
}
