/**
 * Renders a cell value through an Excel number format into the text Excel shows
 * (`range.text`). Covers what planning sheets use: General, digit placeholders with grouping
 * and decimals, percent, literal text and currency ("#,##0.00 €", "#,##0 \"€\""),
 * up to four sections (positive;negative;zero;text), colour codes, and day/month/year/time
 * formats. Decimal and group separators follow the workbook's locale ("de": 1.234,50).
 */
import { Dec } from "../../core/decimal";
import { isErrorValue, type ComputedValue } from "./model/types";

export type NumberLocale = "de" | "en";

const SEPARATORS: Record<NumberLocale, { decimal: string; group: string }> = {
  de: { decimal: ",", group: "." },
  en: { decimal: ".", group: "," },
};

const MONTHS: Record<NumberLocale, string[]> = {
  de: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};
const DAYS: Record<NumberLocale, string[]> = {
  de: ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

export function formatForDisplay(value: ComputedValue, format: string, locale: NumberLocale): string {
  if (value === null) return "";
  if (isErrorValue(value)) return value.error;
  if (typeof value === "boolean") return locale === "de" ? (value ? "WAHR" : "FALSCH") : value ? "TRUE" : "FALSE";
  const sections = splitSections(format);
  if (typeof value === "string") {
    const text = sections[3] ?? sections.find((s) => s.includes("@"));
    return text && text.includes("@") ? literalText(text).replace("@", value) : value;
  }
  return formatNumber(value, sections, locale);
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      current += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** Drops colour and condition codes, keeps currency symbols of "[$€-407]". */
function stripBrackets(section: string): string {
  return section.replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, (_, sym: string) => `"${sym}"`).replace(/\[[^\]]*\]/g, "");
}

/** The section with quotes and escapes resolved (for text sections). */
function literalText(section: string): string {
  return stripBrackets(section).replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
}

function formatNumber(value: number, sections: string[], locale: NumberLocale): string {
  let section = sections[0];
  let x = value;
  let sign = "";
  if (value < 0 && sections.length >= 2 && sections[1] !== "") {
    section = sections[1];
    x = -value;
  } else if (value === 0 && sections.length >= 3 && sections[2] !== "") {
    section = sections[2];
  } else if (value < 0) {
    x = -value;
    sign = "-";
  }
  const s = stripBrackets(section);
  if (/^\s*(general|standard)?\s*$/i.test(s) || s.trim() === "@") return sign + general(x, locale);
  if (isDateFormat(s)) return formatDate(value, s, locale);
  return sign + formatPattern(x, s, locale);
}

