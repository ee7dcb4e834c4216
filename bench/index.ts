import * as budget from "./budget";
import * as bundle from "./bundle";
import * as cli from "./cli";
import * as pruefen from "./pruefen";
import * as recalculation from "./recalculation";
import * as taskpane from "./taskpane";
import * as template from "./template";
import * as vergleich from "./vergleich";

/**
 * `npm run bench`: runs every section in turn; each prints its own figures. Add a section by
 * adding its module (exporting `run(): Promise<void>`) to this list.
 */
const SECTIONS: readonly { run(): Promise<void> }[] = [
  budget,
  cli,
  template,
  bundle,
  pruefen,
  recalculation,
  taskpane,
  vergleich,
];

async function main(): Promise<void> {
  console.log(`QM-Planer Benchmark – Node ${process.version}, ${process.platform}/${process.arch}\n`);
  for (const section of SECTIONS) await section.run();
}

main().catch((err: unknown) => {
  console.error(`Benchmark abgebrochen: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
