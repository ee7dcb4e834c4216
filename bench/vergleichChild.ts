/**
 * Child process of the vergleich bench: `vergleich` (the CLI, in-process, writing the
 * comparison workbook and the JSON to a discarded stdout) or exceljs merely reading the same
 * files, one after the other. Reports its wall time and peak resident memory on stderr.
 */
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";

async function child(): Promise<void> {
  const [mode, output, ...files] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  if (mode === "exceljs") {
    for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
  } else {
    process.stdout.write = () => true;
    const code = await main(["node", "qm-planer", "vergleich", ...files, "-o", output, "--json", "--force"]);
    if (code !== 0) throw new Error(`vergleich endete mit ${code}`);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stderr.write(`ms ${ms.toFixed(1)} maxRSS ${process.resourceUsage().maxRSS}\n`);
}

void child();
