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
/** Characters XML 1.0 does not allow in a document (other controls than TAB, LF, CR; U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** `\s` of a JavaScript regex (what the tag syntax was first written with): ASCII and Unicode spaces, line ends, BOM. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x9 && c <= 0xd);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A character of an element or attribute name as the scanner delimits it: anything but space and `/ > " ' = <`. */
function isNameChar(c: number): boolean {
  return !(c === 0x2f || c === 0x3e || c === 0x22 || c === 0x27 || c === 0x3d || c === 0x3c || isSpace(c));
}

/** Whether `text` at `at` starts with the ASCII letters `upper`, in either case (as a regex's `i` matches them). */
function startsWithLetters(text: string, at: number, upper: string): boolean {
  if (at + upper.length > text.length) return false;
  for (let i = 0; i < upper.length; i++) {
    const c = text.charCodeAt(at + i);
    if (c !== upper.charCodeAt(i) && c !== (upper.charCodeAt(i) | 0x20)) return false;
  }
  return true;
}

/** `<!DOCTYPE` or `<!ENTITY` anywhere, in any case. */
function hasDeclaration(text: string): boolean {
  for (let at = text.indexOf("<!"); at >= 0; at = text.indexOf("<!", at + 2))
    if (startsWithLetters(text, at + 2, "DOCTYPE") || startsWithLetters(text, at + 2, "ENTITY")) return true;
  return false;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** An "&" that does not start one of the five predefined entities or a character reference. */
function hasBadAmpersand(text: string): boolean {
  for (let at = text.indexOf("&"); at >= 0; at = text.indexOf("&", at + 1)) {
    const p = at + 1;
    if (text.charCodeAt(p) === 0x23 /* # */) {
      const hex = text.charCodeAt(p + 1) === 0x78; /* x */
      let q = hex ? p + 2 : p + 1;
      const first = q;
      while (q < text.length && (hex ? isHexDigit(text.charCodeAt(q)) : isDigit(text.charCodeAt(q)))) q++;
      if (q > first && text.charCodeAt(q) === 0x3b) continue;
      return true;
    }
    if (text.startsWith("amp;", p) || text.startsWith("lt;", p) || text.startsWith("gt;", p) || text.startsWith("quot;", p) || text.startsWith("apos;", p)) continue;
    return true;
  }
  return false;
}

/** Whether the attribute text needs the full parse: a single quote, a reference or a whitespace character to normalise. */
function needsFullParse(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 || c === 0x26 || c === 0x9 || c === 0xa || c === 0xd) return true;
  }
  return false;
}

function hasLineOrTab(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x9 || c === 0xa || c === 0xd) return true;
  }
  return false;
}

/** What `sheetDataStep` took. */
export const enum SheetItem {
  /** Nothing: the next markup is read tag by tag. */
  None = 0,
  /** A `<row>` opened (its `r` in `sheetSpans`). */
  Row = 1,
  /** A whole `<c>` (its attributes' and children's spans in `sheetSpans`). */
  Cell = 2,
  /** The open `<row>` closed. */
  RowEnd = 3,
}

/** The stack entry of every `<row>` the sheet step opens: one object, not one per row. */
const ROW_FRAME: { name: string; local: string } = Object.freeze({ name: "row", local: "row" });

