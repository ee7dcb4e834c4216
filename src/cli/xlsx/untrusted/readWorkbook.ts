/**
 * The one reader of .xlsx files from strangers (`pruefen`; any command that reads a submitted
 * workbook should use it). It produces the core's `WorkbookSnapshot` like the pane's Office.js
 * reader, from as little of the file as the check needs:
 *
 * 1. only a regular file within the size bound is opened (`file.ts`);
 * 2. the ZIP directory is read from the end of the file; entries are inflated one by one,
 *    each within the per-part bound and all within the per-workbook bound, CRC-checked (`zip.ts`);
 * 3. the package relationships lead to xl/workbook.xml; its sheets are resolved through their
 *    `r:id`s, names decoded by the one XML parser (`xml.ts`);
 * 4. the core says which cells the check reads (`cellDemand`): all cells of sheets read by
 *    their labels, the named cells of template sheets; only sheets with such cells are
 *    inflated, and only those cells decoded (`worksheet.ts`); shared strings and styles only
 *    when a kept cell needs them;
 * 5. a listed sheet whose part is missing stays in the snapshot with a `problem`, which the
 *    check reports as a Verstoß — a sheet is never left out in silence.
 *
 * Everything a plan can hold is read here; there is no fallback to exceljs (which reads
 * every sheet whole and unbounded).
 */
import type { DefinedNameSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../../core/workbook";
import { cellDemand } from "../../../core/read/cellDemand";
import { checkContainer, unreadableZip } from "./container";
import { damaged, NOT_A_WORKBOOK, WorkbookReadError } from "./errors";
import { bufferSource, ByteSource, openRegularFile } from "./file";
import { countText, Deadline, DEFAULT_LIMITS, ReaderLimits } from "./limits";
import { isType, readRelationships, relationshipsPartOf, Relationship } from "./relationships";
import { readSharedStrings } from "./sharedStrings";
import { readDateStyles } from "./styles";
import { readWorkbookPart } from "./workbookPart";
import { readWorksheet, SheetContext } from "./worksheet";
import { decodeXmlBytes, XmlScanner } from "./xml";
import { UnreadableZip, ZipArchive } from "./zip";

export { WorkbookReadError } from "./errors";

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

  scanner(part: string): XmlScanner {
    const text = decodeXmlBytes(part, this.zip.read(part));
    return new XmlScanner(part, text, this.limits, this.deadline);
  }

  relationships(part: string): Map<string, Relationship> | undefined {
    const rels = relationshipsPartOf(part);
    return this.zip.has(rels) ? readRelationships(this.scanner(rels), part) : undefined;
  }
}

/** The workbook part: named by the package's officeDocument relationship, else where Excel puts it. */
function workbookPartName(pkg: Package): string {
  const root = pkg.zip.has("_rels/.rels") ? readRelationships(pkg.scanner("_rels/.rels"), "") : undefined;
  const office = root && [...root.values()].find((r) => isType(r, "officeDocument") && r.target);
  const part = office?.target ?? "xl/workbook.xml";
  if (/\.bin$/i.test(part) && pkg.zip.has(part))
    throw new WorkbookReadError("Die Datei ist eine binäre Excel-Arbeitsmappe (.xlsb); bitte als .xlsx speichern.");
  if (!pkg.zip.has(part)) throw new WorkbookReadError(NOT_A_WORKBOOK);
  return part;
}

function readPackage(pkg: Package): WorkbookSnapshot {
  const { limits, deadline } = pkg;
  const workbookPart = workbookPartName(pkg);
  const scanner = pkg.scanner(workbookPart);
  const first = scanner.nextTag();
  if (!first || first.local !== "workbook") throw new WorkbookReadError(NOT_A_WORKBOOK);
  const listed = readWorkbookPart(scanner, limits);
  const rels = pkg.relationships(workbookPart) ?? new Map<string, Relationship>();

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
  const ctx: SheetContext = {
    sharedStrings: () => {
      if (!strings) {
        const part = byType("sharedStrings", "xl/sharedStrings.xml");
        strings = part ? readSharedStrings(pkg.scanner(part), limits) : [];
      }
      return strings;
    },
    dateStyles: () => {
      if (!dates) {
        const part = byType("styles", "xl/styles.xml");
        dates = part ? readDateStyles(pkg.scanner(part)) : [];
      }
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

  const sheets: SheetSnapshot[] = plans.map(({ name, part, present, read, whole, named }) => {
    if (!present) return { name, cells: new Map(), merges: [], problem: { kind: "missing", part } };
    if (!read || !part) return { name, cells: new Map(), merges: [] };
    const sheetScanner = pkg.scanner(part);
    const root = sheetScanner.nextTag();
    if (!root || root.local !== "worksheet") throw damaged(`${part} ist kein Tabellenblatt`);
    const { cells, merges } = readWorksheet(sheetScanner, { whole, named }, ctx);
    deadline.checkNow();
    return { name, cells, merges };
  });
  return { sheets, names };
}

function readSource(source: ByteSource, limits: ReaderLimits): WorkbookSnapshot {
  const deadline = new Deadline(limits.timeMs);
  checkContainer(source);
  let zip: ZipArchive;
  try {
    zip = ZipArchive.open(source, limits, deadline);
  } catch (err) {
    if (err instanceof UnreadableZip) throw unreadableZip(source);
    throw err;
  }
  return readPackage(new Package(zip, limits, deadline));
}

function limitsOf(options: ReaderOptions): ReaderLimits {
  return { ...DEFAULT_LIMITS, ...options.limits };
}

/** Reads workbook bytes into a snapshot; throws WorkbookReadError for what is no readable .xlsx or breaks a bound. */
export function readWorkbookBuffer(data: Buffer, options: ReaderOptions = {}): WorkbookSnapshot {
  return readSource(bufferSource(data), limitsOf(options));
}

/** Reads an .xlsx file; a missing, irregular or unreadable file is a WorkbookReadError too. */
export async function readWorkbookFile(path: string, options: ReaderOptions = {}): Promise<WorkbookSnapshot> {
  const limits = limitsOf(options);
  const source = openRegularFile(path, limits.fileBytes);
  try {
    return readSource(source, limits);
  } finally {
    source.close();
  }
}
