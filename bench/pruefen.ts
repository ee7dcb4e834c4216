import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { writeWorkbook } from "../src/cli/xlsx/writeWorkbook";
import { formatNumber } from "../src/core/format";
import { buildTemplate, NeighbourhoodInput } from "../src/core/template";
import { printTable } from "./report";

/**
 * Compliance-check section, measured as it ships: the pre-built `qm-planer pruefen --json`
 * (bin/qm-planer.js → dist-cli/qm-planer.js, plain node) over 100 planning workbooks made by
 * the template, beside a plain node process that merely reads the same files with exceljs.
 * Both are whole processes (start-up included), run alternately so a machine that speeds up or
 * slows down meanwhile affects both alike; medians are printed, wall and CPU time. Target:
 * pruefen ≤ 0,5 × exceljs.
 *
 * Then peak memory: the same built CLI on 1 workbook, on the 100 and on 500 (the 100 five
 * times), each process's peak resident memory. Target: 500 ≤ 1,2 × 1 — every file is reported as
 * it finishes and nothing of it is kept. pruefen checks the files in a worker thread
 * (src/cli/commands/pruefenChecker.ts); the figures are the whole process's, both threads.
 *
 * Each child reports its own figures through a preloaded hook (`--require`), on fd 3, when it
 * exits: the CLI itself runs unchanged.
 */

const ROOT = resolve(__dirname, "..");
const BIN = join(ROOT, "bin", "qm-planer.js");
const WORKBOOKS = 100;
const RUNS = 7;
const TARGET_FACTOR = 0.5;
const MEMORY_FILES = 500;
const MEMORY_RUNS = 5;
const MEMORY_TARGET = 1.2;

/** Preloaded into each child: its peak RSS (KB) and CPU time (µs) on fd 3 when it exits. */
const HOOK = `process.on("exit", () => {
  const u = process.resourceUsage();
  require("fs").writeSync(3, "maxRSS " + u.maxRSS + " cpu " + (u.userCPUTime + u.systemCPUTime) + "\\n");
});
`;

/** exceljs merely reading the files, one after the other, as plain node (no tsx). */
const EXCELJS_READ = `const ExcelJS = require("exceljs");
(async () => { for (const f of process.argv.slice(1)) await new ExcelJS.Workbook().xlsx.readFile(f); })().catch((e) => { console.error(e.message); process.exit(2); });`;

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Figures {
  ms: number;
  cpuMs: number;
  mb: number;
  stdout: string;
}

