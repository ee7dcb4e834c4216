import { FieldError } from "../../src/core/fields";
import { defaultParameters } from "../../src/core/standard";
import { onRuntimeStateChange, runtimeState, RuntimeState, updateRuntimeState } from "../../src/functions/state";

const initial = runtimeState();
/** The state at the start of each test (the same values as `initial`, maybe a newer object). */
let start: RuntimeState;
beforeEach(() => (start = runtimeState()));
afterEach(() => updateRuntimeState(initial));

describe("the shared runtime's state", () => {
  it("starts with the built-in standard's figures, in German", () => {
    expect(initial.parameters).toEqual(defaultParameters());
    expect(initial.language).toBe("de");
    expect(initial.standard).toEqual({ name: "Rahmenstandard Quartiermanagement", version: "2026.1" });
    expect(Object.isFrozen(initial)).toBe(true);
    expect(Object.isFrozen(initial.parameters)).toBe(true);
    expect(Object.isFrozen(initial.standard)).toBe(true);
  });

  it("applies a change as a new frozen object, canonical decimals, keeping the figures left out", () => {
    const next = updateRuntimeState({ parameters: { ...initial.parameters, materialCostPerFte: "3600.50", dispositionFundPerResident: "5e-1" } });
    expect(next).not.toBe(initial);
    expect(next.parameters).not.toBe(initial.parameters);
    expect(next.parameters.materialCostPerFte).toBe("3600.5");
    expect(next.parameters.dispositionFundPerResident).toBe("0.5");
    expect(next.parameters.salaryPerFte).toBe(initial.parameters.salaryPerFte);
    expect(Object.isFrozen(next.parameters)).toBe(true);
    expect(runtimeState()).toBe(next);
    // The language and the standard did not change, so they are the same objects.
    expect(next.standard).toBe(initial.standard);
    // The previous state is untouched.
    expect(initial.parameters.materialCostPerFte).toBe("3500");
  });

  it("tells every listener, with the state before, and only when something changed", () => {
    const calls: Array<[RuntimeState, RuntimeState]> = [];
    const off = onRuntimeStateChange((state, before) => calls.push([state, before]));
    const next = updateRuntimeState({ language: "en" });
    expect(calls).toEqual([[next, start]]);
    // The same values again, spelled differently: nothing changes, nobody is told.
    expect(updateRuntimeState({ language: "en", parameters: { ...defaultParameters(), salaryPerFte: "45000.000" } })).toBe(next);
    expect(calls).toHaveLength(1);
    off();
    updateRuntimeState({ language: "de" });
    expect(calls).toHaveLength(1);
  });

  it("keeps telling the other listeners when one throws, and keeps the change", async () => {
    const reported: unknown[] = [];
    const microtask = jest.spyOn(globalThis, "queueMicrotask").mockImplementation((fn) => {
      try {
        fn();
      } catch (e) {
        reported.push(e);
      }
    });
    const seen: string[] = [];
    const offA = onRuntimeStateChange(() => {
      throw new Error("kaputt");
    });
    const offB = onRuntimeStateChange((state) => seen.push(state.language));
    updateRuntimeState({ language: "en" });
    offA();
    offB();
    microtask.mockRestore();
    expect(seen).toEqual(["en"]);
    expect(runtimeState().language).toBe("en");
    expect(reported).toEqual([new Error("kaputt")]);
  });

  it.each([
    ["text", "viel"],
    ["a negative figure", "-2"],
    ["a decimal comma", "2,5"],
    ["more than 15 significant digits", "2.0000000000000001"],
    ["an exponent that could underflow", "1e-99999"],
    ["empty", ""],
  ])("refuses %s, keyed by the figure, changing nothing", (_, value) => {
    const listener = jest.fn();
    const off = onRuntimeStateChange(listener);
    let error: unknown;
    try {
      updateRuntimeState({ language: "en", parameters: { ...defaultParameters(), projectCostMinimum: "6000", projectCostPerResident: value } });
    } catch (e) {
      error = e;
    }
    off();
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).key).toBe("projectCostPerResident");
    expect((error as FieldError).message).toBe(`„${value}“ ist für „Projektkosten je Einwohner“ keine gültige Zahl (ab 0, höchstens 15 Stellen).`);
    expect((error as FieldError).messageEn).toBe(`"${value}" is no valid number for "Project cost per resident" (0 or more, at most 15 digits).`);
    // Neither the valid figure nor the language of the same change was applied.
    expect(runtimeState()).toBe(start);
    expect(listener).not.toHaveBeenCalled();
  });

  it("refuses a figure that is no text (a number slipped through), and an unknown language, keyed", () => {
    const wrongType = () => updateRuntimeState({ parameters: { ...defaultParameters(), minFte: 2 as unknown as string } });
    expect(wrongType).toThrow(expect.objectContaining({ key: "minFte" }));
    expect(() => updateRuntimeState({ language: "fr" as "de" })).toThrow(expect.objectContaining({ key: "language" }));
    expect(() => updateRuntimeState({ standard: { name: "", version: "1" } })).toThrow(expect.objectContaining({ key: "standard" }));
    expect(runtimeState()).toBe(start);
  });

  it("names the standard or profile the figures come from", () => {
    const next = updateRuntimeState({ standard: { name: "Profil Musterstadt", version: "2027.1" } });
    expect(next.standard).toEqual({ name: "Profil Musterstadt", version: "2027.1" });
    expect(Object.isFrozen(next.standard)).toBe(true);
  });

  it("imports no decimal.js (the functions' bundle must not pull it)", () => {
    jest.isolateModules(() => {
      jest.doMock("decimal.js", () => {
        throw new Error("decimal.js was loaded");
      });
      // A synchronous require, so the module is loaded inside this isolated registry with the mock.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(() => require("../../src/functions/state")).not.toThrow();
    });
  });
});
