/**
 * A rule in words with the active figures, German or English: "2,00 € je Einwohner,
 * mindestens 5.000,00 €". Used by findings, the Budget tab and the Richtwert cells' input
 * messages, so all of them say the same as the rule computes.
 */
import { Dec } from "../decimal";
import { formatEuro, formatNumber, Language } from "../format";
import { FigureKey, RAHMENSTANDARD } from "../standard";
import { InputKey, LineKey, referencesOf } from "./expr";
import { lineExpr, lineRule, Phrasing } from "./lines";

/** The active figures: decimal texts (`Parameters`) or Decimals (`CompiledParameters`). */
export type FigureValues = Readonly<Record<FigureKey, string | Dec>>;

export interface ExplainOptions {
  /** The yearly tariff increase as a fraction ("0.03"); none when absent or zero. */
  tariffIncrease?: string | Dec;
  /** Inputs the rule takes from the standard's figures (a minimum's `fromStandard`). */
  fromStandard?: Partial<Record<InputKey, FigureKey>>;
}

/** The inputs in words, as entered; the salary with the standard's reference beside it. */
const INPUT_WORDS: Readonly<Record<InputKey, Record<Language, (f: FigureValues) => string>>> = {
  residents: { de: () => "Einwohner", en: () => "residents" },
  fte: { de: () => "VbE", en: () => "FTE" },
  salaryPerFte: {
    de: (p) => `Gehalt je VbE laut Eingabe (Richtwert ${figureText("salaryPerFte", p.salaryPerFte, "de")})`,
    en: (p) => `salary per FTE as entered (reference ${figureText("salaryPerFte", p.salaryPerFte, "en")})`,
  },
  roomCosts: { de: () => "Raumkosten laut Eingabe", en: () => "room costs as entered" },
};

/** How a figure that stands for an input reads: a rate per VbE. */
const PER_FTE: Record<Language, string> = { de: "je VbE", en: "per FTE" };

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
    input: (key) => {
      const figure = options.fromStandard?.[key];
      return figure ? `${figureText(figure, parameters[figure], lang)} ${PER_FTE[lang]}` : INPUT_WORDS[key][lang](parameters);
    },
  };
}

/** The rule of a line in words with the active figures. */
export function explainLine(key: LineKey, parameters: FigureValues, lang: Language, options: ExplainOptions = {}): string {
  const rule = lineRule(key);
  return (lang === "de" ? rule.words.de : rule.words.en)(phrasing(parameters, lang, options));
}

/** The inputs a rule multiplies its rates with, named: "Einwohner", "VbE" (for the notes: "Einwohner × 2,00 € …"). */
const FACTOR_INPUTS: readonly InputKey[] = ["residents", "fte"];

/**
 * "Projektkosten: Einwohner × 2,00 € je Einwohner, mindestens 5.000,00 €", with the standard's
 * sentence where the line has one.
 */
export function lineNote(key: LineKey, parameters: FigureValues, lang: Language, options: ExplainOptions = {}): string {
  const rule = lineRule(key);
  const label = lang === "de" ? rule.de : rule.en;
  const uses = referencesOf(rule.expr, lineExpr).inputs;
  const factors = rule.source ? FACTOR_INPUTS.filter((k) => uses.has(k)).map((k) => INPUT_WORDS[k][lang](parameters)) : [];
  const words = `${label}: ${[...factors, explainLine(key, parameters, lang, options)].join(" × ")}.`;
  if (!rule.source) return words;
  const sentence = RAHMENSTANDARD.figures[rule.source].source;
  return lang === "de" ? `${words} Rahmenstandard: „${sentence}“` : `${words} Framework standard: "${sentence}"`;
}
