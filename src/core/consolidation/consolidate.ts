/**
 * From the submitted workbooks of a budget round to one consolidated table: per Quartier and
 * plan year the planned lines, the Gesamtbudget, the Quartier's Richtwert (the rulebook's, via
 * `richtwertOfPlan`), the granted external funds and the shares of Bund, Land and Gemeinde of
 * what those funds leave (`shares.ts`, exact to the cent), with the check's findings beside.
 *
 * Files are added one by one (`add`), and only the consolidated figures are kept of each, so
 * memory stays that of one workbook whatever the number of files. Pure: the CLI reads the
 * files, the task pane its uploads; both hand the snapshots to the same `Consolidator`.
 */
import { compileParameters, CompiledParameters, plannedTotalOf } from "../budget";
import { Dec, toCents } from "../decimal";
import { FIELDS } from "../inputChecks";
import { CellRef, NeighbourhoodPlan, PLAN_LINE_KEYS, PlanLineKey, planColumns, ReadResult, WorkbookPlan, yearOf } from "../plan";
import { BUILT_IN_PROFILE, StandardProfile } from "../profile";
import { readWorkbookPlan } from "../read/workbookPlan";
import { richtwertOfPlan, tariffOfPlan } from "../richtwert";
import { lineRule } from "../rulebook/lines";
import { checkPlan, CheckOptions, NeighbourhoodResult, NO_PLAN } from "../rules";
import type { Finding } from "../rules";
import { SHEETS } from "../names";
import { cleanNeighbourhoodName, neighbourhoodNameKey } from "../template/neighbourhoodName";
import type { WorkbookSnapshot } from "../workbook";
import { ShareRatios, shareRatios, ShareSplit, splitByShares } from "./shares";

/**
 * What a figure of the comparison is made of and could not be read: a planned line, the
 * residents or the VbE (the Quartier-year is then left out of every sum), or — `sheet` — the
 * whole Quartier sheet (the Quartier is left out of every year).
 */
export type UnreadKey = PlanLineKey | "residents" | "fte" | "sheet";

/** An input the sums need and the workbook does not state readably (its `eingabe.*` finding says the same). */
export interface UnreadInput {
  key: UnreadKey;
  /** The reader's explanation ("Sachkosten 2026: Die Zelle … enthält den Text „viel“ statt einer Zahl."). */
  detail: string;
  detailEn: string;
  cell: CellRef | null;
}

/** One unreadable input of the consolidation, with where it is: one entry per input, whatever the years it concerns. */
export interface UnreadEntry extends UnreadInput {
  /** Position of the Quartier in `neighbourhoods`. */
  index: number;
  file: string;
  neighbourhood: string;
  /** The plan years it leaves incomplete (ascending; null: a column without a readable year, or the whole sheet). */
  years: Array<number | null>;
}

/**
 * German and English names of what could not be read: the rulebook's line names and the
 * inputs' field names (one wording for the sheets, the check and this).
 */
export const UNREAD_LABELS: Record<UnreadKey, { de: string; en: string }> = {
  ...(Object.fromEntries(PLAN_LINE_KEYS.map((key) => [key, { de: lineRule(key).de, en: lineRule(key).en }])) as Record<PlanLineKey, { de: string; en: string }>),
  residents: FIELDS.residents,
  fte: FIELDS.fte,
  sheet: { de: "Blatt", en: "sheet" },
};

/** The Quartier-years an unreadable input leaves out of the sums, shortly: "Nord 2026, 2027 (Sachkosten nicht lesbar)". */
export function unreadPlace(u: UnreadEntry): string {
  if (u.key === "sheet") return `${u.neighbourhood} (ganzes Blatt nicht lesbar)`;
  const years = u.years.filter((y): y is number => y !== null);
  return `${u.neighbourhood}${years.length > 0 ? ` ${years.join(", ")}` : ""} (${UNREAD_LABELS[u.key].de} nicht lesbar)`;
}

/** One plan year of one Quartier. `null`: the workbook does not say it readably (never taken as 0). */
export interface ConsolidatedYear {
  year: number | null;
  residents: number | null;
  fte: Dec | null;
  lines: Record<PlanLineKey, Dec | null>;
  /** The planned Gesamtbudget: the sum of the planned lines, to the cent; null when a line is unreadable. */
  total: Dec | null;
  /** The Quartier's Richtwert (Gesamtbudget) of the year under the profile's figures. */
  richtwertTotal: Dec | null;
  /** total − richtwertTotal: negative means the plan falls below the standard. */
  deviation: Dec | null;
  /** External funds granted for the year (0 when the sheet has no funding table). */
  grantedFunds: Dec;
  /** (total − grantedFunds) split by the profile's funding shares, exact to the cent. */
  shares: ShareSplit | null;
  /** total ÷ residents, to the cent. */
  perResident: Dec | null;
  /** The inputs of this year the sums need and could not be read; empty when the row is complete. */
  unread: UnreadInput[];
}

