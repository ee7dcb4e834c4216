/**
 * xl/workbook.xml: the sheets in the order Excel shows them (names decoded once, by the one
 * XML parser), each with its relationship id, and the defined names with their scope.
 */
import { damaged, WorkbookReadError } from "./errors";
import { countText, ReaderLimits } from "./limits";
import { Tag, TagKind, XmlScanner } from "./xml";

export interface ListedSheet {
  name: string;
  /** The `r:id` of the sheet's part; undefined when the entry has none. */
  relationshipId?: string;
}

export interface ListedName {
  name: string;
  /** 0-based position in the sheet list, for a name scoped to one sheet. */
  localSheetId?: number;
  reference: string;
}

export interface WorkbookPart {
  sheets: ListedSheet[];
  names: ListedName[];
  /** Dates count from 1904 (old Mac workbooks) instead of 1900. */
  date1904: boolean;
}

const RELATIONSHIP_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);

/** The `r:id` of a <sheet>: the `id` attribute in the relationships namespace, whatever its prefix. */
function relationshipId(scanner: XmlScanner, tag: Tag, attributes: Map<string, string>): string | undefined {
  for (const [name, value] of attributes) {
    const colon = name.indexOf(":");
    if (colon < 0 || name.slice(colon + 1) !== "id") continue;
    if (RELATIONSHIP_NAMESPACES.has(scanner.namespaceOf(name.slice(0, colon), tag) ?? "")) return value;
  }
  return undefined;
}

export function readWorkbookPart(scanner: XmlScanner, limits: ReaderLimits): WorkbookPart {
  const out: WorkbookPart = { sheets: [], names: [], date1904: false };
  const seen = new Set<string>();
  for (let tag = scanner.nextTag(); tag; tag = scanner.nextTag()) {
    if (tag.kind === TagKind.Close) continue;
    // Depth of the tag itself: an open tag is already on the stack.
    const level = scanner.depth - (tag.kind === TagKind.Open ? 1 : 0);
    const parent = scanner.localAt(level - 1);
    if (level === 1 && tag.local === "workbookPr") {
      const v = scanner.attributes(tag).get("date1904");
      out.date1904 = v === "1" || v === "true";
    } else if (level === 2 && parent === "sheets" && tag.local === "sheet") {
      if (out.sheets.length >= limits.sheets)
        throw new WorkbookReadError(`Die Arbeitsmappe hat mehr als ${countText(limits.sheets)} Blätter; so viele werden nicht gelesen.`);
      const a = scanner.attributes(tag);
      const name = a.get("name");
      if (name === undefined || name === "") throw damaged("xl/workbook.xml: ein Blatt ohne Namen");
      // Excel refuses two sheets whose names differ only in case; a check must not pick one of them.
      const key = name.toLowerCase();
      if (seen.has(key)) throw damaged(`zwei Blätter heißen „${name}“`);
      seen.add(key);
      out.sheets.push({ name, relationshipId: relationshipId(scanner, tag, a) });
      scanner.skip(tag);
    } else if (level === 2 && parent === "definedNames" && tag.local === "definedName") {
      if (out.names.length >= limits.definedNames)
        throw new WorkbookReadError(`Die Arbeitsmappe hat mehr als ${countText(limits.definedNames)} definierte Namen; so viele werden nicht gelesen.`);
      const a = scanner.attributes(tag);
      const name = a.get("name");
      if (name === undefined) throw damaged("xl/workbook.xml: ein definierter Name ohne Namen");
      const local = a.get("localSheetId");
      const localSheetId = local === undefined ? undefined : /^\d{1,6}$/.test(local) ? Number(local) : NaN;
      if (Number.isNaN(localSheetId)) throw damaged(`xl/workbook.xml: der Name „${name}“ hat ein ungültiges localSheetId`);
      out.names.push({ name, localSheetId, reference: scanner.textContent(tag) });
    }
  }
  return out;
}
