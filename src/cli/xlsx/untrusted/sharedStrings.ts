/**
 * xl/sharedStrings.xml: the texts cells refer to by index. A rich text is the concatenation
 * of its runs; phonetic guides (`<rPh>`) are not part of the text Excel shows.
 */
import { WorkbookReadError } from "./errors";
import { countText, ReaderLimits } from "./limits";
import { TagKind, XmlScanner } from "./xml";

/** `_x000A_` is how OOXML writes a character XML cannot carry; `_x005F_` escapes the underscore. */
export function decodeOoxmlEscapes(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

export function readSharedStrings(scanner: XmlScanner, limits: ReaderLimits): string[] {
  const out: string[] = [];
  let current: string | undefined;
  let inPhonetic = 0;
  for (let tag = scanner.nextTag(); tag; tag = scanner.nextTag()) {
    const level = scanner.depth - (tag.kind === TagKind.Open ? 1 : 0);
    if (tag.local === "si" && level === 1) {
      if (tag.kind === TagKind.Empty) out.push("");
      // The usual <si><t>text</t></si> in one step.
      else if (tag.kind === TagKind.Open && scanner.simpleChildren(tag, "t")) {
        const { firstStart, firstEnd } = scanner.simple;
        const text = firstStart < 0 ? "" : decodeOoxmlEscapes(scanner.simpleText(firstStart, firstEnd));
        if (text.length > limits.stringLength)
          throw new WorkbookReadError(`xl/sharedStrings.xml enthält einen Text von mehr als ${countText(limits.stringLength)} Zeichen.`);
        out.push(text);
      }
      else if (tag.kind === TagKind.Open) current = "";
      else if (current !== undefined) {
        out.push(current);
        current = undefined;
      }
      continue;
    }
    if (current === undefined) continue;
    if (tag.local === "rPh") {
      if (tag.kind === TagKind.Open) inPhonetic++;
      else if (tag.kind === TagKind.Close) inPhonetic--;
      continue;
    }
    if (tag.local === "t" && tag.kind !== TagKind.Close && inPhonetic === 0) {
      current += decodeOoxmlEscapes(scanner.textContent(tag));
      if (current.length > limits.stringLength)
        throw new WorkbookReadError(`xl/sharedStrings.xml enthält einen Text von mehr als ${countText(limits.stringLength)} Zeichen.`);
    }
  }
  return out;
}
