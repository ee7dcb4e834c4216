import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as readWorkbook from "../../src/cli/xlsx/untrusted/readWorkbook";
import { runInProcess as run } from "./runInProcess";

/** Argument errors are one line before any file is read — never the same error once per file. */

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => jest.restoreAllMocks());

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "qm-planer-args-"));
  folders.push(dir);
  return dir;
}

describe("pruefen: a bad --toleranz", () => {
  test.each([
    ["101", "Fehler: Toleranz: 101 % ist nicht möglich (0 bis unter 100 %)."],
    ["100", "Fehler: Toleranz: 100 % ist nicht möglich (0 bis unter 100 %)."],
    ["-1", "Fehler: Toleranz: -1 % ist nicht möglich (0 bis unter 100 %)."],
  ])("--toleranz %s over three files → one line, exit 2, no file opened", async (value, line) => {
    const dir = folder();
    const files = ["a.xlsx", "b.xlsx", "fehlt.xlsx"].map((f) => path.join(dir, f));
    writeFileSync(files[0], "x");
    writeFileSync(files[1], "y");
    const read = jest.spyOn(readWorkbook, "readWorkbookFile");
    const r = await run("pruefen", "--toleranz", value, ...files);
    expect(r).toEqual({ code: 2, stdout: "", stderr: line + "\n" });
    expect(read).not.toHaveBeenCalled();
  });
});

describe("vorlage: bad plan years are refused before the CSV is read", () => {
  test("a missing CSV with impossible years → the years' line, not the file's", async () => {
    const dir = folder();
    const r = await run("vorlage", path.join(dir, "fehlt.csv"), "-o", path.join(dir, "p.xlsx"), "--von", "2026", "--bis", "2025");
    expect(r).toEqual({ code: 2, stdout: "", stderr: "Fehler: Das letzte Planjahr (2025) liegt vor dem ersten (2026).\n" });
    expect(readdirSync(dir)).toEqual([]);
  });
});
