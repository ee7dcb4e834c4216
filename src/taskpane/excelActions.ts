import { readOpenWorkbookPlan } from "../excel/compare";
import { markFindings, removeMarks } from "../excel/highlight";
import { insertBudgetAtSelection } from "../excel/insertBudget";
import { loadWorkbookParameters, recalculateFunctions, saveWorkbookParameters, watchUserEdits } from "../excel/parameters";
import { checkInExcel, selectCell, watchSelection } from "../excel/readPlan";
import { writeReport } from "../excel/report";
import { createTemplateFromPlan, readSelectedRows } from "../excel/writeTemplate";
import type { TaskpaneActions } from "./actions";

/** The pane's actions bound to the Office.js adapters: the one place the pane meets Excel. */
export const excelActions: TaskpaneActions = {
  insertBudget: insertBudgetAtSelection,
  loadParameters: loadWorkbookParameters,
  saveParameters: saveWorkbookParameters,
  recalculate: recalculateFunctions,
  watchUserEdits,
  readWorkbookPlan: readOpenWorkbookPlan,
  check: async (scope) => (await checkInExcel(scope === "sheet" ? "activeSheet" : "workbook")).result,
  selectCell: (cell) => selectCell(cell.sheet, cell.address),
  watchSelection,
  highlight: markFindings,
  removeHighlights: removeMarks,
  writeReport: async (result, lang) => (await writeReport(result, new Date(), lang)).sheet,
  readSelection: readSelectedRows,
  createTemplate: async (plan, onProgress) => {
    const { sheets, renamed } = await createTemplateFromPlan(plan, { onProgress: ({ done, total }) => onProgress({ done, total }) });
    return { sheets, renamed };
  },
};
