import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { formatNumber } from "../src/core/format";
import { buildWorkbookModel, planFromTable, rowsFromPastedText, WorkbookModel } from "../src/core/template";
import { writeWorkbook } from "../src/cli/xlsx/writeWorkbook";
import { printTable } from "./report";

/**
 * Template section: `qm-planer vorlage` for 200 Quartiere × 5 plan years, end to end (CSV in,
 * .xlsx on disk) — once as the whole call a user makes (a fresh node running the pre-built
 * command line: start-up, loading exceljs and a cold JIT included), once inside this warm
 * process — and its parts — the core's model, the exceljs writer with the defined names —
 * beside the time exceljs alone needs to write the same cells (values, formulas, number
 * formats; no styles, names, validations or protection), all in the same run.
 */

const NEIGHBOURHOODS = 200;
const FIRST_YEAR = 2026;
const LAST_YEAR = 2030;
const RUNS = 5;
const PROCESS_RUNS = 3;
const TARGET_MS = 2000;
const BIN = path.join(__dirname, "..", "bin", "qm-planer.js");

function csvText(): string {
  const lines = ["Quartier;Einwohner;VbE;Raumkosten"];
  for (let i = 0; i < NEIGHBOURHOODS; i++) lines.push(`Quartier ${i + 1};${1000 + ((i * 7919) % 60_000)};${2 + (i % 5) * 0.5};${(i % 4) * 6000}`.replace(/\./g, ","));
  return lines.join("\n") + "\n";
}

/** Milliseconds: the median of RUNS runs after one warm-up run. */
async function medianMs(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

/** exceljs alone: the model's cells, values and formulas with their number formats. */
async function exceljsAlone(model: WorkbookModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const c of sheet.cells) {
      const cell = ws.getCell(c.row, c.col);
      if (c.formula !== undefined) cell.value = { formula: c.formula } as ExcelJS.CellFormulaValue;
      else if (c.value !== undefined) cell.value = c.value;
      if (c.numberFormat) cell.numFmt = c.numberFormat;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The whole call as a user makes it: a fresh node process each time; the median of PROCESS_RUNS after one warm-up (file cache). */
function wholeCallMs(args: readonly string[]): number {
  const once = (): number => {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    if (r.status !== 0) throw new Error(`qm-planer vorlage: Exit-Code ${r.status} ${r.stderr.split("\n")[0]}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  once();
  const times = Array.from({ length: PROCESS_RUNS }, once).sort((a, b) => a - b);
  return times[Math.floor(PROCESS_RUNS / 2)];
}

export async function run(): Promise<void> {
  // The whole call runs the pre-built command line: build it from this source first.
  const build = spawnSync(process.execPath, [path.join(__dirname, "..", "scripts", "build-cli.js")], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(build.stderr.split("\n")[0] || "Die Kommandozeile ließ sich nicht bauen.");
  const folder = mkdtempSync(path.join(tmpdir(), "qm-planer-bench-"));
  try {
    const csv = path.join(folder, "quartiere.csv");
    writeFileSync(csv, csvText());
    const out = path.join(folder, "plan.xlsx");
    const args = ["node", "qm-planer", "vorlage", csv, "-o", out, "--von", String(FIRST_YEAR), "--bis", String(LAST_YEAR), "--force"];
    // The command's one-line success message would interleave with the figures: hold it back.
    const write = process.stdout.write.bind(process.stdout);
    const cli = await medianMs(async () => {
      process.stdout.write = () => true;
      try {
        if ((await main(args)) !== 0) throw new Error("qm-planer vorlage ist fehlgeschlagen.");
      } finally {
        process.stdout.write = write;
      }
    });

    const whole = wholeCallMs(args.slice(2));

    const rows = rowsFromPastedText(csvText());
    const options = { firstYear: FIRST_YEAR, lastYear: LAST_YEAR };
    const model = buildWorkbookModel(planFromTable(rows, options));
    const cells = model.sheets.reduce((n, s) => n + s.cells.length, 0);
    const modelMs = await medianMs(async () => buildWorkbookModel(planFromTable(rows, options)));
    const writerMs = await medianMs(() => writeWorkbook(model));
    const aloneMs = await medianMs(() => exceljsAlone(model));

    const ms = (x: number): string => formatNumber(x, "de", 0);
    console.log(
      `Vorlage: ${NEIGHBOURHOODS} Quartiere × ${LAST_YEAR - FIRST_YEAR + 1} Planjahre, ${formatNumber(cells, "de", 0)} Zellen, ` +
        `${formatNumber(model.names.length, "de", 0)} Namen; Median aus ${RUNS} Läufen (ganzer Aufruf: ${PROCESS_RUNS}) nach einem Aufwärmlauf; Ziel ≤ ${ms(TARGET_MS)} ms`,
    );
    printTable(
      ["Schritt", "ms", "Ziel erreicht"],
      [
        ["qm-planer vorlage, ganzer Aufruf (neuer node-Prozess, kalt)", ms(whole), whole <= TARGET_MS ? "ja" : "nein"],
        ["qm-planer vorlage im laufenden Prozess (CSV → .xlsx auf der Platte)", ms(cli), cli <= TARGET_MS ? "ja" : "nein"],
        ["  davon Modell (Prüfung, Layout, Kernzahlen)", ms(modelMs), ""],
        ["  davon Schreiben (exceljs, Stile, Namen)", ms(writerMs), ""],
        ["exceljs allein, dieselben Zellen", ms(aloneMs), ""],
      ],
      ["left", "right", "left"],
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
