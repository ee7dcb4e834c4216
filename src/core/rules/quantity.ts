/** Soll/Ist values: constructors, and their German (or English) and JSON spelling. */
import { centsString, Dec } from "../decimal";
import { formatEuro, formatNumber, Language } from "../format";
import type { Quantity } from "./types";

export const eur = (amount: Dec): Quantity => ({ kind: "eur", amount });
export const vbe = (amount: Dec): Quantity => ({ kind: "vbe", amount });
export const text = (value: string): Quantity => ({ kind: "text", text: value });

/** "12.345,67 €", "2,5 VbE", "ja". */
export function formatQuantity(q: Quantity, lang: Language = "de"): string {
  switch (q.kind) {
    case "eur":
      return formatEuro(q.amount, lang);
    case "vbe":
      return `${formatNumber(q.amount, lang, 4)} ${lang === "de" ? "VbE" : "FTE"}`;
    case "text":
      return q.text;
  }
}

/** The JSON spelling: amounts as exact two-decimal strings ("12345.67"), VbE as plain decimals. */
export function quantityJson(q: Quantity): string {
  switch (q.kind) {
    case "eur":
      return centsString(q.amount);
    case "vbe":
      return q.amount.toFixed();
    case "text":
      return q.text;
  }
}
