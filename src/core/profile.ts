/**
 * City profiles of the standard: a city's own version of the Rahmenstandard's figures and of
 * the funding shares, as a small JSON file (format documented in the README, "Profile").
 *
 *   { "name": "…", "version": "…", "gueltig_ab": "2027-01-01",
 *     "kennzahlen": { "Projektkosten_je_Einwohner": "2.5", … },
 *     "foerderanteile": { "Anteil_Bund": "1/3", "Anteil_Land": "1/3", "Anteil_Gemeinde": "1/3" } }
 *
 * Keys are the defined names of the workbook contract (`names.ts`), so the same word names a
 * figure in the file, on the Parameter sheet and in formulas. Figures a file leaves out keep the
 * built-in value. Everything is exact: figures stay decimal strings, shares are decimals or
 * fractions whose sum is checked with integer arithmetic (1/3 + 1/3 + 1/3 is exactly 1).
 *
 * Pure: the CLI reads the file, the task pane its upload; both hand the text to `parseProfile`.
 */
import { Dec } from "./decimal";
import { formatNumber } from "./format";
import { PLANNING_NAMES } from "./names";
import { defaultParameters, FIGURE_KEYS, FigureKey, findFigure, Parameters, RAHMENSTANDARD } from "./standard";

/** Funding shares as exact texts: a decimal ("0.4") or a fraction ("1/3"). */
export interface FundingShareTexts {
  federal: string;
  state: string;
  municipal: string;
}

export interface StandardProfile {
  name: string;
  version: string;
  /** ISO date, the JSON's `gueltig_ab`. */
  validFrom: string;
  /** Every figure of the standard as an exact decimal string (figures the file leaves out keep the built-in value). */
  parameters: Parameters;
  shares: FundingShareTexts;
}

type ShareKey = keyof FundingShareTexts;

/** The file's key of each share: the defined names of the Parameter sheet. */
const SHARE_NAMES: Readonly<Record<ShareKey, string>> = {
  federal: PLANNING_NAMES.shareFederal,
  state: PLANNING_NAMES.shareState,
  municipal: PLANNING_NAMES.shareMunicipal,
};
const SHARE_KEYS: readonly ShareKey[] = ["federal", "state", "municipal"];
const SHARE_LABELS: Readonly<Record<ShareKey, { de: string; en: string }>> = {
  federal: { de: "Förderanteil Bund", en: "Federal share" },
  state: { de: "Förderanteil Land", en: "State share" },
  municipal: { de: "Förderanteil Gemeinde", en: "Municipal share" },
};

/** The JSON form of a profile (exact keys; the contract of the file format). */
export interface ProfileJson {
  name: string;
  version: string;
  gueltig_ab: string;
  kennzahlen: Record<string, string>;
  foerderanteile: { Anteil_Bund: string; Anteil_Land: string; Anteil_Gemeinde: string };
}

const TOP_LEVEL_KEYS = ["name", "version", "gueltig_ab", "kennzahlen", "foerderanteile"] as const;

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (typeof v === "object" && v !== null) deepFreeze(v);
  return Object.freeze(value);
}

/** The standard as the add-in ships it; funding shares a third each. */
export const BUILT_IN_PROFILE: StandardProfile = deepFreeze({
  name: RAHMENSTANDARD.name,
  version: RAHMENSTANDARD.version,
  validFrom: RAHMENSTANDARD.validFrom,
  parameters: defaultParameters(RAHMENSTANDARD),
  shares: { federal: "1/3", state: "1/3", municipal: "1/3" },
});

/**
 * A profile that cannot be used. `message` is one German line naming the key (or the reason);
 * `key` is the key it is about as written in the file ("Projektkosten_je_Einwohner",
 * "gueltig_ab", "foerderanteile"), undefined when the file as a whole is wrong.
 */
export class ProfileError extends Error {
  readonly key: string | undefined;
  readonly messageEn: string;

  constructor(key: string | undefined, message: string, messageEn: string) {
    super(message);
    this.name = "ProfileError";
    this.key = key;
    this.messageEn = messageEn;
  }
}

// --- limits --------------------------------------------------------------------------------

