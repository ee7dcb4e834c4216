import { BUDGET_LINES } from "../../src/core/budget";
import { centsString, Dec } from "../../src/core/decimal";
import {
  FUNDING_NAMES,
  hoursName,
  INPUT_NAMES,
  PROVIDER_NAME,
  measuresName,
  parameterName,
  PLAN_NAMES,
  PLAN_YEARS_NAME,
  PLANNING_NAMES,
  RICHTWERT_NAMES,
  YES_NO_NAMES,
  BASE_YEAR_NAME,
} from "../../src/core/names";
import { FIGURE_KEYS, RAHMENSTANDARD } from "../../src/core/standard";
import {
  buildTemplate,
  cellsOfRange,
  comparisonTable,
  NUMBER_FORMATS,
  parseCellAddress,
  richtwerteOf,
  WorkbookModel,
  SheetModel,
  CellModel,
} from "../../src/core/template";

const TODAY = new Date("2026-03-15T12:00:00Z");

function build(tariffIncrease?: string) {
  return buildTemplate(
    {
      neighbourhoods: [
        { name: "Nord", residents: 4000 },
        { name: "Süd", residents: 12345, fte: 2.5, roomCosts: 18000, salaryPerFte: 48000 },
      ],
      tariffIncrease,
    },
    { today: TODAY },
  );
}

