import {
  GESAMTBUDGET,
  JE_EINWOHNER,
  PARAMETER,
  PERSONALKOSTEN,
  PROJEKTKOSTEN,
  PROJEKTMITTEL,
  SACHKOSTEN,
  VERFUEGUNGSFONDS,
} from "../src/functions/registry";
import { QmFunction } from "../src/functions/result";
import { findFigure, RAHMENSTANDARD } from "../src/core/standard";
import { formatNumber } from "../src/core/format";
import { LIMITS } from "../src/core/inputChecks";
import { fixed, printTable } from "./report";

/**
 * Budget section: every QM.* function exactly as Excel calls it (raw cell values in,
 * validation, the rulebook's evaluation, a number out) beside an integer-cent implementation
 * of the same rule written by hand for the standard's figures — the fastest an exact
 * implementation can reasonably be — in the same run. The ratio is the figure to watch.
 */

const EVALUATIONS = 200_000;
const RUNS = 5;
const TARGET_RATIO = 3;

interface Inputs {
  residents: number[];
  fte: (number | null)[];
  /** VbE where the function requires them. */
  fteGiven: number[];
  roomCosts: (number | null)[];
  salary: (number | null)[];
  amount: number[];
  names: string[];
}

/** Deterministic pseudo-random inputs (mulberry32), so every run measures the same work. */
function makeInputs(n: number): Inputs {
  let seed = 0x5eed;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const names = Object.values(RAHMENSTANDARD.figures).flatMap((f) => [f.name, f.definedName]);
  const inputs: Inputs = { residents: [], fte: [], fteGiven: [], roomCosts: [], salary: [], amount: [], names: [] };
  for (let i = 0; i < n; i++) {
    // Small Quartiere (where the minimums apply) as often as large ones.
    inputs.residents.push(1 + (random() < 0.5 ? Math.floor(random() * 6000) : Math.floor(random() * 60_000)));
    inputs.fte.push(pick([null, 0, 1, 1.5, 2, 2.25, 2.5, 3, 3.75, 4]));
    inputs.fteGiven.push(pick([0, 1, 1.5, 2, 2.25, 2.5, 3, 3.75, 4]));
    inputs.roomCosts.push(pick([null, 0, 12_000, 18_000.5, 23_456.78]));
    inputs.salary.push(pick([null, 45_000, 47_250.5, 52_123.45]));
    inputs.amount.push(Math.floor(random() * 10_000_000) / 100);
    inputs.names.push(pick(names));
  }
  return inputs;
}

/** The same rules in integer cents, for the standard's figures, with the same input checks. */
const intCents = (() => {
  const figure = (key: keyof typeof RAHMENSTANDARD.figures): number => Number(RAHMENSTANDARD.figures[key].value);
  const minFte4 = figure("minFte") * 1e4;
  const salaryCents = figure("salaryPerFte") * 100;
  const materialCents = figure("materialCostPerFte") * 100;
  const projectRateCents = figure("projectCostPerResident") * 100;
  const projectMinCents = figure("projectCostMinimum") * 100;
  const fundRateCents = figure("dispositionFundPerResident") * 100;
  const fundMinCents = figure("dispositionFundMinimum") * 100;
  const fundThreshold = figure("dispositionFundMinimumBelowResidents");
  const residents = (e: unknown): number => {
    if (typeof e !== "number" || !Number.isInteger(e) || e < 0 || e > LIMITS.residentsMax) throw new Error("Einwohner");
    return e;
  };
  /** A non-negative amount in units of 10^−scale (VbE in 1/10 000, euros in cents). */
  const scaled = (x: unknown, fallback: number, scale: number, max: number): number => {
    if (x === null) return fallback;
    if (typeof x !== "number" || !Number.isFinite(x) || x < 0 || x > max) throw new Error("Betrag");
    return Math.round(x * scale);
  };
  const fte4 = (x: unknown): number => scaled(x, minFte4, 1e4, LIMITS.fteMax);
  /** x / 10^4 to whole cents, half-up. */
  const round4 = (x: number): number => Math.floor((x + 5000) / 10000);
  const project = (e: number): number => Math.max(e * projectRateCents, projectMinCents);
  const fund = (e: number): number => (e < fundThreshold ? Math.max(e * fundRateCents, fundMinCents) : e * fundRateCents);
  const funds = (e: number, f: number): number => round4(f * materialCents) + project(e) + fund(e);
  return {
    PERSONALKOSTEN: (f: unknown, s: unknown) => round4(fte4(f) * scaled(s, salaryCents, 100, LIMITS.salaryMax)) / 100,
    SACHKOSTEN: (f: unknown) => round4(fte4(f) * materialCents) / 100,
    PROJEKTKOSTEN: (e: unknown) => project(residents(e)) / 100,
    VERFUEGUNGSFONDS: (e: unknown) => fund(residents(e)) / 100,
    PROJEKTMITTEL: (e: unknown, f: unknown) => funds(residents(e), fte4(f)) / 100,
    GESAMTBUDGET: (e: unknown, f: unknown, r: unknown, s: unknown) => {
      const n = residents(e);
      const v = fte4(f);
      return (round4(v * scaled(s, salaryCents, 100, LIMITS.salaryMax)) + funds(n, v) + scaled(r, 0, 100, LIMITS.roomCostsMax)) / 100;
    },
    PARAMETER: (name: unknown) => {
      if (typeof name !== "string") throw new Error("Name");
      const f = findFigure(name);
      if (!f) throw new Error("Name");
      return Number(f.value);
    },
    JE_EINWOHNER: (a: unknown, e: unknown) => {
      const n = residents(e);
      if (typeof a !== "number" || !Number.isFinite(a)) throw new Error("Betrag");
      const c = Math.round(a * 100);
      return Math.floor((2 * c + n) / (2 * n)) / 100;
    },
  };
})();

