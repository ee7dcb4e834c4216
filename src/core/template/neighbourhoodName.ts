/**
 * The rules for a Quartier's name, for every way one comes in (the CLI's CSV, text pasted into
 * the task pane, a selected range): cleaned the same way, refused for the same reasons, and
 * compared the same way for duplicates.
 *
 * Why: a name ends up as a sheet name and as cell text in an .xlsx file. Characters XML cannot
 * hold make a workbook that Excel refuses to open; invisible characters and different Unicode
 * spellings of one letter make two names that look the same but count as two Quartiere.
 */
import type { Texts } from "../read/texts";

/**
 * Invisible characters that only change how a name looks, not what it says: zero-width space,
 * (non-)joiner, word joiner, BOM / zero-width no-break space. Copied text (web pages, Word)
 * carries them in unseen.
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Characters refused in a name: C0 controls other than tab/line breaks (which XML 1.0 cannot
 * hold at all), DEL and the C1 controls (invisible, and what undefined Windows-1252 bytes
 * decode to), U+FFFE/U+FFFF (not characters in XML), and the bidi embedding/override/isolate
 * controls, which make a name display as a different one.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const REFUSED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/;

/** A surrogate half without its partner: no character at all, and not storable in XML. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The name as it is stored: invisible characters removed, Unicode-normalised to NFC ("Süd"
 * typed on a Mac — u + combining diaeresis — becomes the one-letter ü), any run of white space
 * (tabs and line breaks included) one space, trimmed.
 */
export function cleanNeighbourhoodName(raw: string): string {
  // Invisible characters first: one between a letter and its combining mark would block NFC.
  return raw.replace(INVISIBLE, "").normalize("NFC").replace(/\s+/g, " ").trim();
}

/** "U+0007" for a character (a lone surrogate included). */
function codePointLabel(char: string): string {
  return "U+" + (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
}

/**
 * Why a cleaned name cannot be used as it is, or undefined. The character is named by its
 * code (never shown: it is invisible, or would break the line it is printed on).
 */
export function neighbourhoodNameProblem(name: string): Texts | undefined {
  const refused = REFUSED.exec(name)?.[0];
  if (refused !== undefined)
    return {
      de: `Der Name enthält ein Steuerzeichen (${codePointLabel(refused)}), das eine Excel-Datei nicht speichern kann.`,
      en: `the name contains a control character (${codePointLabel(refused)}) that an Excel file cannot store.`,
    };
  const lone = LONE_SURROGATE.exec(name)?.[0];
  if (lone !== undefined)
    return {
      de: `Der Name enthält ein ungültiges Zeichen (${codePointLabel(lone)}, eine halbe UTF-16-Einheit).`,
      en: `the name contains an invalid character (${codePointLabel(lone)}, half a UTF-16 unit).`,
    };
  return undefined;
}

/** What two names are compared by for duplicates: the cleaned name, case-insensitive (German rules). */
export function neighbourhoodNameKey(name: string): string {
  return cleanNeighbourhoodName(name).toLocaleLowerCase("de-DE");
}
