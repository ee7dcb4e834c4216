import { Dec } from "./decimal";

import type { Language } from "./language";

export { languageOf } from "./language";
export type { Language } from "./language";

function group(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** An amount with two decimals: "12.345,67 €" (de) or "€12,345.67" (en). Plain spaces only. */
export function formatEuro(amount: Dec | number | string, lang: Language = "de"): string {
  const rounded = new Dec(amount).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  // A negative amount that rounds to zero is shown as 0,00 €, not -0,00 €.
  const negative = rounded.isNegative() && !rounded.isZero();
  const [intPart, frac] = rounded.abs().toFixed(2).split(".");
  const sign = negative ? "-" : "";
  return lang === "de" ? `${sign}${group(intPart, ".")},${frac} €` : `${sign}€${group(intPart, ",")}.${frac}`;
}

/** A plain number in German or English spelling, with up to `maxDecimals` decimals. */
export function formatNumber(value: Dec | number | string, lang: Language = "de", maxDecimals = 2): string {
  const d = new Dec(value).toDecimalPlaces(maxDecimals, Dec.ROUND_HALF_UP);
  const fixed = d.toFixed();
  const negative = fixed.startsWith("-");
  const [intPart, frac] = (negative ? fixed.slice(1) : fixed).split(".");
  const [thousands, decimal] = lang === "de" ? [".", ","] : [",", "."];
  return (negative ? "-" : "") + group(intPart, thousands) + (frac ? decimal + frac : "");
}

/**
 * Parses a number as Germans type it, returning a canonical decimal string, or undefined.
 * "12.345" → "12345", "2,5" → "2.5", "12.345,67" → "12345.67", "2.5" → "2.5".
 * A dot followed by groups of exactly three digits (and no comma) is a thousands separator.
 */
export function parseGermanNumber(text: string): string | undefined {
  const s = text.trim().replace(/\s|\u00a0|€/g, "");
  if (s === "") return undefined;
  let canonical: string;
  if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) canonical = s.replace(/\./g, "").replace(",", ".");
  else if (/^[-+]?\d+(,\d+)?$/.test(s)) canonical = s.replace(",", ".");
  else if (/^[-+]?\d*\.\d+$/.test(s) || /^[-+]?\d+$/.test(s)) canonical = s;
  else return undefined;
  return new Dec(canonical).toFixed();
}

/**
 * Parses a number as English speakers type it ("12,345.67", "2.5"), returning a canonical
 * decimal string, or undefined. A comma before groups of exactly three digits separates
 * thousands; a comma before other digits ("2,5") is read as a decimal comma, as someone used
 * to German spelling types it.
 */
export function parseEnglishNumber(text: string): string | undefined {
  const s = text.trim().replace(/\s|\u00a0|€/g, "");
  let canonical: string;
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) canonical = s.replace(/,/g, "");
  else if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) canonical = s;
  else if (/^[-+]?\d+,\d+$/.test(s)) canonical = s.replace(",", ".");
  else return undefined;
  return new Dec(canonical).toFixed();
}

/** Parses a number spelt the way of `lang` (German "12.345" and "2,5", English "12,345" and "2.5"). */
export function parseNumber(text: string, lang: Language): string | undefined {
  return lang === "en" ? parseEnglishNumber(text) : parseGermanNumber(text);
}
