/** @jest-environment jsdom */
import { act } from "react";
import { createRoot, Root } from "react-dom/client";
import { App } from "../../src/taskpane/App";
import type { TaskpaneActions } from "../../src/taskpane/actions";
import { stubActions } from "./stubActions";
import { startWorkbookParameters } from "../../src/taskpane/workbookParameters";
import { SimulatedOfficeError } from "../../src/preview/host";


const actions = stubActions;

let container: HTMLDivElement;

/** The tabs' labels (Fluent also renders a hidden bold copy of each label to reserve its width). */
function tabNames(): (string | null | undefined)[] {
  return [...container.querySelectorAll('[role="tab"]')].map((t) => t.querySelector(".fui-Tab__content")?.textContent);
}
let root: Root;

async function render(a: TaskpaneActions, lang: "de" | "en" = "de"): Promise<void> {
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => root.render(<App actions={a} parameterStore={startWorkbookParameters(a)} initialLanguage={lang} />));
}

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe("the task pane app", () => {
  it("opens German with the five tabs", async () => {
    await render(actions());
    const tabs = tabNames();
    expect(tabs).toEqual(["Budget", "Prüfen", "Vorlage", "Vergleich", "Parameter"]);
  });

  it("opens English when Office runs in English", async () => {
    await render(actions(), "en");
    const tabs = tabNames();
    expect(tabs).toEqual(["Budget", "Check", "Template", "Compare", "Parameters"]);
  });

  it("shows a failing Excel call in an alert instead of a blank pane", async () => {
    await render(actions({ loadParameters: () => Promise.reject(new SimulatedOfficeError("AccessDenied", "Die Arbeitsmappe ist gesperrt.")) }));
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain("Excel meldet: Die Arbeitsmappe ist gesperrt.");
    expect(container.querySelector('[role="tablist"]')).not.toBeNull();
  });

  it("renders text from the workbook as text, never as HTML", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    await render(actions({ loadParameters: () => Promise.reject(new Error(hostile)) }));
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(hostile);
  });
});
