import fc from "fast-check";
import { budgetOf, CompiledParameters, compileParameters, computeBudget, DEFAULT_PARAMETERS } from "../../src/core/budget";
import { centsString, Dec, toCents } from "../../src/core/decimal";
import { fixedToNumber } from "../../src/core/rulebook/exact";
import { defaultParameters, Parameters } from "../../src/core/standard";

// Single lines, read off the one evaluation of the rulebook.
const NONE = new Dec(0);
const linesOf = (e: number, fte: Dec, p: CompiledParameters) => budgetOf(e, fte, p.salaryPerFte, NONE, p);
const materialCostOf = (fte: Dec, p: CompiledParameters = DEFAULT_PARAMETERS) => linesOf(0, fte, p).materialCost;
const projectCostOf = (e: number, p: CompiledParameters = DEFAULT_PARAMETERS) => linesOf(e, p.minFte, p).projectCost;
const dispositionFundOf = (e: number, p: CompiledParameters = DEFAULT_PARAMETERS) => linesOf(e, p.minFte, p).dispositionFund;
const projectFundsOf = (e: number, fte: Dec, p: CompiledParameters = DEFAULT_PARAMETERS) => linesOf(e, fte, p).projectFunds;
const totalBudgetOf = (e: number, fte: Dec, salary: Dec, room: Dec, p: CompiledParameters) => budgetOf(e, fte, salary, room, p).total;

/**
 * Properties of the budget core, each over at least 1 000 generated cases. The reference is an
 * independent computation in integer cents with BigInt: it shares no code with the core.
 */
const RUNS = { numRuns: 1000 };

// --- the reference: exact decimals as BigInt mantissa × 10^-scale ---------------------------

interface Exact {
  m: bigint;
  scale: number;
}

