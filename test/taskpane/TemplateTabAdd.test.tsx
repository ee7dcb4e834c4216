/** @jest-environment jsdom */
import { act } from "react";
import { createRoot, Root } from "react-dom/client";
import { defaultParameters } from "../../src/core/standard";
import type { TemplatePlan } from "../../src/core/template";
import type { TemplateActions, TemplateResult } from "../../src/taskpane/actions";
import { i18nFor, I18nProvider } from "../../src/taskpane/i18nContext";
import { TemplateTab } from "../../src/taskpane/tabs/TemplateTab";

let container: HTMLDivElement;
let root: Root;
const added: TemplatePlan[] = [];

async function render(result: TemplateResult, lang: "de" | "en" = "de"): Promise<void> {
  const actions: TemplateActions = {
    readSelection: () => Promise.reject(new Error("not used")),
    createTemplate: () => Promise.reject(new Error("must not be called")),
    addNeighbourhoods: (plan) => (added.push(plan), Promise.resolve(result)),
  };
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nProvider value={i18nFor(lang)}>
        <TemplateTab parameters={defaultParameters()} actions={actions} onCreated={() => undefined} />
      </I18nProvider>,
    ),
  );
}

async function type(text: string): Promise<void> {
  const textarea = container.querySelector("textarea")!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(textarea, text);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

const button = (text: string) => [...container.querySelectorAll("button")].find((b) => b.textContent === text)!;

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  added.length = 0;
});

describe("Quartiere hinzufügen in the Vorlage tab", () => {
  it("hands the typed Quartiere to the action and says where they went and which plan years they took", async () => {
    await render({ sheets: ["QM Ost"], renamed: [], added: { comparison: "Vergleich", replaced: true, years: [2026, 2027, 2028] } });
    await type("Quartier;Einwohner\nOst;5.000\n");
    await act(async () => button("Quartiere hinzufügen").click());
    expect(added.map((p) => p.neighbourhoods.map((n) => n.name))).toEqual([["Ost"]]);
    expect(container.textContent).toContain("1 Quartier(e) hinzugefügt: „QM Ost“ (Planjahre 2026, 2027, 2028); das Blatt „Vergleich“ zeigt jetzt alle Quartiere.");
  });

  it("a changed Vergleich sheet: the message says it was left as it is", async () => {
    await render({ sheets: ["QM Ost"], renamed: [], added: { comparison: "Vergleich (2)", replaced: false, years: [2026] } });
    await type("Quartier;Einwohner\nOst;5.000\n");
    await act(async () => button("Quartiere hinzufügen").click());
    expect(container.textContent).toContain("Das bisherige Blatt „Vergleich“ war geändert und bleibt, wie es ist; der Vergleich aller Quartiere steht in „Vergleich (2)“.");
  });
});

describe("sheets of the added Quartiere that got another name", () => {
  const renamed: TemplateResult["renamed"] = [
    { requested: "QM Nord/Ost", actual: "QM Nord-Ost", reasons: ["cleaned"] },
    { requested: "QM Nord-Ost", actual: "QM Nord-Ost (2)", reasons: ["taken"] },
    { requested: "QM Großsiedlung am Stadtrand Süd", actual: "QM Großsiedlung am (2)", reasons: ["shortened", "taken"] },
  ];
  const result: TemplateResult = { sheets: renamed.map((r) => r.actual), renamed, added: { comparison: "Vergleich", replaced: true, years: [2026] } };
  const notes = () => [...container.querySelectorAll("[data-renamed]")].map((d) => [d.getAttribute("data-renamed"), d.textContent]);

  it("each note names its own reasons, in German", async () => {
    await render(result);
    await type("Quartier;Einwohner\nNord/Ost;1\nNord-Ost;2\nGroßsiedlung am Stadtrand Süd;3\n");
    await act(async () => button("Quartiere hinzufügen").click());
    expect(notes()).toEqual([
      ["cleaned", "Blatt „QM Nord/Ost“ angelegt als „QM Nord-Ost“: Zeichen, die Excel in Blattnamen nicht erlaubt ([ ] : * ? / \\ oder ein Apostroph am Rand), ersetzt."],
      ["taken", "Blatt „QM Nord-Ost“ angelegt als „QM Nord-Ost (2)“: den Namen gab es in der Mappe schon."],
      [
        "shortened taken",
        "Blatt „QM Großsiedlung am Stadtrand Süd“ angelegt als „QM Großsiedlung am (2)“: an einer Wortgrenze auf 31 Zeichen gekürzt (mehr erlaubt Excel nicht); den Namen gab es in der Mappe schon.",
      ],
    ]);
  });

  it("and in English", async () => {
    await render(result, "en");
    await type("Neighbourhood;Residents\nNord/Ost;1\nNord-Ost;2\nGroßsiedlung am Stadtrand Süd;3\n");
    await act(async () => button("Add neighbourhoods").click());
    expect(notes().map(([, text]) => text)).toEqual([
      'Sheet "QM Nord/Ost" created as "QM Nord-Ost": characters Excel does not allow in sheet names ([ ] : * ? / \\ or an apostrophe at either end) replaced.',
      'Sheet "QM Nord-Ost" created as "QM Nord-Ost (2)": the name was already in use in the workbook.',
      'Sheet "QM Großsiedlung am Stadtrand Süd" created as "QM Großsiedlung am (2)": shortened at a word boundary to 31 characters (Excel allows no more); the name was already in use in the workbook.',
    ]);
  });
});
