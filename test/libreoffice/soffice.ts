/**
 * LibreOffice headless as an independent spreadsheet program: it opens an .xlsx, computes
 * every formula and saves the results, which exceljs then reads. Each call uses a fresh user
 * profile in its own temporary folder (so parallel runs never share a profile) whose settings
 * say "always recalculate on load" — otherwise LibreOffice would trust cached values.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import ExcelJS from "exceljs";

const run = promisify(execFile);

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const scratchFolders: string[] = [];

/** A new temporary folder for one test; `removeScratchFolders` deletes them all. */
export function scratchFolder(label: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), `qm-planer-${label}-`));
  scratchFolders.push(folder);
  return folder;
}

export function removeScratchFolders(): void {
  for (const folder of scratchFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Recalculates the given .xlsx files in one LibreOffice run; returns the paths of the results. */
export async function recalculate(files: readonly string[]): Promise<string[]> {
  const work = scratchFolder("soffice");
  const profile = path.join(work, "profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const out = path.join(work, "out");
  mkdirSync(out);
  await run(
    "soffice",
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, ...files],
    { timeout: 120_000 },
  );
  const written = readdirSync(out);
  return files.map((f) => {
    const name = path.basename(f);
    if (!written.includes(name)) throw new Error(`LibreOffice hat ${name} nicht geschrieben (${written.join(", ")})`);
    return path.join(out, name);
  });
}

/** A computed value: a number, a text, or undefined for an empty cell or an empty text. */
export type Computed = number | string | undefined;

/** Reads the (computed) values of every sheet: sheet name → address → value. */
export async function readComputed(file: string): Promise<Map<string, Map<string, Computed>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, Map<string, Computed>>();
  for (const ws of wb.worksheets) {
    const cells = new Map<string, Computed>();
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.formula !== undefined ? cell.result : cell.value;
        if (typeof v === "number") cells.set(cell.address, v);
        else if (typeof v === "string" && v !== "") cells.set(cell.address, v);
        else if (v !== undefined && v !== null && typeof v === "object" && "error" in v) cells.set(cell.address, String(v.error));
      }),
    );
    out.set(ws.name, cells);
  }
  return out;
}
