import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { checkFile } from "../src/cli/commands/pruefen";
import { writeWorkbook } from "../src/cli/xlsx/writeWorkbook";
import { formatNumber } from "../src/core/format";
import { buildTemplate, NeighbourhoodInput } from "../src/core/template";
import { printTable } from "./report";

/**
 * Compliance-check section: `pruefen` (read the file, its names, the plan, every rule) over
 * 100 planning workbooks made by the template, beside exceljs alone reading the same files,
 * in the same run. Target: pruefen ≤ 0,5 × exceljs (the untrusted reader inflates only the
 * parts and decodes only the cells the check needs).
 *
 * Then peak memory: `qm-planer pruefen --json` in a child process on 1 workbook and on 500
 * (the 100 files five times), each child's peak resident memory. Target: 500 ≤ 1,2 × 1 —
 * every file is reported as it finishes and nothing of it is kept.
 */

const WORKBOOKS = 100;
const RUNS = 5;
const TARGET_FACTOR = 0.5;
const MEMORY_FILES = 500;
const MEMORY_TARGET = 1.2;

/** 100 workbooks of 1 to 6 Quartiere over 3 years, residents around the rules' boundaries. */
async function makeWorkbooks(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (let w = 0; w < WORKBOOKS; w++) {
    const neighbourhoods: NeighbourhoodInput[] = Array.from({ length: 1 + (w % 6) }, (_, i) => ({
      name: `Quartier ${w}-${i}`,
      residents: [1800, 2500, 4999, 5000, 12345, 30000][(w + i) % 6],
      fte: [2, 2.5, 3, 1.5][(w + i) % 4],
      roomCosts: (w * 997 + i * 131) % 20000,
    }));
    const { model } = buildTemplate({ neighbourhoods, firstYear: 2026, lastYear: 2028 });
    const file = join(dir, `plan-${w}.xlsx`);
    await writeFile(file, await writeWorkbook(model));
    files.push(file);
  }
  return files;
}

async function time(pass: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await pass();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "qm-bench-pruefen-"));
  try {
    const files = await makeWorkbooks(dir);
    const exceljsOnly = async (): Promise<void> => {
      for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
    };
    let findings = 0;
    const pruefen = async (): Promise<void> => {
      findings = 0;
      for (const f of files) {
        const outcome = await checkFile(f, {});
        if ("error" in outcome) throw new Error(`${f}: ${outcome.error}`);
        for (const n of outcome.result.neighbourhoods) findings += n.findings.length;
      }
    };
    // Warm-up, then alternate the two so that both see the same machine state.
    await exceljsOnly();
    await pruefen();
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      a.push(await time(exceljsOnly));
      b.push(await time(pruefen));
    }
    const [reading, checking] = [median(a), median(b)];
    const factor = checking / reading;
    console.log(
      `Prüfen: ${WORKBOOKS} Planungsmappen der Vorlage (1–6 Quartiere, 3 Jahre), Median aus ${RUNS} Läufen; ` +
        `${formatNumber(findings, "de", 0)} Befunde je Lauf; Ziel ≤ ${formatNumber(TARGET_FACTOR)} × exceljs allein`,
    );
    printTable(
      ["Lauf", "ms gesamt", "ms je Datei", "Faktor", "Ziel erreicht"],
      [
        ["exceljs liest nur", formatNumber(reading, "de", 0), formatNumber(reading / WORKBOOKS, "de", 1), "1", ""],
        ["pruefen", formatNumber(checking, "de", 0), formatNumber(checking / WORKBOOKS, "de", 1), formatNumber(factor), factor <= TARGET_FACTOR ? "ja" : "nein"],
      ],
      ["left", "right", "right", "right", "left"],
    );
    memory(files);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Peak resident memory (MB) of one `pruefen --json` child process over `files`. */
function peakMemory(files: readonly string[]): number {
  const child = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "pruefenChild.ts"), ...files], {
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const m = /maxRSS (\d+)/.exec(child.stderr ?? "");
  if (!m) throw new Error(`pruefen (Speicher) ohne Messwert: ${(child.stderr ?? "").slice(0, 300)}`);
  return Number(m[1]) / 1024;
}

function memory(files: readonly string[]): void {
  const many = Array.from({ length: MEMORY_FILES }, (_, i) => files[i % files.length]);
  // Twice each, the smaller counts: the first start of a child also fills caches.
  const one = Math.min(peakMemory(files.slice(0, 1)), peakMemory(files.slice(0, 1)));
  const all = Math.min(peakMemory(many), peakMemory(many));
  const factor = all / one;
  console.log(`\nPrüfen, Speicher: Spitze des Prozesses (max. RSS) für 1 und ${MEMORY_FILES} Arbeitsmappen, --json; Ziel ≤ ${formatNumber(MEMORY_TARGET)} × eine Datei`);
  printTable(
    ["Lauf", "MB", "Faktor", "Ziel erreicht"],
    [
      ["1 Arbeitsmappe", formatNumber(one, "de", 0), "1", ""],
      [`${MEMORY_FILES} Arbeitsmappen`, formatNumber(all, "de", 0), formatNumber(factor), factor <= MEMORY_TARGET ? "ja" : "nein"],
    ],
    ["left", "right", "right", "left"],
  );
}
