/**
 * The budget office's round, as pure functions: hand out one workbook per Quartier, then
 * consolidate the submitted ones into one table, one JSON document and one comparison
 * workbook. The CLI (`vorlage --je-quartier`, `vergleich`) and the task pane are shells around it.
 */
export { Consolidator, consolidate, CONSOLIDATION_RULES, UNREAD_LABELS, unreadPlace } from "./consolidate";
export type {
  Consolidation,
  ConsolidatedNeighbourhood,
  ConsolidatedYear,
  ConsolidationError,
  ConsolidatorOptions,
  ShareSums,
  UnreadEntry,
  UnreadInput,
  UnreadKey,
} from "./consolidate";
export { shareRatios, splitByShares, SHARE_ORDER } from "./shares";
export type { ShareRatios, ShareSplit } from "./shares";
export { neighbourhoodJson, vergleichJson, yearJson } from "./json";
export type { VergleichJson, VergleichNeighbourhoodJson, VergleichUnreadJson, VergleichYearJson } from "./json";
export { DATA_COLUMNS, dataCol, meetsStandard } from "./columns";
export type { DataColumn, DataColumnKey } from "./columns";
export { buildComparisonWorkbook, COMPARISON_NAMES, COMPARISON_SHEETS, grandTotals } from "./workbook";
export type { ComparisonWorkbookOptions } from "./workbook";
export { fileStemOf, handOutFileNames, handOutWorkbooks } from "./handOut";
export type { HandOutWorkbook } from "./handOut";
export { comparisonView, sortRows, viewYears } from "./view";
export type { ComparisonView, ViewColumnKey, ViewRow, ViewSums, ViewYear } from "./view";
