import fc from "fast-check";
import { BUDGET_LINES } from "../../src/core/budget";
import { lineNote } from "../../src/core/rulebook/explain";
import { defaultParameters } from "../../src/core/standard";
import { buildTemplate, PROMPT_LIMITS } from "../../src/core/template";
import { clip } from "../../src/core/template/sheetBuilder";

describe("input messages of the Richtwert cells in the template model", () => {
  test("one prompt per budget line and Quartier sheet, covering its Richtwert cells of all plan years", () => {
    const { model, plan } = buildTemplate({ neighbourhoods: [{ name: "Nord", residents: 3000 }, { name: "Süd", residents: 9000 }], firstYear: 2026, lastYear: 2029 });
    const sheets = model.sheets.filter((s) => s.role === "neighbourhood");
    expect(sheets).toHaveLength(2);
    for (const sheet of sheets)
      expect(sheet.prompts.map((p) => [p.title, p.ranges])).toEqual([
        ["Richtwert Personalkosten", ["B23:E23"]],
        ["Richtwert Sachkosten", ["B24:E24"]],
        ["Richtwert Projektkosten", ["B25:E25"]],
        ["Richtwert Verfügungsfonds", ["B26:E26"]],
        ["Richtwert Projektmittel", ["B27:E27"]],
        ["Richtwert Raumkosten", ["B28:E28"]],
        ["Richtwert Gesamtbudget", ["B29:E29"]],
      ]);
    expect(sheets[0].prompts.map((p) => p.message)).toEqual(BUDGET_LINES.map((l) => lineNote(l.key, plan.parameters, "de")));
    expect(model.sheets.filter((s) => s.role !== "neighbourhood").every((s) => s.prompts.length === 0)).toBe(true);
  });

  test("huge figures: messages are cut at a word to Excel's 255 characters, with an ellipsis", () => {
    const big = "12345678901234.56";
    const parameters = { ...defaultParameters(), dispositionFundPerResident: big, dispositionFundMinimum: big, dispositionFundMinimumBelowResidents: "999999999" };
    const { model } = buildTemplate({ neighbourhoods: [{ name: "Nord", residents: 3000 }], firstYear: 2026, tariffIncrease: "0.0975", parameters });
    const full = lineNote("dispositionFund", parameters, "de");
    expect(full.length).toBeGreaterThan(PROMPT_LIMITS.message);
    const prompt = model.sheets[1].prompts.find((p) => p.title === "Richtwert Verfügungsfonds")!;
    expect(prompt.message.length).toBeLessThanOrEqual(PROMPT_LIMITS.message);
    expect(prompt.message.endsWith("…")).toBe(true);
    expect(full.startsWith(prompt.message.slice(0, -1))).toBe(true);
    expect(full[prompt.message.length - 1]).toBe(" ");
  });

  test("clip: never longer than the limit, never a broken surrogate pair, unchanged when short", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.integer({ min: 2, max: 300 }), (text, limit) => {
        const cut = clip(text, limit);
        expect(cut.length).toBeLessThanOrEqual(Math.max(limit, 0));
        if (text.length <= limit) expect(cut).toBe(text);
        else {
          expect(cut.endsWith("…")).toBe(true);
          expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
        }
      }),
      { seed: 8, numRuns: 500 },
    );
    expect(clip("😀".repeat(40), 32)).toBe("😀".repeat(15) + "…");
  });
});
