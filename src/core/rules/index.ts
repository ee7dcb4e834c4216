/** The compliance check's public surface, for the CLI and the task pane. */
export { checkBudget } from "./budgetCheck";
export { checkPlan, checkWorkbook, hasViolation, NO_PLAN, RULES, summarise, toleranceOf } from "./engine";
export type { CheckOptions, CheckResult, NeighbourhoodResult, NeighbourhoodSummary } from "./engine";
export { FINDING_COLUMNS, FINDING_COLUMNS_EN, findingJson, findingRow, resultJson, SEVERITY_LABEL, SEVERITY_LABEL_EN, summaryText } from "./present";
export type { FindingJson, NeighbourhoodJson } from "./present";
export { PARAMETER_DEVIATION } from "./parameters";
export { formatQuantity, quantityJson } from "./quantity";
export type { Finding, Quantity, Rule, Severity } from "./types";
