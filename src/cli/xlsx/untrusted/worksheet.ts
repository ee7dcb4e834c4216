/**
 * One worksheet part: the values of the cells the check reads (all filled cells of a sheet
 * read by its labels, only the named cells of a template sheet) and the merged ranges. Every
 * `<c>` is scanned — its position checked against Excel's grid — but only kept cells are
 * decoded. Positions beyond Excel's 1 048 576 rows or column XFD make the part damaged: no
 * program that shows the sheet places a cell there.
 */
import type { CellValue, RangePosition } from "../../../core/workbook";
import { addressOf, columnIndex } from "../../../core/workbook";
import { damaged, WorkbookReadError } from "./errors";
import { countText, Deadline, EXCEL_COLUMNS, EXCEL_ROWS, ReaderLimits } from "./limits";
import { decodeOoxmlEscapes } from "./sharedStrings";
import { slideFormula } from "./sharedFormula";
import { SheetItem, Tag, TagKind, XmlScanner } from "./xml";

export interface SheetContext {
  /** Shared strings, read when the first cell needs them. */
  sharedStrings(): readonly string[];
  /** Per style index: shows a date. Read when the first number needs it. */
  dateStyles(): readonly boolean[];
  date1904: boolean;
  limits: ReaderLimits;
  deadline: Deadline;
  /** Cells kept so far in the whole workbook (the bound counts across sheets). */
  counters: { cells: number; merges: number };
}

export interface SheetDemand {
  /** Keep every filled cell (the sheet is read by its labels). */
  whole: boolean;
  /** Cells defined names point to ("B3"). */
  named: ReadonlySet<string>;
}

export interface SheetCells {
  cells: Map<string, CellValue>;
  merges: string[];
}

const CELL_REF = /^([A-Za-z]{1,3})([0-9]{1,7})$/;
const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

function position(scanner: XmlScanner, ref: string): { row: number; col: number } {
  const m = CELL_REF.exec(ref);
  if (!m) throw damaged(`${scanner.part}: ungültige Zelladresse „${ref.slice(0, 20)}“`);
  return { row: checkRow(scanner, Number(m[2])), col: checkColumn(scanner, columnIndex(m[1])) };
}

/**
 * A cell's `r` read by hand — `position` and `addressOf` for every `<c>` of a sheet, without a
 * regex: 1–3 letters, 1–7 digits, checked against Excel's grid in the same order. The
 * address is `ref` itself when it is already written as addressOf writes it (upper case, no
 * leading zero), as Excel writes it.
 */
function cellAt(scanner: XmlScanner, ref: string): { row: number; col: number; address: string } {
  const n = ref.length;
  let i = 0;
  let col = 0;
  let canonical = true;
  for (; i < n && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) col = col * 26 + (c - 64);
    else if (c >= 0x61 && c <= 0x7a) { col = col * 26 + (c - 96); canonical = false; }
    else break;
  }
  const letters = i;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    row = row * 10 + (c - 48);
  }
  const digits = i - letters;
  if (letters < 1 || letters > 3 || digits < 1 || digits > 7 || i !== n) throw damaged(`${scanner.part}: ungültige Zelladresse „${ref.slice(0, 20)}“`);
  checkRow(scanner, row);
  checkColumn(scanner, col);
  return { row, col, address: canonical && ref.charCodeAt(letters) !== 0x30 ? ref : addressOf(row, col) };
}

function checkRow(scanner: XmlScanner, row: number): number {
  if (!Number.isInteger(row) || row < 1 || row > EXCEL_ROWS)
    throw new WorkbookReadError(`${scanner.part}: Zeile ${String(row).slice(0, 20)} liegt außerhalb der ${countText(EXCEL_ROWS)} Zeilen von Excel.`);
  return row;
}

