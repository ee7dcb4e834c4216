import { XMLParser, XMLValidator } from "fast-xml-parser";
import fs from "fs";
import path from "path";
import { ROOT } from "./dist";

/**
 * The add-in manifest, checked offline (office-addin-manifest's validator is an online service):
 * well-formed, every resource reference resolves, one shared runtime, real icons, namespace QM,
 * German by default with English overrides.
 */

const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const BASE_URL = "https://localhost:3000/";

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
const [root] = toElements(parser.parse(MANIFEST) as Ordered[]);

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

const resources = one(root, "Resources");
const defined = new Map<string, Element>();
for (const kind of ["bt:Image", "bt:Url", "bt:String"]) {
  for (const el of all(resources, kind)) defined.set(el.attrs.id, el);
}

function resource(resid: string): Element {
  const el = defined.get(resid);
  if (!el) throw new Error(`resid ${resid} is not defined in <Resources>`);
  return el;
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function assetOf(url: string): string {
  expect(url.startsWith(BASE_URL + "assets/")).toBe(true);
  return path.join(ROOT, url.slice(BASE_URL.length));
}

describe("manifest.xml", () => {
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

  test("the ribbon button runs the command that opens the task pane", () => {
    const button = all(root, "Control").find((c) => c.attrs["xsi:type"] === "Button");
    expect(button).toBeDefined();
    const action = one(button as Element, "Action");
    expect(action.attrs["xsi:type"]).toBe("ExecuteFunction");
    // bundle.test.ts checks that the built commands.js associates this name.
    expect(one(action, "FunctionName").text).toBe("showTaskpane");
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

  test("all URLs point to the dev server over HTTPS", () => {
    const urls = [
      ...all(root, "SourceLocation").map((e) => e.attrs.DefaultValue),
      ...all(resources, "bt:Url").map((e) => e.attrs.DefaultValue),
      ...all(resources, "bt:Image").map((e) => e.attrs.DefaultValue),
    ].filter((u): u is string => u !== undefined);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(BASE_URL)).toBe(true);
  });

  test("German by default, English overrides; display name QM-Planer", () => {
    expect(child(root, "DefaultLocale").text).toBe("de-DE");
    expect(child(root, "DisplayName").attrs.DefaultValue).toBe("QM-Planer");
    const description = child(root, "Description");
    expect(description.attrs.DefaultValue).toMatch(/Quartier/);
    expect(one(description, "Override").attrs).toEqual({ Locale: "en-US", Value: expect.stringMatching(/neighbourhood/) });
    const overrides = all(resources, "bt:Override");
    expect(overrides.length).toBeGreaterThanOrEqual(2);
    for (const o of overrides) expect(o.attrs.Locale).toBe("en-US");
    const label = resource(one(one(root, "Control"), "Label").attrs.resid);
    expect(label.attrs.DefaultValue).toBe("QM-Planer öffnen");
    expect(one(label, "bt:Override").attrs.Value).toBe("Open QM-Planer");
  });
});
