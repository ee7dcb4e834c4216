import { readOpenWorkbookPlan } from "../excel/compare";
import { markFindings, removeMarks } from "../excel/highlight";
import { insertBudgetAtSelection } from "../excel/insertBudget";
import { loadWorkbookParameters, recalculateFunctions, saveWorkbookParameters, watchUserEdits } from "../excel/parameters";
import { checkInExcel, selectCell, watchSelection } from "../excel/readPlan";
import { writeReport } from "../excel/report";
import { addNeighbourhoods, createTemplateFromPlan, readSelectedRows } from "../excel/writeTemplate";
import type { TaskpaneActions } from "./actions";

/** The pane's actions bound to the Office.js adapters: the one place the pane meets Excel. */
export const excelActions: TaskpaneActions = {
  insertBudget: insertBudgetAtSelection,
  loadParameters: loadWorkbookParameters,
  saveParameters: saveWorkbookParameters,
  recalculate: recalculateFunctions,
  watchUserEdits,
  readWorkbookPlan: readOpenWorkbookPlan,
  // Loaded on first use: the reader and the comparison writer stay out of the pane's first load.
  consolidateFiles: async (files, onProgress) => (await import(/* webpackChunkName: "submissions" */ "./compare/reader")).consolidateSubmittedFiles(files, onProgress),
  writeComparison: async (c) => (await import(/* webpackChunkName: "submissions" */ "../excel/writeComparison")).writeComparisonSheets(c),
  check: async (scope, sheet) => {
    const { result, activeSheet } = await checkInExcel(scope === "workbook" ? "workbook" : sheet !== undefined ? { sheet } : "activeSheet");
    return { ...result, checkedSheet: scope === "sheet" ? (sheet ?? activeSheet) : undefined };
  },
  selectCell: (cell) => selectCell(cell.sheet, cell.address),
  watchSelection,
  highlight: markFindings,
  removeHighlights: removeMarks,
  writeReport: async (result, lang) => (await writeReport(result, new Date(), lang)).sheet,
  readSelection: readSelectedRows,
  createTemplate: async (plan, onProgress, lang) => {
    const { sheets, renamed } = await createTemplateFromPlan(plan, { onProgress: ({ done, total }) => onProgress({ done, total }), lang });
    return { sheets, renamed };
  },
  addNeighbourhoods: async (plan) => {
    const r = await addNeighbourhoods(plan);
    return { sheets: r.sheets, renamed: r.renamed, added: { comparison: r.comparison?.sheet ?? "", replaced: r.comparison?.replaced ?? false, years: r.years } };
  },
};