function checkColumn(scanner: XmlScanner, col: number): number {
  if (col < 1 || col > EXCEL_COLUMNS) throw new WorkbookReadError(`${scanner.part}: Spalte ${col} liegt außerhalb der ${countText(EXCEL_COLUMNS)} Spalten von Excel (bis XFD).`);
  return col;
}

function range(scanner: XmlScanner, ref: string): RangePosition {
  const [a, b, extra] = ref.split(":");
  if (extra !== undefined || a === undefined) throw damaged(`${scanner.part}: ungültiger verbundener Bereich „${ref.slice(0, 30)}“`);
  const start = position(scanner, a);
  const end = b === undefined ? start : position(scanner, b);
  return { top: Math.min(start.row, end.row), left: Math.min(start.col, end.col), bottom: Math.max(start.row, end.row), right: Math.max(start.col, end.col) };
}

/** Serial day number → "2026-01-31", as exceljs turned date-formatted numbers into dates. */
function dateText(serial: number, date1904: boolean): string | undefined {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  const iso = new Date(ms).toISOString();
  return iso.startsWith("+") || iso.startsWith("-") ? undefined : iso.slice(0, 10);
}

interface RawCell {
  type: string;
  style?: number;
  v?: string;
  formula?: { text: string; shared?: { si: string; master: boolean } };
  inline?: string;
}

/** A cell's plain `<v>` and `<f>` from their spans (-1: none), decoded in document order: the first bad reference is the one reported. */
function simpleContent(scanner: XmlScanner, raw: RawCell, vStart: number, vEnd: number, fStart: number, fEnd: number): void {
  const vFirst = fStart < 0 || (vStart >= 0 && vStart < fStart);
  if (vFirst && vStart >= 0) raw.v = scanner.simpleText(vStart, vEnd);
  if (fStart >= 0) raw.formula = { text: scanner.simpleText(fStart, fEnd) };
  if (!vFirst && vStart >= 0) raw.v = scanner.simpleText(vStart, vEnd);
}

/** Columns per row in a cell key (row × KEY_COLUMNS + column): more than Excel's 16 384, so keys never collide. */
const KEY_COLUMNS = 16_385;

/**
 * `cellAt` on a span of the part's text, as a key: the same checks in the same order (1–3
 * letters of either case, 1–7 digits, inside Excel's grid), the same refusals.
 */
function cellKey(scanner: XmlScanner, text: string, start: number, end: number): number {
  let i = start;
  let col = 0;
  for (; i < end && i < start + 4; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) col = col * 26 + (c - 64);
    else if (c >= 0x61 && c <= 0x7a) col = col * 26 + (c - 96);
    else break;
  }
  const letters = i - start;
  let row = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    row = row * 10 + (c - 48);
  }
  const digits = i - start - letters;
  if (letters < 1 || letters > 3 || digits < 1 || digits > 7 || i !== end)
    throw damaged(`${scanner.part}: ungültige Zelladresse „${text.slice(start, Math.min(end, start + 20))}“`);
  checkRow(scanner, row);
  checkColumn(scanner, col);
  return row * KEY_COLUMNS + col;
}

/** The key of an address written as addressOf writes it ("B3": upper case, no leading zero, inside the grid), else -1. */
function canonicalKey(text: string, start = 0, end = text.length): number {
  let i = start;
  let col = 0;
  for (; i < end && i < start + 3; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 64);
  }
  if (i === start || i >= end || text.charCodeAt(i) === 0x30) return -1;
  let row = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
    row = row * 10 + (c - 48);
  }
  if (end - start > 10 || row < 1 || row > EXCEL_ROWS || col > EXCEL_COLUMNS) return -1;
  return row * KEY_COLUMNS + col;
}

/** A `<row>`'s `r` as the tag-by-tag path reads it: 1–10 digits, else NaN (checkRow refuses both out of the grid). */
function rowNumber(text: string, start: number, end: number): number {
  if (end <= start || end - start > 10) return NaN;
  let row = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return NaN;
    row = row * 10 + (c - 48);
  }
  return row;
}

