/**
 * The Excel enums as plain objects with Office.js's string values. `EnumOf` makes the type
 * checker compare every value with @types/office-js, so a misspelt value cannot slip in.
 * Only the enums (and, for ChartType, the members) QM-Planer uses or is likely to use.
 */
type EnumOf<E> = { [K in keyof E]?: `${E[K] & string}` };

export const ConditionalFormatType = {
  custom: "Custom",
  dataBar: "DataBar",
  colorScale: "ColorScale",
  iconSet: "IconSet",
  topBottom: "TopBottom",
  presetCriteria: "PresetCriteria",
  containsText: "ContainsText",
  cellValue: "CellValue",
} as const satisfies EnumOf<typeof Excel.ConditionalFormatType>;

export const ConditionalCellValueOperator = {
  invalid: "Invalid",
  between: "Between",
  notBetween: "NotBetween",
  equalTo: "EqualTo",
  notEqualTo: "NotEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  greaterThanOrEqual: "GreaterThanOrEqual",
  lessThanOrEqual: "LessThanOrEqual",
} as const satisfies EnumOf<typeof Excel.ConditionalCellValueOperator>;

export const ChartType = {
  columnClustered: "ColumnClustered",
  columnStacked: "ColumnStacked",
  columnStacked100: "ColumnStacked100",
  barClustered: "BarClustered",
  barStacked: "BarStacked",
  barStacked100: "BarStacked100",
  line: "Line",
  lineMarkers: "LineMarkers",
  lineStacked: "LineStacked",
  pie: "Pie",
  doughnut: "Doughnut",
  area: "Area",
  areaStacked: "AreaStacked",
  xyscatter: "XYScatter",
  radar: "Radar",
} as const satisfies EnumOf<typeof Excel.ChartType>;

export const ChartSeriesBy = { auto: "Auto", columns: "Columns", rows: "Rows" } as const satisfies EnumOf<typeof Excel.ChartSeriesBy>;

export const ChartLegendPosition = {
  invalid: "Invalid",
  top: "Top",
  bottom: "Bottom",
  left: "Left",
  right: "Right",
  corner: "Corner",
  custom: "Custom",
} as const satisfies EnumOf<typeof Excel.ChartLegendPosition>;

export const SheetVisibility = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const satisfies EnumOf<typeof Excel.SheetVisibility>;

export const HorizontalAlignment = {
  general: "General",
  left: "Left",
  center: "Center",
  right: "Right",
  fill: "Fill",
  justify: "Justify",
  centerAcrossSelection: "CenterAcrossSelection",
  distributed: "Distributed",
} as const satisfies EnumOf<typeof Excel.HorizontalAlignment>;

export const VerticalAlignment = {
  top: "Top",
  center: "Center",
  bottom: "Bottom",
  justify: "Justify",
  distributed: "Distributed",
} as const satisfies EnumOf<typeof Excel.VerticalAlignment>;

export const NamedItemType = {
  string: "String",
  integer: "Integer",
  double: "Double",
  boolean: "Boolean",
  range: "Range",
  error: "Error",
  array: "Array",
} as const satisfies EnumOf<typeof Excel.NamedItemType>;

export const NamedItemScope = { worksheet: "Worksheet", workbook: "Workbook" } as const satisfies EnumOf<typeof Excel.NamedItemScope>;

export const RangeValueType = {
  unknown: "Unknown",
  empty: "Empty",
  string: "String",
  integer: "Integer",
  double: "Double",
  boolean: "Boolean",
  error: "Error",
  richValue: "RichValue",
} as const satisfies EnumOf<typeof Excel.RangeValueType>;

export const DataValidationType = {
  none: "None",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  list: "List",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
  inconsistent: "Inconsistent",
  mixedCriteria: "MixedCriteria",
} as const satisfies EnumOf<typeof Excel.DataValidationType>;

export const DataValidationAlertStyle = { stop: "Stop", warning: "Warning", information: "Information" } as const satisfies EnumOf<
  typeof Excel.DataValidationAlertStyle
>;

export const DataValidationOperator = {
  between: "Between",
  notBetween: "NotBetween",
  equalTo: "EqualTo",
  notEqualTo: "NotEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  greaterThanOrEqualTo: "GreaterThanOrEqualTo",
  lessThanOrEqualTo: "LessThanOrEqualTo",
} as const satisfies EnumOf<typeof Excel.DataValidationOperator>;

export const ClearApplyTo = {
  all: "All",
  formats: "Formats",
  contents: "Contents",
  hyperlinks: "Hyperlinks",
  removeHyperlinks: "RemoveHyperlinks",
  resetContents: "ResetContents",
} as const satisfies EnumOf<typeof Excel.ClearApplyTo>;

export const BorderIndex = {
  edgeTop: "EdgeTop",
  edgeBottom: "EdgeBottom",
  edgeLeft: "EdgeLeft",
  edgeRight: "EdgeRight",
  insideVertical: "InsideVertical",
  insideHorizontal: "InsideHorizontal",
  diagonalDown: "DiagonalDown",
  diagonalUp: "DiagonalUp",
} as const satisfies EnumOf<typeof Excel.BorderIndex>;

export const BorderLineStyle = {
  none: "None",
  continuous: "Continuous",
  dash: "Dash",
  dashDot: "DashDot",
  dashDotDot: "DashDotDot",
  dot: "Dot",
  double: "Double",
  slantDashDot: "SlantDashDot",
} as const satisfies EnumOf<typeof Excel.BorderLineStyle>;

export const BorderWeight = { hairline: "Hairline", thin: "Thin", medium: "Medium", thick: "Thick" } as const satisfies EnumOf<typeof Excel.BorderWeight>;

export const FillPattern = { none: "None", solid: "Solid" } as const satisfies EnumOf<typeof Excel.FillPattern>;

export const CalculationMode = {
  automatic: "Automatic",
  automaticExceptTables: "AutomaticExceptTables",
  manual: "Manual",
} as const satisfies EnumOf<typeof Excel.CalculationMode>;

export const CalculationType = { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" } as const satisfies EnumOf<typeof Excel.CalculationType>;

export const ErrorCodes = {
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  mergedRangeConflict: "MergedRangeConflict",
} as const satisfies EnumOf<typeof Excel.ErrorCodes>;
