/**
 * Benchmark section "Aufgabenbereich": the production task pane bundle (raw and gzip), and the
 * browser preview's time to an interactive pane in headless Chromium. Printed, never asserted.
 *
 * Comparison figure: OfficeDev's React task pane template, built with `npm run build`, emits
 * taskpane.js 1.13 MiB plus vendor.js 291 KiB (production, as reported in
 * OfficeDev/Office-Addin-TaskPane-React issue #92, 2022); a later report (issue #169, 2024)
 * shows 13.6 MiB for the template's taskpane.js from the generator. Neither gives gzip sizes.
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync, statSync } from "fs";
import { join, resolve } from "path";
import { gzipSync } from "zlib";
import { PANE_INTERACTIVE_MARK } from "../src/taskpane/marks";
import { buildPreview, launchChromium, serveStatic } from "../test/e2e/preview";
import { printTable } from "./report";

const ROOT = resolve(__dirname, "..");
/** The template's production output per issue #92: taskpane.js 1.13 MiB + vendor.js 291 KiB. */
const TEMPLATE_RAW_BYTES = Math.round(1.13 * 1024 * 1024 + 291 * 1024);
const TTI_TARGET_MS = 1500;
const RUNS = 5;

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** dist/ from `npm run build`; built here when absent. */
function productionDist(): string {
  const dist = join(ROOT, "dist");
  if (!existsSync(join(dist, "taskpane.js"))) {
    execFileSync(process.execPath, [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  return dist;
}

function bundleSizes(): void {
  const dist = productionDist();
  // What taskpane.html loads: the shared webpack runtime and the three entries.
  const files = ["runtime.js", "functions.js", "commands.js", "taskpane.js"].filter((f) => existsSync(join(dist, f)));
  const rows = files.map((f) => {
    const content = readFileSync(join(dist, f));
    return { f, raw: statSync(join(dist, f)).size, gz: gzipSync(content).length };
  });
  const total = { f: "taskpane.html gesamt", raw: rows.reduce((a, r) => a + r.raw, 0), gz: rows.reduce((a, r) => a + r.gz, 0) };
  printTable(
    ["Datei (dist/, production)", "roh", "gzip"],
    [...rows, total].map((r) => [r.f, kib(r.raw), kib(r.gz)]),
    ["left", "right", "right"],
  );
  console.log(
    `Vergleich: OfficeDev Office-Addin-TaskPane-React (Issue #92) taskpane.js + vendor.js ≈ ${kib(TEMPLATE_RAW_BYTES)} roh; ` +
      `QM-Planer gesamt ${kib(total.raw)} roh (${((total.raw / TEMPLATE_RAW_BYTES) * 100).toFixed(0)} %).\n`,
  );
}

async function timeToInteractive(): Promise<void> {
  const server = await serveStatic(buildPreview());
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/preview.html`);
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, PANE_INTERACTIVE_MARK);
      times.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, PANE_INTERACTIVE_MARK));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  printTable(
    ["Vorschau (headless Chromium)", "Wert"],
    [
      ["erster Aufruf", `${times[0].toFixed(0)} ms`],
      [`Median aus ${RUNS}`, `${median.toFixed(0)} ms`],
      ["Ziel", `≤ ${TTI_TARGET_MS} ms`],
    ],
    ["left", "right"],
  );
}

export async function run(): Promise<void> {
  console.log("== Aufgabenbereich: Bundle und Zeit bis zur Bedienbarkeit ==");
  bundleSizes();
  await timeToInteractive();
}
