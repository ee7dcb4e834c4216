/**
 * Package relationships (Open Packaging Conventions): which part is the workbook, and which
 * part each sheet's `r:id` stands for. Targets are resolved against the part that names them.
 */
import { damaged } from "./errors";
import { TagKind, XmlScanner } from "./xml";

export interface Relationship {
  type: string;
  /** Part name inside the package ("xl/worksheets/sheet1.xml"); undefined for external targets. */
  target?: string;
}

/** The .rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels", "" (the package) → "_rels/.rels". */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target URI relative to the folder of `source` (or absolute from the package root) as a part name. */
export function resolveTarget(source: string, target: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(target.split("#")[0]);
  } catch {
    return undefined;
  }
  const segments = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.length === 0 ? undefined : segments.join("/");
}

/** The relationships of `source` by id, from the scanner over its .rels part. */
export function readRelationships(scanner: XmlScanner, source: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  for (let tag = scanner.nextTag(); tag; tag = scanner.nextTag()) {
    if (tag.kind === TagKind.Close || tag.local !== "Relationship" || scanner.depth !== (tag.kind === TagKind.Open ? 2 : 1)) continue;
    const a = scanner.attributes(tag);
    const id = a.get("Id");
    const type = a.get("Type") ?? "";
    const target = a.get("Target");
    if (id === undefined || target === undefined) throw damaged(`${scanner.part}: eine Beziehung ohne Id oder Ziel`);
    if (out.has(id)) throw damaged(`${scanner.part}: die Beziehung ${id} steht zweimal`);
    out.set(id, { type, target: a.get("TargetMode") === "External" ? undefined : resolveTarget(source, target) });
  }
  return out;
}

/** Relationship types end in the same word in transitional and strict OOXML ("…/officeDocument", "…/worksheet"). */
export function isType(rel: Relationship, word: string): boolean {
  return rel.type.endsWith(`/${word}`);
}
