import { BUDGET_LINES, budgetOf, computeBudget, DEFAULT_PARAMETERS, plannedTotalOf } from "../../src/core/budget";
import { centsString, Dec } from "../../src/core/decimal";

// Single lines, read off the one evaluation of the rulebook.
const ZERO = new Dec(0);
const p0 = DEFAULT_PARAMETERS;
const staffCostOf = (fte: Dec, salary: Dec) => budgetOf(0, fte, salary, ZERO, p0).staffCost;
const materialCostOf = (fte: Dec) => budgetOf(0, fte, p0.salaryPerFte, ZERO, p0).materialCost;
const projectCostOf = (e: number) => budgetOf(e, p0.minFte, p0.salaryPerFte, ZERO, p0).projectCost;
const dispositionFundOf = (e: number) => budgetOf(e, p0.minFte, p0.salaryPerFte, ZERO, p0).dispositionFund;
const projectFundsOf = (e: number, fte: Dec) => budgetOf(e, fte, p0.salaryPerFte, ZERO, p0).projectFunds;
import { InputErrorKind, QmInputError } from "../../src/core/errors";

/**
 * Budget boundaries, every expected figure worked out by hand from the standard's rules:
 *   Personalkosten = VbE × Gehalt (45 000)      Sachkosten = VbE × 3 500
 *   Projektkosten  = max(2 × E, 5 000)          Verfügungsfonds = 0,50 × E, mindestens 2 000 wenn E < 5 000
 *   Projektmittel  = Sach + Projekt + VF        Gesamtbudget = Personal + Projektmittel + Raum
 */
interface Row {
  residents: number;
  fte?: number;
  salaryPerFte?: number;
  roomCosts?: number;
  staff: string;
  material: string;
  project: string;
  fund: string;
  projectFunds: string;
  room: string;
  total: string;
}

// VbE 2 (the default): Personalkosten 90 000, Sachkosten 7 000.
const RESIDENT_BOUNDARIES: Row[] = [
  { residents: 0, staff: "90000.00", material: "7000.00", project: "5000.00", fund: "2000.00", projectFunds: "14000.00", room: "0.00", total: "104000.00" },
  // 2 × 2 499 = 4 998 < 5 000; 0,5 × 2 499 = 1 249,50 < 2 000
  { residents: 2499, staff: "90000.00", material: "7000.00", project: "5000.00", fund: "2000.00", projectFunds: "14000.00", room: "0.00", total: "104000.00" },
  // 2 × 2 500 = 5 000 exactly
  { residents: 2500, staff: "90000.00", material: "7000.00", project: "5000.00", fund: "2000.00", projectFunds: "14000.00", room: "0.00", total: "104000.00" },
  { residents: 2501, staff: "90000.00", material: "7000.00", project: "5002.00", fund: "2000.00", projectFunds: "14002.00", room: "0.00", total: "104002.00" },
  // 0,5 × 3 999 = 1 999,50 < 2 000
  { residents: 3999, staff: "90000.00", material: "7000.00", project: "7998.00", fund: "2000.00", projectFunds: "16998.00", room: "0.00", total: "106998.00" },
  // 0,5 × 4 000 = 2 000 exactly
  { residents: 4000, staff: "90000.00", material: "7000.00", project: "8000.00", fund: "2000.00", projectFunds: "17000.00", room: "0.00", total: "107000.00" },
  { residents: 4001, staff: "90000.00", material: "7000.00", project: "8002.00", fund: "2000.50", projectFunds: "17002.50", room: "0.00", total: "107002.50" },
  { residents: 4999, staff: "90000.00", material: "7000.00", project: "9998.00", fund: "2499.50", projectFunds: "19497.50", room: "0.00", total: "109497.50" },
  // From 5 000 residents on the minimum no longer applies (it would not bind anyway).
  { residents: 5000, staff: "90000.00", material: "7000.00", project: "10000.00", fund: "2500.00", projectFunds: "19500.00", room: "0.00", total: "109500.00" },
  // 7 000 + 2 469 134 + 617 283,50 = 3 093 417,50
  { residents: 1234567, staff: "90000.00", material: "7000.00", project: "2469134.00", fund: "617283.50", projectFunds: "3093417.50", room: "0.00", total: "3183417.50" },
  { residents: 10000000, staff: "90000.00", material: "7000.00", project: "20000000.00", fund: "5000000.00", projectFunds: "25007000.00", room: "0.00", total: "25097000.00" },
];

