import { XMLParser, XMLValidator } from "fast-xml-parser";
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { DIST, readDist, ROOT } from "./dist";
import { addinBaseUrl, DEV_BASE_URL } from "../../scripts/addin/addinUrl";
import { addinFiles } from "../../scripts/addin/plugin";
import { ENGLISH_FUNCTION_LOCALES, ENGLISH_FUNCTIONS } from "../../src/functions/translations";

/**
 * The built manifests, checked offline (office-addin-manifest's validator is an online service),
 * for both builds: the localhost build in dist/ (`npm run build`), and an ADDIN_URL build made
 * here into a temporary folder from the same steps webpack runs (scripts/addin/plugin.ts) — only
 * manifest.xml and functions.en.json depend on the address, so the 80-second bundling need not
 * run twice. Each: well-formed, every URL under the build's address, every resid defined, one
 * shared runtime, the ShowTaskpane action, the English overrides for every English locale, and
 * the English metadata with the ids of functions.json.
 */

const SOURCE = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const PRODUCTION_URL = "https://addins.stadt.example/qm-planer";

/** An element with its attributes, its own text and its child elements, in document order. */
interface Element {
  tag: string;
  attrs: Record<string, string>;
  text: string;
  children: Element[];
}

type Ordered = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElements(nodes: Ordered[]): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    const tag = Object.keys(node).find((k) => k !== ":@");
    if (!tag || tag === "#text" || tag === "#comment" || tag === "?xml") continue;
    const content = node[tag] as Ordered[];
    const text = content.map((c) => (c["#text"] === undefined ? "" : String(c["#text"]))).join("");
    out.push({ tag, attrs: node[":@"] ?? {}, text: text.trim(), children: toElements(content) });
  }
  return out;
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", commentPropName: "#comment" });

/** All descendants (and the element itself) with this tag. */
function all(el: Element, tag: string): Element[] {
  return [...(el.tag === tag ? [el] : []), ...el.children.flatMap((c) => all(c, tag))];
}

/** The one direct child with this tag. */
function child(el: Element, tag: string): Element {
  const found = el.children.filter((c) => c.tag === tag);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The one descendant with this tag. */
function one(el: Element, tag: string): Element {
  const found = all(el, tag);
  expect(found).toHaveLength(1);
  return found[0];
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface Build {
  /** The base URL, ending in "/". */
  base: string;
  folder: string;
}

/** The ADDIN_URL build's address-dependent files, written as webpack writes them. */
function productionBuild(): Build {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "qm-planer-addin-url-"));
  const base = addinBaseUrl(PRODUCTION_URL);
  for (const [name, content] of Object.entries(addinFiles(readDist("functions.json"), SOURCE, base))) fs.writeFileSync(path.join(folder, name), content);
  fs.copyFileSync(path.join(DIST, "functions.json"), path.join(folder, "functions.json"));
  return { base, folder };
}

const BUILDS: Array<[string, () => Build]> = [
  ["localhost build (dist/)", () => ({ base: DEV_BASE_URL, folder: DIST })],
  [`ADDIN_URL=${PRODUCTION_URL}`, productionBuild],
];