export interface ConsolidatedNeighbourhood {
  name: string;
  /** The file as the user named it. */
  file: string;
  sheet: string | null;
  provider: string | null;
  /** The check's findings (as `pruefen` reports them) and the consolidation's own hints. */
  violations: Finding[];
  hints: Finding[];
  years: ConsolidatedYear[];
  /** Set when the Quartier's sheet could not be read at all: none of its amounts is in the sums. */
  unreadSheet: UnreadInput | null;
}

export interface ConsolidationError {
  file: string;
  message: string;
}

export interface ShareSums {
  total: Dec;
  shares: ShareSplit;
  /**
   * How many rows these sums leave out: Quartier-years with an unreadable input, and each
   * Quartier whose sheet could not be read at all. The sums hold the complete rows only.
   */
  incomplete: number;
}

export interface Consolidation {
  standard: { name: string; version: string };
  /** The funding shares everything was split by, as the profile's exact texts. */
  shareTexts: StandardProfile["shares"];
  neighbourhoods: ConsolidatedNeighbourhood[];
  /** Sums of the rows: over everything, and per plan year (ascending; a row without a readable year under null, last). */
  sums: ShareSums & { years: Array<ShareSums & { year: number | null }> };
  /** Every input the sums need and could not be read, one entry per input (an empty list: the sums are complete). */
  unread: UnreadEntry[];
  errors: ConsolidationError[];
}

/** Rule ids of the consolidation's own hints (the check's are `eingabe.*`, `projektkosten.*` …). */
export const CONSOLIDATION_RULES = {
  duplicate: "vergleich.doppelt",
  grantedFunds: "vergleich.drittmittel",
} as const;

function hint(regel: string, quartier: string, jahr: number | null, de: string, en: string, zelle: Finding["zelle"] = null): Finding {
  return { regel, schwere: "hinweis", quartier, jahr, meldung: de, messageEn: en, soll: null, ist: null, zelle };
}

function valueOf<T>(read: ReadResult<T> | undefined): T | null {
  return read && read.ok ? read.value : null;
}

function zero(): ShareSplit {
  return { federal: new Dec(0), state: new Dec(0), municipal: new Dec(0) };
}

function addShares(a: ShareSplit, b: ShareSplit): ShareSplit {
  return { federal: a.federal.plus(b.federal), state: a.state.plus(b.state), municipal: a.municipal.plus(b.municipal) };
}

export interface ConsolidatorOptions extends Pick<CheckOptions, "salaryTolerancePercent"> {
  /** The standard to measure and split by; default the built-in Rahmenstandard (a third each). */
  profile?: StandardProfile;
}

export class Consolidator {
  private readonly profile: StandardProfile;
  private readonly params: CompiledParameters;
  private readonly ratios: ShareRatios;
  private readonly neighbourhoods: ConsolidatedNeighbourhood[] = [];
  private readonly errors: ConsolidationError[] = [];

  constructor(private readonly options: ConsolidatorOptions = {}) {
    this.profile = options.profile ?? BUILT_IN_PROFILE;
    this.params = compileParameters(this.profile.parameters);
    this.ratios = shareRatios(this.profile.shares);
  }

  /** A file that could not be read at all. */
  addError(file: string, message: string): void {
    this.errors.push({ file, message });
  }

  /** A read workbook: its Quartiere are consolidated, or the file is an error when it holds no plan. */
  addSnapshot(file: string, snapshot: WorkbookSnapshot): void {
    this.addPlan(file, readWorkbookPlan(snapshot));
  }

  addPlan(file: string, plan: WorkbookPlan): void {
    const result = checkPlan(plan, { profile: this.profile, salaryTolerancePercent: this.options.salaryTolerancePercent });
    const noPlan = result.neighbourhoods.find((n) => n.name === NO_PLAN);
    if (noPlan) {
      this.addError(file, noPlan.findings[0]?.meldung ?? NO_PLAN);
      return;
    }
    // Findings about the workbook's own Parameter sheet concern every Quartier planned with it.
    const workbookFindings = result.neighbourhoods.filter((n) => n.name === SHEETS.parameters && n.sheet === SHEETS.parameters).flatMap((n) => n.findings);
    const bySheet = new Map(plan.neighbourhoods.map((n) => [n.sheet, n]));
    const tariff = tariffOfPlan(plan);
    for (const r of result.neighbourhoods) {
      if (r.name === SHEETS.parameters && r.sheet === SHEETS.parameters) continue;
      const n = r.sheet === null ? undefined : bySheet.get(r.sheet);
      this.neighbourhoods.push(this.entry(file, r, n, tariff, workbookFindings));
    }
  }

