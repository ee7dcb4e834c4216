/**
 * The Excel formula text of a rule, for both template writers: the one definition written
 * over the workbook's defined names, so a sheet computes the same as the core without the
 * add-in. Function names are Excel's invariant (English) ones, as `Range.formulas` and
 * OOXML expect; ROUND rounds half away from zero, like `cents`.
 */
import { BASE_YEAR_NAME, INPUT_NAMES, parameterName, PLANNING_NAMES } from "../names";
import type { Expr, LineKey } from "./expr";
import { lineExpr } from "./lines";

export interface FormulaCells {
  /** The cell holding the plan year of the column ("C$20"). */
  yearCell: string;
  /** The cell of another line in the same column, for the sums. */
  cellOf: (line: LineKey) => string;
}

/** Precedence of what an expression compiles to, so parentheses appear only where needed. */
const enum Level {
  Sum = 1,
  Product = 2,
  Power = 3,
  Atom = 4,
}

function compile(e: Expr, cells: FormulaCells): { text: string; level: Level } {
  const atom = (text: string) => ({ text, level: Level.Atom });
  const wrap = (x: { text: string; level: Level }, min: Level) => (x.level < min ? `(${x.text})` : x.text);
  switch (e.op) {
    case "input":
      return atom(INPUT_NAMES[e.key]);
    case "figure":
      return atom(parameterName(e.key));
    case "planning":
      return atom(e.key === "tariffIncrease" ? PLANNING_NAMES.tariffIncrease : `MAX(0,${cells.yearCell}-${BASE_YEAR_NAME})`);
    case "number":
      return atom(e.value);
    case "add":
      return { text: e.args.map((a) => compile(a, cells).text).join("+"), level: Level.Sum };
    case "mul":
      return { text: e.args.map((a) => wrap(compile(a, cells), Level.Product)).join("*"), level: Level.Product };
    case "max":
      return atom(`MAX(${compile(e.args[0], cells).text},${compile(e.args[1], cells).text})`);
    case "pow":
      return { text: `${wrap(compile(e.base, cells), Level.Atom)}^${wrap(compile(e.exponent, cells), Level.Atom)}`, level: Level.Power };
    case "ifBelow":
      return atom(
        `IF(${compile(e.value, cells).text}<${compile(e.limit, cells).text},${compile(e.then, cells).text},${compile(e.otherwise, cells).text})`,
      );
    case "cents":
      return atom(`ROUND(${compile(e.arg, cells).text},2)`);
    case "line":
      return atom(cells.cellOf(e.key));
  }
}

/** The formula (without "=") of an expression. */
export function excelFormula(expr: Expr, cells: FormulaCells): string {
  return compile(expr, cells).text;
}

/** The Richtwert formula (without "=") of a budget line. */
export function lineFormula(key: LineKey, cells: FormulaCells): string {
  return excelFormula(lineExpr(key), cells);
}
