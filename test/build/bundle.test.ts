import fs from "fs";
import path from "path";
import vm from "vm";
import zlib from "zlib";
import { DIST, readDist, ROOT } from "./dist";

/**
 * The production build as Excel loads it: the one shared-runtime page, and its minimised
 * scripts run in one fresh JavaScript context with stand-ins for the Office globals, so a build
 * that only looks right (lost associate calls, a module instantiated once per entry) fails here.
 * Office never reports ready here, so the task pane does not render (there is no DOM).
 */

class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

type Callable = (...args: unknown[]) => unknown;

const customFunctions = new Map<string, Callable>();
const actions = new Map<string, Callable>();
const showAsTaskpane = jest.fn(async () => undefined);
const setStartupBehavior = jest.fn(async () => undefined);

const sandbox: Record<string, unknown> = {
  console,
  Office: {
    context: { displayLanguage: "de-DE" },
    onReady: () => new Promise(() => undefined),
    actions: { associate: (id: string, fn: Callable) => actions.set(id, fn) },
    addin: { showAsTaskpane, setStartupBehavior, getStartupBehavior: async () => "None" },
    StartupBehavior: { none: "None", load: "Load" },
  },
  CustomFunctions: {
    associate: (id: string, fn: Callable) => customFunctions.set(id, fn),
    Error: FakeExcelError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  },
};
sandbox.self = sandbox;
// webpack's runtime works out where lazily loaded chunks (the submissions reader) come from by
// the script that loaded it, as a browser page tells it.
sandbox.document = { currentScript: { tagName: "SCRIPT", src: "https://localhost:3000/runtime.js" }, getElementsByTagName: () => [] };
vm.createContext(sandbox);

/** Module ids each script brings, and how often each module's code ran on the page. */
const modulesOf = new Map<string, string[]>();
const runs = new Map<string, number>();

vm.runInContext(readDist("runtime.js"), sandbox, { filename: "runtime.js" });
type ChunkData = [unknown, Record<string, (...args: unknown[]) => unknown>, ...unknown[]];
const chunkQueue = sandbox.webpackChunkqm_planer as { push: (data: ChunkData) => unknown };
const runtimePush = chunkQueue.push;
let loading = "";
chunkQueue.push = (data) => {
  const factories = data[1];
  modulesOf.set(loading, Object.keys(factories));
  for (const [id, factory] of Object.entries(factories)) {
    factories[id] = function (this: unknown, ...args: unknown[]) {
      runs.set(id, (runs.get(id) ?? 0) + 1);
      return factory.apply(this, args);
    };
  }
  return runtimePush.call(chunkQueue, data);
};
for (const file of ["shared.js", "functions.js", "taskpane.js"]) {
  loading = file;
  vm.runInContext(readDist(file), sandbox, { filename: file });
}

function call(id: string, ...args: unknown[]): unknown {
  const fn = customFunctions.get(id);
  if (!fn) throw new Error(`${id} was not associated by dist/functions.js`);
  return fn(...args);
}

describe("dist/taskpane.html: the one page of the shared runtime", () => {
  const html = readDist("taskpane.html");
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);

  test("loads Office.js from the CDN, then webpack's runtime, the shared code, functions and task pane", () => {
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "runtime.js",
      "shared.js",
      "functions.js",
      "taskpane.js",
    ]);
    expect(html).toMatch(/<div id="?container"?>/);
  });
});

describe("one webpack runtime for the page", () => {
  test("a module that functions and task pane both import is shipped once, in shared.js, and runs once", () => {
    const sharedModules = modulesOf.get("shared.js") ?? [];
    const functionsModules = modulesOf.get("functions.js") ?? [];
    const paneModules = modulesOf.get("taskpane.js") ?? [];
    // At least the rulebook, the core's input checks and the functions' runtime state.
    expect(sharedModules.length).toBeGreaterThanOrEqual(3);
    expect(paneModules.filter((id) => functionsModules.includes(id))).toEqual([]);
    for (const id of sharedModules) expect(runs.get(id)).toBe(1);
    expect(Math.max(...runs.values())).toBe(1);
  });
});

