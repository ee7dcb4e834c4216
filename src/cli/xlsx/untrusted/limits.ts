/**
 * The bounds of the untrusted-workbook reader. Each is far above any real plan (a template
 * workbook of 100 Quartiere is about 1 MB inflated, a few thousand names and cells) and low
 * enough that one hostile file costs a batch at most a few hundred MB and a few seconds.
 * The README's section "Fremde Arbeitsmappen: Bedrohungsmodell und Grenzen" lists them.
 */
import { WorkbookReadError } from "./errors";

export interface ReaderLimits {
  /** Size of the file on disk. */
  fileBytes: number;
  /** Entries in the ZIP's central directory. */
  zipEntries: number;
  /** One part (XML file in the ZIP) inflated. */
  partBytes: number;
  /** All parts read from one workbook, inflated. */
  workbookBytes: number;
  /** Sheets listed in xl/workbook.xml. */
  sheets: number;
  /** Defined names in xl/workbook.xml. */
  definedNames: number;
  /** Distinct cells the defined names point to (each name is read up to the core's own bound). */
  namedCells: number;
  /** Filled cells kept from all sheets of a workbook. */
  cells: number;
  /** Merged ranges of all sheets of a workbook. */
  merges: number;
  /** Characters of one text (a cell, a shared string, a name, a formula). */
  stringLength: number;
  /** Nesting depth of XML elements. */
  xmlDepth: number;
  /** Wall-clock time to read one file, in milliseconds. */
  timeMs: number;
}

export const DEFAULT_LIMITS: Readonly<ReaderLimits> = {
  fileBytes: 200 * 1024 * 1024,
  zipEntries: 10_000,
  partBytes: 50 * 1024 * 1024,
  workbookBytes: 200 * 1024 * 1024,
  sheets: 1_000,
  definedNames: 100_000,
  namedCells: 1_000_000,
  cells: 1_000_000,
  merges: 100_000,
  stringLength: 100_000,
  xmlDepth: 128,
  timeMs: 20_000,
};

/** Excel's own grid (since Excel 2007): no cell lies outside it. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/** "52.428.800" → "50 MB": bounds are named in the unit a person thinks in. */
export function bytesText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function countText(n: number): string {
  return n.toLocaleString("de-DE");
}

/**
 * The time budget of one file. Loops that may run long (scanning XML, inflating, resolving
 * merges) call `check()`; it reads the clock only every few thousand calls.
 */
export class Deadline {
  private calls = 0;
  private readonly end: number;

  constructor(private readonly budgetMs: number) {
    this.end = Date.now() + budgetMs;
  }

  check(): void {
    if ((++this.calls & 0xfff) === 0) this.checkNow();
  }

  checkNow(): void {
    if (Date.now() > this.end)
      throw new WorkbookReadError(`Das Lesen der Datei dauert länger als ${countText(Math.round(this.budgetMs / 1000))} Sekunden; abgebrochen.`);
  }
}
