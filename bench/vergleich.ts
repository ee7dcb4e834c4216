import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeWorkbook } from "../src/cli/xlsx/writeWorkbook";
import { handOutWorkbooks } from "../src/core/consolidation";
import { formatNumber } from "../src/core/format";
import { validateTemplateInput, WorkbookModel } from "../src/core/template";
import { FUNDING_SUM_ROW } from "../src/core/template/neighbourhoodLayout";
import { printTable } from "./report";

/**
 * Budget-round section: `qm-planer vergleich` of 200 submitted workbooks (one Quartier each, as
 * `vorlage --je-quartier` hands them out, 3 plan years) — read with the bounded reader, checked,
 * consolidated, the comparison workbook and the JSON written — beside exceljs merely reading the
 * same 200 files. Each in its own child process (so start-up and memory are each run's own):
 * wall time and peak resident memory, the smaller of two runs.
 */

const WORKBOOKS = 200;

/**
 * A handed-out model as a provider's saved file reads: exceljs stores no formula results, so
 * the Planansätze (a reference to their Richtwert until typed over) and the funding sums get
 * the figures a provider typed, else every row would be unreadable and the bench too easy.
 */
function filledIn(model: WorkbookModel, i: number): WorkbookModel {
  for (const sheet of model.sheets)
    for (const cell of sheet.cells) {
      if (cell.formula === undefined) continue;
      if (!cell.locked && /^[A-Z]+\d+$/.test(cell.formula)) {
        delete cell.formula;
        cell.value = 5000 + ((i * 7919 + cell.row * 131 + cell.col * 17) % 100000) + 0.01 * (i % 100);
      } else if (sheet.role === "neighbourhood" && cell.row === FUNDING_SUM_ROW) {
        delete cell.formula;
        cell.value = (i % 5) * 1234.57;
      }
    }
  return model;
}

async function makeWorkbooks(dir: string): Promise<string[]> {
  const plan = validateTemplateInput({
    neighbourhoods: Array.from({ length: WORKBOOKS }, (_, i) => ({
      name: `Quartier ${i + 1}`,
      residents: [1800, 2500, 4999, 5000, 12345, 30000][i % 6],
      fte: [2, 2.5, 3, 1.5][i % 4],
      roomCosts: (i * 997) % 20000,
      provider: `Träger ${i % 17}`,
    })),
    firstYear: 2026,
    lastYear: 2028,
  });
  const files: string[] = [];
  for (const [i, w] of handOutWorkbooks(plan).entries()) {
    const file = join(dir, w.fileName);
    await writeFile(file, await writeWorkbook(filledIn(w.model, i)));
    files.push(file);
  }
  return files;
}

function measure(mode: "vergleich" | "exceljs", output: string, files: readonly string[]): { ms: number; mb: number } {
  const child = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "vergleichChild.ts"), mode, output, ...files], {
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const m = /ms ([\d.]+) maxRSS (\d+)/.exec(child.stderr ?? "");
  if (!m) throw new Error(`${mode} ohne Messwert: ${(child.stderr ?? "").slice(0, 300)}`);
  return { ms: Number(m[1]), mb: Number(m[2]) / 1024 };
}

function best(mode: "vergleich" | "exceljs", output: string, files: readonly string[]): { ms: number; mb: number } {
  const [a, b] = [measure(mode, output, files), measure(mode, output, files)];
  return { ms: Math.min(a.ms, b.ms), mb: Math.min(a.mb, b.mb) };
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "qm-bench-vergleich-"));
  try {
    const files = await makeWorkbooks(dir);
    const output = join(dir, "vergleich.xlsx");
    const reading = best("exceljs", output, files);
    const comparing = best("vergleich", output, files);
    console.log(
      `Vergleich: ${WORKBOOKS} eingereichte Mappen (je 1 Quartier, 3 Jahre, aus vorlage --je-quartier), je Lauf ein Kindprozess, ` +
        `der kleinere von 2 Läufen; vergleich = lesen, prüfen, zusammenführen, Vergleichsmappe und JSON schreiben`,
    );
    printTable(
      ["Lauf", "ms gesamt", "ms je Datei", "Faktor Zeit", "MB Spitze (max. RSS)"],
      [
        ["exceljs liest nur", formatNumber(reading.ms, "de", 0), formatNumber(reading.ms / WORKBOOKS, "de", 1), "1", formatNumber(reading.mb, "de", 0)],
        ["vergleich", formatNumber(comparing.ms, "de", 0), formatNumber(comparing.ms / WORKBOOKS, "de", 1), formatNumber(comparing.ms / reading.ms), formatNumber(comparing.mb, "de", 0)],
      ],
      ["left", "right", "right", "right", "right"],
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `npx tsx bench/vergleich.ts`: this section alone. */
if (require.main === module) void run();
