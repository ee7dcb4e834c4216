/** The planning template: Quartiere and plan years → a workbook model both writers render. */
export * from "./model";
export { NUMBER_FORMATS, STYLES } from "./styles";
export type { CellStyle, StyleKey } from "./styles";
export * from "./input";
export { buildTemplate, buildWorkbookModel, neighbourhoodSheetName } from "./buildTemplate";
export type { BuildOptions } from "./buildTemplate";
export { comparisonTable, COMPARISON_COLUMNS } from "./comparison";
export type { ComparisonColumnKey, ComparisonRow } from "./comparison";
export { richtwerteOf, richtwertOf } from "./figures";
export { richtwertPrompts } from "./notes";
export type { RichtwertPrompt } from "./notes";
export { assignSheetNames, excelSafeSheetName, sheetNameKey, MAX_SHEET_NAME_LENGTH } from "./sheetNames";
export { RENAME_REASONS, renameReasonText } from "./renameReasons";
export { pastedTextOfRows, planFromTable, respellPastedText, rowsFromPastedText, TableInputError } from "./table";
export { quoteSheetName, sheetReference } from "./addresses";
export { cellsOfRange, parseCellAddress, columnLetter } from "./addresses";
