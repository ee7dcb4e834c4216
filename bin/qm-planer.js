#!/usr/bin/env node
/* global require, process */
/* eslint-disable @typescript-eslint/no-require-imports -- this launcher is plain CommonJS */
"use strict";

// Runs the TypeScript command line directly through tsx, so `npx qm-planer …` works right
// after `npm install`, without a build step.
// A reader that stops early (`qm-planer pruefen … | head`) closes the pipe: that is no failure
// of ours, so end quietly with the exit code reached so far instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

try {
  require("tsx/cjs");
  const { main } = require("../src/cli/main.ts");
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => fail(err),
  );
} catch (err) {
  fail(err);
}

/** The last resort: one German line, exit 2, never a stack trace. */
function fail(err) {
  process.stderr.write(`Unerwarteter Fehler: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}\n`);
  process.exitCode = 2;
}
