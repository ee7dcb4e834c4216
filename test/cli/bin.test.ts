import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { version } from "../../package.json";
import { templateWorkbook } from "../fixtures/pruefen/xlsx";

/**
 * The installed command: bin/qm-planer.js runs the pre-built dist-cli/qm-planer.js (built by
 * jest's global set-up from this source), as a user's shell would start it.
 */

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "qm-planer.js");

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "qm-planer-bin-"));
  folders.push(dir);
  return dir;
}

function quartiere(count: number): string {
  let text = "Quartier;Einwohner\n";
  for (let i = 1; i <= count; i++) text += `Quartier ${i};${1000 + i}\n`;
  return text;
}

describe("the built bin", () => {
  test("runs the built JavaScript: --version, no tsx involved", () => {
    const r = spawnSync(process.execPath, [BIN, "--version"], { encoding: "utf8" });
    expect(r).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: "" });
    expect(existsSync(path.join(ROOT, "dist-cli", "qm-planer.js"))).toBe(true);
  });

  test("without a build: one German line saying what to run, exit 2", () => {
    // A copy of the launcher in a folder without dist-cli/ next to it.
    const dir = folder();
    mkdirSync(path.join(dir, "bin"));
    const copy = path.join(dir, "bin", "qm-planer.js");
    copyFileSync(BIN, copy);
    const r = spawnSync(process.execPath, [copy, "--version"], { encoding: "utf8" });
    expect(r).toMatchObject({ status: 2, stdout: "", stderr: "Fehler: Die Kommandozeile ist noch nicht gebaut – bitte `npm run build:cli` ausführen.\n" });
  });

  test("a CSV past the byte bound is refused after reading 10 MB, not the whole file", () => {
    const dir = folder();
    const file = path.join(dir, "leer.csv");
    writeFileSync(file, "Quartier;Einwohner\nNord;1\n" + "\n".repeat(12 * 1024 * 1024));
    const r = spawnSync(process.execPath, [BIN, "vorlage", file, "-o", path.join(dir, "plan.xlsx")], { encoding: "utf8" });
    expect(r).toMatchObject({ status: 2, stdout: "", stderr: `Fehler: Die Datei „${file}“ ist größer als 10 MB – keine Liste von Quartieren (höchstens 500).\n` });
    expect(readdirSync(dir)).toEqual(["leer.csv"]);
  });

  test.each(["SIGTERM", "SIGINT"] as const)("%s while the workbook is written: no temporary file, no half-written file, ended by the signal", async (signal) => {
    const dir = folder();
    const input = path.join(dir, "quartiere.csv");
    writeFileSync(input, quartiere(150));
    const child = spawn(process.execPath, [BIN, "vorlage", input, "-o", path.join(dir, "plan.xlsx"), "--von", "2026", "--bis", "2030"], { stdio: "pipe" });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, sig) => resolve({ code, signal: sig })),
    );
    // Wait until the temporary file exists: the workbook is being produced for it right now.
    let seen: string[] = [];
    let exited = false;
    void ended.then(() => (exited = true));
    while (!exited) {
      seen = readdirSync(dir).filter((f) => f.endsWith(".tmp"));
      if (seen.length > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(seen).toHaveLength(1);
    child.kill(signal);
    const result = await ended;
    // Ended the way the signal ends a process (a shell shows 128 + its number), not by a crash.
    expect(result).toEqual({ code: null, signal });
    expect(stderr).toBe("");
    expect(readdirSync(dir)).toEqual(["quartiere.csv"]);
  });

  test("output that cannot be written (a full disk): one German line, exit 2, no stack trace", () => {
    for (const args of [["--version"], ["budget", "--einwohner", "3000"]]) {
      const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" ${args.join(" ")} > /dev/full`], { encoding: "utf8" });
      expect(r).toMatchObject({ status: 2, stderr: "Fehler: Kein Speicherplatz mehr auf dem Datenträger, um die Ausgabe zu schreiben.\n" });
    }
  });

  test("pruefen | head: a reader that closes the pipe ends the run quietly, with the exit code of the files checked so far", async () => {
    const dir = folder();
    // A fresh template: its yes/no answers still „nein“, so Verstöße (exit 1).
    const plan = path.join(dir, "frisch.xlsx");
    writeFileSync(plan, await templateWorkbook([{ name: "Nord", residents: 1800 }]));
    // The thread may be mid-file when the pipe closes; ending it there could abort node
    // (SIGABRT, about one run in twenty before exitAfterThreads): several runs, each must end well.
    const ends: { code: number | null; stderr: string }[] = [];
    for (let run = 0; run < 8; run++) {
      const child = spawn(process.execPath, [BIN, "pruefen", plan, plan, plan, plan], { stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      // Like `head -1`: the first chunk read, then the pipe closed.
      child.stdout.once("data", () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      ends.push({ code, stderr });
    }
    expect(ends).toEqual(Array(8).fill({ code: 1, stderr: "" }));
  });
});