  private entry(
    file: string,
    result: NeighbourhoodResult,
    plan: NeighbourhoodPlan | undefined,
    tariff: ReturnType<typeof tariffOfPlan>,
    workbookFindings: readonly Finding[],
  ): ConsolidatedNeighbourhood {
    const findings = [...workbookFindings, ...result.findings];
    const hints = findings.filter((f) => f.schwere === "hinweis");
    const unreadFunds: Array<{ year: number | null; read: Extract<ReadResult<Dec>, { ok: false }> }> = [];
    const years = plan ? Array.from({ length: planColumns(plan) }, (_, i) => this.year(plan, i, tariff, unreadFunds)) : [];
    if (plan && unreadFunds.length > 0) hints.push(unreadFundsHint(plan.name, unreadFunds));
    // A Quartier sheet neither reader could read is listed with its Verstoß; none of its amounts can count.
    const sheetFinding = result.findings[0];
    const unreadSheet: UnreadInput | null = plan
      ? null
      : { key: "sheet", detail: sheetFinding?.meldung ?? "", detailEn: sheetFinding?.messageEn ?? "", cell: null };
    return {
      name: result.name,
      file,
      sheet: result.sheet,
      provider: plan?.provider ?? null,
      violations: findings.filter((f) => f.schwere === "verstoss"),
      hints,
      years,
      unreadSheet,
    };
  }

  private year(
    n: NeighbourhoodPlan,
    column: number,
    tariff: ReturnType<typeof tariffOfPlan>,
    unreadFunds: Array<{ year: number | null; read: Extract<ReadResult<Dec>, { ok: false }> }>,
  ): ConsolidatedYear {
    const year = yearOf(n, column);
    const lines = {} as Record<PlanLineKey, Dec | null>;
    const unread: UnreadInput[] = [];
    const note = (key: UnreadKey, read: ReadResult<unknown> | undefined): void => {
      if (read && !read.ok) unread.push({ key, detail: read.detail, detailEn: read.detailEn, cell: read.cell ?? null });
    };
    note("residents", n.residents);
    note("fte", n.fte);
    for (const key of PLAN_LINE_KEYS) {
      const read = n.lines[key][column];
      note(key, read);
      const value = valueOf(read);
      lines[key] = value === null ? null : toCents(value);
    }
    // The planned Gesamtbudget by the rulebook's sums; unknown when any line is unreadable.
    const total = PLAN_LINE_KEYS.some((key) => lines[key] === null) ? null : plannedTotalOf(lines as Record<PlanLineKey, Dec>);
    const residents = valueOf(n.residents);
    const richtwertTotal = richtwertOfPlan(n, column, tariff, this.params)?.total ?? null;
    const granted = n.grantedFunds?.[column];
    // An unreadable sum (say, a formula no spreadsheet program has calculated yet) counts 0, and the Quartier says so.
    if (granted && !granted.ok) unreadFunds.push({ year, read: granted });
    const grantedFunds = granted?.ok ? toCents(granted.value) : new Dec(0);
    return {
      year,
      residents,
      fte: valueOf(n.fte),
      lines,
      total,
      richtwertTotal,
      deviation: total !== null && richtwertTotal !== null ? total.minus(richtwertTotal) : null,
      grantedFunds,
      shares: total === null ? null : splitByShares(total.minus(grantedFunds), this.ratios),
      perResident: total !== null && residents !== null && residents > 0 ? toCents(total.div(residents)) : null,
      unread,
    };
  }

