/**
 * "In Zellen einfügen" of the Budget tab: writes the calculator's inputs and every budget line
 * as live `=QM.*` formulas at the selected cell, two columns wide:
 *
 *   Einwohner        12000
 *   VbE              2
 *   Gehalt je VbE    …
 *   Raumkosten       …
 *   Personalkosten   =QM.PERSONALKOSTEN(B2,B3)
 *   …
 *   Gesamtbudget     =QM.GESAMTBUDGET(B1,B2,B4,B3)
 *
 * The function names are those of Excel's UI language (`Office.context.displayLanguage`): a
 * formula written through the API must use them, and English Excel knows QM.PROJECTFUNDS, not
 * QM.PROJEKTMITTEL (`src/functions/translations.ts`).
 *
 * Two `context.sync()` calls: one to see whether the target is empty (nothing of the user's is
 * ever overwritten) and which names the sheet has, one to write.
 *
 * The block is marked as the add-in's own with a sheet-scoped name (`OWN_BLOCK_NAME_PREFIX`):
 * its labels read like a plan, and without the mark "Prüfen", "Vergleich" and the Prüfbericht
 * would list the sheet as a Quartier.
 */
import { BUDGET_LINES, BudgetLineKey } from "../core/budget";
import { FIELDS } from "../core/inputs";
import { isOwnBlockName, OWN_BLOCK_NAME_PREFIX } from "../core/names";
import type { Language } from "../core/format";
import { columnLetter } from "../core/template/addresses";
import { NUMBER_FORMATS } from "../core/template/styles";
import { functionNameFor, type FunctionId } from "../functions/translations";

export interface BudgetCellsInput {
  residents: number;
  fte: number;
  salaryPerFte: number;
  roomCosts: number;
  lang: Language;
}

export type InsertBudgetResult = { kind: "inserted"; address: string } | { kind: "notEmpty"; address: string };

type InputKey = "residents" | "fte" | "salaryPerFte" | "roomCosts";
const INPUT_ROWS: readonly InputKey[] = ["residents", "fte", "salaryPerFte", "roomCosts"];
const INPUT_FORMATS: Record<InputKey, string> = {
  residents: NUMBER_FORMATS.integer,
  fte: NUMBER_FORMATS.fte,
  salaryPerFte: NUMBER_FORMATS.euro,
  roomCosts: NUMBER_FORMATS.euro,
};

/** The lines written as formulas (room costs are an input row already): the function and its argument cells. */
const FORMULA_OF: Partial<Record<BudgetLineKey, (cell: Record<InputKey, string>) => [FunctionId, string[]]>> = {
  staffCost: (c) => ["PERSONALKOSTEN", [c.fte, c.salaryPerFte]],
  materialCost: (c) => ["SACHKOSTEN", [c.fte]],
  projectCost: (c) => ["PROJEKTKOSTEN", [c.residents]],
  dispositionFund: (c) => ["VERFUEGUNGSFONDS", [c.residents]],
  projectFunds: (c) => ["PROJEKTMITTEL", [c.residents, c.fte]],
  total: (c) => ["GESAMTBUDGET", [c.residents, c.fte, c.roomCosts, c.salaryPerFte]],
};

function formulaOf(line: BudgetLineKey, cell: Record<InputKey, string>, displayLanguage: string): string {
  const [id, args] = FORMULA_OF[line]!(cell);
  return `=QM.${functionNameFor(id, displayLanguage)}(${args.join(",")})`;
}

const FORMULA_LINES = BUDGET_LINES.filter((line) => FORMULA_OF[line.key] !== undefined);

/** Number of rows the block takes. */
export const BUDGET_BLOCK_ROWS = INPUT_ROWS.length + FORMULA_LINES.length;

/**
 * The block's cells (labels, inputs, formulas) and number formats; (row, column) is its 0-based
 * top-left cell; function names for Excel in `displayLanguage` (labels follow the pane's `lang`).
 */
export function budgetBlock(
  input: BudgetCellsInput,
  row: number,
  column: number,
  displayLanguage = "de-DE",
): { formulas: (string | number)[][]; formats: string[][] } {
  const valueColumn = columnLetter(column + 2);
  const cell = {} as Record<InputKey, string>;
  INPUT_ROWS.forEach((key, i) => (cell[key] = `${valueColumn}${row + i + 1}`));
  const label = (de: string, en: string) => (input.lang === "en" ? en : de);
  const formulas: (string | number)[][] = [
    ...INPUT_ROWS.map((key) => [label(FIELDS[key].de, FIELDS[key].en), input[key]]),
    ...FORMULA_LINES.map((line) => [label(line.de, line.en), formulaOf(line.key, cell, displayLanguage)]),
  ];
  const formats = [...INPUT_ROWS.map((key) => ["General", INPUT_FORMATS[key]]), ...FORMULA_LINES.map(() => ["General", NUMBER_FORMATS.euro])];
  return { formulas, formats };
}

/**
 * Empty means no formula or constant AND no value: a cell in the spill range of a dynamic
 * array has no formula of its own but shows a value, and writing there breaks the user's
 * formula (#SPILL!).
 */
function isEmptyCell(formula: unknown, valueType: string): boolean {
  return (formula === "" || formula === null || formula === undefined) && valueType === "Empty";
}

/** The first free mark name on the sheet ("QMPlaner_Budgetblock_3" when 1 and 2 exist). */
export function freeBlockName(existing: readonly string[]): string {
  const taken = new Set(existing.filter(isOwnBlockName).map((n) => n.toUpperCase()));
  let i = 1;
  while (taken.has(`${OWN_BLOCK_NAME_PREFIX}${i}`.toUpperCase())) i++;
  return `${OWN_BLOCK_NAME_PREFIX}${i}`;
}

export async function insertBudgetAtSelection(input: BudgetCellsInput): Promise<InsertBudgetResult> {
  return Excel.run(async (context) => {
    const target = context.workbook.getSelectedRange().getCell(0, 0).getResizedRange(BUDGET_BLOCK_ROWS - 1, 1);
    target.load(["address", "formulas", "valueTypes", "rowIndex", "columnIndex"]);
    const sheet = target.worksheet;
    sheet.names.load("items/name");
    await context.sync();
    const empty = target.formulas.every((row, r) => row.every((formula, c) => isEmptyCell(formula, target.valueTypes[r][c])));
    if (!empty) return { kind: "notEmpty", address: target.address };

    const { formulas, formats } = budgetBlock(input, target.rowIndex, target.columnIndex, Office.context.displayLanguage);
    target.formulas = formulas;
    target.numberFormat = formats;
    target.format.autofitColumns();
    sheet.names.add(freeBlockName(sheet.names.items.map((n) => n.name)), target, "Vom QM-Planer eingefügter Budgetblock: wird bei Prüfen und Vergleich nicht als Quartier gelesen.");
    await context.sync();
    return { kind: "inserted", address: target.address };
  });
}
