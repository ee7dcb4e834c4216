/**
 * A built workbook model (the comparison workbook, with its fixed sheet names) made to fit into
 * an open workbook: every sheet whose name is taken gets a free one by the template's rules
 * ("Daten (2)"), and every reference to it — in formulas, defined names, print titles — follows,
 * so nothing of the user's is overwritten and the new sheets still compute over each other.
 */
import { quoteSheetName } from "./addresses";
import type { WorkbookModel } from "./model";
import { assignSheetNames } from "./sheetNames";

export function withFreeSheetNames(model: WorkbookModel, existingSheets: Iterable<string>): WorkbookModel {
  const { names, renamed } = assignSheetNames(
    model.sheets.map((s) => s.name),
    existingSheets,
  );
  const map = new Map(model.sheets.map((s, i) => [s.name, names[i]]));
  const changes = [...map].filter(([from, to]) => from !== to);
  if (changes.length === 0) return model;
  // The model's formulas always quote sheet names ("'Daten'!$B$2"), so a quoted name is a reference, never text.
  const follow = (formula: string): string => changes.reduce((f, [from, to]) => f.split(`${quoteSheetName(from)}!`).join(`${quoteSheetName(to)}!`), formula);
  return {
    sheets: model.sheets.map((s) => ({
      ...s,
      name: map.get(s.name) as string,
      cells: s.cells.map((c) => (c.formula === undefined ? c : { ...c, formula: follow(c.formula) })),
      conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf, formula: follow(cf.formula) })),
    })),
    names: model.names.map((n) => ({ ...n, sheet: map.get(n.sheet) ?? n.sheet })),
    renamed: [...model.renamed, ...renamed],
  };
}
