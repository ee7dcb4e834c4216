/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- jest loads this plain script before any test */
/**
 * Builds the command line (dist-cli/) from the current source before the tests run: the tests
 * that start the real `qm-planer` bin must test this source, not an older build.
 */
const { buildCli } = require("../scripts/build-cli.js");

module.exports = async function buildCliForTests() {
  await buildCli();
};
