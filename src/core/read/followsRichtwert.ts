/**
 * A template's untouched Planansatz is the formula `=C24`: a plain reference to the Richtwert
 * cell of the same line and plan year. In a file saved by a program that does not calculate
 * (exceljs, a script) such a cell carries no value, and neither does the Richtwert it points
 * to. The core computes that Richtwert itself (`richtwertOfPlan`, the rulebook's lines with the
 * plan's inputs and the workbook's own figures), so the plan is checked as it stands — any other
 * formula without a value stays `formel_ohne_wert`.
 */
import { compileParameters, CompiledParameters } from "../budget";
import { Dec } from "../decimal";
import { RICHTWERT_NAMES } from "../names";
import { CellRef, NeighbourhoodPlan, PLAN_LINE_KEYS, ReadResult, WorkbookPlan } from "../plan";
import { richtwertOfPlan, tariffOfPlan } from "../richtwert";
import { defaultParameters, FIGURE_KEYS, Parameters } from "../standard";
import { isUncomputedFormula, parseSheetReference } from "../workbook";
import { lineLabel } from "./fields";
import { NameIndex } from "./names";

/** "C24", "$C$24", "'QM Nord'!C24" → the cell it names on `sheet`, or undefined for any other formula. */
function referencedCell(formula: string, sheet: string): string | undefined {
  const text = formula.trim().replace(/^=/, "");
  const bare = /^\$?([A-Z]{1,3})\$?(\d+)$/i;
  const local = bare.exec(text);
  if (local) return `${local[1].toUpperCase()}${local[2]}`;
  const qualified = parseSheetReference(text);
  if (!qualified || qualified.sheet.toLowerCase() !== sheet.toLowerCase()) return undefined;
  const cell = bare.exec(text.slice(text.lastIndexOf("!") + 1));
  return cell ? `${cell[1].toUpperCase()}${cell[2]}` : undefined;
}

/**
 * The figures the workbook's Richtwert cells compute with: its Parameter sheet's where it has
 * them, the standard's where it defines none; undefined when one it defines cannot be read
 * (then the Richtwert is not known either).
 */
function workbookFigures(plan: WorkbookPlan): CompiledParameters | undefined {
  const figures: Parameters = defaultParameters();
  for (const key of FIGURE_KEYS) {
    const read = plan.parameters[key];
    if (!read) continue;
    if (!read.ok) return undefined;
    figures[key] = read.value.toFixed();
  }
  return compileParameters(figures);
}

function followsIn(index: NameIndex, n: NeighbourhoodPlan, tariff: ReturnType<typeof tariffOfPlan>, figures: CompiledParameters): NeighbourhoodPlan {
  const sheet = index.sheet(n.sheet);
  if (!sheet) return n;
  let lines: NeighbourhoodPlan["lines"] | undefined;
  for (const key of PLAN_LINE_KEYS) {
    n.lines[key].forEach((read, column) => {
      if (read.ok || read.problem !== "formel_ohne_wert" || !read.cell) return;
      const value = sheet.cells.get(read.cell.address);
      if (!isUncomputedFormula(value)) return;
      const target = referencedCell(value.formula, n.sheet);
      const richtwert = index.cells(lineLabel(key), RICHTWERT_NAMES[key], index.lookup(RICHTWERT_NAMES[key], n.sheet), n.sheet);
      const own: CellRef | undefined = richtwert.ok ? richtwert.value.cells[column] : undefined;
      if (!target || !own || own.sheet !== n.sheet || own.address !== target) return;
      const amount = richtwertOfPlan(n, column, tariff, figures)?.[key];
      if (!amount) return;
      lines ??= Object.fromEntries(PLAN_LINE_KEYS.map((k) => [k, [...n.lines[k]]])) as NeighbourhoodPlan["lines"];
      lines[key][column] = { ok: true, value: new Dec(amount), cell: read.cell } satisfies ReadResult<Dec>;
    });
  }
  return lines ? { ...n, lines } : n;
}

/** The plan with every uncomputed "follows its Richtwert" Planansatz replaced by that Richtwert. */
export function resolveFollowingPlans(index: NameIndex, plan: WorkbookPlan): WorkbookPlan {
  // An unreadable tariff increase or base year would make the computed Richtwert a guess.
  if ((plan.tariffIncrease && !plan.tariffIncrease.ok) || (plan.baseYear && !plan.baseYear.ok)) return plan;
  const figures = workbookFigures(plan);
  if (!figures) return plan;
  const tariff = tariffOfPlan(plan);
  const neighbourhoods = plan.neighbourhoods.map((n) => (n.origin === "vorlage" ? followsIn(index, n, tariff, figures) : n));
  return { ...plan, neighbourhoods };
}