// E = 12 345: Projektkosten 24 690, Verfügungsfonds 6 172,50.
const FTE_CASES: Row[] = [
  { residents: 12345, fte: 0, staff: "0.00", material: "0.00", project: "24690.00", fund: "6172.50", projectFunds: "30862.50", room: "0.00", total: "30862.50" },
  { residents: 12345, fte: 1.5, staff: "67500.00", material: "5250.00", project: "24690.00", fund: "6172.50", projectFunds: "36112.50", room: "0.00", total: "103612.50" },
  { residents: 12345, fte: 2, staff: "90000.00", material: "7000.00", project: "24690.00", fund: "6172.50", projectFunds: "37862.50", room: "0.00", total: "127862.50" },
  { residents: 12345, fte: 2.5, staff: "112500.00", material: "8750.00", project: "24690.00", fund: "6172.50", projectFunds: "39612.50", room: "0.00", total: "152112.50" },
];

const CENT_CASES: Row[] = [
  // 2,5 × 47 250,55 = 118 126,375 → 118 126,38 (half-up); 118 126,38 + 39 612,50 + 18 000,50 = 175 739,38
  { residents: 12345, fte: 2.5, salaryPerFte: 47250.55, roomCosts: 18000.5, staff: "118126.38", material: "8750.00", project: "24690.00", fund: "6172.50", projectFunds: "39612.50", room: "18000.50", total: "175739.38" },
  // 1,5 × 40 000,01 = 60 000,015 → 60 000,02; Raum 12 345,675 → 12 345,68; 0,5 × 3 000 = 1 500 → 2 000
  { residents: 3000, fte: 1.5, salaryPerFte: 40000.01, roomCosts: 12345.675, staff: "60000.02", material: "5250.00", project: "6000.00", fund: "2000.00", projectFunds: "13250.00", room: "12345.68", total: "85595.70" },
  // 0,75 × 33 333,33 = 24 999,9975 → 25 000,00; 0,75 × 3 500 = 2 625
  { residents: 5000, fte: 0.75, salaryPerFte: 33333.33, roomCosts: 0.004, staff: "25000.00", material: "2625.00", project: "10000.00", fund: "2500.00", projectFunds: "15125.00", room: "0.00", total: "40125.00" },
  // 0,33 × 45 000 = 14 850; 0,33 × 3 500 = 1 155; Raum 0,005 → 0,01
  { residents: 4001, fte: 0.33, roomCosts: 0.005, staff: "14850.00", material: "1155.00", project: "8002.00", fund: "2000.50", projectFunds: "11157.50", room: "0.01", total: "26007.51" },
  // VbE 100 and 10 000 000 residents: the largest valid input.
  { residents: 10000000, fte: 100, salaryPerFte: 1000000, roomCosts: 100000000, staff: "100000000.00", material: "350000.00", project: "20000000.00", fund: "5000000.00", projectFunds: "25350000.00", room: "100000000.00", total: "225350000.00" },
];

function describeRow(r: Row): string {
  return `E=${r.residents} VbE=${r.fte ?? "–"} Gehalt=${r.salaryPerFte ?? "–"} Raum=${r.roomCosts ?? "–"}`;
}