  /** The consolidation of everything added; duplicates of a Quartier's name get a hint each. */
  finish(): Consolidation {
    markDuplicates(this.neighbourhoods);
    const perYear = new Map<number | null, ShareSums>();
    let total = new Dec(0);
    let shares = zero();
    // The sums hold the complete rows only: a Quartier-year with an unreadable input is left out
    // of every sum (its readable amounts too), so that each sum's figures — Gesamt, Richtwert,
    // Drittmittel, shares — are of the same rows. Each sum counts the rows it leaves out.
    let incomplete = 0;
    for (const n of this.neighbourhoods) {
      if (n.unreadSheet) incomplete++;
      for (const y of n.years) {
        const entry = perYear.get(y.year) ?? { total: new Dec(0), shares: zero(), incomplete: 0 };
        if (y.unread.length > 0 || y.total === null || y.shares === null) {
          incomplete++;
          perYear.set(y.year, { ...entry, incomplete: entry.incomplete + 1 });
          continue;
        }
        total = total.plus(y.total);
        shares = addShares(shares, y.shares);
        perYear.set(y.year, { total: entry.total.plus(y.total), shares: addShares(entry.shares, y.shares), incomplete: entry.incomplete });
      }
    }
    // A Quartier whose sheet could not be read is missing from every plan year's sum.
    const unreadSheets = this.neighbourhoods.filter((n) => n.unreadSheet).length;
    if (unreadSheets > 0) for (const [year, entry] of perYear) perYear.set(year, { ...entry, incomplete: entry.incomplete + unreadSheets });
    const years = [...perYear.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
      .map(([year, sums]) => ({ year, ...sums }));
    return {
      standard: { name: this.profile.name, version: this.profile.version },
      shareTexts: { ...this.profile.shares },
      neighbourhoods: this.neighbourhoods,
      sums: { total, shares, incomplete, years },
      unread: unreadEntries(this.neighbourhoods),
      errors: this.errors,
    };
  }
}

/** The unreadable inputs, one entry per input and cell: a residents cell read for every year is one entry naming all of them. */
function unreadEntries(neighbourhoods: readonly ConsolidatedNeighbourhood[]): UnreadEntry[] {
  const entries: UnreadEntry[] = [];
  neighbourhoods.forEach((n, index) => {
    const at = { index, file: n.file, neighbourhood: n.name };
    if (n.unreadSheet) entries.push({ ...n.unreadSheet, ...at, years: [] });
    const byInput = new Map<string, UnreadEntry>();
    for (const y of n.years)
      for (const u of y.unread) {
        const key = `${u.key}\u0000${u.cell ? `${u.cell.sheet}!${u.cell.address}` : u.detail}`;
        const seen = byInput.get(key);
        if (seen) {
          if (!seen.years.includes(y.year)) seen.years.push(y.year);
          continue;
        }
        const entry: UnreadEntry = { ...u, ...at, years: [y.year] };
        byInput.set(key, entry);
        entries.push(entry);
      }
  });
  for (const e of entries) e.years.sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return entries;
}

/** One hint for the granted funds a Quartier's sheet does not state readably, naming the years and the first cell. */
function unreadFundsHint(name: string, unread: Array<{ year: number | null; read: Extract<ReadResult<Dec>, { ok: false }> }>): Finding {
  const years = unread.map((u) => u.year).filter((y): y is number => y !== null);
  const which = years.length > 0 ? ` ${years.join(", ")}` : "";
  const first = unread[0].read;
  return hint(
    CONSOLIDATION_RULES.grantedFunds,
    name,
    unread.length === 1 ? unread[0].year : null,
    `${first.detail} Die bewilligten Drittmittel${which} sind daher als 0 € gerechnet (die Anteile von Bund, Land und Gemeinde teilen das ganze Gesamtbudget); die Mappe in Excel öffnen und speichern, damit die Summe einen Wert hat.`,
    `${first.detailEn} The granted external funds${which} are therefore counted as 0 € (the shares of Bund, Land and Gemeinde split the whole budget); open and save the workbook in Excel so that the sum has a value.`,
    first.cell ?? null,
  );
}

/** Both (all) entries of a name that several files — or sheets — submit stay; each says where the others are. */
function markDuplicates(entries: ConsolidatedNeighbourhood[]): void {
  const groups = new Map<string, ConsolidatedNeighbourhood[]>();
  for (const e of entries) {
    const key = neighbourhoodNameKey(cleanNeighbourhoodName(e.name));
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const e of group) {
      const others = group.filter((o) => o !== e).map((o) => `„${o.file}“${o.sheet ? ` (Blatt „${o.sheet}“)` : ""}`);
      const othersEn = group.filter((o) => o !== e).map((o) => `"${o.file}"${o.sheet ? ` (sheet "${o.sheet}")` : ""}`);
      e.hints.push(
        hint(
          CONSOLIDATION_RULES.duplicate,
          e.name,
          null,
          `Das Quartier „${e.name}“ ist mehrfach eingereicht, auch in ${others.join(", ")}; alle Einreichungen stehen im Vergleich und zählen in den Summen mit – bitte klären, welche gilt.`,
          `The Quartier "${e.name}" was submitted more than once, also in ${othersEn.join(", ")}; every submission is in the comparison and counts in the sums – please settle which one applies.`,
        ),
      );
    }
  }
}

/** Convenience for one call: consolidates snapshots (or read errors) in the order given. */
export function consolidate(
  submissions: Iterable<{ file: string; snapshot: WorkbookSnapshot } | { file: string; error: string }>,
  options: ConsolidatorOptions = {},
): Consolidation {
  const c = new Consolidator(options);
  for (const s of submissions) {
    if ("error" in s) c.addError(s.file, s.error);
    else c.addSnapshot(s.file, s.snapshot);
  }
  return c.finish();
}
