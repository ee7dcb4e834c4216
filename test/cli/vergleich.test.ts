import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { runInProcess } from "./runInProcess";
import type { VergleichJson } from "../../src/core/consolidation";
import { CONSOLIDATION_RULES } from "../../src/core/consolidation";
import { Dec } from "../../src/core/decimal";
import { FUNDING_NAMES, PLAN_NAMES } from "../../src/core/names";
import { readWorkbookPlan } from "../../src/core/read/workbookPlan";
import { readWorkbookFile } from "../../src/cli/xlsx/untrusted/readWorkbook";
import { buildZip, sheetXml, workbookParts } from "../fixtures/pruefen/hostileZip";
import { CellEdit, completeSheet, editWorkbook } from "../fixtures/pruefen/xlsx";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "qm-vergleich-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runInProcess;

function file(name: string, data: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

const CSV = "Quartier;Einwohner;VbE;Träger\nNord;12.345;2,5;Caritas & Co\nSu\u0308d;3.200;2;\nA/B;1.000;2;Verein X\nCON;5.000;2;\nA\\B;1.000;2;\n";

/** Planned amounts per line and year (2026–2028) a provider typed in. */
const PLANNED: Record<keyof typeof PLAN_NAMES, number[]> = {
  staffCost: [112500, 115000, 117500],
  materialCost: [8750, 8750, 8750],
  projectCost: [24690, 25000, 25000],
  dispositionFund: [6172.5, 6172.5, 6200],
  roomCosts: [18000, 18000, 18000.01],
};

/** A handed-out sheet filled in: every Planansatz typed, the requirements met, granted funds (the sum cell, as Excel saves its value). */
function fillIn(sheet: string, granted: number[]): CellEdit[] {
  const lines = (Object.keys(PLANNED) as Array<keyof typeof PLAN_NAMES>).flatMap((key) =>
    PLANNED[key].map((value, offset) => ({ sheet, name: PLAN_NAMES[key], offset, value })),
  );
  return [...lines, ...completeSheet(sheet), ...granted.map((value, offset) => ({ sheet, name: FUNDING_NAMES.granted, offset, value }))];
}

function sumOf(texts: ReadonlyArray<string | null>): Dec {
  return texts.reduce((a, t) => a.plus(t ?? 0), new Dec(0));
}

describe("qm-planer vorlage --je-quartier", () => {
  let out: string;
  beforeAll(() => {
    out = join(dir, "ausgabe");
  });

  test("one workbook per Quartier, safe and distinct file names, the Träger on the sheet", async () => {
    const csv = file("quartiere.csv", CSV);
    const r = await run("vorlage", csv, "--je-quartier", "-o", out, "--von", "2026", "--bis", "2028");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    // NFC "Süd", separators replaced, a Windows device name escaped, the clash numbered.
    expect(readdirSync(out).sort()).toEqual(["A_B-2.xlsx", "A_B.xlsx", "CON_.xlsx", "Nord.xlsx", "Süd.xlsx"].sort());
    expect(r.stdout).toContain("5 Planungsmappen in „");
    expect(r.stdout).toContain("Nord.xlsx – Nord (Träger: Caritas & Co)");
    expect(r.stdout).toContain("A_B-2.xlsx – A\\B");

    const nord = await readWorkbookFile(join(out, "Nord.xlsx"));
    expect(nord.sheets.map((s) => s.name)).toEqual(["Parameter", "QM Nord"]);
    const plan = readWorkbookPlan(nord);
    expect(plan.neighbourhoods.map((n) => [n.name, n.provider])).toEqual([["Nord", "Caritas & Co"]]);
    const sued = readWorkbookPlan(await readWorkbookFile(join(out, "Süd.xlsx")));
    expect(sued.neighbourhoods[0].provider).toBeUndefined();
  });

  test("nothing is overwritten without --force, and a refused hand-out writes no file at all", async () => {
    const csv = file("quartiere2.csv", CSV + "Neu;1.000;2;\n");
    const before = readFileSync(join(out, "Nord.xlsx"));
    const r = await run("vorlage", csv, "--je-quartier", "-o", out, "--von", "2026", "--bis", "2028");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Fehler: Die Datei „.*\.xlsx“ gibt es schon; mit --force wird sie überschrieben\.\n$/);
    expect(readFileSync(join(out, "Nord.xlsx")).equals(before)).toBe(true);
    expect(readdirSync(out)).not.toContain("Neu.xlsx");

    const forced = await run("vorlage", csv, "--je-quartier", "-o", out, "--von", "2026", "--bis", "2028", "--force");
    expect(forced.code).toBe(0);
    expect(readdirSync(out)).toContain("Neu.xlsx");
    expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("-o plan.xlsx (copied from the one-workbook call) is refused, not made a folder", async () => {
    const r = await run("vorlage", file("quartiere4.csv", CSV), "--je-quartier", "-o", join(dir, "plan.xlsx"));
    expect(r).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(/sieht aus wie eine Datei; mit --je-quartier nennt -o einen Ordner/) });
    expect(existsSync(join(dir, "plan.xlsx"))).toBe(false);
  });

  test("-o naming a file is refused with one line", async () => {
    const csv = file("quartiere3.csv", CSV);
    const r = await run("vorlage", csv, "--je-quartier", "-o", csv);
    expect(r).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(/^Fehler: „.*quartiere3\.csv“ ist kein Ordner; mit --je-quartier nennt -o den Ordner für die Mappen\.\n$/) });
  });
});

