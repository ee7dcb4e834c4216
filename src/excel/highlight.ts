/**
 * "Markieren" and "Markierungen entfernen": marks the cells of findings (fill, pattern and a
 * frame, see MARK_STYLES), and later removes exactly those marks again, restoring each cell's
 * own fill and edges as they were.
 *
 * What was added is remembered in the document settings (so it survives closing the pane
 * and travels with the file): per cell the sheet's id (which, unlike its name, survives a
 * rename), the colour set and the fill read before. Removing restores a cell only if it still
 * shows our colour — a fill the user has set since is theirs and stays. Marks on a sheet that
 * cannot be found are kept and named in the result, never silently dropped. Sheets protected
 * against formatting are left alone and named in the result.
 *
 * Three `context.sync()` calls per operation, whatever the number of cells: the sheets; the
 * fills and protection; the writes.
 */
import type { Finding, Severity } from "../core/rules";
import { saveDocumentSettings } from "./settings";

/** Key of the marks in the document settings. */
export const MARKS_SETTINGS_KEY = "QM-Planer.Markierungen";

/** Excel's own light red and light yellow of "Gut, Schlecht und Neutral". */
export const MARK_COLORS: Readonly<Record<Severity, string>> = { verstoss: "#FFC7CE", hinweis: "#FFEB9C" };

/**
 * A mark must not rely on colour alone (and a yellow Hinweis vanished on the yellow input
 * cells): a Verstoß is a solid fill inside a thick continuous frame, a Hinweis a striped fill
 * ("LightUp") inside a dashed frame. The pane names the reason when the cell is selected.
 */
export const MARK_STYLES: Readonly<Record<Severity, { pattern: Excel.FillPattern | "Solid" | "LightUp"; border: BorderLine }>> = {
  verstoss: { pattern: "Solid", border: { style: "Continuous", weight: "Thick", color: "#C00000" } },
  hinweis: { pattern: "LightUp", border: { style: "Dash", weight: "Medium", color: "#C55A11" } },
};

type Fill = Excel.CellPropertiesFill;

interface BorderLine {
  style: string;
  weight: string;
  color: string;
}

/** The four edges of a cell as read or set through cell properties. */
type Borders = Partial<Record<"top" | "bottom" | "left" | "right", Partial<BorderLine>>>;
const EDGES = ["top", "bottom", "left", "right"] as const;

export interface Mark {
  /** Worksheet.id of the cell's sheet: stays the same when the sheet is renamed. */
  sheetId: string;
  /** The sheet's name when last seen, to name it should the sheet be gone. */
  sheet: string;
  address: string;
  /** The colour we set. */
  applied: string;
  /** The cell's fill before we set it, exactly as read. */
  original: Fill;
  /** The pattern we set (absent in marks stored before marks had patterns: "Solid"). */
  pattern?: string;
  /** The cell's own edges before we framed it (absent in older marks, which set no frame). */
  originalBorders?: Borders;
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
  /** Sheets no longer in the workbook (named as when last seen): their marks remain. */
  missingSheets: string[];
}

const FILL_OPTIONS: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true },
    borders: { color: true, style: true, weight: true },
  },
};

function storedMarks(): Mark[] {
  const stored: unknown = Office.context.document.settings.get(MARKS_SETTINGS_KEY);
  return Array.isArray(stored)
    ? (stored as Mark[]).filter((m) => typeof m?.sheetId === "string" && typeof m?.sheet === "string" && typeof m?.address === "string")
    : [];
}

function saveMarks(marks: Mark[]): Promise<void> {
  const settings = Office.context.document.settings;
  if (marks.length > 0) settings.set(MARKS_SETTINGS_KEY, marks);
  else settings.remove(MARKS_SETTINGS_KEY);
  return saveDocumentSettings();
}

/** A cell's key: its sheet (id or name) and address. */
const key = (sheet: string, address: string): string => `${sheet}\u0000${address}`;

interface CellRead<T> {
  cell: T;
  /** Its sheet, with id and name loaded. */
  sheet: Excel.Worksheet;
  range: Excel.Range;
  fill: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

interface CellReads<T> {
  reads: CellRead<T>[];
  /** Cells whose sheet is not in the workbook. */
  missing: T[];
  /** Sheets protected against formatting, id → name. */
  locked: Map<string, string>;
}

/**
 * Syncs 1 and 2: the workbook's sheets, then the protection of those the cells are on and the
 * current fill of every cell. `sheetOf` gives a cell's sheet as its id or its name (`by`).
 */
async function readCells<T extends { address: string }>(
  context: Excel.RequestContext,
  cells: readonly T[],
  by: "id" | "name",
  sheetOf: (cell: T) => string,
): Promise<CellReads<T>> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name");
  await context.sync();
  const sheets = new Map(worksheets.items.map((ws) => [ws[by], ws]));
  const protections = new Map<string, { name: string; protection: Excel.WorksheetProtection }>();
  const reads: CellRead<T>[] = [];
  const missing: T[] = [];
  for (const cell of cells) {
    const sheet = sheets.get(sheetOf(cell));
    if (!sheet) {
      missing.push(cell);
      continue;
    }
    if (!protections.has(sheet.id)) protections.set(sheet.id, { name: sheet.name, protection: sheet.protection.load("protected,options") });
    const range = sheet.getRange(cell.address);
    reads.push({ cell, sheet, range, fill: range.getCellProperties(FILL_OPTIONS) });
  }
  await context.sync();
  const locked = new Map(
    [...protections].filter(([, p]) => p.protection.protected && !p.protection.options.allowFormatCells).map(([id, p]) => [id, p.name]),
  );
  return { reads, missing, locked };
}

