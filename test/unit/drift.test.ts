/**
 * "A test fails when any consumer computes a rule its own way." Every consumer of the
 * rulebook is held against the others:
 * (a) for 10⁴ random Quartiere (random figures, Basisjahr and Tarifsteigerung per batch) the
 *     QM.* functions, `budgetOf`, the template's Richtwert formulas as the simulated host's
 *     formula engine (HyperFormula) computes them, and the check's minimums read from that
 *     very workbook agree to the cent;
 * (b) the two drifts issue 8 found, as regressions;
 * (c) a scan of `src`: no formula text of a budget rule outside `src/core/rulebook`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { figuresArbitrary } from "../fixtures/arbitraries";
import { BUDGET_LINES, budgetOf, compileParameters, NO_ESCALATION, yearsAfterBase } from "../../src/core/budget";
import { centsString, Dec } from "../../src/core/decimal";
import { BASE_YEAR_NAME, INPUT_NAMES, parameterName, PLANNING_NAMES } from "../../src/core/names";
import { BUILT_IN_PROFILE } from "../../src/core/profile";
import { readWorkbookPlan } from "../../src/core/read/workbookPlan";
import { checkWorkbook } from "../../src/core/rules";
import type { LineKey } from "../../src/core/rulebook/expr";
import { MINIMUM_RULES_DATA } from "../../src/core/rulebook/lines";
import { defaultParameters, FIGURE_KEYS, Parameters } from "../../src/core/standard";
import { cellAddress } from "../../src/core/template/addresses";
import { comparisonCol, COMPARISON_FIRST_ROW } from "../../src/core/template/comparisonSheet";
import { BUDGET_ROWS, NeighbourhoodLayout } from "../../src/core/template/neighbourhoodLayout";
import { readWorkbookSnapshot } from "../../src/excel/readPlan";
import { createTemplate } from "../../src/excel/writeTemplate";
import * as registry from "../../src/functions/registry";
import { isFunctionError, QmFunction } from "../../src/functions/result";
import { updateRuntimeState } from "../../src/functions/state";
import { createSimulatedHost, SimulatedHost } from "../../src/preview/host";
import { computedAt, setContent } from "../../src/preview/host/model/cells";
import type { SheetModel } from "../../src/preview/host/model/sheet";
import { compareNeighbourhoods } from "../../src/taskpane/compare/comparison";

jest.setTimeout(120_000);

let host: SimulatedHost;
let restore: (() => void) | undefined;

function open(): void {
  host = createSimulatedHost({});
  restore = host.install(globalThis);
}

afterEach(() => {
  restore?.();
  restore = undefined;
  updateRuntimeState({ parameters: defaultParameters() });
});

const YEARS = [2026, 2027, 2028];
const layout = new NeighbourhoodLayout(YEARS.length);

/** A sheet of the simulated workbook. */
const sheetOf = (name: string): SheetModel => host.workbook.findSheet(name)!;

/** Where a defined name points (its first cell), sheet-scoped names looked up on `scope`. */
function namedCell(name: string, scope?: SheetModel): { sheet: SheetModel; row: number; col: number } {
  const item = host.workbook.findName(name, scope) ?? host.workbook.findName(name);
  const range = host.workbook.nameRange(item!)!;
  return { sheet: range.sheet, row: range.rect.row, col: range.rect.col };
}

/** Puts a constant into a cell as Excel would hold it (the model, below the protection a user meets). */
function put(at: { sheet: SheetModel; row: number; col: number }, value: number): void {
  setContent(host.workbook, at.sheet, at.row, at.col, { value });
}

/** A cell's computed value by A1 address. */
function valueAt(sheet: SheetModel, address: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0);
  return computedAt(host.workbook, sheet, Number(m[2]) - 1, col - 1);
}

const cents = (v: unknown): string => (typeof v === "number" ? centsString(new Dec(v)) : `kein Betrag: ${JSON.stringify(v)}`);

