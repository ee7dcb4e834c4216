/**
 * `range.getCellProperties` / `range.setCellProperties`: per-cell formats as nested objects.
 * Reading and writing back what was read restores a cell exactly — including "no fill",
 * which reads as color "#FFFFFF" with pattern "None" (as in Excel; setting only the colour
 * would paint the cell white instead).
 */
import { qualifiedAddress } from "../address";
import { officeError } from "../errors";
import { NO_BORDER, fillColorOf, fillPatternOf, normalizeColor, patchFormat } from "./format";
import { assertFormatEditable } from "./rangeFormat";
import type { SheetModel } from "./sheet";
import type { BorderFormat, CellFormat } from "./types";
import type { WorkbookModel } from "./workbook";

type Json = Record<string, unknown>;

function fullProperties(sheet: SheetModel, row: number, col: number): Json {
  const f = sheet.formatAt(row, col);
  const border = (b: BorderFormat | undefined) => ({ ...(b ?? NO_BORDER), tintAndShade: 0 });
  const address = qualifiedAddress(sheet.name, { row, col, rows: 1, cols: 1 });
  return {
    address,
    addressLocal: address,
    hidden: false,
    style: "Normal",
    format: {
      fill: { color: fillColorOf(f), pattern: fillPatternOf(f), patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 },
      font: { bold: f.bold, italic: f.italic, color: f.fontColor, name: f.fontName, size: f.fontSize, underline: f.underline, strikethrough: f.strikethrough, tintAndShade: 0 },
      horizontalAlignment: f.horizontalAlignment,
      verticalAlignment: f.verticalAlignment,
      wrapText: f.wrapText,
      indentLevel: f.indentLevel,
      protection: { locked: f.locked, formulaHidden: f.formulaHidden },
      borders: { top: border(f.borderTop), bottom: border(f.borderBottom), left: border(f.borderLeft), right: border(f.borderRight) },
      columnWidth: sheet.columnWidth(col),
      rowHeight: sheet.rowHeight(row),
    },
  };
}

function pick(full: unknown, options: unknown): unknown {
  if (options === true) return typeof full === "object" && full !== null ? JSON.parse(JSON.stringify(full)) : full;
  if (typeof options !== "object" || options === null || typeof full !== "object" || full === null) return undefined;
  const out: Json = {};
  for (const [key, sub] of Object.entries(options)) {
    if (!sub) continue;
    const v = pick((full as Json)[key], sub);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * Office.js loads borders with one `CellPropertiesBorderLoadOptions` ({ color, style, weight })
 * that applies to every edge, not with options per edge: spread it over the edges.
 */
function withBorderOptions(options: unknown): unknown {
  const format = (options as Json | null)?.format as Json | undefined;
  const borders = format?.borders;
  if (!borders || typeof borders !== "object") return options;
  const perEdge = Object.fromEntries(["top", "bottom", "left", "right"].map((edge) => [edge, borders]));
  return { ...(options as Json), format: { ...format, borders: perEdge } };
}

/** The properties `options` asks for, of one cell. */
export function cellProperties(sheet: SheetModel, row: number, col: number, options: unknown): Json {
  return (pick(fullProperties(sheet, row, col), withBorderOptions(options)) as Json) ?? {};
}

function borderPatch(b: unknown): BorderFormat | undefined {
  const given = b as Partial<BorderFormat>;
  const next = { ...NO_BORDER, ...given, color: given.color !== undefined ? normalizeColor(given.color) : NO_BORDER.color };
  return next.style === "None" ? undefined : { style: next.style, color: next.color, weight: next.weight };
}

/** The cell format patch and the sizes that one `SettableCellProperties` object describes. */
function toPatch(props: Json): { patch: CellFormat; columnWidth?: number; rowHeight?: number } {
  const patch: CellFormat = {};
  const format = (props.format ?? {}) as Json;
  const fill = format.fill as Json | undefined;
  if (fill?.color !== undefined) {
    patch.fillColor = normalizeColor(fill.color);
    patch.fillPattern = "Solid";
  }
  if (fill?.pattern !== undefined) {
    if (fill.pattern === "None") {
      patch.fillColor = undefined;
      patch.fillPattern = undefined;
    } else patch.fillPattern = String(fill.pattern);
  }
  const font = format.font as Json | undefined;
  if (font) {
    if (font.bold !== undefined) patch.bold = Boolean(font.bold);
    if (font.italic !== undefined) patch.italic = Boolean(font.italic);
    if (font.color !== undefined) patch.fontColor = normalizeColor(font.color);
    if (font.name !== undefined) patch.fontName = String(font.name);
    if (font.size !== undefined) patch.fontSize = Number(font.size);
    if (font.underline !== undefined) patch.underline = String(font.underline);
    if (font.strikethrough !== undefined) patch.strikethrough = Boolean(font.strikethrough);
  }
  if (format.horizontalAlignment !== undefined) patch.horizontalAlignment = String(format.horizontalAlignment);
  if (format.verticalAlignment !== undefined) patch.verticalAlignment = String(format.verticalAlignment);
  if (format.wrapText !== undefined) patch.wrapText = Boolean(format.wrapText);
  if (format.indentLevel !== undefined) patch.indentLevel = Number(format.indentLevel);
  const protection = format.protection as Json | undefined;
  if (protection?.locked !== undefined) patch.locked = Boolean(protection.locked);
  if (protection?.formulaHidden !== undefined) patch.formulaHidden = Boolean(protection.formulaHidden);
  const borders = format.borders as Json | undefined;
  if (borders) {
    const sides = { top: "borderTop", bottom: "borderBottom", left: "borderLeft", right: "borderRight" } as const;
    for (const [side, key] of Object.entries(sides)) if (borders[side]) patch[key] = borderPatch(borders[side]);
  }
  return {
    patch,
    columnWidth: typeof format.columnWidth === "number" ? format.columnWidth : undefined,
    rowHeight: typeof format.rowHeight === "number" ? format.rowHeight : undefined,
  };
}

/** Applies a 2-D array of `SettableCellProperties` to the cells from (row, col) on. */
export function applyCellProperties(wb: WorkbookModel, sheet: SheetModel, row: number, col: number, rows: number, cols: number, values: unknown): void {
  if (!Array.isArray(values) || values.length !== rows || values.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw officeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
  const planned = (values as unknown[][]).map((line) => line.map((p) => (p && typeof p === "object" ? toPatch(p as Json) : undefined)));
  if (planned.some((line) => line.some((p) => p && (Object.keys(p.patch).length || p.columnWidth !== undefined || p.rowHeight !== undefined)))) {
    assertFormatEditable(sheet);
  }
  planned.forEach((line, r) =>
    line.forEach((p, c) => {
      if (!p) return;
      if (Object.keys(p.patch).length) {
        const cell = sheet.ensure(row + r, col + c);
        cell.format = patchFormat(cell.format, p.patch);
        if (!cell.format) delete cell.format;
        sheet.prune(row + r, col + c);
      }
      if (p.columnWidth !== undefined) sheet.columnWidths.set(col + c, p.columnWidth);
      if (p.rowHeight !== undefined) sheet.rowHeights.set(row + r, p.rowHeight);
    }),
  );
  wb.markChanged("formats", sheet);
}