/** As many digits as Excel keeps of a number: a figure with more would change on the sheet. */
export const PROFILE_FIGURE_DIGITS = 15;
const NAME_MAX_LENGTH = 200;
const VERSION_MAX_LENGTH = 50;
const DATE_RANGE = { from: 1900, to: 2100 } as const;

/** A plain decimal as people write it in a file: digits, optionally a point and more digits. */
const DECIMAL_TEXT = /^\d+(\.\d+)?$/;
/** A fraction of whole numbers: "1/3", "2 / 5". */
const FRACTION_TEXT = /^(\d+)\s*\/\s*(\d+)$/;

// --- small helpers ---------------------------------------------------------------------------

const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value from the file as it appears in a message: short, on one line. */
function shown(value: unknown): string {
  const text = typeof value === "string" ? `„${value}“` : JSON.stringify(value) ?? String(value);
  const line = text.replace(/\s+/g, " ");
  return line.length > 40 ? line.slice(0, 39) + "…" : line;
}
function shownEn(value: unknown): string {
  return shown(value).replace(/^„/, '"').replace(/“$/, '"');
}

function typeWord(value: unknown): { de: string; en: string } {
  if (value === null) return { de: "null", en: "null" };
  if (Array.isArray(value)) return { de: "eine Liste", en: "a list" };
  if (typeof value === "boolean") return { de: "ein Wahrheitswert", en: "a boolean" };
  if (typeof value === "number") return { de: "eine Zahl", en: "a number" };
  if (typeof value === "string") return { de: "ein Text", en: "a text" };
  return { de: "ein Objekt", en: "an object" };
}

/** A key as compared for near misses: case, blanks, "_" and "-" do not count. */
function keyShape(key: string): string {
  return key.toLowerCase().replace(/[\s_-]/g, "");
}

/** Levenshtein distance of two short texts (keys of a profile: a few dozen characters). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** Typing slips a key may have and still be taken for the one meant: two letters. */
const NEAR_MISS_EDITS = 2;

/** The known key a misspelt one most likely means: the only one closest within NEAR_MISS_EDITS. */
function nearMiss(key: string, known: readonly string[]): string | undefined {
  const shape = keyShape(key);
  const ranked = known.map((k) => ({ k, d: editDistance(keyShape(k), shape) })).sort((x, y) => x.d - y.d);
  if (ranked.length === 0 || ranked[0].d > NEAR_MISS_EDITS) return undefined;
  // Two keys equally close (Anteil_Bund / Anteil_Land): no guess, the list of keys instead.
  return ranked.length > 1 && ranked[1].d === ranked[0].d ? undefined : ranked[0].k;
}

/** "Unbekannter Schlüssel „x“ in kennzahlen" with a hint when the key is a near miss of a known one. */
function unknownKey(where: string | undefined, key: string, known: readonly string[]): ProfileError {
  const near = nearMiss(key, known);
  const figure = near ? undefined : where === "kennzahlen" ? findFigure(key) : undefined;
  const suggestion = near ?? figure?.definedName;
  const inWhere = where ? ` in „${where}“` : "";
  const inWhereEn = where ? ` in "${where}"` : "";
  const hint = suggestion ? ` – gemeint ist wohl „${suggestion}“.` : `; erlaubt: ${known.join(", ")}.`;
  const hintEn = suggestion ? ` – did you mean "${suggestion}"?` : `; allowed: ${known.join(", ")}.`;
  return new ProfileError(key, `Unbekannter Schlüssel „${key}“${inWhere}${hint}`, `Unknown key "${key}"${inWhereEn}${hintEn}`);
}

function refuseUnknownKeys(object: Record<string, unknown>, where: string | undefined, known: readonly string[]): void {
  for (const key of Object.keys(object)) if (!known.includes(key)) throw unknownKey(where, key, known);
}

// --- figures ---------------------------------------------------------------------------------

type Fail = (de: string, en: string) => ProfileError;

/** A refusal naming the key and where it stands in the file ("kennzahlen.Mindest_VbE"). */
function failureAt(key: string, where: string): Fail {
  return (de, en) => new ProfileError(key, `„${where}“: ${de}`, `"${where}": ${en}`);
}

