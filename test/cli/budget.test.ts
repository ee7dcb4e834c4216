import { execFile } from "child_process";
import { CommanderError } from "commander";
import path from "path";
import { version } from "../../package.json";
import { CliError, describeFailure, EXIT, fileSystemFailure, UsageError } from "../../src/cli/errors";
import { parseNumberArgument } from "../../src/cli/numbers";
import { QmInputError } from "../../src/core/errors";

/** Runs the real `qm-planer` launcher (bin → tsx → src/cli) as a user would. */
const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "qm-planer.js");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function qmPlaner(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** "Label   12.345,00 €  (note)" → { Label: "12.345,00 €" } for the rows of the table. */
function tableValues(stdout: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of stdout.split("\n")) {
    const match = /^(\S.*?)\s{2,}(\S+(?: €)?)(?:\s{2,}.*)?$/.exec(line);
    if (match) values[match[1]] = match[2];
  }
  return values;
}

describe("qm-planer budget: Tabelle", () => {
  test("12 345 Einwohner, 2,5 VbE, 18 000 € Raumkosten", async () => {
    const run = await qmPlaner(["budget", "--einwohner", "12345", "--vbe", "2.5", "--raumkosten", "18000"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^Budget je Jahr nach dem Rahmenstandard Quartiermanagement/);
    expect(tableValues(run.stdout)).toEqual({
      Einwohner: "12.345",
      VbE: "2,5",
      "Gehalt je VbE": "45.000,00 €",
      Personalkosten: "112.500,00 €",
      Sachkosten: "8.750,00 €",
      Projektkosten: "24.690,00 €",
      Verfügungsfonds: "6.172,50 €",
      Projektmittel: "39.612,50 €",
      Raumkosten: "18.000,00 €",
      Gesamtbudget: "170.112,50 €",
    });
    // The lines stand in the order of the budget, the total last.
    const labels = run.stdout.split("\n").map((l) => l.split(/\s{2,}/)[0]);
    const order = ["Personalkosten", "Sachkosten", "Projektkosten", "Verfügungsfonds", "Projektmittel", "Raumkosten", "Gesamtbudget"];
    expect(labels.filter((l) => order.includes(l))).toEqual(order);
  });

  test("German-spelled numbers and the minimums of a small Quartier", async () => {
    const run = await qmPlaner(["budget", "--einwohner", "2.499", "--vbe", "1,5", "--gehalt", "47.250,55", "--raumkosten", "12.345,675"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(tableValues(run.stdout)).toMatchObject({
      Einwohner: "2.499",
      VbE: "1,5",
      "Gehalt je VbE": "47.250,55 €",
      // 1,5 × 47 250,55 = 70 875,825 → 70 875,83
      Personalkosten: "70.875,83 €",
      Sachkosten: "5.250,00 €",
      Projektkosten: "5.000,00 €",
      Verfügungsfonds: "2.000,00 €",
      Projektmittel: "12.250,00 €",
      Raumkosten: "12.345,68 €",
      // 70 875,83 + 12 250 + 12 345,68
      Gesamtbudget: "95.471,51 €",
    });
  });

  test("the defaults are marked as the standard's", async () => {
    const run = await qmPlaner(["budget", "--einwohner", "0"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^VbE\s+2\s+\(Vorgabe des Standards\)$/m);
    expect(run.stdout).toMatch(/^Gehalt je VbE\s+45\.000,00 €\s+\(Vorgabe des Standards\)$/m);
    expect(tableValues(run.stdout).Gesamtbudget).toBe("104.000,00 €");
  });
});

describe("qm-planer budget: Hinweise unter dem Standard", () => {
  test("VbE below the minimum and salary below the reference: the budget as usual, two notes under the table", async () => {
    const run = await qmPlaner(["budget", "--einwohner", "12345", "--vbe", "1,5", "--gehalt", "40.000"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(tableValues(run.stdout)).toMatchObject({
      // 1,5 × 40 000 = 60 000; 1,5 × 3 500 = 5 250; 24 690 + 6 172,50 + 5 250 = 36 112,50
      Personalkosten: "60.000,00 €",
      Projektmittel: "36.112,50 €",
      Gesamtbudget: "96.112,50 €",
    });
    expect(run.stdout.endsWith(
      "\n\nHinweis: Geplant sind 1,5 VbE, der Standard verlangt mindestens 2 VbE.\n" +
        "Hinweis: Personalkosten: geplant 60.000,00 €, der Standard verlangt mindestens 67.500,00 € (1,5 VbE × 45.000,00 € je VbE nach TVöD S11).\n",
    )).toBe(true);
  });

  test.each([
    [["--vbe", "0"], "Hinweis: Geplant sind 0 VbE, der Standard verlangt mindestens 2 VbE."],
    [["--vbe", "1,99"], "Hinweis: Geplant sind 1,99 VbE, der Standard verlangt mindestens 2 VbE."],
    [["--gehalt", "44.999,99"], "Hinweis: Personalkosten: geplant 89.999,98 €, der Standard verlangt mindestens 90.000,00 € (2 VbE × 45.000,00 € je VbE nach TVöD S11)."],
  ])("%j → exactly one note", async (args, note) => {
    const run = await qmPlaner(["budget", "--einwohner", "100", ...args]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.split("\n").filter((l) => l.startsWith("Hinweis:"))).toEqual([note]);
  });

  test("at the standard or above (and with the defaults) there is no note", async () => {
    const runs = await Promise.all([
      qmPlaner(["budget", "--einwohner", "100"]),
      qmPlaner(["budget", "--einwohner", "100", "--vbe", "2", "--gehalt", "45000"]),
      qmPlaner(["budget", "--einwohner", "100", "--vbe", "3,5", "--gehalt", "52.000"]),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain("Hinweis");
    }
  });

  test("--json stays exactly the nine keys, without notes", async () => {
    const run = await qmPlaner(["budget", "--einwohner", "12345", "--vbe", "1,5", "--gehalt", "40000", "--json"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).not.toContain("Hinweis");
    expect(JSON.parse(run.stdout)).toEqual({
      einwohner: 12345,
      vbe: 1.5,
      personalkosten: "60000.00",
      sachkosten: "5250.00",
      projektkosten: "24690.00",
      verfuegungsfonds: "6172.50",
      projektmittel: "36112.50",
      raumkosten: "0.00",
      gesamtbudget: "96112.50",
    });
  });
});

describe("qm-planer budget --json", () => {
  test("exactly one JSON object with the documented keys, amounts as two-decimal strings", async () => {
    const run = await qmPlaner(["budget", "--einwohner", "12345", "--json"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const json = JSON.parse(run.stdout);
    expect(json).toEqual({
      einwohner: 12345,
      vbe: 2,
      personalkosten: "90000.00",
      sachkosten: "7000.00",
      projektkosten: "24690.00",
      verfuegungsfonds: "6172.50",
      projektmittel: "37862.50",
      raumkosten: "0.00",
      gesamtbudget: "127862.50",
    });
    expect(Object.keys(json)).toEqual([
      "einwohner",
      "vbe",
      "personalkosten",
      "sachkosten",
      "projektkosten",
      "verfuegungsfonds",
      "projektmittel",
      "raumkosten",
      "gesamtbudget",
    ]);
  });

  test("with every option", async () => {
    const run = await qmPlaner(["budget", "--json", "--einwohner", "4001", "--vbe", "2,5", "--gehalt", "47250.55", "--raumkosten", "18000,5"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(run.stdout)).toEqual({
      einwohner: 4001,
      vbe: 2.5,
      personalkosten: "118126.38",
      sachkosten: "8750.00",
      projektkosten: "8002.00",
      verfuegungsfonds: "2000.50",
      projektmittel: "18752.50",
      raumkosten: "18000.50",
      gesamtbudget: "154879.38",
    });
  });
});

/** How numbers are spelt: the thousands dot makes "18.500" eighteen thousand five hundred. */
const NUMBER_SPELLING = "Zahlen deutsch: 12.345 oder 2,5 (der Punkt trennt Tausender: 18.500 = 18500).";

describe("qm-planer: Hilfe und Version", () => {
  test.each([
    [["budget", "--help"]],
    [["budget", "-h"]],
    [["help", "budget"]],
  ])("%j shows the budget command's German help", async (args) => {
    const run = await qmPlaner(args);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("Aufruf: qm-planer budget [Optionen]");
    expect(run.stdout).toContain("Optionen:");
    for (const option of ["--einwohner <zahl>", "--vbe <zahl>", "--raumkosten <betrag>", "--gehalt <betrag>", "--json", "--help"])
      expect(run.stdout).toContain(option);
    expect(run.stdout).toContain("Beispiele:");
    expect(run.stdout).toContain(NUMBER_SPELLING);
    expect(run.stdout).not.toMatch(/Usage:|Options:|display help/);
  });

  test("vorlage --help says how numbers are written in the CSV", async () => {
    const run = await qmPlaner(["vorlage", "--help"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain(NUMBER_SPELLING);
  });

  test("the program's help lists the commands in German", async () => {
    const run = await qmPlaner(["--help"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("Aufruf: qm-planer [Optionen] [Befehl]");
    expect(run.stdout).toMatch(/^Befehle:$/m);
    expect(run.stdout).toMatch(/^ {2}budget \[Optionen\]/m);
    expect(run.stdout).not.toMatch(/Usage:|Options:|Commands:/);
  });

  test("--version prints the package version", async () => {
    const run = await qmPlaner(["--version"]);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });
});

describe("qm-planer: falsche Aufrufe", () => {
  const CASES: [string, string[], string][] = [
    ["kein Befehl", [], "Fehler: Kein gültiger Befehl angegeben. Hilfe: qm-planer --help"],
    ["Hilfe zu einem unbekannten Befehl", ["help", "rechne"], "Fehler: Kein gültiger Befehl angegeben. Hilfe: qm-planer --help"],
    ["unbekannter Befehl", ["rechne"], "Fehler: Unbekannter Befehl „rechne“. Hilfe: qm-planer --help"],
    ["unbekannte Option des Programms", ["--foo"], "Fehler: Unbekannte Option „--foo“. Hilfe: qm-planer --help"],
    ["--einwohner fehlt", ["budget"], "Fehler: Die Option „--einwohner <zahl>“ fehlt. Hilfe: qm-planer budget --help"],
    ["--einwohner ohne Wert", ["budget", "--einwohner"], "Fehler: Die Option „--einwohner <zahl>“ braucht einen Wert. Hilfe: qm-planer budget --help"],
    ["Text", ["budget", "--einwohner", "viele"], "Fehler: --einwohner: „viele“ ist keine Zahl."],
    ["Exponentenschreibweise", ["budget", "--einwohner", "1e5"], "Fehler: --einwohner: „1e5“ ist keine Zahl."],
    ["negativ", ["budget", "--einwohner", "-5"], "Fehler: Einwohner: darf nicht negativ sein (-5)."],
    ["gebrochen", ["budget", "--einwohner", "12,5"], "Fehler: Einwohner: muss eine ganze Zahl sein (12,5)."],
    [
      "zu groß",
      ["budget", "--einwohner", "20.000.000"],
      "Fehler: Einwohner: 20.000.000 ist unplausibel groß (höchstens 10.000.000).",
    ],
    [
      "mehr Stellen als genau rechenbar",
      ["budget", "--einwohner", "123456789012345678901"],
      "Fehler: --einwohner: „123456789012345678901“ hat zu viele Stellen, um genau gerechnet zu werden.",
    ],
    ["knapp gebrochen", ["budget", "--einwohner", "2,0004"], "Fehler: Einwohner: muss eine ganze Zahl sein (2,0004)."],
    [
      "absurd groß",
      ["budget", "--einwohner", "1" + "0".repeat(300)],
      "Fehler: Einwohner: 1e+300 ist unplausibel groß (höchstens 10.000.000).",
    ],
    ["VbE knapp zu groß", ["budget", "--einwohner", "100", "--vbe", "100,0001"], "Fehler: VbE: 100,0001 ist unplausibel groß (höchstens 100)."],
    ["VbE negativ", ["budget", "--einwohner", "100", "--vbe", "-1"], "Fehler: VbE: darf nicht negativ sein (-1)."],
    ["VbE zu groß", ["budget", "--einwohner", "100", "--vbe", "101"], "Fehler: VbE: 101 ist unplausibel groß (höchstens 100)."],
    [
      "VbE mit Tausenderpunkt",
      ["budget", "--einwohner", "100", "--vbe", "2.125"],
      "Fehler: VbE: 2.125 ist unplausibel groß (höchstens 100). „2.125“ wurde als 2125 gelesen (der Punkt trennt Tausender); gemeint ist wohl „2,125“.",
    ],
    ["Gehalt als Text", ["budget", "--einwohner", "100", "--gehalt", "viel"], "Fehler: --gehalt: „viel“ ist keine Zahl."],
    ["Raumkosten negativ", ["budget", "--einwohner", "100", "--raumkosten", "-0,01"], "Fehler: Raumkosten: darf nicht negativ sein (-0,01)."],
    ["unbekannte Option", ["budget", "--einwohner", "100", "--quartier", "Nord"], "Fehler: Unbekannte Option „--quartier“. Hilfe: qm-planer budget --help"],
    ["überzähliges Argument", ["budget", "--einwohner", "100", "Nord"], "Fehler: Zu viele Argumente. Hilfe: qm-planer budget --help"],
  ];

  // The launcher starts TypeScript through tsx; run the calls side by side to keep the suite quick.
  let runs: Run[];
  beforeAll(async () => {
    runs = await Promise.all(CASES.map(([, args]) => qmPlaner(args)));
  });

  test.each(CASES.map((c, i) => [c[0], c[1], c[2], i] as const))("%s: %j", (_name, _args, line, i) => {
    expect(runs[i]).toEqual({ code: 2, stdout: "", stderr: line + "\n" });
  });
});

describe("CLI-Grundlagen: eine Zeile, ein Exit-Code", () => {
  test.each([
    ["UsageError", new UsageError("--vbe: „x“ ist keine Zahl."), "Fehler: --vbe: „x“ ist keine Zahl.", EXIT.failure],
    ["CliError with findings", new CliError("3 Abweichungen gefunden.", EXIT.findings), "Fehler: 3 Abweichungen gefunden.", EXIT.findings],
    ["QmInputError", new QmInputError("range", "VbE", "VbE: darf nicht negativ sein (-1).", "FTE: …"), "Fehler: VbE: darf nicht negativ sein (-1).", EXIT.failure],
    [
      "commander error",
      new CommanderError(1, "commander.unknownOption", "error: unknown option '--x'"),
      "Fehler: Unbekannte Option „--x“. Hilfe: qm-planer --help",
      EXIT.failure,
    ],
    ["unexpected error, several lines", new TypeError("kaputt\n    at somewhere (file.ts:1:1)"), "Unerwarteter Fehler: kaputt at somewhere (file.ts:1:1)", EXIT.failure],
    ["something thrown that is no Error", "nur Text", "Unerwarteter Fehler: nur Text", EXIT.failure],
  ])("%s", (_name, err, line, exitCode) => {
    expect(describeFailure(err)).toEqual({ line, exitCode });
  });

  /** A file-system error as Node raises it (code, syscall, path and, for rename, dest). */
  function systemError(code: string, syscall: string, file?: string, dest?: string): NodeJS.ErrnoException {
    const where = file ? ` '${file}'` + (dest ? ` -> '${dest}'` : "") : "";
    return Object.assign(new Error(`${code}: some English text, ${syscall}${where}`), { code, syscall, errno: -1, path: file, dest });
  }

  test.each([
    [systemError("EISDIR", "rename", "/srv/.plan.xlsx.1a2b.tmp", "/srv/plan.xlsx"), "Fehler: „/srv/plan.xlsx“ ist ein Ordner, keine Datei."],
    [systemError("EACCES", "open", "/srv/plan.xlsx"), "Fehler: Keine Berechtigung, „/srv/plan.xlsx“ zu öffnen."],
    [systemError("EPERM", "rename", "/srv/.a.tmp", "/srv/plan.xlsx"), "Fehler: Keine Berechtigung, „/srv/plan.xlsx“ zu schreiben."],
    [systemError("EACCES", "scandir", "/root/geheim"), "Fehler: Keine Berechtigung, „/root/geheim“ zu lesen."],
    [systemError("ENOENT", "lstat", "/srv/fehlt.csv"), "Fehler: Die Datei „/srv/fehlt.csv“ gibt es nicht."],
    [systemError("ENOENT", "open", "/srv/fehlt.csv"), "Fehler: „/srv/fehlt.csv“ gibt es nicht."],
    [systemError("ENOENT", "rename", "/srv/weg/.a.tmp", "/srv/weg/plan.xlsx"), "Fehler: Den Ordner „/srv/weg“ gibt es nicht."],
    [systemError("ENOSPC", "write"), "Fehler: Kein Speicherplatz mehr auf dem Datenträger, um die Datei zu schreiben."],
    [systemError("EROFS", "open", "/mnt/cd/plan.xlsx"), "Fehler: „/mnt/cd/plan.xlsx“ liegt auf einem schreibgeschützten Datenträger."],
    [systemError("EBUSY", "rename", "/srv/.a.tmp", "/srv/plan.xlsx"), "Fehler: „/srv/plan.xlsx“ ist von einem anderen Programm belegt (z. B. in Excel geöffnet)."],
    [systemError("ENOTDIR", "open", "/srv/q.csv/plan.xlsx"), "Fehler: Ein Teil des Pfads „/srv/q.csv/plan.xlsx“ ist eine Datei, kein Ordner."],
    [systemError("EXDEV", "rename", "/srv/.a.tmp", "/mnt/plan.xlsx"), "Fehler: „/mnt/plan.xlsx“ lässt sich nicht schreiben (Systemfehler EXDEV)."],
  ])("a file-system error %#: one German line naming the path", (err, line) => {
    expect(describeFailure(err)).toEqual({ line, exitCode: EXIT.failure });
  });

  test("fileSystemFailure names the user's path and what was being done, whatever path the system reported", () => {
    const failure = fileSystemFailure(systemError("EACCES", "open", "/srv/.plan.xlsx.1a2b.tmp"), "plan.xlsx", "schreiben");
    expect(failure).toBeInstanceOf(CliError);
    expect(describeFailure(failure).line).toBe("Fehler: Keine Berechtigung, „plan.xlsx“ zu schreiben.");
    expect(describeFailure(fileSystemFailure(systemError("ENOENT", "open", "/x/q.csv"), "q.csv", "lesen")).line).toBe(
      "Fehler: Die Datei „q.csv“ gibt es nicht.",
    );
    const other = new TypeError("kein Systemfehler");
    expect(fileSystemFailure(other, "plan.xlsx", "schreiben")).toBe(other);
  });

  test("the help hint names the failing command", () => {
    const err = new CommanderError(1, "commander.missingMandatoryOptionValue", "error: required option '--datei <pfad>' not specified");
    expect(describeFailure(err, "qm-planer pruefen --help").line).toBe(
      "Fehler: Die Option „--datei <pfad>“ fehlt. Hilfe: qm-planer pruefen --help",
    );
  });

  test.each([
    ["12.345", 12345],
    ["2,5", 2.5],
    ["45.000,55", 45000.55],
    ["-3", -3],
  ])("parseNumberArgument(%p) → %p", (text, value) => {
    expect(parseNumberArgument(text, "--x")).toBe(value);
  });

  test("parseNumberArgument refuses text with a German UsageError", () => {
    expect(() => parseNumberArgument("zwei", "--vbe")).toThrow(new UsageError("--vbe: „zwei“ ist keine Zahl."));
  });
});
