/**
 * Sheet names Excel accepts: at most 31 characters, none of []:*?/\, not empty, no apostrophe
 * at either end, not the reserved "History", and unique in the workbook — Excel compares
 * sheet names without regard to case.
 */
import type { RenameReason, SheetRenaming } from "./model";

export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;
const RESERVED = "history";

/** The key under which Excel considers two sheet names equal. */
export function sheetNameKey(name: string): string {
  return name.toLocaleLowerCase("de-DE");
}

/** The longest start of `name` within `max` characters, cut before a word where one ends late enough to keep most of it. */
function cutAtWord(name: string, max: number): string {
  if (name.length <= max) return name;
  const head = name.slice(0, max + 1);
  const space = head.lastIndexOf(" ");
  // A cut at a space that keeps at least half the room; else (one long word) a hard cut.
  return (space >= max / 2 ? head.slice(0, space) : name.slice(0, max)).trimEnd();
}

/** The name cleaned and cut as Excel needs it, and what had to be done to it. */
function safeName(requested: string): { name: string; reasons: RenameReason[] } {
  const reasons: RenameReason[] = [];
  const replaced = requested.replace(FORBIDDEN, "-").replace(/\s+/g, " ").trim();
  let name = replaced.replace(/^'+/, "").replace(/'+$/, "").trim();
  if (name !== requested.replace(/\s+/g, " ").trim()) reasons.push("cleaned");
  if (name.length > MAX_SHEET_NAME_LENGTH) {
    name = cutAtWord(name, MAX_SHEET_NAME_LENGTH).replace(/'+$/, "").trimEnd();
    reasons.push("shortened");
  }
  if (name === "") {
    name = "Blatt";
    if (!reasons.includes("cleaned")) reasons.push("cleaned");
  }
  if (sheetNameKey(name) === RESERVED) {
    name = name + " (Blatt)";
    reasons.push("reserved");
  }
  if (reasons.length === 0 && name !== requested) reasons.push("cleaned");
  return { name, reasons };
}

/** A name Excel accepts on its own (not yet made unique): forbidden characters become "-", long names are cut at a word. */
export function excelSafeSheetName(requested: string): string {
  return safeName(requested).name;
}

/** "Name (2)", shortening the name (at a word, where it can) so the suffix fits into 31 characters. */
function withSuffix(base: string, n: number): string {
  const suffix = ` (${n})`;
  const stem = cutAtWord(base, MAX_SHEET_NAME_LENGTH - suffix.length).replace(/'+$/, "").trimEnd();
  return stem + suffix;
}

/**
 * Gives every requested name an Excel-safe name that is free among `taken` (existing sheets)
 * and among the names given before it; reports every name that had to change, and why.
 */
export function assignSheetNames(
  requested: readonly string[],
  taken: Iterable<string> = [],
): { names: string[]; renamed: SheetRenaming[] } {
  const used = new Set<string>();
  for (const t of taken) used.add(sheetNameKey(t));
  const names: string[] = [];
  const renamed: SheetRenaming[] = [];
  for (const wanted of requested) {
    const { name: base, reasons } = safeName(wanted);
    let name = base;
    for (let n = 2; used.has(sheetNameKey(name)); n++) name = withSuffix(base, n);
    if (name !== base) reasons.push("taken");
    used.add(sheetNameKey(name));
    names.push(name);
    if (name !== wanted) renamed.push({ requested: wanted, actual: name, reasons });
  }
  return { names, renamed };
}
