/**
 * Defined names written straight into `xl/workbook.xml`, because exceljs cannot write a name
 * scoped to one sheet (it has no `localSheetId`), and the workbook contract puts the same
 * names on every Quartier sheet. A sheet-scoped name carries the 0-based position of its
 * sheet in `<sheets>` as `localSheetId`; Excel and LibreOffice then resolve `Einwohner` on
 * "QM Nord" to that sheet's cell and on "QM Süd" to its own.
 */
import { sheetReference } from "../../core/template";
import type { WorkbookModel } from "../../core/template";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Returns `workbookXml` with a `<definedNames>` element holding every name of the model. */
export function addDefinedNames(workbookXml: string, model: WorkbookModel): string {
  if (workbookXml.includes("<definedNames")) throw new Error("xl/workbook.xml enthält schon definierte Namen.");
  const sheetsEnd = workbookXml.indexOf("</sheets>");
  if (sheetsEnd < 0) throw new Error("xl/workbook.xml ohne <sheets>.");
  const position = new Map(model.sheets.map((s, i) => [s.name, i]));
  const entries = model.names.map((n) => {
    const index = position.get(n.sheet);
    if (index === undefined) throw new Error(`Der Name ${n.name} verweist auf ein unbekanntes Blatt „${n.sheet}“.`);
    const scope = n.scope === "sheet" ? ` localSheetId="${index}"` : "";
    const comment = n.comment ? ` comment="${escapeXml(n.comment)}"` : "";
    return `<definedName name="${escapeXml(n.name)}"${scope}${comment}>${escapeXml(sheetReference(n.sheet, n.address))}</definedName>`;
  });
  const insertAt = sheetsEnd + "</sheets>".length;
  return `${workbookXml.slice(0, insertAt)}<definedNames>${entries.join("")}</definedNames>${workbookXml.slice(insertAt)}`;
}
