import { runInProcess } from "./runInProcess";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { PruefenJson } from "../../src/cli/commands/pruefenReport";
import * as readWorkbook from "../../src/cli/xlsx/untrusted/readWorkbook";
import { buildTemplate, richtwerteOf } from "../../src/core/template";
import {
  completeSheet,
  editWorkbook,
  encryptedWorkbook,
  resavedByExceljs,
  templateWorkbook,
  withCellXml,
  withoutNames,
} from "../fixtures/pruefen/xlsx";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "qm-pruefen-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

const run = runInProcess;

async function runJson(...args: string[]): Promise<{ code: number; json: PruefenJson; stderr: string }> {
  const r = await run("pruefen", "--json", ...args);
  return { code: r.code, json: JSON.parse(r.stdout) as PruefenJson, stderr: r.stderr };
}

/** Nord (1 800 Einwohner, 2 VbE) and Süd (12 345 Einwohner, 2,5 VbE), completed to meet the standard. */
async function compliantPlan(): Promise<Buffer> {
  const made = await templateWorkbook([
    { name: "Nord", residents: 1800, fte: 2, roomCosts: 12000 },
    { name: "Süd", residents: 12345, fte: 2.5, roomCosts: 15000 },
  ]);
  return editWorkbook(made, [...completeSheet("QM Nord"), ...completeSheet("QM Süd")]);
}

