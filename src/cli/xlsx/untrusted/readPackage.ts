/**
 * The untrusted-workbook reader itself, without Node: bytes in (a `ByteSource`), inflation
 * through an `Inflater` (node's zlib in the CLI, the browser's DecompressionStream in the
 * pane), the core's `WorkbookSnapshot` out. `readWorkbook.ts` describes the steps and binds it
 * to files and zlib for the CLI; the task pane binds it to picked files — one reader for both.
 */
import type { DefinedNameSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../../core/workbook";
import { cellDemand } from "../../../core/read/cellDemand";
import { checkContainer, unreadableZip } from "./container";
import { damaged, NOT_A_WORKBOOK, WorkbookReadError } from "./errors";
import { bufferSource, ByteSource } from "./bytes";
import type { Inflater } from "./inflate";
import { countText, Deadline, DEFAULT_LIMITS, ReaderLimits } from "./limits";
import { isType, readRelationships, relationshipsPartOf, Relationship } from "./relationships";
import { readSharedStrings } from "./sharedStrings";
import { readDateStyles } from "./styles";
import { readWorkbookPart } from "./workbookPart";
import { readWorksheet, SheetContext } from "./worksheet";
import { decodeXmlBytes, XmlScanner } from "./xml";
import { UnreadableZip, ZipArchive } from "./zip";


export interface ReaderOptions {
  /** Tighter or looser bounds than DEFAULT_LIMITS (tests; a caller that knows better). */
  limits?: Partial<ReaderLimits>;
}

const NO_EMPTY_SET: ReadonlySet<string> = new Set();

class Package {
  constructor(
    readonly zip: ZipArchive,
    readonly limits: ReaderLimits,
    readonly deadline: Deadline,
  ) {}

  /** A scanner over bytes already inflated (the lazily parsed shared strings and styles). */
  scannerOf(part: string, bytes: Buffer): XmlScanner {
    return new XmlScanner(part, decodeXmlBytes(part, bytes), this.limits, this.deadline);
  }

  async scanner(part: string): Promise<XmlScanner> {
    return this.scannerOf(part, await this.zip.read(part));
  }

  async relationships(part: string): Promise<Map<string, Relationship> | undefined> {
    const rels = relationshipsPartOf(part);
    return this.zip.has(rels) ? readRelationships(await this.scanner(rels), part) : undefined;
  }
}

/** The workbook part: named by the package's officeDocument relationship, else where Excel puts it. */
async function workbookPartName(pkg: Package): Promise<string> {
  const root = pkg.zip.has("_rels/.rels") ? readRelationships(await pkg.scanner("_rels/.rels"), "") : undefined;
  const office = root && [...root.values()].find((r) => isType(r, "officeDocument") && r.target);
  const part = office?.target ?? "xl/workbook.xml";
  if (/\.bin$/i.test(part) && pkg.zip.has(part))
    throw new WorkbookReadError("Die Datei ist eine binäre Excel-Arbeitsmappe (.xlsb); bitte als .xlsx speichern.");
  if (!pkg.zip.has(part)) throw new WorkbookReadError(NOT_A_WORKBOOK);
  return part;
}

async function readPackage(pkg: Package): Promise<WorkbookSnapshot> {
  const { limits, deadline } = pkg;
  const workbookPart = await workbookPartName(pkg);
  const scanner = await pkg.scanner(workbookPart);
  const first = scanner.nextTag();
  if (!first || first.local !== "workbook") throw new WorkbookReadError(NOT_A_WORKBOOK);
  const listed = readWorkbookPart(scanner, limits);
  const rels = (await pkg.relationships(workbookPart)) ?? new Map<string, Relationship>();

  const sheetNames = listed.sheets.map((s) => s.name);
  const names: DefinedNameSnapshot[] = [];
  for (const n of listed.names) {
    if (n.localSheetId === undefined) names.push({ name: n.name, reference: n.reference });
    // A name scoped to a sheet that does not exist belongs to no sheet; it is not made workbook-wide.
    else if (n.localSheetId < sheetNames.length) names.push({ name: n.name, scope: sheetNames[n.localSheetId], reference: n.reference });
  }
  const demand = cellDemand(sheetNames, names, limits.namedCells);
  if (!demand)
    throw new WorkbookReadError(`Die definierten Namen der Arbeitsmappe verweisen auf mehr als ${countText(limits.namedCells)} Zellen; so viele werden nicht gelesen.`);

  const byType = (word: string, fallback: string): string | undefined => {
    const rel = [...rels.values()].find((r) => isType(r, word) && r.target && pkg.zip.has(r.target));
    return rel?.target ?? (pkg.zip.has(fallback) ? fallback : undefined);
  };
  let strings: string[] | undefined;
  let dates: boolean[] | undefined;
  // Inflated before the sheets (inflating may be asynchronous), parsed only when a kept cell needs them.
  let stringBytes: { part: string; bytes: Buffer } | undefined;
  let styleBytes: { part: string; bytes: Buffer } | undefined;
  const ctx: SheetContext = {
    sharedStrings: () => {
      if (!strings) strings = stringBytes ? readSharedStrings(pkg.scannerOf(stringBytes.part, stringBytes.bytes), limits) : [];
      return strings;
    },
    dateStyles: () => {
      if (!dates) dates = styleBytes ? readDateStyles(pkg.scannerOf(styleBytes.part, styleBytes.bytes)) : [];
      return dates;
    },
    date1904: listed.date1904,
    limits,
    deadline,
    counters: { cells: 0, merges: 0 },
  };

  const plans = listed.sheets.map((s) => {
    const rel = s.relationshipId === undefined ? undefined : rels.get(s.relationshipId);
    const part = rel?.target;
    const key = s.name.toLowerCase();
    const named = demand.namedCells.get(key) ?? NO_EMPTY_SET;
    const whole = demand.wholeSheets.has(key);
    const present = !!rel && !!part && pkg.zip.has(part);
    // Chart and dialog sheets have no cells; sheets the check reads nothing of are not inflated.
    const read = present && isType(rel, "worksheet") && (whole || named.size > 0);
    return { name: s.name, part, present, read, whole, named };
  });
  const toRead = plans.filter((p) => p.read).map((p) => p.part!);
  for (const [word, fallback] of [["sharedStrings", "xl/sharedStrings.xml"], ["styles", "xl/styles.xml"]]) {
    const part = byType(word, fallback);
    if (part && toRead.length > 0) toRead.push(part);
  }
  // Declared sizes are checked again when each part is inflated; here they only let a bomb of many parts be refused before any is.
  pkg.zip.checkTotal(toRead);
  if (plans.some((p) => p.read)) {
    const stringsPart = byType("sharedStrings", "xl/sharedStrings.xml");
    if (stringsPart) stringBytes = { part: stringsPart, bytes: await pkg.zip.read(stringsPart) };
    const stylesPart = byType("styles", "xl/styles.xml");
    if (stylesPart) styleBytes = { part: stylesPart, bytes: await pkg.zip.read(stylesPart) };
  }

  const sheets: SheetSnapshot[] = [];
  for (const { name, part, present, read, whole, named } of plans) {
    if (!present) {
      sheets.push({ name, cells: new Map(), merges: [], problem: { kind: "missing", part } });
      continue;
    }
    if (!read || !part) {
      sheets.push({ name, cells: new Map(), merges: [] });
      continue;
    }
    const sheetScanner = await pkg.scanner(part);
    const root = sheetScanner.nextTag();
    if (!root || root.local !== "worksheet") throw damaged(`${part} ist kein Tabellenblatt`);
    const { cells, merges } = readWorksheet(sheetScanner, { whole, named }, ctx);
    deadline.checkNow();
    sheets.push({ name, cells, merges });
  }
  return { sheets, names };
}

/** Reads a workbook from its bytes with the given inflater; throws WorkbookReadError for what is no readable .xlsx or breaks a bound. */
export async function readWorkbookSource(source: ByteSource, inflater: Inflater, options: ReaderOptions = {}): Promise<WorkbookSnapshot> {
  const limits = limitsOf(options);
  const deadline = new Deadline(limits.timeMs);
  checkContainer(source);
  let zip: ZipArchive;
  try {
    zip = ZipArchive.open(source, limits, deadline, inflater);
  } catch (err) {
    if (err instanceof UnreadableZip) throw unreadableZip(source);
    throw err;
  }
  return readPackage(new Package(zip, limits, deadline));
}

export function limitsOf(options: ReaderOptions): ReaderLimits {
  return { ...DEFAULT_LIMITS, ...options.limits };
}

/** Workbook bytes in memory (a picked file in the pane, a test's buffer). */
export function readWorkbookBytes(data: Buffer, inflater: Inflater, options: ReaderOptions = {}): Promise<WorkbookSnapshot> {
  return readWorkbookSource(bufferSource(data), inflater, options);
}