/** A value of the file as text: a JSON number as JavaScript spells it, a text trimmed; anything else refused. */
function valueText(value: unknown, fail: Fail, expected: { de: string; en: string }): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw fail("keine endliche Zahl.", "not a finite number.");
    return String(value);
  }
  if (typeof value === "string") return value.trim();
  const t = typeWord(value);
  throw fail(`${t.de} statt ${expected.de}.`, `${t.en} instead of ${expected.en}.`);
}

const FIGURE_BY_DEFINED_NAME: ReadonlyMap<string, FigureKey> = new Map(
  FIGURE_KEYS.map((key) => [RAHMENSTANDARD.figures[key].definedName, key] as const),
);
const DEFINED_NAMES: readonly string[] = FIGURE_KEYS.map((key) => RAHMENSTANDARD.figures[key].definedName);

/**
 * A figure of the file as its exact canonical decimal string ("2.50" → "2.5"), or a refusal
 * naming the key. Texts must be plain decimals with a point; JSON numbers are taken as the
 * shortest decimal that JavaScript reads them as (what the file says, up to 15 digits).
 */
function figureOf(definedName: string, value: unknown): string {
  const fail = failureAt(definedName, `kennzahlen.${definedName}`);
  const text = valueText(value, fail, { de: 'einer Zahl (z. B. "2.5")', en: 'a number (e.g. "2.5")' });
  if (/^-/.test(text) && (DECIMAL_TEXT.test(text.slice(1)) || typeof value === "number"))
    throw fail(`${shown(value)} ist negativ; Kennzahlen sind 0 oder größer.`, `${shownEn(value)} is negative; figures are 0 or more.`);
  if (typeof value === "string" && /^\d+,\d+$/.test(text))
    throw fail(
      `${shown(value)} ist keine Zahl im Dateiformat – Dezimalpunkt statt Komma schreiben ("${text.replace(",", ".")}").`,
      `${shownEn(value)} is no number of the file format – write a decimal point ("${text.replace(",", ".")}").`,
    );
  // Numbers arrive in exponent spelling when tiny or huge (1e-7, 1e+21); Dec reads them exactly.
  if (typeof value === "string" ? !DECIMAL_TEXT.test(text) : !/^\d+(\.\d+)?(e[+-]?\d+)?$/.test(text))
    throw fail(`${shown(value)} ist keine Zahl (erwartet z. B. "2.5" oder 2.5).`, `${shownEn(value)} is not a number (expected e.g. "2.5" or 2.5).`);
  const figure = new Dec(text);
  if (figure.sd(false) > PROFILE_FIGURE_DIGITS || figure.decimalPlaces() > PROFILE_FIGURE_DIGITS || figure.gte("1e15"))
    throw fail(
      `${shown(value)} hat mehr als ${PROFILE_FIGURE_DIGITS} Stellen (so viele behält Excel von einer Zahl).`,
      `${shownEn(value)} has more than ${PROFILE_FIGURE_DIGITS} digits (as many as Excel keeps of a number).`,
    );
  const key = FIGURE_BY_DEFINED_NAME.get(definedName) as FigureKey;
  if (RAHMENSTANDARD.figures[key].unit === "RESIDENTS" && !figure.isInteger())
    throw fail(`${shown(value)} ist keine ganze Zahl (eine Zahl von Einwohnern).`, `${shownEn(value)} is not a whole number (a number of residents).`);
  return figure.toFixed();
}

