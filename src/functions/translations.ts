/**
 * The QM.* functions' English names, descriptions and parameter names, beside the German JSDoc
 * in `functions.ts` (the source of `functions.json`, the default metadata). The build turns
 * `functions.json` and this table into `functions.en.json` (same ids, English texts), which the
 * manifest names for every locale in `ENGLISH_FUNCTION_LOCALES`; the Budget tab writes formulas
 * with the names of Excel's UI language (`functionNameFor`).
 *
 * No imports: `webpack.config.js` loads this file at build time, and the functions' bundle never
 * includes it (only the task pane does).
 *
 * An id is what a saved workbook stores and what `CustomFunctions.associate` binds: it never
 * changes (test/fixtures/function-ids.json). Names may, but a renamed name breaks every formula
 * typed with the old one.
 */

export interface ParameterTranslation {
  /** The German parameter name in functions.json at the same position; the build refuses a mismatch. */
  readonly de: string;
  readonly name: string;
  readonly description: string;
}

export interface FunctionTranslation {
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly ParameterTranslation[];
}

const FTE: ParameterTranslation = { de: "vbe", name: "fte", description: "Staffing in full-time equivalents (FTE), from 0 to 100, e.g. 2.5." };
const SALARY: ParameterTranslation = {
  de: "gehalt_je_vbe",
  name: "salary_per_fte",
  description: "Annual salary per FTE in euros; if omitted, the framework standard's reference value (TVöD S11).",
};
const RESIDENTS: ParameterTranslation = {
  de: "einwohner",
  name: "residents",
  description: "Residents of the neighbourhood (whole number from 0 to 10,000,000).",
};

/** Keyed by the function's id (= its German name). */
export const ENGLISH_FUNCTIONS = {
  PERSONALKOSTEN: {
    name: "STAFFCOST",
    description: "Staff costs per year: FTE × salary per FTE, rounded to the cent.",
    parameters: [FTE, SALARY],
  },
  SACHKOSTEN: {
    name: "MATERIALCOST",
    description: "Material costs per year under the framework standard: FTE × material costs per FTE.",
    parameters: [{ ...FTE, description: "Staffing in full-time equivalents (FTE), from 0 to 100." }],
  },
  PROJEKTKOSTEN: {
    name: "PROJECTCOST",
    description: "Project costs per year under the framework standard: a rate per resident, at least the minimum per neighbourhood.",
    parameters: [RESIDENTS],
  },
  VERFUEGUNGSFONDS: {
    name: "DISPOSITIONFUND",
    description: "Disposition fund per year under the framework standard: a rate per resident, in small neighbourhoods at least the minimum.",
    parameters: [RESIDENTS],
  },
  PROJEKTMITTEL: {
    name: "PROJECTFUNDS",
    description: "Project funds per year: material costs + project costs + disposition fund.",
    parameters: [RESIDENTS, { ...FTE, description: "Staffing in FTE for the material costs; if omitted, the framework standard's minimum FTE." }],
  },
  GESAMTBUDGET: {
    name: "TOTALBUDGET",
    description: "Total budget per year: staff costs + project funds + room costs.",
    parameters: [
      RESIDENTS,
      { ...FTE, description: "Staffing in FTE; if omitted, the framework standard's minimum FTE." },
      { de: "raumkosten", name: "room_costs", description: "Rent and running costs of the premises per year in euros; if omitted, 0." },
      SALARY,
    ],
  },
  PARAMETER: {
    name: "PARAMETER",
    description: "A figure of the framework standard (or of this workbook's parameters) by its name.",
    parameters: [
      { de: "name", name: "name", description: 'Name of the figure, e.g. "Material cost per FTE", "Salary per FTE" or "Project cost minimum".' },
    ],
  },
  JE_EINWOHNER: {
    name: "PER_RESIDENT",
    description: "An amount per resident, rounded to the cent, e.g. project funds per resident.",
    parameters: [
      { de: "betrag", name: "amount", description: "Amount in euros." },
      { de: "einwohner", name: "residents", description: "Residents of the neighbourhood (whole number, at least 1)." },
    ],
  },
} as const satisfies Record<string, FunctionTranslation>;

export type FunctionId = keyof typeof ENGLISH_FUNCTIONS;

/**
 * The Office UI locales that get the English metadata. Office matches a `bt:Override` locale
 * exactly (no fallback from en-AU to en-US), so each is listed in the manifest; the task pane
 * shows English for every `en-*`, and an English locale missing here would get German function
 * names beside an English pane. manifest.xml lists exactly these (test/build checks it).
 */
export const ENGLISH_FUNCTION_LOCALES = [
  "en-US",
  "en-GB",
  "en-AU",
  "en-CA",
  "en-IE",
  "en-IN",
  "en-NZ",
  "en-ZA",
  "en-SG",
  "en-MY",
  "en-PH",
  "en-HK",
  "en-JM",
  "en-TT",
] as const;

/** True when Excel in this UI language loads the English metadata (locales compared as Office does, ignoring case). */
export function hasEnglishFunctionNames(displayLanguage: string | undefined | null): boolean {
  const tag = (displayLanguage ?? "").toLowerCase();
  return ENGLISH_FUNCTION_LOCALES.some((locale) => locale.toLowerCase() === tag);
}

/** The function's name as Excel in this UI language knows it (without the namespace). */
export function functionNameFor(id: FunctionId, displayLanguage: string | undefined | null): string {
  return hasEnglishFunctionNames(displayLanguage) ? ENGLISH_FUNCTIONS[id].name : id;
}

/**
 * The functions under the names Excel in this UI language registers (ids stay): what the
 * simulated host of the preview and the tests needs to behave like English Excel.
 */
export function functionsFor<F extends { readonly name: string }>(functions: readonly F[], displayLanguage: string | undefined | null): F[] {
  if (!hasEnglishFunctionNames(displayLanguage)) return [...functions];
  return functions.map((f) => (f.name in ENGLISH_FUNCTIONS ? { ...f, name: ENGLISH_FUNCTIONS[f.name as FunctionId].name } : f));
}