/** The children of a `<c>`: value, formula, inline text (runs concatenated, phonetic guides left out). */
function readCellChildren(scanner: XmlScanner, tag: Tag, cell: RawCell, wanted: boolean): void {
  if (tag.kind !== TagKind.Open) return;
  const depth = scanner.depth;
  let phonetic = 0;
  for (let t = scanner.nextTag(); t && scanner.depth >= depth; t = scanner.nextTag()) {
    if (t.kind === TagKind.Close) {
      if (t.local === "rPh") phonetic--;
      continue;
    }
    const level = scanner.depth - (t.kind === TagKind.Open ? 1 : 0);
    // A cell not kept is only looked at for the first cell of a shared formula.
    if (!wanted && !(level === depth && t.local === "f")) continue;
    if (level === depth && t.local === "v") cell.v = scanner.textContent(t);
    else if (level === depth && t.local === "f") {
      const a = scanner.attributes(t);
      const si = a.get("si");
      const shared = a.get("t") === "shared" && si !== undefined ? { si, master: a.has("ref") } : undefined;
      if (!wanted && !shared?.master) continue;
      cell.formula = { text: scanner.textContent(t), shared };
    } else if (t.local === "rPh") {
      if (t.kind === TagKind.Open) phonetic++;
    } else if (t.local === "t" && phonetic === 0 && level > depth) cell.inline = (cell.inline ?? "") + decodeOoxmlEscapes(scanner.textContent(t));
  }
}

