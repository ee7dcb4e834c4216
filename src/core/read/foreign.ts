/**
 * Reads a plan from a sheet QM-Planer did not make: finds the labels (see `labels.ts`) and
 * takes the value to the right of each, else the one below. A row of consecutive years
 * ("2026 | 2027 | 2028") makes the budget lines under it multi-year: each line's amounts are
 * read from the year columns. Whatever it cannot find is reported, never assumed.
 */
import type { Dec } from "../decimal";
import { CellRef, NeighbourhoodPlan, PLAN_LINE_KEYS, PlanLineKey, ReadResult, YES_NO_KEYS, YesNoKey } from "../plan";
import { RAHMENSTANDARD } from "../standard";
import { addressOf, CellValue, parseCellAddress, parseRangeAddress, qualifiedAddress, SheetSnapshot } from "../workbook";
import { failure, isPlausibleYear, readAmount, readFte, readMeasures, readResidents, readYear, readYesNo } from "./cells";
import { lineLabel, lineYearLabel, measuresLabel, yesNoRequirement } from "./fields";
import { LabelMatch, matchLabel, NumericField, YES_NO_LABELS } from "./labels";

/** How far from its label a value may stand (empty cells between are skipped). */
const MAX_COLUMNS_RIGHT = 4;
const MAX_ROWS_BELOW = 3;

interface Label {
  row: number;
  col: number;
  /** Last row/column the label covers (beyond its own cell when merged). */
  bottom: number;
  right: number;
  text: string;
  match: LabelMatch;
}

type Reader<T> = (value: CellValue | undefined, cell: CellRef) => ReadResult<T>;

/** A sheet with its labels indexed, ready to answer "what stands beside this label". */
class ForeignSheet {
  readonly labels: Label[] = [];
  private readonly labelCells = new Set<string>();

  constructor(readonly sheet: SheetSnapshot) {
    const mergedExtent = new Map<string, { bottom: number; right: number }>();
    for (const m of sheet.merges) {
      const r = parseRangeAddress(m);
      if (r) mergedExtent.set(addressOf(r.top, r.left), { bottom: r.bottom, right: r.right });
    }
    for (const [address, value] of sheet.cells) {
      if (typeof value !== "string") continue;
      const match = matchLabel(value);
      const pos = match && parseCellAddress(address);
      if (!match || !pos) continue;
      const extent = mergedExtent.get(address) ?? { bottom: pos.row, right: pos.col };
      this.labels.push({ row: pos.row, col: pos.col, ...extent, text: value.trim(), match });
      this.labelCells.add(address);
    }
    this.labels.sort((a, b) => a.row - b.row || a.col - b.col);
  }

  value(row: number, col: number): CellValue | undefined {
    return this.sheet.cells.get(addressOf(row, col));
  }

  cell(row: number, col: number): CellRef {
    return { sheet: this.sheet.name, address: addressOf(row, col) };
  }

  /**
   * The first non-empty cell to the right of the label, and the first one below it. Another
   * label ends the search in that direction (it is the next field, not this one's value),
   * except for measures, whose text may well use the words of a label.
   */
  neighbours(label: Label, stopAtLabels: boolean): CellRef[] {
    const out: CellRef[] = [];
    const scan = (cells: CellRef[]): void => {
      for (const c of cells) {
        if (this.sheet.cells.get(c.address) === undefined) continue;
        if (!stopAtLabels || !this.labelCells.has(c.address)) out.push(c);
        return;
      }
    };
    scan(Array.from({ length: MAX_COLUMNS_RIGHT }, (_, i) => this.cell(label.row, label.right + 1 + i)));
    scan(Array.from({ length: MAX_ROWS_BELOW }, (_, i) => this.cell(label.bottom + 1 + i, label.col)));
    return out;
  }

  /**
   * Reads a field from the best of its labels: fewest words first (the plainest label), then
   * reading order; the first label with a readable value wins, else the first label's problem.
   */
  readBeside<T>(field: string, candidates: Label[], read: Reader<T>, stopAtLabels = true): ReadResult<T> | undefined {
    if (candidates.length === 0) return undefined;
    const ordered = [...candidates].sort((a, b) => a.match.words.length - b.match.words.length);
    let first: ReadResult<T> | undefined;
    for (const label of ordered) {
      const neighbours = this.neighbours(label, stopAtLabels);
      const results = neighbours.map((c) => read(this.sheet.cells.get(c.address), c));
      const ok = results.find((r) => r.ok);
      if (ok) return ok;
      first ??=
        results[0] ??
        failure<T>(
          "leer",
          `${field}: Neben und unter der Beschriftung „${label.text}“ in ${qualifiedAddress(this.sheet.name, addressOf(label.row, label.col))} steht kein Wert.`,
          this.cell(label.row, label.col),
        );
    }
    return first;
  }

  numericLabels(field: NumericField): Label[] {
    return this.labels.filter((l) => l.match.numeric === field);
  }
}

function notFound<T>(field: string, keywords: readonly string[]): ReadResult<T> {
  return failure("fehlt", `${field}: keine Beschriftung gefunden (gesucht: ${keywords.join(", ")}).`);
}

/** A year written as a number or as text ("2026"). */
function yearIn(value: CellValue | undefined): number | undefined {
  const n = typeof value === "string" && /^\s*\d{4}\s*$/.test(value) ? Number(value) : value;
  return typeof n === "number" && isPlausibleYear(n) ? n : undefined;
}

interface YearHeader {
  row: number;
  cols: number[];
  years: number[];
}