describe.each([
  ["Einwohner-Grenzen", RESIDENT_BOUNDARIES],
  ["VbE", FTE_CASES],
  ["Gehalt und Raumkosten mit Cent", CENT_CASES],
])("Budget: %s", (_title, rows) => {
  test.each(rows.map((r) => [describeRow(r), r] as const))("%s", (_name, r) => {
    const b = computeBudget({ residents: r.residents, fte: r.fte, salaryPerFte: r.salaryPerFte, roomCosts: r.roomCosts });
    expect({
      staff: centsString(b.staffCost),
      material: centsString(b.materialCost),
      project: centsString(b.projectCost),
      fund: centsString(b.dispositionFund),
      projectFunds: centsString(b.projectFunds),
      room: centsString(b.roomCosts),
      total: centsString(b.total),
    }).toEqual({
      staff: r.staff,
      material: r.material,
      project: r.project,
      fund: r.fund,
      projectFunds: r.projectFunds,
      room: r.room,
      total: r.total,
    });
    // Every amount is whole cents, exactly.
    for (const line of BUDGET_LINES) expect(b[line.key].decimalPlaces()).toBeLessThanOrEqual(2);

    // The single-line functions the custom functions call give the same figures.
    const fte = new Dec(r.fte ?? 2);
    expect(centsString(staffCostOf(fte, new Dec(r.salaryPerFte ?? 45000)))).toBe(r.staff);
    expect(centsString(materialCostOf(fte))).toBe(r.material);
    expect(centsString(projectCostOf(r.residents))).toBe(r.project);
    expect(centsString(dispositionFundOf(r.residents))).toBe(r.fund);
    expect(centsString(projectFundsOf(r.residents, fte))).toBe(r.projectFunds);
  });
});

