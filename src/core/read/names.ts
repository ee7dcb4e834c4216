/**
 * Looking up the template's defined names in a snapshot, the way Excel resolves them: a name
 * scoped to the sheet wins over a workbook-wide one. A workbook-wide name counts for a sheet
 * only when it points into that sheet, so a single-Quartier workbook written with plain
 * workbook names reads as well as the template's sheet-scoped ones.
 */
import type { CellRef, ReadResult } from "../plan";
import { addressOf, DefinedNameSnapshot, parseSheetReference, quoteSheetName, SheetReference, SheetSnapshot, WorkbookSnapshot } from "../workbook";
import { failure } from "./cells";
import { say, Texts, Wording } from "./texts";

interface NameProblem {
  field: Texts;
  name: string;
}

const TEXT = {
  undefinedFor: {
    de: (a) => `${a.field.de}: Der Name „${a.name}“ ist für das Blatt ${quoteSheetName(a.sheet)} nicht definiert.`,
    en: (a) => `${a.field.en}: the name "${a.name}" is not defined for the sheet ${quoteSheetName(a.sheet)}.`,
  } as Wording<NameProblem & { sheet: string }>,
  nowhere: {
    de: (a) => `${a.field.de}: Der Name „${a.name}“ verweist auf „${a.reference}“, das ist keine Zelle dieser Arbeitsmappe.`,
    en: (a) => `${a.field.en}: the name "${a.name}" refers to "${a.reference}", which is no cell of this workbook.`,
  } as Wording<NameProblem & { reference: string }>,
  tooLarge: {
    de: (a) => `${a.field.de}: Der Name „${a.name}“ umfasst ${a.size} Zellen, erwartet wird eine Zelle oder eine Zeile der Planjahre.`,
    en: (a) => `${a.field.en}: the name "${a.name}" covers ${a.size} cells; expected one cell or one row of plan years.`,
  } as Wording<NameProblem & { size: number }>,
};

const PARSED = new WeakMap<DefinedNameSnapshot, { reference: string; parsed: SheetReference | undefined }>();

/**
 * A definition's reference parsed once per definition (the result is shared; read it, do not
 * change it): the reader's cellDemand and the plan reader look up the same names many times.
 */
export function referenceOf(n: DefinedNameSnapshot): SheetReference | undefined {
  const hit = PARSED.get(n);
  if (hit && hit.reference === n.reference) return hit.parsed;
  const parsed = parseSheetReference(n.reference);
  PARSED.set(n, { reference: n.reference, parsed });
  return parsed;
}

/** More cells than any input or plan row of the template has; guards against `$A$1:$XFD$1048576`. */
export const MAX_NAMED_CELLS = 1000;

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
    return candidates.find((n) => n.scope === undefined && referenceOf(n)?.sheet.toLowerCase() === sheet.toLowerCase());
  }

  /** A workbook-wide name (the Parameter figures). */
  lookupGlobal(name: string): DefinedNameSnapshot | undefined {
    return this.byName.get(name.toLowerCase())?.find((n) => n.scope === undefined);
  }

  /**
   * The cells a name refers to, in reading order, with the sheet holding them. Fails with
   * "fehlt" when the name is not defined and "bezug" when it points nowhere readable.
   */
  cells(field: Texts, name: string, definition: DefinedNameSnapshot | undefined, fromSheet: string): ReadResult<{ sheet: SheetSnapshot; cells: CellRef[] }> {
    if (!definition) return failure("fehlt", say(TEXT.undefinedFor, { field, name, sheet: fromSheet }));
    const ref = referenceOf(definition);
    const sheet = ref && this.sheet(ref.sheet);
    if (!ref || !sheet) return failure("bezug", say(TEXT.nowhere, { field, name, reference: definition.reference }));
    const size = (ref.range.bottom - ref.range.top + 1) * (ref.range.right - ref.range.left + 1);
    if (size > MAX_NAMED_CELLS) return failure("bezug", say(TEXT.tooLarge, { field, name, size }));
    const cells: CellRef[] = [];
    for (let r = ref.range.top; r <= ref.range.bottom; r++)
      for (let c = ref.range.left; c <= ref.range.right; c++) cells.push({ sheet: sheet.name, address: addressOf(r, c) });
    return { ok: true, value: { sheet, cells }, cell: cells[0] };
  }
}
