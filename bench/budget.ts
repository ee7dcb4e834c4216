import { GESAMTBUDGET, PROJEKTMITTEL } from "../src/functions/registry";
import { RAHMENSTANDARD } from "../src/core/standard";
import { formatNumber } from "../src/core/format";
import { LIMITS } from "../src/core/inputs";
import { fixed, printTable } from "./report";

/**
 * Budget section: the QM.PROJEKTMITTEL and QM.GESAMTBUDGET implementations exactly as Excel
 * calls them (raw cell values in, validation, decimal.js, conversion to a number at the end),
 * beside the same arithmetic in plain JS numbers, in the same run.
 */

const EVALUATIONS = 100_000;
const RUNS = 5;
const TARGET_MICROSECONDS = 1;

interface Inputs {
  residents: number[];
  fte: (number | null)[];
  roomCosts: (number | null)[];
  salary: (number | null)[];
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
  const inputs: Inputs = { residents: [], fte: [], roomCosts: [], salary: [] };
  for (let i = 0; i < n; i++) {
    // Small Quartiere (where the minimums apply) as often as large ones.
    inputs.residents.push(random() < 0.5 ? Math.floor(random() * 6000) : Math.floor(random() * 60_000));
    inputs.fte.push(pick([null, 0, 1, 1.5, 2, 2.25, 2.5, 3, 3.75, 4]));
    inputs.roomCosts.push(pick([null, 0, 12_000, 18_000.5, 23_456.78]));
    inputs.salary.push(pick([null, 45_000, 47_250.5, 52_123.45]));
  }
  return inputs;
}

const figure = (key: keyof typeof RAHMENSTANDARD.figures): number => Number(RAHMENSTANDARD.figures[key].value);

/** The same rules in plain numbers (floating point, the way it must not be done for money). */
const plain = (() => {
  const minFte = figure("minFte");
  const salaryPerFte = figure("salaryPerFte");
  const materialPerFte = figure("materialCostPerFte");
  const projectPerResident = figure("projectCostPerResident");
  const projectMinimum = figure("projectCostMinimum");
  const fundPerResident = figure("dispositionFundPerResident");
  const fundMinimum = figure("dispositionFundMinimum");
  const fundThreshold = figure("dispositionFundMinimumBelowResidents");
  const cents = (x: number): number => Math.round(x * 100) / 100;
  const checkResidents = (e: unknown): number => {
    if (typeof e !== "number" || !Number.isInteger(e) || e < 0 || e > LIMITS.residentsMax) throw new Error("Einwohner");
    return e;
  };
  const checkAmount = (x: unknown, fallback: number): number => {
    if (x === null) return fallback;
    if (typeof x !== "number" || !Number.isFinite(x) || x < 0) throw new Error("Betrag");
    return x;
  };
  const projectFunds = (e: number, fte: number): number => {
    const project = Math.max(cents(e * projectPerResident), projectMinimum);
    const perResident = cents(e * fundPerResident);
    const fund = e < fundThreshold ? Math.max(perResident, fundMinimum) : perResident;
    return cents(fte * materialPerFte) + project + fund;
  };
  return {
    projektmittel(e: unknown, fte: unknown): number {
      return projectFunds(checkResidents(e), checkAmount(fte, minFte));
    },
    gesamtbudget(e: unknown, fte: unknown, room: unknown, salary: unknown): number {
      const residents = checkResidents(e);
      const f = checkAmount(fte, minFte);
      return cents(f * checkAmount(salary, salaryPerFte)) + projectFunds(residents, f) + cents(checkAmount(room, 0));
    },
  };
})();

/**
 * One timed pass over all inputs; returns the sum of the results (which also keeps the work
 * from being optimised away). Each case has its own loop so that every call site stays
 * monomorphic and the figures measure the evaluation, not the harness.
 */
type Pass = (x: Inputs) => number;

const CASES: readonly { name: string; exact: Pass; plain: Pass }[] = [
  {
    name: "PROJEKTMITTEL",
    exact: (x) => {
      let sum = 0;
      for (let i = 0; i < EVALUATIONS; i++) sum += PROJEKTMITTEL.impl(x.residents[i], x.fte[i]) as number;
      return sum;
    },
    plain: (x) => {
      let sum = 0;
      for (let i = 0; i < EVALUATIONS; i++) sum += plain.projektmittel(x.residents[i], x.fte[i]);
      return sum;
    },
  },
  {
    name: "GESAMTBUDGET",
    exact: (x) => {
      let sum = 0;
      for (let i = 0; i < EVALUATIONS; i++)
        sum += GESAMTBUDGET.impl(x.residents[i], x.fte[i], x.roomCosts[i], x.salary[i]) as number;
      return sum;
    },
    plain: (x) => {
      let sum = 0;
      for (let i = 0; i < EVALUATIONS; i++) sum += plain.gesamtbudget(x.residents[i], x.fte[i], x.roomCosts[i], x.salary[i]);
      return sum;
    },
  },
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
    const exact = measure(c.exact, inputs, c.name);
    const fast = measure(c.plain, inputs, c.name);
    return [
      `QM.${c.name}`,
      fixed(exact, 3),
      fixed(fast, 3),
      fixed(exact / fast, 0) + "×",
      exact <= TARGET_MICROSECONDS ? "ja" : "nein",
    ];
  });
  console.log(
    `Budget-Kern: je Funktion ${formatNumber(EVALUATIONS, "de", 0)} Auswertungen mit wechselnden Eingaben, ` +
      `Median aus ${RUNS} Läufen nach ${WARM_UP_PASSES} Aufwärmläufen; Ziel ≤ ${TARGET_MICROSECONDS} µs je Auswertung`,
  );
  printTable(["Funktion", "decimal.js µs", "Zahlen µs", "Faktor", "Ziel erreicht"], rows, ["left", "right", "right", "right", "left"]);
}
