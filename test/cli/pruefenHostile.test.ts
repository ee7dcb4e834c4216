/**
 * Hostile .xlsx files, built in the test and small on disk, all in one `pruefen` batch between
 * two good files: each is refused with a sentence naming the bound or the defect (or checked,
 * where the trick is meant to hide something), and the good files are still reported.
 * Time and memory are the bench's business (bench/pruefen.ts), not asserted here.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PruefenJson } from "../../src/cli/commands/pruefenReport";
import { readWorkbookBuffer, WorkbookReadError } from "../../src/cli/xlsx/untrusted/readWorkbook";
import { buildZip, FOREIGN_PLAN, inflatingSheet, sheetXml, workbookParts, ZipPart } from "../fixtures/pruefen/hostileZip";
import { completeSheet, editWorkbook, templateWorkbook } from "../fixtures/pruefen/xlsx";
import { runInProcess } from "./runInProcess";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "qm-feindlich-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;
const plan = sheetXml(FOREIGN_PLAN);

function foreign(nameXml = "Plan"): ZipPart[] {
  return workbookParts([{ nameXml, xml: plan }]);
}

function replace(parts: ZipPart[], name: string, change: (p: ZipPart) => ZipPart): ZipPart[] {
  return parts.map((p) => (p.name === name ? change(p) : p));
}

type Expect = { fehler: RegExp } | { quartiere: (q: { name: string; befunde: { schwere: string; meldung: string }[] }[]) => void };

interface Case {
  name: string;
  /** The file's bytes, or a function that makes the path itself (FIFO, directory, symlink). */
  make: () => Buffer | ((path: string) => void);
  expect: Expect;
}

const hasViolation = (q: { befunde: { schwere: string }[] }[]): boolean => q.some((x) => x.befunde.some((b) => b.schwere === "verstoss"));

