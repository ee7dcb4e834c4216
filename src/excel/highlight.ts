/**
 * "Markieren" and "Markierungen entfernen": colours the cells of findings, and later removes
 * exactly those colours again, restoring each cell's own fill as it was.
 *
 * What was added is remembered in the document settings (so it survives closing the pane
 * and travels with the file): per cell the colour set and the fill read before. Removing
 * restores a cell only if it still shows our colour — a fill the user has set since is theirs
 * and stays. Sheets protected against formatting are left alone and named in the result.
 *
 * Three `context.sync()` calls per operation, whatever the number of cells: the sheets; the
 * fills and protection; the writes.
 */
import type { Finding, Severity } from "../core/rules";

/** Key of the marks in the document settings. */
export const MARKS_SETTINGS_KEY = "QM-Planer.Markierungen";

/** Excel's own light red and light yellow of "Gut, Schlecht und Neutral". */
export const MARK_COLORS: Readonly<Record<Severity, string>> = { verstoss: "#FFC7CE", hinweis: "#FFEB9C" };

type Fill = Excel.CellPropertiesFill;

export interface Mark {
  sheet: string;
  address: string;
  /** The colour we set. */
  applied: string;
  /** The cell's fill before we set it, exactly as read. */
  original: Fill;
}

export interface MarkResult {
  /** Cells coloured (or re-coloured) now. */
  marked: number;
  /** Sheets whose protection forbids formatting: nothing was coloured there. */
  protectedSheets: string[];
}

export interface UnmarkResult {
  /** Cells whose own fill was restored. */
  restored: number;
  /** Cells the user has given another fill since: left as they are. */
  changedByUser: number;
  /** Sheets protected against formatting: their marks remain and can be removed after unprotecting. */
  protectedSheets: string[];
}

const FILL_OPTIONS: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } },
};

function storedMarks(): Mark[] {
  const stored: unknown = Office.context.document.settings.get(MARKS_SETTINGS_KEY);
  return Array.isArray(stored) ? (stored as Mark[]).filter((m) => typeof m?.sheet === "string" && typeof m?.address === "string") : [];
}

function saveMarks(marks: Mark[]): Promise<void> {
  const settings = Office.context.document.settings;
  if (marks.length > 0) settings.set(MARKS_SETTINGS_KEY, marks);
  else settings.remove(MARKS_SETTINGS_KEY);
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error?.message ?? "saveAsync")),
    ),
  );
}

const key = (sheet: string, address: string): string => `${sheet}\u0000${address}`;

interface CellRead {
  sheet: string;
  address: string;
  range: Excel.Range;
  fill: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/**
 * Syncs 1 and 2: which of the sheets exist, their protection, and the current fill of every
 * cell on them. Cells on sheets that no longer exist are left out.
 */
async function readCells(context: Excel.RequestContext, cells: { sheet: string; address: string }[]): Promise<{ reads: CellRead[]; locked: Set<string> }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const byName = new Map(worksheets.items.map((ws) => [ws.name, ws]));
  const protections = new Map<string, Excel.WorksheetProtection>();
  const reads: CellRead[] = [];
  for (const cell of cells) {
    const ws = byName.get(cell.sheet);
    if (!ws) continue;
    if (!protections.has(cell.sheet)) protections.set(cell.sheet, ws.protection.load("protected,options"));
    const range = ws.getRange(cell.address);
    reads.push({ ...cell, range, fill: range.getCellProperties(FILL_OPTIONS) });
  }
  await context.sync();
  const locked = new Set([...protections].filter(([, p]) => p.protected && !p.options.allowFormatCells).map(([sheet]) => sheet));
  return { reads, locked };
}

function fillOf(read: CellRead): Fill {
  return read.fill.value[0][0].format?.fill ?? {};
}

/** Colours the cell of every finding (a Verstoß red, a Hinweis yellow). */
export async function markFindings(findings: readonly Finding[]): Promise<MarkResult> {
  const wanted = new Map<string, { sheet: string; address: string; severity: Severity }>();
  for (const f of findings) {
    if (!f.zelle) continue;
    const k = key(f.zelle.sheet, f.zelle.address);
    const seen = wanted.get(k);
    if (!seen || f.schwere === "verstoss") wanted.set(k, { ...f.zelle, severity: f.schwere });
  }
  const marks = new Map(storedMarks().map((m) => [key(m.sheet, m.address), m]));
  const outcome = await Excel.run(async (context) => {
    const { reads, locked } = await readCells(context, [...wanted.values()]);
    let marked = 0;
    for (const read of reads) {
      if (locked.has(read.sheet)) continue;
      const k = key(read.sheet, read.address);
      const applied = MARK_COLORS[wanted.get(k)!.severity];
      // A cell marked before keeps its recorded original: what it shows now is our colour.
      const original = marks.get(k)?.original ?? fillOf(read);
      read.range.setCellProperties([[{ format: { fill: { color: applied } } }]]);
      marks.set(k, { sheet: read.sheet, address: read.address, applied, original });
      marked++;
    }
    await context.sync();
    return { marked, protectedSheets: [...locked] };
  });
  await saveMarks([...marks.values()]);
  return outcome;
}

/** Removes every colour "Markieren" added, restoring the cells' own fills exactly. */
export async function removeMarks(): Promise<UnmarkResult> {
  const marks = storedMarks();
  if (marks.length === 0) return { restored: 0, changedByUser: 0, protectedSheets: [] };
  const byKey = new Map(marks.map((m) => [key(m.sheet, m.address), m]));
  const { kept, ...outcome } = await Excel.run(async (context) => {
    const { reads, locked } = await readCells(context, marks);
    const remaining: Mark[] = [];
    let restored = 0;
    let changedByUser = 0;
    for (const read of reads) {
      const mark = byKey.get(key(read.sheet, read.address))!;
      if (locked.has(read.sheet)) {
        remaining.push(mark);
        continue;
      }
      const now = fillOf(read);
      if (String(now.color).toUpperCase() !== mark.applied.toUpperCase() || now.pattern !== "Solid") {
        changedByUser++;
        continue;
      }
      read.range.setCellProperties([[{ format: { fill: mark.original } }]]);
      restored++;
    }
    await context.sync();
    return { kept: remaining, restored, changedByUser, protectedSheets: [...locked] };
  });
  await saveMarks(kept);
  return outcome;
}

/** True when "Markieren" has coloured cells that are not yet removed. */
export function hasMarks(): boolean {
  return storedMarks().length > 0;
}
