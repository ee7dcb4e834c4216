import { QmInputError } from "./errors";
import { Figure, findFigure, FIGURE_KEYS, RAHMENSTANDARD } from "./standard";

/**
 * Validation of the budget inputs, shared by the custom functions, the CLI, the task pane and
 * the template. Limits here are plausibility limits of input, not figures of the standard.
 * Validated values are JS numbers; nothing here loads decimal.js, because the custom
 * functions use this module (`inputs.ts` wraps it in Decimals for the rest of the core).
 */
export const LIMITS = {
  residentsMax: 10_000_000,
  fteMax: 100,
  salaryMax: 1_000_000,
  roomCostsMax: 100_000_000,
  amountMax: 1_000_000_000_000,
} as const;

export interface FieldLabel {
  /** Argument name as users see it (German). */
  de: string;
  en: string;
}

export const FIELDS = {
  residents: { de: "Einwohner", en: "Residents" },
  fte: { de: "VbE", en: "FTE" },
  salaryPerFte: { de: "Gehalt je VbE", en: "Salary per FTE" },
  roomCosts: { de: "Raumkosten", en: "Room costs" },
  amount: { de: "Betrag", en: "Amount" },
  name: { de: "Name", en: "Name" },
} as const satisfies Record<string, FieldLabel>;

function describe(value: unknown): { de: string; en: string } {
  if (value === null || value === undefined || value === "") return { de: "eine leere Zelle", en: "an empty cell" };
  if (typeof value === "boolean")
    return { de: `den Wahrheitswert ${value ? "WAHR" : "FALSCH"}`, en: `the boolean ${value ? "TRUE" : "FALSE"}` };
  if (typeof value === "string") {
    const shown = value.length > 30 ? value.slice(0, 30) + "…" : value;
    return { de: `den Text „${shown}“`, en: `the text "${shown}"` };
  }
  if (Array.isArray(value)) return { de: "einen Bereich", en: "a range" };
  return { de: `den Wert ${String(value)}`, en: `the value ${String(value)}` };
}

function typeError(field: FieldLabel, value: unknown): QmInputError {
  const d = describe(value);
  return new QmInputError(
    "type",
    field.de,
    `${field.de} muss eine Zahl sein, Sie haben ${d.de} angegeben.`,
    `${field.en} must be a number, got ${d.en}.`,
  );
}

function rangeError(field: FieldLabel, de: string, en: string): QmInputError {
  return new QmInputError("range", field.de, `${field.de}: ${de}`, `${field.en}: ${en}`);
}

/** A finite number, or a type/range error. Strings are never silently converted. */
function requireNumber(value: unknown, field: FieldLabel): number {
  if (typeof value !== "number") throw typeError(field, value);
  if (!Number.isFinite(value)) throw rangeError(field, "keine endliche Zahl.", "not a finite number.");
  return value;
}

/** Outside this range a number is shown compactly ("2e+15", "1e-7"); its digits would hide what it is. */
const PLAIN_RANGE = { from: 1e-6, below: 1e15 } as const;

/**
 * A number for a German message, as given: every digit it has (never rounded onto the limit
 * it broke, e.g. 100,0001 against 100), German spelling; very large or very small numbers
 * compactly ("1e+300", "1e-7"), the way JavaScript spells them shortest.
 */
function fmt(n: number): string {
  const magnitude = Math.abs(n);
  if (magnitude >= PLAIN_RANGE.below || (magnitude > 0 && magnitude < PLAIN_RANGE.from)) return n.toExponential().replace(".", ",");
  // In this range String(n) is the shortest exact decimal spelling, without an exponent.
  const [whole, fraction] = String(n).split(".");
  const negative = whole.startsWith("-");
  const digits = (negative ? whole.slice(1) : whole).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (negative ? "-" : "") + digits + (fraction ? "," + fraction : "");
}

export function checkResidents(value: unknown): number {
  const n = requireNumber(value, FIELDS.residents);
  if (n < 0) throw rangeError(FIELDS.residents, `darf nicht negativ sein (${fmt(n)}).`, `must not be negative (${n}).`);
  if (!Number.isInteger(n))
    throw rangeError(FIELDS.residents, `muss eine ganze Zahl sein (${fmt(n)}).`, `must be a whole number (${n}).`);
  if (n > LIMITS.residentsMax)
    throw rangeError(
      FIELDS.residents,
      `${fmt(n)} ist unplausibel groß (höchstens ${fmt(LIMITS.residentsMax)}).`,
      `${n} is implausibly large (at most ${LIMITS.residentsMax}).`,
    );
  return n;
}

function boundedAmount(value: unknown, field: FieldLabel, max: number): number {
  const n = requireNumber(value, field);
  if (n < 0) throw rangeError(field, `darf nicht negativ sein (${fmt(n)}).`, `must not be negative (${n}).`);
  if (n > max)
    throw rangeError(field, `${fmt(n)} ist unplausibel groß (höchstens ${fmt(max)}).`, `${n} is implausibly large (at most ${max}).`);
  return n;
}

export function checkFte(value: unknown): number {
  return boundedAmount(value, FIELDS.fte, LIMITS.fteMax);
}

export function checkSalary(value: unknown): number {
  return boundedAmount(value, FIELDS.salaryPerFte, LIMITS.salaryMax);
}

export function checkRoomCosts(value: unknown): number {
  return boundedAmount(value, FIELDS.roomCosts, LIMITS.roomCostsMax);
}

/** Any finite amount (may be negative, e.g. a deviation). */
export function checkAmount(value: unknown): number {
  const n = requireNumber(value, FIELDS.amount);
  if (Math.abs(n) > LIMITS.amountMax)
    throw rangeError(FIELDS.amount, `${fmt(n)} ist unplausibel groß.`, `${n} is implausibly large.`);
  return n;
}

/** True for what Excel passes for an omitted optional argument or an empty cell. */
export function isOmitted(value: unknown): boolean {
  return value === null || value === undefined;
}

/** How many valid names an "unknown name" message lists, to keep it readable in Excel's error flag. */
const NAMES_SHOWN = 3;

/**
 * A figure of the standard by its name (German or English name, defined name or key; see
 * `findFigure`). Not text → type error; a text that names no figure → "unknown" error whose
 * message lists valid names, so the user can correct the call.
 */
export function parseFigureName(value: unknown): Figure {
  if (typeof value !== "string" || value === "") {
    const d = describe(value);
    throw new QmInputError(
      "type",
      FIELDS.name.de,
      `${FIELDS.name.de} muss ein Text sein, Sie haben ${d.de} angegeben.`,
      `${FIELDS.name.en} must be text, got ${d.en}.`,
    );
  }
  const figure = findFigure(value);
  if (figure) return figure;
  const shown = FIGURE_KEYS.slice(0, NAMES_SHOWN).map((k) => RAHMENSTANDARD.figures[k]);
  const shownText = value.length > 30 ? value.slice(0, 30) + "…" : value;
  throw new QmInputError(
    "unknown",
    FIELDS.name.de,
    `Unbekannter Parameter „${shownText}“. Gültige Namen sind z. B. ${shown.map((f) => `„${f.name}“`).join(", ")}.`,
    `Unknown parameter "${shownText}". Valid names are e.g. ${shown.map((f) => `"${f.nameEn}"`).join(", ")}.`,
  );
}
