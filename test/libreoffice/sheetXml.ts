/**
 * Reading a saved .xlsx as its XML parts, as a second reader beside exceljs: which part holds
 * which sheet, the input messages (data-validation prompts) per cell, and editing a constant
 * cell in place (exceljs would drop the sheet-scoped names on a read-modify-write).
 */
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { cellsOfRange } from "../../src/core/template/addresses";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["sheet", "Relationship", "dataValidation"].includes(name) });

/** Sheet name → path of its part ("xl/worksheets/sheet2.xml"), from workbook.xml and its relationships. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = parser.parse(await zip.file("xl/workbook.xml")!.async("string"));
  const rels = parser.parse(await zip.file("xl/_rels/workbook.xml.rels")!.async("string"));
  const target = new Map<string, string>(
    (rels.Relationships.Relationship as Array<{ Id: string; Target: string }>).map((r) => [r.Id, r.Target.replace(/^\/?(xl\/)?/, "xl/")]),
  );
  const out = new Map<string, string>();
  for (const s of workbook.workbook.sheets.sheet as Array<Record<string, string>>) out.set(s.name, target.get(s["r:id"])!);
  return out;
}

export interface CellPrompt {
  title: string;
  message: string;
}

/** The input message shown on each cell of a sheet part (only validations that show one). */
export function promptsOfSheet(xml: string): Map<string, CellPrompt> {
  const sheet = parser.parse(xml).worksheet;
  const out = new Map<string, CellPrompt>();
  for (const dv of (sheet.dataValidations?.dataValidation ?? []) as Array<Record<string, string>>) {
    if (!["1", "true"].includes(String(dv.showInputMessage))) continue;
    for (const range of String(dv.sqref).split(" "))
      for (const address of cellsOfRange(range)) out.set(address, { title: dv.promptTitle ?? "", message: dv.prompt ?? "" });
  }
  return out;
}

/** Every sheet's input messages: sheet name → address → prompt. */
export async function promptsOfWorkbook(bytes: Buffer): Promise<Map<string, Map<string, CellPrompt>>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Map<string, CellPrompt>>();
  for (const [name, part] of await sheetParts(zip)) out.set(name, promptsOfSheet(await zip.file(part)!.async("string")));
  return out;
}

/** Replaces the constant of cell `address` (which must hold one) in a sheet part's XML. */
export function setCellValue(xml: string, address: string, value: string): string {
  const cell = new RegExp(`(<c r="${address}"[^>]*>)<v>[^<]*</v>`);
  if (!cell.test(xml)) throw new Error(`no constant in ${address}`);
  return xml.replace(cell, `$1<v>${value}</v>`);
}