function fillOf(read: CellRead<unknown>): Fill {
  return read.fill.value[0][0].format?.fill ?? {};
}

function bordersOf(read: CellRead<unknown>): Borders {
  const borders = read.fill.value[0][0].format?.borders as Borders | undefined;
  const out: Borders = {};
  // Only the four edges, as plain values: what is stored in the settings and written back.
  for (const edge of EDGES) {
    const b = borders?.[edge];
    if (b) out[edge] = { style: b.style, weight: b.weight, color: b.color };
  }
  return out;
}

/** True when the fill is exactly the one "Markieren" sets: our colour, our pattern. */
function showsMark(fill: Fill, applied: string, pattern = "Solid"): boolean {
  return String(fill.color).toUpperCase() === applied.toUpperCase() && fill.pattern === pattern;
}

/** A mark's fill and frame; a Hinweis's stripes in the frame's dark orange, so they show on any fill. */
function markFormat(severity: Severity): Excel.CellPropertiesFormat {
  const style = MARK_STYLES[severity];
  const frame = Object.fromEntries(EDGES.map((edge) => [edge, { ...style.border }]));
  return {
    fill: { color: MARK_COLORS[severity], pattern: style.pattern as Excel.FillPattern, ...(style.pattern === "Solid" ? {} : { patternColor: style.border.color }) },
    borders: frame as Excel.CellBorderCollection,
  };
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
  const marks = new Map(storedMarks().map((m) => [key(m.sheetId, m.address), m]));
  const outcome = await Excel.run(async (context) => {
    // Findings name their sheets as they are now.
    const { reads, locked } = await readCells(context, [...wanted.values()], "name", (c) => c.sheet);
    let marked = 0;
    for (const read of reads) {
      if (locked.has(read.sheet.id)) continue;
      const k = key(read.sheet.id, read.cell.address);
      const applied = MARK_COLORS[read.cell.severity];
      const now = fillOf(read);
      const before = marks.get(k);
      // A cell still showing our mark keeps its recorded original; any other fill is the
      // user's own since, and is what removing the marks must bring back.
      const stillOurs = before && showsMark(now, before.applied, before.pattern);
      const original = stillOurs ? before.original : now;
      const originalBorders = stillOurs && before.originalBorders ? before.originalBorders : bordersOf(read);
      read.range.setCellProperties([[{ format: markFormat(read.cell.severity) }]]);
      const pattern = MARK_STYLES[read.cell.severity].pattern;
      marks.set(k, { sheetId: read.sheet.id, sheet: read.sheet.name, address: read.cell.address, applied, original, pattern, originalBorders });
      marked++;
    }
    await context.sync();
    return { marked, protectedSheets: [...locked.values()] };
  });
  await saveMarks([...marks.values()]);
  return outcome;
}

/** Removes every colour "Markieren" added, restoring the cells' own fills exactly. */
export async function removeMarks(): Promise<UnmarkResult> {
  const marks = storedMarks();
  if (marks.length === 0) return { restored: 0, changedByUser: 0, protectedSheets: [], missingSheets: [] };
  const { kept, ...outcome } = await Excel.run(async (context) => {
    const { reads, missing, locked } = await readCells(context, marks, "id", (m) => m.sheetId);
    const remaining: Mark[] = [...missing];
    let restored = 0;
    let changedByUser = 0;
    for (const read of reads) {
      const mark = read.cell;
      if (locked.has(read.sheet.id)) {
        remaining.push({ ...mark, sheet: read.sheet.name });
        continue;
      }
      if (!showsMark(fillOf(read), mark.applied, mark.pattern)) {
        changedByUser++;
        continue;
      }
      const borders = mark.originalBorders ? { borders: mark.originalBorders as Excel.CellBorderCollection } : {};
      read.range.setCellProperties([[{ format: { fill: mark.original, ...borders } }]]);
      restored++;
    }
    await context.sync();
    const missingSheets = [...new Set(missing.map((m) => m.sheet))];
    return { kept: remaining, restored, changedByUser, protectedSheets: [...locked.values()], missingSheets };
  });
  await saveMarks(kept);
  return outcome;
}
