/**
 * Looking up the template's defined names in a snapshot, the way Excel resolves them: a name
 * scoped to the sheet wins over a workbook-wide one. A workbook-wide name counts for a sheet
 * only when it points into that sheet, so a single-Quartier workbook written with plain
 * workbook names reads as well as the template's sheet-scoped ones.
 */
import type { CellRef, ReadResult } from "../plan";
import { addressOf, DefinedNameSnapshot, parseSheetReference, quoteSheetName, SheetSnapshot, WorkbookSnapshot } from "../workbook";
import { failure } from "./cells";

/** More cells than any input or plan row of the template has; guards against `$A$1:$XFD$1048576`. */
const MAX_NAMED_CELLS = 1000;

export class NameIndex {
  private readonly byName = new Map<string, DefinedNameSnapshot[]>();
  private readonly sheets = new Map<string, SheetSnapshot>();

  constructor(snapshot: WorkbookSnapshot) {
    for (const n of snapshot.names) {
      const key = n.name.toLowerCase();
      const list = this.byName.get(key);
      if (list) list.push(n);
      else this.byName.set(key, [n]);
    }
    for (const s of snapshot.sheets) this.sheets.set(s.name.toLowerCase(), s);
  }

  sheet(name: string): SheetSnapshot | undefined {
    return this.sheets.get(name.toLowerCase());
  }

  /** The name as seen from `sheet`; undefined when neither scope defines it for that sheet. */
  lookup(name: string, sheet: string): DefinedNameSnapshot | undefined {
    const candidates = this.byName.get(name.toLowerCase()) ?? [];
    const own = candidates.find((n) => n.scope !== undefined && n.scope.toLowerCase() === sheet.toLowerCase());
    if (own) return own;
    return candidates.find((n) => n.scope === undefined && parseSheetReference(n.reference)?.sheet.toLowerCase() === sheet.toLowerCase());
  }

  /** A workbook-wide name (the Parameter figures). */
  lookupGlobal(name: string): DefinedNameSnapshot | undefined {
    return this.byName.get(name.toLowerCase())?.find((n) => n.scope === undefined);
  }

  /**
   * The cells a name refers to, in reading order, with the sheet holding them. Fails with
   * "fehlt" when the name is not defined and "bezug" when it points nowhere readable.
   */
  cells(field: string, name: string, definition: DefinedNameSnapshot | undefined, fromSheet: string): ReadResult<{ sheet: SheetSnapshot; cells: CellRef[] }> {
    if (!definition)
      return failure("fehlt", `${field}: Der Name „${name}“ ist für das Blatt ${quoteSheetName(fromSheet)} nicht definiert.`);
    const ref = parseSheetReference(definition.reference);
    const sheet = ref && this.sheet(ref.sheet);
    if (!ref || !sheet)
      return failure("bezug", `${field}: Der Name „${name}“ verweist auf „${definition.reference}“, das ist keine Zelle dieser Arbeitsmappe.`);
    const size = (ref.range.bottom - ref.range.top + 1) * (ref.range.right - ref.range.left + 1);
    if (size > MAX_NAMED_CELLS)
      return failure("bezug", `${field}: Der Name „${name}“ umfasst ${size} Zellen, erwartet wird eine Zelle oder eine Zeile der Planjahre.`);
    const cells: CellRef[] = [];
    for (let r = ref.range.top; r <= ref.range.bottom; r++)
      for (let c = ref.range.left; c <= ref.range.right; c++) cells.push({ sheet: sheet.name, address: addressOf(r, c) });
    return { ok: true, value: { sheet, cells }, cell: cells[0] };
  }
}
