/**
 * Issue 11, item 3: a fresh template's Planansatz is `=<its Richtwert cell>`. Read from a file
 * nobody calculated (exceljs writes no cached values), such a cell is its Richtwert, which the
 * core computes; any other formula without a value stays `eingabe.formel_ohne_wert`.
 */
import { PLAN_NAMES, RICHTWERT_NAMES } from "../../src/core/names";
import { PLAN_LINE_KEYS } from "../../src/core/plan";
import { readWorkbookPlan } from "../../src/core/read/workbookPlan";
import { checkWorkbook } from "../../src/core/rules";
import { buildTemplate, cellsOfRange, richtwerteOf } from "../../src/core/template";
import { templateSnapshot, withCells } from "../fixtures/pruefen/snapshots";

const INPUT = {
  neighbourhoods: [{ name: "Süd", residents: 12345, fte: 2.5, roomCosts: 18000, salaryPerFte: 48000 }],
  firstYear: 2026,
  lastYear: 2028,
  tariffIncrease: "0.03",
};

function cellsOf(name: string): string[] {
  const { model } = buildTemplate(INPUT);
  const n = model.names.find((x) => x.name === name && x.sheet === "QM Süd")!;
  return cellsOfRange(n.address.replace(/\$/g, ""));
}

test("an untouched template without cached values is read as following its Richtwerte, every year, with the tariff increase", () => {
  const plan = readWorkbookPlan(templateSnapshot(INPUT));
  const expected = richtwerteOf(buildTemplate(INPUT).plan)[0];
  const south = plan.neighbourhoods[0];
  for (const key of PLAN_LINE_KEYS)
    south.lines[key].forEach((read, year) => {
      expect(read.ok).toBe(true);
      if (read.ok) expect([key, year, read.value.toFixed(2)]).toEqual([key, year, expected[year][key].toFixed(2)]);
    });
  const findings = checkWorkbook(templateSnapshot(INPUT)).neighbourhoods.flatMap((n) => n.findings.map((f) => f.regel));
  expect(findings).not.toContain("eingabe.formel_ohne_wert");
  expect(findings).not.toContain("personal.verguetung");
});

test("any other formula without a value stays formel_ohne_wert; a figure typed over the reference is judged as typed", () => {
  const [staff2026, staff2027] = cellsOf(PLAN_NAMES.staffCost);
  const richtwert = cellsOf(RICHTWERT_NAMES.staffCost);
  const snapshot = withCells(templateSnapshot(INPUT), "QM Süd", {
    // Another year's Richtwert, and a computation: not "follows its own Richtwert".
    [staff2026]: { kind: "formula", formula: richtwert[1] },
    [staff2027]: { kind: "formula", formula: `${richtwert[1]}*0.5` },
  });
  const problems = readWorkbookPlan(snapshot).neighbourhoods[0].lines.staffCost.map((r) => (r.ok ? "ok" : r.problem));
  expect(problems).toEqual(["formel_ohne_wert", "formel_ohne_wert", "ok"]);

  const typed = withCells(templateSnapshot(INPUT), "QM Süd", { [staff2026]: 90000 });
  const findings = checkWorkbook(typed).neighbourhoods[0].findings.filter((f) => f.regel === "personal.verguetung");
  expect(findings.map((f) => [f.jahr, f.zelle?.address])).toEqual([[2026, staff2026]]);
});

test("a sheet-qualified or absolute reference to the same Richtwert cell follows it too", () => {
  const [staff2026] = cellsOf(PLAN_NAMES.staffCost);
  const [richtwert2026] = cellsOf(RICHTWERT_NAMES.staffCost);
  const absolute = richtwert2026.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const snapshot = withCells(templateSnapshot(INPUT), "QM Süd", { [staff2026]: { kind: "formula", formula: `'QM Süd'!${absolute}` } });
  expect(readWorkbookPlan(snapshot).neighbourhoods[0].lines.staffCost[0].ok).toBe(true);
});
