#!/usr/bin/env node
/* global require, module, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain Node script, run without a build step */
/**
 * `npm run build:cli` (also part of `npm run build` and of `prepare`, so `npm install` leaves a
 * working `qm-planer`): bundles the command line (src/cli/main.ts and what it imports, the
 * libraries included) with esbuild into one plain JavaScript file, dist-cli/qm-planer.js.
 *
 * Why pre-built: compiling TypeScript through tsx at every call costs ~0,5 s; the bundle starts
 * in a fraction of that (`npm run bench` prints both). Why one bundle: loading the libraries'
 * hundreds of files one by one costs more than parsing one file — except exceljs (see below).
 *
 * The file is written under a temporary name and renamed, so a `qm-planer` started meanwhile
 * (tests build it while others run) never loads a half-written bundle.
 */
const { randomBytes } = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const OUT_DIR = path.join(ROOT, "dist-cli");
const OUT_FILE = path.join(OUT_DIR, "qm-planer.js");

async function buildCli() {
  let esbuild;
  try {
    esbuild = require("esbuild");
  } catch {
    throw new Error("esbuild fehlt (devDependency): bitte `npm install` ausführen.");
  }
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile: OUT_FILE,
    // exceljs (with jszip) is four fifths of the code and only `vorlage` writes a workbook with it: left out
    // of the bundle, it is loaded from node_modules when a workbook is written, and every other
    // call (`--version`, `budget`, `pruefen`) does not pay for parsing it (~0,15 s).
    external: ["exceljs", "jszip"],
    write: false,
    sourcemap: "linked",
    logLevel: "warning",
    // The bundle's licence comments stay with the code they belong to.
    legalComments: "inline",
  });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${randomBytes(6).toString("hex")}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.renameSync(temporary, file.path);
  }
  return OUT_FILE;
}

module.exports = { buildCli, OUT_FILE };

if (require.main === module) {
  // `--prepare` (npm's prepare step): an install without devDependencies (`--omit=dev`) has no
  // esbuild; that install must not fail for it — the `qm-planer` launcher then says what to do.
  const prepare = process.argv.includes("--prepare");
  buildCli().then(
    (file) => process.stdout.write(`Kommandozeile gebaut: ${path.relative(ROOT, file)}\n`),
    (err) => {
      const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
      if (prepare && !hasEsbuild()) {
        process.stderr.write(`Hinweis: Die Kommandozeile wurde nicht gebaut (${reason})\n`);
        return;
      }
      process.stderr.write(`Fehler: Die Kommandozeile ließ sich nicht bauen: ${reason}\n`);
      process.exitCode = 1;
    },
  );
}

function hasEsbuild() {
  try {
    require.resolve("esbuild");
    return true;
  } catch {
    return false;
  }
}
