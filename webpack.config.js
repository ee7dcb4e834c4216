/* global require, module, __dirname, console, process */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file that webpack-cli loads with require() */
/**
 * The add-in build, in the layout of OfficeDev's Excel-Custom-Functions-Shared template: ONE
 * shared runtime. Functions and task pane are two entries loaded by the one
 * page taskpane.html, which the manifest names as Runtime, CustomFunctions Page and FunctionFile.
 *
 *   npx webpack --mode production     → dist/ (minimised; what Excel loads), for https://localhost:3000
 *   ADDIN_URL=https://host/pfad npx webpack --mode production → dist/ for that server (README „Bereitstellen“)
 *   npx webpack serve --mode development → https://localhost:3000 (sideloading, preview)
 *
 * dist/manifest.xml and dist/functions.en.json (English names, from functions.json and
 * src/functions/translations.ts) are written by scripts/addin/plugin.ts, a TypeScript module
 * loaded through tsx so that the build and the tests share one implementation.
 */
const path = require("path");
const webpack = require("webpack");
const { WebpackError } = webpack;
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
/**
 * The add-in's own build steps are TypeScript (tested like the rest): tsx compiles them when
 * webpack-cli loads this file on plain Node; under jest, whose tests load it too, ts-jest does.
 */
function requireTs(file) {
  if (process.env.JEST_WORKER_ID !== undefined) return require(file);
  return require("tsx/cjs/api").require(file, __filename);
}
const { addinBaseUrl, AddinUrlError } = requireTs("./scripts/addin/addinUrl.ts");
const { AddinFilesPlugin } = requireTs("./scripts/addin/plugin.ts");

const DEV_SERVER_PORT = 3000;

/**
 * The add-in's entries, all loaded by taskpane.html in this order. No ribbon-command entry: the
 * ribbon button is a ShowTaskpane action (manifest.xml), which needs no code.
 */
const ADDIN_ENTRIES = {
  functions: "./src/functions/functions.ts",
  taskpane: "./src/taskpane/index.tsx",
};

/**
 * Extra pages built beside the add-in, which the manifest never loads — the browser preview goes
 * here, e.g.
 *   { name: "preview", import: "./src/preview/index.tsx", template: "./src/preview/preview.html",
 *     chunks: ["preview", "functions", "taskpane"] }
 * Each becomes the entry `name` and the page `<name>.html`, which loads `chunks` (default: just
 * its own entry; list add-in entries after it to run the real pane on top of it). They are built
 * in development mode only (`webpack serve`, `npm run build:dev`): the GPL-licensed hyperformula
 * a preview may use must never reach the production add-in in dist/.
 */
const EXTRA_PAGES = [
  // The browser preview (`npm start` → /preview.html): the simulated workbook first, then the real pane.
  { name: "preview", import: "./src/preview/index.tsx", template: "./src/preview/preview.html", chunks: ["preview", "taskpane"] },
];

/** Modules that must not be part of the add-in's code (GPL-3; tests and preview only). */
const FORBIDDEN_IN_ADDIN = /[\\/]node_modules[\\/]hyperformula[\\/]/;

/**
 * Fails the build when a forbidden module ends up in a chunk the add-in pages load (an entry's
 * own chunks or the chunks it may import later), so a stray import is caught here and not by a
 * licence review.
 */
class ForbiddenModulesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ForbiddenModulesPlugin", (compilation) => {
      compilation.hooks.afterChunks.tap("ForbiddenModulesPlugin", () => {
        for (const name of Object.keys(ADDIN_ENTRIES)) {
          const chunks = new Set();
          for (const chunk of compilation.entrypoints.get(name).chunks) {
            chunks.add(chunk);
            for (const asyncChunk of chunk.getAllAsyncChunks()) chunks.add(asyncChunk);
          }
          const found = [];
          for (const chunk of chunks) {
            for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
              if (FORBIDDEN_IN_ADDIN.test(module.resource || "")) found.push(path.relative(__dirname, module.resource));
            }
          }
          if (found.length > 0) {
            compilation.errors.push(
              new WebpackError(
                `The add-in entry "${name}" must not bundle ${found.length} module(s) of hyperformula ` +
                  `(GPL-3; tests and preview only), e.g. ${found[0]}`,
              ),
            );
          }
        }
      });
    });
  }
}

/** HTTPS options for the dev server: Office's trusted dev certificates, or a self-signed one. */
async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca, key, cert } };
  } catch (e) {
    // No trusted certificate (e.g. no sudo on a CI machine): the browser preview still works,
    // Office will not load the add-in until `npx office-addin-dev-certs install` succeeds.
    const reason = String(e.message).split("\n")[0].trim();
    console.warn(`Entwicklungszertifikat nicht verfügbar (${reason}); selbst signiertes Zertifikat wird verwendet.`);
    return "https";
  }
}

/** The build's base URL; a bad ADDIN_URL ends the build with its one German line (no stack). */
function baseUrlOrExit() {
  try {
    return addinBaseUrl(process.env.ADDIN_URL);
  } catch (e) {
    if (!(e instanceof AddinUrlError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const baseUrl = baseUrlOrExit();
  const extraPages = dev ? EXTRA_PAGES : [];

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry: {
      ...ADDIN_ENTRIES,
      ...Object.fromEntries(extraPages.map((page) => [page.name, page.import])),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The untrusted-workbook reader works on Buffers; in the pane they come from the `buffer`
      // package, which lands only in the lazily loaded chunk of "Einreichungen vergleichen".
      fallback: { buffer: require.resolve("buffer/") },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // `tsc -p .` type-checks everything once in `npm test`; here TypeScript only
              // transpiles, to ES modules so that webpack can drop unused code.
              transpileOnly: true,
              compilerOptions: { noEmit: false, module: "es2020" },
            },
          },
        },
      ],
    },
    optimization: {
      minimize: !dev,
      // One webpack runtime for the whole page: a module that several entries import (the
      // functions' active parameters, set by the task pane) then exists once, not per entry.
      runtimeChunk: "single",
      // …and its code is shipped once: what the functions and the task pane both import
      // (decimal.js and the core) goes into shared.js, which taskpane.html loads first.
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          shared: { name: "shared", chunks: "initial", minChunks: 2, enforce: true },
        },
      },
    },
    // Bundle sizes are measured and printed by `npm run bench`, against the targets.
    performance: { hints: false },
    plugins: [
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: Object.keys(ADDIN_ENTRIES),
        chunksSortMode: "manual",
      }),
      ...extraPages.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page.name}.html`,
            template: page.template,
            chunks: page.chunks || [page.name],
            chunksSortMode: "manual",
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
        ],
      }),
      new AddinFilesPlugin({ manifest: path.resolve(__dirname, "manifest.xml"), baseUrl }),
      new ForbiddenModulesPlugin(),
    ],
    devServer: {
      port: DEV_SERVER_PORT,
      // Development only: reachable from this machine (Excel, the browser), not from the network.
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      // Office loads add-ins over HTTPS only; the certificate is needed for `webpack serve` only.
      server: env.WEBPACK_SERVE ? await devServerHttps() : "https",
    },
  };
};
