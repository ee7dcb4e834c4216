/** @jest-environment jsdom */
import { act } from "react";
import { createRoot, Root } from "react-dom/client";
import { App } from "../../src/taskpane/App";
import type { TaskpaneActions } from "../../src/taskpane/actions";
import { BUILT_IN_IDENTITY, ParameterChange, ParameterSaveError, WorkbookParameters } from "../../src/core/parameterSources";
import { parseProfile } from "../../src/core/profile";
import { defaultParameters } from "../../src/core/standard";
import { runtimeState, updateRuntimeState } from "../../src/functions/state";
import { startWorkbookParameters } from "../../src/taskpane/workbookParameters";
import { stubActions } from "./stubActions";

/** The template's Parameter sheet: every field has a named cell. */
const FROM_SHEET: WorkbookParameters = {
  parameters: defaultParameters(),
  planning: { baseYear: "2026", tariffIncrease: "0.02", shareFederal: "0.333333333333333", shareState: "0.333333333333333", shareMunicipal: "0.333333333333333" },
  standard: { ...BUILT_IN_IDENTITY },
  source: "sheet",
  sheet: "Parameter",
  sheetId: "s1",
  formulas: [],
};

let container: HTMLDivElement;
let root: Root;
let saved: ParameterChange[];
let refusal: Error | undefined;
let workbook: WorkbookParameters;

function actions(): TaskpaneActions {
  return stubActions({
    loadParameters: () => Promise.resolve(workbook),
    saveParameters: (change, options) => {
      if (refusal) return Promise.reject(refusal);
      options?.onWrite?.();
      saved.push(change);
      workbook = {
        ...workbook,
        parameters: change.parameters,
        planning: { ...workbook.planning, ...change.planning },
        standard: change.standard ?? workbook.standard,
      };
      return Promise.resolve(workbook);
    },
  });
}

async function render(initial: WorkbookParameters = FROM_SHEET, lang: "de" | "en" = "de"): Promise<void> {
  workbook = initial;
  const a = actions();
  await act(async () => root.render(<App actions={a} parameterStore={startWorkbookParameters(a)} initialLanguage={lang} />));
  const tab = [...container.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => /^Parameter/.test(t.textContent ?? ""))!;
  await act(async () => tab.click());
}

beforeEach(() => {
  saved = [];
  refusal = undefined;
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  updateRuntimeState({ parameters: defaultParameters(), standard: BUILT_IN_IDENTITY, language: "de" });
});

const panel = () => container.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])')!;
const field = (key: string) => container.querySelector<HTMLInputElement>(`[data-field="${key}"]`)!;
function button(name: string): HTMLButtonElement {
  const found = [...panel().querySelectorAll("button")].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}
