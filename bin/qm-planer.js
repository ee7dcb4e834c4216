#!/usr/bin/env node
/* global require, process */
/* eslint-disable @typescript-eslint/no-require-imports -- this launcher is plain CommonJS */
"use strict";

// Runs the TypeScript command line directly through tsx, so `npx qm-planer …` works right
// after `npm install`, without a build step.
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");

main(process.argv).then((code) => {
  process.exitCode = code;
});
