/** @jest-environment jsdom */
import { act } from "react";
import { createRoot, Root } from "react-dom/client";
import { checkPlan } from "../../src/core/rules";
import type { TemplatePlan } from "../../src/core/template";
import { TemplateWriteError } from "../../src/excel/writeTemplate";
import { App } from "../../src/taskpane/App";
import type { TaskpaneActions } from "../../src/taskpane/actions";
import { startWorkbookParameters } from "../../src/taskpane/workbookParameters";
import { stubActions } from "./stubActions";


const REFUSAL = new TemplateWriteError(
  "Die Mappe enthält schon den Namen „Sachkosten_je_VbE“ (wohl aus einer früheren Vorlage). Bitte die Vorlage in einer neuen Mappe anlegen; es wurde nichts geändert.",
  'The workbook already contains the name "Sachkosten_je_VbE" (probably from an earlier template). Please create the template in a new workbook; nothing was changed.',
);

let container: HTMLDivElement;
let root: Root;
let selection: unknown[][];
let plans: TemplatePlan[];

function actions(): TaskpaneActions {
  return stubActions({
    // A workbook without any plan: the check's placeholder name must follow the pane's language.
    check: () => Promise.resolve(checkPlan({ parameters: {}, neighbourhoods: [], unreadSheets: [] })),
    readSelection: () => Promise.resolve({ address: "Tabelle1!A1:D3", rows: selection }),
    createTemplate: (plan) => {
      plans.push(plan);
      return Promise.reject(REFUSAL);
    },
  });
}

async function renderApp(lang: "de" | "en"): Promise<void> {
  const a = actions();
  await act(async () => root.render(<App actions={a} parameterStore={startWorkbookParameters(a)} initialLanguage={lang} />));
}

beforeEach(() => {
  selection = [];
  plans = [];
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const panel = () => container.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])')!;
const textarea = () => panel().querySelector("textarea")!;
const preview = () => [...panel().querySelectorAll("li")].map((li) => li.textContent);

async function click(el: HTMLElement): Promise<void> {
  await act(async () => el.click());
}

async function openTab(name: string): Promise<void> {
  const tab = [...container.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.querySelector(".fui-Tab__content")?.textContent === name);
  if (!tab) throw new Error(`no tab ${name}`);
  await click(tab);
}

function button(name: string): HTMLButtonElement {
  const found = [...panel().querySelectorAll("button")].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

/** Types as a person does: React sees an input event with the new value. */
async function type(value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(textarea(), value);
    textarea().dispatchEvent(new Event("input", { bubbles: true }));
  });
}

async function switchLanguage(lang: "de" | "en"): Promise<void> {
  const select = container.querySelector<HTMLSelectElement>("header select")!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(select, lang);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

describe("the Template tab in English", () => {
  beforeEach(async () => {
    await renderApp("en");
    await openTab("Template");
  });

  it("starts with an English header and reads English names and numbers", async () => {
    expect(textarea().value).toBe("Neighbourhood;Residents;FTE;Room costs\n");
    await type("Neighbourhood;Residents;FTE;Room costs\nNorth;12,345;2.5;18,000\nSouth;3,200;;");
    expect(preview()).toEqual(["North · 12,345 residents · 2.5 FTE", "South · 3,200 residents · 2 FTE"]);
    expect(panel().textContent).toContain("2 neighbourhoods recognised.");
  });

  it("explains a bad line in English", async () => {
    await type("Neighbourhood;Residents\nNorth;many");
    expect(panel().textContent).toContain('Line 2: Residents: "many" is not a number.');
    expect(panel().textContent).not.toContain("Zeile");
    await type("Neighbourhood;Residents;Area\nNorth;1");
    expect(panel().textContent).toContain('Line 1: unknown column "Area"');
  });

  it("shows a refusal to write the template in English", async () => {
    await type("Neighbourhood;Residents\nNorth;12,345");
    await click(button("Create template"));
    expect(plans.map((p) => p.neighbourhoods[0].residents)).toEqual([12345]);
    const alert = panel().querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('The workbook already contains the name "Sachkosten_je_VbE"');
    expect(alert.textContent).not.toContain("Mappe");
  });

  it("takes a selected range with its numbers spelt in English", async () => {
    selection = [
      ["Quartier", "Einwohner", "VbE"],
      ["Nord", 12345, 2.125],
    ];
    await click(button("Take from selection"));
    expect(textarea().value).toBe("Quartier;Einwohner;VbE\nNord;12,345;2.125");
    expect(preview()).toEqual(["Nord · 12,345 residents · 2.13 FTE"]);
  });
});

describe("the Template tab when the language is switched", () => {
  beforeEach(async () => {
    await renderApp("de");
    await openTab("Vorlage");
  });

  it("keeps the values of a typed list, spelt for the new language", async () => {
    expect(textarea().value).toBe("Quartier;Einwohner;VbE;Raumkosten\n");
    await type("Quartier;Einwohner;VbE\nNord;12.345;2,5");
    expect(preview()).toEqual(["Nord · 12.345 Einwohner · 2,5 VbE"]);
    await switchLanguage("en");
    expect(textarea().value).toBe("Quartier;Einwohner;VbE\nNord;12,345;2.5");
    expect(preview()).toEqual(["Nord · 12,345 residents · 2.5 FTE"]);
    // Edited in English, the list is read in English from now on.
    await type("Quartier;Einwohner;VbE\nNord;12,345;2.5\nSüd;1,000;");
    await switchLanguage("de");
    expect(textarea().value).toBe("Quartier;Einwohner;VbE\nNord;12.345;2,5\nSüd;1.000;");
    expect(preview()).toEqual(["Nord · 12.345 Einwohner · 2,5 VbE", "Süd · 1.000 Einwohner · 2 VbE"]);
  });

  it("shows the untouched header in the new language", async () => {
    await switchLanguage("en");
    expect(textarea().value).toBe("Neighbourhood;Residents;FTE;Room costs\n");
  });
});

describe("the Check tab of a workbook without a plan", () => {
  it.each([
    ["de", "Prüfen", "(keine Quartiersplanung gefunden)", "(no neighbourhood plan found)"],
    ["en", "Check", "(no neighbourhood plan found)", "(keine Quartiersplanung gefunden)"],
  ] as const)("names it in the pane's language (%s)", async (lang, tab, shown, notShown) => {
    await renderApp(lang);
    await openTab(tab);
    await click(button(tab));
    expect(panel().querySelector("[data-neighbourhood]")!.textContent).toContain(shown);
    expect(panel().textContent).not.toContain(notShown);
  });
});
