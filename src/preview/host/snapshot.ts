/**
 * The whole simulated workbook as JSON (`snapshot` / `loadSnapshot`), and a compact way to
 * describe one for tests and samples:
 *
 *   { sheets: { "QM Nord": { A1: "Einwohner", B1: 12345, B2: "=B1*2", "A4:B4": [["ja", "nein"]] } },
 *     names: [{ name: "Einwohner", ref: "='QM Nord'!$B$1", sheet: "QM Nord" }] }
 *
 * In a description a string starting with "=" is a formula, "'" keeps the rest as text, and
 * every other value is stored as it is (numbers as numbers, no parsing of "12").
 */
import { WHOLE_SHEET, cellAddress, columnIndex, columnLetters, parseReference, qualifiedAddress, rectAddress, type Rect } from "./address";
import { setContent } from "./model/cells";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from "./model/format";
import type { NumberLocale } from "./numberFormat";
import type { CellInput } from "./model/input";
import type { SheetModel } from "./model/sheet";
import type { CellFormat, ChartModel, ProtectionModel, Scalar, SheetVisibility, ValidationRule } from "./model/types";
import type { WorkbookModel } from "./model/workbook";

export const SNAPSHOT_FORMAT = "qm-planer-simulated-workbook";

export interface CellSnapshot {
  value?: Scalar;
  formula?: string;
  format?: CellFormat;
}

export interface NameSnapshot {
  name: string;
  /** With leading "=": "='QM Nord'!$B$1". */
  formula: string;
  comment?: string;
  visible?: boolean;
}

export interface SheetSnapshot {
  name: string;
  visibility?: SheetVisibility;
  tabColor?: string;
  showGridlines?: boolean;
  /** Keyed by A1 address. */
  cells?: Record<string, CellSnapshot>;
  /** Keyed by column letters / row numbers. */
  columnFormats?: Record<string, CellFormat>;
  rowFormats?: Record<string, CellFormat>;
  columnWidths?: Record<string, number>;
  rowHeights?: Record<string, number>;
  standardWidth?: number;
  standardHeight?: number;
  merges?: string[];
  validations?: { ranges: string[]; rule: ValidationRule; ignoreBlanks?: boolean; prompt?: Record<string, unknown>; errorAlert?: Record<string, unknown> }[];
  /** In priority order, highest first. */
  conditionalFormats?: { ranges: string[]; type: string; rule: Record<string, unknown>; format: Record<string, unknown>; stopIfTrue?: boolean }[];
  charts?: (Omit<ChartModel, "id" | "sourceSheetId" | "source"> & { source: string })[];
  protection?: ProtectionModel;
  freeze?: { rows: number; columns: number };
  selection?: string;
  /** Names scoped to this sheet. */
  names?: NameSnapshot[];
}

export interface WorkbookSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: 1;
  locale?: NumberLocale;
  activeSheet?: string;
  sheets: SheetSnapshot[];
  /** Workbook-scoped names. */
  names?: NameSnapshot[];
  settings?: Record<string, unknown>;
}

/** A value, a formula ("=…"), a cell snapshot, or — under a range key like "A1:C1" — rows of them. */
export type CellDescription = Scalar | null | CellSnapshot | (Scalar | null)[][];

export interface WorkbookDescription {
  /** Sheets in order; each maps addresses to contents. */
  sheets: Record<string, Record<string, CellDescription>>;
  /** `sheet` makes a name sheet-scoped; `ref` is the formula (with or without "="). */
  names?: { name: string; ref: string; sheet?: string; comment?: string }[];
  settings?: Record<string, unknown>;
  activeSheet?: string;
  locale?: NumberLocale;
}

export function isSnapshot(x: WorkbookSnapshot | WorkbookDescription): x is WorkbookSnapshot {
  return Array.isArray(x.sheets);
}

// ---- model → snapshot ------------------------------------------------------------------

function mapKeys<V>(m: Map<number, V>, key: (i: number) => string): Record<string, V> | undefined {
  if (m.size === 0) return undefined;
  const out: Record<string, V> = {};
  for (const [i, v] of [...m].sort((a, b) => a[0] - b[0])) out[key(i)] = JSON.parse(JSON.stringify(v));
  return out;
}

function names(store: Map<string, { name: string; formula: string; comment: string; visible: boolean }>): NameSnapshot[] | undefined {
  if (store.size === 0) return undefined;
  return [...store.values()].map((n) => ({ name: n.name, formula: n.formula, ...(n.comment ? { comment: n.comment } : {}), ...(n.visible ? {} : { visible: false }) }));
}