function cases(): Case[] {
  const sixty = inflatingSheet(60 * MB);
  const fortyFive = inflatingSheet(45 * MB);
  const fiveSheets = workbookParts(Array.from({ length: 5 }, (_, i) => ({ nameXml: `Blatt ${i + 1}` })));
  fiveSheets.push(...Array.from({ length: 5 }, (_, i): ZipPart => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: "", raw: fortyFive })));
  const overlapping = workbookParts(Array.from({ length: 3 }, (_, i) => ({ nameXml: `Blatt ${i + 1}` })));
  overlapping.push({ name: "xl/worksheets/sheet1.xml", data: plan }, { name: "xl/worksheets/sheet2.xml", data: plan, sameDataAs: "xl/worksheets/sheet1.xml" });
  overlapping.push({ name: "xl/worksheets/sheet3.xml", data: plan, sameDataAs: "xl/worksheets/sheet1.xml" });
  const flipped = buildZip(replace(foreign(), "xl/worksheets/sheet1.xml", (p) => ({ ...p, store: true })));
  flipped[flipped.indexOf("Einwohner")] ^= 0x20;
  const manyNames = `<definedNames>${'<definedName name="x">Plan!$A$1</definedName>'.repeat(1_000_000)}</definedNames>`;

  return [
    { name: "Bombe: ein Blatt, 60 MB entpackt, ehrlich angegeben", make: () => buildZip([...workbookParts([{ nameXml: "Plan" }]), { name: "xl/worksheets/sheet1.xml", data: "", raw: sixty }]), expect: { fehler: /^xl\/worksheets\/sheet1\.xml ist entpackt größer als 50 MB\.$/ } },
    { name: "Bombe: Größe im Verzeichnis gelogen (1 KB angegeben)", make: () => buildZip([...workbookParts([{ nameXml: "Plan" }]), { name: "xl/worksheets/sheet1.xml", data: "", raw: sixty, declaredSize: 1024, localSize: 1024 }]), expect: { fehler: /entpackt größer als im ZIP-Verzeichnis angegeben/ } },
    { name: "Bombe: fünf Blätter zu je 45 MB", make: () => buildZip(fiveSheets), expect: { fehler: /zusammen größer als 200 MB/ } },
    { name: "Bombe: überlappende Einträge (drei Namen, ein Inhalt)", make: () => buildZip(overlapping), expect: { fehler: /verschiedene Namen für xl\/worksheets\/sheet2\.xml/ } },
    { name: "lokaler Kopf lügt über die Größe", make: () => buildZip(replace(foreign(), "xl/worksheets/sheet1.xml", (p) => ({ ...p, localSize: 5 }))), expect: { fehler: /verschiedene Angaben zu xl\/worksheets\/sheet1\.xml/ } },
    { name: "Entitäten (billion laughs)", make: () => buildZip(replace(foreign(), "xl/workbook.xml", (p) => ({ ...p, data: String(p.data).replace("<workbook", '<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><workbook').replace('name="Plan"', 'name="&lol2;"') }))), expect: { fehler: /xl\/workbook\.xml enthält eine DTD oder Entitäten/ } },
    { name: "Name über das ganze Blatt", make: () => buildZip(workbookParts([{ nameXml: "QM Nord", xml: plan }], '<definedNames><definedName name="Einwohner" localSheetId="0">\'QM Nord\'!$A$1:$XFD$1048576</definedName></definedNames>')), expect: { quartiere: (q) => expect(q[0].befunde.some((b) => b.meldung.includes("umfasst 17179869184 Zellen"))).toBe(true) } },
    { name: "verbundener Bereich über das ganze Blatt", make: () => buildZip(workbookParts([{ nameXml: "Plan", xml: sheetXml(FOREIGN_PLAN, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>') }])), expect: { quartiere: (q) => expect(q[0].befunde.every((b) => b.meldung.length > 0)).toBe(true) } },
    { name: '<row r="2000000000">', make: () => buildZip(workbookParts([{ nameXml: "Plan", xml: plan.replace('<row r="3">', '<row r="2000000000">') }])), expect: { fehler: /Zeile 2000000000 liegt außerhalb der 1\.048\.576 Zeilen von Excel/ } },
    { name: "Spalte hinter XFD", make: () => buildZip(workbookParts([{ nameXml: "Plan", xml: plan.replace('r="B3"', 'r="XFE3"') }])), expect: { fehler: /Spalte 16385 liegt außerhalb der 16\.384 Spalten/ } },
    { name: "Spaltenangabe mit sieben Buchstaben", make: () => buildZip(workbookParts([{ nameXml: "Plan", xml: plan.replace('r="B3"', 'r="ZZZZZZZ3"') }])), expect: { fehler: /ungültige Zelladresse „ZZZZZZZ3“/ } },
    { name: "eine Million definierter Namen", make: () => buildZip(workbookParts([{ nameXml: "Plan", xml: plan }], manyNames)), expect: { fehler: /mehr als 100\.000 definierte Namen/ } },
    { name: "1 001 Blätter", make: () => buildZip(workbookParts(Array.from({ length: 1001 }, (_, i) => ({ nameXml: `B${i}`, xml: plan })))), expect: { fehler: /mehr als 1\.000 Blätter/ } },
    { name: "10 001 ZIP-Einträge", make: () => buildZip([...foreign(), ...Array.from({ length: 10_000 }, (_, i): ZipPart => ({ name: `x/${i}`, data: "", store: true }))]), expect: { fehler: /10\.005 ZIP-Einträge, mehr als die 10\.000/ } },
    { name: "abgeschnittenes ZIP", make: () => buildZip(foreign()).subarray(0, 600), expect: { fehler: /^Die Datei ist beschädigt \(kein lesbares ZIP-Archiv\)\.$/ } },
    { name: "gekipptes Bit (Prüfsumme)", make: () => flipped, expect: { fehler: /die Prüfsumme von xl\/worksheets\/sheet1\.xml stimmt nicht/ } },
    { name: "Teil zweimal im ZIP", make: () => buildZip([...foreign(), { name: "xl/worksheets/sheet1.xml", data: plan }]), expect: { fehler: /der Teil xl\/worksheets\/sheet1\.xml ist zweimal enthalten/ } },
    { name: "zwei Blätter gleichen Namens", make: () => buildZip(workbookParts([{ nameXml: "QM Nord", xml: plan }, { nameXml: "qm nord", xml: plan }])), expect: { fehler: /zwei Blätter heißen „qm nord“/ } },
    { name: "Verschachtelung 200 Ebenen tief", make: () => buildZip(workbookParts([{ nameXml: "Plan", xml: plan.replace("</sheetData>", `</sheetData>${"<x>".repeat(200)}${"</x>".repeat(200)}`) }])), expect: { fehler: /tiefer als 128 Ebenen verschachtelt/ } },
    { name: "ein Text von 200 000 Zeichen", make: () => buildZip(workbookParts([{ nameXml: "Plan", xml: sheetXml({ ...FOREIGN_PLAN, C1: "x".repeat(200_000) }) }])), expect: { fehler: /einen Text von mehr als 100\.000 Zeichen/ } },
    { name: "mit bzip2 gepackt", make: () => buildZip(replace(foreign(), "xl/worksheets/sheet1.xml", (p) => ({ ...p, method: 12 }))), expect: { fehler: /nicht unterstützten Verfahren gepackt \(Nr\. 12\)/ } },
    { name: "FIFO", make: () => (path: string) => execFileSync("mkfifo", [path]), expect: { fehler: /benannte Pipe \(FIFO\)/ } },
    { name: "Ordner", make: () => (path: string) => mkdirSync(path), expect: { fehler: /^Das ist ein Ordner, keine Datei\.$/ } },
    { name: "Symlink auf /dev/zero", make: () => (path: string) => symlinkSync("/dev/zero", path), expect: { fehler: /^Das ist ein Gerät, keine Datei/ } },
    {
      name: "Blattname mit Zeichenreferenz (QM &#65;ltstadt)",
      make: () => buildZip(foreign("QM &#65;ltstadt")),
      expect: { quartiere: (q) => expect([q[0].name, hasViolation(q)]).toEqual(["QM Altstadt", true]) },
    },
    {
      name: "Blattname mit TAB als Zeichenreferenz",
      make: () => buildZip(foreign("QM Alt&#9;stadt")),
      expect: { quartiere: (q) => expect([q[0].name, hasViolation(q)]).toEqual(["QM Alt\tstadt", true]) },
    },
    {
      name: "Blattname mit wörtlichem TAB (XML macht ein Leerzeichen daraus)",
      make: () => buildZip(foreign("QM Alt\tstadt")),
      expect: { quartiere: (q) => expect([q[0].name, hasViolation(q)]).toEqual(["QM Alt stadt", true]) },
    },
    {
      name: "Teil eines Blatts fehlt",
      make: () => buildZip(workbookParts([{ nameXml: "Plan", xml: sheetXml({ ...FOREIGN_PLAN, B2: 2 }) }, { nameXml: "QM Altstadt" }])),
      expect: {
        quartiere: (q) =>
          expect(q.find((x) => x.name === "Altstadt")?.befunde).toEqual([
            expect.objectContaining({ schwere: "verstoss", meldung: expect.stringContaining("sein Inhalt (xl/worksheets/sheet2.xml) fehlt in der Datei") }),
          ]),
      },
    },
  ];
}

async function goodPlan(): Promise<Buffer> {
  const made = await templateWorkbook([{ name: "Nord", residents: 1800, fte: 2, roomCosts: 12000 }]);
  return editWorkbook(made, completeSheet("QM Nord"));
}

describe("pruefen on a batch of hostile files between two good ones", () => {
  it("refuses each with a sentence naming the bound or defect, checks what hides a Quartier, reports the good files", async () => {
    const good = await goodPlan();
    const all = cases();
    const paths = all.map((c, i) => {
      const path = join(dir, `feindlich-${i}.xlsx`);
      const made = c.make();
      if (typeof made === "function") made(path);
      else writeFileSync(path, made);
      return path;
    });
    const first = join(dir, "gut-1.xlsx");
    const last = join(dir, "gut-2.xlsx");
    writeFileSync(first, good);
    writeFileSync(last, good);

    const r = await runInProcess("pruefen", "--json", first, ...paths, last);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as PruefenJson;
    expect(json.dateien).toHaveLength(all.length + 2);
    for (const good of [json.dateien[0], json.dateien[all.length + 1]]) {
      expect(good).toEqual({ datei: expect.any(String), quartiere: [{ name: "Nord", befunde: [] }] });
    }
    all.forEach((c, i) => {
      const entry = json.dateien[i + 1];
      const label = `${c.name}: ${JSON.stringify(entry).slice(0, 300)}`;
      if ("fehler" in c.expect) {
        expect([label, "fehler" in entry ? entry.fehler : undefined]).toEqual([label, expect.stringMatching(c.expect.fehler)]);
      } else {
        expect([label, "quartiere" in entry]).toEqual([label, true]);
        if ("quartiere" in entry) c.expect.quartiere(entry.quartiere);
      }
    });
    // One line on stderr per refused file, none for the others.
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(all.filter((c) => "fehler" in c.expect).length);
  });
});

describe("the text report cannot be forged", () => {
  it("line breaks and control characters from the workbook are shown escaped", async () => {
    const forged = buildZip(
      // A sheet name may carry line breaks and a right-to-left override as character references;
      // a cell may carry any control character in OOXML's own escape (_x0007_).
      workbookParts([{ nameXml: "QM Nord&#10;gut.xlsx&#10;Nord (Blatt QM Nord): erfüllt&#8238;", xml: sheetXml({ ...FOREIGN_PLAN, A5: "Quartier", B5: "Süd\nSüd: erfüllt_x0007_" }) }]),
    );
    const path = join(dir, "gefaelscht.xlsx");
    writeFileSync(path, forged);
    const r = await runInProcess("pruefen", path);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    // Summary lines start at the margin; finding lines are indented.
    expect(lines.filter((l) => !l.startsWith(" ") && l.includes("erfüllt"))).toEqual([
      expect.stringMatching(/^Süd\\nSüd: erfüllt\\u0007 \(Blatt QM Nord\\ngut\.xlsx\\nNord \(Blatt QM Nord\): erfüllt\\u202e\): \d+ Verstö/),
    ]);
  });

  it("JSON keeps the texts as they are (escaped by JSON itself)", async () => {
    const path = join(dir, "gefaelscht-json.xlsx");
    writeFileSync(path, buildZip(workbookParts([{ nameXml: "Plan", xml: sheetXml({ ...FOREIGN_PLAN, A5: "Quartier", B5: "Süd\nSüd" }) }])));
    const json = JSON.parse((await runInProcess("pruefen", "--json", path)).stdout) as PruefenJson;
    expect("quartiere" in json.dateien[0] && json.dateien[0].quartiere[0].name).toBe("Süd\nSüd");
  });
});

describe("the reader's time budget", () => {
  it("a file that takes longer than the budget is refused with a sentence saying so", async () => {
    const many = sheetXml(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`A${i + 1}`, i])));
    const data = buildZip(workbookParts([{ nameXml: "Plan", xml: many }]));
    await expect(readWorkbookBuffer(data, { limits: { timeMs: -1 } })).rejects.toThrow(WorkbookReadError);
    await expect(readWorkbookBuffer(data, { limits: { timeMs: -1 } })).rejects.toThrow(/dauert länger als/);
    expect((await readWorkbookBuffer(data)).sheets[0].cells.size).toBe(20_000);
  });
});
