#!/usr/bin/env node
/* global require, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- this launcher is plain CommonJS */
"use strict";

// Runs the command line pre-built to plain JavaScript (dist-cli/, made by `npm run build:cli`,
// `npm run build` and `npm install`): compiling the TypeScript at every call would cost ~0,5 s.
// What happens when output cannot be written (a closed pipe, a full disk) is the built code's
// business (src/cli/main.ts).
const path = require("path");
const BUILT = path.join(__dirname, "..", "dist-cli", "qm-planer.js");

try {
  const { main } = loadBuilt();
  if (main) {
    main(process.argv).then(
      (code) => {
        process.exitCode = code;
      },
      (err) => fail(err),
    );
  }
} catch (err) {
  fail(err);
}

/** The built command line, or one German line (exit 2) when it has not been built. */
function loadBuilt() {
  try {
    return require(BUILT);
  } catch (err) {
    if (err && err.code === "MODULE_NOT_FOUND" && String(err.message).includes(BUILT)) {
      process.stderr.write("Fehler: Die Kommandozeile ist noch nicht gebaut – bitte `npm run build:cli` ausführen.\n");
      process.exitCode = 2;
      return {};
    }
    throw err;
  }
}

/** The last resort: one German line, exit 2, never a stack trace. */
function fail(err) {
  process.stderr.write(`Unerwarteter Fehler: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}\n`);
  process.exitCode = 2;
}