const ATTRIBUTE_KEYS = new Map<string, string>();

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
    // indexOf over the part instead of regexes: these run once per part, over every character.
    if (hasDeclaration(text))
      throw new WorkbookReadError(`${part} enthält eine DTD oder Entitäten (<!DOCTYPE>, <!ENTITY>); solche Dateien werden nicht gelesen.`);
    if (hasBadAmpersand(text)) throw this.malformed("ein „&“ ist kein bekanntes Zeichen");
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
        const open = this.stack.pop();
        // The usual case without a slice: the open name, then nothing or spaces up to ">".
        let same = !!open && text.startsWith(open.name, lt + 2);
        for (let i = lt + 2 + (open?.name.length ?? 0); same && i < end; i++) if (!isSpace(text.charCodeAt(i))) same = false;
        if (!open || !same) {
          const name = text.slice(lt + 2, end).trimEnd();
          if (!open || open.name !== name) throw this.malformed(`</${name}> schließt ${open ? `<${open.name}>` : "kein Element"}`);
        }
        if (this.stack.length === 0) this.rootClosed = true;
        this.pos = end + 1;
        return { kind: TagKind.Close, name: open.name, local: open.local, attributeText: "" };
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
    // By hand, one pass with charCodeAt (a regex per tag was most of the scanning time):
    // name, then `name="value"` pairs each after whitespace (values hold no "<", may hold ">"),
    // then optional whitespace and "/>" or ">". Anything else is an invalid tag.
    const text = this.text;
    const n = text.length;
    let p = lt + 1;
    while (p < n && isNameChar(text.charCodeAt(p))) p++;
    const nameEnd = p;
    let end = -1;
    let empty = false;
    if (nameEnd > lt + 1) {
      for (;;) {
        let q = p;
        while (q < n && isSpace(text.charCodeAt(q))) q++;
        const c = text.charCodeAt(q);
        if (q > p && q < n && isNameChar(c)) {
          let r = q + 1;
          while (r < n && isNameChar(text.charCodeAt(r))) r++;
          while (r < n && isSpace(text.charCodeAt(r))) r++;
          if (text.charCodeAt(r) !== 0x3d /* = */) break;
          r++;
          while (r < n && isSpace(text.charCodeAt(r))) r++;
          const quote = text.charCodeAt(r);
          if (quote !== 0x22 && quote !== 0x27) break;
          r++;
          while (r < n && text.charCodeAt(r) !== quote && text.charCodeAt(r) !== 0x3c) r++;
          if (r >= n || text.charCodeAt(r) !== quote) break;
          p = r + 1;
          continue;
        }
        if (c === 0x3e /* > */) end = q;
        else if (c === 0x2f /* / */ && text.charCodeAt(q + 1) === 0x3e) { end = q + 1; empty = true; }
        break;
      }
    }
    if (end < 0) throw this.malformed(text.indexOf(">", lt) < 0 ? "ein Tag wird nicht geschlossen" : "ein Tag ist ungültig");
    const name = text.slice(lt + 1, nameEnd);
    if (this.rootClosed) throw this.malformed("mehr als ein Wurzelelement");
    const tag: Tag = { kind: empty ? TagKind.Empty : TagKind.Open, name, local: localOf(name), attributeText: text.slice(nameEnd, p) };
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
    const n = text.length;
    // By hand, as the tag was scanned: whitespace, name, "=", a quoted value without "<"; repeated.
    let at = 0;
    for (;;) {
      let p = at;
      while (p < n && isSpace(text.charCodeAt(p))) p++;
      if (p === at) break;
      let q = p;
      while (q < n && isNameChar(text.charCodeAt(q))) q++;
      if (q === p) break;
      let r = q;
      while (r < n && isSpace(text.charCodeAt(r))) r++;
      if (text.charCodeAt(r) !== 0x3d /* = */) break;
      r++;
      while (r < n && isSpace(text.charCodeAt(r))) r++;
      const quote = text.charCodeAt(r);
      if (quote !== 0x22 && quote !== 0x27) break;
      let end = r + 1;
      while (end < n && text.charCodeAt(end) !== quote && text.charCodeAt(end) !== 0x3c) end++;
      if (end >= n || text.charCodeAt(end) !== quote) break;
      const name = text.slice(p, q);
      if (out.has(name)) throw this.malformed(`das Attribut ${name} steht zweimal in <${tag.name}>`);
      out.set(name, this.attributeValue(text.slice(r + 1, end)));
      at = end + 1;
    }
    while (at < n && isSpace(text.charCodeAt(at))) at++;
    if (at < n) throw this.malformed(`die Attribute von <${tag.name}> sind ungültig`);
    return out;
  }

  /**
   * One attribute by qualified name — fast path for the many cells of a sheet; falls back to
   * the full parse when the value needs decoding or the text is unusual.
   */
  attribute(tag: Tag, name: string): string | undefined {
    const text = tag.attributeText;
    // Plain double-quoted values without references: the value is the text between the quotes.
    tag.plain ??= !needsFullParse(text);
    if (tag.plain) {
      let key = ATTRIBUTE_KEYS.get(name);
      if (key === undefined) ATTRIBUTE_KEYS.set(name, (key = ` ${name}="`));
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
    if (hasLineOrTab(v)) v = v.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " ");
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

  /** Spans of the texts `simpleChildren` found (start, end; -1 for none): `first` of the first child name, `second` of the other. */
  readonly simple = { firstStart: -1, firstEnd: -1, secondStart: -1, secondEnd: -1 };

  /**
   * Fast path for the usual content of an element just opened (a sheet's `<c>`, a shared
   * string's `<si>`): at most one child of each of the one-letter names given (`v` and `f`,
   * or `t`), without attributes and holding plain text, between them only text, then the
   * element's end tag. Then it moves past that end tag — as `nextTag` would, tag by tag —
   * records the children's text spans in `simple` and returns true; for anything else
   * (CDATA, comments, attributes, other children, a prefix) it returns false and moves
   * nothing, and the caller reads tag by tag. Three tags fewer per cell than the general loop.
   */
  simpleChildren(open: Tag, first: string, second?: string): boolean {
    if (open.kind !== TagKind.Open || this.stack.length >= this.limits.xmlDepth) return false;
    const text = this.text;
    const span = this.simple;
    const a = first.charCodeAt(0);
    const b = second === undefined ? -1 : second.charCodeAt(0);
    span.firstStart = span.secondStart = -1;
    let p = this.pos;
    for (;;) {
      const lt = text.indexOf("<", p);
      if (lt < 0) return false;
      const c = text.charCodeAt(lt + 1);
      if (c === 0x2f /* / */) {
        const name = open.name;
        if (!text.startsWith(name, lt + 2) || text.charCodeAt(lt + 2 + name.length) !== 0x3e) return false;
        this.deadline.check();
        this.stack.pop();
        this.pos = lt + 3 + name.length;
        return true;
      }
      // "<v>" exactly, text without "<", then "</v>" exactly.
      if ((c !== a && c !== b) || text.charCodeAt(lt + 2) !== 0x3e) return false;
      const end = text.indexOf("<", lt + 3);
      if (end < 0 || text.charCodeAt(end + 1) !== 0x2f || text.charCodeAt(end + 2) !== c || text.charCodeAt(end + 3) !== 0x3e) return false;
      if (c === a) {
        if (span.firstStart >= 0) return false;
        span.firstStart = lt + 3;
        span.firstEnd = end;
      } else {
        if (span.secondStart >= 0) return false;
        span.secondStart = lt + 3;
        span.secondEnd = end;
      }
      p = end + 4;
    }
  }

  /** The part's text, for readers that take spans of it (`sheetDataStep`) instead of tag objects. */
  get source(): string {
    return this.text;
  }

  /** Spans of what `sheetDataStep` found in the part's text (start, end; -1 for none). */
  readonly sheetSpans = { rStart: -1, rEnd: -1, sStart: -1, sEnd: -1, tStart: -1, tEnd: -1, vStart: -1, vEnd: -1, fStart: -1, fEnd: -1 };

  /**
   * The dedicated step of a worksheet's `<sheetData>` (the caller calls it only there: inside
   * `<sheetData>` for a `<row>`, inside one of its `<row>`s for a `<c>` or `</row>`). It takes
   * the usual shapes Excel and exceljs write in one go, without a Tag object, a slice or a
   * Map: `<row …>`, `</row>`, `<c …/>` and `<c …>` holding at most one plain `<v>` and one
   * plain `<f>` (as `simpleChildren`) before `</c>`. The attributes are checked with the same
   * syntax `nextTag` checks; `r`, `s`, `t` are recorded as spans in `sheetSpans`. Only plain
   * double-quoted values without references, line ends or tabs are taken, and no `xmlns`.
   * For anything else (other elements, a prefix, a shared formula, inline text, CDATA,
   * comments, a value to decode, a repeated r/s/t) it returns SheetItem.None and moves
   * nothing: the caller then reads that markup tag by tag, as before — the result is the same.
   */
  sheetDataStep(): SheetItem {
    const text = this.text;
    const n = text.length;
    const lt = text.indexOf("<", this.pos);
    if (lt < 0) return SheetItem.None;
    const stack = this.stack;
    const c1 = text.charCodeAt(lt + 1);
    if (c1 === 0x2f /* / */) {
      // "</row>" closing the open <row> (its exact name, no spaces).
      const top = stack[stack.length - 1];
      if (top?.name !== "row" || !text.startsWith("row>", lt + 2)) return SheetItem.None;
      this.deadline.check();
      stack.pop();
      this.pos = lt + 6;
      return SheetItem.RowEnd;
    }
    const isRow = c1 === 0x72 /* r */ && text.startsWith("ow", lt + 2) && stack[stack.length - 1]?.local === "sheetData";
    const isCell = !isRow && c1 === 0x63 /* c */ && stack[stack.length - 1]?.local === "row";
    if (!isRow && !isCell) return SheetItem.None;
    let p = lt + (isRow ? 4 : 2);
    if (p < n && isNameChar(text.charCodeAt(p))) return SheetItem.None;
    const span = this.sheetSpans;
    span.rStart = span.sStart = span.tStart = span.vStart = span.fStart = -1;
    // The attributes, as openTag scans them: each after whitespace, name, "=", a quoted value.
    let end = -1;
    let empty = false;
    for (;;) {
      let q = p;
      while (q < n && isSpace(text.charCodeAt(q))) q++;
      const c = text.charCodeAt(q);
      if (q > p && q < n && isNameChar(c)) {
        const nameStart = q;
        let r = q + 1;
        while (r < n && isNameChar(text.charCodeAt(r))) r++;
        const nameEnd = r;
        while (r < n && isSpace(text.charCodeAt(r))) r++;
        if (text.charCodeAt(r) !== 0x3d /* = */) return SheetItem.None;
        r++;
        while (r < n && isSpace(text.charCodeAt(r))) r++;
        if (text.charCodeAt(r) !== 0x22 /* " */) return SheetItem.None;
        const valueStart = ++r;
        for (; r < n; r++) {
          const v = text.charCodeAt(r);
          if (v === 0x22 || v === 0x3c || v === 0x26 || v === 0x9 || v === 0xa || v === 0xd) break;
        }
        if (r >= n || text.charCodeAt(r) !== 0x22) return SheetItem.None;
        // Whitespace between attributes that `attributes` would normalise: the general path.
        for (let w = p; w < nameStart; w++) if (text.charCodeAt(w) !== 0x20) return SheetItem.None;
        if (nameEnd - nameStart === 1) {
          const a = c;
          if (a === 0x72 /* r */) {
            if (span.rStart >= 0) return SheetItem.None;
            span.rStart = valueStart;
            span.rEnd = r;
          } else if (a === 0x73 /* s */) {
            if (span.sStart >= 0) return SheetItem.None;
            span.sStart = valueStart;
            span.sEnd = r;
          } else if (a === 0x74 /* t */) {
            if (span.tStart >= 0) return SheetItem.None;
            span.tStart = valueStart;
            span.tEnd = r;
          }
        } else if (text.startsWith("xmlns", nameStart)) return SheetItem.None;
        p = r + 1;
        continue;
      }
      if (c === 0x3e /* > */) end = q;
      else if (c === 0x2f /* / */ && text.charCodeAt(q + 1) === 0x3e) { end = q + 1; empty = true; }
      break;
    }
    if (end < 0) return SheetItem.None;
    if (isRow) {
      if (empty || stack.length >= this.limits.xmlDepth) return SheetItem.None;
      this.deadline.check();
      stack.push(ROW_FRAME);
      this.pos = end + 1;
      return SheetItem.Row;
    }
    if (empty) {
      this.deadline.check();
      this.pos = end + 1;
      return SheetItem.Cell;
    }
    if (stack.length >= this.limits.xmlDepth) return SheetItem.None;
    // The children, as simpleChildren("v", "f"): "<v>" exactly, text without "<", "</v>" exactly; then "</c>".
    for (let at = end + 1; ; ) {
      const open = text.indexOf("<", at);
      if (open < 0) return SheetItem.None;
      const c = text.charCodeAt(open + 1);
      if (c === 0x2f /* / */) {
        if (text.charCodeAt(open + 2) !== 0x63 /* c */ || text.charCodeAt(open + 3) !== 0x3e) return SheetItem.None;
        this.deadline.check();
        this.pos = open + 4;
        return SheetItem.Cell;
      }
      if ((c !== 0x76 /* v */ && c !== 0x66) /* f */ || text.charCodeAt(open + 2) !== 0x3e) return SheetItem.None;
      const close = text.indexOf("<", open + 3);
      if (close < 0 || text.charCodeAt(close + 1) !== 0x2f || text.charCodeAt(close + 2) !== c || text.charCodeAt(close + 3) !== 0x3e) return SheetItem.None;
      if (c === 0x76) {
        if (span.vStart >= 0) return SheetItem.None;
        span.vStart = open + 3;
        span.vEnd = close;
      } else {
        if (span.fStart >= 0) return SheetItem.None;
        span.fStart = open + 3;
        span.fEnd = close;
      }
      at = close + 4;
    }
  }

  /** The decoded text of a span `simpleChildren` found: what `textContent` gives for plain text. */
  simpleText(start: number, end: number): string {
    return this.characterData(this.text.slice(start, end));
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