type Pass = (x: Inputs) => number;
type Field = Exclude<keyof Inputs, never>;

/**
 * One timed pass over all inputs; returns the sum of the results (which also keeps the work
 * from being optimised away). Each case gets a loop of its own, generated with its call
 * written out (`f(x.residents[i], x.fte[i])`), so every call site stays monomorphic and no
 * argument array is built: the figures measure the evaluation, not the harness.
 */
function pass(fn: (...args: never[]) => unknown, fields: readonly Field[]): Pass {
  const call = `f(${fields.map((f) => `x.${f}[i]`).join(", ")})`;
  return new Function("f", "N", `return (x) => { let s = 0; for (let i = 0; i < N; i++) s += ${call}; return s; };`)(fn, EVALUATIONS) as Pass;
}

const CASES: readonly { fn: QmFunction; baseline: (...args: never[]) => number; fields: readonly Field[] }[] = [
  { fn: PERSONALKOSTEN, baseline: intCents.PERSONALKOSTEN, fields: ["fteGiven", "salary"] },
  { fn: SACHKOSTEN, baseline: intCents.SACHKOSTEN, fields: ["fteGiven"] },
  { fn: PROJEKTKOSTEN, baseline: intCents.PROJEKTKOSTEN, fields: ["residents"] },
  { fn: VERFUEGUNGSFONDS, baseline: intCents.VERFUEGUNGSFONDS, fields: ["residents"] },
  { fn: PROJEKTMITTEL, baseline: intCents.PROJEKTMITTEL, fields: ["residents", "fte"] },
  { fn: GESAMTBUDGET, baseline: intCents.GESAMTBUDGET, fields: ["residents", "fte", "roomCosts", "salary"] },
  { fn: PARAMETER, baseline: intCents.PARAMETER, fields: ["names"] },
  { fn: JE_EINWOHNER, baseline: intCents.JE_EINWOHNER, fields: ["amount", "residents"] },
];

const WARM_UP_PASSES = 2;

/** Microseconds per evaluation: the median of several passes, after warm-up passes. */
function measure(pass: Pass, inputs: Inputs, name: string): number {
  for (let i = 0; i < WARM_UP_PASSES; i++) pass(inputs);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    const sum = pass(inputs);
    times.push(Number(process.hrtime.bigint() - start) / 1000 / EVALUATIONS);
    // An error result (an object) turns the sum into NaN: the inputs must all be valid.
    if (!Number.isFinite(sum)) throw new Error(`${name}: eine Auswertung lieferte keine Zahl.`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

export async function run(): Promise<void> {
  const inputs = makeInputs(EVALUATIONS);
  const rows = CASES.map((c) => {
    const exact = pass(c.fn.impl, c.fields);
    const plain = pass(c.baseline, c.fields);
    // Both must give the same numbers on these inputs, or the comparison would be meaningless.
    for (let i = 0; i < 1000; i++) {
      const args = c.fields.map((f) => inputs[f][i]);
      const a = c.fn.impl(...args);
      const b = (c.baseline as (...x: unknown[]) => number)(...args);
      if (a !== b) throw new Error(`QM.${c.fn.name}(${args.join("; ")}): ${String(a)} statt ${b}`);
    }
    const ours = measure(exact, inputs, c.fn.name);
    const baseline = measure(plain, inputs, c.fn.name);
    const ratio = ours / baseline;
    return [`QM.${c.fn.name}`, fixed(ours, 3), fixed(baseline, 3), fixed(ratio, 1) + "×", ratio <= TARGET_RATIO ? "ja" : "nein"];
  });
  console.log(
    `Budget-Kern: je Funktion ${formatNumber(EVALUATIONS, "de", 0)} Auswertungen mit wechselnden Eingaben, ` +
      `Median aus ${RUNS} Läufen nach ${WARM_UP_PASSES} Aufwärmläufen; Ziel: höchstens ${TARGET_RATIO}× die Zeit der Ganzzahl-Cent-Fassung`,
  );
  printTable(["Funktion", "QM-Planer µs", "Ganzzahl-Cent µs", "Faktor", "Ziel erreicht"], rows, ["left", "right", "right", "right", "left"]);
}
