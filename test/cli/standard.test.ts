import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { PruefenJson } from "../../src/cli/commands/pruefenReport";
import type { DiffJson } from "../../src/cli/commands/standard";
import { PROFILE_MAX_BYTES } from "../../src/cli/standardOption";
import { BUILT_IN_PROFILE, parseProfile, profileJson, ProfileJson } from "../../src/core/profile";
import { completeSheet, editWorkbook, templateWorkbook } from "../fixtures/pruefen/xlsx";
import { runInProcess as run } from "./runInProcess";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "qm-standard-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

const CITY = {
  name: "Stadt Beispiel",
  version: "2027.1",
  gueltig_ab: "2027-01-01",
  kennzahlen: { Projektkosten_je_Einwohner: "2.50" },
  foerderanteile: { Anteil_Bund: "0.4", Anteil_Land: "0.4", Anteil_Gemeinde: "1/5" },
};
const cityFile = (): string => file("stadt.json", JSON.stringify(CITY, null, 2));

/** A call that must fail: exit 2, nothing on stdout, one line on stderr. */
async function refused(...args: string[]): Promise<string> {
  const r = await run(...args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  return r.stderr.trimEnd();
}

describe("qm-planer standard", () => {
  it("prints the built-in standard as a German table with units, shares and version", async () => {
    const r = await run("standard");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Rahmenstandard Quartiermanagement, Version 2026.1, gültig ab 01.01.2026");
    expect(r.stdout).toMatch(/Gehalt je VbE\s+45\.000,00 € je VbE und Jahr\s+Referenzgehalt_je_VbE/);
    expect(r.stdout).toMatch(/Projektkosten je Einwohner\s+2,00 € je Einwohner und Jahr\s+Projektkosten_je_Einwohner/);
    expect(r.stdout).toMatch(/Verfügungsfonds je Einwohner\s+0,50 € je Einwohner und Jahr/);
    expect(r.stdout).toMatch(/Verfügungsfonds Schwelle Einwohner\s+5\.000 Einwohner/);
    expect(r.stdout).toMatch(/Mindest-VbE\s+2 VbE/);
    expect(r.stdout).toMatch(/Förderanteil Land\s+1\/3 \(≈ 33,33 %\)\s+Anteil_Land/);
  });

  it("--json prints the standard as a profile", async () => {
    const r = await run("standard", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(profileJson(BUILT_IN_PROFILE));
  });

  it("--standard shows a profile, marking what differs from the built-in standard", async () => {
    const r = await run("standard", "--standard", cityFile());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Profil „Stadt Beispiel“, Version 2027.1, gültig ab 01.01.2027");
    expect(r.stdout).toMatch(/Projektkosten je Einwohner\s+2,50 € je Einwohner und Jahr\s+Projektkosten_je_Einwohner\s+\(Rahmenstandard: 2,00 € je Einwohner und Jahr\)/);
    expect(r.stdout).toMatch(/Förderanteil Gemeinde\s+1\/5 \(20 %\)\s+Anteil_Gemeinde\s+\(Rahmenstandard: 1\/3/);
    // Unchanged figures carry no note.
    expect(r.stdout).toMatch(/Sachkosten je VbE\s+3\.500,00 € je VbE und Jahr\s+Sachkosten_je_VbE\n/);
  });

  it("a rate with more than two decimals is shown with all of them", async () => {
    const path = file("fein.json", JSON.stringify({ ...CITY, kennzahlen: { Verfuegungsfonds_je_Einwohner: "0.125" } }));
    const r = await run("standard", "--standard", path);
    expect(r.stdout).toMatch(/Verfügungsfonds je Einwohner\s+0,125 € je Einwohner und Jahr/);
  });

  it("--export writes the profile, never over an existing file without --force; --standard reads it back", async () => {
    const target = join(dir, "export.json");
    const first = await run("standard", "--export", target);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`Profil „${target}“ geschrieben: Rahmenstandard Quartiermanagement, Version 2026.1, gültig ab 01.01.2026.\n`);
    expect(JSON.parse(readFileSync(target, "utf8"))).toEqual(profileJson(BUILT_IN_PROFILE));

    // A city's profile exported over it: refused, the file unchanged …
    const before = readFileSync(target, "utf8");
    const line = await refused("standard", "--standard", cityFile(), "--export", target);
    expect(line).toBe(`Fehler: Die Datei „${target}“ gibt es schon; mit --force wird sie überschrieben.`);
    expect(readFileSync(target, "utf8")).toBe(before);
    // … and written with --force.
    expect((await run("standard", "--standard", cityFile(), "--export", target, "--force")).code).toBe(0);
    const exported = JSON.parse(readFileSync(target, "utf8")) as ProfileJson;
    expect(exported.name).toBe("Stadt Beispiel");
    expect(exported.kennzahlen.Projektkosten_je_Einwohner).toBe("2.5");
    expect(exported.foerderanteile).toEqual({ Anteil_Bund: "0.4", Anteil_Land: "0.4", Anteil_Gemeinde: "1/5" });

    // Round trip: what was exported, read back with --standard, prints the same profile.
    const again = await run("standard", "--standard", target, "--json");
    expect(JSON.parse(again.stdout)).toEqual(exported);
    expect(parseProfile(readFileSync(target, "utf8"))).toEqual(parseProfile(JSON.stringify(CITY)));
  });

  it("--diff lists what a profile changes against the built-in standard", async () => {
    const r = await run("standard", "--diff", cityFile());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Änderungen gegenüber dem Rahmenstandard Quartiermanagement 2026.1:");
    expect(r.stdout).toMatch(/Projektkosten je Einwohner\s+2,00 € je Einwohner und Jahr\s+2,50 € je Einwohner und Jahr\s+Projektkosten_je_Einwohner/);
    expect(r.stdout).toMatch(/Förderanteil Bund\s+1\/3 \(≈ 33,33 %\)\s+0,4 \(40 %\)\s+Anteil_Bund/);
    expect(r.stdout).not.toContain("Sachkosten");
    expect(r.stdout).toContain("4 Änderungen.");

    const json = JSON.parse((await run("standard", "--diff", cityFile(), "--json")).stdout) as DiffJson;
    expect(json.basis).toEqual({ name: "Rahmenstandard Quartiermanagement", version: "2026.1" });
    expect(json.aenderungen.map((c) => [c.name, c.basis, c.profil])).toEqual([
      ["Projektkosten_je_Einwohner", "2", "2.5"],
      ["Anteil_Bund", "1/3", "0.4"],
      ["Anteil_Land", "1/3", "0.4"],
      ["Anteil_Gemeinde", "1/3", "1/5"],
    ]);

    const same = await run("standard", "--diff", file("gleich.json", JSON.stringify(profileJson(BUILT_IN_PROFILE))));
    expect(same.stdout).toContain("keine – alle Kennzahlen und Förderanteile sind gleich.");
  });

  it("refuses options that do not go together", async () => {
    expect(await refused("standard", "--force")).toBe("Fehler: --force gilt nur mit --export.");
    expect(await refused("standard", "--json", "--export", join(dir, "x.json"))).toMatch(/--export lässt sich nicht/);
    expect(existsSync(join(dir, "x.json"))).toBe(false);
  });
});

describe("a bad profile: exit 2, one line naming the key or the reason, nothing on stdout", () => {
  const bad: Array<[string, string | Buffer, RegExp]> = [
    ["not JSON", "{ name: ", /ist kein gültiges JSON \(Zeile 1, Spalte/],
    ["not an object", "[1, 2]", /eine Liste, kein JSON-Objekt/],
    ["an unknown key", JSON.stringify({ ...CITY, kennzahlen: { Miete: "1" } }), /Unbekannter Schlüssel „Miete“ in „kennzahlen“/],
    ["a text figure", JSON.stringify({ ...CITY, kennzahlen: { Sachkosten_je_VbE: "viel" } }), /„kennzahlen.Sachkosten_je_VbE“: „viel“ ist keine Zahl/],
    ["a negative figure", JSON.stringify({ ...CITY, kennzahlen: { Sachkosten_je_VbE: -1 } }), /„kennzahlen.Sachkosten_je_VbE“: -1 ist negativ/],
    ["shares not adding up to 1", JSON.stringify({ ...CITY, foerderanteile: { Anteil_Bund: "0.5", Anteil_Land: "0.5", Anteil_Gemeinde: "0.5" } }), /„foerderanteile“ ergeben zusammen 3\/2/],
    ["a missing version", JSON.stringify({ name: "x", gueltig_ab: "2027-01-01" }), /Der Schlüssel „version“ fehlt/],
    ["not UTF-8", Buffer.from([0x7b, 0x22, 0xe4, 0x22, 0x7d]), /ist nicht in UTF-8 gespeichert/],
    ["too large", " ".repeat(PROFILE_MAX_BYTES + 1), /ist größer als 256 KB/],
  ];
  const commands: Array<[string, (profile: string) => string[]]> = [
    ["standard", (p) => ["standard", "--standard", p]],
    ["budget", (p) => ["budget", "--einwohner", "3000", "--standard", p]],
    ["vorlage", (p) => ["vorlage", file("q.csv", "Quartier;Einwohner\nNord;3000\n"), "-o", join(dir, "nie.xlsx"), "--standard", p]],
    ["pruefen", (p) => ["pruefen", "--json", join(dir, "keine.xlsx"), "--standard", p]],
    ["standard --diff", (p) => ["standard", "--diff", p]],
  ];

  it.each(bad)("%s", async (label, content, message) => {
    const path = file(`bad-${label.replace(/\W/g, "_")}.json`, content);
    for (const [, args] of commands) {
      const line = await refused(...args(path));
      expect(line).toMatch(new RegExp(`^Fehler: Profil „${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}“`));
      expect(line).toMatch(message);
    }
    expect(existsSync(join(dir, "nie.xlsx"))).toBe(false);
  });

  it("a missing file, a folder, a FIFO", async () => {
    for (const [, args] of commands) {
      expect(await refused(...args(join(dir, "fehlt.json")))).toBe(`Fehler: Die Datei „${join(dir, "fehlt.json")}“ gibt es nicht.`);
      expect(await refused(...args(dir))).toBe(`Fehler: „${dir}“ ist ein Ordner, keine Datei.`);
    }
    const fifo = join(dir, "fifo.json");
    execFileSync("mkfifo", [fifo]);
    // Would hang if the file were opened for a blocking read.
    expect(await refused("budget", "--einwohner", "1", "--standard", fifo)).toBe(`Fehler: Profil „${fifo}“ ist keine gewöhnliche Datei.`);
  });
});

describe("--standard on budget and vorlage", () => {
  it("budget computes with the profile's figures", async () => {
    const r = await run("budget", "--einwohner", "3000", "--json", "--standard", cityFile());
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    // 3 000 × 2,50 € = 7 500 € (built in: 6 000 €); the Verfügungsfonds minimum is unchanged.
    expect(json.projektkosten).toBe("7500.00");
    expect(json.verfuegungsfonds).toBe("2000.00");
    expect(json.projektmittel).toBe("16500.00");
    const table = await run("budget", "--einwohner", "3000", "--standard", cityFile());
    expect(table.stdout).toContain("Budget je Jahr nach dem Profil „Stadt Beispiel“ (2027.1)");
    expect(table.stdout).toMatch(/Projektkosten\s+7\.500,00 €/);
  });

  it("budget's notes measure against the profile", async () => {
    const path = file("drei.json", JSON.stringify({ ...CITY, kennzahlen: { Mindest_VbE: "3" } }));
    const r = await run("budget", "--einwohner", "3000", "--vbe", "2,5", "--standard", path);
    expect(r.stdout).toContain("Hinweis: Geplant sind 2,5 VbE, das Profil „Stadt Beispiel“ verlangt mindestens 3 VbE.");
    const builtIn = await run("budget", "--einwohner", "3000", "--vbe", "2,5");
    expect(builtIn.stdout).not.toContain("Hinweis");
  });

  it("vorlage writes the profile's figures, shares and name onto the Parameter sheet", async () => {
    const output = join(dir, "stadt.xlsx");
    const r = await run("vorlage", file("q.csv", "Quartier;Einwohner\nNord;3000\n"), "-o", output, "--von", "2026", "--bis", "2026", "--standard", cityFile());
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const named = (name: string): ExcelJS.CellValue => {
      const [ref] = wb.definedNames.getRanges(name).ranges;
      const [sheet, address] = ref.split("!");
      return wb.getWorksheet(sheet.replace(/^'|'$/g, ""))!.getCell(address.replace(/\$/g, "")).value;
    };
    expect(named("Projektkosten_je_Einwohner")).toBe(2.5);
    expect(named("Sachkosten_je_VbE")).toBe(3500);
    expect(named("Anteil_Bund")).toBe(0.4);
    expect(named("Anteil_Land")).toBe(0.4);
    expect(named("Anteil_Gemeinde")).toBe(0.2);
    expect(named("Standard_Version")).toBe("Stadt Beispiel 2027.1");
    expect(wb.getWorksheet("Parameter")!.getCell("A1").value).toBe("Parameter: Stadt Beispiel");
  });
});

describe("pruefen --standard", () => {
  /** Nord, 3 000 Einwohner, 2 VbE: complete and compliant under the built-in standard (Projektkosten 6 000 €). */
  async function builtInPlan(): Promise<string> {
    const made = await templateWorkbook([{ name: "Nord", residents: 3000, fte: 2, roomCosts: 12000 }]);
    return file("plan.xlsx", await editWorkbook(made, completeSheet("QM Nord")));
  }
  const raised = (): string => file("projekt250.json", JSON.stringify({ ...CITY, kennzahlen: { Projektkosten_je_Einwohner: "2.50" }, foerderanteile: undefined }));

  it("the same plan meets the built-in standard", async () => {
    const r = await run("pruefen", "--json", await builtInPlan());
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as PruefenJson;
    expect(Object.keys(json)).toEqual(["standard", "dateien"]);
    expect(json.standard).toEqual({ name: "Rahmenstandard Quartiermanagement", version: "2026.1" });
  });

  it("against a profile raising Projektkosten_je_Einwohner to 2.50: the sheet's 2 is a Verstoß, the minimum is measured with 2.50", async () => {
    const r = await run("pruefen", "--json", await builtInPlan(), "--standard", raised());
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as PruefenJson;
    expect(Object.keys(json)).toEqual(["standard", "dateien"]);
    expect(json.standard).toEqual({ name: "Stadt Beispiel", version: "2027.1" });
    const entry = json.dateien[0];
    if (!("quartiere" in entry)) throw new Error(entry.fehler);
    const parameter = entry.quartiere.find((q) => q.name === "Parameter")!;
    expect(parameter.befunde).toEqual([
      expect.objectContaining({ regel: "parameter.abweichung", schwere: "verstoss", soll: "2.50", ist: "2.00", zelle: "Parameter!B9" }),
    ]);
    expect(parameter.befunde[0].meldung).toContain("das Profil „Stadt Beispiel“ 2,50 €");
    const nord = entry.quartiere.find((q) => q.name === "Nord")!;
    const minimums = nord.befunde.filter((f) => f.regel === "projektkosten.mindest");
    // 3 000 Einwohner × 2,50 € = 7 500 € in each of the three plan years; planned are 6 000 €.
    expect(minimums.map((f) => [f.jahr, f.soll, f.ist])).toEqual([
      [2026, "7500.00", "6000.00"],
      [2027, "7500.00", "6000.00"],
      [2028, "7500.00", "6000.00"],
    ]);
    expect(nord.befunde.filter((f) => f.regel !== "projektkosten.mindest")).toEqual([]);
  });

  it("the German report names the profile in its header", async () => {
    const r = await run("pruefen", await builtInPlan(), "--standard", raised());
    expect(r.stdout.split("\n")[0]).toBe("Prüfung nach dem Profil „Stadt Beispiel“ (2027.1)");
    expect(r.stdout).toContain("Verstoß [parameter.abweichung]");
    const builtIn = await run("pruefen", await builtInPlan());
    expect(builtIn.stdout.split("\n")[0]).toBe("Prüfung nach dem Rahmenstandard Quartiermanagement (2026.1)");
  });

  it("a template written with the profile meets it, and demands more than the built-in standard (a Hinweis)", async () => {
    const output = join(dir, "stadtplan.xlsx");
    expect((await run("vorlage", file("q.csv", "Quartier;Einwohner;VbE;Raumkosten\nNord;3000;2;12000\n"), "-o", output, "--standard", raised())).code).toBe(0);
    const plan = file("stadtplan-fertig.xlsx", await editWorkbook(readFileSync(output), completeSheet("QM Nord")));
    const withProfile = await run("pruefen", "--json", plan, "--standard", raised());
    expect(withProfile.code).toBe(0);
    const against = JSON.parse(withProfile.stdout) as PruefenJson;
    const entry = against.dateien[0];
    if (!("quartiere" in entry)) throw new Error(entry.fehler);
    expect(entry.quartiere.map((q) => q.name)).toEqual(["Nord"]);

    const builtIn = JSON.parse((await run("pruefen", "--json", plan)).stdout) as PruefenJson;
    const e = builtIn.dateien[0];
    if (!("quartiere" in e)) throw new Error(e.fehler);
    expect(e.quartiere.find((q) => q.name === "Parameter")!.befunde).toEqual([
      expect.objectContaining({ regel: "parameter.abweichung", schwere: "hinweis", soll: "2.00", ist: "2.50" }),
    ]);
  });
});