// --- shares ----------------------------------------------------------------------------------

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** A share as an exact ratio of integers (for splitting sums to the cent). */
export function shareRatio(text: string): { numerator: bigint; denominator: bigint } {
  const t = text.trim();
  let numerator: bigint;
  let denominator: bigint;
  const fraction = FRACTION_TEXT.exec(t);
  if (fraction) {
    numerator = BigInt(fraction[1]);
    denominator = BigInt(fraction[2]);
    if (denominator === 0n)
      throw new ProfileError(undefined, `„${t}“: Division durch null.`, `"${t}": division by zero.`);
  } else if (DECIMAL_TEXT.test(t)) {
    const [int, frac = ""] = t.split(".");
    numerator = BigInt(int + frac);
    denominator = 10n ** BigInt(frac.length);
  } else {
    throw new ProfileError(undefined, `„${t}“ ist kein Anteil (erwartet z. B. "0.4" oder "1/3").`, `"${t}" is no share (expected e.g. "0.4" or "1/3").`);
  }
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

/** A ratio written the way a person reads it: "1/3", "0" or "1" for whole numbers. */
function ratioText(r: { numerator: bigint; denominator: bigint }): string {
  return r.denominator === 1n ? r.numerator.toString() : `${r.numerator}/${r.denominator}`;
}

/** A share of the file as its canonical text: a decimal stays a decimal ("0.40" → "0.4"), a fraction is reduced ("2/6" → "1/3"). */
function shareOf(name: string, value: unknown): string {
  const fail = failureAt(name, `foerderanteile.${name}`);
  let text = valueText(value, fail, { de: 'eines Anteils (z. B. "0.4" oder "1/3")', en: 'a share (e.g. "0.4" or "1/3")' });
  if (/^-/.test(text)) throw fail(`${shown(value)} ist negativ; Anteile sind 0 oder größer.`, `${shownEn(value)} is negative; shares are 0 or more.`);
  if (typeof value === "number" && /e/.test(text)) text = new Dec(text).toFixed();
  const fraction = FRACTION_TEXT.exec(text);
  if (!fraction && !DECIMAL_TEXT.test(text))
    throw fail(`${shown(value)} ist kein Anteil (erwartet z. B. "0.4", "40/100" oder "1/3").`, `${shownEn(value)} is no share (expected e.g. "0.4", "40/100" or "1/3").`);
  const digits = fraction ? Math.max(fraction[1].replace(/^0+/, "").length, fraction[2].replace(/^0+/, "").length) : new Dec(text).sd(false);
  if (digits > PROFILE_FIGURE_DIGITS || (!fraction && new Dec(text).decimalPlaces() > PROFILE_FIGURE_DIGITS))
    throw fail(`${shown(value)} hat mehr als ${PROFILE_FIGURE_DIGITS} Stellen.`, `${shownEn(value)} has more than ${PROFILE_FIGURE_DIGITS} digits.`);
  if (fraction && BigInt(fraction[2]) === 0n) throw fail(`${shown(value)} teilt durch null.`, `${shownEn(value)} divides by zero.`);
  if (fraction) return ratioText(shareRatio(text));
  return new Dec(text).toFixed();
}

/** The sum of the shares, exactly, as a reduced ratio. */
function shareSum(shares: FundingShareTexts): { numerator: bigint; denominator: bigint } {
  let numerator = 0n;
  let denominator = 1n;
  for (const key of SHARE_KEYS) {
    const r = shareRatio(shares[key]);
    numerator = numerator * r.denominator + r.numerator * denominator;
    denominator *= r.denominator;
  }
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

/** A share in percent for messages ("33,33 %"); exact where it can be. */
function sharePercent(text: string, lang: "de" | "en"): string {
  const r = shareRatio(text);
  return `${formatNumber(new Dec(r.numerator.toString()).mul(100).div(r.denominator.toString()), lang, 4)} %`;
}

// --- the profile ---------------------------------------------------------------------------

function textField(object: Record<string, unknown>, key: "name" | "version", maxLength: number): string {
  const value = object[key];
  if (!has(object, key) || value === undefined)
    throw new ProfileError(key, `Der Schlüssel „${key}“ fehlt (jedes Profil nennt ${key === "name" ? "seinen Namen" : "seine Version"}).`, `The key "${key}" is missing (every profile states its ${key}).`);
  if (typeof value !== "string") {
    const t = typeWord(value);
    throw new ProfileError(key, `„${key}“ ist ${t.de}, kein Text (in Anführungszeichen schreiben).`, `"${key}" is ${t.en}, not a text (write it in quotes).`);
  }
  const text = value.trim();
  if (text === "") throw new ProfileError(key, `„${key}“ ist leer.`, `"${key}" is empty.`);
  if (text.length > maxLength)
    throw new ProfileError(key, `„${key}“ ist länger als ${maxLength} Zeichen.`, `"${key}" is longer than ${maxLength} characters.`);
  // The name goes onto one line of every report and into a cell of the Parameter sheet.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text))
    throw new ProfileError(key, `„${key}“ enthält einen Zeilenumbruch oder ein Steuerzeichen.`, `"${key}" contains a line break or a control character.`);
  if (text.startsWith("="))
    throw new ProfileError(key, `„${key}“ darf nicht mit „=“ beginnen (Excel läse es als Formel).`, `"${key}" must not start with "=" (Excel would read it as a formula).`);
  return text;
}

function dateField(object: Record<string, unknown>): string {
  const key = "gueltig_ab";
  const value = object[key];
  if (!has(object, key) || value === undefined)
    throw new ProfileError(key, `Der Schlüssel „${key}“ fehlt (das Datum, ab dem das Profil gilt, z. B. "2027-01-01").`, `The key "${key}" is missing (the date from which the profile applies, e.g. "2027-01-01").`);
  const match = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) : null;
  const bad = (): ProfileError =>
    new ProfileError(key, `„${key}“: ${shown(value)} ist kein Datum der Form JJJJ-MM-TT (z. B. "2027-01-01").`, `"${key}": ${shownEn(value)} is no date of the form YYYY-MM-DD (e.g. "2027-01-01").`);
  if (!match) throw bad();
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw bad();
  if (year < DATE_RANGE.from || year > DATE_RANGE.to)
    throw new ProfileError(key, `„${key}“: ${year} liegt nicht zwischen ${DATE_RANGE.from} und ${DATE_RANGE.to}.`, `"${key}": ${year} is not between ${DATE_RANGE.from} and ${DATE_RANGE.to}.`);
  return match[0];
}

function sectionOf(object: Record<string, unknown>, key: "kennzahlen" | "foerderanteile"): Record<string, unknown> {
  if (!has(object, key) || object[key] === undefined) return {};
  const section = object[key];
  if (!isPlainObject(section)) {
    const t = typeWord(section);
    throw new ProfileError(key, `„${key}“ ist ${t.de}, kein Objekt ({ "Name": "Wert", … }).`, `"${key}" is ${t.en}, not an object ({ "name": "value", … }).`);
  }
  return section;
}

/** The same checks as `parseProfile`, on JSON that is already parsed. */
export function profileFromObject(value: unknown): StandardProfile {
  if (!isPlainObject(value)) {
    const t = typeWord(value);
    throw new ProfileError(undefined, `Das Profil ist ${t.de}, kein JSON-Objekt ({ "name": …, "kennzahlen": … }).`, `The profile is ${t.en}, not a JSON object ({ "name": …, "kennzahlen": … }).`);
  }
  refuseUnknownKeys(value, undefined, TOP_LEVEL_KEYS);
  const name = textField(value, "name", NAME_MAX_LENGTH);
  const version = textField(value, "version", VERSION_MAX_LENGTH);
  const validFrom = dateField(value);

  const figures = sectionOf(value, "kennzahlen");
  refuseUnknownKeys(figures, "kennzahlen", DEFINED_NAMES);
  const parameters: Parameters = { ...BUILT_IN_PROFILE.parameters };
  for (const [definedName, raw] of Object.entries(figures)) {
    parameters[FIGURE_BY_DEFINED_NAME.get(definedName) as FigureKey] = figureOf(definedName, raw);
  }

  const shareSection = sectionOf(value, "foerderanteile");
  const shareNames = SHARE_KEYS.map((k) => SHARE_NAMES[k]);
  refuseUnknownKeys(shareSection, "foerderanteile", shareNames);
  const shares: FundingShareTexts = { ...BUILT_IN_PROFILE.shares };
  for (const key of SHARE_KEYS) {
    if (has(shareSection, SHARE_NAMES[key])) shares[key] = shareOf(SHARE_NAMES[key], shareSection[SHARE_NAMES[key]]);
  }
  const sum = shareSum(shares);
  if (sum.numerator !== sum.denominator) {
    const list = SHARE_KEYS.map((k) => `${SHARE_NAMES[k]} ${shares[k]}`).join(", ");
    const total = ratioText(sum);
    // A share the file leaves out keeps the built-in third, which is rarely what was meant.
    const missing = shareNames.filter((n) => !has(shareSection, n));
    const note = missing.length > 0 ? ` (nicht angegeben, daher wie im Standard: ${missing.join(", ")})` : "";
    const noteEn = missing.length > 0 ? ` (not given, hence as in the standard: ${missing.join(", ")})` : "";
    throw new ProfileError(
      "foerderanteile",
      `„foerderanteile“ ergeben zusammen ${total} (${sharePercentOfRatio(sum, "de")}), nicht genau 1: ${list}${note}.`,
      `"foerderanteile" add up to ${total} (${sharePercentOfRatio(sum, "en")}), not exactly 1: ${list}${noteEn}.`,
    );
  }
  return { name, version, validFrom, parameters, shares };
}

function sharePercentOfRatio(r: { numerator: bigint; denominator: bigint }, lang: "de" | "en"): string {
  return sharePercent(ratioText(r), lang);
}

/** Reads a profile file's text; throws `ProfileError` with one German line naming the key or the reason. */
export function parseProfile(text: string): StandardProfile {
  let value: unknown;
  try {
    // A UTF-8 BOM (Windows editors write one) is no reason to refuse the file.
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const detail = e instanceof Error ? /position (\d+)/.exec(e.message) : null;
    const where = detail ? lineAndColumn(text.replace(/^\uFEFF/, ""), Number(detail[1])) : undefined;
    const at = where ? ` (Zeile ${where.line}, Spalte ${where.column})` : "";
    const atEn = where ? ` (line ${where.line}, column ${where.column})` : "";
    throw new ProfileError(undefined, `Das Profil ist kein gültiges JSON${at}.`, `The profile is not valid JSON${atEn}.`);
  }
  return profileFromObject(value);
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position).split(/\r\n|\n|\r/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The JSON form of a profile: every figure and share written out, in the standard's order. */
export function profileJson(profile: StandardProfile): ProfileJson {
  const kennzahlen: Record<string, string> = {};
  for (const key of FIGURE_KEYS) kennzahlen[RAHMENSTANDARD.figures[key].definedName] = profile.parameters[key];
  return {
    name: profile.name,
    version: profile.version,
    gueltig_ab: profile.validFrom,
    kennzahlen,
    foerderanteile: {
      Anteil_Bund: profile.shares.federal,
      Anteil_Land: profile.shares.state,
      Anteil_Gemeinde: profile.shares.municipal,
    },
  };
}

// --- what a profile changes ------------------------------------------------------------------

export interface ProfileChange {
  /** Defined name, e.g. Projektkosten_je_Einwohner or Anteil_Land. */
  key: string;
  de: string;
  en: string;
  builtIn: string;
  value: string;
}

function sameShare(a: string, b: string): boolean {
  const x = shareRatio(a);
  const y = shareRatio(b);
  return x.numerator * y.denominator === y.numerator * x.denominator;
}

/** The figures and shares in which `profile` differs from `base` (the built-in standard unless given), in the standard's order. */
export function profileDiff(profile: StandardProfile, base: StandardProfile = BUILT_IN_PROFILE): ProfileChange[] {
  const changes: ProfileChange[] = [];
  for (const key of FIGURE_KEYS) {
    const [builtIn, value] = [base.parameters[key], profile.parameters[key]];
    if (new Dec(builtIn).eq(value)) continue;
    const f = RAHMENSTANDARD.figures[key];
    changes.push({ key: f.definedName, de: f.name, en: f.nameEn, builtIn, value });
  }
  for (const key of SHARE_KEYS) {
    const [builtIn, value] = [base.shares[key], profile.shares[key]];
    if (sameShare(builtIn, value)) continue;
    changes.push({ key: SHARE_NAMES[key], de: SHARE_LABELS[key].de, en: SHARE_LABELS[key].en, builtIn, value });
  }
  return changes;
}