describe("Budget: Eingaben", () => {
  test("Defaults: VbE 2 and the standard's salary; the inputs are kept in the result", () => {
    const b = computeBudget({ residents: 12345 });
    expect(b.residents).toBe(12345);
    expect(b.fte.toString()).toBe("2");
    expect(b.salaryPerFte.toString()).toBe("45000");
    expect(centsString(b.roomCosts)).toBe("0.00");
    expect(centsString(b.projectFunds)).toBe("37862.50");
  });

  test("null counts as omitted (an empty optional cell)", () => {
    const b = computeBudget({ residents: 100, fte: null as unknown as undefined, roomCosts: null as unknown as undefined });
    expect(b.fte.toString()).toBe("2");
    expect(centsString(b.total)).toBe("104000.00");
  });

  test("the largest valid values pass; one step further fails", () => {
    expect(() => computeBudget({ residents: 10_000_000, fte: 100, salaryPerFte: 1_000_000, roomCosts: 100_000_000 })).not.toThrow();
    expect(() => computeBudget({ residents: 10_000_001 })).toThrow(QmInputError);
    expect(() => computeBudget({ residents: 1, fte: 100.01 })).toThrow(QmInputError);
  });

  const ERRORS: [string, Record<string, unknown>, InputErrorKind, string, string][] = [
    ["negative Einwohner", { residents: -1 }, "range", "Einwohner", "Einwohner: darf nicht negativ sein (-1)."],
    ["gebrochene Einwohner", { residents: 2.5 }, "range", "Einwohner", "Einwohner: muss eine ganze Zahl sein (2,5)."],
    [
      "zu viele Einwohner",
      { residents: 10_000_001 },
      "range",
      "Einwohner",
      "Einwohner: 10.000.001 ist unplausibel groß (höchstens 10.000.000).",
    ],
    ["Einwohner NaN", { residents: NaN }, "range", "Einwohner", "Einwohner: keine endliche Zahl."],
    ["Einwohner unendlich", { residents: Infinity }, "range", "Einwohner", "Einwohner: keine endliche Zahl."],
    [
      "Einwohner als Text",
      { residents: "12345" },
      "type",
      "Einwohner",
      "Einwohner muss eine Zahl sein, Sie haben den Text „12345“ angegeben.",
    ],
    [
      "Einwohner als Wahrheitswert",
      { residents: true },
      "type",
      "Einwohner",
      "Einwohner muss eine Zahl sein, Sie haben den Wahrheitswert WAHR angegeben.",
    ],
    ["Einwohner leer", { residents: null }, "type", "Einwohner", "Einwohner muss eine Zahl sein, Sie haben eine leere Zelle angegeben."],
    // Numbers are shown as given, never rounded onto the limit; huge or tiny ones compactly.
    ["Einwohner knapp gebrochen", { residents: 2.0004 }, "range", "Einwohner", "Einwohner: muss eine ganze Zahl sein (2,0004)."],
    ["Einwohner winzig gebrochen", { residents: 1e-7 }, "range", "Einwohner", "Einwohner: muss eine ganze Zahl sein (1e-7)."],
    [
      "Einwohner absurd groß",
      { residents: 1e300 },
      "range",
      "Einwohner",
      "Einwohner: 1e+300 ist unplausibel groß (höchstens 10.000.000).",
    ],
    ["Einwohner absurd negativ", { residents: -2.5e300 }, "range", "Einwohner", "Einwohner: darf nicht negativ sein (-2,5e+300)."],
    ["VbE knapp zu viele", { residents: 1, fte: 100.0001 }, "range", "VbE", "VbE: 100,0001 ist unplausibel groß (höchstens 100)."],
    [
      "Gehalt knapp zu hoch",
      { residents: 1, salaryPerFte: 1_000_000.005 },
      "range",
      "Gehalt je VbE",
      "Gehalt je VbE: 1.000.000,005 ist unplausibel groß (höchstens 1.000.000).",
    ],
    ["Raumkosten knapp negativ", { residents: 1, roomCosts: -1e-9 }, "range", "Raumkosten", "Raumkosten: darf nicht negativ sein (-1e-9)."],
    [
      "Raumkosten mit vielen Stellen",
      { residents: 1, roomCosts: 123_456_789_012_345.67 },
      "range",
      "Raumkosten",
      "Raumkosten: 123.456.789.012.345,67 ist unplausibel groß (höchstens 100.000.000).",
    ],
    ["Raumkosten ab 10^15 kompakt", { residents: 1, roomCosts: 2e15 }, "range", "Raumkosten", "Raumkosten: 2e+15 ist unplausibel groß (höchstens 100.000.000)."],
    ["negative VbE", { residents: 1, fte: -0.5 }, "range", "VbE", "VbE: darf nicht negativ sein (-0,5)."],
    ["zu viele VbE", { residents: 1, fte: 100.5 }, "range", "VbE", "VbE: 100,5 ist unplausibel groß (höchstens 100)."],
    ["VbE als Text", { residents: 1, fte: "2,5" }, "type", "VbE", "VbE muss eine Zahl sein, Sie haben den Text „2,5“ angegeben."],
    ["negatives Gehalt", { residents: 1, salaryPerFte: -1 }, "range", "Gehalt je VbE", "Gehalt je VbE: darf nicht negativ sein (-1)."],
    [
      "zu hohes Gehalt",
      { residents: 1, salaryPerFte: 1_000_001 },
      "range",
      "Gehalt je VbE",
      "Gehalt je VbE: 1.000.001 ist unplausibel groß (höchstens 1.000.000).",
    ],
    ["negative Raumkosten", { residents: 1, roomCosts: -0.01 }, "range", "Raumkosten", "Raumkosten: darf nicht negativ sein (-0,01)."],
    [
      "Raumkosten als Wahrheitswert",
      { residents: 1, roomCosts: false },
      "type",
      "Raumkosten",
      "Raumkosten muss eine Zahl sein, Sie haben den Wahrheitswert FALSCH angegeben.",
    ],
  ];

  test.each(ERRORS)("%s", (_name, input, kind, field, message) => {
    let thrown: unknown;
    try {
      computeBudget(input as never);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(QmInputError);
    const error = thrown as QmInputError;
    expect(error.kind).toBe(kind);
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
    expect(error.messageEn.length).toBeGreaterThan(0);
  });
});

describe("plannedTotalOf: a plan's own lines added by the rulebook's sums", () => {
  test("Gesamtbudget = Personalkosten + (Sachkosten + Projektkosten + Verfügungsfonds) + Raumkosten, exactly", () => {
    const d = (v: string) => new Dec(v);
    expect(plannedTotalOf({ staffCost: d("90000"), materialCost: d("7000.5"), projectCost: d("16000"), dispositionFund: d("4000.25"), roomCosts: d("0.01") }).toFixed(2)).toBe("117000.76");
  });
});
