/**
 * Reads the Quartier sheets of a workbook made by the template, through the defined names of
 * the workbook contract (`names.ts`): never by position, so users may insert rows and columns.
 */
import { Dec } from "../decimal";
import { formatNumber } from "../format";
import { BASE_YEAR_NAME, FUNDING_NAMES, INPUT_NAMES, measuresName, PLAN_NAMES, PLAN_YEARS_NAME, PLANNING_NAMES, PROVIDER_NAME, SHEETS, YES_NO_NAMES } from "../names";
import { CellRef, NeighbourhoodPlan, PLAN_LINE_KEYS, PlanLineKey, ReadResult, ShareKey, WorkbookPlan, YES_NO_KEYS, YesNoKey } from "../plan";
import { FIGURE_KEYS, RAHMENSTANDARD } from "../standard";
import { TEMPLATE_LIMITS } from "../template/input";
import type { CellValue, SheetSnapshot } from "../workbook";
import { cellName, failure, readAmount, readFte, readMeasures, readNumber, readResidents, readYear, readYesNo } from "./cells";
import { FIELD_NAMES, lineLabel, lineYearLabel, measuresLabel, nameOf, yesNoRequirement } from "./fields";
import { NameIndex } from "./names";
import { say, Texts, Wording } from "./texts";

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
  field: Texts,
  name: string,
  read: (value: CellValue | undefined, cell: CellRef) => ReadResult<T>,
): ReadResult<T> {
  const found = index.cells(field, name, index.lookup(name, sheet), sheet);
  if (!found.ok) return found;
  const cell = found.value.cells[0];
  return read(valueAt(index, cell), cell);
}

function row(index: NameIndex, sheet: string, field: Texts, name: string): ReadResult<{ cells: CellRef[] }> {
  const found = index.cells(field, name, index.lookup(name, sheet), sheet);
  return found.ok ? { ok: true, value: { cells: found.value.cells }, cell: found.cell } : found;
}

/** The Quartier's name cell, else the sheet name without the "QM " prefix. */
function neighbourhoodName(index: NameIndex, sheet: string): string {
  const name = single(index, sheet, FIELD_NAMES.neighbourhood, INPUT_NAMES.neighbourhood, (v, cell) =>
    typeof v === "string" && v.trim() !== "" ? { ok: true, value: v.trim(), cell } : failure<string>("leer", FIELD_NAMES.neighbourhood),
  );
  return name.ok ? name.value : nameFromSheet(sheet);
}

/** "QM Nord" → "Nord"; any other sheet name as it is. */
export function nameFromSheet(sheet: string): string {
  return isNeighbourhoodSheetName(sheet) ? sheet.slice(SHEETS.neighbourhoodPrefix.length) : sheet;
}

/** A sheet named like the template's Quartier sheets ("QM Nord"). */
export function isNeighbourhoodSheetName(sheet: string): boolean {
  return sheet.startsWith(SHEETS.neighbourhoodPrefix) && sheet.length > SHEETS.neighbourhoodPrefix.length;
}

const PROVIDER_FIELD: Texts = { de: "Träger", en: "Provider" };
const GRANTED_FIELD: Texts = { de: "Drittmittel (bewilligt)", en: "External funds (granted)" };

const TOO_SHORT: Wording<{ field: Texts; name: string; count: number }> = {
  de: (a) => `${a.field.de}: Der Name „${a.name}“ umfasst nur ${a.count} Planjahre.`,
  en: (a) => `${a.field.en}: the name "${a.name}" covers only ${a.count} plan years.`,
};

export function readTemplateSheet(index: NameIndex, sheet: SheetSnapshot): NeighbourhoodPlan {
  const s = sheet.name;
  const yearRow = row(index, s, FIELD_NAMES.years, PLAN_YEARS_NAME);
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
      if (!cell) return failure<Dec>("fehlt", say(TOO_SHORT, { field, name: PLAN_NAMES[key], count: found.value.cells.length }));
      return readAmount(field, valueAt(index, cell), cell);
    });
  }

  const yesNo = {} as Record<YesNoKey, ReadResult<boolean>>;
  for (const key of YES_NO_KEYS) {
    const field = nameOf(yesNoRequirement(key));
    yesNo[key] = single(index, s, field, YES_NO_NAMES[key], (v, cell) => readYesNo(field, v, cell));
  }

  const measures: Record<string, ReadResult<string>> = {};
  for (const area of RAHMENSTANDARD.focusAreas) {
    const field = measuresLabel(area);
    measures[area.id] = single(index, s, field, measuresName(area.id), (v, cell) => readMeasures(field, v, cell));
  }

  // Optional parts of the contract (the Vergleich reads them, the rules do not): a sheet
  // from before they existed simply has none, which is no finding.
  const providerCell = index.lookup(PROVIDER_NAME, s)
    ? single(index, s, PROVIDER_FIELD, PROVIDER_NAME, (v, cell) => readMeasures(PROVIDER_FIELD, v, cell))
    : undefined;
  const provider = providerCell?.ok && providerCell.value !== "" ? providerCell.value : undefined;
  const grantedRow = index.lookup(FUNDING_NAMES.granted, s) ? row(index, s, GRANTED_FIELD, FUNDING_NAMES.granted) : undefined;
  const grantedFunds = grantedRow
    ? Array.from({ length: columns }, (_, i): ReadResult<Dec> => {
        if (!grantedRow.ok) return grantedRow as ReadResult<Dec>;
        const cell = grantedRow.value.cells[i];
        if (!cell) return failure<Dec>("fehlt", say(TOO_SHORT, { field: GRANTED_FIELD, name: FUNDING_NAMES.granted, count: grantedRow.value.cells.length }));
        return readAmount(GRANTED_FIELD, valueAt(index, cell), cell);
      })
    : undefined;

  return {
    ...(provider !== undefined ? { provider } : {}),
    ...(grantedFunds ? { grantedFunds } : {}),
    name: neighbourhoodName(index, s),
    sheet: s,
    origin: "vorlage",
    residents: single(index, s, FIELD_NAMES.residents, INPUT_NAMES.residents, readResidents),
    fte: single(index, s, FIELD_NAMES.fte, INPUT_NAMES.fte, readFte),
    roomCosts: single(index, s, FIELD_NAMES.roomCosts, INPUT_NAMES.roomCosts, (v, cell) => readAmount(FIELD_NAMES.roomCosts, v, cell)),
    salaryPerFte: single(index, s, FIELD_NAMES.salaryPerFte, INPUT_NAMES.salaryPerFte, (v, cell) => readAmount(FIELD_NAMES.salaryPerFte, v, cell)),
    years,
    lines,
    yesNo,
    measures,
  };
}

