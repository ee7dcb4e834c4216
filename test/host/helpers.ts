import type { QmFunction } from "../../src/functions/result";
import { createSimulatedHost, type SimulatedHost, type SimulatedHostOptions } from "../../src/preview/host";

/** A tiny registry for the host's tests, independent of the add-in's real functions. */
export const TEST_FUNCTIONS: QmFunction[] = [
  {
    name: "DOPPELT",
    minArgs: 1,
    maxArgs: 1,
    impl: (x) => (typeof x === "number" ? 2 * x : { error: "#VALUE!", message: "DOPPELT braucht eine Zahl." }),
  },
  {
    name: "ARGS",
    minArgs: 0,
    maxArgs: 3,
    // Encodes what arrived: n = number, s = string, b = boolean, 0 = null, r = range.
    impl: (...args) => {
      const code = args.map((a) => (a === null ? 0 : typeof a === "number" ? 1 : typeof a === "string" ? 2 : typeof a === "boolean" ? 3 : Array.isArray(a) ? 4 : 9));
      return code.reduce((acc: number, c) => acc * 10 + c, 0);
    },
  },
];

/** A host with the global Excel/Office installed for the duration of one test. */
export function withHost(options: SimulatedHostOptions = {}): SimulatedHost & { restore: () => void } {
  const host = createSimulatedHost({ functions: TEST_FUNCTIONS, ...options });
  const restore = host.install(globalThis);
  return Object.assign(host, { restore });
}
