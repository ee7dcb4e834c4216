/**
 * The look of a planning workbook: a few named cell styles and number formats. Number format
 * codes are stored in the file in Excel's invariant notation; a German Excel shows
 * `#,##0.00 "€"` as `12.345,67 €`.
 */
export const NUMBER_FORMATS = {
  euro: '#,##0.00 "€"',
  /** A deviation: negative amounts in red. */
  euroSigned: '#,##0.00 "€";[Red]-#,##0.00 "€"',
  integer: "#,##0",
  fte: "0.00",
  percent: "0.00%",
  year: "0",
  hours: "#,##0",
  text: "@",
} as const;

export type StyleKey = "title" | "section" | "header" | "label" | "input" | "computed" | "total" | "note" | "belowStandard";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** Font colour as RRGGBB. */
  fontColor?: string;
  /** Fill colour as RRGGBB. */
  fill?: string;
  wrap?: boolean;
  borderTop?: boolean;
  borderBottom?: boolean;
}

/** Inputs are pale yellow (the usual "type here" colour), computed cells pale grey. */
export const STYLES: Readonly<Record<StyleKey, CellStyle>> = {
  title: { bold: true, fontSize: 14 },
  section: { bold: true, fontSize: 12, borderBottom: true },
  header: { bold: true, fill: "D9E1F2", wrap: true, borderBottom: true },
  label: {},
  input: { fill: "FFF2CC" },
  computed: { fill: "F2F2F2" },
  total: { bold: true, fill: "F2F2F2", borderTop: true },
  note: { italic: true, fontColor: "595959" },
  belowStandard: { fontColor: "9C0006", fill: "FFC7CE" },
};
