import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { MESSAGES, MessageKey, translate } from "../../src/taskpane/i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the task pane's dictionary", () => {
  const keys = Object.keys(MESSAGES.de).sort();

  it("has the same keys in German and English", () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(keys);
    expect(keys.length).toBeGreaterThan(100);
  });

  it("has no empty message and the same placeholders in both languages", () => {
    for (const key of keys as MessageKey[]) {
      expect([key, MESSAGES.de[key].trim().length > 0]).toEqual([key, true]);
      expect([key, MESSAGES.en[key].trim().length > 0]).toEqual([key, true]);
      expect([key, placeholders(MESSAGES.en[key])]).toEqual([key, placeholders(MESSAGES.de[key])]);
    }
  });

  it("is really translated: most English messages differ from the German ones", () => {
    const same = keys.filter((k) => MESSAGES.de[k as MessageKey] === MESSAGES.en[k as MessageKey]);
    // Names and units (QM-Planer, Budget, VbE …) may coincide; sentences must not.
    expect(same.length).toBeLessThan(keys.length / 10);
    for (const key of same) expect(MESSAGES.de[key as MessageKey].split(" ").length).toBeLessThanOrEqual(2);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("de", "check.violations", { count: 3 })).toBe("3 Verstöße");
    expect(translate("en", "check.violations", { count: 3 })).toBe("3 violations");
    expect(translate("de", "budget.inserted", {})).toBe("Budget in {address} eingefügt.");
  });
});

describe("the task pane's components", () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith(".tsx") ? [path] : [];
    });
  }

  it("write no user-visible words as JSX text or literal labels (they come from the dictionary)", () => {
    const offending: string[] = [];
    for (const file of files(join(__dirname, "../../src/taskpane"))) {
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/>\s*([A-Za-zÄÖÜäöüß][^<>{}]*?)\s*<\//g)) offending.push(`${file}: ${m[1]}`);
      for (const m of source.matchAll(/\b(aria-label|label|title|placeholder|hint)="([^"]*[A-Za-z][^"]*)"/g)) offending.push(`${file}: ${m[0]}`);
    }
    expect(offending).toEqual([]);
  });
});
