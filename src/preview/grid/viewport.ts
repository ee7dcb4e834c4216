/**
 * Which part of a sheet the preview's grid draws: the used range plus a margin, so there is
 * room to type beside a plan, capped so a huge used range cannot freeze the page.
 */
import type { SheetModel } from "../host";

const MIN_ROWS = 30;
const MIN_COLS = 10;
const MARGIN_ROWS = 5;
const MARGIN_COLS = 2;
const MAX_ROWS = 300;
const MAX_COLS = 40;

export interface Viewport {
  rows: number;
  cols: number;
}

export function viewportOf(sheet: SheetModel): Viewport {
  const used = sheet.usedRect(false);
  const sel = sheet.selection;
  const rows = Math.max(MIN_ROWS, (used ? used.row + used.rows : 0) + MARGIN_ROWS, sel.row + sel.rows + MARGIN_ROWS);
  const cols = Math.max(MIN_COLS, (used ? used.col + used.cols : 0) + MARGIN_COLS, sel.col + sel.cols + MARGIN_COLS);
  return { rows: Math.min(rows, MAX_ROWS), cols: Math.min(cols, MAX_COLS) };
}

/** Excel sizes are points; the screen wants pixels. */
export function px(points: number): number {
  return Math.round((points * 4) / 3);
}
