/**
 * The Basisjahr decision, proved by LibreOffice: for random figures, Basisjahr (before, inside
 * and after the plan years) and Tarifsteigerung, the CLI writer's templates are recalculated by
 * LibreOffice and every Richtwert and Abweichung cell is compared with the core to the cent.
 * All workbooks go through one soffice run. The same files carry the Richtwert cells' input
 * messages; they are read back from LibreOffice's own save.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { decimalText, figuresArbitrary } from "../fixtures/arbitraries";
import JSZip from "jszip";
import { BUDGET_LINES, compileParameters, yearsAfterBase } from "../../src/core/budget";
import { centsString, Dec } from "../../src/core/decimal";
import { lineNote } from "../../src/core/rulebook/explain";
import { BASE_YEAR_NAME } from "../../src/core/names";
import { Parameters } from "../../src/core/standard";
import { buildWorkbookModel, richtwertOf, TemplatePlan, validateTemplateInput, WorkbookModel } from "../../src/core/template";
import { cellAddress } from "../../src/core/template/addresses";
import { BUDGET_ROWS, NeighbourhoodLayout } from "../../src/core/template/neighbourhoodLayout";
import { writeWorkbook } from "../../src/cli/xlsx/writeWorkbook";
import { promptsOfWorkbook, setCellValue, sheetParts } from "./sheetXml";
import { Computed, readComputed, recalculate, removeScratchFolders, scratchFolder } from "./soffice";

afterAll(removeScratchFolders);
jest.setTimeout(180_000);

const SEED = 20260801;
const RUNS = 8;

const figures = figuresArbitrary;

const neighbourhood = fc.record({
  // Near the thresholds as often as far from them.
  residents: fc.oneof(fc.integer({ min: 0, max: 250_000 }), fc.integer({ min: 2_400, max: 5_100 })),
  fte: decimalText(12),
  salaryPerFte: decimalText(95_000),
  roomCosts: decimalText(80_000),
});

interface Case {
  parameters: Parameters;
  firstYear: number;
  yearCount: number;
  /** Basisjahr relative to the first plan year: up to 3 years before the first to 3 after the last. */
  baseOffset: number;
  /** Tarifsteigerung in hundredths of a percent (0–10 %). */
  tariffBasisPoints: number;
  neighbourhoods: Array<{ residents: number; fte: string; salaryPerFte: string; roomCosts: string }>;
}

const caseArb = fc
  .record({
    parameters: figures,
    firstYear: fc.integer({ min: 2024, max: 2032 }),
    yearCount: fc.integer({ min: 1, max: 5 }),
    baseOffsetRaw: fc.integer({ min: 0, max: 1000 }),
    tariffBasisPoints: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0, 300, 1000)),
    neighbourhoods: fc.array(neighbourhood, { minLength: 2, maxLength: 4 }),
  })
  .map(({ baseOffsetRaw: raw, ...c }) => ({ ...c, raw }));

/** Case `i` puts its Basisjahr before (i % 3 = 0), inside (1) or after (2) the plan years. */
function placeBaseYear({ raw, ...c }: Omit<Case, "baseOffset"> & { raw: number }, i: number): Case {
  const offsets = [-1 - (raw % 3), raw % c.yearCount, c.yearCount + (raw % 3)];
  return { ...c, baseOffset: offsets[i % 3] };
}

interface Built {
  plan: TemplatePlan;
  model: WorkbookModel;
  baseYear: number;
  file: string;
}

async function build(c: Case, i: number, folder: string): Promise<Built> {
  const plan = validateTemplateInput({
    // As the CLI's CSV reader hands them over: numbers (two decimals are exact as doubles).
    neighbourhoods: c.neighbourhoods.map((n, k) => ({
      name: `Q${i}-${k}`,
      residents: n.residents,
      fte: Number(n.fte),
      salaryPerFte: Number(n.salaryPerFte),
      roomCosts: Number(n.roomCosts),
    })),
    firstYear: c.firstYear,
    lastYear: c.firstYear + c.yearCount - 1,
    tariffIncrease: new Dec(c.tariffBasisPoints).div(10_000).toFixed(),
    parameters: c.parameters,
  });
  const model = buildWorkbookModel(plan);
  const baseYear = c.firstYear + c.baseOffset;
  // The template writes Basisjahr = first plan year; a city may set another one before it plans.
  const zip = await JSZip.loadAsync(await writeWorkbook(model));
  const name = model.names.find((n) => n.name === BASE_YEAR_NAME)!;
  const part = (await sheetParts(zip)).get(name.sheet)!;
  zip.file(part, setCellValue(await zip.file(part)!.async("string"), name.address.replace(/\$/g, ""), String(baseYear)));
  const file = path.join(folder, `zufall-${i}.xlsx`);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return { plan, model, baseYear, file };
}

