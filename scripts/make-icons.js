#!/usr/bin/env node
/* global require, __dirname, console, process */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain Node script, run without a build step */
/**
 * Renders assets/icon.svg to the PNG icons the manifest names (assets/icon-<size>.png) with
 * headless Chromium, so every size comes from the one source drawing.
 *
 *   node scripts/make-icons.js
 */
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const SIZES = [16, 32, 64, 80, 128];
const ASSETS = path.resolve(__dirname, "..", "assets");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function main() {
  const svg = fs.readFileSync(path.join(ASSETS, "icon.svg"), "utf8");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      // The drawing scales to the viewport; transparent page so the rounded corners stay clear.
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">` +
          svg.replace("<svg ", `<svg style="display:block;width:${size}px;height:${size}px" `) +
          `</body></html>`,
      );
      const file = path.join(ASSETS, `icon-${size}.png`);
      await page.screenshot({ path: file, omitBackground: true });
      console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(`Icons konnten nicht erzeugt werden: ${e.message}`);
  process.exit(1);
});