export function readWorksheet(scanner: XmlScanner, demand: SheetDemand, ctx: SheetContext): SheetCells {
  const { limits, counters } = ctx;
  const cells = new Map<string, CellValue>();
  const areas: RangePosition[] = [];
  const masters = new Map<string, { text: string; row: number; col: number }>();
  let row = 0;
  let col = 0;

  const keep = (address: string, value: CellValue): void => {
    if (!cells.has(address) && ++counters.cells > limits.cells)
      throw new WorkbookReadError(`Die Arbeitsmappe hat mehr als ${countText(limits.cells)} gefüllte Zellen auf den geprüften Blättern; so viele werden nicht gelesen.`);
    if (typeof value === "string" && value.length > limits.stringLength)
      throw new WorkbookReadError(`${scanner.part} enthält einen Text von mehr als ${countText(limits.stringLength)} Zeichen.`);
    cells.set(address, value);
  };

  // Named cells as numbers (row × 16 384 + column): a cell's position is compared without making its address.
  const namedKeys = new Set<number>();
  for (const address of demand.named) {
    const key = canonicalKey(address);
    if (key >= 0) namedKeys.add(key);
  }
  const text = scanner.source;
  const span = scanner.sheetSpans;

  for (;;) {
    // Inside <sheetData> (a <row> next) or one of its rows (a <c> or </row> next): the dedicated step first.
    const depth = scanner.depth;
    if ((depth === 2 || depth === 3) && scanner.localAt(1) === "sheetData" && (depth === 2 || scanner.localAt(2) === "row")) {
      const item = scanner.sheetDataStep();
      if (item === SheetItem.Row) {
        row = span.rStart < 0 ? row + 1 : checkRow(scanner, rowNumber(text, span.rStart, span.rEnd));
        col = 0;
        continue;
      }
      if (item === SheetItem.RowEnd) continue;
      if (item === SheetItem.Cell) {
        let address: string | undefined;
        let cellRow: number;
        // As the tag-by-tag path: a cell's own r moves the column, the row stays the <row>'s.
        if (span.rStart < 0) {
          cellRow = checkRow(scanner, Math.max(row, 1));
          col = checkColumn(scanner, col + 1);
        } else {
          const key = cellKey(scanner, text, span.rStart, span.rEnd);
          cellRow = Math.floor(key / KEY_COLUMNS);
          col = key % KEY_COLUMNS;
          // The address as written when it is canonical (as Excel writes it), else made.
          if (key === canonicalKey(text, span.rStart, span.rEnd)) address = text.slice(span.rStart, span.rEnd);
        }
        if (!demand.whole && !namedKeys.has(cellRow * KEY_COLUMNS + col)) continue;
        address ??= addressOf(cellRow, col);
        const pos = { row: cellRow, col };
        const raw: RawCell = {
          type: span.tStart < 0 ? "n" : text.slice(span.tStart, span.tEnd),
          style: span.sStart < 0 ? undefined : Number(text.slice(span.sStart, span.sEnd)),
        };
        const { vStart, vEnd, fStart, fEnd } = span;
        simpleContent(scanner, raw, vStart, vEnd, fStart, fEnd);
        const value = cellValue(scanner, raw, pos, masters, ctx);
        if (value !== undefined) keep(address, value);
        continue;
      }
    }
    const tag = scanner.nextTag();
    if (!tag) break;
    if (tag.kind === TagKind.Close) continue;
    const level = scanner.depth - (tag.kind === TagKind.Open ? 1 : 0);
    const parent = scanner.localAt(level - 1);
    if (level === 2 && tag.local === "row" && parent === "sheetData") {
      const r = scanner.attribute(tag, "r");
      row = r === undefined ? row + 1 : /^\d{1,10}$/.test(r) ? checkRow(scanner, Number(r)) : checkRow(scanner, NaN);
      col = 0;
    } else if (level === 3 && tag.local === "c" && parent === "row") {
      const r = scanner.attribute(tag, "r");
      const pos = r === undefined ? { row: checkRow(scanner, Math.max(row, 1)), col: checkColumn(scanner, col + 1) } : cellAt(scanner, r);
      col = pos.col;
      const address = r === undefined ? addressOf(pos.row, pos.col) : (pos as { address: string }).address;
      const wanted = demand.whole || demand.named.has(address);
      const s = scanner.attribute(tag, "s");
      const t = scanner.attribute(tag, "t");
      // Most cells hold just <v> and/or a plain <f>: skipped in one step when not kept (no
      // shared formula can start there), decoded from their spans when kept.
      if (scanner.simpleChildren(tag, "v", "f")) {
        if (!wanted) continue;
        const raw: RawCell = { type: t ?? "n", style: s === undefined ? undefined : Number(s) };
        const { firstStart: vStart, firstEnd: vEnd, secondStart: fStart, secondEnd: fEnd } = scanner.simple;
        simpleContent(scanner, raw, vStart, vEnd, fStart, fEnd);
        const value = cellValue(scanner, raw, pos, masters, ctx);
        if (value !== undefined) keep(address, value);
        continue;
      }
      const raw: RawCell = { type: t ?? "n", style: s === undefined ? undefined : Number(s) };
      readCellChildren(scanner, tag, raw, wanted);
      // A shared formula's first cell is needed to show the others, kept or not.
      if (raw.formula?.shared?.master) masters.set(raw.formula.shared.si, { text: raw.formula.text, row: pos.row, col: pos.col });
      if (!wanted) continue;
      const value = cellValue(scanner, raw, pos, masters, ctx);
      if (value !== undefined) keep(address, value);
    } else if (level === 2 && tag.local === "mergeCell" && parent === "mergeCells") {
      if (++counters.merges > limits.merges)
        throw new WorkbookReadError(`Die Arbeitsmappe hat mehr als ${countText(limits.merges)} verbundene Bereiche; so viele werden nicht gelesen.`);
      const ref = scanner.attribute(tag, "ref");
      if (ref === undefined) throw damaged(`${scanner.part}: verbundener Bereich ohne Adresse`);
      const area = range(scanner, ref);
      // A one-cell "merge" merges nothing; exceljs and Excel show it as a plain cell.
      if (area.bottom > area.top || area.right > area.left) areas.push(area);
    }
  }
  dropMergedCells(cells, areas, ctx.deadline);
  return { cells, merges: areas.map((a) => `${addressOf(a.top, a.left)}:${addressOf(a.bottom, a.right)}`) };
}

