import { spawnSync } from "node:child_process";
import path from "node:path";
import { formatNumber } from "../src/core/format";
import { fixed, printTable } from "./report";

/**
 * CLI start-up: whole processes as a user's shell starts them — the pre-built bin
 * (bin/qm-planer.js → dist-cli/qm-planer.js) beside, in the same run, an empty Node process
 * (the floor no command can go below) and the old route that compiled the TypeScript through
 * tsx at every call. Runs alternate A B C A B C … so a machine that speeds up or slows down
 * meanwhile affects every route alike; the median is printed.
 */

const ROOT = path.resolve(__dirname, "..");
const RUNS = 7;
const TARGET_S = 0.3;

/** The command line through tsx, as bin/qm-planer.js started it before the pre-built bundle. */
const TSX_ROUTE = 'require("tsx/cjs"); require("./src/cli/main.ts").main(process.argv).then((c) => (process.exitCode = c));';

interface Route {
  label: string;
  argv: (args: readonly string[]) => string[];
}

const ROUTES: readonly Route[] = [
  { label: "node -e 0 (leerer Node-Prozess)", argv: () => ["-e", "0"] },
  { label: "qm-planer, vorgebaut (dist-cli)", argv: (args) => [path.join(ROOT, "bin", "qm-planer.js"), ...args] },
  { label: "qm-planer über tsx (bisher)", argv: (args) => ["-e", TSX_ROUTE, "qm-planer", ...args] },
];

/** Wall seconds of one whole process; throws when the command fails. */
function runOnce(argv: readonly string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${argv.join(" ")}: Exit-Code ${r.status} ${r.stderr.split("\n")[0]}`);
  return seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall seconds of each route for `args`, runs interleaved, after one warm-up each. */
function measure(args: readonly string[]): number[] {
  for (const route of ROUTES) runOnce(route.argv(args));
  const times = ROUTES.map((): number[] => []);
  for (let i = 0; i < RUNS; i++) ROUTES.forEach((route, r) => times[r].push(runOnce(route.argv(args))));
  return times.map(median);
}

export async function run(): Promise<void> {
  // The bench measures this source: build the bundle first (as `npm run build:cli` does).
  const build = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.js")], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(build.stderr.split("\n")[0] || "Die Kommandozeile ließ sich nicht bauen.");

  console.log(`CLI-Start: ganze Prozesse, Median aus ${RUNS} Läufen nach einem Aufwärmlauf, abwechselnd; Ziel ≤ ${formatNumber(TARGET_S, "de", 1)} s`);
  const rows: string[][] = [];
  for (const args of [["--version"], ["budget", "--einwohner", "8000"]]) {
    const [empty, built, tsx] = measure(args);
    const call = `qm-planer ${args.join(" ")}`;
    rows.push([call, ROUTES[0].label, fixed(empty, 3), "", ""]);
    rows.push(["", ROUTES[1].label, fixed(built, 3), fixed(built / tsx, 2), built <= TARGET_S ? "ja" : "nein"]);
    rows.push(["", ROUTES[2].label, fixed(tsx, 3), "1,00", ""]);
  }
  printTable(["Aufruf", "Weg", "s", "× tsx", "Ziel erreicht"], rows, ["left", "left", "right", "right", "left"]);
}
