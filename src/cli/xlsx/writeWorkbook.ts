/**
 * Renders a template `WorkbookModel` as an .xlsx file with exceljs. Layout comes entirely from
 * the model; this module only translates it into exceljs calls.
 *
 * Defined names are not written through exceljs: it knows only workbook-wide names, and the
 * contract needs the same name (`Einwohner`, …) on every Quartier sheet, scoped to that sheet.
 * So after exceljs has written the file, all names are put into `xl/workbook.xml` directly,
 * each sheet-scoped one with the `localSheetId` of its sheet (see `addDefinedNames`).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellsOfRange, CellStyle, STYLES, StyleKey, WorkbookModel } from "../../core/template";
import type { CellModel, PromptModel, SheetModel } from "../../core/template";
import { addCharts } from "./charts";
import { addDefinedNames } from "./definedNames";

const ARGB = (rgb: string): string => "FF" + rgb;

function fontOf(s: CellStyle): Partial<ExcelJS.Font> | undefined {
  if (!s.bold && !s.italic && !s.fontSize && !s.fontColor) return undefined;
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.fontSize) font.size = s.fontSize;
  if (s.fontColor) font.color = { argb: ARGB(s.fontColor) };
  return font;
}

function borderOf(s: CellStyle): Partial<ExcelJS.Borders> | undefined {
  if (!s.borderTop && !s.borderBottom) return undefined;
  const border: Partial<ExcelJS.Borders> = {};
  if (s.borderTop) border.top = { style: "thin" };
  if (s.borderBottom) border.bottom = { style: "thin" };
  return border;
}

/** exceljs style objects per style key, built once and shared by every cell. */
const CELL_STYLES: Record<StyleKey, Partial<ExcelJS.Style>> = (() => {
  const out = {} as Record<StyleKey, Partial<ExcelJS.Style>>;
  for (const key of Object.keys(STYLES) as StyleKey[]) {
    const s = STYLES[key];
    const style: Partial<ExcelJS.Style> = {};
    const font = fontOf(s);
    if (font) style.font = font;
    if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: ARGB(s.fill) } };
    const border = borderOf(s);
    if (border) style.border = border;
    if (s.wrap) style.alignment = { wrapText: true, vertical: "top" };
    out[key] = style;
  }
  return out;
})();

function writeCell(ws: ExcelJS.Worksheet, c: CellModel): void {
  const cell = ws.getCell(c.row, c.col);
  if (c.formula !== undefined)
    cell.value = (c.result === undefined ? { formula: c.formula } : { formula: c.formula, result: c.result }) as ExcelJS.CellFormulaValue;
  else if (c.value !== undefined) cell.value = c.value;
  const style: Partial<ExcelJS.Style> = c.style ? { ...CELL_STYLES[c.style] } : {};
  if (c.numberFormat) style.numFmt = c.numberFormat;
  if (!c.locked) style.protection = { locked: false };
  if (Object.keys(style).length > 0) cell.style = style;
}

/**
 * An input message without a rule: exceljs's type "any" writes `<dataValidation>` without a
 * type attribute (OOXML's default "none", Excel's "Any value"), which Excel and LibreOffice
 * show as an input message. exceljs merges equal neighbouring cells into one range. Its
 * typings know no "any", hence the cast.
 */
function promptValidation(p: PromptModel): ExcelJS.DataValidation {
  return { type: "any", formulae: [], showInputMessage: true, promptTitle: p.title, prompt: p.message } as unknown as ExcelJS.DataValidation;
}

/** Conditional formats use the fill as background colour (Excel's dxf convention). */
function conditionalStyle(key: StyleKey): Partial<ExcelJS.Style> {
  const s = STYLES[key];
  const style: Partial<ExcelJS.Style> = {};
  const font = fontOf(s);
  if (font) style.font = font;
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: ARGB(s.fill) } };
  return style;
}

async function writeSheet(wb: ExcelJS.Workbook, sheet: SheetModel): Promise<void> {
  const views: Array<Partial<ExcelJS.WorksheetView>> = sheet.freeze
    ? [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }]
    : [];
  const ws = wb.addWorksheet(sheet.name, { views });
  for (const { col, width } of sheet.columnWidths) ws.getColumn(col).width = width;
  for (const c of sheet.cells) writeCell(ws, c);
  for (const v of sheet.validations)
    for (const address of cellsOfRange(v.range))
      ws.getCell(address).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${v.values.join(",")}"`],
        showErrorMessage: true,
        errorTitle: "Ungültige Eingabe",
        error: `Bitte ${v.values.map((x) => `„${x}“`).join(" oder ")} wählen.`,
      };
  for (const p of sheet.prompts)
    for (const address of p.ranges.flatMap((r) => cellsOfRange(r))) ws.getCell(address).dataValidation = promptValidation(p);
  sheet.conditionalFormats.forEach((cf, i) =>
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: "expression", priority: i + 1, formulae: [cf.formula], style: conditionalStyle(cf.style) }],
    }),
  );
  if (sheet.autoFilter) ws.autoFilter = sheet.autoFilter;
  if (sheet.print) {
    // A4 landscape, all columns on one page width and as many pages down as needed (fitToHeight 0).
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: sheet.print.landscape ? "landscape" : "portrait",
      ...(sheet.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    };
    // Repeated rows are the sheet-scoped name _xlnm.Print_Titles, which the model carries (exceljs's own would clash with ours).
    if (sheet.print.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: sheet.print.footer };
  }
  if (sheet.protect)
    await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatCells: true, formatColumns: true, formatRows: true });
}

/** The model as the bytes of an .xlsx file; charts are added to the package after exceljs (which cannot write them). */
export async function writeWorkbook(model: WorkbookModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "QM-Planer";
  // No cached results are stored; ask the spreadsheet program to compute everything on open.
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of model.sheets) await writeSheet(wb, sheet);
  // Uncompressed here, compressed once at the end: exceljs's own deflate (pako, level 6) was a
  // fifth of `vorlage`'s time; level 1 takes about half of that, for files ~10 % larger
  // (`npm run bench`, Vorlage: 200 Quartiere, 0,84 → 0,93 MB).
  const written = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as Partial<ExcelJS.XlsxWriteOptions>);
  const zip = await JSZip.loadAsync(written as ArrayBuffer);
  const path = "xl/workbook.xml";
  const xml = await zip.file(path)?.async("string");
  if (xml === undefined) throw new Error("exceljs hat keine xl/workbook.xml geschrieben.");
  zip.file(path, addDefinedNames(xml, model));
  await addCharts(zip, model);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } });
}
