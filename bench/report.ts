import { Align, formatTable, RULE } from "../src/cli/table";

/** Prints a small figures table: a header, a rule, the rows. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): void {
  console.log(formatTable([header, RULE, ...rows], align));
  console.log("");
}

/** A measured figure with a fixed number of decimals, in German spelling ("0,972"), so columns line up. */
export function fixed(value: number, decimals: number): string {
  return value.toFixed(decimals).replace(".", ",");
}