/** The workbook as the pane's reader sees it (two syncs), as a plan. */
async function readPlan() {
  const { snapshot } = await Excel.run((context) => readWorkbookSnapshot(context));
  return { snapshot, plan: readWorkbookPlan(snapshot) };
}

// ---- (a) 10⁴ random Quartiere -------------------------------------------------------------

const SEED = 8_2026;
const BATCHES = 10;
const QUARTIERE = 100;

const figuresArb = figuresArbitrary;

const batchArb = fc.record({
  parameters: figuresArb,
  baseYear: fc.integer({ min: 2023, max: 2031 }),
  tariffIncrease: fc.integer({ min: 0, max: 1000 }).map((bp) => new Dec(bp).div(10_000)),
  neighbourhoods: fc.array(
    fc.record({
      residents: fc.oneof(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 6_000 })),
      fte: fc.integer({ min: 0, max: 1200 }).map((n) => n / 100),
      salaryPerFte: fc.option(fc.integer({ min: 0, max: 9_500_000 }).map((n) => n / 100), { freq: 2 }),
      roomCosts: fc.integer({ min: 0, max: 8_000_000 }).map((n) => n / 100),
      /** Per minimum line and plan year: plan exactly the minimum (false) or a cent below (true). */
      below: fc.array(fc.boolean(), { minLength: 4 * YEARS.length, maxLength: 4 * YEARS.length }),
    }),
    { minLength: QUARTIERE, maxLength: QUARTIERE },
  ),
});

const inputArb = fc.record({
  residents: fc.oneof(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 6_000 })),
  fte: fc.integer({ min: 0, max: 1200 }).map((n) => n / 100),
  salaryPerFte: fc.option(fc.integer({ min: 0, max: 9_500_000 }).map((n) => n / 100), { freq: 2 }),
  roomCosts: fc.integer({ min: 0, max: 8_000_000 }).map((n) => n / 100),
});

/** What a QM.* function returns, as cents (its error as text). */
function fn(f: QmFunction, ...args: unknown[]): string {
  const r = f.impl(...args);
  return isFunctionError(r) ? `${r.error} ${r.message}` : centsString(new Dec(r));
}

