/**
 * Cell formats: Excel's defaults, colour spelling, and how formats layer (column → row → cell).
 */
import { officeError } from "../errors";
import type { BorderFormat, CellFormat } from "./types";

type DefaultedKeys = Exclude<keyof CellFormat, "fillColor" | "fillPattern" | "borderTop" | "borderBottom" | "borderLeft" | "borderRight">;

/** Excel's defaults, in the units Office.js reports (points for sizes). */
export const DEFAULT_FORMAT: Readonly<Required<Pick<CellFormat, DefaultedKeys>>> = {
  numberFormat: "General",
  bold: false,
  italic: false,
  fontColor: "#000000",
  fontSize: 11,
  fontName: "Calibri",
  underline: "None",
  strikethrough: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
  indentLevel: 0,
  locked: true,
  formulaHidden: false,
};

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
/** What Office.js reports as fill colour of a cell without fill. */
export const NO_FILL_COLOR = "#FFFFFF";

export const NO_BORDER: BorderFormat = { style: "None", color: "#000000", weight: "Thin" };

export type ResolvedFormat = Required<Pick<CellFormat, DefaultedKeys>> & CellFormat;

export const BORDER_KEYS = ["borderTop", "borderBottom", "borderLeft", "borderRight"] as const;
export type BorderKey = (typeof BORDER_KEYS)[number];

/** The HTML colour names Excel accepts most often; others must be given as #RRGGBB. */
const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  darkgray: "#A9A9A9",
  purple: "#800080",
  pink: "#FFC0CB",
  lightyellow: "#FFFFE0",
  lightgreen: "#90EE90",
  lightblue: "#ADD8E6",
  darkred: "#8B0000",
  darkgreen: "#006400",
  darkblue: "#00008B",
  navy: "#000080",
  teal: "#008080",
};

/** "#ff0000" or "red" → "#FF0000"; anything else is an InvalidArgument, as in Excel. */
export function normalizeColor(input: unknown): string {
  if (typeof input === "string") {
    const s = input.trim();
    if (/^#[0-9a-fA-F]{6}$/.test(s)) return s.toUpperCase();
    const named = NAMED_COLORS[s.toLowerCase()];
    if (named) return named;
  }
  throw officeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: colour ${String(input)}.`);
}

export function resolveFormat(...layers: (CellFormat | undefined)[]): ResolvedFormat {
  const out: ResolvedFormat = { ...DEFAULT_FORMAT };
  for (const layer of layers) if (layer) Object.assign(out, layer);
  return out;
}

/** Applies a patch to a format; keys set to undefined are removed. Returns undefined when empty. */
export function patchFormat(base: CellFormat | undefined, patch: CellFormat): CellFormat | undefined {
  const out: CellFormat = { ...base };
  for (const [k, v] of Object.entries(patch) as [keyof CellFormat, unknown][]) {
    if (v === undefined) delete out[k];
    else (out as Record<string, unknown>)[k] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

export function fillColorOf(f: CellFormat): string {
  return f.fillColor ?? NO_FILL_COLOR;
}

export function fillPatternOf(f: CellFormat): string {
  return f.fillColor === undefined ? "None" : (f.fillPattern ?? "Solid");
}