/** Parses a plain decimal string ("12", "-0.5", "47250.55"); also what String(number) gives for our inputs. */
function exact(text: string): Exact {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a plain decimal: ${text}`);
  const [, sign, int, frac = ""] = match;
  const m = BigInt(int + frac);
  return { m: sign ? -m : m, scale: frac.length };
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const times = (a: Exact, b: Exact): Exact => ({ m: a.m * b.m, scale: a.scale + b.scale });
const rescale = (a: Exact, scale: number): bigint => a.m * pow10(scale - a.scale);
const compare = (a: Exact, b: Exact): number => {
  const scale = Math.max(a.scale, b.scale);
  const d = rescale(a, scale) - rescale(b, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** Rounds to whole cents, half away from zero (half-up for the non-negative amounts of a budget). */
function cents(a: Exact): bigint {
  if (a.scale <= 2) return a.m * pow10(2 - a.scale);
  const divisor = pow10(a.scale - 2);
  const magnitude = a.m < 0n ? -a.m : a.m;
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n);
  return a.m < 0n ? -rounded : rounded;
}

function centsText(c: bigint): string {
  const negative = c < 0n;
  const digits = (negative ? -c : c).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

interface ReferenceInput {
  residents: number;
  fte: string;
  salary: string;
  room: string;
  params: Parameters;
}

/** The standard's rules, written out once more in BigInt cents. */
function reference(x: ReferenceInput): Record<string, bigint> {
  const p = Object.fromEntries(Object.entries(x.params).map(([k, v]) => [k, exact(v)])) as Record<keyof Parameters, Exact>;
  const e = exact(String(x.residents));
  const fte = exact(x.fte);
  const staff = cents(times(fte, exact(x.salary)));
  const material = cents(times(fte, p.materialCostPerFte));
  const projectPerResident = times(e, p.projectCostPerResident);
  const project = cents(compare(projectPerResident, p.projectCostMinimum) < 0 ? p.projectCostMinimum : projectPerResident);
  const fundPerResident = times(e, p.dispositionFundPerResident);
  const minimumApplies = compare(e, p.dispositionFundMinimumBelowResidents) < 0 && compare(fundPerResident, p.dispositionFundMinimum) < 0;
  const fund = cents(minimumApplies ? p.dispositionFundMinimum : fundPerResident);
  const room = cents(exact(x.room));
  const projectFunds = material + project + fund;
  return { staff, material, project, fund, projectFunds, room, total: staff + projectFunds + room };
}

// --- generators ------------------------------------------------------------------------------

const residents = fc.integer({ min: 0, max: 10_000_000 });
/** Numbers with up to `decimals` decimals, as the number a cell holds. */
const decimalNumber = (max: number, decimals: number) =>
  fc.integer({ min: 0, max: max * 10 ** decimals }).map((n) => n / 10 ** decimals);
const fte = decimalNumber(100, 3);
const salary = decimalNumber(1_000_000, 2);
const roomCosts = decimalNumber(100_000_000, 3);

/** A decimal string with up to `decimals` decimals, for parameter sets a city might adopt. */
const decimalText = (max: number, decimals: number) =>
  fc.integer({ min: 0, max: max * 10 ** decimals }).map((n) => centsLike(n, decimals));
function centsLike(n: number, decimals: number): string {
  if (decimals === 0) return String(n);
  const digits = String(n).padStart(decimals + 1, "0");
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** Parameter sets around the standard's: rates with up to four decimals, any minimums and threshold. */
const parameters: fc.Arbitrary<Parameters> = fc.record({
  minFte: decimalText(5, 1),
  salaryPerFte: decimalText(100_000, 2),
  materialCostPerFte: decimalText(10_000, 3),
  // Negative rates make no sense in a budget, but the core must stay exact for them too.
  projectCostPerResident: fc.oneof(decimalText(5, 2), decimalText(5, 4), fc.constant("0"), fc.constant("-0.5")),
  projectCostMinimum: fc.oneof(decimalText(20_000, 2), decimalText(20_000, 3)),
  dispositionFundPerResident: fc.oneof(decimalText(2, 2), decimalText(2, 4), fc.constant("0")),
  dispositionFundMinimum: fc.oneof(decimalText(5_000, 2), decimalText(5_000, 3)),
  dispositionFundMinimumBelowResidents: fc.oneof(decimalText(20_000, 0), decimalText(20_000, 1)),
});

/** A parameter set and resident counts right at the points where its minimums stop applying. */
const parametersWithBreakpoints = parameters.chain((params) => {
  const breakpoints = [
    Number(params.projectCostMinimum) / Number(params.projectCostPerResident),
    Number(params.dispositionFundMinimum) / Number(params.dispositionFundPerResident),
    Number(params.dispositionFundMinimumBelowResidents),
  ].filter((b) => Number.isFinite(b) && b >= 0 && b <= 10_000_000);
  const near = breakpoints.length
    ? fc.tuple(fc.constantFrom(...breakpoints), fc.integer({ min: -2, max: 2 })).map(([b, d]) => Math.max(0, Math.round(b) + d))
    : residents;
  return fc.tuple(fc.constant(params), fc.oneof(near, residents));
});

// --- properties ------------------------------------------------------------------------------

describe("Budget-Kern: Eigenschaften", () => {
  test("every amount equals the independent integer-cents computation (the standard's figures)", () => {
    fc.assert(
      fc.property(residents, fte, fc.option(salary, { nil: undefined }), fc.option(roomCosts, { nil: undefined }), (e, v, s, r) => {
        const b = computeBudget({ residents: e, fte: v, salaryPerFte: s, roomCosts: r });
        const ref = reference({ residents: e, fte: String(v), salary: String(s ?? 45000), room: String(r ?? 0), params: defaultParameters() });
        expect(centsString(b.staffCost)).toBe(centsText(ref.staff));
        expect(centsString(b.materialCost)).toBe(centsText(ref.material));
        expect(centsString(b.projectCost)).toBe(centsText(ref.project));
        expect(centsString(b.dispositionFund)).toBe(centsText(ref.fund));
        expect(centsString(b.projectFunds)).toBe(centsText(ref.projectFunds));
        expect(centsString(b.roomCosts)).toBe(centsText(ref.room));
        expect(centsString(b.total)).toBe(centsText(ref.total));
      }),
      RUNS,
    );
  });

  test("every amount equals the integer-cents computation for other parameter sets too", () => {
    fc.assert(
      fc.property(parametersWithBreakpoints, fte, ([params, e], v) => {
        const p = compileParameters(params);
        const ref = reference({ residents: e, fte: String(v), salary: params.salaryPerFte, room: "0", params });
        const b = computeBudget({ residents: e, fte: v }, p);
        expect(centsString(b.staffCost)).toBe(centsText(ref.staff));
        expect(centsString(b.projectCost)).toBe(centsText(ref.project));
        expect(centsString(b.dispositionFund)).toBe(centsText(ref.fund));
        expect(centsString(b.projectFunds)).toBe(centsText(ref.projectFunds));
        expect(centsString(projectFundsOf(e, new Dec(v), p))).toBe(centsText(ref.projectFunds));
        expect(centsString(b.total)).toBe(centsText(ref.total));
        expect(centsString(totalBudgetOf(e, new Dec(v), new Dec(params.salaryPerFte), new Dec(0), p))).toBe(centsText(ref.total));
      }),
      RUNS,
    );
  });

  test("the per-resident lines and Projektmittel never decrease as residents grow", () => {
    fc.assert(
      fc.property(residents, residents, fte, (a, b, v) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const f = new Dec(v);
        expect(projectCostOf(low).lte(projectCostOf(high))).toBe(true);
        expect(dispositionFundOf(low).lte(dispositionFundOf(high))).toBe(true);
        expect(projectFundsOf(low, f).lte(projectFundsOf(high, f))).toBe(true);
        expect(computeBudget({ residents: low, fte: v }).total.lte(computeBudget({ residents: high, fte: v }).total)).toBe(true);
      }),
      RUNS,
    );
  });

  test("the minimums hold: Projektkosten ≥ 5 000; Verfügungsfonds ≥ 2 000 below 5 000 residents, else 0,50 × E", () => {
    fc.assert(
      fc.property(residents, (e) => {
        const project = projectCostOf(e);
        const fund = dispositionFundOf(e);
        expect(project.gte(5000)).toBe(true);
        expect(project.eq(Math.max(2 * e, 5000))).toBe(true);
        if (e < 5000) expect(fund.gte(2000)).toBe(true);
        else expect(fund.eq(new Dec(e).div(2))).toBe(true);
      }),
      RUNS,
    );
  });

  test("Projektmittel is exactly the sum of Sachkosten, Projektkosten and Verfügungsfonds", () => {
    fc.assert(
      fc.property(fc.option(parameters, { nil: undefined }), residents, fte, (params, e, v) => {
        const p: CompiledParameters = params ? compileParameters(params) : DEFAULT_PARAMETERS;
        const f = new Dec(v);
        const sum = materialCostOf(f, p).plus(projectCostOf(e, p)).plus(dispositionFundOf(e, p));
        expect(projectFundsOf(e, f, p).eq(sum)).toBe(true);
        const b = computeBudget({ residents: e, fte: v }, p);
        expect(b.projectFunds.eq(b.materialCost.plus(b.projectCost).plus(b.dispositionFund))).toBe(true);
      }),
      RUNS,
    );
  });

  test("Gesamtbudget is exactly Personalkosten + Projektmittel + Raumkosten", () => {
    fc.assert(
      fc.property(residents, fte, salary, fc.option(roomCosts, { nil: undefined }), (e, v, s, r) => {
        const b = computeBudget({ residents: e, fte: v, salaryPerFte: s, roomCosts: r });
        expect(b.total.eq(b.staffCost.plus(b.projectFunds).plus(b.roomCosts))).toBe(true);
        expect(totalBudgetOf(e, b.fte, b.salaryPerFte, b.roomCosts, DEFAULT_PARAMETERS).eq(b.total)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("Umwandlung in Zahlen und Cent-Rundung", () => {
  test("fixedToNumber gives the same double as parsing the decimal text, for whole cents (up to 2^53 cents and beyond)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), (c) => {
        const text = centsText(c);
        expect(Object.is(fixedToNumber({ m: c, s: 2 }), Number(text))).toBe(true);
      }),
      RUNS,
    );
  });

  test("fixedToNumber is exact for amounts with more decimals too", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }), (m, scale) => {
        const d = new Dec(m.toString()).div(new Dec(10).pow(scale));
        expect(Object.is(fixedToNumber({ m, s: scale }), d.toNumber())).toBe(true);
      }),
      RUNS,
    );
  });

  test("toCents rounds half-up to two decimals and leaves whole cents untouched", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }), (m, scale) => {
        const text = m.toString();
        const d = new Dec(text).div(new Dec(10).pow(scale));
        const rounded = toCents(d);
        expect(centsString(rounded)).toBe(centsText(cents({ m, scale })));
        if (scale <= 2) expect(rounded).toBe(d);
      }),
      RUNS,
    );
  });
});
