import { Command } from "commander";
import { BUDGET_LINES, BudgetLines, compileParameters, computeBudget } from "../../core/budget";
import { centsString } from "../../core/decimal";
import { formatEuro, formatNumber } from "../../core/format";
import { FIELDS } from "../../core/inputs";
import { BUILT_IN_PROFILE, StandardProfile } from "../../core/profile";
import { checkBudget } from "../../core/rules";
import { RAHMENSTANDARD } from "../../core/standard";
import { checkFte, checkResidents, checkRoomCosts, checkSalary } from "../../core/inputChecks";
import { checkedNumberOption, NUMBER_SPELLING_HELP } from "../numbers";
import { addStandardOption, loadStandard } from "../standardOption";
import { formatTable, RULE, TableRow } from "../table";

/** `qm-planer budget`: the budget of one Quartier for one year, as a table or as JSON. */

interface BudgetOptions {
  einwohner: number;
  vbe?: number;
  raumkosten?: number;
  gehalt?: number;
  json?: boolean;
  standard?: string;
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

/** VbE as given, with all its decimals: it is a factor, not an amount. */
const fteText = (fte: BudgetLines["fte"]): string => formatNumber(fte, "de", fte.decimalPlaces());

/**
 * Notes for inputs below the standard. The budget is still computed from them (flagging is
 * the compliance check's job), but whoever reads the table should not take it as compliant:
 * the check's own rules judge the budget (`checkBudget`), so a note says what `pruefen` says.
 */
export function belowStandardNotes(lines: BudgetLines, profile: StandardProfile = BUILT_IN_PROFILE): string[] {
  return checkBudget(lines, compileParameters(profile.parameters), profile).map((f) => `Hinweis: ${f.meldung}`);
}

/**
 * The German table: the inputs on top, then every budget line, the total below a rule; under
 * it, a note for each input below the standard.
 */
export function budgetTable(
  lines: BudgetLines,
  defaults: { fte: boolean; salaryPerFte: boolean },
  profile: StandardProfile = BUILT_IN_PROFILE,
): string {
  const inputs: TableRow[] = [
    [FIELDS.residents.de, formatNumber(lines.residents, "de", 0)],
    [FIELDS.fte.de, fteText(lines.fte), defaults.fte ? DEFAULT_NOTE : ""],
    [FIELDS.salaryPerFte.de, formatEuro(lines.salaryPerFte), defaults.salaryPerFte ? DEFAULT_NOTE : ""],
  ];
  const amounts: TableRow[] = BUDGET_LINES.map((l) => [l.de, formatEuro(lines[l.key])]);
  const rows: TableRow[] = [...inputs, [], ...amounts.slice(0, -1), RULE, amounts[amounts.length - 1]];
  const title =
    profile === BUILT_IN_PROFILE
      ? `Budget je Jahr nach dem ${profile.name} (${profile.version})`
      : `Budget je Jahr nach dem Profil „${profile.name}“ (${profile.version})`;
  const notes = belowStandardNotes(lines, profile);
  const noteText = notes.length > 0 ? `\n${notes.join("\n")}\n` : "";
  return `${title}\n\n${formatTable(rows, ["left", "right", "left"])}\n${noteText}`;
}

const figures = RAHMENSTANDARD.figures;

const EXAMPLES = `
Beispiele:
  qm-planer budget --einwohner 12345
  qm-planer budget --einwohner 12.345 --vbe 2,5 --raumkosten 18.000 --json
  qm-planer budget --einwohner 12345 --standard stadt.json

${NUMBER_SPELLING_HELP}`;

export function registerBudgetCommand(program: Command): void {
  const command = program
    .command("budget")
    .description("Jahresbudget eines Quartiers nach dem Rahmenstandard berechnen")
    // Each value is checked as it is read (the core's own checks): a value too large for its
    // field, typed with a thousands dot, then says how it was read.
    .requiredOption("--einwohner <zahl>", "Einwohner des Quartiers (ganze Zahl)", checkedNumberOption("--einwohner", checkResidents))
    .option("--vbe <zahl>", `Vollzeitäquivalente (Vorgabe: ${formatNumber(figures.minFte.value)})`, checkedNumberOption("--vbe", checkFte))
    .option("--raumkosten <betrag>", "Miet- und Betriebskosten je Jahr in € (Vorgabe: 0)", checkedNumberOption("--raumkosten", checkRoomCosts))
    .option(
      "--gehalt <betrag>",
      `Jahresgehalt je VbE in € (Vorgabe: ${formatNumber(figures.salaryPerFte.value)}, ${RAHMENSTANDARD.tariff})`,
      checkedNumberOption("--gehalt", checkSalary),
    )
    .option("--json", "Ergebnis als ein JSON-Objekt ausgeben");
  addStandardOption(command)
    .addHelpText("after", EXAMPLES)
    .action(async (options: BudgetOptions) => {
      const profile = await loadStandard(options.standard);
      // Validation (whole residents, limits, not negative) is the core's, with its German messages.
      const lines = computeBudget(
        {
          residents: options.einwohner,
          fte: options.vbe,
          salaryPerFte: options.gehalt,
          roomCosts: options.raumkosten,
        },
        compileParameters(profile.parameters),
      );
      const output = options.json
        ? JSON.stringify(budgetJson(lines), null, 2) + "\n"
        : budgetTable(lines, { fte: options.vbe === undefined, salaryPerFte: options.gehalt === undefined }, profile);
      process.stdout.write(output);
    });
}
