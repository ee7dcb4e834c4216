/**
 * The one XML parser of the untrusted-workbook reader: a pull scanner over a part's text that
 * yields tags and decodes only the text and attributes asked for. It is strict where strict
 * matters for a check that must see what Excel sees — well-formed nesting, one root, the five
 * predefined entities and character references decoded the same way everywhere (`&#65;` is
 * "A" in a sheet name as in a cell), attribute values normalised as XML requires (a literal
 * TAB in `name="…"` is a space, `&#9;` a TAB) — and it refuses what a document from a
 * stranger has no business containing: a DTD or entity declarations, characters XML forbids,
 * nesting deeper than the bound, texts longer than the bound.
 *
 * fast-xml-parser builds the whole tree (a 50 MB sheet becomes hundreds of MB of objects) and
 * left character references in attributes undecoded; hence this scanner.
 */
import { damaged, WorkbookReadError } from "./errors";
import { countText, Deadline, ReaderLimits } from "./limits";

export const enum TagKind {
  Open = 1,
  Close = 2,
  Empty = 3,
}

export interface Tag {
  kind: TagKind;
  /** Qualified name as written ("x:sheet"). */
  name: string;
  /** Name without prefix ("sheet"). */
  local: string;
  /** Text of the attributes, between the name and ">" or "/>". */
  attributeText: string;
  /** Whether the attributes are plain `name="value"` pairs without references (computed once). */
  plain?: boolean;
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;
const BAD_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
/** Characters XML 1.0 does not allow in a document (other controls than TAB, LF, CR; U+FFFE/FFFF). */
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const ATTRIBUTE = /\s+([^\s=/>"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TRAILING = /\s*$/y;
const OPEN_TAG = /<([^\s/>"'=<]+)((?:\s+[^\s=/>"'<]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function localOf(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

export class XmlScanner {
  private pos = 0;
  private readonly stack: { name: string; local: string; namespaces?: Map<string, string> }[] = [];
  private rootClosed = false;

  constructor(
    readonly part: string,
    private readonly text: string,
    private readonly limits: ReaderLimits,
    private readonly deadline: Deadline,
  ) {
    if (/<!DOCTYPE|<!ENTITY/i.test(text))
      throw new WorkbookReadError(`${part} enthält eine DTD oder Entitäten (<!DOCTYPE>, <!ENTITY>); solche Dateien werden nicht gelesen.`);
    if (BAD_AMPERSAND.test(text)) throw this.malformed("ein „&“ ist kein bekanntes Zeichen");
    if (FORBIDDEN_CHAR.test(text)) throw this.malformed("es enthält Steuerzeichen, die XML nicht erlaubt");
  }

  malformed(reason: string): WorkbookReadError {
    return damaged(`${this.part}: ungültiges XML – ${reason}`);
  }

  /** Elements open around the scanner's position, outermost first (local names). */
  get depth(): number {
    return this.stack.length;
  }

  localAt(level: number): string | undefined {
    return this.stack[level]?.local;
  }

  /** The next tag, skipping text, comments and processing instructions; undefined at the end of the document. */
  nextTag(): Tag | undefined {
    const text = this.text;
    for (;;) {
      this.deadline.check();
      const lt = text.indexOf("<", this.pos);
      if (this.stack.length === 0 && /\S/.test(text.slice(this.pos, lt < 0 ? text.length : lt)))
        throw this.malformed("Text außerhalb des Wurzelelements");
      if (lt < 0) {
        if (this.stack.length > 0) throw this.malformed(`<${this.stack[this.stack.length - 1].name}> wird nicht geschlossen`);
        if (!this.rootClosed) throw this.malformed("kein Wurzelelement");
        this.pos = text.length;
        return undefined;
      }
      const next = text.charCodeAt(lt + 1);
      if (next === 0x21 /* ! */) {
        if (text.startsWith("<!--", lt)) this.pos = this.after("-->", lt + 4);
        else if (text.startsWith("<![CDATA[", lt)) {
          if (this.stack.length === 0) throw this.malformed("CDATA außerhalb des Wurzelelements");
          this.pos = this.after("]]>", lt + 9);
        } else throw this.malformed("unbekannte Deklaration");
        continue;
      }
      if (next === 0x3f /* ? */) {
        this.pos = this.after("?>", lt + 2);
        continue;
      }
      if (next === 0x2f /* / */) {
        const end = text.indexOf(">", lt);
        if (end < 0) throw this.malformed("Datei endet in einem Tag");
        const name = text.slice(lt + 2, end).trimEnd();
        const open = this.stack.pop();
        if (!open || open.name !== name) throw this.malformed(`</${name}> schließt ${open ? `<${open.name}>` : "kein Element"}`);
        if (this.stack.length === 0) this.rootClosed = true;
        this.pos = end + 1;
        return { kind: TagKind.Close, name, local: open.local, attributeText: "" };
      }
      return this.openTag(lt);
    }
  }

  private after(marker: string, from: number): number {
    const end = this.text.indexOf(marker, from);
    if (end < 0) throw this.malformed(`Datei endet vor „${marker}“`);
    return end + marker.length;
  }

  private openTag(lt: number): Tag {
    // One native match for the whole tag: name, attributes (values may hold ">"), "/>" or ">".
    OPEN_TAG.lastIndex = lt;
    const m = OPEN_TAG.exec(this.text);
    if (!m) throw this.malformed(this.text.indexOf(">", lt) < 0 ? "ein Tag wird nicht geschlossen" : "ein Tag ist ungültig");
    const name = m[1];
    const empty = m[3] === "/";
    const end = OPEN_TAG.lastIndex - 1;
    if (this.rootClosed) throw this.malformed("mehr als ein Wurzelelement");
    const tag: Tag = { kind: empty ? TagKind.Empty : TagKind.Open, name, local: localOf(name), attributeText: m[2] };
    this.pos = end + 1;
    const namespaces = tag.attributeText.includes("xmlns") ? this.declaredNamespaces(tag) : undefined;
    if (!empty) {
      if (this.stack.length >= this.limits.xmlDepth) throw new WorkbookReadError(`${this.part} ist tiefer als ${countText(this.limits.xmlDepth)} Ebenen verschachtelt.`);
      this.stack.push({ name, local: tag.local, namespaces });
    } else if (this.stack.length === 0) this.rootClosed = true;
    return tag;
  }

  private declaredNamespaces(tag: Tag): Map<string, string> {
    const map = new Map<string, string>();
    for (const [name, value] of this.attributes(tag)) {
      if (name === "xmlns") map.set("", value);
      else if (name.startsWith("xmlns:")) map.set(name.slice(6), value);
    }
    return map;
  }

  /** Every attribute of the tag, decoded, by qualified name. */
  attributes(tag: Tag): Map<string, string> {
    const out = new Map<string, string>();
    const text = tag.attributeText;
    ATTRIBUTE.lastIndex = 0;
    let at = 0;
    for (;;) {
      ATTRIBUTE.lastIndex = at;
      const m = ATTRIBUTE.exec(text);
      if (!m) break;
      if (out.has(m[1])) throw this.malformed(`das Attribut ${m[1]} steht zweimal in <${tag.name}>`);
      out.set(m[1], this.attributeValue(m[2] ?? m[3]));
      at = ATTRIBUTE.lastIndex;
    }
    TRAILING.lastIndex = at;
    if (!TRAILING.test(text)) throw this.malformed(`die Attribute von <${tag.name}> sind ungültig`);
    return out;
  }

  /**
   * One attribute by qualified name — fast path for the many cells of a sheet; falls back to
   * the full parse when the value needs decoding or the text is unusual.
   */
  attribute(tag: Tag, name: string): string | undefined {
    const text = tag.attributeText;
    // Plain double-quoted values without references: the value is the text between the quotes.
    tag.plain ??= !/['&\t\n\r]/.test(text);
    if (tag.plain) {
      const key = ` ${name}="`;
      const at = text.indexOf(key);
      if (at < 0 && !text.includes(name)) return undefined;
      const end = at < 0 ? -1 : text.indexOf('"', at + key.length);
      if (end >= 0) return text.slice(at + key.length, end);
    }
    return this.attributes(tag).get(name);
  }

  /** The namespace URI a prefix stands for at this tag ("" for none). */
  namespaceOf(prefix: string, tag?: Tag): string | undefined {
    if (tag && tag.attributeText.includes("xmlns")) {
      const own = this.declaredNamespaces(tag).get(prefix);
      if (own !== undefined) return own;
    }
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const uri = this.stack[i].namespaces?.get(prefix);
      if (uri !== undefined) return uri;
    }
    return undefined;
  }

  /** Attribute value as XML defines it: line ends and whitespace characters become spaces, then references are decoded. */
  private attributeValue(raw: string): string {
    let v = raw;
    if (/[\t\n\r]/.test(v)) v = v.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " ");
    return this.decode(v);
  }

  private decode(raw: string): string {
    if (!raw.includes("&")) return raw;
    return raw.replace(REFERENCE, (_, ref: string) => {
      if (ref.charCodeAt(0) !== 0x23) {
        const ch = PREDEFINED[ref];
        if (ch === undefined) throw this.malformed(`unbekannte Entität &${ref};`);
        return ch;
      }
      const code = ref.charCodeAt(1) === 0x78 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!isXmlChar(code)) throw this.malformed(`&${ref}; ist kein erlaubtes Zeichen`);
      return String.fromCodePoint(code);
    });
  }

  /**
   * The text of the element `tag` just opened, up to its end tag (CDATA included, comments
   * skipped); an element inside it is malformed for the parts read this way (`<v>`, `<f>`, `<t>`).
   */
  textContent(tag: Tag): string {
    if (tag.kind === TagKind.Empty) return "";
    const text = this.text;
    let out = "";
    for (;;) {
      this.deadline.check();
      const lt = text.indexOf("<", this.pos);
      if (lt < 0) throw this.malformed(`<${tag.name}> wird nicht geschlossen`);
      if (lt > this.pos) out += this.characterData(text.slice(this.pos, lt));
      if (text.startsWith("<![CDATA[", lt)) {
        const end = this.after("]]>", lt + 9);
        out += text.slice(lt + 9, end - 3).replace(/\r\n?/g, "\n");
        this.pos = end;
      } else if (text.startsWith("<!--", lt)) this.pos = this.after("-->", lt + 4);
      else if (text.startsWith("<?", lt)) this.pos = this.after("?>", lt + 2);
      else if (text.charCodeAt(lt + 1) === 0x2f) {
        this.pos = lt;
        const close = this.nextTag();
        if (!close || close.kind !== TagKind.Close) throw this.malformed(`<${tag.name}> wird nicht geschlossen`);
        return out;
      } else throw this.malformed(`unerwartetes Element in <${tag.name}>`);
      if (out.length > this.limits.stringLength)
        throw new WorkbookReadError(`${this.part} enthält einen Text von mehr als ${countText(this.limits.stringLength)} Zeichen.`);
    }
  }

  private characterData(raw: string): string {
    return this.decode(raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw);
  }

  /** Skips the rest of the element `tag` just opened, whatever it holds. */
  skip(tag: Tag): void {
    if (tag.kind !== TagKind.Open) return;
    const depth = this.stack.length - 1;
    while (this.stack.length > depth) if (!this.nextTag()) return;
  }

  /** After the last tag: the document must be complete. */
  finish(): void {
    while (this.nextTag()) {
      /* the rest is well-formed or the scanner throws */
    }
  }
}

/**
 * A part's bytes as text: UTF-8 (with or without byte-order mark) or UTF-16 by its mark, else
 * the encoding its XML declaration names. Bytes that are not valid in it make the part damaged
 * — a replacement character could hide a difference between what we read and Excel shows.
 */
export function decodeXmlBytes(part: string, data: Buffer): string {
  let encoding = "utf-8";
  let start = 0;
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) start = 3;
  else if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) [encoding, start] = ["utf-16le", 2];
  else if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) [encoding, start] = ["utf-16be", 2];
  else if (data.length >= 4 && data[0] === 0x3c && data[1] === 0x00 && data[2] === 0x3f && data[3] === 0x00) encoding = "utf-16le";
  else if (data.length >= 4 && data[0] === 0x00 && data[1] === 0x3c && data[2] === 0x00 && data[3] === 0x3f) encoding = "utf-16be";
  else {
    const declared = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(data.subarray(0, 200).toString("latin1"));
    if (declared && !/^utf-?8$/i.test(declared[1])) encoding = declared[1].toLowerCase();
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    throw damaged(`${part}: unbekannte Zeichenkodierung ${encoding}`);
  }
  try {
    return decoder.decode(data.subarray(start));
  } catch {
    throw damaged(`${part}: kein gültiges ${encoding.toUpperCase()}`);
  }
}