/** One whole child process: wall time (parent's clock), its CPU time and peak RSS (its hook). */
function runChild(hook: string, args: readonly string[], keepStdout = false): Figures {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--require", hook, ...args], {
    cwd: ROOT,
    // stdout to /dev/null unless asked for: a terminal or file, not a pipe the parent drains.
    stdio: ["ignore", keepStdout ? "pipe" : "ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // pruefen ends with 1 when a file has a Verstoß (the corpus has some); 2 is a failure.
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args[0]}: Exit-Code ${child.status} ${(child.stderr ?? "").split("\n")[0]}`);
  const m = /maxRSS (\d+) cpu (\d+)/.exec(String(child.output[3] ?? ""));
  if (!m) throw new Error(`${args[0]} ohne Messwert: ${(child.stderr ?? "").slice(0, 300)}`);
  return { ms, cpuMs: Number(m[2]) / 1000, mb: Number(m[1]) / 1024, stdout: keepStdout ? String(child.stdout) : "" };
}

export async function run(): Promise<void> {
  // The bench measures this source as it ships: build the bundle first (as `npm run build:cli` does).
  const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.js")], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(build.stderr.split("\n")[0] || "Die Kommandozeile ließ sich nicht bauen.");

  const dir = await mkdtemp(join(tmpdir(), "qm-bench-pruefen-"));
  try {
    const files = await makeWorkbooks(dir);
    const hook = join(dir, "figures-hook.js");
    await writeFile(hook, HOOK);
    const pruefen = (list: readonly string[], keepStdout = false): Figures => runChild(hook, [BIN, "pruefen", "--json", ...list], keepStdout);
    const exceljs = (): Figures => runChild(hook, ["-e", EXCELJS_READ, ...files]);

    // Warm-up of each (file cache, code cache), its findings counted from the JSON; then alternate.
    const document = JSON.parse(pruefen(files, true).stdout) as { dateien: { quartiere?: { befunde: unknown[] }[]; fehler?: string }[] };
    const failed = document.dateien.filter((d) => d.fehler !== undefined);
    if (failed.length > 0) throw new Error(`pruefen: ${failed.length} Dateien nicht lesbar: ${failed[0].fehler}`);
    const findings = document.dateien.reduce((sum, d) => sum + (d.quartiere ?? []).reduce((s, q) => s + q.befunde.length, 0), 0);
    exceljs();
    const a: Figures[] = [];
    const b: Figures[] = [];
    for (let r = 0; r < RUNS; r++) {
      a.push(exceljs());
      b.push(pruefen(files));
    }
    const reading = { ms: median(a.map((f) => f.ms)), cpuMs: median(a.map((f) => f.cpuMs)) };
    const checking = { ms: median(b.map((f) => f.ms)), cpuMs: median(b.map((f) => f.cpuMs)) };
    const factor = checking.ms / reading.ms;
    console.log(
      `Prüfen: ${WORKBOOKS} Planungsmappen der Vorlage (1–6 Quartiere, 3 Jahre); ganze Prozesse (node, ohne tsx), abwechselnd, ` +
        `Median aus ${RUNS} Läufen; pruefen = die vorgebaute Kommandozeile (dist-cli) mit --json; ` +
        `${formatNumber(findings, "de", 0)} Befunde je Lauf; Ziel ≤ ${formatNumber(TARGET_FACTOR)} × exceljs allein (Wanduhr)`,
    );
    printTable(
      ["Lauf", "ms gesamt", "ms je Datei", "Faktor", "CPU ms", "Faktor CPU", "Ziel erreicht"],
      [
        ["exceljs liest nur", formatNumber(reading.ms, "de", 0), formatNumber(reading.ms / WORKBOOKS, "de", 1), "1", formatNumber(reading.cpuMs, "de", 0), "1", ""],
        [
          "qm-planer pruefen",
          formatNumber(checking.ms, "de", 0),
          formatNumber(checking.ms / WORKBOOKS, "de", 1),
          formatNumber(factor),
          formatNumber(checking.cpuMs, "de", 0),
          formatNumber(checking.cpuMs / reading.cpuMs),
          factor <= TARGET_FACTOR ? "ja" : "nein",
        ],
      ],
      ["left", "right", "right", "right", "right", "right", "left"],
    );
    memory(files, pruefen);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function memory(files: readonly string[], pruefen: (list: readonly string[]) => Figures): void {
  const many = Array.from({ length: MEMORY_FILES }, (_, i) => files[i % files.length]);
  const one: number[] = [];
  const hundred: number[] = [];
  const all: number[] = [];
  // Alternating, after one warm-up each; the median counts. The 100 files show where the growth
  // over one file happens: while the process warms up (compiled code, the heaps' working size),
  // not file by file.
  pruefen(files.slice(0, 1));
  pruefen(many);
  for (let r = 0; r < MEMORY_RUNS; r++) {
    one.push(pruefen(files.slice(0, 1)).mb);
    hundred.push(pruefen(files).mb);
    all.push(pruefen(many).mb);
  }
  const [single, middle, batch] = [median(one), median(hundred), median(all)];
  const factor = batch / single;
  console.log(
    `Prüfen, Speicher: Spitze des Prozesses (max. RSS) der vorgebauten Kommandozeile für 1, ${files.length} und ${MEMORY_FILES} Arbeitsmappen, --json, ` +
      `Median aus ${MEMORY_RUNS} Läufen; Ziel ≤ ${formatNumber(MEMORY_TARGET)} × eine Datei`,
  );
  printTable(
    ["Lauf", "MB", "Faktor", "Ziel erreicht"],
    [
      ["1 Arbeitsmappe", formatNumber(single, "de", 0), "1", ""],
      [`${files.length} Arbeitsmappen`, formatNumber(middle, "de", 0), formatNumber(middle / single), ""],
      [`${MEMORY_FILES} Arbeitsmappen`, formatNumber(batch, "de", 0), formatNumber(factor), factor <= MEMORY_TARGET ? "ja" : "nein"],
    ],
    ["left", "right", "right", "left"],
  );
}

/** `npx tsx bench/pruefen.ts`: this section alone. */
if (require.main === module) void run();