/** Excel's General: up to 10 significant digits, exponent for very large or small numbers. */
function general(x: number, locale: NumberLocale): string {
  if (x === 0) return "0";
  const rounded = Number(x.toPrecision(10));
  let s: string;
  if (Math.abs(rounded) >= 1e11 || Math.abs(rounded) < 1e-9) {
    const [mantissa, exp] = rounded.toExponential(5).split("e");
    const e = Number(exp);
    s = `${mantissa.replace(/\.?0+$/, "")}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  } else s = String(rounded);
  return s.replace(".", SEPARATORS[locale].decimal);
}

interface Token {
  kind: "digit" | "point" | "comma" | "percent" | "literal";
  text: string;
}

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: "literal", text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      tokens.push({ kind: "literal", text: section[i + 1] ?? "" });
      i++;
    } else if (ch === "_") {
      // "_)" reserves the width of a character: Excel shows a space.
      tokens.push({ kind: "literal", text: " " });
      i++;
    } else if (ch === "*") {
      i++; // fill character: nothing in plain text
    } else if (ch === "0" || ch === "#" || ch === "?") tokens.push({ kind: "digit", text: ch });
    else if (ch === ".") tokens.push({ kind: "point", text: ch });
    else if (ch === ",") tokens.push({ kind: "comma", text: ch });
    else if (ch === "%") tokens.push({ kind: "percent", text: ch });
    else tokens.push({ kind: "literal", text: ch });
  }
  return tokens;
}

function formatPattern(x: number, section: string, locale: NumberLocale): string {
  const tokens = tokenize(section);
  const first = tokens.findIndex((t) => t.kind === "digit");
  if (first < 0) return tokens.map((t) => (t.kind === "percent" ? "%" : t.text)).join("");
  let last = first;
  tokens.forEach((t, i) => {
    if (t.kind === "digit" || t.kind === "point" || (t.kind === "comma" && i > first)) last = i;
  });
  const pattern = tokens.slice(first, last + 1);
  const pointAt = pattern.findIndex((t) => t.kind === "point");
  const intTokens = pointAt < 0 ? pattern : pattern.slice(0, pointAt);
  const fracTokens = pointAt < 0 ? [] : pattern.slice(pointAt + 1);
  const lastIntDigit = intTokens.map((t) => t.kind).lastIndexOf("digit");
  const grouping = intTokens.some((t, i) => t.kind === "comma" && i < lastIntDigit);
  const scaleCommas = intTokens.slice(lastIntDigit + 1).filter((t) => t.kind === "comma").length;
  const minInt = intTokens.filter((t) => t.text === "0").length;
  const fracDigits = fracTokens.filter((t) => t.kind === "digit");
  const decimals = fracDigits.length;
  const minDecimals = fracDigits.filter((t) => t.text === "0").length;

  let scaled = new Dec(x.toPrecision(15));
  if (tokens.some((t) => t.kind === "percent")) scaled = scaled.times(100);
  if (scaleCommas) scaled = scaled.div(Dec.pow(1000, scaleCommas));
  const fixed = scaled.toFixed(decimals, Dec.ROUND_HALF_UP);
  let [intPart, frac = ""] = fixed.split(".");
  while (frac.length > minDecimals && frac.endsWith("0")) frac = frac.slice(0, -1);
  if (intPart === "0" && minInt === 0) intPart = "";
  intPart = intPart.padStart(minInt, "0");
  const sep = SEPARATORS[locale];
  if (grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  const number = intPart + (frac ? sep.decimal + frac : "");
  const text = (list: Token[]) => list.map((t) => (t.kind === "percent" ? "%" : t.kind === "literal" ? t.text : "")).join("");
  return text(tokens.slice(0, first)) + number + text(tokens.slice(last + 1));
}

function isDateFormat(section: string): boolean {
  const bare = section.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[dmyhs]/i.test(bare) && !/[0#?]/.test(bare);
}

const DATE_TOKEN = /^(yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|"[^"]*"|\\.|.)/i;

function formatDate(serial: number, section: string, locale: NumberLocale): string {
  // Serial 25569 is 1970-01-01 in Excel's 1900 date system (valid from March 1900 on).
  const date = new Date(Math.round((serial - 25569) * 86_400_000));
  const parts: string[] = [];
  let rest = section;
  while (rest.length) {
    const m = DATE_TOKEN.exec(rest) as RegExpExecArray;
    parts.push(m[0]);
    rest = rest.slice(m[0].length);
  }
  const hasAmPm = parts.some((p) => p.toLowerCase() === "am/pm");
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  const out: string[] = [];
  parts.forEach((p, i) => {
    const lower = p.toLowerCase();
    const previousCode = parts.slice(0, i).reverse().find((q) => /^[a-z]/i.test(q))?.toLowerCase() ?? "";
    const nextCode = parts.slice(i + 1).find((q) => /^[a-z]/i.test(q))?.toLowerCase() ?? "";
    const isMinute = (lower === "m" || lower === "mm") && (previousCode.startsWith("h") || nextCode.startsWith("s"));
    const hours = hasAmPm ? date.getUTCHours() % 12 || 12 : date.getUTCHours();
    switch (lower) {
      case "yyyy":
        out.push(String(date.getUTCFullYear()));
        break;
      case "yy":
        out.push(pad(date.getUTCFullYear() % 100, 2));
        break;
      case "mmmm":
        out.push(MONTHS[locale][date.getUTCMonth()]);
        break;
      case "mmm":
        out.push(MONTHS[locale][date.getUTCMonth()].slice(0, 3));
        break;
      case "mm":
        out.push(isMinute ? pad(date.getUTCMinutes(), 2) : pad(date.getUTCMonth() + 1, 2));
        break;
      case "m":
        out.push(isMinute ? String(date.getUTCMinutes()) : String(date.getUTCMonth() + 1));
        break;
      case "dddd":
        out.push(DAYS[locale][date.getUTCDay()]);
        break;
      case "ddd":
        out.push(DAYS[locale][date.getUTCDay()].slice(0, 3));
        break;
      case "dd":
        out.push(pad(date.getUTCDate(), 2));
        break;
      case "d":
        out.push(String(date.getUTCDate()));
        break;
      case "hh":
        out.push(pad(hours, 2));
        break;
      case "h":
        out.push(String(hours));
        break;
      case "ss":
        out.push(pad(date.getUTCSeconds(), 2));
        break;
      case "s":
        out.push(String(date.getUTCSeconds()));
        break;
      case "am/pm":
        out.push(date.getUTCHours() < 12 ? "AM" : "PM");
        break;
      default:
        out.push(p.startsWith('"') ? p.slice(1, -1) : p.startsWith("\\") ? p.slice(1) : p);
    }
  });
  return out.join("");
}

/** Excel's serial number of a calendar date (1900 date system). */
export function dateSerial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + 25569;
}
