import { runInProcess } from "./runInProcess";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, promises as fsPromises, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { writeFileSafely } from "../../src/cli/xlsx/writeFileSafely";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const ROOT = path.join(__dirname, "..", "..");

const folders: string[] = [];

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "qm-planer-vorlage-"));
  folders.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const run = runInProcess;

function csv(dir: string, text: string, name = "quartiere.csv"): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function sheetNames(file: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file("xl/workbook.xml")!.async("string");
  return [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
}

describe("qm-planer vorlage", () => {
  test("writes the workbook for a ';' CSV with BOM and German numbers, and leaves no temporary file", async () => {
    const dir = folder();
    const out = path.join(dir, "plan.xlsx");
    const r = await run("vorlage", path.join(FIXTURES, "quartiere-grenzen.csv"), "-o", out, "--von", "2026", "--bis", "2027");
    expect(r).toEqual({
      code: 0,
      stdout:
        `Planungsmappe „${out}“ geschrieben: 12 Quartiere, Planjahre 2026–2027.\n` +
        "Hinweis: Das Blatt „QM Nord/Ost“ heißt „QM Nord-Ost“: Zeichen, die Excel in Blattnamen nicht erlaubt ([ ] : * ? / \\ oder ein Apostroph am Rand), ersetzt.\n" +
        "Hinweis: Das Blatt „QM Großsiedlung am Stadtrand Nord“ heißt „QM Großsiedlung am Stadtrand“: an einer Wortgrenze auf 31 Zeichen gekürzt (mehr erlaubt Excel nicht).\n",
      stderr: "",
    });
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
    const names = await sheetNames(out);
    expect(names).toHaveLength(14);
    expect(names[0]).toBe("Parameter");
    expect(names[13]).toBe("Vergleich");
  });

  test("each renamed sheet is reported with its own reason: forbidden characters, the name taken, both shortened and taken", async () => {
    const dir = folder();
    const out = path.join(dir, "plan.xlsx");
    const text = "Quartier;Einwohner\nNord/Ost;1\nNord-Ost;2\nGroßsiedlung am Stadtrand Nord;3\nGroßsiedlung am Stadtrand Süd;4\n";
    const r = await run("vorlage", csv(dir, text), "-o", out, "--von", "2026");
    expect(r).toEqual({
      code: 0,
      stdout:
        `Planungsmappe „${out}“ geschrieben: 4 Quartiere, Planjahre 2026–2028.\n` +
        "Hinweis: Das Blatt „QM Nord/Ost“ heißt „QM Nord-Ost“: Zeichen, die Excel in Blattnamen nicht erlaubt ([ ] : * ? / \\ oder ein Apostroph am Rand), ersetzt.\n" +
        "Hinweis: Das Blatt „QM Nord-Ost“ heißt „QM Nord-Ost (2)“: den Namen gab es in der Mappe schon.\n" +
        "Hinweis: Das Blatt „QM Großsiedlung am Stadtrand Nord“ heißt „QM Großsiedlung am Stadtrand“: an einer Wortgrenze auf 31 Zeichen gekürzt (mehr erlaubt Excel nicht).\n" +
        "Hinweis: Das Blatt „QM Großsiedlung am Stadtrand Süd“ heißt „QM Großsiedlung am (2)“: an einer Wortgrenze auf 31 Zeichen gekürzt (mehr erlaubt Excel nicht); den Namen gab es in der Mappe schon.\n",
      stderr: "",
    });
    expect(await sheetNames(out)).toEqual([
      "Parameter",
      "QM Nord-Ost",
      "QM Nord-Ost (2)",
      "QM Großsiedlung am Stadtrand",
      "QM Großsiedlung am (2)",
      "Vergleich",
    ]);
  });

  test("reads a ',' CSV with the columns in another order and case", async () => {
    const dir = folder();
    const out = path.join(dir, "plan.xlsx");
    const r = await run("vorlage", path.join(FIXTURES, "quartiere-komma.csv"), "-o", out, "--von", "2030");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 Quartiere, Planjahre 2030–2032.");
    expect(await sheetNames(out)).toEqual(["Parameter", "QM Nord", "QM Süd", "Vergleich"]);
  });

  test.each([
    ["Quartier;Einwohner\nNord;12.345\nSüd;viele\n", "Fehler: Zeile 3: Einwohner: „viele“ ist keine Zahl."],
    ["Quartier;Einwohner;VbE\nNord;12.345;2,5\n\nSüd;1000;-1\n", "Fehler: Zeile 4: VbE: darf nicht negativ sein (-1)."],
    ["Quartier;Einwohner\nNord;1\nnord;2\n", "Fehler: Zeile 3: Der Name kommt schon als Quartier 1 vor."],
    ["Name;Bewohnerzahl\nNord;1\n", "Fehler: Zeile 1: Unbekannte Spalte „Bewohnerzahl“ (erlaubt: Quartier, Einwohner, VbE, Raumkosten, Gehalt, Träger)."],
    ['Quartier;Einwohner\nNord;1\n"Süd;2\n', "Fehler: Zeile 3: Ein Anführungszeichen wird nicht geschlossen."],
    ["", "Fehler: Die Tabelle ist leer (erwartet: Kopfzeile „Quartier;Einwohner“ und eine Zeile je Quartier)."],
  ])("a bad CSV %j → exit 2, one German line with the line number, no file", async (text, line) => {
    const dir = folder();
    const out = path.join(dir, "plan.xlsx");
    const r = await run("vorlage", csv(dir, text), "-o", out, "--von", "2026");
    expect(r).toEqual({ code: 2, stdout: "", stderr: line + "\n" });
    expect(readdirSync(dir)).toEqual(["quartiere.csv"]);
  });

  test("one Quartier and one plan year are named in the singular", async () => {
    const dir = folder();
    const out = path.join(dir, "plan.xlsx");
    const r = await run("vorlage", csv(dir, "Quartier;Einwohner\nNord;12.345\n"), "-o", out, "--von", "2026", "--bis", "2026");
    expect(r).toEqual({ code: 0, stdout: `Planungsmappe „${out}“ geschrieben: 1 Quartier, Planjahr 2026.\n`, stderr: "" });
  });

  describe("a row with more values than the header has columns", () => {
    test.each([
      [
        "a decimal comma in a ',' file (the newcomer's case)",
        "Quartier,Einwohner,VbE,Raumkosten\nNord,12345,2,5,18000\nSüd,3200,2,0\n",
        "Fehler: Zeile 2: 5 Werte, die Kopfzeile hat aber 4 Spalten – steht ein Dezimalkomma in einer Datei mit Komma als Trennzeichen? Dann die Zahl in Anführungszeichen setzen oder „;“ als Trennzeichen verwenden.",
      ],
      [
        "a decimal comma with the last column left empty",
        "Quartier,Einwohner,VbE,Raumkosten\nNord,12345,2,5,\n",
        "Fehler: Zeile 2: 5 Werte, die Kopfzeile hat aber 4 Spalten – steht ein Dezimalkomma in einer Datei mit Komma als Trennzeichen? Dann die Zahl in Anführungszeichen setzen oder „;“ als Trennzeichen verwenden.",
      ],
      [
        "a later row, after a blank line",
        "Quartier,Einwohner,VbE\nNord,12.345,\"2,5\"\n\nSüd,3200,1,5\n",
        "Fehler: Zeile 4: 4 Werte, die Kopfzeile hat aber 3 Spalten – steht ein Dezimalkomma in einer Datei mit Komma als Trennzeichen? Dann die Zahl in Anführungszeichen setzen oder „;“ als Trennzeichen verwenden.",
      ],
      [
        "a ';' file",
        "Quartier;Einwohner\nNord;12.345;2,5\n",
        "Fehler: Zeile 2: 3 Werte, die Kopfzeile hat aber 2 Spalten – fehlt eine Spalte in der Kopfzeile?",
      ],
    ])("%s → exit 2, one German line, no file", async (_name, text, line) => {
      const dir = folder();
      const out = path.join(dir, "plan.xlsx");
      const r = await run("vorlage", csv(dir, text), "-o", out, "--von", "2026");
      expect(r).toEqual({ code: 2, stdout: "", stderr: line + "\n" });
      expect(readdirSync(dir)).toEqual(["quartiere.csv"]);
    });

    test("fewer values (empty columns at the end left out) and blank rows stay allowed", async () => {
      const dir = folder();
      const out = path.join(dir, "plan.xlsx");
      const text = "Quartier,Einwohner,VbE,Raumkosten\nNord,12345,\"2,5\",18000\nSüd,3200\n,,,,,,\n";
      const r = await run("vorlage", csv(dir, text), "-o", out, "--von", "2026");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("2 Quartiere, Planjahre 2026–2028.");
      expect(await sheetNames(out)).toEqual(["Parameter", "QM Nord", "QM Süd", "Vergleich"]);
    });
  });

  describe("the output path", () => {
    test("the input file itself is refused, with or without --force, and left as it was", async () => {
      const dir = folder();
      const input = csv(dir, "Quartier;Einwohner\nNord;1\n");
      for (const extra of [[], ["--force"]]) {
        const r = await run("vorlage", input, "-o", input, ...extra);
        expect(r).toEqual({ code: 2, stdout: "", stderr: `Fehler: Die Ausgabe „${input}“ ist die CSV-Eingabedatei selbst; bitte eine andere .xlsx-Datei angeben.\n` });
      }
      // The same file under another spelling of its path, and under an .xlsx name through a link.
      const relative = path.relative(process.cwd(), input);
      expect((await run("vorlage", input, "-o", relative, "--force")).code).toBe(2);
      const link = path.join(dir, "link.xlsx");
      symlinkSync(input, link);
      const linked = await run("vorlage", input, "-o", link, "--force");
      expect(linked).toEqual({ code: 2, stdout: "", stderr: `Fehler: Die Ausgabe „${link}“ ist die CSV-Eingabedatei selbst; bitte eine andere .xlsx-Datei angeben.\n` });
      expect(readFileSync(input, "utf8")).toBe("Quartier;Einwohner\nNord;1\n");
      expect(readdirSync(dir).sort()).toEqual(["link.xlsx", "quartiere.csv"]);
    });

    test.each([["plan.csv"], ["plan"], ["plan.xls"], ["plan.xlsx.bak"]])("an output named %s is refused: the template is an .xlsx workbook", async (name) => {
      const dir = folder();
      const out = path.join(dir, name);
      const r = await run("vorlage", path.join(FIXTURES, "quartiere-komma.csv"), "-o", out);
      expect(r).toEqual({
        code: 2,
        stdout: "",
        stderr: `Fehler: Die Ausgabe „${out}“ muss auf .xlsx enden (die Vorlage ist eine Excel-Arbeitsmappe).\n`,
      });
      expect(readdirSync(dir)).toEqual([]);
    });

    test("the extension may be written in capitals", async () => {
      const dir = folder();
      const r = await run("vorlage", path.join(FIXTURES, "quartiere-komma.csv"), "-o", path.join(dir, "PLAN.XLSX"));
      expect(r.code).toBe(0);
      expect(readdirSync(dir)).toEqual(["PLAN.XLSX"]);
    });
  });

  describe("file-system failures: one German line naming the path", () => {
    test("an output that is a folder, with --force", async () => {
      const dir = folder();
      const out = path.join(dir, "ordner.xlsx");
      mkdirSync(out);
      const r = await run("vorlage", path.join(FIXTURES, "quartiere-komma.csv"), "-o", out, "--force");
      expect(r).toEqual({ code: 2, stdout: "", stderr: `Fehler: „${out}“ ist ein Ordner, keine Datei.\n` });
      expect(readdirSync(dir)).toEqual(["ordner.xlsx"]);
      expect(readdirSync(out)).toEqual([]);
    });

    test("an output below a file instead of a folder", async () => {
      const dir = folder();
      const file = csv(dir, "x", "datei");
      const out = path.join(file, "plan.xlsx");
      const r = await run("vorlage", path.join(FIXTURES, "quartiere-komma.csv"), "-o", out);
      expect(r).toEqual({ code: 2, stdout: "", stderr: `Fehler: Ein Teil des Pfads „${out}“ ist eine Datei, kein Ordner.\n` });
    });

    test("an input that is a folder", async () => {
      const dir = folder();
      const input = path.join(dir, "quartiere.csv");
      mkdirSync(input);
      const r = await run("vorlage", input, "-o", path.join(dir, "plan.xlsx"));
      expect(r).toEqual({ code: 2, stdout: "", stderr: `Fehler: „${input}“ ist ein Ordner, keine Datei.\n` });
    });

    test.each([
      ["EACCES", "writeFile", (out: string) => `Fehler: Keine Berechtigung, „${out}“ zu schreiben.`],
      ["EACCES", "link", (out: string) => `Fehler: Keine Berechtigung, „${out}“ zu schreiben.`],
      ["EPERM", "rename", (out: string) => `Fehler: Keine Berechtigung, „${out}“ zu schreiben.`],
      ["ENOSPC", "writeFile", (out: string) => `Fehler: Kein Speicherplatz mehr auf dem Datenträger, um „${out}“ zu schreiben.`],
      ["EROFS", "writeFile", (out: string) => `Fehler: „${out}“ liegt auf einem schreibgeschützten Datenträger.`],
      ["ENOENT", "link", (out: string) => `Fehler: Den Ordner „${path.dirname(out)}“ gibt es nicht.`],
      ["ENOENT", "rename", (out: string) => `Fehler: Den Ordner „${path.dirname(out)}“ gibt es nicht.`],
    ] as const)("%s from %s → the target's path, not the temporary file's; nothing left behind", async (code, call, line) => {
      const dir = folder();
      const out = path.join(dir, "plan.xlsx");
      // The system reports the temporary file (writeFile) or no path at all (ENOSPC on write).
      const temporary = path.join(dir, ".plan.xlsx.0123456789ab.tmp");
      const err = Object.assign(new Error(`${code}: English text`), { code, errno: -1, syscall: call === "writeFile" ? "open" : call, path: code === "ENOSPC" ? undefined : temporary });
      const spy = jest.spyOn(fsPromises, call).mockRejectedValueOnce(err);
      // The rename publishes only with --force; without it a hard link does.
      const force = call === "rename" ? ["--force"] : [];
      try {
        const r = await run("vorlage", path.join(FIXTURES, "quartiere-komma.csv"), "-o", out, ...force);
        expect(r).toEqual({ code: 2, stdout: "", stderr: line(out) + "\n" });
      } finally {
        spy.mockRestore();
      }
      expect(readdirSync(dir)).toEqual([]);
    });
  });

  test.each([
    [["--von", "2026", "--bis", "2025"], "Fehler: Das letzte Planjahr (2025) liegt vor dem ersten (2026)."],
    [["--von", "26"], "Fehler: --von: „26“ ist keine Jahreszahl."],
    [["--von", "2026", "--bis", "2040"], "Fehler: Höchstens 10 Planjahre je Vorlage (erhalten: 2026 bis 2040)."],
  ])("bad years %j → exit 2", async (years, line) => {
    const dir = folder();
    const r = await run("vorlage", path.join(FIXTURES, "quartiere-komma.csv"), "-o", path.join(dir, "p.xlsx"), ...years);
    expect(r).toEqual({ code: 2, stdout: "", stderr: line + "\n" });
    expect(readdirSync(dir)).toEqual([]);
  });

  test("a file that does not exist → exit 2", async () => {
    const dir = folder();
    const missing = await run("vorlage", path.join(dir, "fehlt.csv"), "-o", path.join(dir, "p.xlsx"));
    expect(missing).toEqual({ code: 2, stdout: "", stderr: `Fehler: Die Datei „${path.join(dir, "fehlt.csv")}“ gibt es nicht.\n` });
    expect(readdirSync(dir)).toEqual([]);
  });

  test("never overwrites an existing file without --force; with --force it does", async () => {
    const dir = folder();
    const out = path.join(dir, "plan.xlsx");
    writeFileSync(out, "meine Daten");
    const refused = await run("vorlage", path.join(FIXTURES, "quartiere-komma.csv"), "-o", out);
    expect(refused).toEqual({ code: 2, stdout: "", stderr: `Fehler: Die Datei „${out}“ gibt es schon; mit --force wird sie überschrieben.\n` });
    expect(readFileSync(out, "utf8")).toBe("meine Daten");
    const forced = await run("vorlage", path.join(FIXTURES, "quartiere-komma.csv"), "-o", out, "--force");
    expect(forced.code).toBe(0);
    expect(await sheetNames(out)).toEqual(["Parameter", "QM Nord", "QM Süd", "Vergleich"]);
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
  });

  test("the installed command: exit code 2 and exactly one line on stderr", async () => {
    const dir = folder();
    const bad = csv(dir, "Quartier;Einwohner\nNord;-1\n");
    const result = await promisify(execFile)("node", [path.join(ROOT, "bin", "qm-planer.js"), "vorlage", bad, "-o", path.join(dir, "p.xlsx")]).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(result).toEqual({ code: 2, stderr: "Fehler: Zeile 2: Einwohner: darf nicht negativ sein (-1).\n" });
    expect(existsSync(path.join(dir, "p.xlsx"))).toBe(false);
  });
});

describe("writeFileSafely", () => {
  test("a failure while producing the bytes leaves neither the target nor a temporary file", async () => {
    const dir = folder();
    const target = path.join(dir, "plan.xlsx");
    await expect(writeFileSafely(target, () => Promise.reject(new Error("kaputt")), false)).rejects.toThrow("kaputt");
    expect(readdirSync(dir)).toEqual([]);
  });

  test("a target that appears while the bytes are produced is not overwritten", async () => {
    const dir = folder();
    const target = path.join(dir, "plan.xlsx");
    const produce = async (): Promise<Buffer> => {
      writeFileSync(target, "von jemand anderem");
      return Buffer.from("neu");
    };
    await expect(writeFileSafely(target, produce, false)).rejects.toThrow("gibt es schon");
    expect(readFileSync(target, "utf8")).toBe("von jemand anderem");
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
  });

  test("a missing target folder is reported before any work", async () => {
    const produce = jest.fn(() => Promise.resolve(Buffer.from("x")));
    await expect(writeFileSafely("/nicht/vorhanden/plan.xlsx", produce, true)).rejects.toThrow("Den Ordner „/nicht/vorhanden“ gibt es nicht.");
    expect(produce).not.toHaveBeenCalled();
  });
});
