import { BUILT_IN_IDENTITY } from "../../src/core/parameterSources";
import { defaultParameters } from "../../src/core/standard";
import type { TaskpaneActions } from "../../src/taskpane/actions";

/**
 * The pane's Excel actions for a component test: the workbook carries the standard's figures,
 * edits are not watched, and every other action fails loudly unless the test provides it.
 */
export function stubActions(overrides: Partial<TaskpaneActions> = {}): TaskpaneActions {
  const never = () => Promise.reject(new Error("not used in this test"));
  return {
    insertBudget: never,
    loadParameters: () => Promise.resolve({ parameters: defaultParameters(), planning: {}, standard: { ...BUILT_IN_IDENTITY }, source: "standard", formulas: [] }),
    saveParameters: never,
    recalculate: () => Promise.resolve(),
    watchUserEdits: () => Promise.resolve(),
    readWorkbookPlan: never,
    check: never,
    selectCell: never,
    highlight: never,
    removeHighlights: never,
    writeReport: never,
    readSelection: never,
    createTemplate: never,
    ...overrides,
  };
}
