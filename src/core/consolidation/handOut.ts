/**
 * Handing out: one planning workbook per Quartier (`vorlage --je-quartier`), each with the
 * Parameter sheet and that Quartier's sheet under the same names contract, and a file name
 * for each that every file system takes and no two Quartiere share.
 */
import { buildWorkbookModel } from "../template/buildTemplate";
import type { TemplatePlan } from "../template/input";
import type { WorkbookModel } from "../template/model";

/** Windows refuses these as file names, with any extension ("CON.xlsx", "com1.xlsx"). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Path separators, characters Windows refuses, controls; each becomes "_". */
// eslint-disable-next-line no-control-regex -- removing control characters is this pattern's job
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;
/** Bytes a name may take: most file systems allow 255; room for "-99.xlsx" and a temporary file's prefix and suffix. */
const MAX_STEM_BYTES = 180;

const UTF8 = new TextEncoder();

/** The longest start of `text` within `max` UTF-8 bytes, never cutting a character. */
function cutToBytes(text: string, max: number): string {
  let out = "";
  let bytes = 0;
  for (const char of text) {
    bytes += UTF8.encode(char).length;
    if (bytes > max) break;
    out += char;
  }
  return out;
}

/**
 * A file name stem for a Quartier: NFC (one spelling of "ü" on every system), separators and
 * characters Windows refuses replaced, no leading dot (hidden) or trailing dot/space (Windows
 * drops them), not a reserved device name, short enough for every file system.
 */
export function fileStemOf(name: string): string {
  let stem = name.normalize("NFC").replace(UNSAFE, "_").replace(/\s+/g, " ").trim();
  stem = stem.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  stem = cutToBytes(stem, MAX_STEM_BYTES).replace(/[.\s]+$/, "");
  if (stem === "" || /^_+$/.test(stem)) stem = "Quartier";
  if (RESERVED.test(stem) || RESERVED.test(stem.split(".")[0])) stem = `${stem}_`;
  return stem;
}

/** The key under which two names clash on a case-insensitive file system (Windows, macOS). */
function clashKey(fileName: string): string {
  return fileName.normalize("NFC").toLocaleLowerCase("de");
}

/**
 * File names ("Nord.xlsx") for the Quartiere, in their order; names that would clash (also
 * only by case, or after replacing characters) get "-2", "-3" … in the order given.
 */
export function handOutFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const stem = fileStemOf(name);
    let candidate = `${stem}.xlsx`;
    for (let n = 2; taken.has(clashKey(candidate)); n++) candidate = `${stem}-${n}.xlsx`;
    taken.add(clashKey(candidate));
    return candidate;
  });
}

export interface HandOutWorkbook {
  /** The Quartier's name as in the plan. */
  name: string;
  fileName: string;
  model: WorkbookModel;
}

/**
 * One workbook model per Quartier of the plan: the Parameter sheet and the Quartier's own sheet
 * (no Vergleich sheet: comparing is the budget office's job, with `vergleich`).
 */
export function handOutWorkbooks(plan: TemplatePlan): HandOutWorkbook[] {
  const fileNames = handOutFileNames(plan.neighbourhoods.map((n) => n.name));
  return plan.neighbourhoods.map((n, i) => {
    const model = buildWorkbookModel({ ...plan, neighbourhoods: [n] });
    return { name: n.name, fileName: fileNames[i], model: { ...model, sheets: model.sheets.filter((s) => s.role !== "comparison") } };
  });
}