/** The first row holding at least two consecutive years at increasing columns. */
function findYearHeader(sheet: SheetSnapshot): YearHeader | undefined {
  const rows = new Map<number, { col: number; year: number }[]>();
  for (const [address, value] of sheet.cells) {
    const year = yearIn(value);
    const pos = year === undefined ? undefined : parseCellAddress(address);
    if (year === undefined || !pos) continue;
    const list = rows.get(pos.row) ?? [];
    list.push({ col: pos.col, year });
    rows.set(pos.row, list);
  }
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = rows.get(row)!.sort((a, b) => a.col - b.col);
    let run = [cells[0]];
    for (const c of cells.slice(1)) {
      if (c.year === run[run.length - 1].year + 1) run.push(c);
      else if (run.length < 2) run = [c];
      else break;
    }
    if (run.length >= 2) return { row, cols: run.map((c) => c.col), years: run.map((c) => c.year) };
  }
  return undefined;
}

const KEYWORDS_SHOWN: Readonly<Record<NumericField, string[]>> = {
  residents: ["Einwohner", "Einwohnerzahl", "Bewohner"],
  fte: ["VbE", "Stellen", "Vollzeitäquivalente"],
  staffCost: ["Personalkosten"],
  materialCost: ["Sachkosten", "Sachmittel"],
  projectCost: ["Projektkosten"],
  dispositionFund: ["Verfügungsfonds"],
  roomCosts: ["Raumkosten", "Miete", "Betriebskosten"],
  year: ["Jahr", "Planjahr"],
};

/** Fields whose labels make a sheet look like a plan. */
const PLAN_FIELDS: readonly NumericField[] = ["residents", "fte", ...PLAN_LINE_KEYS];

/**
 * Reads the sheet as a plan, or returns undefined when it does not look like one (labels of
 * fewer than two plan fields): a sheet of notes is not a Quartier full of missing inputs.
 */
export function readForeignSheet(snapshot: SheetSnapshot): NeighbourhoodPlan | undefined {
  const sheet = new ForeignSheet(snapshot);
  const fieldsFound = PLAN_FIELDS.filter((f) => sheet.numericLabels(f).length > 0);
  if (fieldsFound.length < 2) return undefined;

  const header = findYearHeader(snapshot);
  const years: ReadResult<number>[] = header
    ? header.cols.map((col, i) => ({ ok: true, value: header.years[i], cell: sheet.cell(header.row, col) }))
    : optional(sheet.readBeside("Planjahr", sheet.numericLabels("year"), readYear));
  const columns = Math.max(1, years.length);
  const yearAt = (i: number): number | null => {
    const y = years[i];
    return y && y.ok ? y.value : null;
  };

  const lines = {} as Record<PlanLineKey, ReadResult<Dec>[]>;
  for (const key of PLAN_LINE_KEYS) {
    const labels = sheet.numericLabels(key);
    const inTable = header ? labels.filter((l) => l.row > header.row && l.col < header.cols[0]) : [];
    const tableLabel = inTable.find((l) => header!.cols.some((c) => sheet.value(l.row, c) !== undefined));
    if (header && tableLabel) {
      lines[key] = header.cols.map((col, i) =>
        readAmount(lineYearLabel(key, yearAt(i), i), sheet.value(tableLabel.row, col), sheet.cell(tableLabel.row, col)),
      );
      continue;
    }
    // One amount beside its label: the same yearly amount for every plan year.
    const single =
      sheet.readBeside(lineLabel(key), labels, (v, c) => readAmount(lineLabel(key), v, c)) ?? notFound<Dec>(lineLabel(key), KEYWORDS_SHOWN[key]);
    lines[key] = Array.from({ length: columns }, () => single);
  }

  const yesNo = {} as Record<YesNoKey, ReadResult<boolean>>;
  for (const key of YES_NO_KEYS) {
    const field = yesNoRequirement(key).name;
    const labels = sheet.labels.filter((l) => l.match.yesNo.includes(key));
    yesNo[key] =
      sheet.readBeside(field, labels, (v, c) => readYesNo(field, v, c)) ??
      notFound(field, YES_NO_LABELS[key].map((alt) => alt.join(" ")));
  }

  const measures: Record<string, ReadResult<string>> = {};
  for (const area of RAHMENSTANDARD.focusAreas) {
    const field = measuresLabel(area);
    const labels = sheet.labels.filter((l) => l.match.focusAreas.includes(area.id));
    measures[area.id] = sheet.readBeside(field, labels, (v, c) => readMeasures(field, v, c), false) ?? notFound(field, [area.short]);
  }

  const nameRead = sheet.readBeside("Quartier", sheet.labels.filter((l) => l.match.isName), (v, cell) =>
    typeof v === "string" && v.trim() !== "" ? { ok: true, value: v.trim(), cell } : failure<string>("leer", ""),
  );

  return {
    name: nameRead?.ok ? nameRead.value : snapshot.name,
    sheet: snapshot.name,
    origin: "fremd",
    residents: sheet.readBeside("Einwohner", sheet.numericLabels("residents"), readResidents) ?? notFound("Einwohner", KEYWORDS_SHOWN.residents),
    fte: sheet.readBeside("VbE", sheet.numericLabels("fte"), readFte) ?? notFound("VbE", KEYWORDS_SHOWN.fte),
    roomCosts:
      sheet.readBeside("Raumkosten", sheet.numericLabels("roomCosts"), (v, c) => readAmount("Raumkosten", v, c)) ??
      notFound("Raumkosten", KEYWORDS_SHOWN.roomCosts),
    years,
    lines,
    yesNo,
    measures,
  };
}

/** A plan year found beside a "Planjahr" label, as the one-column year list. */
function optional(read: ReadResult<number> | undefined): ReadResult<number>[] {
  return read ? [read] : [];
}

