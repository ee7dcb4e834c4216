/**
 * A rule in words with the active figures, German or English: "2,00 € je Einwohner,
 * mindestens 5.000,00 €". Used by findings, the Budget tab and the Richtwert cells' input
 * messages, so all of them say the same as the rule computes.
 */
import { Dec } from "../decimal";
import { formatEuro, formatNumber, Language } from "../format";
import { FigureKey, RAHMENSTANDARD } from "../standard";
import type { LineKey } from "./expr";
import { lineRule, Phrasing } from "./lines";

/** The active figures: decimal texts (`Parameters`) or Decimals (`CompiledParameters`). */
export type FigureValues = Readonly<Record<FigureKey, string | Dec>>;

export interface ExplainOptions {
  /** The yearly tariff increase as a fraction ("0.03"); none when absent or zero. */
  tariffIncrease?: string | Dec;
}

/** A figure in its unit, in `lang`. */
export function figureText(key: FigureKey, value: string | Dec, lang: Language): string {
  switch (RAHMENSTANDARD.figures[key].unit) {
    case "EUR":
    case "EUR_PER_FTE":
    case "EUR_PER_RESIDENT":
      return formatEuro(value, lang);
    case "VbE":
      return `${formatNumber(value, lang, 4)} ${lang === "de" ? "VbE" : "FTE"}`;
    case "RESIDENTS":
      return `${formatNumber(value, lang, 0)} ${lang === "de" ? "Einwohnern" : "residents"}`;
  }
}

function phrasing(parameters: FigureValues, lang: Language, options: ExplainOptions): Phrasing {
  return {
    figure: (key) => figureText(key, parameters[key], lang),
    tariffIncrease: () => {
      const t = options.tariffIncrease === undefined ? undefined : new Dec(options.tariffIncrease);
      return t === undefined || t.isZero() ? "" : `${formatNumber(t.mul(100), lang, 4)} %`;
    },
    tariff: () => RAHMENSTANDARD.tariff,
  };
}

/** The rule of a line in words with the active figures. */
export function explainLine(key: LineKey, parameters: FigureValues, lang: Language, options: ExplainOptions = {}): string {
  const rule = lineRule(key);
  return (lang === "de" ? rule.words.de : rule.words.en)(phrasing(parameters, lang, options));
}

/** "Projektkosten: 2,00 € je Einwohner, mindestens 5.000,00 €", with the standard's sentence where the line has one. */
export function lineNote(key: LineKey, parameters: FigureValues, lang: Language, options: ExplainOptions = {}): string {
  const rule = lineRule(key);
  const label = lang === "de" ? rule.de : rule.en;
  const words = `${label}: ${explainLine(key, parameters, lang, options)}.`;
  if (!rule.source) return words;
  const sentence = RAHMENSTANDARD.figures[rule.source].source;
  return lang === "de" ? `${words} Rahmenstandard: „${sentence}“` : `${words} Framework standard: "${sentence}"`;
}
