/**
 * Messages in both languages of the add-in. A message is written once as a pair of wordings —
 * German and English — over the same arguments, so the logic that decides what to say exists
 * once and only the words differ. The CLI and the JSON use the German text; the task pane
 * shows the English one when Office runs in English.
 */
import type { Language } from "../format";

/** One message in every language. */
export type Texts = Readonly<Record<Language, string>>;

/** How one message is worded in each language, given its arguments. */
export type Wording<A> = Readonly<Record<Language, (args: A) => string>>;

/** The message for these arguments, in every language. */
export function say<A>(wording: Wording<A>, args: A): Texts {
  return { de: wording.de(args), en: wording.en(args) };
}

/** The same text in both languages (names, ids and quotes of cell content). */
export function same(text: string): Texts {
  return { de: text, en: text };
}

/** Sentences one after the other, per language. */
export function joined(...parts: Texts[]): Texts {
  return { de: parts.map((p) => p.de).join(" "), en: parts.map((p) => p.en).join(" ") };
}