describe("qm-planer pruefen on a plan made by the template", () => {
  it("a completed plan meets the standard: exit 0", async () => {
    const path = file("gut.xlsx", await compliantPlan());
    const r = await run("pruefen", path);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Nord (Blatt QM Nord): erfüllt");
    expect(r.stdout).toContain("Süd (Blatt QM Süd): erfüllt");
    expect(r.stderr).toBe("");
  });

  it("a fresh template has every yes/no still at „nein“: Verstöße until the user confirms them", async () => {
    const path = file("frisch.xlsx", await templateWorkbook([{ name: "Nord", residents: 1800 }]));
    const { code, json } = await runJson(path);
    expect(code).toBe(1);
    const rules = "quartiere" in json.dateien[0] ? json.dateien[0].quartiere[0].befunde.map((b) => b.regel) : [];
    expect(rules).toEqual(expect.arrayContaining(["personal.fachkraft", "raeume.buero", "standards.vernetzung", "schwerpunkte.information"]));
    expect(rules.filter((r) => /mindest|verguetung/.test(r))).toEqual([]);
  });

  it("edited as a user would — VbE lowered, Fachkraft removed, Projektkosten cut, a focus area left empty", async () => {
    const edited = await editWorkbook(await compliantPlan(), [
      { sheet: "QM Nord", name: "VbE", value: 1.5 },
      { sheet: "QM Nord", name: "Massnahmen_Netzwerk", value: null },
      { sheet: "QM Süd", name: "Fachkraft_Hochschulabschluss", value: "nein" },
      { sheet: "QM Süd", name: "Plan_Projektkosten", offset: 1, value: 24689.99 },
    ]);
    const path = file("bearbeitet.xlsx", edited);
    const { code, json } = await runJson(path);
    expect(code).toBe(1);
    expect(json).toEqual({
      standard: { name: "Rahmenstandard Quartiermanagement", version: "2026.1" },
      dateien: [
        {
          datei: path,
          quartiere: [
            {
              name: "Nord",
              befunde: [
                {
                  regel: "personal.mindest_vbe",
                  schwere: "verstoss",
                  meldung: "Geplant sind 1,5 VbE, der Standard verlangt mindestens 2 VbE.",
                  soll: "2",
                  ist: "1.5",
                  zelle: "'QM Nord'!B7",
                  jahr: null,
                },
                {
                  regel: "schwerpunkte.netzwerk",
                  schwere: "hinweis",
                  meldung: "Für den Schwerpunkt „Netzwerkarbeit, Koordination und Moderation“ ist keine Maßnahme geplant (Maßnahmen Netzwerk ist leer).",
                  soll: "mindestens eine Maßnahme",
                  ist: "keine",
                  zelle: "'QM Nord'!B34",
                  jahr: null,
                },
              ],
            },
            {
              name: "Süd",
              befunde: [
                expect.objectContaining({ regel: "personal.fachkraft", schwere: "verstoss", soll: "ja", ist: "nein", zelle: "'QM Süd'!B12" }),
                expect.objectContaining({
                  regel: "projektkosten.mindest",
                  schwere: "verstoss",
                  soll: "24690.00",
                  ist: "24689.99",
                  zelle: "'QM Süd'!F25",
                  jahr: 2027,
                }),
              ],
            },
          ],
        },
      ],
    });
  });

  it("a formula without a computed value and #DIV/0! are input findings, never 0", async () => {
    const edited = await editWorkbook(await compliantPlan(), [
      { sheet: "QM Nord", name: "Einwohner", value: { formula: "900*2" } as ExcelJS.CellFormulaValue },
      { sheet: "QM Süd", name: "Plan_Sachkosten", value: { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue },
    ]);
    const { code, json } = await runJson(file("formeln.xlsx", edited));
    expect(code).toBe(1);
    const quartiere = "quartiere" in json.dateien[0] ? json.dateien[0].quartiere : [];
    expect(quartiere.map((q) => q.befunde.map((b) => [b.regel, b.zelle, b.jahr]))).toEqual([
      [["eingabe.formel_ohne_wert", "'QM Nord'!B6", null]],
      [["eingabe.fehlerwert", "'QM Süd'!E24", 2026]],
    ]);
  });
});

describe("the workbook's Parameter sheet and planning assumptions", () => {
  it("a lowered Parameter figure does not let a lowered plan pass: parameter.abweichung, and the plan is checked against the standard", async () => {
    const edited = await editWorkbook(await compliantPlan(), [
      { sheet: "Parameter", name: "Projektkosten_je_Einwohner", value: 1 },
      { sheet: "QM Süd", name: "Plan_Projektkosten", value: 12345 },
    ]);
    const { code, json } = await runJson(file("parameter.xlsx", edited));
    expect(code).toBe(1);
    const quartiere = "quartiere" in json.dateien[0] ? json.dateien[0].quartiere : [];
    expect(quartiere.map((q) => q.name)).toEqual(["Parameter", "Nord", "Süd"]);
    expect(quartiere[0].befunde).toEqual([
      {
        regel: "parameter.abweichung",
        schwere: "verstoss",
        meldung:
          "Parameter „Projektkosten je Einwohner“: Die Arbeitsmappe setzt 1,00 €, der Standard 2,00 € – weniger, als der Standard verlangt. Geprüft wird mit dem Wert des Standards.",
        soll: "2.00",
        ist: "1.00",
        zelle: "Parameter!B9",
        jahr: null,
      },
    ]);
    expect(quartiere[2].befunde.map((b) => [b.regel, b.jahr, b.soll, b.ist, b.zelle])).toEqual([
      ["projektkosten.mindest", 2026, "24690.00", "12345.00", "'QM Süd'!E25"],
    ]);
    expect(quartiere[2].befunde[0].meldung).toContain("der Standard verlangt mindestens 24.690,00 €");
  });

  it("a plan made with a Tarifsteigerung meets the standard at exactly the template's Richtwerte, one cent below fails", async () => {
    const neighbourhoods = [{ name: "Nord", residents: 1800, fte: 2.5, roomCosts: 12000 }];
    const made = await templateWorkbook(neighbourhoods, "0.025");
    const richtwert2028 = richtwerteOf(buildTemplate({ neighbourhoods, firstYear: 2026, lastYear: 2028, tariffIncrease: "0.025" }).plan)[0][2].staffCost;
    expect(richtwert2028.toFixed(2)).toBe("118195.31");
    const complete = await editWorkbook(made, completeSheet("QM Nord"));
    expect((await run("pruefen", file("tarif-gut.xlsx", complete))).code).toBe(0);

    const cut = await editWorkbook(complete, [{ sheet: "QM Nord", name: "Plan_Personalkosten", offset: 2, value: 118195.3 }]);
    const { code, json } = await runJson(file("tarif-knapp.xlsx", cut));
    expect(code).toBe(1);
    const befunde = "quartiere" in json.dateien[0] ? json.dateien[0].quartiere[0].befunde : [];
    expect(befunde.map((b) => [b.regel, b.jahr, b.soll, b.ist, b.zelle])).toEqual([
      ["personal.verguetung", 2028, richtwert2028.toFixed(2), "118195.30", "'QM Nord'!G23"],
    ]);
  });

  it("a Tarifsteigerung set afterwards on the Parameter sheet raises the pay reference of the later years", async () => {
    const edited = await editWorkbook(await compliantPlan(), [{ sheet: "Parameter", name: "Tarifsteigerung", value: 0.03 }]);
    const { code, json } = await runJson(file("tarif-danach.xlsx", edited));
    expect(code).toBe(1);
    const quartiere = "quartiere" in json.dateien[0] ? json.dateien[0].quartiere : [];
    expect(quartiere.map((q) => [q.name, q.befunde.map((b) => [b.regel, b.jahr, b.soll, b.ist])])).toEqual([
      [
        "Nord",
        [
          ["personal.verguetung", 2027, "92700.00", "90000.00"],
          ["personal.verguetung", 2028, "95481.00", "90000.00"],
        ],
      ],
      [
        "Süd",
        [
          ["personal.verguetung", 2027, "115875.00", "112500.00"],
          ["personal.verguetung", 2028, "119351.25", "112500.00"],
        ],
      ],
    ]);
  });
});

describe("formula results the file carries", () => {
  it("a cached 0 (<v>0</v>) is the value 0, not a formula without a computed value", async () => {
    const edited = await withCellXml(await compliantPlan(), "QM Nord", "E28", '<c r="E28"><f>B28-B28</f><v>0</v></c>');
    const { code, json } = await runJson(file("null.xlsx", edited));
    expect(code).toBe(0);
    const nord = "quartiere" in json.dateien[0] ? json.dateien[0].quartiere[0] : undefined;
    expect(nord?.befunde.map((b) => [b.regel, b.schwere, b.jahr, b.ist, b.zelle])).toEqual([["raeume.kosten", "hinweis", 2026, "0.00", "'QM Nord'!E28"]]);
  });

  it("a formula without any <v> is still reported", async () => {
    const edited = await withCellXml(await compliantPlan(), "QM Nord", "E28", '<c r="E28"><f>B28-B28</f></c>');
    const { json } = await runJson(file("ohne-wert.xlsx", edited));
    const nord = "quartiere" in json.dateien[0] ? json.dateien[0].quartiere[0] : undefined;
    expect(nord?.befunde.map((b) => [b.regel, b.zelle])).toEqual([["eingabe.formel_ohne_wert", "'QM Nord'!E28"]]);
  });
});

describe("a plan made by the template that lost its sheet-scoped names", () => {
  /** Three Quartiere: Nord with VbE lowered, Süd with Projektkosten cut and a focus area left empty, Ost complete. */
  async function editedPlan(): Promise<Buffer> {
    const made = await templateWorkbook([
      { name: "Nord", residents: 1800, fte: 2, roomCosts: 12000 },
      { name: "Süd", residents: 12345, fte: 2.5, roomCosts: 15000 },
      { name: "Ost", residents: 3000, fte: 2, roomCosts: 9000 },
    ]);
    return editWorkbook(made, [
      ...completeSheet("QM Nord"),
      ...completeSheet("QM Süd"),
      ...completeSheet("QM Ost"),
      { sheet: "QM Nord", name: "VbE", value: 1.5 },
      { sheet: "QM Süd", name: "Plan_Projektkosten", offset: 1, value: 24689.99 },
      { sheet: "QM Süd", name: "Massnahmen_Netzwerk", value: null },
      { sheet: "QM Süd", name: "Fachkraft_Hochschulabschluss", value: "nein" },
    ]);
  }

  const quartiere = (json: PruefenJson): unknown => ("quartiere" in json.dateien[0] ? json.dateien[0].quartiere : undefined);

  it.each([
    ["removed", withoutNames],
    ["collapsed into workbook-wide names for the last sheet (saved by exceljs)", resavedByExceljs],
  ])("names %s: every Quartier is still checked, with the same findings", async (_how, damage) => {
    const original = await editedPlan();
    const expected = await runJson(file("namen-ok.xlsx", original));
    const { code, json } = await runJson(file("namen-weg.xlsx", await damage(original)));
    expect(code).toBe(1);
    expect(quartiere(json)).toEqual(quartiere(expected.json));
    expect((quartiere(json) as { name: string; befunde: { regel: string }[] }[]).map((q) => [q.name, q.befunde.map((b) => b.regel)])).toEqual([
      ["Nord", ["personal.mindest_vbe"]],
      ["Süd", ["personal.fachkraft", "projektkosten.mindest", "schwerpunkte.netzwerk"]],
      ["Ost", []],
    ]);
  });

  it("a Quartier sheet with neither names nor labels is a Verstoß, never silently dropped", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await withoutNames(await compliantPlan())) as unknown as ExcelJS.Buffer);
    wb.addWorksheet("QM West").getCell("A1").value = "Hier kommt die Planung für West hin.";
    const { code, json } = await runJson(file("west.xlsx", Buffer.from(await wb.xlsx.writeBuffer())));
    expect(code).toBe(1);
    const q = quartiere(json) as { name: string; befunde: { regel: string; schwere: string; meldung: string }[] }[];
    expect(q.map((x) => x.name)).toEqual(["Nord", "Süd", "West"]);
    expect(q[2].befunde).toEqual([
      expect.objectContaining({
        regel: "eingabe.fehlt",
        schwere: "verstoss",
        meldung:
          "Blatt „QM West“: keine Namen der QM-Planer-Vorlage und keine erkennbaren Beschriftungen (Einwohner, VbE, Sachkosten …); das Blatt ist nicht geprüft.",
      }),
    ]);
  });
});

