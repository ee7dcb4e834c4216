/**
 * Sheet names Excel accepts: at most 31 characters, none of []:*?/\, not empty, no apostrophe
 * at either end, not the reserved "History", and unique in the workbook — Excel compares
 * sheet names without regard to case.
 */
import type { SheetRenaming } from "./model";

export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;
const RESERVED = "history";

/** The key under which Excel considers two sheet names equal. */
export function sheetNameKey(name: string): string {
  return name.toLocaleLowerCase("de-DE");
}

/** A name Excel accepts on its own (not yet made unique): forbidden characters become "-". */
export function excelSafeSheetName(requested: string): string {
  let name = requested.replace(FORBIDDEN, "-").replace(/\s+/g, " ").trim();
  name = name.slice(0, MAX_SHEET_NAME_LENGTH);
  name = name.replace(/^'+/, "").replace(/'+$/, "").trim();
  if (name === "") name = "Blatt";
  if (sheetNameKey(name) === RESERVED) name = name + " (Blatt)";
  return name;
}

/** "Name (2)", shortening the name so the suffix fits into 31 characters. */
function withSuffix(base: string, n: number): string {
  const suffix = ` (${n})`;
  const stem = base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).replace(/'+$/, "").trimEnd();
  return stem + suffix;
}

/**
 * Gives every requested name an Excel-safe name that is free among `taken` (existing sheets)
 * and among the names given before it; reports every name that had to change.
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
    const base = excelSafeSheetName(wanted);
    let name = base;
    for (let n = 2; used.has(sheetNameKey(name)); n++) name = withSuffix(base, n);
    used.add(sheetNameKey(name));
    names.push(name);
    if (name !== wanted) renamed.push({ requested: wanted, actual: name });
  }
  return { names, renamed };
}