describe("qm-planer vergleich", () => {
  let nord: string;
  let sued: string;
  let foreign: string;
  beforeAll(async () => {
    const out = join(dir, "runde");
    const r = await run("vorlage", file("runde.csv", CSV), "--je-quartier", "-o", out, "--von", "2026", "--bis", "2028");
    expect(r.code).toBe(0);
    nord = file("eingang-nord.xlsx", await editWorkbook(readFileSync(join(out, "Nord.xlsx")), fillIn("QM Nord", [10000, 0, 2500.5])));
    sued = file("eingang-sued.xlsx", await editWorkbook(readFileSync(join(out, "Süd.xlsx")), fillIn("QM Süd", [0, 0, 0])));
    // A plan made elsewhere, read by its labels.
    foreign = file(
      "eigene-mappe.xlsx",
      buildZip(
        workbookParts([
          {
            nameXml: "Ost",
            xml: sheetXml({
              A1: "Einwohner", B1: 4000,
              A2: "VbE", B2: 2,
              A3: "Personalkosten", B3: 90000,
              A4: "Sachkosten", B4: 7000,
              A5: "Projektkosten", B5: 8000,
              A6: "Verfügungsfonds", B6: 2000,
              A7: "Raumkosten", B7: 1000.01,
            }),
          },
        ]),
      ),
    );
  });

  async function vergleich(...args: string[]): Promise<{ code: number; json: VergleichJson; stderr: string; output: string }> {
    const output = join(dir, `vergleich-${Math.random().toString(36).slice(2)}.xlsx`);
    const r = await run("vergleich", ...args, "-o", output, "--json");
    return { code: r.code, json: JSON.parse(r.stdout) as VergleichJson, stderr: r.stderr, output };
  }

  test("filled-in template workbooks and a foreign one: figures, shares to the cent, sums of the rows, exit 0", async () => {
    const { code, json, stderr, output } = await vergleich(nord, sued, foreign);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(json.standard).toEqual({ name: "Rahmenstandard Quartiermanagement", version: expect.any(String) });
    expect(json.fehler).toEqual([]);
    expect(json.quartiere.map((q) => [q.name, q.datei, q.traeger])).toEqual([
      ["Nord", nord, "Caritas & Co"],
      ["Süd", sued, null],
      ["Ost", foreign, null],
    ]);
    const n = json.quartiere[0];
    expect(n.verstoesse).toEqual([]);
    expect(n.jahre.map((y) => y.jahr)).toEqual([2026, 2027, 2028]);
    const y = n.jahre[0];
    expect(y).toMatchObject({
      einwohner: 12345,
      vbe: "2.5",
      personalkosten: "112500.00",
      sachkosten: "8750.00",
      projektkosten: "24690.00",
      verfuegungsfonds: "6172.50",
      raumkosten: "18000.00",
      gesamt: "170112.50",
      drittmittel_bewilligt: "10000.00",
      // (170 112,50 − 10 000) ÷ 3 = 53 370,83⅓: the left-over cent goes to the Gemeinde.
      anteil_bund: "53370.83",
      anteil_land: "53370.83",
      anteil_gemeinde: "53370.84",
      // 170 112,50 ÷ 12 345 = 13,7799…
      je_einwohner: "13.78",
    });
    expect(new Dec(y.abweichung!).eq(new Dec(y.gesamt!).minus(y.richtwert_gesamt!))).toBe(true);
    expect(n.jahre[2].raumkosten).toBe("18000.01");
    expect(n.jahre[2].drittmittel_bewilligt).toBe("2500.50");

    // Every row: the lines add up to gesamt, the shares to gesamt − drittmittel.
    const rows = json.quartiere.flatMap((q) => q.jahre);
    for (const row of rows) {
      expect(sumOf([row.personalkosten, row.sachkosten, row.projektkosten, row.verfuegungsfonds, row.raumkosten]).toFixed(2)).toBe(row.gesamt);
      expect(sumOf([row.anteil_bund, row.anteil_land, row.anteil_gemeinde]).eq(new Dec(row.gesamt!).minus(row.drittmittel_bewilligt))).toBe(true);
      for (const key of ["gesamt", "anteil_bund", "anteil_land", "anteil_gemeinde", "je_einwohner", "richtwert_gesamt"] as const) expect(row[key]).toMatch(/^-?\d+\.\d{2}$/);
    }
    // Sums are the sums of the rows, per year and over all.
    for (const key of ["gesamt", "anteil_bund", "anteil_land", "anteil_gemeinde"] as const) {
      expect(json.summe[key]).toBe(sumOf(rows.map((r) => r[key])).toFixed(2));
      for (const year of json.summe.jahre) expect(year[key]).toBe(sumOf(rows.filter((r) => r.jahr === year.jahr).map((r) => r[key])).toFixed(2));
    }
    // Everything was read: every sum says it is complete.
    expect(json.summe.vollstaendig).toBe(true);
    expect(json.summe.nicht_lesbar).toEqual([]);
    expect(json.summe.jahre.map((j) => j.vollstaendig)).toEqual([true, true, true, true]);
    expect(json.quartiere.map((q) => q.vollstaendig)).toEqual([true, true, true]);
    expect(rows.every((row) => row.nicht_lesbar.length === 0)).toBe(true);
    // The foreign sheet has a single column and names no year: counted, under "no year" (last).
    expect(json.summe.jahre.map((j) => j.jahr)).toEqual([2026, 2027, 2028, null]);
    expect(json.quartiere[2].jahre).toHaveLength(1);
    expect(json.quartiere[2].jahre[0]).toMatchObject({ gesamt: "108000.01", drittmittel_bewilligt: "0.00" });

    // The workbook: four sheets, the chart part, the names of the totals.
    const zip = await JSZip.loadAsync(readFileSync(output));
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect([...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Übersicht", "Daten", "Befunde", "Fehler"]);
    for (const name of ["Vergleich_Gesamt", "Vergleich_Anteil_Bund", "Vergleich_Anteil_Land", "Vergleich_Anteil_Gemeinde"])
      expect(workbookXml).toMatch(new RegExp(`<definedName name="${name}"[^>]*>'Übersicht'!\\$[A-Z]+\\$\\d+</definedName>`));
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'Daten'!$1:$1</definedName>`);
    expect(zip.file("xl/charts/chart1.xml")).not.toBeNull();
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/charts/chart1.xml"');
    const summarySheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(summarySheet).toMatch(/<drawing r:id="[^"]+"\/>/);
    expect(summarySheet).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(summarySheet).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    const dataSheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(dataSheet).toMatch(/<autoFilter ref="A1:[A-Z]+8"\/>/);
    expect(dataSheet).toMatch(/<oddFooter>&amp;LRahmenstandard Quartiermanagement \(.*\)&amp;CSeite &amp;P von &amp;N&amp;RStand \d\d\.\d\d\.\d{4}<\/oddFooter>/);
  });

  test("meeting notes without any plan and an unreadable file are listed under fehler, the others still consolidated, exit 2", async () => {
    const notes = file(
      "protokoll.xlsx",
      buildZip(workbookParts([{ nameXml: "Protokoll", xml: sheetXml({ A1: "Sitzung des Lenkungskreises am 3. März", A2: "TOP 1: Haushalt 2027", A3: "Anwesend: 12" }) }])),
    );
    const broken = file("kaputt.xlsx", "das ist keine Arbeitsmappe");
    const { code, json, stderr } = await vergleich(nord, notes, broken, sued);
    expect(code).toBe(2);
    expect(json.quartiere.map((q) => q.name)).toEqual(["Nord", "Süd"]);
    expect(json.fehler.map((f) => f.datei)).toEqual([notes, broken]);
    expect(json.fehler[0].fehler).toMatch(/keine Quartiersplanung gefunden/);
    expect(json.fehler[1].fehler).toMatch(/keine Excel-Arbeitsmappe|nicht lesbar|ZIP/i);
    expect(stderr.split("\n").filter(Boolean)).toEqual([`Fehler: ${notes}: ${json.fehler[0].fehler}`, `Fehler: ${broken}: ${json.fehler[1].fehler}`]);
    // A file that is not there is one of these too.
    const missing = await vergleich(nord, join(dir, "fehlt.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.json.fehler).toHaveLength(1);
    expect(missing.json.quartiere).toHaveLength(1);
  });

  describe("an amount that cannot be read", () => {
    let textual: string;
    beforeAll(async () => {
      // The provider typed a word where the Sachkosten 2027 belong.
      textual = file("eingang-nord-text.xlsx", await editWorkbook(readFileSync(nord), [{ sheet: "QM Nord", name: PLAN_NAMES.materialCost, offset: 1, value: "viel" }]));
    });

    test("is never a silent gap: the row says what is missing, every sum it is missing from says so, exit 2", async () => {
      const { code, json, stderr } = await vergleich(textual, sued);
      const complete = await vergleich(nord, sued);
      expect(code).toBe(2);
      expect(json.fehler).toEqual([]);
      const n = json.quartiere[0];
      expect(n.vollstaendig).toBe(false);
      expect(json.quartiere[1].vollstaendig).toBe(true);
      const y2027 = n.jahre[1];
      expect(y2027).toMatchObject({ jahr: 2027, sachkosten: null, gesamt: null, abweichung: null, anteil_bund: null, je_einwohner: null, nicht_lesbar: ["sachkosten"] });
      // The Richtwert does not depend on the amount: it stays.
      expect(y2027.richtwert_gesamt).toBe(complete.json.quartiere[0].jahre[1].richtwert_gesamt);
      expect(n.jahre[0].nicht_lesbar).toEqual([]);
      // The sums leave the incomplete Quartier-year out, all of it, and say so.
      expect(json.summe.vollstaendig).toBe(false);
      expect(json.summe.jahre.map((j) => [j.jahr, j.vollstaendig])).toEqual([
        [2026, true],
        [2027, false],
        [2028, true],
      ]);
      const missing = new Dec(complete.json.quartiere[0].jahre[1].gesamt!);
      expect(new Dec(json.summe.gesamt).eq(new Dec(complete.json.summe.gesamt).minus(missing))).toBe(true);
      expect(json.summe.jahre[0].gesamt).toBe(complete.json.summe.jahre[0].gesamt);
      expect(json.summe.nicht_lesbar).toEqual([
        { datei: textual, quartier: "Nord", jahre: [2027], angabe: "sachkosten", zelle: "'QM Nord'!F24", meldung: expect.stringContaining("„viel“") },
      ]);
      // pruefen reports the same cell as an eingabe.* Verstoß; the comparison keeps it.
      expect(n.verstoesse.filter((v) => v.regel.startsWith("eingabe.")).map((v) => v.zelle)).toEqual(["'QM Nord'!F24"]);
      expect(stderr).toBe(`Fehler: ${textual}: Nord: ${json.summe.nicht_lesbar[0].meldung} Das Quartier fehlt deshalb im Planjahr 2027 in allen Summen.\n`);
    });

    test("the text summary says it on the line of the total", async () => {
      const r = await run("vergleich", textual, sued, "-o", join(dir, "vergleich-unvollstaendig.xlsx"));
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/\nGesamt [\d.]+,\d\d € – unvollständig, ohne Nord 2027 \(Sachkosten nicht lesbar\): Bund [\d.]+,\d\d €, Land /);
      expect(r.stderr).toMatch(/^Fehler: .*eingang-nord-text\.xlsx: Nord: Sachkosten 2027: .*'QM Nord'!F24.*„viel“.* Das Quartier fehlt deshalb im Planjahr 2027 in allen Summen\.\n$/);
    });

    test("the comparison workbook flags the year: a count in the last column, no deviation or mean computed from part of it", async () => {
      const { output } = await vergleich(textual, sued);
      const zip = await JSZip.loadAsync(readFileSync(output));
      const summary = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      const data = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
      const shared = await zip.file("xl/sharedStrings.xml")?.async("string");
      const unescape = (x: string): string => x.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
      const texts = shared ? [...shared.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => unescape(m[1])) : [];
      const cellText = (xml: string, address: string): string | undefined => {
        const m = new RegExp(`<c r="${address}"[^>]*?(?:/>|>(.*?)</c>)`).exec(xml);
        if (!m || !m[1]) return undefined;
        const v = /<v>([^<]*)<\/v>/.exec(m[1])?.[1];
        const inline = /<t[^>]*>([^<]*)<\/t>/.exec(m[1])?.[1];
        return /t="s"/.test(m[0]) && v !== undefined ? texts[Number(v)] : unescape(inline ?? v ?? "");
      };
      const formula = (address: string): string | undefined => {
        const f = new RegExp(`<c r="${address}"[^>]*>\\s*<f>([^<]*)</f>`).exec(summary)?.[1];
        return f === undefined ? undefined : unescape(f);
      };
      // Daten: the last column names what could not be read (row 3 is Nord 2027).
      expect(cellText(data, "Z1")).toBe("Nicht lesbar");
      expect(cellText(data, "Z3")).toBe("Sachkosten");
      expect(cellText(data, "Z2")).toBeUndefined();
      // Übersicht, per year: the count, and Abweichung / € je Einwohner made empty by it.
      expect(cellText(summary, "O6")).toBe("Quartiere mit unlesbaren Angaben");
      expect(formula("O8")).toBe(`COUNTIFS('Daten'!$F$2:$F$7,A8,'Daten'!$Z$2:$Z$7,"<>")`);
      expect(formula("G8")).toMatch(/^IF\(O8>0,"",ROUND\(SUMIFS\(/);
      // Every sum of the row is of the complete rows only (an empty „Nicht lesbar“), Drittmittel and Richtwert too.
      for (const address of ["C8", "E8", "F8", "H8", "I8"]) expect([address, formula(address)]).toEqual([address, expect.stringContaining(`,'Daten'!$Z$2:$Z$7,"=")`)]);
      expect(formula("L8")).toBe('IF(OR(O8>0,C8=0),"",ROUND(E8/C8,2))');
      // The red line under the years names the input.
      expect(cellText(summary, "A12")).toMatch(/^Unvollständig: 1 Angabe ist nicht lesbar \(Nord 2027 \(Sachkosten nicht lesbar\); .*Diese Quartiersjahre fehlen ganz in allen Summen/);
    });
  });

  test("not a single file could be read (a typo in the folder): nothing is written, exit 2, and the corrected call needs no --force", async () => {
    const output = join(dir, "vergleich-tippfehler.xlsx");
    const typo = join(dir, "eingnag", "*.xlsx");
    const r = await run("vergleich", typo, "-o", output);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: `Fehler: ${typo}: Die Datei gibt es nicht.\nFehler: Aus der Datei ließ sich keine Quartiersplanung lesen; es wurde kein Vergleich geschrieben.\n`,
    });
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith("vergleich-tippfehler"))).toEqual([]);
    // Several files, none of them a plan, with --json: still nothing, not even an empty document.
    const notes = file("nur-protokoll.xlsx", buildZip(workbookParts([{ nameXml: "Protokoll", xml: sheetXml({ A1: "Sitzung" }) }])));
    const json = await run("vergleich", notes, join(dir, "fehlt-auch.xlsx"), "-o", output, "--json");
    expect(json.code).toBe(2);
    expect(json.stdout).toBe("");
    expect(json.stderr.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/^Fehler: .*nur-protokoll\.xlsx: .*keine Quartiersplanung gefunden/),
      expect.stringMatching(/^Fehler: .*fehlt-auch\.xlsx: /),
      "Fehler: Aus keiner der 2 Dateien ließ sich eine Quartiersplanung lesen; es wurde kein Vergleich geschrieben.",
    ]);
    expect(existsSync(output)).toBe(false);
    const corrected = await run("vergleich", nord, "-o", output);
    expect(corrected.code).toBe(0);
    expect(existsSync(output)).toBe(true);
  });

  test("the same Quartier in two files: both kept, each with its file, and a Hinweis naming the other", async () => {
    const copy = join(dir, "eingang-nord-nochmal.xlsx");
    copyFileSync(nord, copy);
    const { code, json } = await vergleich(nord, sued, copy);
    expect(code).toBe(0);
    const entries = json.quartiere.filter((q) => q.name === "Nord");
    expect(entries.map((q) => q.datei)).toEqual([nord, copy]);
    const duplicate = (q: (typeof entries)[number]) => q.hinweise.filter((h) => h.regel === CONSOLIDATION_RULES.duplicate);
    expect(duplicate(entries[0])).toHaveLength(1);
    expect(duplicate(entries[0])[0].meldung).toContain(`„${copy}“`);
    expect(duplicate(entries[1])[0].meldung).toContain(`„${nord}“`);
    expect(json.quartiere.find((q) => q.name === "Süd")!.hinweise.some((h) => h.regel === CONSOLIDATION_RULES.duplicate)).toBe(false);
    // Both count in the sums (the Hinweis asks the office to settle which applies).
    expect(new Dec(json.summe.gesamt).eq(sumOf(json.quartiere.flatMap((q) => q.jahre.map((y) => y.gesamt))))).toBe(true);
  });

  test("the text summary without --json, a profile's shares, and no overwrite of the output without --force", async () => {
    const profile = file(
      "land.json",
      JSON.stringify({ name: "Land X", version: "2027", gueltig_ab: "2027-01-01", foerderanteile: { Anteil_Bund: "0.4", Anteil_Land: "0.35", Anteil_Gemeinde: "0.25" } }),
    );
    const output = join(dir, "vergleich-text.xlsx");
    const r = await run("vergleich", nord, sued, "-o", output, "--standard", profile);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Vergleich „.*vergleich-text\.xlsx“ geschrieben: 2 Quartiere aus 2 von 2 Dateien, Planjahre 2026–2028 \(Blätter Übersicht, Daten, Befunde, Fehler\)\.\n/);
    expect(r.stdout).toMatch(/\nGesamt [\d.]+,\d\d €: Bund [\d.]+,\d\d €, Land [\d.]+,\d\d €, Gemeinde [\d.]+,\d\d €\.\n/);
    const mtime = statSync(output).mtimeMs;

    const again = await run("vergleich", nord, "-o", output);
    expect(again).toEqual({ code: 2, stdout: "", stderr: `Fehler: Die Datei „${output}“ gibt es schon; mit --force wird sie überschrieben.\n` });
    expect(statSync(output).mtimeMs).toBe(mtime);

    const json = JSON.parse((await run("vergleich", nord, "-o", output, "--standard", profile, "--json", "--force")).stdout) as VergleichJson;
    expect(json.standard.name).toBe("Land X");
    const y = json.quartiere[0].jahre[0];
    // 160 112,50 × 40 % / 35 % / 25 % = 64 045 / 56 039,375 / 40 028,125: the tied half cent goes to the Gemeinde.
    expect([y.anteil_bund, y.anteil_land, y.anteil_gemeinde]).toEqual(["64045.00", "56039.37", "40028.13"]);
  });

  test("a file named twice is counted once, and said so", async () => {
    const twice = await vergleich(nord, nord);
    const once = await vergleich(nord);
    expect(twice.json.summe).toEqual(once.json.summe);
    expect(twice.json.quartiere).toHaveLength(1);
    expect(twice.stderr).toContain("ist mehrfach angegeben; gezählt wird die Datei einmal.");
    const text = await run("vergleich", nord, nord, "-o", join(dir, "vergleich-zweimal.xlsx"), "--force");
    expect(text.stdout).toMatch(/ geschrieben: 1 Quartier aus 1 von 1 Datei, /);
  });

  test("the output must be a new .xlsx and none of the inputs", async () => {
    expect((await run("vergleich", nord, "-o", join(dir, "vergleich.csv"))).stderr).toMatch(/muss auf \.xlsx enden/);
    const r = await run("vergleich", nord, sued, "-o", sued, "--force");
    expect(r).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(/ist eine der eingereichten Dateien/) });
  });
});