function sheet(model: WorkbookModel, name: string): SheetModel {
  const s = model.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function cellAt(s: SheetModel, address: string): CellModel {
  const c = s.cells.find((x) => x.address === address);
  if (!c) throw new Error(`no cell ${address} on ${s.name}`);
  return c;
}

/** The cell a (single-cell) defined name points to. */
function named(model: WorkbookModel, name: string, sheetName?: string): CellModel {
  const n = model.names.find((x) => x.name === name && (sheetName === undefined ? x.scope === "workbook" : x.sheet === sheetName));
  if (!n) throw new Error(`no name ${name} (${sheetName ?? "workbook"})`);
  return cellAt(sheet(model, n.sheet), n.address.replace(/\$/g, "").split(":")[0]);
}

describe("template model: sheets and the name contract", () => {
  const { model } = build();

  test("sheets: Parameter, one per Quartier, Vergleich", () => {
    expect(model.sheets.map((s) => s.name)).toEqual(["Parameter", "QM Nord", "QM Süd", "Vergleich"]);
    expect(model.renamed).toEqual([]);
  });

  test("default plan years: the current year and the two after it", () => {
    const years = model.names.find((n) => n.name === PLAN_YEARS_NAME && n.sheet === "QM Nord")!;
    const cells = cellsOfRange(years.address.replace(/\$/g, ""));
    expect(cells.map((a) => cellAt(sheet(model, "QM Nord"), a).value)).toEqual([2026, 2027, 2028]);
  });

  test("every figure of the standard is a workbook-wide name on Parameter holding its value", () => {
    for (const key of FIGURE_KEYS) {
      const c = named(model, parameterName(key));
      expect(c.value).toBe(Number(RAHMENSTANDARD.figures[key].value));
      expect(c.locked).toBe(false);
    }
    expect(named(model, PLANNING_NAMES.tariffIncrease).value).toBe(0);
    expect(named(model, BASE_YEAR_NAME).value).toBe(2026);
    for (const share of [PLANNING_NAMES.shareFederal, PLANNING_NAMES.shareState, PLANNING_NAMES.shareMunicipal])
      expect(named(model, share).value).toBeCloseTo(1 / 3, 15);
    expect(named(model, PLANNING_NAMES.standardVersion).value).toBe(RAHMENSTANDARD.version);
  });

  test("each Quartier sheet carries the sheet-scoped contract names", () => {
    const single = [
      ...Object.values(INPUT_NAMES),
      PROVIDER_NAME,
      ...Object.values(YES_NO_NAMES),
      ...RAHMENSTANDARD.focusAreas.flatMap((a) => [measuresName(a.id), hoursName(a.id)]),
    ];
    const rows = [PLAN_YEARS_NAME, ...Object.values(PLAN_NAMES), ...Object.values(RICHTWERT_NAMES), ...Object.values(FUNDING_NAMES)];
    for (const s of ["QM Nord", "QM Süd"]) {
      const scoped = model.names.filter((n) => n.sheet === s);
      expect(scoped.every((n) => n.scope === "sheet")).toBe(true);
      expect(scoped.map((n) => n.name).sort()).toEqual([...single, ...rows].sort());
      for (const name of single) expect(scoped.find((n) => n.name === name)!.address).toMatch(/^\$[A-Z]+\$\d+$/);
      for (const name of rows) expect(cellsOfRange(scoped.find((n) => n.name === name)!.address.replace(/\$/g, ""))).toHaveLength(3);
    }
    expect(named(model, INPUT_NAMES.residents, "QM Süd").value).toBe(12345);
    expect(named(model, INPUT_NAMES.fte, "QM Süd").value).toBe(2.5);
    expect(named(model, INPUT_NAMES.neighbourhood, "QM Nord").value).toBe("Nord");
  });

  test("yes/no cells hold „nein“ and offer a ja/nein dropdown", () => {
    const s = sheet(model, "QM Nord");
    const validated = s.validations.flatMap((v) => cellsOfRange(v.range).map((a) => ({ a, values: v.values })));
    for (const name of Object.values(YES_NO_NAMES)) {
      const c = named(model, name, "QM Nord");
      expect(c.value).toBe("nein");
      expect(c.locked).toBe(false);
      expect(validated.find((v) => v.a === c.address)?.values).toEqual(["ja", "nein"]);
    }
  });

  test("Richtwerte are formulas over the names, read like the standard", () => {
    const s = sheet(model, "QM Nord");
    const first = (name: string) => {
      const n = model.names.find((x) => x.name === name && x.sheet === "QM Nord")!;
      return cellAt(s, n.address.replace(/\$/g, "").split(":")[0]);
    };
    expect(first(RICHTWERT_NAMES.projectCost).formula).toBe(
      "ROUND(MAX(Einwohner*Projektkosten_je_Einwohner,Projektkosten_Mindestbetrag),2)",
    );
    expect(first(RICHTWERT_NAMES.materialCost).formula).toBe("ROUND(VbE*Sachkosten_je_VbE,2)");
    expect(first(RICHTWERT_NAMES.dispositionFund).formula).toBe(
      "ROUND(IF(Einwohner<Verfuegungsfonds_Schwelle_Einwohner,MAX(Einwohner*Verfuegungsfonds_je_Einwohner,Verfuegungsfonds_Mindestbetrag),Einwohner*Verfuegungsfonds_je_Einwohner),2)",
    );
    expect(first(RICHTWERT_NAMES.staffCost).formula).toBe("ROUND(VbE*Gehalt_je_VbE*(1+Tarifsteigerung)^MAX(0,B$22-Basisjahr),2)");
    expect(first(RICHTWERT_NAMES.staffCost).numberFormat).toBe('#,##0.00 "€"');
    expect(first(RICHTWERT_NAMES.staffCost).locked).toBe(true);
  });

  test("every name a formula uses is defined for its sheet", () => {
    const workbookNames = new Set(model.names.filter((n) => n.scope === "workbook").map((n) => n.name));
    for (const s of model.sheets) {
      const local = new Set(model.names.filter((n) => n.sheet === s.name && n.scope === "sheet").map((n) => n.name));
      for (const c of s.cells.filter((x) => x.formula)) {
        const stripped = c.formula!.replace(/'(?:[^']|'')*'![$A-Z0-9]+/g, "").replace(/"[^"]*"/g, "");
        const identifiers = stripped.match(/[A-Za-z_][A-Za-z0-9_]*(?![A-Za-z0-9_(])/g) ?? [];
        for (const id of identifiers) {
          if (/^\$?[A-Z]{1,3}\$?\d+$/.test(id) || /^[A-Z]{1,3}$/.test(id)) continue; // cell references (B$22 splits into B, 22)
          expect({ sheet: s.name, cell: c.address, id, defined: local.has(id) || workbookNames.has(id) }).toEqual({
            sheet: s.name,
            cell: c.address,
            id,
            defined: true,
          });
        }
      }
    }
  });

  test("Planansätze are inputs that follow their Richtwert: a plain reference to the Richtwert cell of the same line and year", () => {
    for (const [key, name] of Object.entries(PLAN_NAMES) as Array<[keyof typeof PLAN_NAMES, string]>) {
      const plan = cellsOfRange(model.names.find((x) => x.name === name && x.sheet === "QM Süd")!.address.replace(/\$/g, ""));
      const richtwert = cellsOfRange(model.names.find((x) => x.name === RICHTWERT_NAMES[key] && x.sheet === "QM Süd")!.address.replace(/\$/g, ""));
      plan.forEach((a, year) => {
        const c = cellAt(sheet(model, "QM Süd"), a);
        // Until the provider types a figure of their own over it; then a later Tarifsteigerung no longer moves it.
        expect(c.formula).toBe(richtwert[year]);
        expect(c.value).toBeUndefined();
        expect(c.locked).toBe(false);
        expect(c.style).toBe("input");
      });
    }
  });

  test("a plan below the Richtwert is highlighted by a conditional format over the Planansatz block", () => {
    const s = sheet(model, "QM Nord");
    const planStaff = model.names.find((x) => x.name === PLAN_NAMES.staffCost && x.sheet === "QM Nord")!.address.replace(/\$/g, "");
    const topLeft = planStaff.split(":")[0];
    const cf = s.conditionalFormats.find((f) => cellsOfRange(f.range).includes(topLeft));
    expect(cf?.formula).toBe(`${topLeft}<B${parseCellAddress(topLeft).row}`);
    expect(cf?.style).toBe("belowStandard");
    expect(s.protect).toBe(true);
  });

  test("euro cells use a format that a German Excel shows as 12.345,67 €", () => {
    expect(NUMBER_FORMATS.euro).toBe('#,##0.00 "€"');
    const s = sheet(model, "Vergleich");
    const euroColumns = ["C", "F", "G", "H", "I", "J", "K", "L", "O", "P"];
    for (const col of euroColumns) expect([col, cellAt(s, `${col}5`).numberFormat]).toEqual([col, NUMBER_FORMATS.euro]);
  });
});

describe("template model: tariff increase and the Vergleich", () => {
  test("the tariff raises the Personalkosten Richtwert of later years, rounded once", () => {
    const { model } = build("0.025");
    const { plan } = build("0.025");
    // The figures the Richtwert cells compute (the drift tests recalculate the formulas against them).
    const values = richtwerteOf(plan)[1].map((year) => year.staffCost.toNumber());
    // 2,5 × 48.000 = 120.000; × 1,025 = 123.000; × 1,025² = 126.075
    expect(values).toEqual([120000, 123000, 126075]);
    expect(named(model, PLANNING_NAMES.tariffIncrease).value).toBe(0.025);
  });

  test("comparison table: rows per year and Quartier, sums per year and over all years", () => {
    const { plan } = build("0.025");
    const rows = comparisonTable(plan);
    expect(rows.map((r) => r.kind)).toEqual([
      ...["neighbourhood", "neighbourhood", "yearTotal"],
      ...["neighbourhood", "neighbourhood", "yearTotal"],
      ...["neighbourhood", "neighbourhood", "yearTotal"],
      "grandTotal",
    ]);
    const cents = (v: unknown): string => centsString(new Dec(v as Dec));
    const nord = rows[0].values;
    // 4 000 Einwohner: Projektkosten 8 000, Verfügungsfonds 2 000 (minimum below 5 000)
    expect(cents(nord.projectCost)).toBe("8000.00");
    expect(cents(nord.dispositionFund)).toBe("2000.00");
    expect(cents(nord.total)).toBe("107000.00");
    expect(cents(nord.perResident)).toBe("26.75");
    expect(cents(nord.municipalShare)).toBe("35666.67");
    const sum2027 = rows[5].values;
    // Nord 2027: 92 250 + 17 000; Süd 2027: 123 000 + 8 750 + 24 690 + 6 172,50 + 18 000
    expect(cents(sum2027.total)).toBe("289862.50");
    const grand = rows[rows.length - 1].values;
    expect(grand.residents).toBeUndefined();
    expect(cents(grand.total)).toBe(cents([2, 5, 8].reduce((acc, i) => acc.plus(rows[i].values.total as Dec), new Dec(0))));
    for (const l of BUDGET_LINES) expect(rows[2].values[l.key]).toBeDefined();
  });
});