describe("the code the functions load (shared.js + functions.js)", () => {
  const code = readDist("shared.js") + readDist("functions.js");

  test("carries no decimal.js (the rulebook computes exactly with scaled integers) and stays ≤ 10 KB gzip", () => {
    // decimal.js's own error prefix; it appears in any build of it.
    expect(code).not.toContain("[DecimalError]");
    const gzip = zlib.gzipSync(Buffer.from(readDist("shared.js"))).length + zlib.gzipSync(Buffer.from(readDist("functions.js"))).length;
    expect(gzip).toBeLessThanOrEqual(10 * 1024);
  });
});

describe("dist/functions.js", () => {
  test("associates every function of functions.json", () => {
    const metadata = JSON.parse(readDist("functions.json")) as { functions: { id: string }[] };
    expect([...customFunctions.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  test("computes the budget table's figures", () => {
    expect(call("PROJEKTMITTEL", 12345, null)).toBe(37862.5);
    expect(call("GESAMTBUDGET", 12345, 2.5, 18000, null)).toBe(170112.5);
    expect(call("PARAMETER", "Sachkosten je VbE")).toBe(3500);
    expect(call("JE_EINWOHNER", 100, 3)).toBe(33.33);
  });

  test("returns Excel errors with German messages instead of throwing", () => {
    expect(call("PROJEKTKOSTEN", "12.345")).toEqual(
      new FakeExcelError("#VALUE!", "Einwohner muss eine Zahl sein, Sie haben den Text „12.345“ angegeben."),
    );
    expect(call("PROJEKTKOSTEN", -3)).toEqual(new FakeExcelError("#NUM!", "Einwohner: darf nicht negativ sein (-3)."));
    expect(call("PARAMETER", "Miete")).toEqual(new FakeExcelError("#N/A", expect.stringContaining("Unbekannter Parameter „Miete“")));
    expect(call("JE_EINWOHNER", 1, 0)).toEqual(new FakeExcelError("#DIV/0!", expect.stringContaining("Einwohner: 0")));
  });
});

describe("the ribbon button", () => {
  test("needs no code: it is a ShowTaskpane action of the manifest, so no script associates an action or calls showAsTaskpane", () => {
    expect([...actions.keys()]).toEqual([]);
    expect(showAsTaskpane).not.toHaveBeenCalled();
    for (const file of ["shared.js", "functions.js", "taskpane.js"]) expect(readDist(file)).not.toContain("showAsTaskpane");
  });
});

describe("data-type arguments (CustomFunctionsRuntime 1.4)", () => {
  test("functions.json lets Excel pass them", () => {
    expect(JSON.parse(readDist("functions.json")).allowCustomDataForDataTypeAny).toBe(true);
  });

  test("a Double or FormattedNumber counts as its basic value; an entity gets the registry's message", () => {
    const euro = { type: "FormattedNumber", basicValue: 12345, numberFormat: "#.##0 €" };
    expect(call("PROJEKTMITTEL", euro, { type: "Double", basicValue: 2 })).toBe(37862.5);
    expect(call("JE_EINWOHNER", { type: "Double", basicValue: 100 }, 3)).toBe(33.33);
    const entity = call("PROJEKTKOSTEN", { type: "Entity", text: "Nord", basicValue: "Nord", properties: {} });
    expect(entity).toBeInstanceOf(FakeExcelError);
    expect((entity as FakeExcelError).code).toBe("#VALUE!");
  });
});

describe("dist/ holds the whole add-in and nothing GPL", () => {
  test("the localhost build copies manifest and icons unchanged (ADDIN_URL unset)", () => {
    expect(readDist("manifest.xml")).toBe(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
    for (const size of [16, 32, 64, 80, 128]) {
      const icon = `assets/icon-${size}.png`;
      expect(fs.readFileSync(path.join(DIST, icon))).toEqual(fs.readFileSync(path.join(ROOT, icon)));
    }
  });

  test("no hyperformula code in the add-in's scripts (webpack.config.js also refuses to build it)", () => {
    for (const file of ["runtime.js", "shared.js", "functions.js", "taskpane.js"]) {
      expect(readDist(file)).not.toMatch(/hyperformula|gpl-v3/i);
    }
  });
});