describe(`(a) functions, core, the template's formulas and the check agree to the cent (seed ${SEED}, ${BATCHES} × ${QUARTIERE} Quartiere × ${YEARS.length} Jahre)`, () => {
  test("every Richtwert cell, every QM.* function and every minimum", async () => {
    open();
    const names = Array.from({ length: QUARTIERE }, (_, i) => ({ name: `Q${i + 1}`, residents: 1000 }));
    await createTemplate({ neighbourhoods: names, firstYear: YEARS[0], lastYear: YEARS[YEARS.length - 1] });
    const sheets = names.map((n) => sheetOf(`QM ${n.name}`));
    const minimumLines = MINIMUM_RULES_DATA.map((m) => m.line);

    const mismatches: string[] = [];
    const compared = { cells: 0, functions: 0, minimums: 0 };
    const batches = fc.sample(batchArb, { seed: SEED, numRuns: BATCHES });
    for (const [b, batch] of batches.entries()) {
      const p = compileParameters(batch.parameters);
      for (const key of FIGURE_KEYS) put(namedCell(parameterName(key)), Number(batch.parameters[key]));
      put(namedCell(BASE_YEAR_NAME), batch.baseYear);
      put(namedCell(PLANNING_NAMES.tariffIncrease), batch.tariffIncrease.toNumber());
      updateRuntimeState({ parameters: batch.parameters });

      /** The check's expected findings: "Quartier|Regel|Jahr" → Soll in cents. */
      const expectedFindings = new Map<string, string>();
      const expectedCells: Array<{ sheet: SheetModel; address: string; want: string; where: string }> = [];
      batch.neighbourhoods.forEach((n, k) => {
        const sheet = sheets[k];
        const salary = n.salaryPerFte ?? Number(batch.parameters.salaryPerFte);
        put(namedCell(INPUT_NAMES.residents, sheet), n.residents);
        put(namedCell(INPUT_NAMES.fte, sheet), n.fte);
        put(namedCell(INPUT_NAMES.salaryPerFte, sheet), salary);
        put(namedCell(INPUT_NAMES.roomCosts, sheet), n.roomCosts);
        const inputs = { residents: n.residents, fte: new Dec(n.fte), salaryPerFte: new Dec(salary), roomCosts: new Dec(n.roomCosts) };

        // The functions have no plan year: they compute the base year's budget.
        const base = budgetOf(inputs.residents, inputs.fte, inputs.salaryPerFte, inputs.roomCosts, p, NO_ESCALATION);
        const functions: Array<[LineKey, string]> = [
          ["staffCost", fn(registry.PERSONALKOSTEN, n.fte, salary)],
          ["materialCost", fn(registry.SACHKOSTEN, n.fte)],
          ["projectCost", fn(registry.PROJEKTKOSTEN, n.residents)],
          ["dispositionFund", fn(registry.VERFUEGUNGSFONDS, n.residents)],
          ["projectFunds", fn(registry.PROJEKTMITTEL, n.residents, n.fte)],
          ["total", fn(registry.GESAMTBUDGET, n.residents, n.fte, n.roomCosts, salary)],
        ];
        for (const [line, got] of functions) {
          if (got !== centsString(base[line])) mismatches.push(`Stapel ${b} Q${k + 1} QM-Funktion ${line}: ${got} ≠ ${centsString(base[line])}`);
          compared.functions++;
        }

        YEARS.forEach((year, j) => {
          const assumptions = { tariffIncrease: batch.tariffIncrease, yearsAfterBase: yearsAfterBase(year, batch.baseYear) };
          const richtwert = budgetOf(inputs.residents, inputs.fte, inputs.salaryPerFte, inputs.roomCosts, p, assumptions);
          // The check's staff minimum is the same rule with the standard's reference salary.
          const reference = budgetOf(inputs.residents, inputs.fte, p.salaryPerFte, inputs.roomCosts, p, assumptions);
          minimumLines.forEach((line, m) => {
            const minimum = reference[line];
            const below = n.below[m * YEARS.length + j] && minimum.gte("0.01");
            put({ sheet, row: BUDGET_ROWS[line] - 1, col: layout.planCol(j) - 1 }, minimum.minus(below ? "0.01" : 0).toNumber());
            if (below) expectedFindings.set(`Q${k + 1}|${MINIMUM_RULES_DATA[m].id}|${year}`, centsString(minimum));
          });
          for (const line of BUDGET_LINES)
            expectedCells.push({ sheet, address: cellAddress(BUDGET_ROWS[line.key], layout.richtwertCol(j)), want: centsString(richtwert[line.key]), where: `Q${k + 1} ${line.de} ${year}` });
        });
      });
      // Read after all writes: the engine recalculates once per batch, not once per Quartier.
      for (const c of expectedCells) {
        const got = cents(valueAt(c.sheet, c.address));
        if (got !== c.want) mismatches.push(`Stapel ${b} ${c.where} (Basisjahr ${batch.baseYear}): Blatt ${got} ≠ Kern ${c.want}`);
        compared.cells++;
      }

      // The check reads this very workbook through the pane's reader and measures against the same figures.
      const { snapshot } = await Excel.run((context) => readWorkbookSnapshot(context));
      const result = checkWorkbook(snapshot, { profile: { ...BUILT_IN_PROFILE, parameters: batch.parameters } });
      const ids = new Set(MINIMUM_RULES_DATA.map((m) => m.id));
      const found = new Map<string, string>();
      for (const q of result.neighbourhoods)
        for (const f of q.findings)
          if (ids.has(f.regel) && f.soll?.kind === "eur") found.set(`${f.quartier}|${f.regel}|${f.jahr}`, centsString(f.soll.amount));
      for (const [key, soll] of expectedFindings)
        if (found.get(key) !== soll) mismatches.push(`Stapel ${b} ${key}: Prüfung ${found.get(key) ?? "kein Verstoß"} ≠ Soll ${soll}`);
      for (const key of found.keys()) if (!expectedFindings.has(key)) mismatches.push(`Stapel ${b} ${key}: Verstoß, obwohl genau das Minimum geplant ist`);
      compared.minimums += minimumLines.length * YEARS.length * QUARTIERE;

      if (mismatches.length > 20) break;
    }
    if (mismatches.length > 0) throw new Error(`fast-check seed ${SEED}: ${mismatches.length} Abweichungen\n${mismatches.slice(0, 20).join("\n")}`);
    expect(compared).toEqual({
      cells: BATCHES * QUARTIERE * YEARS.length * BUDGET_LINES.length,
      functions: BATCHES * QUARTIERE * 6,
      minimums: BATCHES * QUARTIERE * YEARS.length * 4,
    });
  });
});

