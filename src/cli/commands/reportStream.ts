/**
 * Writes the result of a batch as each file finishes, so memory stays that of one workbook
 * whatever the number of files, and a report is on screen while the next file is read.
 *
 * JSON is written in pieces that add up to exactly `JSON.stringify(document, null, 2)` of the
 * whole document (one valid document, as before): the keys before the list of files first,
 * then each entry of the list indented as it would be inside it.
 */

/**
 * JSON.stringify(value, null, 2) as it appears at `depth` levels of indentation: the value
 * stringified inside `depth` arrays, the arrays' brackets cut off again. JSON itself indents
 * it, in one pass, with no second copy of the text to re-indent (a batch's largest garbage).
 */
function nested(value: unknown, depth: number): string {
  let wrapped = value;
  let prefix = "";
  let suffix = "";
  for (let level = 1; level <= depth; level++) {
    wrapped = [wrapped];
    prefix += "[\n" + "  ".repeat(level);
    suffix = "\n" + "  ".repeat(level - 1) + "]" + suffix;
  }
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(prefix.length, text.length - suffix.length);
}

/** One entry of the list as JsonListWriter writes it. */
export function jsonListEntry(entry: unknown): string {
  return nested(entry, 2);
}

export class JsonListWriter {
  private count = 0;
  private closed = false;

  /**
   * @param write where the text goes (stdout)
   * @param listKey the key of the list written entry by entry ("dateien")
   * @param head keys written before the list, in order (e.g. the standard checked against)
   */
  constructor(
    private readonly write: (text: string) => void,
    listKey: string,
    head: Readonly<Record<string, unknown>> = {},
  ) {
    let text = "{\n";
    for (const [key, value] of Object.entries(head)) if (value !== undefined) text += `  ${JSON.stringify(key)}: ${nested(value, 1)},\n`;
    this.write(text + `  ${JSON.stringify(listKey)}: [`);
  }

  /** One entry, made into text by jsonListEntry() (perhaps by the thread that checked the file). */
  add(entryText: string): void {
    this.write(`${this.count++ === 0 ? "\n" : ",\n"}    ${entryText}`);
  }

  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.write(this.count === 0 ? "]\n}\n" : "\n  ]\n}\n");
  }
}

/** Text reports one after the other, separated by an empty line, after a header. */
export class TextReportWriter {
  private count = 0;

  constructor(
    private readonly write: (text: string) => void,
    header: string,
  ) {
    this.write(header);
  }

  add(report: string): void {
    this.write((this.count++ === 0 ? "" : "\n") + report);
  }
}
