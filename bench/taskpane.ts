/**
 * Benchmark section "Aufgabenbereich": the browser preview's time to an interactive pane in
 * headless Chromium. Printed, never asserted. (Bundle sizes: bench/bundle.ts.)
 */
import { PANE_INTERACTIVE_MARK } from "../src/taskpane/marks";
import { buildPreview, launchChromium, serveStatic } from "../test/e2e/preview";
import { printTable } from "./report";

const TTI_TARGET_MS = 1500;
const RUNS = 5;

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
  console.log("Aufgabenbereich: Zeit bis zur Bedienbarkeit der Vorschau");
  await timeToInteractive();
}
