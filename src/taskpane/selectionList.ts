/**
 * "Aus Markierung übernehmen" without losing what was typed: what a selection holds (nothing,
 * only a header, or Quartiere), and how its rows join a list already in the field. Pure, so
 * the Template tab only decides what to ask.
 */
import type { Language } from "../core/format";
import { pastedTextOfRows, rowsFromPastedText } from "../core/template";

const isBlank = (row: readonly string[]): boolean => row.every((c) => c === "");

/** The non-blank lines of a list as cells. */
function filledRows(text: string): string[][] {
  return rowsFromPastedText(text).filter((r) => !isBlank(r));
}

export type SelectionContent =
  /** No value in the selection (an empty cell, an empty sheet). */
  | { kind: "empty" }
  /** One line only: a header without Quartiere (or one Quartier without a header). */
  | { kind: "oneLine"; line: string }
  /** A header and `count` lines of Quartiere, as the field's text. */
  | { kind: "rows"; text: string; count: number };

export function selectionContent(rows: readonly (readonly unknown[])[], lang: Language): SelectionContent {
  const filled = filledRows(pastedTextOfRows(rows, lang));
  if (filled.length === 0) return { kind: "empty" };
  if (filled.length === 1) return { kind: "oneLine", line: filled[0].filter((c) => c !== "").join(", ") };
  return { kind: "rows", text: filled.map((r) => r.join(";")).join("\n"), count: filled.length - 1 };
}

/** Number of Quartier lines (below the header) a typed list holds. */
export function typedRowCount(text: string): number {
  return Math.max(0, filledRows(text).length - 1);
}

const headerKey = (cell: string): string => cell.trim().toLocaleLowerCase("de-DE");

/**
 * The typed list with the selection's Quartiere appended below it, each value under the column
 * of the same heading; undefined when a heading of the selection is not in the typed list (then
 * only replacing makes sense).
 */
export function appendSelection(typed: string, selection: string): string | undefined {
  const current = filledRows(typed);
  const added = filledRows(selection);
  if (current.length === 0 || added.length === 0) return undefined;
  const header = current[0].map(headerKey);
  const targets = added[0].map((cell) => (cell === "" ? -1 : header.indexOf(headerKey(cell))));
  if (targets.some((target, i) => target < 0 && added[0][i] !== "")) return undefined;
  const appended = added.slice(1).map((row) => {
    const out = header.map(() => "");
    row.forEach((value, i) => {
      if (targets[i] >= 0) out[targets[i]] = value;
    });
    return out.join(";");
  });
  return [...current.map((r) => r.join(";")), ...appended].join("\n");
}
