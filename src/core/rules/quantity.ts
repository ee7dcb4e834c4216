/** Soll/Ist values: constructors, and their German (or English) and JSON spelling. */
import { centsString, Dec } from "../decimal";
import { formatEuro, formatNumber, Language } from "../format";
import { NO, YES } from "../names";
import type { Quantity } from "./types";

export const eur = (amount: Dec): Quantity => ({ kind: "eur", amount });
export const vbe = (amount: Dec): Quantity => ({ kind: "vbe", amount });
export const residents = (amount: Dec): Quantity => ({ kind: "residents", amount });
/** A text Soll or Ist; `en` is how the pane shows it when Office runs in English (default: the same). */
export const text = (value: string, en: string = value): Quantity => ({ kind: "text", text: value, textEn: en });

/** The answers of a yes/no requirement as the template writes them ("ja"/"nein"). */
export const YES_TEXT = text(YES, "yes");
export const NO_TEXT = text(NO, "no");

/** "12.345,67 €", "2,5 VbE", "5.000 Einwohner", "ja". */
export function formatQuantity(q: Quantity, lang: Language = "de"): string {
  switch (q.kind) {
    case "eur":
      return formatEuro(q.amount, lang);
    case "vbe":
      return `${formatNumber(q.amount, lang, 4)} ${lang === "de" ? "VbE" : "FTE"}`;
    case "residents":
      return `${formatNumber(q.amount, lang, 0)} ${lang === "de" ? "Einwohner" : "residents"}`;
    case "text":
      return lang === "de" ? q.text : q.textEn;
  }
}

/** The JSON spelling: amounts as exact two-decimal strings ("12345.67"), VbE and residents as plain decimals. */
export function quantityJson(q: Quantity): string {
  switch (q.kind) {
    case "eur":
      return centsString(q.amount);
    case "vbe":
    case "residents":
      return q.amount.toFixed();
    case "text":
      return q.text;
  }
}
