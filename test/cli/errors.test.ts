import { readFile } from "node:fs/promises";
import { CommanderError } from "commander";
import { describeFailure } from "../../src/cli/errors";

/** A library's or Node's English message never reaches the user: each is one German sentence. */
describe("describeFailure: Node's and V8's limits in German", () => {
  test.each([
    [Object.assign(new RangeError("File size (3221225472) is greater than 2 GiB"), { code: "ERR_FS_FILE_TOO_LARGE" }), "Fehler: Die Datei ist zu groß, um sie zu lesen (über 2 GB)."],
    [Object.assign(new Error("Cannot create a string longer than 0x1fffffe8 characters"), { code: "ERR_STRING_TOO_LONG" }), "Fehler: Die Datei ist zu groß, um sie als Text zu verarbeiten."],
    [new RangeError("Invalid string length"), "Fehler: Die Datei ist zu groß, um sie als Text zu verarbeiten."],
    [new RangeError("Array buffer allocation failed"), "Fehler: Die Datei ist zu groß, um sie im Speicher zu verarbeiten."],
    [Object.assign(new Error("Premature close"), { code: "ERR_STREAM_PREMATURE_CLOSE" }), "Fehler: Die Datei wurde beim Lesen unerwartet geschlossen."],
  ])("%s", (err, line) => {
    expect(describeFailure(err)).toEqual({ line, exitCode: 2 });
  });

  test("a real 'Invalid string length' from V8", () => {
    let caught: unknown;
    try {
      "x".repeat(2 ** 30).repeat(2 ** 10);
    } catch (e) {
      caught = e;
    }
    expect(describeFailure(caught).line).toBe("Fehler: Die Datei ist zu groß, um sie als Text zu verarbeiten.");
  });

  test("a system error still names the path", async () => {
    const err = await readFile("/nicht/vorhanden.csv").catch((e: unknown) => e);
    expect(describeFailure(err).line).toBe("Fehler: „/nicht/vorhanden.csv“ gibt es nicht.");
  });
});

describe("describeFailure: commander's guess for a typo, in German", () => {
  test.each([
    ["error: unknown option '--vbee'\n(Did you mean --vbe?)", "commander.unknownOption", "Fehler: Unbekannte Option „--vbee“ – gemeint ist wohl „--vbe“. Hilfe: h"],
    [
      "error: unknown option '--vb'\n(Did you mean one of --vbe, --von?)",
      "commander.unknownOption",
      "Fehler: Unbekannte Option „--vb“ – gemeint ist wohl eine von „--vbe“, „--von“. Hilfe: h",
    ],
    ["error: unknown command 'xyz'", "commander.unknownCommand", "Fehler: Unbekannter Befehl „xyz“. Hilfe: h"],
  ])("%j", (message, code, line) => {
    expect(describeFailure(new CommanderError(1, code, message), "h").line).toBe(line);
  });
});
