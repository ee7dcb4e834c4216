/** @jest-environment jsdom */
import { act } from "react";
import { createRoot, Root } from "react-dom/client";
import { App } from "../../src/taskpane/App";
import type { TaskpaneActions } from "../../src/taskpane/actions";
import { defaultParameters, Parameters } from "../../src/core/standard";
import { ParameterSaveError, type WorkbookParameters } from "../../src/excel/parameters";
import { BUILT_IN_IDENTITY } from "../../src/core/parameterSources";
import { startWorkbookParameters, WorkbookParameterStore } from "../../src/taskpane/workbookParameters";
import { stubActions } from "./stubActions";


const FROM_SHEET: WorkbookParameters = {
  parameters: defaultParameters(),
  planning: {},
  standard: { ...BUILT_IN_IDENTITY },
  source: "sheet",
  sheet: "Parameter",
  sheetId: "s1",
  formulas: [],
};

let container: HTMLDivElement;
let root: Root;
let store: WorkbookParameterStore;
let saved: Parameters[];
/** What the next save is refused with, if anything. */
let saveRefusal: ParameterSaveError | undefined;

function actions(): TaskpaneActions {
  return stubActions({
    loadParameters: () => Promise.resolve(FROM_SHEET),
    saveParameters: ({ parameters }, options) => {
      if (saveRefusal) return Promise.reject(saveRefusal);
      options?.onWrite?.();
      saved.push(parameters);
      return Promise.resolve({ ...FROM_SHEET, parameters });
    },
  });
}

beforeEach(async () => {
  saved = [];
  saveRefusal = undefined;
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  const a = actions();
  store = startWorkbookParameters(a);
  await act(async () => root.render(<App actions={a} parameterStore={store} initialLanguage="de" />));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function tab(name: string): HTMLElement {
  const found = [...container.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.querySelector(".fui-Tab__content")?.textContent === name);
  if (!found) throw new Error(`no tab ${name}`);
  return found;
}

function button(name: string): HTMLButtonElement {
  const panel = container.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])')!;
  const found = [...panel.querySelectorAll("button")].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

const figure = (key: string) => container.querySelector<HTMLInputElement>(`[data-figure="${key}"]`)!;

async function click(el: HTMLElement): Promise<void> {
  await act(async () => el.click());
}

/** Types as a person does: React sees an input event with the new value. */
async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

async function switchLanguage(lang: "de" | "en"): Promise<void> {
  const select = container.querySelector<HTMLSelectElement>("header select")!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(select, lang);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

describe("the Parameter tab", () => {
  beforeEach(() => click(tab("Parameter")));

  it("keeps unsaved edits when the language is switched, spelled for the new language", async () => {
    await type(figure("materialCostPerFte"), "3.600");
    await type(figure("projectCostMinimum"), "viel");
    await switchLanguage("en");
    expect(figure("materialCostPerFte").value).toBe("3,600");
    expect(figure("projectCostMinimum").value).toBe("viel");
    // Untouched figures show the workbook's value in English spelling.
    expect(figure("salaryPerFte").value).toBe("45,000");
    await switchLanguage("de");
    expect(figure("materialCostPerFte").value).toBe("3.600");
    expect(figure("salaryPerFte").value).toBe("45.000");
  });

  it("saves the figures as shown in English, not 45,000 read as 45", async () => {
    await switchLanguage("en");
    await type(figure("materialCostPerFte"), "3,600.5");
    await click(button("Save in the workbook"));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toEqual({ ...defaultParameters(), materialCostPerFte: "3600.5" });
    expect(figure("materialCostPerFte").value).toBe("3,600.5");
  });

  it("saves a small figure as an exact decimal, which the workbook reads back (not 1e-7)", async () => {
    await type(figure("dispositionFundPerResident"), "0,0000001");
    await click(button("In der Arbeitsmappe speichern"));
    expect(saved).toHaveLength(1);
    expect(saved[0].dispositionFundPerResident).toBe("0.0000001");
  });

  it("shows a refused save with its own message, in the pane's language", async () => {
    saveRefusal = new ParameterSaveError("Im Blatt wird mit einer Formel berechnet: „Sachkosten je VbE“ (Parameter!B3).", 'Computed by a formula on the sheet: "Material cost per FTE" (Parameter!B3).');
    await type(figure("materialCostPerFte"), "3.700");
    await click(button("In der Arbeitsmappe speichern"));
    expect(container.textContent).toContain("Im Blatt wird mit einer Formel berechnet: „Sachkosten je VbE“ (Parameter!B3).");
    expect(container.textContent).not.toContain("Unerwarteter Fehler");
    await switchLanguage("en");
    expect(container.textContent).toContain('Computed by a formula on the sheet: "Material cost per FTE" (Parameter!B3).');
    // The typed figure is kept for another try.
    expect(figure("materialCostPerFte").value).toBe("3,700");
  });

  it("keeps other edits when a figure changes in the workbook, and shows that figure's new value", async () => {
    await type(figure("materialCostPerFte"), "3.600");
    await type(figure("salaryPerFte"), "46.000");
    // Someone typed a new Gehalt je VbE into the Parameter sheet; the runtime reloaded it.
    await act(async () => store.set({ ...FROM_SHEET, parameters: { ...defaultParameters(), salaryPerFte: "47000" } }));
    expect(figure("salaryPerFte").value).toBe("47.000");
    expect(figure("materialCostPerFte").value).toBe("3.600");
  });

  it("drops every edit when the user loads the workbook's figures", async () => {
    await type(figure("materialCostPerFte"), "3.600");
    await click(button("Aus der Arbeitsmappe laden"));
    expect(figure("materialCostPerFte").value).toBe("3.500");
  });
});

describe("the Budget tab", () => {
  const field = (label: string) => {
    const id = [...container.querySelectorAll("label")].find((l) => l.textContent === label)!.htmlFor;
    return document.getElementById(id) as HTMLInputElement;
  };
  const line = (key: string) => container.querySelector(`[data-line="${key}"]`)?.textContent;

  it("keeps the typed inputs and their values when the language is switched", async () => {
    await type(field("Einwohner"), "12.400");
    await type(field("VbE"), "2,5");
    expect(line("projectCost")).toBe("24.800,00 €");
    await switchLanguage("en");
    expect(field("Residents").value).toBe("12,400");
    expect(field("FTE").value).toBe("2.5");
    expect(line("projectCost")).toBe("€24,800.00");
    expect(line("materialCost")).toBe("€8,750.00");
  });

  it("reads English spelling in English", async () => {
    await switchLanguage("en");
    await type(field("Residents"), "12,400");
    expect(line("projectCost")).toBe("€24,800.00");
  });
});
