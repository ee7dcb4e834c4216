/**
 * Issue 11, item 8: a template made where Office runs in English has English labels; the names
 * contract (sheet names, defined names, "ja"/"nein"), the standard's quoted wording, programme
 * names and the user's inputs stay as they are.
 */
import { NO, YES } from "../../src/core/names";
import { RAHMENSTANDARD } from "../../src/core/standard";
import { buildTemplate } from "../../src/core/template";
import { withEnglishLabels } from "../../src/core/template/english";

const { model, plan } = buildTemplate({ neighbourhoods: [{ name: "Summe", residents: 1000 }, { name: "Nord", residents: 4000 }], firstYear: 2026, lastYear: 2027 });
const english = withEnglishLabels(model, plan);

/** What legitimately stays German (or is no word at all). */
function kept(text: string): boolean {
  const names = new Set(model.names.map((n) => n.name));
  const quotes = new Set(Object.values(RAHMENSTANDARD.figures).map((f) => f.source));
  const programmes = new Set(RAHMENSTANDARD.fundingProgrammes.map((p) => p.name));
  return text.trim() === "" || names.has(text) || quotes.has(text) || programmes.has(text) || /^[\d.,% €-]+$/.test(text) || [YES, NO, "%", "Parameter"].includes(text);
}

test("every label cell is English; names, the standard's quotes and programme names stay", () => {
  const left: string[] = [];
  english.sheets.forEach((sheet, s) =>
    sheet.cells.forEach((c, i) => {
      const before = model.sheets[s].cells[i].value;
      if (typeof c.value === "string" && c.locked && c.value === before && !kept(c.value)) left.push(`${sheet.name}!${c.address}: ${c.value}`);
    }),
  );
  expect(left).toEqual([]);
});

test("the names contract and the user's inputs are untouched", () => {
  expect(english.sheets.map((s) => s.name)).toEqual(model.sheets.map((s) => s.name));
  expect(english.names).toEqual(model.names);
  const cellsOf = (m: typeof model) => m.sheets.flatMap((s) => s.cells.filter((c) => !c.locked || c.formula !== undefined));
  expect(cellsOf(english)).toEqual(cellsOf(model));
  const south = english.sheets.find((s) => s.name === "QM Summe")!;
  expect(south.cells.find((c) => c.address === "A1")?.value).toBe("Neighbourhood management Summe");
  expect(south.cells.some((c) => c.value === "Budget per plan year")).toBe(true);
  expect(south.cells.some((c) => c.value === `${YES}/${NO} (yes/no)`)).toBe(true);
});

test("the Richtwert cells' input messages are the rulebook's English words, on the same ranges", () => {
  const [german, en] = [model, english].map((m) => m.sheets.find((s) => s.name === "QM Nord")!.prompts);
  expect(en.map((p) => p.ranges)).toEqual(german.map((p) => p.ranges));
  expect(en.map((p) => p.title)).toContain("Reference: Staff costs");
  expect(en.every((p) => p.title.length <= 32 && p.message.length <= 255)).toBe(true);
  // English apart from the standard's own sentence, quoted verbatim.
  const words = en.map((p) => p.message.replace(/"[^"]*"/g, "")).join(" ");
  expect(words).toContain("Staff costs: FTE × salary per FTE");
  expect(words).not.toMatch(/Einwohner|je VbE|mindestens|Personalkosten/);
});

test("the yes/no dropdown refuses other values with an English alert; its values stay ja/nein", () => {
  const v = english.sheets.find((s) => s.name === "QM Nord")!.validations[0];
  expect(v.values).toEqual([YES, NO]);
  expect(v.error).toEqual({ title: "Invalid entry", message: 'Please choose "ja" or "nein" ("ja" = yes, "nein" = no).' });
  expect(model.sheets.find((s) => s.name === "QM Nord")!.validations[0].error).toBeUndefined();
});
