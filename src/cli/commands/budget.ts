import { Command } from "commander";
import { BUDGET_LINES, BudgetLines, computeBudget } from "../../core/budget";
import { centsString } from "../../core/decimal";
import { formatEuro, formatNumber } from "../../core/format";
import { FIELDS } from "../../core/inputs";
import { RAHMENSTANDARD } from "../../core/standard";
import { numberOption } from "../numbers";
import { formatTable, RULE, TableRow } from "../table";

/** `qm-planer budget`: the budget of one Quartier for one year, as a table or as JSON. */

interface BudgetOptions {
  einwohner: number;
  vbe?: number;
  raumkosten?: number;
  gehalt?: number;
  json?: boolean;
}

/**
 * The JSON output: `einwohner` and `vbe` as numbers, then every budget line under its JSON key
 * (BUDGET_LINES, in that order) as an exact two-decimal string ("37862.50").
 */
export type BudgetJson = { einwohner: number; vbe: number } & Record<(typeof BUDGET_LINES)[number]["json"], string>;

export function budgetJson(lines: BudgetLines): BudgetJson {
  const amounts = Object.fromEntries(BUDGET_LINES.map((l) => [l.json, centsString(lines[l.key])]));
  return { einwohner: lines.residents, vbe: lines.fte.toNumber(), ...amounts } as BudgetJson;
}

const DEFAULT_NOTE = "(Vorgabe des Standards)";

/** The German table: the inputs on top, then every budget line, the total below a rule. */
export function budgetTable(lines: BudgetLines, defaults: { fte: boolean; salaryPerFte: boolean }): string {
  const inputs: TableRow[] = [
    [FIELDS.residents.de, formatNumber(lines.residents, "de", 0)],
    // VbE as given, with all its decimals: it is a factor, not an amount.
    [FIELDS.fte.de, formatNumber(lines.fte, "de", lines.fte.decimalPlaces()), defaults.fte ? DEFAULT_NOTE : ""],
    [FIELDS.salaryPerFte.de, formatEuro(lines.salaryPerFte), defaults.salaryPerFte ? DEFAULT_NOTE : ""],
  ];
  const amounts: TableRow[] = BUDGET_LINES.map((l) => [l.de, formatEuro(lines[l.key])]);
  const rows: TableRow[] = [...inputs, [], ...amounts.slice(0, -1), RULE, amounts[amounts.length - 1]];
  const title = `Budget je Jahr nach dem ${RAHMENSTANDARD.name} (${RAHMENSTANDARD.version})`;
  return `${title}\n\n${formatTable(rows, ["left", "right", "left"])}\n`;
}

const figures = RAHMENSTANDARD.figures;

const EXAMPLES = `
Beispiele:
  qm-planer budget --einwohner 12345
  qm-planer budget --einwohner 12.345 --vbe 2,5 --raumkosten 18.000 --json

Zahlen dürfen deutsch geschrieben werden (12.345 oder 2,5).`;

export function registerBudgetCommand(program: Command): void {
  program
    .command("budget")
    .description("Jahresbudget eines Quartiers nach dem Rahmenstandard berechnen")
    .requiredOption("--einwohner <zahl>", "Einwohner des Quartiers (ganze Zahl)", numberOption("--einwohner"))
    .option("--vbe <zahl>", `Vollzeitäquivalente (Vorgabe: ${formatNumber(figures.minFte.value)})`, numberOption("--vbe"))
    .option("--raumkosten <betrag>", "Miet- und Betriebskosten je Jahr in € (Vorgabe: 0)", numberOption("--raumkosten"))
    .option(
      "--gehalt <betrag>",
      `Jahresgehalt je VbE in € (Vorgabe: ${formatNumber(figures.salaryPerFte.value)}, ${RAHMENSTANDARD.tariff})`,
      numberOption("--gehalt"),
    )
    .option("--json", "Ergebnis als ein JSON-Objekt ausgeben")
    .addHelpText("after", EXAMPLES)
    .action((options: BudgetOptions) => {
      // Validation (whole residents, limits, not negative) is the core's, with its German messages.
      const lines = computeBudget({
        residents: options.einwohner,
        fte: options.vbe,
        salaryPerFte: options.gehalt,
        roomCosts: options.raumkosten,
      });
      const output = options.json
        ? JSON.stringify(budgetJson(lines), null, 2) + "\n"
        : budgetTable(lines, { fte: options.vbe === undefined, salaryPerFte: options.gehalt === undefined });
      process.stdout.write(output);
    });
}