describe(`(a) the QM.* functions and the core on 10⁴ random inputs with random figures (seed ${SEED})`, () => {
  test("every function, every input, to the cent", () => {
    const cases = fc.sample(fc.tuple(figuresArb, inputArb), { seed: SEED + 1, numRuns: 10_000 });
    const mismatches: string[] = [];
    let last: Parameters | undefined;
    for (const [i, [parameters, n]] of cases.entries()) {
      // A new set of figures every 10 inputs: the functions must take each.
      if (i % 10 === 0 || !last) updateRuntimeState({ parameters: (last = parameters) });
      const p = compileParameters(last);
      const salary = n.salaryPerFte ?? Number(last.salaryPerFte);
      const want = budgetOf(n.residents, new Dec(n.fte), new Dec(salary), new Dec(n.roomCosts), p);
      const got: Array<[LineKey, string]> = [
        ["staffCost", fn(registry.PERSONALKOSTEN, n.fte, n.salaryPerFte ?? null)],
        ["materialCost", fn(registry.SACHKOSTEN, n.fte)],
        ["projectCost", fn(registry.PROJEKTKOSTEN, n.residents)],
        ["dispositionFund", fn(registry.VERFUEGUNGSFONDS, n.residents)],
        ["projectFunds", fn(registry.PROJEKTMITTEL, n.residents, n.fte)],
        ["total", fn(registry.GESAMTBUDGET, n.residents, n.fte, n.roomCosts, n.salaryPerFte ?? null)],
      ];
      for (const [line, value] of got) if (value !== centsString(want[line])) mismatches.push(`Fall ${i} ${line}: ${value} ≠ ${centsString(want[line])}`);
    }
    if (mismatches.length > 0) throw new Error(`fast-check seed ${SEED + 1}: ${mismatches.length} Abweichungen\n${mismatches.slice(0, 20).join("\n")}`);
    expect(cases).toHaveLength(10_000);
  });
});

// ---- (b) the drifts issue 8 found --------------------------------------------------------

