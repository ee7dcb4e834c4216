import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { csvReadProgress } from "../../src/cli/csv/readCsv";
import { planFromTable, rowsFromPastedText, TEMPLATE_LIMITS } from "../../src/core/template";
import { runInProcess as run } from "./runInProcess";

/** `vorlage` reads CSV files from strangers: streaming, bounded, any German Excel export. */

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "qm-planer-csv-"));
  folders.push(dir);
  return dir;
}

function csv(dir: string, content: string | Buffer, name = "quartiere.csv"): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function sheetNames(file: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file("xl/workbook.xml")!.async("string");
  return [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
}

/** Runs `vorlage` on `content`; the output goes next to the CSV. */
async function vorlage(content: string | Buffer, ...extra: string[]) {
  const dir = folder();
  const input = csv(dir, content);
  const out = path.join(dir, "plan.xlsx");
  const r = await run("vorlage", input, "-o", out, "--von", "2026", ...extra);
  return { ...r, dir, input, out };
}

describe("encodings", () => {
  test("Windows-1252 (German Excel's plain CSV) is read correctly, with a note on stderr", async () => {
    const r = await vorlage(Buffer.from("Quartier;Einwohner\r\nSüd;12.345\r\nMärkisches Viertel;3.000\r\n", "latin1"));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Planungsmappe „${r.out}“ geschrieben: 2 Quartiere, Planjahre 2026–2028.\n`);
    expect(r.stderr).toBe(
      `Hinweis: „${r.input}“ ist nicht in UTF-8 gespeichert und wurde als Windows-1252 gelesen (Excel: „CSV (Trennzeichen-getrennt)“); bitte die Umlaute prüfen.\n`,
    );
    expect(await sheetNames(r.out)).toEqual(["Parameter", "QM Süd", "QM Märkisches Viertel", "Vergleich"]);
  });

  test("Windows-1252's own characters beyond Latin-1 (€, „ “) decode as Windows-1252, not Latin-1", async () => {
    // 0x84 and 0x93 are „ and “ in Windows-1252 (control characters in Latin-1).
    const r = await vorlage(Buffer.concat([Buffer.from("Quartier;Einwohner\nStra\xdfe ", "latin1"), Buffer.from([0x84]), Buffer.from("Am Hang", "latin1"), Buffer.from([0x93]), Buffer.from(";1\n")]));
    expect(r.code).toBe(0);
    expect(await sheetNames(r.out)).toContain("QM Straße „Am Hang“");
  });

  test("UTF-8 with umlauts needs no note", async () => {
    const r = await vorlage("Quartier;Einwohner\nSüd;12\n");
    expect(r).toMatchObject({ code: 0, stderr: "" });
  });

  test.each([
    ["UTF-8 first, then a Windows-1252 byte", Buffer.concat([Buffer.from("Quartier;Einwohner\nSüd;1\n"), Buffer.from("Nord\xfcst;2\n", "latin1")])],
    ["a UTF-8 byte order mark, then a Windows-1252 byte", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Quartier;Einwohner\nS\xfcd;1\n", "latin1")])],
  ])("a mixed file (%s) is refused: no one encoding reads it", async (_name, bytes) => {
    const r = await vorlage(bytes);
    expect(r).toEqual(expect.objectContaining({ code: 2, stdout: "" }));
    expect(r.stderr).toBe(`Fehler: Die Datei „${r.input}“ mischt UTF-8 mit einer anderen Zeichenkodierung; bitte in Excel als „CSV UTF-8“ speichern.\n`);
    expect(readdirSync(r.dir)).toEqual(["quartiere.csv"]);
  });

  test("UTF-16 (Excel's „Unicode-Text“) is refused with what to do", async () => {
    const r = await vorlage(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Quartier\tEinwohner\nNord\t1\n", "utf16le")]));
    expect(r.stderr).toBe(`Fehler: Die Datei „${r.input}“ ist in UTF-16 gespeichert (in Excel „Unicode-Text“); bitte als „CSV UTF-8“ speichern.\n`);
    expect(r.code).toBe(2);
  });
});

describe("binary input", () => {
  test("a workbook given as the CSV", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    const r = await vorlage(await zip.generateAsync({ type: "nodebuffer" }));
    expect(r).toMatchObject({ code: 2, stdout: "", stderr: `Fehler: Die Datei „${r.input}“ ist eine Excel-Arbeitsmappe oder ein ZIP-Archiv, keine CSV-Datei.\n` });
  });

  test.each([
    ["at the start", Buffer.from("Quartier;Einwohner\nNo\0rd;1\n")],
    ["after 200 KB of good rows", Buffer.concat([Buffer.from("Quartier;Einwohner\n" + ";\n".repeat(100_000)), Buffer.from("Nord;1\0\n")])],
  ])("NUL bytes %s → refused as binary", async (_where, bytes) => {
    const r = await vorlage(bytes);
    expect(r).toMatchObject({ code: 2, stdout: "", stderr: `Fehler: Die Datei „${r.input}“ enthält Nullbytes und ist keine Textdatei (CSV erwartet).\n` });
    expect(readdirSync(r.dir)).toEqual(["quartiere.csv"]);
  });

  test("a FIFO is refused at once, not waited on", async () => {
    const dir = folder();
    const fifo = path.join(dir, "quartiere.csv");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const r = await run("vorlage", fifo, "-o", path.join(dir, "plan.xlsx"));
    expect(r).toEqual({ code: 2, stdout: "", stderr: `Fehler: „${fifo}“ ist keine gewöhnliche Datei (sondern z. B. eine Pipe oder ein Gerät).\n` });
  });

  test("a device is refused", async () => {
    const r = await run("vorlage", "/dev/zero", "-o", path.join(folder(), "plan.xlsx"));
    expect(r.stderr).toBe("Fehler: „/dev/zero“ ist keine gewöhnliche Datei (sondern z. B. eine Pipe oder ein Gerät).\n");
  });
});

describe("Excel's sep= first line", () => {
  test("sep=; sets the separator and is no header; line numbers stay the file's", async () => {
    const ok = await vorlage("sep=;\r\nQuartier;Einwohner\r\nNord, Ost;12.345\r\n");
    expect(ok.code).toBe(0);
    expect(await sheetNames(ok.out)).toEqual(["Parameter", "QM Nord, Ost", "Vergleich"]);
    const bad = await vorlage("sep=;\nQuartier;Einwohner\nNord;viele\n");
    expect(bad.stderr).toBe("Fehler: Zeile 3: Einwohner: „viele“ ist keine Zahl.\n");
  });

  test.each([
    ["sep=,", "sep=,\nQuartier,Einwohner\nNord;Ost,12345\n", "QM Nord;Ost"],
    ["a tab", "sep=\t\nQuartier\tEinwohner\nNord\t12.345\n", "QM Nord"],
    ["tabs without sep= (Excel's „Text (Tabstopp-getrennt)“)", "Quartier\tEinwohner\tVbE\nNord, Ost\t12.345\t2,5\n", "QM Nord, Ost"],
    ["quoted, after a byte order mark", '\ufeff"sep=;"\nQuartier;Einwohner\nNord;1\n', "QM Nord"],
  ])("%s", async (_name, text, sheet) => {
    const r = await vorlage(text);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(await sheetNames(r.out)).toContain(sheet);
  });

  test("an unusable separator is refused", async () => {
    const r = await vorlage("sep=x\nQuartierxEinwohner\n");
    expect(r.stderr).toBe("Fehler: Zeile 1: „sep=x“ – als Trennzeichen gehen „;“, „,“, „|“ oder ein Tabulator.\n");
  });
});

describe("Quartier names", () => {
  test.each([
    ["a bell (U+0007)", "Nord\u0007", "U+0007"],
    ["an escape (U+001B)", "\u001b[31mNord", "U+001B"],
    ["U+FFFE", "Nord\ufffe", "U+FFFE"],
    ["a C1 control (U+0085)", "Nord\u0085", "U+0085"],
    ["a right-to-left override", "Nord\u202eOst", "U+202E"],
  ])("%s in a name → refused, the line named", async (_name, name, code) => {
    const r = await vorlage(`Quartier;Einwohner\nSüd;1\n${name};2\n`);
    expect(r).toMatchObject({
      code: 2,
      stdout: "",
      stderr: `Fehler: Zeile 3: Der Name enthält ein Steuerzeichen (${code}), das eine Excel-Datei nicht speichern kann.\n`,
    });
    expect(readdirSync(r.dir)).toEqual(["quartiere.csv"]);
  });

  test("a lone surrogate in a name → refused", async () => {
    // Only reachable through the core (UTF-8 cannot carry one): the pane's pasted text.
    expect(() => planFromTable(rowsFromPastedText("Quartier;Einwohner\nNord\ud800;1"))).toThrow(
      "Zeile 2: Der Name enthält ein ungültiges Zeichen (U+D800, eine halbe UTF-16-Einheit).",
    );
  });

  test.each([
    ["Süd in NFC and in NFD", "Süd".normalize("NFC"), "Süd".normalize("NFD")],
    ["Nord with a zero-width space", "Nord", "Nor\u200bd"],
    ["Nord with a BOM and a word joiner", "Nord", "\ufeffNord\u2060"],
    ["Nord with a zero-width joiner, other case", "Nord", "N\u200dORD"],
  ])("%s is one Quartier: the second is refused as a duplicate", async (_name, first, second) => {
    const r = await vorlage(`Quartier;Einwohner\n${first};1\n${second};2\n`);
    expect(r).toMatchObject({ code: 2, stdout: "", stderr: "Fehler: Zeile 3: Der Name kommt schon als Quartier 1 vor.\n" });
  });

  test("a name typed in NFD is stored in NFC, without invisible characters", async () => {
    const r = await vorlage(`Quartier;Einwohner\n${"Sü\u200bd".normalize("NFD")};1\n`);
    expect(r.code).toBe(0);
    const names = await sheetNames(r.out);
    expect(names[1]).toBe("QM Süd");
    expect(names[1]).toBe(names[1].normalize("NFC"));
  });

  test("the task pane's pasted table follows the same rules", () => {
    expect(() => planFromTable(rowsFromPastedText(`Quartier\tEinwohner\nSüd\t1\n${"Süd".normalize("NFD")}\t2`))).toThrow(
      "Zeile 3: Der Name kommt schon als Quartier 1 vor.",
    );
    expect(() => planFromTable(rowsFromPastedText("Quartier;Einwohner\nNord\u0001;1"))).toThrow("Zeile 2: Der Name enthält ein Steuerzeichen (U+0001)");
    expect(planFromTable(rowsFromPastedText("Quartier;Einwohner\nNor\u200bd;1")).neighbourhoods[0].name).toBe("Nord");
  });
});

describe("bounds: a big file stops early", () => {
  const row = (i: number): string => `Quartier ${i};${1000 + i}\n`;

  test("more Quartiere than a template holds → refused at the first row past the limit", async () => {
    const max = TEMPLATE_LIMITS.neighbourhoodsMax;
    let text = "Quartier;Einwohner\n";
    for (let i = 1; i <= max + 100; i++) text += row(i);
    const r = await vorlage(text);
    expect(r).toMatchObject({
      code: 2,
      stdout: "",
      stderr: `Fehler: Zeile ${max + 2}: Höchstens ${max} Quartiere je Vorlage – die Datei hat mehr; sie wird nicht weiter gelesen.\n`,
    });
    expect(readdirSync(r.dir)).toEqual(["quartiere.csv"]);
  });

  test("exactly the limit is fine", async () => {
    let text = "Quartier;Einwohner\n";
    for (let i = 1; i <= TEMPLATE_LIMITS.neighbourhoodsMax; i++) text += row(i);
    const r = await run("vorlage", csv(folder(), text), "-o", path.join(folder(), "plan.xlsx"), "--von", "2026", "--bis", "2026");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${TEMPLATE_LIMITS.neighbourhoodsMax} Quartiere`);
  });

  test("a 200 MB CSV is not loaded: it stops within the first chunks, at the Quartier limit", async () => {
    const dir = folder();
    const file = path.join(dir, "gross.csv");
    // Written on the fly in 1 MB blocks of rows (~ 10 million rows in all).
    const block = Buffer.from(Array.from({ length: 40_000 }, (_, i) => row(i)).join("").slice(0, 1024 * 1024));
    const fd = openSync(file, "w");
    try {
      writeSync(fd, "Quartier;Einwohner\n");
      for (let i = 0; i < 200; i++) writeSync(fd, block);
    } finally {
      closeSync(fd);
    }
    const r = await run("vorlage", file, "-o", path.join(dir, "plan.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Fehler: Zeile 502: Höchstens 500 Quartiere je Vorlage – die Datei hat mehr; sie wird nicht weiter gelesen\.\n$/);
    // Read: a chunk or two of 64 KB, not 200 MB; parsed: the rows of those chunks, not millions.
    expect(csvReadProgress.bytes).toBeLessThanOrEqual(2 * 64 * 1024);
    expect(csvReadProgress.records).toBeLessThan(10_000);
    expect(readdirSync(dir)).toEqual(["gross.csv"]);
  });

  // The byte bound (10 MB) is tested on the real bin in bin.test.ts: csv-parse's stream runs
  // many times slower inside jest's sandbox than in a plain process.

  test.each([
    ["a name of 20 000 characters", `Quartier;Einwohner\nNord;1\n${"x".repeat(20_000)};2\n`, "Zeile 3"],
    ["a quote never closed, then 1 MB", `Quartier;Einwohner\n"Nord;1\n${"Süd;2\n".repeat(200_000)}`, "Ab Zeile 2"],
  ])("%s → refused as a too long line, early", async (_name, text, line) => {
    const r = await vorlage(text);
    expect(r).toMatchObject({ code: 2, stdout: "", stderr: `Fehler: ${line}: Die Zeile ist länger als 10.000 Zeichen (steht ein Anführungszeichen offen?).\n` });
    expect(csvReadProgress.bytes).toBeLessThanOrEqual(128 * 1024);
  });

  test("a row with more values than Excel has columns is refused", async () => {
    const r = await vorlage(`Quartier;Einwohner\nNord${";".repeat(20_000)}\n`);
    expect(r.stderr).toBe("Fehler: Zeile 2: mehr als 16.384 Werte in einer Zeile.\n");
  });
});
