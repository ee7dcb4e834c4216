import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Command, CommanderError } from "commander";
import { describeFailure } from "../../src/cli/errors";
import { createProgram } from "../../src/cli/program";
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

describe("a mistyped option is named, not the mandatory option it left out", () => {
  test.each([
    [["budget", "--einwohnr", "12345"], "Fehler: Unbekannte Option „--einwohnr“ – gemeint ist wohl „--einwohner“. Hilfe: qm-planer budget --help"],
    [["budget", "--einwohnr"], "Fehler: Unbekannte Option „--einwohnr“ – gemeint ist wohl „--einwohner“. Hilfe: qm-planer budget --help"],
    // A typo in an optional option, with the mandatory one left out: the typo too.
    [["budget", "--vbee", "2"], "Fehler: Unbekannte Option „--vbee“ – gemeint ist wohl „--vbe“. Hilfe: qm-planer budget --help"],
    [["vorlage", "x.csv", "--ouput", "x.xlsx"], "Fehler: Unbekannte Option „--ouput“ – gemeint ist wohl „--output“. Hilfe: qm-planer vorlage --help"],
    // Also before the missing argument, as commander has it once the mandatory option is there.
    [["vorlage", "--ouput", "x.xlsx"], "Fehler: Unbekannte Option „--ouput“ – gemeint ist wohl „--output“. Hilfe: qm-planer vorlage --help"],
    [["vergleich", "a.xlsx", "--ouput", "v.xlsx"], "Fehler: Unbekannte Option „--ouput“ – gemeint ist wohl „--output“. Hilfe: qm-planer vergleich --help"],
    // Not only options: a German user's „prüfen“.
    [["prüfen", "a.xlsx"], "Fehler: Unbekannter Befehl „prüfen“ – gemeint ist wohl „pruefen“. Hilfe: qm-planer --help"],
  ])("%j → the unknown option (with commander's guess), exit 2", async (args, line) => {
    const read = jest.spyOn(readWorkbook, "readWorkbookFile");
    expect(await run(...args)).toEqual({ code: 2, stdout: "", stderr: line + "\n" });
    expect(read).not.toHaveBeenCalled();
  });

  test.each([
    [["budget"], "Fehler: Die Option „--einwohner <zahl>“ fehlt. Hilfe: qm-planer budget --help"],
    [["vorlage", "x.csv"], "Fehler: Die Option „-o, --output <datei.xlsx>“ fehlt. Hilfe: qm-planer vorlage --help"],
  ])("without a typo, %j still names the missing option", async (args, line) => {
    expect(await run(...args)).toEqual({ code: 2, stdout: "", stderr: line + "\n" });
  });

  test("a typo next to --help still shows the help", async () => {
    const r = await run("budget", "--einwohnr", "1", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Aufruf: qm-planer budget [Optionen]");
    expect(r.stderr).toBe("");
  });

  /** A command added later gets the same order without doing anything for it: it is the program's. */
  function programWithNewCommand(configure: (command: Command) => Command = (c) => c): Command {
    const program = createProgram("0.0.0");
    configure(program.command("neu").requiredOption("--pflicht <wert>", "Pflicht").option("--frei <wert>", "frei")).action(() => undefined);
    return program;
  }

  async function parseError(program: Command, ...args: string[]): Promise<CommanderError> {
    const err: unknown = await program.parseAsync(["node", "qm-planer", "neu", ...args]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CommanderError);
    return err as CommanderError;
  }

  test("any command of the program: the unknown option, as commander's own unknown-option error", async () => {
    const err = await parseError(programWithNewCommand(), "--pflichtt", "1");
    expect([err.code, err.exitCode, err.message]).toEqual(["commander.unknownOption", 1, "error: unknown option '--pflichtt'\n(Did you mean --pflicht?)"]);
    expect(describeFailure(err, "qm-planer neu --help").line).toBe("Fehler: Unbekannte Option „--pflichtt“ – gemeint ist wohl „--pflicht“. Hilfe: qm-planer neu --help");
    expect((await parseError(programWithNewCommand())).code).toBe("commander.missingMandatoryOptionValue");
    expect((await parseError(programWithNewCommand(), "--frei", "1")).code).toBe("commander.missingMandatoryOptionValue");
  });

  test("a command that allows unknown options still reports the missing mandatory one", async () => {
    const err = await parseError(programWithNewCommand((c) => c.allowUnknownOption()), "--pflichtt", "1");
    expect(err.code).toBe("commander.missingMandatoryOptionValue");
  });
});