describe("(b) the drifts of issue 8 stay fixed", () => {
  test("Basisjahr 2027, Tarifsteigerung 3 %: a plan at the sheet's Richtwert for 2026 has Abweichung 0 and no personal.verguetung Verstoß", async () => {
    open();
    await createTemplate({ neighbourhoods: [{ name: "Nord", residents: 8000, fte: 2 }], firstYear: 2026, lastYear: 2028, tariffIncrease: "0.03" });
    // The user sets the Basisjahr on the Parameter sheet, as a person types it.
    const base = namedCell(BASE_YEAR_NAME);
    expect(host.workbook.setCellFromUser(base.sheet.name, cellAddress(base.row + 1, base.col + 1), "2027")).toEqual({ ok: true });
    const sheet = sheetOf("QM Nord");
    const staff = (col: number) => cellAddress(BUDGET_ROWS.staffCost, col);
    // Never deflated: 2026 keeps the Basisjahr's salary, 2028 has one year of increase.
    expect(YEARS.map((_, j) => valueAt(sheet, staff(layout.richtwertCol(j))))).toEqual([90000, 90000, 92700]);
    // Plan exactly the sheet's Richtwert in every year.
    YEARS.forEach((_, j) => put({ sheet, row: BUDGET_ROWS.staffCost - 1, col: layout.planCol(j) - 1 }, valueAt(sheet, staff(layout.richtwertCol(j))) as number));
    expect(YEARS.map((_, j) => valueAt(sheet, staff(layout.deviationCol(j))))).toEqual([0, 0, 0]);
    const { snapshot, plan } = await readPlan();
    expect(plan.baseYear).toMatchObject({ ok: true, value: 2027 });
    const findings = checkWorkbook(snapshot).neighbourhoods.flatMap((q) => q.findings);
    expect(findings.filter((f) => f.regel === "personal.verguetung")).toEqual([]);
    // A cent less in 2026 is a Verstoß measured against that same Richtwert.
    put({ sheet, row: BUDGET_ROWS.staffCost - 1, col: layout.planCol(0) - 1 }, 89999.99);
    const again = checkWorkbook((await readPlan()).snapshot).neighbourhoods.flatMap((q) => q.findings);
    expect(again.filter((f) => f.regel === "personal.verguetung").map((f) => [f.jahr, f.soll])).toEqual([[2026, { kind: "eur", amount: new Dec(90000) }]]);
  });

  test("Gehalt_je_VbE 50.000 €: the Vergleich tab's deviation equals the Vergleich sheet's (0 untouched, and after changes)", async () => {
    open();
    await createTemplate({
      neighbourhoods: [
        { name: "Nord", residents: 8000, fte: 2, salaryPerFte: 50000 },
        { name: "Süd", residents: 3000 },
      ],
      firstYear: 2026,
      lastYear: 2028,
      tariffIncrease: "0.03",
    });
    const vergleich = sheetOf("Vergleich");
    const sheetDeviation = (k: number) => cents(valueAt(vergleich, cellAddress(COMPARISON_FIRST_ROW + k, comparisonCol("deviation"))));
    const tabDeviation = async () => compareNeighbourhoods((await readPlan()).plan, defaultParameters()).map((e) => (e.deviation ? centsString(e.deviation) : "keine"));

    expect(await tabDeviation()).toEqual(["0.00", "0.00"]);
    expect([sheetDeviation(0), sheetDeviation(1)]).toEqual(["0.00", "0.00"]);

    // A Basisjahr before the plan years raises the 2026 Richtwert; a changed Planansatz moves the plan.
    const base = namedCell(BASE_YEAR_NAME);
    expect(host.workbook.setCellFromUser(base.sheet.name, cellAddress(base.row + 1, base.col + 1), "2025")).toEqual({ ok: true });
    put({ sheet: sheetOf("QM Süd"), row: BUDGET_ROWS.projectCost - 1, col: layout.planCol(0) - 1 }, 7000);
    const tab = await tabDeviation();
    // Untouched Planansätze follow their Richtwert (Nord: 0); Süd's typed 7.000 € Projektkosten lie 1.000 € above its 6.000 €.
    expect(tab).toEqual(["0.00", "1000.00"]);
    expect([sheetDeviation(0), sheetDeviation(1)]).toEqual(tab);
  });
});

// ---- (c) no hand-written copy of a rule in src ------------------------------------------

const SRC = path.join(__dirname, "..", "..", "src");
const RULEBOOK = path.join(SRC, "core", "rulebook");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return full === RULEBOOK ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry) ? [full] : [];
  });
}

