/**
 * Benchmark section "Aufgabenbereich": time to an interactive pane in headless Chromium, for
 * the browser preview (`npm start`: development build, beside the simulated workbook) and for
 * the production pane (dist's taskpane.html, minified, with the simulated host standing in
 * for the CDN's office.js). Printed, never asserted. (Bundle sizes: bench/bundle.ts.)
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import type { BrowserContext } from "playwright-core";
import { PANE_INTERACTIVE_MARK } from "../src/taskpane/marks";
import { buildPreview, launchChromium, serveStatic } from "../test/e2e/preview";
import { printTable } from "./report";

const TTI_TARGET_MS = 1000;
const RUNS = 5;
const ROOT = resolve(__dirname, "..");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Opens `url` RUNS times; the time from navigation to the pane's interactive mark, each run. */
async function timesToInteractive(context: BrowserContext, url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, PANE_INTERACTIVE_MARK, { timeout: 60_000 });
    times.push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, PANE_INTERACTIVE_MARK));
    await page.close();
  }
  return times;
}

const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

/** dist's pages built into a temporary folder (so a running `npm start` or dist/ is not touched). */
function buildProduction(out: string): void {
  execFileSync(process.execPath, [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** The simulated host as one script for the production page (esbuild, as the CLI's build uses). */
async function productionHostScript(): Promise<string> {
  const { build } = await import("esbuild");
  const result = await build({ entryPoints: [join(__dirname, "productionHost.ts")], bundle: true, format: "iife", minify: true, write: false, platform: "browser" });
  return result.outputFiles[0].text;
}

async function timeToInteractive(): Promise<void> {
  const preview = await serveStatic(buildPreview());
  const out = mkdtempSync(join(tmpdir(), "qm-planer-dist-"));
  const browser = await launchChromium();
  try {
    const previewTimes = await timesToInteractive(browser.context, `${preview.url}/preview.html`);
    buildProduction(out);
    const hostScript = await productionHostScript();
    const production = await serveStatic(out);
    await browser.context.route(OFFICE_JS, (route) => route.fulfill({ body: hostScript, contentType: "text/javascript" }));
    let productionTimes: number[];
    try {
      productionTimes = await timesToInteractive(browser.context, `${production.url}/taskpane.html`);
    } finally {
      await production.close();
    }
    const hostKb = Math.round(Buffer.byteLength(hostScript) / 1024);
    printTable(
      ["Aufgabenbereich bis bedienbar (headless Chromium)", "erster Aufruf", `Median aus ${RUNS}`],
      [
        ["Vorschau (npm start, Entwicklungs-Build, mit Beispielmappe)", `${previewTimes[0].toFixed(0)} ms`, `${median(previewTimes).toFixed(0)} ms`],
        [`Produktions-Build (dist/taskpane.html; statt office.js der simulierte Host, ${hostKb} KB)`, `${productionTimes[0].toFixed(0)} ms`, `${median(productionTimes).toFixed(0)} ms`],
        ["Ziel", "", `≤ ${TTI_TARGET_MS} ms`],
      ],
      ["left", "right", "right"],
    );
    console.log(`(${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")} Last der letzten 1/5/15 min)`);
  } finally {
    await browser.close();
    await preview.close();
    rmSync(out, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log("Aufgabenbereich: Zeit bis zur Bedienbarkeit (Vorschau und Produktions-Build)");
  await timeToInteractive();
}
