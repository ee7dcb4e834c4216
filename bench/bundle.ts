import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, resolve } from "path";
import { gzipSync } from "zlib";
import { fixed, printTable } from "./report";

/**
 * Bundle section: the production sizes (raw and gzip) of what Excel loads for the custom
 * functions and for the task pane. Builds dist/ first when it is missing or older than the
 * sources, so the figures always describe the current code.
 */

const ROOT = resolve(__dirname, "..");
const DIST = join(ROOT, "dist");
const CONFIG = join(ROOT, "webpack.config.js");
/**
 * What taskpane.html loads (one shared runtime): the code functions and pane share, the
 * functions, the pane, the webpack runtime.
 */
const FILES = ["shared.js", "functions.js", "taskpane.js", "runtime.js"];
/** What the custom functions need to run: their own entry and the shared code. */
const FUNCTIONS_CODE = ["shared.js", "functions.js"];
const FUNCTIONS_TARGET_GZIP_KB = 10;
/**
 * Comparison figure: OfficeDev's React task pane template, production build, emits taskpane.js
 * 1.13 MiB plus vendor.js 291 KiB (OfficeDev/Office-Addin-TaskPane-React issue #92, 2022); no
 * gzip size is published, so the comparison is raw.
 */
const TEMPLATE_RAW_BYTES = Math.round(1.13 * 1024 * 1024 + 291 * 1024);

/** The newest modification time of a file or of any file below a folder. */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  const files = readdirSync(path, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Math.max(0, ...files.map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
}

function buildIsCurrent(): boolean {
  const outputs = FILES.map((f) => join(DIST, f));
  if (!outputs.every(existsSync)) return false;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return built >= Math.max(newestChange(join(ROOT, "src")), newestChange(CONFIG), newestChange(join(ROOT, "package.json")));
}

/** Runs the production build; returns an error line, or undefined when it succeeded. */
function build(): string | undefined {
  console.log("dist/ fehlt oder ist älter als src/: baue mit „webpack --mode production“ …");
  try {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    return undefined;
  } catch (err) {
    const output = String((err as { stdout?: Buffer }).stdout ?? "") + String((err as { stderr?: Buffer }).stderr ?? "");
    const firstError = output.split("\n").find((l) => /error/i.test(l)) ?? "ohne Meldung";
    return `Build fehlgeschlagen: ${firstError.trim()}`;
  }
}

const kb = (bytes: number): string => fixed(bytes / 1024, 1) + " KB";

export async function run(): Promise<void> {
  console.log("Bundle-Größen (Produktions-Build, 1 KB = 1 024 Byte, gzip mit zlib Stufe 9)");
  if (!existsSync(CONFIG)) {
    console.log("webpack.config.js fehlt noch: keine Bundle-Größen.\n");
    return;
  }
  if (!buildIsCurrent()) {
    const failure = build();
    if (failure) {
      console.log(`${failure}\n`);
      return;
    }
  }
  const sizes = FILES.filter((f) => existsSync(join(DIST, f))).map((f) => {
    const content = readFileSync(join(DIST, f));
    return { file: f, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
  const total = { file: "taskpane.html gesamt", raw: 0, gzip: 0 };
  for (const s of sizes) {
    total.raw += s.raw;
    total.gzip += s.gzip;
  }
  printTable(
    ["Datei", "roh", "gzip"],
    [...sizes.map((s) => [`dist/${s.file}`, kb(s.raw), kb(s.gzip)]), [total.file, kb(total.raw), kb(total.gzip)]],
    ["left", "right", "right"],
  );
  console.log(
    `Vergleich: OfficeDev Office-Addin-TaskPane-React (Issue #92) taskpane.js + vendor.js ≈ ${kb(TEMPLATE_RAW_BYTES)} roh; ` +
      `QM-Planer gesamt ${kb(total.raw)} roh (${((total.raw / TEMPLATE_RAW_BYTES) * 100).toFixed(0)} %).`,
  );
  // Chunks loaded only on demand (the reader of "Einreichungen vergleichen"): not part of the first load, listed apart.
  const lazy = readdirSync(DIST).filter((f) => f.endsWith(".js") && !FILES.includes(f) && !f.endsWith(".map") && !/^(preview|commands)/.test(f));
  for (const f of lazy) {
    const content = readFileSync(join(DIST, f));
    console.log(`Nachgeladen bei Bedarf: dist/${f} ${kb(content.length)} roh, ${kb(gzipSync(content, { level: 9 }).length)} gzip (nicht in taskpane.html gesamt).`);
  }
  const functions = sizes.filter((s) => FUNCTIONS_CODE.includes(s.file)).reduce((sum, s) => sum + s.gzip, 0);
  const met = functions / 1024 <= FUNCTIONS_TARGET_GZIP_KB;
  console.log(
    `Code der Funktionen (${FUNCTIONS_CODE.join(" + ")}), Ziel ≤ ${FUNCTIONS_TARGET_GZIP_KB} KB gzip: ` +
      `${met ? "erreicht" : "nicht erreicht"} (${kb(functions)}; ohne decimal.js, das allein ≈ 12,6 KB hätte).\n`,
  );
}
