/**
 * Reads a plan from a sheet QM-Planer did not make (or one that lost the template's names):
 * finds the labels (see `labels.ts`) and takes the value to the right of each, else the one
 * below. A row of consecutive years ("2026 | 2027 | 2028") makes the budget lines under it
 * multi-year: each line's amounts are read from the year columns — from the block headed as
 * the plan when the row repeats the years for Richtwert, Planansatz and Abweichung, as the
 * template's sheets do. Whatever it cannot find is reported, never assumed.
 */
import type { Dec } from "../decimal";
import { CellRef, NeighbourhoodPlan, PLAN_LINE_KEYS, PlanLineKey, ReadResult, YES_NO_KEYS, YesNoKey } from "../plan";
import { RAHMENSTANDARD } from "../standard";
import { addressOf, CellValue, parseCellAddress, parseRangeAddress, qualifiedAddress, SheetSnapshot } from "../workbook";
import { failure, isPlausibleYear, readAmount, readFte, readMeasures, readResidents, readYear, readYesNo } from "./cells";
import { FIELD_NAMES, lineLabel, lineYearLabel, measuresLabel, nameOf, yesNoRequirement } from "./fields";
import { LabelMatch, labelWords, matchLabel, NumericField, YES_NO_LABELS } from "./labels";
import { say, Texts, Wording } from "./texts";

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

const TEXT = {
  noValue: {
    de: (a) => `${a.field.de}: Neben und unter der Beschriftung „${a.label}“ in ${a.where} steht kein Wert.`,
    en: (a) => `${a.field.en}: there is no value beside or below the label "${a.label}" in ${a.where}.`,
  } as Wording<{ field: Texts; label: string; where: string }>,
  notFound: {
    de: (a) => `${a.field.de}: keine Beschriftung gefunden (gesucht: ${a.keywords.join(", ")}).`,
    en: (a) => `${a.field.en}: no label found (looked for: ${a.keywords.join(", ")}).`,
  } as Wording<{ field: Texts; keywords: readonly string[] }>,
};

/** A column header over the measures of a work plan ("Geplante Maßnahmen"). */
function isMeasuresHeader(text: string): boolean {
  const words = labelWords(text);
  return words.length > 0 && words.length <= 3 && words.some((w) => w.startsWith("massnahme"));
}

/** A sheet with its labels indexed, ready to answer "what stands beside this label". */
class ForeignSheet {
  readonly labels: Label[] = [];
  readonly measuresHeaders: { row: number; col: number }[] = [];
  private readonly labelCells = new Set<string>();

