import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crashedFile } from "../../src/cli/commands/pruefenChecker";
import { completeSheet, editWorkbook, templateWorkbook } from "../fixtures/pruefen/xlsx";
import { runInProcess } from "./runInProcess";

/**
 * `pruefen` as built checks each file in a worker thread (src/cli/commands/pruefenChecker.ts);
 * from source, as in the other tests, in the same thread. Both must say the same, byte for byte.
 */

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "qm-planer.js");

let dir: string;
let files: string[];
let profile: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "qm-pruefen-thread-"));
  const good = await editWorkbook(await templateWorkbook([{ name: "Nord", residents: 1800, fte: 2, roomCosts: 12000 }]), completeSheet("QM Nord"));
  const fresh = await templateWorkbook([
    { name: "Süd", residents: 12345, fte: 2.5 },
    { name: "Zeile\nerfüllt", residents: 3000 },
  ]);
  const put = (name: string, data: Buffer | string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    return file;
  };
  profile = put("stadt.json", JSON.stringify({ name: "Musterstadt", version: "2027", gueltig_ab: "2027-01-01", kennzahlen: { Projektkosten_je_Einwohner: "3" } }));
  files = [put("gut.xlsx", good), put("kaputt.xlsx", "kein ZIP"), path.join(dir, "fehlt.xlsx"), put("frisch.xlsx", fresh), put("gut2.xlsx", good)];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pruefen in its worker thread (the built bin) and in-process (source)", () => {
  test.each([[["--json"]], [[]], [["--json", "--toleranz", "5"]], [["--standard", "PROFIL"]]])("%j: the same stdout, stderr and exit code", async (flags) => {
    const args = ["pruefen", ...flags.map((f) => (f === "PROFIL" ? profile : f)), ...files];
    const built = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
    const source = await runInProcess(...args);
    expect(built.stdout).toBe(source.stdout);
    expect(built.stderr).toBe(source.stderr);
    expect(built.status).toBe(source.code);
    expect(built.status).toBe(2);
    // The batch went on past the two unreadable files.
    expect(built.stdout.match(/gut2\.xlsx/g)).toHaveLength(1);
    if (flags.includes("--standard")) expect(built.stdout).toContain("das Profil „Musterstadt“ 3,00 €");
  });
});

describe("a file whose thread had to be ended", () => {
  test.each([
    ["memory", "json", /"fehler": "Die Prüfung brauchte mehr als 1\.024 MB Arbeitsspeicher und wurde abgebrochen\."/],
    ["time", "text", /^x\.xlsx: nicht lesbar – Die Prüfung dauerte länger als 30 Sekunden und wurde abgebrochen\.\n$/],
    ["exit", "text", /nicht lesbar – Die Prüfung brach unerwartet ab\./],
  ] as const)("%s: the file's error in German (%s report), exit 2", (crash, format, report) => {
    const checked = crashedFile("x.xlsx", { crash, detail: "Worker terminated due to reaching memory limit" }, format);
    expect(checked.report).toMatch(report);
    expect(checked.report).not.toMatch(/Worker|memory/);
    expect(checked.exitCode).toBe(2);
  });
});