/** The defined names a budget rule reads: the figures, the Quartier's inputs, the planning assumptions. */
const RULE_NAMES = [
  ...FIGURE_KEYS.map(parameterName),
  INPUT_NAMES.residents,
  INPUT_NAMES.fte,
  INPUT_NAMES.salaryPerFte,
  INPUT_NAMES.roomCosts,
  PLANNING_NAMES.tariffIncrease,
  BASE_YEAR_NAME,
];
const FIGURE_PROPERTIES = FIGURE_KEYS.filter((k) => k !== "minFte").join("|");

/** The same names as a template literal reaches them: `${parameterName("…")}`, `${INPUT_NAMES.fte}` … */
const INTERPOLATED_NAME = /\$\{\s*(parameterName\(|INPUT_NAMES\.(residents|fte|salaryPerFte|roomCosts)|PLANNING_NAMES\.tariffIncrease|BASE_YEAR_NAME)/;
const NAME = new RegExp(`\\b(${RULE_NAMES.join("|")})\\b`);
/** What makes a text a formula of a rule: arithmetic or one of the functions the rules use. */
const FORMULA_PART = /[*^]|\b(MAX|MIN|ROUND|IF)\(/;
/** Decimal arithmetic or Math.max on a figure of the standard (`p.materialCostPerFte.mul(…)`, `.mul(p.projectCostMinimum)`). */
const FIGURE_ARITHMETIC = new RegExp(
  `\\.(${FIGURE_PROPERTIES})\\b\\s*\\.(mul|times|plus|minus|div)\\(|\\.(mul|times)\\([^)]*\\.(${FIGURE_PROPERTIES})\\b|Math\\.max\\([^)]*\\.(${FIGURE_PROPERTIES})\\b`,
);
const STRING_LITERAL = /`(?:[^`\\]|\\[\s\S])*`|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g;

/** The places where `text` writes a budget rule by hand, as "line: snippet". */
function handWrittenRules(source: string): string[] {
  // Comments may show a formula as an example; blanked (newlines kept, so line numbers stay).
  const text = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const hits: string[] = [];
  const lineOf = (index: number) => text.slice(0, index).split("\n").length;
  for (const m of text.matchAll(STRING_LITERAL)) {
    const literal = m[0];
    if ((NAME.test(literal) || INTERPOLATED_NAME.test(literal)) && FORMULA_PART.test(literal.replace(/\$\{[^}]*\}/g, (x) => (INTERPOLATED_NAME.test(x) ? x : ""))))
      hits.push(`${lineOf(m.index)}: ${literal.slice(0, 120)}`);
  }
  for (const m of text.matchAll(new RegExp(FIGURE_ARITHMETIC, "g"))) hits.push(`${lineOf(m.index)}: ${m[0]}`);
  return hits;
}

describe("(c) outside src/core/rulebook nothing in src writes a budget rule by hand", () => {
  test("the scan finds a re-added copy (formula text, decimal arithmetic on a figure)", () => {
    const copies = [
      'const f = "MAX(Einwohner*Projektkosten_je_Einwohner,Projektkosten_Mindestbetrag)";',
      "cell.formula = `ROUND(${INPUT_NAMES.fte}*${parameterName(\"materialCostPerFte\")},2)`;",
      "const x = `=ROUND(VbE*Gehalt_je_VbE*(1+Tarifsteigerung)^(C$20-Basisjahr),2)`;",
      "const staff = fte.mul(p.salaryPerFte);",
      "const min = p.projectCostMinimum.times(2);",
      "const vf = Math.max(residents * p.dispositionFundPerResident, 0);",
    ];
    for (const copy of copies) expect([copy, handWrittenRules(copy).length]).toEqual([copy, 1]);
    // Words and names alone are no rule.
    expect(handWrittenRules('const label = "Projektkosten je Einwohner"; const n = INPUT_NAMES.fte; const t = `${p.x} VbE`;')).toEqual([]);
  });

  test("no file under src (but the rulebook) holds one", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => handWrittenRules(readFileSync(f, "utf8")).map((hit) => `${path.relative(SRC, f)}:${hit}`));
    expect(found).toEqual([]);
  });
});
