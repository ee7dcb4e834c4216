/**
 * Reads the rows of a CSV file from a stranger without trusting it: only a regular file, read
 * as a stream through csv-parse and bounded in bytes, line length and number of Quartiere —
 * a 200 MB or 4-million-row file stops within the first few kilobytes past the limit instead
 * of being loaded whole. Binary files are refused; UTF-8 is expected, Windows-1252 (German
 * Excel's "CSV (Trennzeichen-getrennt)") is recognised and read with a note; Excel's `sep=;`
 * first line sets the separator.
 */
import { parse, Parser } from "csv-parse";
import { constants as fsConstants, promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { TEMPLATE_LIMITS } from "../../core/template";
import { CliError, fileSystemError, fileSystemFailure, UsageError } from "../errors";

/** Bounds of a CSV file: far above any real list of Quartiere (500 rows of ~100 characters). */
export const CSV_LIMITS = {
  /** Bytes read at most. */
  maxBytes: 10 * 1024 * 1024,
  /** Characters of one row's values (csv-parse counts the values, not the separators). */
  maxRowChars: 10_000,
  /** Values in one row: Excel's number of columns. */
  maxRowValues: 16_384,
} as const;

/** How far the last call of `readCsvRows` read — for tests that a big file stops early. */
export const csvReadProgress = { bytes: 0, records: 0 };

export type Separator = ";" | "," | "\t" | "|";
export type CsvEncoding = "utf-8" | "windows-1252";

export interface CsvRows {
  rows: string[][];
  /** The line number each row ends on (as an editor counts). */
  lines: number[];
  encoding: CsvEncoding;
  separator: Separator;
  /** German notes for stderr ("Hinweis: …"), e.g. that the file was read as Windows-1252. */
  notes: string[];
}

/**
 * The separator of the header line: ";" (German Excel's CSV) if it occurs, else a tab (Excel's
 * „Text (Tabstopp-getrennt)“, and what a copied range is), else ",", else ";".
 */
export function detectSeparator(text: string): ";" | "," | "\t" {
  const header = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== "") ?? "";
  if (header.includes(";")) return ";";
  if (header.includes("\t")) return "\t";
  return header.includes(",") ? "," : ";";
}

const CSV_PROBLEMS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: "Ein Anführungszeichen wird nicht geschlossen",
  CSV_INVALID_CLOSING_QUOTE: "Nach einem schließenden Anführungszeichen folgt kein Trennzeichen",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "Nach einem schließenden Anführungszeichen folgt kein Trennzeichen",
  CSV_MAX_RECORD_SIZE: `Die Zeile ist länger als ${CSV_LIMITS.maxRowChars.toLocaleString("de-DE")} Zeichen (steht ein Anführungszeichen offen?)`,
};

/** "1 Quartier", "2 Quartiere". */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const isBlankRow = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === "");

/** Raised inside the UTF-8 attempt; the file is then read again as Windows-1252. */
class NotUtf8 extends Error {}

/** Opens only a regular file: a FIFO would block forever, a device never ends. */
async function openRegularFile(file: string): Promise<FileHandle> {
  let handle: FileHandle | undefined;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused right below).
    handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const stats = await handle.stat();
    if (stats.isDirectory()) throw fileSystemError("EISDIR", file, "lesen");
    if (!stats.isFile()) throw new CliError(`„${file}“ ist keine gewöhnliche Datei (sondern z. B. eine Pipe oder ein Gerät).`);
    return handle;
  } catch (e) {
    await handle?.close().catch(() => undefined);
    throw fileSystemFailure(e, file, "lesen");
  }
}

/** What the first bytes say about the file before anything is parsed. */
interface Preamble {
  separator: Separator;
  /** 1-based line where the table starts (2 after a `sep=` line). */
  fromLine: number;
  /** The file starts with a UTF-8 byte order mark: it claims to be UTF-8. */
  utf8Bom: boolean;
}

const SEP_LINE = /^"?sep=(.)"?[ \t]*$/i;
const SEPARATORS: readonly string[] = [";", ",", "\t", "|"];

/**
 * Reads the first bytes: refuses what is clearly no CSV text (UTF-16, a workbook, other
 * binary), understands `sep=`, and finds the separator in the header line. Only ASCII matters
 * here, so the bytes are looked at as Latin-1 whatever the encoding.
 */
