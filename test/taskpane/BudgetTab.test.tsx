/** @jest-environment jsdom */
import { act } from "react";
import { createRoot, Root } from "react-dom/client";
import { LINE_RULES } from "../../src/core/rulebook/lines";
import { explainLine } from "../../src/core/rulebook/explain";
import { defaultParameters, Parameters } from "../../src/core/standard";
import type { BudgetActions } from "../../src/taskpane/actions";
import { i18nFor, I18nProvider } from "../../src/taskpane/i18nContext";
import { BudgetTab } from "../../src/taskpane/tabs/BudgetTab";

let container: HTMLDivElement;
let root: Root;

const actions: BudgetActions = { insertBudget: () => Promise.reject(new Error("not used in this test")) };

async function render(lang: "de" | "en", parameters: Parameters): Promise<void> {
  await act(async () =>
    root.render(
      <I18nProvider value={i18nFor(lang)}>
        <BudgetTab parameters={parameters} actions={actions} />
      </I18nProvider>,
    ),
  );
}

async function typeResidents(label: string, value: string): Promise<void> {
  const id = [...container.querySelectorAll("label")].find((l) => l.textContent === label)!.htmlFor;
  const input = document.getElementById(id) as HTMLInputElement;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

const explanation = (key: string) => container.querySelector(`[data-explanation="${key}"]`)?.textContent;

beforeEach(() => {
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe("the Budget tab explains every line with the workbook's figures", () => {
  // A city's own figures, as the pane holds them after reading the workbook.
  const city: Parameters = { ...defaultParameters(), projectCostPerResident: "2.5", projectCostMinimum: "6000", dispositionFundMinimum: "2500.5" };

  test("German: the rulebook's words beside each line, with the active figures", async () => {
    await render("de", city);
    await typeResidents("Einwohner", "3.000");
    expect(explanation("projectCost")).toBe("2,50 € je Einwohner, mindestens 6.000,00 €");
    expect(explanation("dispositionFund")).toBe("0,50 € je Einwohner, mindestens 2.500,50 € bei weniger als 5.000 Einwohnern");
    expect(explanation("staffCost")).toBe("Gehalt je VbE laut Eingabe (Richtwert 45.000,00 €) nach TVöD S11");
    // Every line, exactly as the rulebook says it (the same text the Richtwert cells carry).
    for (const rule of LINE_RULES) expect([rule.key, explanation(rule.key)]).toEqual([rule.key, explainLine(rule.key, city, "de")]);
    // The amount beside it follows the same figures: max(3 000 × 2,50 €, 6 000 €).
    expect(container.querySelector('[data-line="projectCost"]')?.textContent).toBe("7.500,00 €");
  });

  test("English in an English pane; new figures change the words", async () => {
    await render("en", city);
    await typeResidents("Residents", "3,000");
    expect(explanation("projectCost")).toBe("€2.50 per resident, at least €6,000.00");
    await render("en", { ...city, projectCostMinimum: "7000" });
    expect(explanation("projectCost")).toBe("€2.50 per resident, at least €7,000.00");
    for (const rule of LINE_RULES) expect(explanation(rule.key)).toBe(explainLine(rule.key, { ...city, projectCostMinimum: "7000" }, "en"));
  });

  test("no explanation before there is a budget to explain", async () => {
    await render("de", city);
    expect(explanation("projectCost")).toBeUndefined();
  });
});
