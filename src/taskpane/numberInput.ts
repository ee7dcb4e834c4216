import { parseGermanNumber } from "../core/format";

/** What a number field holds: nothing, a number, or text that is no number. */
export type NumberField = { kind: "empty" } | { kind: "number"; value: number } | { kind: "invalid"; text: string };

/** Reads a field as users type numbers ("12.345", "2,5", "1.5"). */
export function readNumberField(text: string): NumberField {
  if (text.trim() === "") return { kind: "empty" };
  const canonical = parseGermanNumber(text);
  return canonical === undefined ? { kind: "invalid", text } : { kind: "number", value: Number(canonical) };
}
