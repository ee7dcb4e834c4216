/**
 * Which cells the check reads, known before any cell is: a reader of untrusted files can then
 * decode only those. The plan reader (`workbookPlan.ts`) reads a sheet that carries the
 * template's names through those names alone, the Parameter sheet through its names, and any
 * other sheet — a Quartier made elsewhere — by its labels, i.e. all its filled cells. Earlier
 * reports and the comparison sheet are never read.
 *
 * A snapshot holding only these cells gives the same plan, and the same findings, as one
 * holding every cell (test/cli/readerParity.test.ts compares both on the test corpus).
 */
import type { DefinedNameSnapshot, SheetSnapshot } from "../workbook";
import { addressOf } from "../workbook";
import { MAX_NAMED_CELLS, NameIndex, referenceOf } from "./names";
import { isTemplateSheet } from "./template";
import { isSupportSheet } from "./workbookPlan";

export interface CellDemand {
  /** Sheets (lower-case names) the check reads by their labels: every filled cell. */
  wholeSheets: Set<string>;
  /** Per sheet (lower-case name), the cells defined names point to. */
  namedCells: Map<string, Set<string>>;
}

/**
 * The cells the check of a workbook with these sheets and names reads. Undefined when the
 * names point to more than `maxNamedCells` distinct cells (each name is expanded only up to
 * the plan reader's own bound, beyond which it reports the name instead of reading it).
 */
export function cellDemand(sheetNames: readonly string[], names: readonly DefinedNameSnapshot[], maxNamedCells: number): CellDemand | undefined {
  const sheets: SheetSnapshot[] = sheetNames.map((name) => ({ name, cells: new Map(), merges: [] }));
  const index = new NameIndex({ sheets, names });
  const wholeSheets = new Set<string>();
  for (const sheet of sheets) if (!isSupportSheet(sheet) && !isTemplateSheet(index, sheet)) wholeSheets.add(sheet.name.toLowerCase());

  const namedCells = new Map<string, Set<string>>();
  let count = 0;
  for (const n of names) {
    const ref = referenceOf(n);
    const sheet = ref && index.sheet(ref.sheet);
    if (!ref || !sheet) continue;
    const { top, left, bottom, right } = ref.range;
    if ((bottom - top + 1) * (right - left + 1) > MAX_NAMED_CELLS) continue;
    const key = sheet.name.toLowerCase();
    let set = namedCells.get(key);
    if (!set) namedCells.set(key, (set = new Set()));
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        const address = addressOf(r, c);
        if (set.has(address)) continue;
        if (++count > maxNamedCells) return undefined;
        set.add(address);
      }
  }
  return { wholeSheets, namedCells };
}
