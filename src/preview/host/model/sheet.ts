/**
 * One worksheet's storage. Cells live sparsely in one Map keyed by row × 16384 + column, so a
 * sheet with cells in row 1 and row 100 000 costs two entries, not 100 000 rows.
 */
import { MAX_COLUMNS, Rect, area, isInside } from "../address";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, resolveFormat, ResolvedFormat } from "./format";
import type {
  Cell,
  CellFormat,
  ChartModel,
  ConditionalFormatModel,
  NameModel,
  ProtectionModel,
  SheetVisibility,
  ValidationModel,
} from "./types";

export interface PlacedCell {
  row: number;
  col: number;
  cell: Cell;
}

export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export class SheetModel {
  /** Stable id like Office.js worksheet ids; survives renames. */
  readonly id: string;
  name: string;
  /** The formula engine's id of this sheet. */
  engineId: number;
  deleted = false;
  visibility: SheetVisibility = "Visible";
  tabColor = "";
  showGridlines = true;
  readonly cells = new Map<number, Cell>();
  readonly columnFormats = new Map<number, CellFormat>();
  readonly rowFormats = new Map<number, CellFormat>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Width of columns without their own width, and height of rows without their own (points). */
  standardWidth: number = DEFAULT_COLUMN_WIDTH;
  standardHeight: number = DEFAULT_ROW_HEIGHT;
  merges: Rect[] = [];
  validations: ValidationModel[] = [];
  /** In priority order: index 0 has the highest priority. */
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  /** Sheet-scoped defined names, keyed by upper-case name. */
  readonly names = new Map<string, NameModel>();
  protection: ProtectionModel = { protected: false, options: {} };
  freeze = { rows: 0, columns: 0 };
  /** The selection Excel remembers for this sheet. */
  selection: Rect = { row: 0, col: 0, rows: 1, cols: 1 };

  constructor(id: string, name: string, engineId: number) {
    this.id = id;
    this.name = name;
    this.engineId = engineId;
  }

  get(row: number, col: number): Cell | undefined {
    return this.cells.get(cellKey(row, col));
  }

  /** The cell at a position, created when absent. Call `prune` after clearing parts of it. */
  ensure(row: number, col: number): Cell {
    const key = cellKey(row, col);
    let c = this.cells.get(key);
    if (!c) {
      c = {};
      this.cells.set(key, c);
    }
    return c;
  }

  prune(row: number, col: number): void {
    const key = cellKey(row, col);
    const c = this.cells.get(key);
    if (c && c.value === undefined && c.formula === undefined && c.format === undefined) this.cells.delete(key);
  }

  /** The stored cells inside a rectangle, visiting whichever is smaller: the rectangle or the map. */
  cellsIn(r: Rect): PlacedCell[] {
    const out: PlacedCell[] = [];
    if (area(r) <= this.cells.size * 4) {
      for (let row = r.row; row < r.row + r.rows; row++) {
        for (let col = r.col; col < r.col + r.cols; col++) {
          const cell = this.cells.get(cellKey(row, col));
          if (cell) out.push({ row, col, cell });
        }
      }
      return out;
    }
    for (const [key, cell] of this.cells) {
      const row = Math.floor(key / MAX_COLUMNS);
      const col = key % MAX_COLUMNS;
      if (isInside(r, row, col)) out.push({ row, col, cell });
    }
    out.sort((a, b) => a.row - b.row || a.col - b.col);
    return out;
  }

  /** Where the formulas are, unordered: all a recalculation needs, without `cellsIn`'s sort. */
  formulaPositions(): Array<{ row: number; col: number }> {
    const out: Array<{ row: number; col: number }> = [];
    for (const [key, cell] of this.cells) {
      if (cell.formula !== undefined) out.push({ row: Math.floor(key / MAX_COLUMNS), col: key % MAX_COLUMNS });
    }
    return out;
  }

  /**
   * The bounding rectangle of cells with content (and, unless `valuesOnly`, with a format of
   * their own); undefined for an empty sheet.
   */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === undefined && cell.formula === undefined && (valuesOnly || !cell.format)) continue;
      const row = Math.floor(key / MAX_COLUMNS);
      const col = key % MAX_COLUMNS;
      if (row < r0) r0 = row;
      if (row > r1) r1 = row;
      if (col < c0) c0 = col;
      if (col > c1) c1 = col;
    }
    if (r1 < 0) return undefined;
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** The format a cell shows: defaults, then its column, its row, then its own. */
  formatAt(row: number, col: number): ResolvedFormat {
    return resolveFormat(this.columnFormats.get(col), this.rowFormats.get(row), this.get(row, col)?.format);
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? this.standardWidth;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? this.standardHeight;
  }

  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => isInside(m, row, col));
  }
}
