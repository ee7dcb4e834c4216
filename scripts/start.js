#!/usr/bin/env node
/* global require, process, console, setTimeout, clearTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain Node script, run without a build step */
/**
 * `npm start`: builds the add-in (development) and serves it on port 3000 together with the
 * browser preview (/preview.html), where the real task pane runs on a simulated workbook.
 *
 * HTTPS with Office's development certificates where they are installed or can be installed
 * without asking for a password; otherwise plain HTTP on localhost, which is enough for the
 * preview (Excel itself loads add-ins over HTTPS only). One line says which.
 */
const { execFileSync } = require("child_process");
const net = require("net");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const createConfig = require("../webpack.config.js");

const PORT = 3000;
/** Installing the certificate authority may hang on a prompt; give up after this long. */
const CERTIFICATE_TIMEOUT_MS = 30000;

/** True when `sudo` works without a password (or we are root), so installing cannot prompt. */
function canInstallSilently() {
  if (process.platform === "win32" || process.platform === "darwin") return process.stdin.isTTY === true;
  // office-addin-dev-certs installs through `sudo` on Linux, even for root.
  try {
    execFileSync("sudo", ["-n", "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`keine Antwort nach ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `{ server, why }`: the dev server's `server` option and a short reason for the choice. */
async function chooseServer() {
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch {
    return { server: "http", why: "office-addin-dev-certs ist nicht installiert" };
  }
  const installed = (() => {
    try {
      return devCerts.verifyCertificates();
    } catch {
      return false;
    }
  })();
  if (!installed && !canInstallSilently()) {
    return { server: "http", why: "kein Entwicklungszertifikat; einrichten mit `npx office-addin-dev-certs install`" };
  }
  try {
    const { ca, key, cert } = await withTimeout(devCerts.getHttpsServerOptions(), CERTIFICATE_TIMEOUT_MS);
    return { server: { type: "https", options: { ca, key, cert } }, why: "Office-Entwicklungszertifikat" };
  } catch (e) {
    return { server: "http", why: `Entwicklungszertifikat nicht verfügbar: ${String(e.message).split("\n")[0]}` };
  }
}

/** Resolves when nothing listens on the port; otherwise rejects with a clear message. */
function ensurePortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`Port ${port} ist belegt – läuft \`npm start\` schon?`)));
    probe.listen(port, () => probe.close(resolve));
  });
}

async function main() {
  await ensurePortFree(PORT);
  const config = await createConfig({}, { mode: "development" });
  const { server, why } = await chooseServer();
  const scheme = server === "http" ? "http" : "https";
  const devServer = new WebpackDevServer({ ...config.devServer, port: PORT, server, open: false }, webpack(config));
  await devServer.start();
  console.log(
    `QM-Planer läuft auf ${scheme}://localhost:${PORT} (${scheme.toUpperCase()}: ${why}) – Vorschau ohne Excel: ${scheme}://localhost:${PORT}/preview.html`,
  );
}

main().catch((e) => {
  console.error(`QM-Planer konnte nicht starten: ${e.message}`);
  process.exit(1);
});
