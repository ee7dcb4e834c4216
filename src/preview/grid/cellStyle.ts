/** A cell's format as CSS, as far as the preview draws it. */
import type { CSSProperties } from "react";
import type { CellView } from "../host";

function border(b: { style: string; color: string; weight: string } | undefined): string | undefined {
  if (!b || b.style === "None") return undefined;
  const width = b.weight === "Thick" ? 3 : b.weight === "Medium" ? 2 : 1;
  return `${width}px ${b.style === "Dash" ? "dashed" : "solid"} ${b.color}`;
}

const H_ALIGN: Record<string, CSSProperties["textAlign"]> = { Left: "left", Center: "center", Right: "right", Justify: "justify" };

export function cellStyle(view: CellView): CSSProperties {
  const f = view.format;
  const numeric = typeof view.value === "number";
  const style: CSSProperties = {
    fontWeight: f.bold ? 600 : undefined,
    fontStyle: f.italic ? "italic" : undefined,
    color: f.fontColor !== "#000000" ? f.fontColor : undefined,
    fontSize: f.fontSize !== 11 ? `${f.fontSize}pt` : undefined,
    textAlign: H_ALIGN[f.horizontalAlignment] ?? (numeric ? "right" : undefined),
    whiteSpace: f.wrapText ? "normal" : undefined,
    borderTop: border(f.borderTop),
    borderBottom: border(f.borderBottom),
    borderLeft: border(f.borderLeft),
    borderRight: border(f.borderRight),
  };
  if (f.fillColor && f.fillPattern !== "None") style.backgroundColor = f.fillColor;
  // Excel's hatched and dotted patterns (e.g. a Hinweis mark's "LightUp"): drawn as thin stripes
  // over the fill; the preview does not keep the pattern's colour, so they are a dark grey.
  if (f.fillColor && f.fillPattern && f.fillPattern !== "None" && f.fillPattern !== "Solid")
    style.backgroundImage = "repeating-linear-gradient(-45deg, rgba(0, 0, 0, 0.45) 0 1px, transparent 1px 5px)";
  return style;
}
