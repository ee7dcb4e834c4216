/** Plain-text tables for terminal output: columns padded to their widest cell. */
export type Align = "left" | "right";

/** A horizontal rule, as wide as the wider of its neighbouring rows (e.g. above a total). */
export const RULE = "rule";

export type TableRow = readonly string[] | typeof RULE;

export function formatTable(rows: readonly TableRow[], align: readonly Align[], gap = 2): string {
  const cells = rows.filter((r): r is readonly string[] => r !== RULE);
  const widths = align.map((_, col) => Math.max(0, ...cells.map((r) => (r[col] ?? "").length)));
  const render = (row: readonly string[]): string =>
    widths
      .map((w, col) => (align[col] === "right" ? (row[col] ?? "").padStart(w) : (row[col] ?? "").padEnd(w)))
      .join(" ".repeat(gap))
      .trimEnd();
  const rendered = rows.map((row) => (row === RULE ? undefined : render(row)));
  return rendered
    .map((line, i) => line ?? "-".repeat(Math.max((rendered[i - 1] ?? "").length, (rendered[i + 1] ?? "").length)))
    .join("\n");
}