const cents = (v: Computed): string => (typeof v === "number" ? centsString(new Dec(v)) : `kein Betrag: ${String(v)}`);

describe(`LibreOffice recalculates random templates to the core's figures (fast-check seed ${SEED}, ${RUNS} workbooks)`, () => {
  let cases: Case[];
  let built: Built[];
  let recalculated: string[];

  beforeAll(async () => {
    cases = fc.sample(caseArb, { seed: SEED, numRuns: RUNS }).map(placeBaseYear);
    const folder = scratchFolder("lo-property");
    built = await Promise.all(cases.map((c, i) => build(c, i, folder)));
    recalculated = await recalculate(built.map((b) => b.file));
  });

  test("the cases cover a Basisjahr before, inside and after the plan years", () => {
    const where = built.map(({ plan, baseYear }) =>
      baseYear < plan.years[0] ? "before" : baseYear > plan.years[plan.years.length - 1] ? "after" : "inside",
    );
    expect(new Set(where)).toEqual(new Set(["before", "inside", "after"]));
  });

  test("every Richtwert and Abweichung cell equals the core with max(0, J − Basisjahr) years of increase", async () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (const [i, { plan, model, baseYear }] of built.entries()) {
      const values = await readComputed(recalculated[i]);
      const p = compileParameters(plan.parameters);
      const layout = new NeighbourhoodLayout(plan.years.length);
      plan.neighbourhoods.forEach((n, k) => {
        const sheetName = model.sheets[k + 1].name;
        const sheet = values.get(sheetName)!;
        plan.years.forEach((year, j) => {
          const want = richtwertOf(n, { tariffIncrease: plan.tariffIncrease, yearsAfterBase: yearsAfterBase(year, baseYear) }, p);
          for (const line of BUDGET_LINES) {
            const row = BUDGET_ROWS[line.key];
            const where = `Mappe ${i} ${sheetName} ${line.de} ${year} (Basisjahr ${baseYear})`;
            const richtwert = cents(sheet.get(cellAddress(row, layout.richtwertCol(j))));
            const deviation = cents(sheet.get(cellAddress(row, layout.deviationCol(j))));
            if (richtwert !== centsString(want[line.key])) mismatches.push(`${where}: Richtwert ${richtwert} ≠ ${centsString(want[line.key])}`);
            // An untouched Planansatz follows its Richtwert (it is `=<Richtwert cell>`), whatever the Basisjahr.
            const wantDeviation = "0.00";
            if (deviation !== wantDeviation) mismatches.push(`${where}: Abweichung ${deviation} ≠ ${wantDeviation}`);
            compared += 2;
          }
        });
      });
    }
    if (mismatches.length > 0) throw new Error(`fast-check seed ${SEED}: ${mismatches.length} Abweichungen\n${mismatches.slice(0, 20).join("\n")}`);
    const expected = built.reduce((sum, b) => sum + b.plan.neighbourhoods.length * b.plan.years.length * BUDGET_LINES.length * 2, 0);
    expect(compared).toBe(expected);
  });

  test("the Richtwert cells' input messages survive LibreOffice: the rulebook's note with each workbook's figures", async () => {
    for (const [i, { plan, model }] of built.entries()) {
      const layout = new NeighbourhoodLayout(plan.years.length);
      for (const [label, bytes] of [
        ["exceljs", readFileSync(built[i].file)],
        ["LibreOffice", readFileSync(recalculated[i])],
      ] as const) {
        const prompts = await promptsOfWorkbook(bytes);
        model.sheets
          .filter((s) => s.role === "neighbourhood")
          .forEach((s) => {
            const sheet = prompts.get(s.name)!;
            for (const line of BUDGET_LINES)
              plan.years.forEach((_, j) => {
                const address = cellAddress(BUDGET_ROWS[line.key], layout.richtwertCol(j));
                const want = { title: `Richtwert ${line.de}`, message: lineNote(line.key, plan.parameters, "de", { tariffIncrease: plan.tariffIncrease }) };
                expect([label, s.name, address, sheet.get(address)]).toEqual([label, s.name, address, want]);
              });
            // Only the Richtwert cells carry a message.
            expect([label, s.name, sheet.size]).toEqual([label, s.name, BUDGET_LINES.length * plan.years.length]);
          });
      }
    }
  });
});
