/**
 * A shared formula (`<f t="shared" si="0"/>`) is written once, in its first cell; the others
 * show it moved by their offset. Only a formula without a computed value is ever shown (in the
 * finding "Die Formel … hat keinen berechneten Wert"), so this is as exact as exceljs's
 * translation, which the previous reader used.
 */
import { addressOf, columnIndex, CellPosition } from "../../../core/workbook";

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

export function slideFormula(formula: string, from: CellPosition, to: CellPosition): string {
  return formula.replace(CANDIDATE, (match: string, sheet: string | undefined, _s: string, address: string, paren: string | undefined) => {
    if (paren) return match;
    const m = CELL.exec(address);
    if (!m) return match;
    const letters = m[2].toUpperCase();
    // Beyond XFD it is a name, not a column.
    if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return match;
    const col = columnIndex(letters) + (m[1] ? 0 : to.col - from.col);
    const row = Number(m[4]) + (m[3] ? 0 : to.row - from.row);
    if (col < 1 || row < 1) return "#REF!";
    const moved = addressOf(row, col);
    const colPart = moved.replace(/\d+$/, "");
    return `${sheet ?? ""}${m[1] ?? ""}${colPart}${m[3] ?? ""}${row}`;
  });
}
