/**
 * Text from a workbook shown in a report or the task pane: characters that would change the
 * report's layout rather than appear in it — line breaks, other control characters and the
 * bidirectional overrides that reorder what a terminal shows — are written as escapes (`\n`,
 * `\t`, `\u0007`, `\u202E`). A Quartier named "Nord\nSüd: erfüllt" then cannot add a line of
 * its own to the report. Everything else (umlauts, emoji, quotes) stays as it is.
 */

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * C0 and C1 controls, DEL, the Unicode line and paragraph separators, the bidirectional
 * marks, embeddings, overrides and isolates, and lone surrogates (not text at all).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escape(ch: string): string {
  return NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** `text` with every layout-changing character escaped; plain text comes back unchanged. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, escape);
}
