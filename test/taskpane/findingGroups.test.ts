import { checkWorkbook } from "../../src/core/rules";
import { compareFindings, findingsAt, groupFindings } from "../../src/taskpane/findingGroups";
import { appendSelection, selectionContent, typedRowCount } from "../../src/taskpane/selectionList";
import { templateSnapshot, withCells } from "../fixtures/pruefen/snapshots";

const INPUT = { neighbourhoods: [{ name: "Nord", residents: 1800 }, { name: "Süd", residents: 900, fte: 1.5 }], firstYear: 2026 };

describe("the findings list's groups", () => {
  const result = checkWorkbook(templateSnapshot(INPUT));

  it("one group per Quartier; a fresh template's unconfirmed requirements and empty focus areas folded, every finding kept", () => {
    const groups = groupFindings(result, "all");
    expect(groups.map((g) => g.name)).toEqual(["Nord", "Süd"]);
    const south = groups[1];
    const folds = south.items.flatMap((i) => (i.kind === "fold" ? [[i.fold, i.findings.length]] : []));
    expect(folds).toEqual([
      ["requirements", 7],
      ["focusAreas", 5],
    ]);
    const shown = south.items.flatMap((i) => (i.kind === "fold" ? i.findings : [i.finding]));
    expect(shown).toHaveLength(result.neighbourhoods[1].findings.length);
    // Verstöße first (the folded requirements, the VbE finding), the folded Hinweise last.
    expect(south.items.map((i) => (i.kind === "fold" ? i.fold : i.finding.regel))).toEqual(["requirements", "personal.mindest_vbe", "focusAreas"]);
  });

  it("the filter shows one severity; the counts stay those of the Quartier", () => {
    const hints = groupFindings(result, "hinweis");
    const all = hints.flatMap((g) => g.items.flatMap((i) => (i.kind === "fold" ? i.findings : [i.finding])));
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((f) => f.schwere === "hinweis")).toBe(true);
    expect(hints[1].violations).toBeGreaterThan(0);
  });

  it("sorts Verstöße first, then by year, then by rule", () => {
    const findings = result.neighbourhoods.flatMap((n) => n.findings);
    const sorted = [...findings].sort(compareFindings);
    const firstHint = sorted.findIndex((f) => f.schwere === "hinweis");
    expect(sorted.slice(firstHint).every((f) => f.schwere === "hinweis")).toBe(true);
  });

  it("finds the findings of a selected cell, whatever the case of its sheet's name", () => {
    const snapshot = withCells(templateSnapshot(INPUT), "QM Süd", {});
    const checked = checkWorkbook(snapshot);
    const fte = checked.neighbourhoods[1].findings.find((f) => f.regel === "personal.mindest_vbe")!;
    expect(findingsAt(checked, { sheet: "qm süd", address: fte.zelle!.address }).map((f) => f.regel)).toEqual(["personal.mindest_vbe"]);
    expect(findingsAt(checked, undefined)).toEqual([]);
  });
});

describe("taking Quartiere from the selection", () => {
  it("tells an empty selection and a single line from rows", () => {
    expect(selectionContent([[null, ""]], "de")).toEqual({ kind: "empty" });
    expect(selectionContent([["Quartier", "Einwohner"]], "de")).toEqual({ kind: "oneLine", line: "Quartier, Einwohner" });
    expect(selectionContent([["Quartier", "Einwohner"], ["Nord", 12400]], "de")).toEqual({ kind: "rows", text: "Quartier;Einwohner\nNord;12.400", count: 1 });
  });

  it("appends under the typed list's columns by heading, or says it cannot", () => {
    const typed = "Quartier;Einwohner;VbE\nNord;1.800;2";
    expect(typedRowCount(typed)).toBe(1);
    expect(appendSelection(typed, "Einwohner;quartier\n900;Süd")).toBe("Quartier;Einwohner;VbE\nNord;1.800;2\nSüd;900;");
    expect(appendSelection(typed, "Quartier;Fläche\nSüd;3")).toBeUndefined();
  });
});