function sheetSnapshot(wb: WorkbookModel, s: SheetModel): SheetSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  for (const { row, col, cell } of s.cellsIn(WHOLE_SHEET)) {
    cells[cellAddress(row, col)] = JSON.parse(JSON.stringify(cell));
  }
  const ranges = (rects: Rect[]) => rects.map((r) => rectAddress(r));
  const out: SheetSnapshot = {
    name: s.name,
    cells,
    columnFormats: mapKeys(s.columnFormats, columnLetters),
    rowFormats: mapKeys(s.rowFormats, (r) => String(r + 1)),
    columnWidths: mapKeys(s.columnWidths, columnLetters),
    rowHeights: mapKeys(s.rowHeights, (r) => String(r + 1)),
    merges: s.merges.length ? ranges(s.merges) : undefined,
    validations: s.validations.length ? s.validations.map((v) => ({ ...JSON.parse(JSON.stringify({ ...v, rects: undefined })), ranges: ranges(v.rects) })) : undefined,
    conditionalFormats: s.conditionalFormats.length
      ? s.conditionalFormats.map((c) => ({ ranges: ranges(c.rects), type: c.type, rule: c.rule, format: JSON.parse(JSON.stringify(c.format)), stopIfTrue: c.stopIfTrue }))
      : undefined,
    charts: s.charts.length
      ? s.charts.map(({ id: _id, sourceSheetId, source, ...rest }) => ({ ...rest, source: qualifiedAddress(wb.sheetById(sourceSheetId)?.name ?? s.name, source) }))
      : undefined,
    protection: s.protection.protected ? JSON.parse(JSON.stringify(s.protection)) : undefined,
    freeze: s.freeze.rows || s.freeze.columns ? { ...s.freeze } : undefined,
    selection: rectAddress(s.selection),
    names: names(s.names),
  };
  if (s.visibility !== "Visible") out.visibility = s.visibility;
  if (s.tabColor) out.tabColor = s.tabColor;
  if (!s.showGridlines) out.showGridlines = false;
  if (s.standardWidth !== DEFAULT_COLUMN_WIDTH) out.standardWidth = s.standardWidth;
  if (s.standardHeight !== DEFAULT_ROW_HEIGHT) out.standardHeight = s.standardHeight;
  return JSON.parse(JSON.stringify(out));
}

export function toSnapshot(wb: WorkbookModel): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = {
    format: SNAPSHOT_FORMAT,
    version: 1,
    locale: wb.locale,
    activeSheet: wb.activeSheet?.name,
    sheets: wb.sheets.map((s) => sheetSnapshot(wb, s)),
    names: names(wb.names),
    settings: wb.settings.size ? Object.fromEntries(wb.settings) : undefined,
  };
  return JSON.parse(JSON.stringify(snapshot));
}

// ---- description → snapshot ------------------------------------------------------------

function describeCell(d: Scalar | null | CellSnapshot): CellSnapshot | undefined {
  if (d === null) return undefined;
  if (typeof d === "object") return d;
  if (typeof d === "string" && d.startsWith("=")) return { formula: d };
  if (typeof d === "string" && d.startsWith("'")) return { value: d.slice(1) };
  return { value: d };
}

export function describeWorkbook(desc: WorkbookDescription): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = Object.entries(desc.sheets).map(([name, content]) => {
    const cells: Record<string, CellSnapshot> = {};
    for (const [address, d] of Object.entries(content)) {
      const ref = parseReference(address);
      if (!ref) throw new Error(`Ungültige Adresse „${address}“ auf dem Blatt „${name}“.`);
      if (Array.isArray(d)) {
        d.forEach((line, r) =>
          line.forEach((v, c) => {
            const cell = describeCell(v);
            if (cell) cells[cellAddress(ref.rect.row + r, ref.rect.col + c)] = cell;
          }),
        );
      } else {
        const cell = describeCell(d);
        if (cell) cells[cellAddress(ref.rect.row, ref.rect.col)] = cell;
      }
    }
    const scoped = (desc.names ?? []).filter((n) => n.sheet === name).map((n) => ({ name: n.name, formula: n.ref.startsWith("=") ? n.ref : "=" + n.ref, comment: n.comment }));
    return { name, cells, names: scoped.length ? scoped : undefined };
  });
  const workbookNames = (desc.names ?? []).filter((n) => n.sheet === undefined).map((n) => ({ name: n.name, formula: n.ref.startsWith("=") ? n.ref : "=" + n.ref, comment: n.comment }));
  return { format: SNAPSHOT_FORMAT, version: 1, locale: desc.locale, activeSheet: desc.activeSheet, sheets, names: workbookNames, settings: desc.settings };
}

// ---- snapshot → model ------------------------------------------------------------------