  constructor(readonly sheet: SheetSnapshot) {
    const mergedExtent = new Map<string, { bottom: number; right: number }>();
    for (const m of sheet.merges) {
      const r = parseRangeAddress(m);
      if (r) mergedExtent.set(addressOf(r.top, r.left), { bottom: r.bottom, right: r.right });
    }
    for (const [address, value] of sheet.cells) {
      if (typeof value !== "string") continue;
      const pos = parseCellAddress(address);
      if (!pos) continue;
      if (isMeasuresHeader(value)) this.measuresHeaders.push(pos);
      const match = matchLabel(value);
      if (!match) continue;
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
  readBeside<T>(field: Texts, candidates: Label[], read: Reader<T>, stopAtLabels = true): ReadResult<T> | undefined {
    if (candidates.length === 0) return undefined;
    const ordered = [...candidates].sort((a, b) => a.match.words.length - b.match.words.length);
    let first: ReadResult<T> | undefined;
    for (const label of ordered) {
      const neighbours = this.neighbours(label, stopAtLabels);
      const results = neighbours.map((c) => read(this.sheet.cells.get(c.address), c));
      const ok = results.find((r) => r.ok);
      if (ok) return ok;
      const where = qualifiedAddress(this.sheet.name, addressOf(label.row, label.col));
      first ??= results[0] ?? failure<T>("leer", say(TEXT.noValue, { field, label: label.text, where }), this.cell(label.row, label.col));
    }
    return first;
  }

  numericLabels(field: NumericField): Label[] {
    return this.labels.filter((l) => l.match.numeric === field);
  }

  /**
   * The column of the measures of a work plan: a "Maßnahmen" header above the first of the
   * focus-area labels and right of them (the template's "Geplante Maßnahmen"). Reading that
   * column keeps an empty measure empty instead of taking the hours beside it or the next
   * focus area's label below it.
   */
  measuresColumn(focusLabels: Label[]): number | undefined {
    // The labels are in reading order: the first one heads the list of focus areas.
    const first = focusLabels[0];
    if (!first) return undefined;
    const headers = this.measuresHeaders.filter((h) => h.row < first.row && h.col > first.right);
    headers.sort((a, b) => b.row - a.row || a.col - b.col);
    return headers[0]?.col;
  }
}

function notFound<T>(field: Texts, keywords: readonly string[]): ReadResult<T> {
  return failure("fehlt", say(TEXT.notFound, { field, keywords }));
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

/** Words of a block title that mark it as the planned amounts … */
const PLANNED_TITLE = ["plan", "ansatz", "soll", "geplant"];
/** … and words that mark it as something else: the standard's figures, a difference, actual spending, funding. */
const OTHER_TITLE = new Set(["richtwert", "richtwerte", "abweichung", "differenz", "ist", "beantragt", "bewilligt"]);

/** The words of the texts up to two rows above a run of year cells (its block title). */
function titleWords(sheet: SheetSnapshot, row: number, cols: readonly number[]): string[] {
  const words: string[] = [];
  for (const r of [row - 1, row - 2])
    for (const c of cols) {
      const v = sheet.cells.get(addressOf(r, c));
      if (typeof v === "string") words.push(...labelWords(v));
    }
  return words;
}

/**
 * The block of plan years among several in one row: the one titled as the plan, else the
 * first one not titled as something else, else the first.
 */
function plannedRun(sheet: SheetSnapshot, row: number, runs: YearHeader[]): YearHeader {
  const titled = runs.map((run) => ({ run, words: titleWords(sheet, row, run.cols) }));
  const other = (words: string[]): boolean => words.some((w) => OTHER_TITLE.has(w));
  const planned = (words: string[]): boolean => words.some((w) => PLANNED_TITLE.some((p) => w.startsWith(p)));
  return (titled.find((t) => planned(t.words) && !other(t.words)) ?? titled.find((t) => !other(t.words)) ?? titled[0]).run;
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
    const runs: YearHeader[] = [];
    let run = [cells[0]];
    const close = (): void => {
      if (run.length >= 2) runs.push({ row, cols: run.map((c) => c.col), years: run.map((c) => c.year) });
    };
    for (const c of cells.slice(1)) {
      if (c.year === run[run.length - 1].year + 1) run.push(c);
      else {
        close();
        run = [c];
      }
    }
    close();
    if (runs.length > 0) return plannedRun(sheet, row, runs);
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
    : optional(sheet.readBeside(FIELD_NAMES.year, sheet.numericLabels("year"), readYear));
  const columns = Math.max(1, years.length);
  const yearAt = (i: number): number | null => {
    const y = years[i];
    return y && y.ok ? y.value : null;
  };

  const lines = {} as Record<PlanLineKey, ReadResult<Dec>[]>;
  const tableLabels = new Set<Label>();
  for (const key of PLAN_LINE_KEYS) {
    const labels = sheet.numericLabels(key);
    const inTable = header ? labels.filter((l) => l.row > header.row && l.col < header.cols[0]) : [];
    const tableLabel = inTable.find((l) => header!.cols.some((c) => sheet.value(l.row, c) !== undefined));
    if (header && tableLabel) {
      tableLabels.add(tableLabel);
      lines[key] = header.cols.map((col, i) =>
        readAmount(lineYearLabel(key, yearAt(i), i), sheet.value(tableLabel.row, col), sheet.cell(tableLabel.row, col)),
      );
      continue;
    }
    // One amount beside its label: the same yearly amount for every plan year.
    const field = lineLabel(key);
    const single = sheet.readBeside(field, labels, (v, c) => readAmount(field, v, c)) ?? notFound<Dec>(field, KEYWORDS_SHOWN[key]);
    lines[key] = Array.from({ length: columns }, () => single);
  }

  const yesNo = {} as Record<YesNoKey, ReadResult<boolean>>;
  for (const key of YES_NO_KEYS) {
    const field = nameOf(yesNoRequirement(key));
    const labels = sheet.labels.filter((l) => l.match.yesNo.includes(key));
    yesNo[key] =
      sheet.readBeside(field, labels, (v, c) => readYesNo(field, v, c)) ??
      notFound(field, YES_NO_LABELS[key].map((alt) => alt.join(" ")));
  }

  const measures: Record<string, ReadResult<string>> = {};
  const focusLabels = sheet.labels.filter((l) => l.match.focusAreas.length > 0);
  const measuresCol = sheet.measuresColumn(focusLabels);
  for (const area of RAHMENSTANDARD.focusAreas) {
    const field = measuresLabel(area);
    const labels = focusLabels.filter((l) => l.match.focusAreas.includes(area.id));
    const read: Reader<string> = (v, c) => readMeasures(field, v, c);
    // In a measures column, a measure's text may name another focus area: only labels left of it count.
    const listed = measuresCol === undefined ? undefined : labels.find((l) => l.right < measuresCol);
    if (measuresCol !== undefined && listed) {
      measures[area.id] = read(sheet.value(listed.row, measuresCol), sheet.cell(listed.row, measuresCol));
      continue;
    }
    measures[area.id] = sheet.readBeside(field, labels, read, false) ?? notFound(field, [area.short]);
  }

  const nameRead = sheet.readBeside(FIELD_NAMES.neighbourhood, sheet.labels.filter((l) => l.match.isName), (v, cell) =>
    typeof v === "string" && v.trim() !== "" ? { ok: true, value: v.trim(), cell } : failure<string>("leer", FIELD_NAMES.neighbourhood),
  );
  // The yearly room costs input ("Raumkosten je Jahr"), not the first cell of the year table's row — unless that row is all there is.
  const roomCostLabels = sheet.numericLabels("roomCosts").filter((l) => !tableLabels.has(l));
  const roomCostInput = roomCostLabels.length > 0 ? roomCostLabels : sheet.numericLabels("roomCosts");

  return {
    name: nameRead?.ok ? nameRead.value : snapshot.name,
    sheet: snapshot.name,
    origin: "fremd",
    residents:
      sheet.readBeside(FIELD_NAMES.residents, sheet.numericLabels("residents"), readResidents) ??
      notFound(FIELD_NAMES.residents, KEYWORDS_SHOWN.residents),
    fte: sheet.readBeside(FIELD_NAMES.fte, sheet.numericLabels("fte"), readFte) ?? notFound(FIELD_NAMES.fte, KEYWORDS_SHOWN.fte),
    roomCosts:
      sheet.readBeside(FIELD_NAMES.roomCosts, roomCostInput, (v, c) => readAmount(FIELD_NAMES.roomCosts, v, c)) ??
      notFound(FIELD_NAMES.roomCosts, KEYWORDS_SHOWN.roomCosts),
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