/** A workbook-wide name's single cell on the Parameter sheet, read by `read`; undefined when the workbook has no such name. */
function parameterCell<T>(index: NameIndex, field: Texts, name: string, read: (value: CellValue | undefined, cell: CellRef) => ReadResult<T>): ReadResult<T> | undefined {
  const definition = index.lookupGlobal(name);
  if (!definition) return undefined;
  const found = index.cells(field, name, definition, SHEETS.parameters);
  if (!found.ok) return found as ReadResult<T>;
  const cell = found.value.cells[0];
  return read(valueAt(index, cell), cell);
}

/** The Parameter figures a workbook defines through the workbook-wide names of the contract. */
export function readParameters(index: NameIndex): WorkbookPlan["parameters"] {
  const out: WorkbookPlan["parameters"] = {};
  for (const key of FIGURE_KEYS) {
    const figure = RAHMENSTANDARD.figures[key];
    const field = { de: `Parameter ${figure.name}`, en: `Parameter ${figure.nameEn}` };
    const read = parameterCell(index, field, figure.definedName, (v, cell) => readAmount(field, v, cell));
    if (read) out[key] = read;
  }
  return out;
}

const TARIFF_FIELD: Texts = { de: "Parameter Tarifsteigerung", en: "Parameter tariff increase" };
const BASE_YEAR_FIELD: Texts = { de: "Parameter Basisjahr", en: "Parameter base year" };
const TARIFF_MAX = new Dec(TEMPLATE_LIMITS.tariffIncreaseMax);

const TARIFF_OUT_OF_RANGE: Wording<{ value: Dec; where: string }> = {
  de: (a) =>
    `${TARIFF_FIELD.de}: ${formatNumber(a.value.mul(100))} % in ${a.where} liegt nicht zwischen 0 % und ${formatNumber(TARIFF_MAX.mul(100))} % je Jahr.`,
  en: (a) =>
    `${TARIFF_FIELD.en}: ${formatNumber(a.value.mul(100), "en")} % in ${a.where} is not between 0 % and ${formatNumber(TARIFF_MAX.mul(100), "en")} % a year.`,
};

/** A tariff increase as the template allows it: a fraction from 0 to its limit (Excel's 3 % is 0.03). */
function readTariffIncrease(value: CellValue | undefined, cell: CellRef): ReadResult<Dec> {
  const read = readNumber(TARIFF_FIELD, value, cell);
  if (!read.ok) return read;
  const increase = new Dec(read.value);
  if (increase.isNegative() || increase.gt(TARIFF_MAX)) return failure("ungueltig", say(TARIFF_OUT_OF_RANGE, { value: increase, where: cellName(cell) }), cell);
  return { ok: true, value: increase, cell };
}

const SHARE_FIELDS: Readonly<Record<ShareKey, { name: string; field: Texts }>> = {
  federal: { name: PLANNING_NAMES.shareFederal, field: { de: "Parameter Förderanteil Bund", en: "Parameter federal funding share" } },
  state: { name: PLANNING_NAMES.shareState, field: { de: "Parameter Förderanteil Land", en: "Parameter state funding share" } },
  municipal: { name: PLANNING_NAMES.shareMunicipal, field: { de: "Parameter Förderanteil Gemeinde", en: "Parameter municipal funding share" } },
};

/** The planning assumptions the template's Personalkosten Richtwert escalates with, and the funding shares. */
export function readTariff(index: NameIndex): Pick<WorkbookPlan, "tariffIncrease" | "baseYear" | "shares"> {
  const shares: NonNullable<WorkbookPlan["shares"]> = {};
  for (const key of Object.keys(SHARE_FIELDS) as ShareKey[]) {
    const { name, field } = SHARE_FIELDS[key];
    const read = parameterCell(index, field, name, (v, cell) => readAmount(field, v, cell));
    if (read) shares[key] = read;
  }
  return {
    tariffIncrease: parameterCell(index, TARIFF_FIELD, PLANNING_NAMES.tariffIncrease, readTariffIncrease),
    baseYear: parameterCell(index, BASE_YEAR_FIELD, BASE_YEAR_NAME, (v, cell) => readYear(v, cell, BASE_YEAR_FIELD)),
    ...(Object.keys(shares).length > 0 ? { shares } : {}),
  };
}