function rectsOf(addresses: string[]): Rect[] {
  return addresses.map((a) => {
    const ref = parseReference(a);
    if (!ref) throw new Error(`Ungültiger Bereich „${a}“ in der Momentaufnahme.`);
    return ref.rect;
  });
}

/** Fills an empty model from a snapshot, as one "load" change event. */
export function loadSnapshot(wb: WorkbookModel, snapshot: WorkbookSnapshot): void {
  if (snapshot.sheets.length === 0) throw new Error("Eine Arbeitsmappe braucht mindestens ein Blatt.");
  wb.batch("load", () => {
    if (snapshot.locale) wb.locale = snapshot.locale;
    const created = snapshot.sheets.map((s) => ({ s, sheet: wb.addSheet(s.name) }));
    for (const { s, sheet } of created) loadSheet(wb, sheet, s);
    for (const n of snapshot.names ?? []) addName(wb, n);
    for (const { s, sheet } of created) for (const n of s.names ?? []) addName(wb, n, sheet);
    for (const [k, v] of Object.entries(snapshot.settings ?? {})) wb.settings.set(k, v);
    const active = snapshot.activeSheet ? wb.findSheet(snapshot.activeSheet) : undefined;
    if (active && active.visibility === "Visible") wb.activeSheet = active;
    else wb.activeSheet = wb.visibleSheets()[0] ?? wb.sheets[0];
    wb.markSettings();
  });
}

function addName(wb: WorkbookModel, n: NameSnapshot, sheet?: SheetModel): void {
  const model = wb.addName(n.name, n.formula, n.comment ?? "", sheet);
  if (n.visible === false) model.visible = false;
}

function loadSheet(wb: WorkbookModel, sheet: SheetModel, s: SheetSnapshot): void {
  for (const [address, c] of Object.entries(s.cells ?? {})) {
    const ref = parseReference(address);
    if (!ref) throw new Error(`Ungültige Adresse „${address}“ auf dem Blatt „${s.name}“.`);
    const { row, col } = ref.rect;
    if (c.formula !== undefined && !wb.engine.isValidFormula(c.formula)) {
      throw new Error(`Ungültige Formel „${c.formula}“ in ${s.name}!${address} (Formeln in der englischen Form mit Kommas).`);
    }
    if (c.format) sheet.ensure(row, col).format = { ...c.format };
    const input: CellInput = c.formula !== undefined ? { formula: c.formula } : { value: c.value };
    if (input.formula !== undefined || input.value !== undefined) setContent(wb, sheet, row, col, input);
  }
  for (const [k, f] of Object.entries(s.columnFormats ?? {})) sheet.columnFormats.set(columnIndex(k), { ...f });
  for (const [k, f] of Object.entries(s.rowFormats ?? {})) sheet.rowFormats.set(Number(k) - 1, { ...f });
  for (const [k, w] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(columnIndex(k), w);
  for (const [k, h] of Object.entries(s.rowHeights ?? {})) sheet.rowHeights.set(Number(k) - 1, h);
  if (s.standardWidth !== undefined) sheet.standardWidth = s.standardWidth;
  if (s.standardHeight !== undefined) sheet.standardHeight = s.standardHeight;
  sheet.merges = rectsOf(s.merges ?? []);
  sheet.validations = (s.validations ?? []).map((v) => ({ rects: rectsOf(v.ranges), rule: v.rule, ignoreBlanks: v.ignoreBlanks ?? true, prompt: v.prompt, errorAlert: v.errorAlert }));
  sheet.conditionalFormats = (s.conditionalFormats ?? []).map((c) => ({
    id: `{CF${wb.newId()}}`,
    type: c.type,
    rects: rectsOf(c.ranges),
    rule: c.rule,
    format: c.format,
    stopIfTrue: c.stopIfTrue ?? false,
  }));
  sheet.charts = (s.charts ?? []).map(({ source, ...rest }) => {
    const ref = parseReference(source);
    const sourceSheet = ref?.sheet !== undefined ? wb.findSheet(ref.sheet) : sheet;
    if (!ref || !sourceSheet) throw new Error(`Ungültige Diagrammquelle „${source}“.`);
    return { ...rest, id: `{CH${wb.newId()}}`, sourceSheetId: sourceSheet.id, source: ref.rect };
  });
  if (s.protection) sheet.protection = { ...s.protection, options: { ...s.protection.options } };
  if (s.freeze) sheet.freeze = { ...s.freeze };
  if (s.selection) sheet.selection = parseReference(s.selection)?.rect ?? sheet.selection;
  sheet.visibility = s.visibility ?? "Visible";
  sheet.tabColor = s.tabColor ?? "";
  sheet.showGridlines = s.showGridlines ?? true;
  for (const kind of ["cells", "formats", "objects"] as const) wb.markChanged(kind, sheet);
}