describe.each(BUILDS)("manifest.xml of the %s", (_label, make) => {
  const build = make();
  const read = (file: string) => {
    const full = path.join(build.folder, file);
    if (!fs.existsSync(full)) throw new Error(`${file} fehlt in ${build.folder}: zuerst \`npm run build\` ausführen.`);
    return fs.readFileSync(full, "utf8");
  };
  const MANIFEST = read("manifest.xml");
  const BASE_URL = build.base;
  const [root] = toElements(parser.parse(MANIFEST) as Ordered[]);
  const resources = one(root, "Resources");
  const defined = new Map<string, Element>();
  for (const kind of ["bt:Image", "bt:Url", "bt:String"]) {
    for (const el of all(resources, kind)) defined.set(el.attrs.id, el);
  }
  const resource = (resid: string): Element => {
    const el = defined.get(resid);
    if (!el) throw new Error(`resid ${resid} is not defined in <Resources>`);
    return el;
  };
  const assetOf = (url: string): string => {
    expect(url.startsWith(BASE_URL + "assets/")).toBe(true);
    return path.join(ROOT, url.slice(BASE_URL.length));
  };

  test("is well-formed XML with the Office add-in root", () => {
    expect(XMLValidator.validate(MANIFEST)).toBe(true);
    expect(root.tag).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(root, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(root, "Permissions").text).toBe("ReadWriteDocument");
  });

  test("every resid used is defined, and every resource is used", () => {
    const used = new Set<string>();
    const visit = (el: Element): void => {
      if (el.attrs.resid) used.add(el.attrs.resid);
      el.children.forEach(visit);
    };
    visit(root);
    expect(used.size).toBeGreaterThan(0);
    for (const resid of used) expect(defined.has(resid)).toBe(true);
    expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("one shared runtime: Runtime, CustomFunctions Page and FunctionFile share one resid", () => {
    const runtime = one(one(root, "Runtimes"), "Runtime");
    expect(runtime.attrs.lifetime).toBe("long");
    const customFunctions = all(root, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
    expect(customFunctions).toBeDefined();
    const page = one(one(customFunctions as Element, "Page"), "SourceLocation");
    const functionFile = one(root, "FunctionFile");
    expect(page.attrs.resid).toBe(runtime.attrs.resid);
    expect(functionFile.attrs.resid).toBe(runtime.attrs.resid);
    expect(resource(runtime.attrs.resid).attrs.DefaultValue).toBe(BASE_URL + "taskpane.html");
    const sets = all(one(root, "Requirements"), "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(sets).toContainEqual(["SharedRuntime", "1.1"]);
    // The Office.js calls the add-in makes need ExcelApi 1.14 (triggerSource of worksheet changes).
    expect(sets).toContainEqual(["ExcelApi", "1.14"]);
    // CustomFunctions.Error with a message (1.2) and the codes #NUM! and #DIV/0! (1.3).
    expect(sets).toContainEqual(["CustomFunctionsRuntime", "1.3"]);
  });

  test("custom functions: namespace QM, metadata and script from the build", () => {
    const namespace = one(root, "Namespace");
    expect(resource(namespace.attrs.resid).attrs.DefaultValue).toBe("QM");
    expect(all(resource(namespace.attrs.resid), "bt:Override")).toEqual([]); // same in every language
    const metadata = one(one(root, "Metadata"), "SourceLocation");
    expect(resource(metadata.attrs.resid).attrs.DefaultValue).toBe(BASE_URL + "functions.json");
    const script = one(one(root, "Script"), "SourceLocation");
    expect(resource(script.attrs.resid).attrs.DefaultValue).toBe(BASE_URL + "functions.js");
  });

  test("the ribbon button opens the pane of the shared runtime: a ShowTaskpane action on its page", () => {
    const button = all(root, "Control").find((c) => c.attrs["xsi:type"] === "Button");
    expect(button).toBeDefined();
    const action = one(button as Element, "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    const runtime = one(one(root, "Runtimes"), "Runtime");
    expect(one(action, "SourceLocation").attrs.resid).toBe(runtime.attrs.resid);
    expect(all(root, "FunctionName")).toEqual([]);
  });

  test("every icon URL names a PNG in assets/ of the size it claims", () => {
    const iconUrls = [child(root, "IconUrl"), child(root, "HighResolutionIconUrl")].map((e) => e.attrs.DefaultValue);
    expect(pngSize(assetOf(iconUrls[0]))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetOf(iconUrls[1]))).toEqual({ width: 64, height: 64 });
    const images = all(resources, "bt:Image");
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const image of images) expect(fs.existsSync(assetOf(image.attrs.DefaultValue))).toBe(true);
    // Ribbon references: Office needs 16, 32 and 80 px, and each file must really have that size.
    for (const icon of all(root, "Icon")) {
      const refs = icon.children.map((c) => [Number(c.attrs.size), c.attrs.resid] as const);
      expect(refs.map(([size]) => size)).toEqual(expect.arrayContaining([16, 32, 80]));
      for (const [size, resid] of refs) {
        expect(pngSize(assetOf(resource(resid).attrs.DefaultValue))).toEqual({ width: size, height: size });
      }
    }
  });

  test("the icons in assets/ come in 16, 32, 64, 80 and 128 px from one SVG source", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    expect(fs.readFileSync(path.join(ROOT, "assets", "icon.svg"), "utf8")).toMatch(/<svg[^>]*viewBox=/);
  });

  test("all URLs lie under the build's address, over HTTPS", () => {
    const urls = [
      ...all(root, "SourceLocation").map((e) => e.attrs.DefaultValue),
      ...all(resources, "bt:Url").map((e) => e.attrs.DefaultValue),
      ...all(resources, "bt:Image").map((e) => e.attrs.DefaultValue),
    ].filter((u): u is string => u !== undefined);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(BASE_URL)).toBe(true);
  });

  test("German by default; English strings for exactly the English locales of translations.ts, each string", () => {
    expect(child(root, "DefaultLocale").text).toBe("de-DE");
    expect(child(root, "DisplayName").attrs.DefaultValue).toBe("QM-Planer");
    const description = child(root, "Description");
    expect(description.attrs.DefaultValue).toMatch(/Quartier/);
    const locales = [...ENGLISH_FUNCTION_LOCALES];
    const overridden = [description, ...all(resources, "bt:String"), ...all(resources, "bt:Url")].filter((el) => el.children.length > 0);
    // Description, button label, tooltip, metadata URL.
    expect(overridden).toHaveLength(4);
    for (const el of overridden) {
      expect(el.children.map((o) => o.attrs.Locale)).toEqual(locales);
      expect(new Set(el.children.map((o) => o.attrs.Value)).size).toBe(1);
    }
    expect(description.children[0].attrs.Value).toMatch(/neighbourhood/);
    const label = resource(one(one(root, "Control"), "Label").attrs.resid);
    expect(label.attrs.DefaultValue).toBe("QM-Planer öffnen");
    expect(label.children[0].attrs.Value).toBe("Open QM-Planer");
  });

  test("the English metadata for every English locale: functions.en.json, with the ids, types and parameters of functions.json", () => {
    const metadata = resource(one(one(root, "Metadata"), "SourceLocation").attrs.resid);
    for (const o of metadata.children) expect(o.attrs.Value).toBe(BASE_URL + "functions.en.json");
    type Fn = { id: string; name: string; description: string; parameters: { name: string; type: string; optional?: boolean; description: string }[]; result: unknown };
    const de = JSON.parse(read("functions.json")) as { functions: Fn[]; allowCustomDataForDataTypeAny?: boolean };
    const en = JSON.parse(read("functions.en.json")) as { functions: Fn[]; allowCustomDataForDataTypeAny?: boolean };
    expect(en.functions.map((f) => f.id)).toEqual(de.functions.map((f) => f.id));
    expect(en.allowCustomDataForDataTypeAny).toBe(de.allowCustomDataForDataTypeAny);
    for (const [i, f] of en.functions.entries()) {
      const g = de.functions[i];
      const t = ENGLISH_FUNCTIONS[f.id as keyof typeof ENGLISH_FUNCTIONS];
      expect(f.name).toBe(t.name);
      expect(f.description).toBe(t.description);
      expect(f.parameters.map((p) => [p.name, p.description])).toEqual(t.parameters.map((p) => [p.name, p.description]));
      expect(f.parameters.map((p) => [p.type, p.optional])).toEqual(g.parameters.map((p) => [p.type, p.optional]));
      expect(f.result).toEqual(g.result);
    }
    expect(en.functions.find((f) => f.id === "PROJEKTMITTEL")?.name).toBe("PROJECTFUNDS");
  });

  test("no other file of the build names localhost (only the manifest depends on the address)", () => {
    if (BASE_URL !== DEV_BASE_URL) expect(MANIFEST).not.toMatch(/localhost/i);
    for (const file of ["taskpane.html", "runtime.js", "shared.js", "functions.js", "taskpane.js", "functions.json"]) {
      expect(readDist(file)).not.toMatch(/localhost:3000/);
    }
  });
});

describe("the localhost build's manifest", () => {
  test("is manifest.xml unchanged (sideloading uses the source file too)", () => {
    expect(readDist("manifest.xml")).toBe(SOURCE);
  });
});

describe("ADDIN_URL", () => {
  test.each([
    ["https://addins.stadt.example", "https://addins.stadt.example/"],
    ["https://addins.stadt.example/qm-planer", "https://addins.stadt.example/qm-planer/"],
    [" https://Addins.Stadt.example:8443/a/b/ ", "https://addins.stadt.example:8443/a/b/"],
    ["", DEV_BASE_URL],
  ])("%j → %s", (raw, base) => {
    expect(addinBaseUrl(raw)).toBe(base);
  });

  test.each(["http://addins.stadt.example", "addins.stadt.example", "https://", "https://user:pw@host/x", "https://host/x?v=1", "https://host/x#a", "https://host/a b", 'https://host/"x'])(
    "%j is refused with one German line",
    (raw) => {
      expect(() => addinBaseUrl(raw)).toThrow(/^ADDIN_URL „.*“ ist nicht verwendbar: .+\(z\. B\. ADDIN_URL=https:\/\/.+\)\.$/);
    },
  );

  test("webpack.config.js hands the address to the step that writes the manifest", async () => {
    const previous = process.env.ADDIN_URL;
    process.env.ADDIN_URL = PRODUCTION_URL;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS config webpack-cli loads
      const createConfig = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<{ plugins: object[] }>;
      const config = await createConfig({}, { mode: "production" });
      const plugin = config.plugins.find((p) => p.constructor.name === "AddinFilesPlugin") as { options: { baseUrl: string } } | undefined;
      expect(plugin?.options.baseUrl).toBe(PRODUCTION_URL + "/");
    } finally {
      if (previous === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = previous;
    }
  });

  test("a non-https address fails `webpack` before it builds anything, with exactly one line", () => {
    const out = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"], {
      cwd: ROOT,
      // As from a shell: without jest's marker, webpack.config.js compiles its TypeScript through tsx.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "JEST_WORKER_ID")), ADDIN_URL: "http://addins.stadt.example" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(out.status).toBe(1);
    expect(out.stderr.trim().split("\n")).toEqual([
      "ADDIN_URL „http://addins.stadt.example“ ist nicht verwendbar: Office lädt Add-ins nur über HTTPS, die Adresse muss mit https:// beginnen (z. B. ADDIN_URL=https://addins.stadt.example/qm-planer).",
    ]);
  }, 130_000);
});