async function readPreamble(handle: FileHandle, file: string): Promise<Preamble> {
  const head = Buffer.alloc(CSV_LIMITS.maxRowChars * 4);
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  const bytes = head.subarray(0, bytesRead);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new CliError(`Die Datei „${file}“ ist in UTF-16 gespeichert (in Excel „Unicode-Text“); bitte als „CSV UTF-8“ speichern.`);
  if (bytes.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1")))
    throw new CliError(`Die Datei „${file}“ ist eine Excel-Arbeitsmappe oder ein ZIP-Archiv, keine CSV-Datei.`);
  refuseBinary(bytes, file);
  const utf8Bom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = bytes.subarray(utf8Bom ? 3 : 0).toString("latin1");
  const sep = SEP_LINE.exec(text.split(/\r\n|\n|\r/)[0]);
  if (!sep) return { separator: detectSeparator(text), fromLine: 1, utf8Bom };
  if (!SEPARATORS.includes(sep[1]))
    throw new UsageError(`Zeile 1: „sep=${sep[1]}“ – als Trennzeichen gehen „;“, „,“, „|“ oder ein Tabulator.`);
  return { separator: sep[1] as Separator, fromLine: 2, utf8Bom };
}

/** NUL bytes never occur in text of any 8-bit encoding or UTF-8: this is a binary file. */
function refuseBinary(bytes: Buffer, file: string): void {
  if (bytes.includes(0)) throw new CliError(`Die Datei „${file}“ enthält Nullbytes und ist keine Textdatei (CSV erwartet).`);
}

/** A character beyond ASCII (the BOM aside): text that is already UTF-8 with umlauts. */
// eslint-disable-next-line no-control-regex -- the ASCII range starts with the control characters
const NON_ASCII = /[^\u0000-\u007f\ufeff]/;
/** The same in a lenient decode, where U+FFFD stands for bytes that are not UTF-8. */
// eslint-disable-next-line no-control-regex -- as above
const NON_ASCII_DECODED = /[^\u0000-\u007f\ufeff\ufffd]/;

/** The decoding stage: bytes → text, refusing binary and counting bytes; NotUtf8 when UTF-8 fails. */
function decoder(file: string, encoding: CsvEncoding, utf8Bom: boolean) {
  return async function* decode(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
    const text = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
    // A byte order mark says UTF-8: bytes that are not UTF-8 after it make a mixed file.
    let nonAscii = utf8Bom;
    for await (const chunk of chunks) {
      csvReadProgress.bytes += chunk.length;
      if (csvReadProgress.bytes > CSV_LIMITS.maxBytes)
        throw new CliError(
          `Die Datei „${file}“ ist größer als ${CSV_LIMITS.maxBytes / 1024 / 1024} MB – keine Liste von Quartieren (höchstens ${TEMPLATE_LIMITS.neighbourhoodsMax}).`,
        );
      refuseBinary(chunk, file);
      let part: string;
      try {
        part = text.decode(chunk, { stream: true });
      } catch {
        // Text already read as UTF-8 with umlauts, then bytes that are not: a mixed file that
        // no single encoding reads correctly.
        // Valid UTF-8 umlauts in this very chunk count too (a lenient decode shows them).
        if (nonAscii || NON_ASCII_DECODED.test(new TextDecoder("utf-8").decode(chunk)))
          throw new CliError(`Die Datei „${file}“ mischt UTF-8 mit einer anderen Zeichenkodierung; bitte in Excel als „CSV UTF-8“ speichern.`);
        throw new NotUtf8();
      }
      nonAscii ||= NON_ASCII.test(part);
      yield part;
    }
    try {
      const rest = text.decode();
      if (rest !== "") yield rest;
    } catch {
      if (nonAscii) throw new CliError(`Die Datei „${file}“ endet mitten in einem UTF-8-Zeichen.`);
      throw new NotUtf8();
    }
  };
}

/** The table's checks while it streams in: header width, row length, the Quartier limit. */
function collector(preamble: Preamble, out: { rows: string[][]; lines: number[] }) {
  let headerWidth: number | undefined;
  let neighbourhoods = 0;
  const cause =
    preamble.separator === ","
      ? "steht ein Dezimalkomma in einer Datei mit Komma als Trennzeichen? Dann die Zahl in Anführungszeichen setzen oder „;“ als Trennzeichen verwenden."
      : "fehlt eine Spalte in der Kopfzeile?";
  return async function collect(records: AsyncIterable<{ record: string[]; info: { lines: number } }>): Promise<void> {
    for await (const { record, info } of records) {
      csvReadProgress.records++;
      const line = info.lines;
      if (record.length > CSV_LIMITS.maxRowValues)
        throw new UsageError(`Zeile ${line}: mehr als ${CSV_LIMITS.maxRowValues.toLocaleString("de-DE")} Werte in einer Zeile.`);
      if (isBlankRow(record)) continue;
      if (headerWidth === undefined) headerWidth = record.length;
      else {
        // More values than the header has columns would land in the wrong columns unnoticed;
        // fewer are fine (empty columns at the end left out).
        if (record.length > headerWidth)
          throw new UsageError(
            `Zeile ${line}: ${counted(record.length, "Wert", "Werte")}, die Kopfzeile hat aber ${counted(headerWidth, "Spalte", "Spalten")} – ${cause}`,
          );
        // Stop right here: a file with millions of rows is refused after this one row.
        if (++neighbourhoods > TEMPLATE_LIMITS.neighbourhoodsMax)
          throw new UsageError(
            `Zeile ${line}: Höchstens ${TEMPLATE_LIMITS.neighbourhoodsMax} Quartiere je Vorlage – die Datei hat mehr; sie wird nicht weiter gelesen.`,
          );
      }
      // Trailing empty cells carry nothing: kept short, a wide export costs no memory.
      let end = record.length;
      while (end > 0 && record[end - 1].trim() === "") end--;
      out.rows.push(record.slice(0, end));
      out.lines.push(line);
    }
  };
}

/** The parser, noting in `progress.lastLine` the line each row ends on as it parses it. */
function csvParser(preamble: Preamble, progress: { lastLine: number }): Parser {
  return parse({
    // Synchronous, unlike the records passed downstream: an error in the same chunk still knows
    // where the last good row ended.
    on_record: (record, context) => {
      progress.lastLine = context.lines;
      return record;
    },
    delimiter: preamble.separator,
    bom: true,
    from_line: preamble.fromLine,
    // Rows may be shorter than the header; longer ones are refused with a German line.
    relax_column_count: true,
    // Blank rows (a sheet exported down to row 1.048.576 has a million) are dropped by the
    // parser itself: passing each on as a record costs ~10× more.
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    info: true,
    max_record_size: CSV_LIMITS.maxRowChars,
  });
}

/**
 * csv-parse's errors (English, with a code) as one German line naming the line. csv-parse
 * names the line it stopped on; a value that spans lines (an open quote) began after
 * `lastLine`, the last row read whole — then "Ab Zeile …".
 */
function csvProblem(e: unknown, lastLine: number): unknown {
  const err = e as { code?: string; lines?: number };
  if (typeof err?.code !== "string" || !err.code.startsWith("CSV_")) return e;
  const problem = CSV_PROBLEMS[err.code] ?? "Die Zeile ist kein gültiges CSV";
  if (!err.lines) return new UsageError(`${problem}.`);
  return new UsageError(err.lines > lastLine + 1 ? `Ab Zeile ${lastLine + 1}: ${problem}.` : `Zeile ${err.lines}: ${problem}.`);
}

/** One pass over the file in `encoding`; NotUtf8 when a UTF-8 pass meets bytes that are not. */
async function readAs(file: string, encoding: CsvEncoding): Promise<Omit<CsvRows, "notes">> {
  csvReadProgress.bytes = 0;
  csvReadProgress.records = 0;
  const out = { rows: [] as string[][], lines: [] as number[] };
  // Each pass opens (and checks) the file anew: a FileHandle gives one stream only.
  const handle = await openRegularFile(file);
  const progress = { lastLine: 0 };
  try {
    const preamble = await readPreamble(handle, file);
    progress.lastLine = preamble.fromLine - 1;
    // `end` is inclusive: one byte more than allowed is read, so a file just over the bound is seen.
    const source = handle.createReadStream({ start: 0, end: CSV_LIMITS.maxBytes, highWaterMark: 64 * 1024 });
    await pipeline(source, decoder(file, encoding, preamble.utf8Bom), csvParser(preamble, progress), collector(preamble, out));
    return { ...out, encoding, separator: preamble.separator };
  } catch (e) {
    if (e instanceof NotUtf8) throw e;
    throw fileSystemFailure(csvProblem(e, progress.lastLine), file, "lesen");
  } finally {
    // The stream closes the handle when it ends; after a refusal in the preamble it is still open.
    await handle.close().catch(() => undefined);
  }
}

/**
 * The rows of a CSV file with the line each ends on; blank rows are left out. Throws a German
 * CliError/UsageError (naming the file or the line) for anything it refuses.
 */
export async function readCsvRows(file: string): Promise<CsvRows> {
  try {
    return { ...(await readAs(file, "utf-8")), notes: [] };
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
  }
  return {
    ...(await readAs(file, "windows-1252")),
    notes: [`Hinweis: „${file}“ ist nicht in UTF-8 gespeichert und wurde als Windows-1252 gelesen (Excel: „CSV (Trennzeichen-getrennt)“); bitte die Umlaute prüfen.`],
  };
}