async function click(el: HTMLElement): Promise<void> {
  await act(async () => el.click());
}
async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}
/** Lets FileReader (a macrotask in jsdom) and what follows it run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}
async function chooseFile(text: string, name = "musterstadt.json"): Promise<void> {
  const input = container.querySelector<HTMLInputElement>("[data-profile-file]")!;
  const file = new File([text], name, { type: "application/json" });
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  await act(async () => input.dispatchEvent(new Event("change", { bubbles: true })));
  await settle();
}
const rows = (selector: string) =>
  [...container.querySelectorAll(`${selector} [data-diff]`)].map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent));

const PROFILE = JSON.stringify({
  name: "Profil Musterstadt",
  version: "2027.1",
  gueltig_ab: "2027-01-01",
  kennzahlen: { Projektkosten_je_Einwohner: "2.5", Sachkosten_je_VbE: 3600 },
  foerderanteile: { Anteil_Bund: "0.4", Anteil_Land: "0.4", Anteil_Gemeinde: "0.2" },
});

describe("the Parameter tab's planning assumptions", () => {
  it("shows Basisjahr, Tarifsteigerung and the shares in percent, and saves them as the workbook keeps them", async () => {
    await render();
    expect(field("baseYear").value).toBe("2026");
    expect(field("tariffIncrease").value).toBe("2");
    expect(field("shareState").value).toBe("33,3333333333333");
    expect(container.querySelector("[data-share-sum]")?.textContent).toBe("Summe der Förderanteile: 100 %");
    await type(field("tariffIncrease"), "2,5");
    await type(field("baseYear"), "2027");
    await click(button("In der Arbeitsmappe speichern"));
    expect(saved).toHaveLength(1);
    expect(saved[0].planning).toEqual({
      baseYear: "2027",
      tariffIncrease: "0.025",
      shareFederal: "0.333333333333333",
      shareState: "0.333333333333333",
      shareMunicipal: "0.333333333333333",
    });
    expect(field("tariffIncrease").value).toBe("2,5");
  });

  it("names a wrong field beside it and does not save: shares not adding up, a year out of range", async () => {
    await render();
    await type(field("shareFederal"), "50");
    expect(panel().textContent).toContain("Die Förderanteile ergeben zusammen 116,6667 %, nicht 100 %.");
    expect(button("In der Arbeitsmappe speichern").disabled).toBe(true);
    await type(field("shareState"), "16,6666666666667");
    expect(button("In der Arbeitsmappe speichern").disabled).toBe(false);
    await type(field("baseYear"), "1850");
    expect(panel().textContent).toContain("Basisjahr: 1850 ist kein Jahr von 2000 bis 2100.");
    expect(button("In der Arbeitsmappe speichern").disabled).toBe(true);
  });

  it("shows a cell computed by a formula as read-only, and marks the field a refused save names", async () => {
    await render({ ...FROM_SHEET, formulas: ["shareFederal"] });
    expect(field("shareFederal").readOnly).toBe(true);
    expect(panel().textContent).toContain("Im Blatt mit einer Formel berechnet (Anteil_Bund)");
    refusal = new ParameterSaveError("Im Blatt wird mit einer Formel berechnet: „Mindest-VbE“ (Parameter!B5).", "…", ["minFte"]);
    await type(field("minFte"), "3");
    await click(button("In der Arbeitsmappe speichern"));
    const minFte = field("minFte").closest(".fui-Field")!;
    expect(minFte.textContent).toContain("Nicht gespeichert: diese Zelle berechnet eine Formel.");
    expect(panel().textContent).toContain("Im Blatt wird mit einer Formel berechnet: „Mindest-VbE“ (Parameter!B5).");
  });

  it("leaves planning assumptions the workbook does not have unset, and saves none of them", async () => {
    await render({ ...FROM_SHEET, planning: {}, source: "settings", sheet: undefined, sheetId: undefined });
    expect(field("baseYear").value).toBe("");
    expect(panel().textContent).toContain("In dieser Arbeitsmappe nicht festgelegt");
    await type(field("materialCostPerFte"), "3.600");
    await click(button("In der Arbeitsmappe speichern"));
    expect(saved[0]).toEqual({ parameters: { ...defaultParameters(), materialCostPerFte: "3600" }, planning: {}, standard: undefined });
  });
});

describe("the Parameter tab's profiles", () => {
  it("lists what differs from the built-in standard, amounts as 12.345,67 €", async () => {
    await render({ ...FROM_SHEET, parameters: { ...defaultParameters(), projectCostMinimum: "12345.67" } });
    expect(rows("[data-diff-builtin]")).toEqual([["Projektkosten Mindestbetrag", "5.000,00 €", "12.345,67 €"]]);
  });

  it("says so when the workbook computes with the built-in standard", async () => {
    await render();
    expect(container.querySelector("[data-diff-builtin]")).toBeNull();
    expect(panel().textContent).toContain("Diese Arbeitsmappe rechnet mit den Werten des Rahmenstandards 2026.1.");
  });

  it("imports a profile file, shows what it changes before applying, and applies it to the workbook and the functions", async () => {
    await render();
    await chooseFile(PROFILE);
    expect(panel().textContent).toContain("Profil „Profil Musterstadt“, Version 2027.1, gültig ab 2027-01-01. Es ändert in dieser Arbeitsmappe:");
    expect(rows("[data-profile-pending]")).toEqual([
      ["Sachkosten je VbE", "3.500,00 €", "3.600,00 €"],
      ["Projektkosten je Einwohner", "2,00 €", "2,50 €"],
      ["Förderanteil Bund", "33,3333 %", "40 %"],
      ["Förderanteil Land", "33,3333 %", "40 %"],
      ["Förderanteil Gemeinde", "33,3333 %", "20 %"],
    ]);
    // Nothing is written before the user applies it.
    expect(saved).toHaveLength(0);
    expect(runtimeState().parameters.projectCostPerResident).toBe("2");

    await click(button("Profil übernehmen"));
    expect(saved).toEqual([
      {
        parameters: { ...defaultParameters(), projectCostPerResident: "2.5", materialCostPerFte: "3600" },
        planning: { shareFederal: "0.4", shareState: "0.4", shareMunicipal: "0.2" },
        standard: { name: "Profil Musterstadt", version: "2027.1", validFrom: "2027-01-01" },
      },
    ]);
    expect(runtimeState().parameters.projectCostPerResident).toBe("2.5");
    expect(runtimeState().standard).toEqual({ name: "Profil Musterstadt", version: "2027.1" });
    expect(panel().textContent).toContain("Profil „Profil Musterstadt“ übernommen.");
    // Once, in the profile's section, not also under the fields' save button.
    expect(panel().textContent?.split("übernommen.").length).toBe(2);
    expect(container.querySelector("[data-standard-identity]")?.textContent).toBe("Stand: Profil Musterstadt, Version 2027.1");
    expect(field("projectCostPerResident").value).toBe("2,5");
    expect(field("shareMunicipal").value).toBe("20");
    // The diff against the built-in standard now lists the profile's changes.
    expect(rows("[data-diff-builtin]").map((row) => row[0])).toEqual([
      "Sachkosten je VbE",
      "Projektkosten je Einwohner",
      "Förderanteil Bund",
      "Förderanteil Land",
      "Förderanteil Gemeinde",
    ]);
  });

  it("discards an imported profile without writing anything", async () => {
    await render();
    await chooseFile(PROFILE);
    await click(button("Verwerfen"));
    expect(container.querySelector("[data-profile-pending]")).toBeNull();
    expect(saved).toHaveLength(0);
  });

  it("shows a bad profile's one line, naming the key, in the pane's language", async () => {
    await render(FROM_SHEET, "en");
    await chooseFile(JSON.stringify({ name: "X", version: "1", gueltig_ab: "2027-01-01", kennzahlen: { Projektkosten_je_Einwohner: "-2" } }));
    expect(panel().textContent).toContain('"kennzahlen.Projektkosten_je_Einwohner": "-2" is negative; figures are 0 or more.');
    expect(container.querySelector("[data-profile-pending]")).toBeNull();
  });

  it("refuses a file far larger than any profile without reading it", async () => {
    await render();
    await chooseFile(" ".repeat(300 * 1024), "gross.json");
    expect(panel().textContent).toContain("Die Datei „gross.json“ ist größer als 256 KB – so groß ist kein Profil.");
  });

  it("exports the workbook's values as a profile that reads back the same, as text and as a download link", async () => {
    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: (blob: Blob) => (created.push(blob), "blob:profil"), revokeObjectURL: () => undefined });
    await render({ ...FROM_SHEET, parameters: { ...defaultParameters(), projectCostPerResident: "2.5" } });
    await type(container.querySelector<HTMLInputElement>("[data-profile-name]")!, "Profil Musterstadt");
    await click(button("Profil exportieren"));
    const text = container.querySelector<HTMLTextAreaElement>("[data-profile-json]")!.value;
    const profile = parseProfile(text);
    expect(profile.name).toBe("Profil Musterstadt");
    expect(profile.parameters.projectCostPerResident).toBe("2.5");
    // Excel's 0.333333333333333 is written back as the exact third it stands for.
    expect(profile.shares).toEqual({ federal: "1/3", state: "1/3", municipal: "1/3" });
    const link = container.querySelector<HTMLAnchorElement>("[data-profile-download]")!;
    expect(link.getAttribute("href")).toBe("blob:profil");
    expect(link.getAttribute("download")).toBe("profil-Profil-Musterstadt-2026.1.json");
    const blobText = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]);
    });
    expect(blobText).toBe(text);
    delete (URL as { createObjectURL?: unknown }).createObjectURL;
  });
});