type Position = { row: number; col: number };
type Masters = ReadonlyMap<string, { text: string; row: number; col: number }>;

function numberValue(scanner: XmlScanner, raw: RawCell, text: string, pos: Position, ctx: SheetContext): CellValue {
  if (!NUMBER.test(text)) throw damaged(`${scanner.part}: die Zelle ${addressOf(pos.row, pos.col)} enthält keine Zahl`);
  const n = Number(text);
  if (raw.style !== undefined && ctx.dateStyles()[raw.style]) return dateText(n, ctx.date1904) ?? n;
  return n;
}

/** A value as its cell type `t` says to read it. */
function typedValue(scanner: XmlScanner, raw: RawCell, text: string, pos: Position, ctx: SheetContext): CellValue {
  switch (raw.type) {
    case "s": {
      const strings = ctx.sharedStrings();
      const i = /^\s*\d{1,10}\s*$/.test(text) ? Number(text) : -1;
      if (i < 0 || i >= strings.length) throw damaged(`${scanner.part}: die Zelle ${addressOf(pos.row, pos.col)} verweist auf einen Text, den es nicht gibt`);
      return strings[i];
    }
    case "str":
    case "inlineStr":
      return text;
    case "b":
      return text.trim() !== "0" && text.trim() !== "false" && text.trim() !== "";
    case "e":
      return { kind: "error", code: text.trim() };
    case "d": {
      const m = /^\d{4}-\d{2}-\d{2}/.exec(text.trim());
      if (!m) throw damaged(`${scanner.part}: die Zelle ${addressOf(pos.row, pos.col)} enthält kein Datum`);
      return m[0];
    }
    default:
      return numberValue(scanner, raw, text, pos, ctx);
  }
}

function cellValue(scanner: XmlScanner, raw: RawCell, pos: Position, masters: Masters, ctx: SheetContext): CellValue | undefined {
  if (raw.formula) {
    // A cached result, when there is one; a text result may be empty (="" computes to "").
    if (raw.v !== undefined && (raw.v !== "" || raw.type === "str")) return typedValue(scanner, raw, raw.v, pos, ctx);
    let text = raw.formula.text;
    const shared = raw.formula.shared;
    if (shared && !shared.master && text === "") {
      const master = masters.get(shared.si);
      text = master ? slideFormula(master.text, master, pos) : "";
    }
    return { kind: "formula", formula: text };
  }
  if (raw.type === "inlineStr") return raw.inline ?? raw.v;
  return raw.v === undefined ? undefined : typedValue(scanner, raw, raw.v, pos, ctx);
}

/**
 * In a merged range Excel shows the top-left cell only; values the file still holds in the
 * others (LibreOffice keeps them on request) are not what the user sees. Each range costs at
 * most the smaller of its area and the sheet's kept cells, and the deadline bounds the rest.
 */
function dropMergedCells(cells: Map<string, CellValue>, areas: readonly RangePosition[], deadline: Deadline): void {
  if (cells.size === 0) return;
  let positions: { address: string; row: number; col: number }[] | undefined;
  for (const a of areas) {
    const area = (a.bottom - a.top + 1) * (a.right - a.left + 1);
    if (area <= cells.size) {
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) {
          deadline.check();
          if (r !== a.top || c !== a.left) cells.delete(addressOf(r, c));
        }
      continue;
    }
    positions ??= [...cells.keys()].map((address) => {
      const m = CELL_REF.exec(address)!;
      return { address, row: Number(m[2]), col: columnIndex(m[1]) };
    });
    for (const p of positions) {
      deadline.check();
      if (p.row >= a.top && p.row <= a.bottom && p.col >= a.left && p.col <= a.right && (p.row !== a.top || p.col !== a.left)) cells.delete(p.address);
    }
  }
}
