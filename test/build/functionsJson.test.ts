import { QM_FUNCTIONS } from "../../src/functions/registry";
import { readDist } from "./dist";

/**
 * The metadata Excel reads (dist/functions.json, generated from the JSDoc in functions.ts):
 * every function with its id, name and parameters exactly as the README documents them.
 */

interface ParameterMetadata {
  name: string;
  type?: string;
  optional?: boolean;
  description?: string;
  dimensionality?: string;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

/** name: [parameter name, optional?][] — the signatures of issue 2. */
const EXPECTED: Record<string, [string, boolean][]> = {
  PERSONALKOSTEN: [
    ["vbe", false],
    ["gehalt_je_vbe", true],
  ],
  SACHKOSTEN: [["vbe", false]],
  PROJEKTKOSTEN: [["einwohner", false]],
  VERFUEGUNGSFONDS: [["einwohner", false]],
  PROJEKTMITTEL: [
    ["einwohner", false],
    ["vbe", true],
  ],
  GESAMTBUDGET: [
    ["einwohner", false],
    ["vbe", true],
    ["raumkosten", true],
    ["gehalt_je_vbe", true],
  ],
  PARAMETER: [["name", false]],
  JE_EINWOHNER: [
    ["betrag", false],
    ["einwohner", false],
  ],
};

const metadata = JSON.parse(readDist("functions.json")) as { functions: FunctionMetadata[] };
const byId = new Map(metadata.functions.map((f) => [f.id, f]));

describe("dist/functions.json", () => {
  test("lists exactly the eight QM functions, each once", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.entries(EXPECTED))("%s: id, name, parameters, types and optional flags", (name, params) => {
    const f = byId.get(name);
    expect(f).toBeDefined();
    expect(f?.id).toBe(name);
    expect(f?.name).toBe(name);
    expect(f?.parameters.map((p) => [p.name, p.optional === true])).toEqual(params);
    for (const p of f?.parameters ?? []) {
      // "any", so that text, booleans and empty cells reach the function and get a German message.
      expect(p.type).toBe("any");
      expect(p.dimensionality).toBeUndefined();
      expect(p.description).toEqual(expect.stringMatching(/\S{3,}/));
    }
    // Scalar results, neither streaming nor volatile: Excel recalculates only when inputs change.
    expect(f?.result.dimensionality).toBeUndefined();
    expect(f?.options ?? {}).toEqual({});
  });

  test("every function has a German description", () => {
    for (const f of metadata.functions) {
      // German function words, which no English description contains.
      expect(f.description).toMatch(/\b(pro|je|nach|der|des|ein|eine)\b/);
    }
  });

  test("matches the registry the preview and the tests use", () => {
    for (const f of QM_FUNCTIONS) {
      const params = byId.get(f.name)?.parameters ?? [];
      expect(params.length).toBe(f.maxArgs);
      expect(params.filter((p) => !p.optional).length).toBe(f.minArgs);
    }
  });
});
