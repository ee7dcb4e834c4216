/**
 * Reads the Quartier sheets of a workbook made by the template, through the defined names of
 * the workbook contract (`names.ts`): never by position, so users may insert rows and columns.
 */
import type { Dec } from "../decimal";
import { INPUT_NAMES, measuresName, PLAN_NAMES, PLAN_YEARS_NAME, SHEETS, YES_NO_NAMES } from "../names";
import { CellRef, NeighbourhoodPlan, PLAN_LINE_KEYS, PlanLineKey, ReadResult, YES_NO_KEYS, YesNoKey } from "../plan";
import { FIGURE_KEYS, FigureKey, RAHMENSTANDARD } from "../standard";
import type { CellValue, SheetSnapshot } from "../workbook";
import { failure, readAmount, readFte, readMeasures, readResidents, readYear, readYesNo } from "./cells";
import { lineLabel, lineYearLabel, measuresLabel, yesNoRequirement } from "./fields";
import { NameIndex } from "./names";

function valueAt(index: NameIndex, cell: CellRef): CellValue | undefined {
  return index.sheet(cell.sheet)?.cells.get(cell.address);
}

/** True when the sheet carries the template's names (its `Einwohner` resolves for it). */
export function isTemplateSheet(index: NameIndex, sheet: SheetSnapshot): boolean {
  return index.lookup(INPUT_NAMES.residents, sheet.name) !== undefined;
}

function single<T>(
  index: NameIndex,
  sheet: string,
  field: string,
  name: string,
  read: (value: CellValue | undefined, cell: CellRef) => ReadResult<T>,
): ReadResult<T> {
  const found = index.cells(field, name, index.lookup(name, sheet), sheet);
  if (!found.ok) return found;
  const cell = found.value.cells[0];
  return read(valueAt(index, cell), cell);
}

function row(index: NameIndex, sheet: string, field: string, name: string): ReadResult<{ cells: CellRef[] }> {
  const found = index.cells(field, name, index.lookup(name, sheet), sheet);
  return found.ok ? { ok: true, value: { cells: found.value.cells }, cell: found.cell } : found;
}

function neighbourhoodName(index: NameIndex, sheet: string): string {
  const name = single(index, sheet, "Quartier", INPUT_NAMES.neighbourhood, (v, cell) =>
    typeof v === "string" && v.trim() !== "" ? { ok: true, value: v.trim(), cell } : failure<string>("leer", ""),
  );
  if (name.ok) return name.value;
  return sheet.startsWith(SHEETS.neighbourhoodPrefix) ? sheet.slice(SHEETS.neighbourhoodPrefix.length) : sheet;
}

export function readTemplateSheet(index: NameIndex, sheet: SheetSnapshot): NeighbourhoodPlan {
  const s = sheet.name;
  const yearRow = row(index, s, "Planjahre", PLAN_YEARS_NAME);
  const years = yearRow.ok ? yearRow.value.cells.map((cell) => readYear(valueAt(index, cell), cell)) : [];
  const lineRows = Object.fromEntries(
    PLAN_LINE_KEYS.map((key) => [key, row(index, s, lineLabel(key), PLAN_NAMES[key])]),
  ) as Record<PlanLineKey, ReturnType<typeof row>>;
  // The plan years decide how many columns there are; without them, the longest plan row.
  const rowLength = (k: PlanLineKey): number => {
    const r = lineRows[k];
    return r.ok ? r.value.cells.length : 0;
  };
  const columns = years.length > 0 ? years.length : Math.max(1, ...PLAN_LINE_KEYS.map(rowLength));

  const lines = {} as Record<PlanLineKey, ReadResult<Dec>[]>;
  for (const key of PLAN_LINE_KEYS) {
    const found = lineRows[key];
    lines[key] = Array.from({ length: columns }, (_, i) => {
      const y = years[i];
      const field = lineYearLabel(key, y && y.ok ? y.value : null, i);
      if (!found.ok) return found as ReadResult<Dec>;
      const cell = found.value.cells[i];
      if (!cell) return failure<Dec>("fehlt", `${field}: Der Name „${PLAN_NAMES[key]}“ umfasst nur ${found.value.cells.length} Planjahre.`);
      return readAmount(field, valueAt(index, cell), cell);
    });
  }

  const yesNo = {} as Record<YesNoKey, ReadResult<boolean>>;
  for (const key of YES_NO_KEYS) {
    yesNo[key] = single(index, s, yesNoRequirement(key).name, YES_NO_NAMES[key], (v, cell) => readYesNo(yesNoRequirement(key).name, v, cell));
  }

  const measures: Record<string, ReadResult<string>> = {};
  for (const area of RAHMENSTANDARD.focusAreas) {
    const field = measuresLabel(area);
    measures[area.id] = single(index, s, field, measuresName(area.id), (v, cell) => readMeasures(field, v, cell));
  }

  return {
    name: neighbourhoodName(index, s),
    sheet: s,
    origin: "vorlage",
    residents: single(index, s, "Einwohner", INPUT_NAMES.residents, readResidents),
    fte: single(index, s, "VbE", INPUT_NAMES.fte, readFte),
    roomCosts: single(index, s, "Raumkosten", INPUT_NAMES.roomCosts, (v, cell) => readAmount("Raumkosten", v, cell)),
    years,
    lines,
    yesNo,
    measures,
  };
}

/** The Parameter figures a workbook defines through the workbook-wide names of the contract. */
export function readParameters(index: NameIndex): Partial<Record<FigureKey, ReadResult<Dec>>> {
  const out: Partial<Record<FigureKey, ReadResult<Dec>>> = {};
  for (const key of FIGURE_KEYS) {
    const figure = RAHMENSTANDARD.figures[key];
    const definition = index.lookupGlobal(figure.definedName);
    if (!definition) continue;
    const found = index.cells(`Parameter ${figure.name}`, figure.definedName, definition, SHEETS.parameters);
    if (!found.ok) {
      out[key] = found as ReadResult<Dec>;
      continue;
    }
    const cell = found.value.cells[0];
    out[key] = readAmount(`Parameter ${figure.name}`, valueAt(index, cell), cell);
  }
  return out;
}
