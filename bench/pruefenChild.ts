/**
 * Child process of the pruefen bench's memory figure: runs `qm-planer pruefen --json` on the
 * files given (output discarded by the parent) and reports its peak resident memory on stderr.
 */
import { main } from "../src/cli/main";

void main(["node", "qm-planer", "pruefen", "--json", ...process.argv.slice(2)]).then(() => {
  process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\n`);
});