describe("qm-planer pruefen on many files, some unreadable", () => {
  it("checks every readable file, reports each unreadable one in one line, exit 2", async () => {
    const good = file("a.xlsx", await compliantPlan());
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const files = [
      good,
      file("leer.xlsx", ""),
      file("text.xlsx", "Quartier;Einwohner\nNord;1800\n"),
      file("kaputt.xlsx", (await compliantPlan()).subarray(0, 4000)),
      file("geschuetzt.xlsx", encryptedWorkbook()),
      file("brief.xlsx", await zip.generateAsync({ type: "nodebuffer" })),
      join(dir, "gibt-es-nicht.xlsx"),
    ];
    const { code, json, stderr } = await runJson(...files);
    expect(code).toBe(2);
    expect(json.dateien.map((d) => ("fehler" in d ? d.fehler : `${d.quartiere.length} Quartiere`))).toEqual([
      "2 Quartiere",
      "Die Datei ist leer.",
      "Die Datei ist keine Excel-Arbeitsmappe (.xlsx).",
      "Die Datei ist beschädigt (kein lesbares ZIP-Archiv).",
      "Die Datei ist mit einem Kennwort geschützt; bitte ohne Kennwort als .xlsx speichern.",
      // Changed deliberately (was "… keine Excel-Arbeitsmappe (xl/workbook.xml fehlt)"): say what the file is.
      "Die Datei ist eine ZIP-Datei, aber keine Excel-Arbeitsmappe (.xlsx).",
      "Die Datei gibt es nicht.",
    ]);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(`Fehler: ${files[1]}: Die Datei ist leer.`);
    expect(stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  it("an unexpected failure while checking one file is that file's error; the others are still checked", async () => {
    const good = file("d.xlsx", await compliantPlan());
    const broken = file("e.xlsx", await compliantPlan());
    const real = readWorkbook.readWorkbookFile;
    const spy = jest
      .spyOn(readWorkbook, "readWorkbookFile")
      .mockImplementation((path: string) => (path === broken ? Promise.reject(new Error("kaputt im Leser")) : real(path)));
    try {
      const { code, json, stderr } = await runJson(broken, good);
      expect(code).toBe(2);
      expect(json.dateien).toEqual([
        { datei: broken, fehler: "Unerwarteter Fehler: kaputt im Leser" },
        expect.objectContaining({ datei: good }),
      ]);
      expect(stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    } finally {
      spy.mockRestore();
    }
  });

  it("a ZIP of something else that cannot even be opened says what it is", async () => {
    // What `echo hello | zip - -` writes: a ZIP64 stream with one entry "-", which JSZip cannot open.
    const zip64 = Buffer.from(
      "UEsDBC0AAAAAAJ1seV0gMDo2//////////8BABQALQEAEAAGAAAAAAAAAAYAAAAAAAAAaGVsbG8KUEsBAh4DLQAAAAAAnWx5XSAwOjYGAAAABgAAAAEAAAAAAAAAAQAAAIARAAAAAC1QSwYGLAAAAAAAAAAeAy0AAAAAAAAAAAABAAAAAAAAAAEAAAAAAAAALwAAAAAAAAA5AAAAAAAAAFBLBgcAAAAAaAAAAAAAAAABAAAAUEsFBgAAAAABAAEALwAAADkAAAAAAA==",
      "base64",
    );
    const { code, json } = await runJson(file("gepackt.xlsx", zip64));
    expect(code).toBe(2);
    expect(json.dateien).toEqual([{ datei: join(dir, "gepackt.xlsx"), fehler: "Die Datei ist eine ZIP-Datei, aber keine Excel-Arbeitsmappe (.xlsx)." }]);
  });

  it("the text report names unreadable files too", async () => {
    const r = await run("pruefen", file("b.xlsx", await compliantPlan()), file("leer2.xlsx", ""));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("Nord (Blatt QM Nord): erfüllt");
    expect(r.stdout).toContain(`${join(dir, "leer2.xlsx")}: nicht lesbar – Die Datei ist leer.`);
  });

  it("exit 1 beats 0, 2 beats 1", async () => {
    const bad = file("schlecht.xlsx", await editWorkbook(await compliantPlan(), [{ sheet: "QM Nord", name: "VbE", value: 1 }]));
    const good = file("gut2.xlsx", await compliantPlan());
    expect((await run("pruefen", good, bad)).code).toBe(1);
    expect((await run("pruefen", good)).code).toBe(0);
    expect((await run("pruefen", bad, file("leer3.xlsx", ""))).code).toBe(2);
  });

  it("a tolerance is part of the verdict, so the report's header names it", async () => {
    const plan = file("toleranz.xlsx", await compliantPlan());
    expect((await run("pruefen", plan)).stdout.split("\n")[0]).toBe("Prüfung nach dem Rahmenstandard Quartiermanagement (2026.1)");
    expect((await run("pruefen", "--toleranz", "2,5", plan)).stdout.split("\n")[0]).toBe(
      "Prüfung nach dem Rahmenstandard Quartiermanagement (2026.1), Personalkosten mit 2,5 % Toleranz",
    );
  });

  it("refuses a bad tolerance with one line, exit 2", async () => {
    const r = await run("pruefen", "--toleranz", "abc", file("c.xlsx", await compliantPlan()));
    expect([r.code, r.stdout, r.stderr.trim().split("\n").length]).toEqual([2, "", 1]);
    expect(r.stderr).toContain("--toleranz: „abc“ ist keine Zahl.");
  });
});

describe("hostile workbooks through the command line", () => {
  it("merged cells, a 100 000-row used range and <script> in a cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Fremd");
    ws.getCell("A1").value = "Quartier";
    ws.getCell("B1").value = "<script>alert(1)</script>";
    ws.mergeCells("A3:C3");
    ws.getCell("A3").value = "Einwohnerzahl";
    ws.getCell("D3").value = 1800;
    ws.getCell("A4").value = "VbE";
    ws.getCell("B4").value = 2;
    ws.getCell("A5").value = "Projektkosten";
    ws.getCell("B5").value = { formula: "B4/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("A100000").value = "Ende";
    const path = file("feindlich.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    const { code, json } = await runJson(path);
    expect(code).toBe(1);
    const q = "quartiere" in json.dateien[0] ? json.dateien[0].quartiere[0] : undefined;
    expect(q?.name).toBe("<script>alert(1)</script>");
    expect(q?.befunde).toContainEqual(expect.objectContaining({ regel: "eingabe.fehlerwert", zelle: "Fremd!B5" }));
    expect(q?.befunde.some((b) => b.regel === "eingabe.fehlt" && b.meldung.startsWith("Einwohner"))).toBe(false);
  });
});

describe("the installed command", () => {
  it("prints exactly one JSON document and exits 1 on a Verstoß", async () => {
    const bad = file("bin.xlsx", await editWorkbook(await compliantPlan(), [{ sheet: "QM Nord", name: "Plan_Sachkosten", value: 6999.99 }]));
    const r = spawnSync(process.execPath, ["bin/qm-planer.js", "pruefen", bad, "--json"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as PruefenJson;
    const befunde = "quartiere" in json.dateien[0] ? json.dateien[0].quartiere[0].befunde : [];
    expect(befunde.map((b) => [b.regel, b.jahr, b.soll, b.ist])).toEqual([["sachkosten.mindest", 2026, "7000.00", "6999.99"]]);
  });
});
