/**
 * Reads an .xlsx file into the core's workbook snapshot with exceljs. Defined names are read
 * from `xl/workbook.xml` directly: exceljs collapses a name several sheets define (the
 * template's `Einwohner` on every Quartier sheet) into the last sheet's.
 *
 * Files that are no readable workbook fail with a `WorkbookReadError` whose message is one
 * German line: empty, encrypted (password-protected), old .xls, not a ZIP, a ZIP of something
 * else, broken.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { CellValue, DefinedNameSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../core/workbook";

export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

/** Office's compound-file signature: encrypted .xlsx and old .xls files start with it. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from("PK\u0003\u0004", "latin1");
/** The stream a password-protected OOXML file keeps its encrypted workbook in (names are UTF-16LE). */
const ENCRYPTED_STREAM = Buffer.from("EncryptedPackage", "utf16le");

const NOT_A_WORKBOOK = "Die Datei ist eine ZIP-Datei, aber keine Excel-Arbeitsmappe (.xlsx).";

/**
 * Names every Office document's ZIP carries in its (uncompressed) entry headers. A ZIP that
 * cannot be opened but has them is a damaged workbook; one without them is some other ZIP.
 */
const OFFICE_PARTS = ["[Content_Types].xml", "xl/"].map((name) => Buffer.from(name, "latin1"));

/** Rejects what is not an .xlsx container, with the reason the user can act on. */
function checkContainer(data: Buffer): void {
  if (data.length === 0) throw new WorkbookReadError("Die Datei ist leer.");
  if (data.subarray(0, 8).equals(OLE_SIGNATURE)) {
    throw new WorkbookReadError(
      data.includes(ENCRYPTED_STREAM)
        ? "Die Datei ist mit einem Kennwort geschützt; bitte ohne Kennwort als .xlsx speichern."
        : "Die Datei ist im alten Excel-Format (.xls); bitte als .xlsx speichern.",
    );
  }
  if (!data.subarray(0, 4).equals(ZIP_SIGNATURE)) throw new WorkbookReadError("Die Datei ist keine Excel-Arbeitsmappe (.xlsx).");
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === "sheet" || name === "definedName",
});

interface WorkbookXml {
  workbook?: {
    sheets?: { sheet?: { name: string }[] };
    definedNames?: { definedName?: ({ name: string; localSheetId?: string; "#text"?: string } | string)[] };
  };
}

/** Sheet names in workbook order, and every defined name with its scope. */
function readWorkbookXml(text: string): { sheetNames: string[]; names: DefinedNameSnapshot[] } {
  const doc = xml.parse(text) as WorkbookXml;
  const sheetNames = (doc.workbook?.sheets?.sheet ?? []).map((s) => String(s.name));
  const names: DefinedNameSnapshot[] = [];
  for (const n of doc.workbook?.definedNames?.definedName ?? []) {
    if (typeof n !== "object") continue;
    const scopeIndex = n.localSheetId === undefined ? undefined : Number(n.localSheetId);
    names.push({
      name: String(n.name),
      scope: scopeIndex === undefined ? undefined : sheetNames[scopeIndex],
      reference: String(n["#text"] ?? ""),
    });
  }
  return { sheetNames, names };
}

function richText(value: { richText: { text: string }[] }): string {
  return value.richText.map((r) => r.text).join("");
}

/** A computed value or constant as the snapshot holds it. */
function plainValue(value: unknown): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("error" in value) return { kind: "error", code: String(value.error) };
    if ("richText" in value) return richText(value as { richText: { text: string }[] });
    if ("text" in value) {
      const t = (value as { text: unknown }).text;
      return typeof t === "string" ? t : richText(t as { richText: { text: string }[] });
    }
  }
  return undefined;
}

/**
 * A formula cell's cached result is read from `cell.result`: exceljs's `cell.value` copies only
 * truthy fields, so a cached `<v>0</v>` (or an empty text, FALSCH) would look uncomputed there.
 * Only a formula without any `<v>` has no result.
 */
function cellValue(cell: ExcelJS.Cell): CellValue | undefined {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result: unknown = cell.result;
    return result === undefined ? { kind: "formula", formula: cell.formula } : plainValue(result);
  }
  return plainValue(cell.value);
}

function readSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells = new Map<string, CellValue>();
  // exceljs repeats a merged area's value in every cell of it; keep it in the top-left only
  // (as Excel does) and note the area.
  const merged = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Merge) {
        const master = cell.master;
        const area = merged.get(master.address) ?? { top: +master.row, left: +master.col, bottom: +master.row, right: +master.col };
        area.bottom = Math.max(area.bottom, +cell.row);
        area.right = Math.max(area.right, +cell.col);
        merged.set(master.address, area);
        return;
      }
      const v = cellValue(cell);
      if (v !== undefined) cells.set(cell.address, v);
    });
  });
  const merges = [...merged.entries()].map(([topLeft, a]) => `${topLeft}:${ws.getCell(a.bottom, a.right).address}`);
  return { name: ws.name, cells, merges };
}

/**
 * Sheet parts the check never looks at: exceljs need not build them. Cells (`sheetData`) and
 * merged areas (`mergeCells`) are all the snapshot needs.
 */
const IGNORED_SHEET_PARTS = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "autoFilter",
  "rowBreaks",
  "hyperlinks",
  "pageMargins",
  "dataValidations",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "picture",
  "drawing",
  "sheetProtection",
  "tableParts",
  "conditionalFormatting",
  "extLst",
];

/** Reads workbook bytes into a snapshot; throws WorkbookReadError for what is no readable .xlsx. */
export async function readWorkbookBuffer(data: Buffer): Promise<WorkbookSnapshot> {
  checkContainer(data);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new WorkbookReadError(
      OFFICE_PARTS.some((part) => data.includes(part)) ? "Die Datei ist beschädigt (kein lesbares ZIP-Archiv)." : NOT_A_WORKBOOK,
    );
  }
  const workbookXml = zip.file("xl/workbook.xml");
  if (!workbookXml) throw new WorkbookReadError(NOT_A_WORKBOOK);

  const wb = new ExcelJS.Workbook();
  let parts: { sheetNames: string[]; names: DefinedNameSnapshot[] };
  try {
    const [text] = await Promise.all([workbookXml.async("string"), wb.xlsx.load(data as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_SHEET_PARTS })]);
    parts = readWorkbookXml(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new WorkbookReadError(`Die Datei ist beschädigt (${reason}).`);
  }
  const byName = new Map(wb.worksheets.map((ws) => [ws.name, ws]));
  const sheets = parts.sheetNames.flatMap((name) => {
    const ws = byName.get(name);
    return ws ? [readSheet(ws)] : [];
  });
  return { sheets, names: parts.names };
}

/** Reads an .xlsx file; a missing or unreadable file is a WorkbookReadError too. */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookReadError("Die Datei gibt es nicht.");
    if (code === "EISDIR") throw new WorkbookReadError("Das ist ein Ordner, keine Datei.");
    if (code === "EACCES" || code === "EPERM") throw new WorkbookReadError("Die Datei darf nicht gelesen werden (keine Leserechte).");
    throw new WorkbookReadError(`Die Datei kann nicht gelesen werden (${code ?? String(err)}).`);
  }
  return readWorkbookBuffer(data);
}
