/**
 * Issue 11, "The planner's daily work in the task pane", clicked through in a real Chromium on
 * the browser preview: one Quartiersmanager's session, one step per item of the issue. Each
 * step failed before the change it tests. Screenshots of the findings list and of a 320 px
 * pane go where taskpane.test.ts puts its own (docs/screenshots with `npm run screenshots`).
 */
import { mkdirSync } from "fs";
import { join, resolve } from "path";
import type { Locator, Page } from "playwright-core";
import { Browser, buildPreview, launchChromium, serveStatic, StaticServer } from "./preview";

const SCREENSHOTS = resolve(__dirname, process.env.QM_SCREENSHOTS === "docs" ? "../../docs/screenshots" : "../../test-output/screenshots");
const STEP_TIMEOUT = 90_000;

let server: StaticServer;
let browser: Browser;
let page: Page;
let pane: Locator;
let workbook: Locator;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveStatic(buildPreview());
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/preview.html?mappe=leer`);
  pane = page.locator("#pane");
  workbook = page.locator("#workbook");
  await pane.getByRole("tab", { name: "Budget" }).waitFor();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => expect(pageErrors).toEqual([]));

const nameBox = () => workbook.getByRole("textbox", { name: "Namenfeld" });
const formulaBar = () => workbook.getByRole("textbox", { name: "Bearbeitungsleiste" });

/** Selects a cell, range or defined name through the name box; returns the address it landed on. */
async function goTo(target: string): Promise<string> {
  await nameBox().fill(target);
  await nameBox().press("Enter");
  return nameBox().inputValue();
}

/** Types into the selected cell and confirms with Enter, as a person does. */
async function typeIntoCell(text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

async function openSheet(name: string): Promise<void> {
  await workbook.getByRole("tab", { name, exact: true }).click();
}

const cell = (address: string) => workbook.locator(`td[data-address="${address}"]`);

test(
  "1 · Budget: inputs below the standard get the check's own warning beside the line or input",
  async () => {
    const residents = pane.getByRole("textbox", { name: "Einwohner", exact: true });
    const fte = pane.getByRole("textbox", { name: "VbE", exact: true });
    const salary = pane.getByRole("textbox", { name: "Gehalt je VbE (€ pro Jahr)" });
    await residents.fill("8.000");
    await fte.fill("1,5");
    // The check's sentence for personal.mindest_vbe, at the VbE input, and a summary above the lines.
    await pane.getByText("Geplant sind 1,5 VbE, der Standard verlangt mindestens 2 VbE.").waitFor();
    await expect(pane.locator("[data-budget-warnings]").getAttribute("data-budget-warnings")).resolves.toBe("1");

    await fte.fill("2");
    await salary.fill("38.000");
    const staff = pane.locator('[data-warning="personal.verguetung"]');
    await staff.waitFor();
    await expect(staff.textContent()).resolves.toContain("76.000,00 €");
    await expect(pane.locator('[data-line="total"]').textContent()).resolves.toMatch(/€$/);

    await fte.fill("0");
    await pane.getByText("Geplant sind 0 VbE, der Standard verlangt mindestens 2 VbE.").waitFor();
    await salary.fill("");
    await fte.fill("2");
    await expect(pane.locator("[data-budget-warnings]").count()).resolves.toBe(0);
  },
  STEP_TIMEOUT,
);

const LIST = "Quartier;Einwohner;VbE;Raumkosten\nNordstadt;12.400;2,5;18000\nAltstadt;4.300;2;9600\nSüd?;7.800;2;14400\nAm langen Kanal und am alten Hafen;5.000;2;0";

test(
  "2 · Aus Markierung übernehmen never loses the typed list: an empty or header-only selection is explained, rows are appended on request",
  async () => {
    await pane.getByRole("tab", { name: "Vorlage" }).click();
    const list = pane.getByRole("textbox", { name: "Quartiere" });
    await list.fill(LIST);
    await pane.getByText("4 Quartiere erkannt.").waitFor();

    // An empty cell selected: nothing is wiped, and the pane says why nothing was taken.
    await goTo("H1");
    await pane.getByRole("button", { name: "Aus Markierung übernehmen" }).click();
    await expect(pane.locator("[data-selection-note]").textContent()).resolves.toContain("ist leer – die Liste bleibt, wie sie ist");
    await expect(list.inputValue()).resolves.toBe(LIST);

    // Only a header.
    await goTo("H1");
    await typeIntoCell("Quartier");
    await goTo("I1");
    await typeIntoCell("Einwohner");
    await goTo("H1:I1");
    await pane.getByRole("button", { name: "Aus Markierung übernehmen" }).click();
    await expect(pane.locator("[data-selection-note]").textContent()).resolves.toContain("enthält nur eine Zeile (Quartier, Einwohner)");
    await expect(list.inputValue()).resolves.toBe(LIST);

    // A header and a Quartier: asked, appended, said what was taken.
    await goTo("H2");
    await typeIntoCell("Hafenviertel");
    await goTo("I2");
    await typeIntoCell("7800");
    await goTo("H1:I2");
    await pane.getByRole("button", { name: "Aus Markierung übernehmen" }).click();
    await pane.locator("[data-selection-pending]").waitFor();
    await pane.getByRole("button", { name: "Anhängen" }).click();
    await expect(pane.locator("[data-selection-note]").textContent()).resolves.toContain("1 Zeile aus Tabelle1!H1:I2 angehängt; die Liste hat jetzt 5 Zeilen.");
    await expect(list.inputValue()).resolves.toBe(`${LIST}\nHafenviertel;7.800;;`);
    await pane.getByText("5 Quartiere erkannt.").waitFor();
    // Cleared again, so the later checks of the whole workbook see only the template's sheets.
    await goTo("H1:I2");
    await page.keyboard.press("Delete");
  },
  STEP_TIMEOUT,
);

test(
  "9 · a cleaned-up or shortened sheet name is reported as such, not as „gab es schon“",
  async () => {
    await pane.getByRole("button", { name: "Vorlage erstellen" }).click();
    await pane.getByText("Vorlage erstellt: 7 Blätter angelegt.").waitFor();
    const cleaned = pane.locator('[data-renamed="cleaned"]');
    await expect(cleaned.textContent()).resolves.toBe(
      "Blatt „QM Süd?“ angelegt als „QM Süd-“: Zeichen, die Excel in Blattnamen nicht erlaubt ([ ] : * ? / \\ oder ein Apostroph am Rand), ersetzt.",
    );
    const shortened = pane.locator('[data-renamed="shortened"]');
    await expect(shortened.textContent()).resolves.toContain("„QM Am langen Kanal und am alten“: an einer Wortgrenze auf 31 Zeichen gekürzt");
    await expect(pane.getByText("gab es schon").count()).resolves.toBe(0);
    await expect(workbook.getByRole("tab", { name: "QM Am langen Kanal und am alten", exact: true }).count()).resolves.toBe(1);
  },
  STEP_TIMEOUT,
);

test(
  "3 · an untouched Planansatz follows its Richtwert: after a Tarifsteigerung no plan fails personal.verguetung",
  async () => {
    await openSheet("QM Nordstadt");
    const richtwert = (await goTo("Richtwert_Personalkosten")).split(":")[0];
    const plan = (await goTo("Plan_Personalkosten")).split(":")[0];
    await goTo(plan);
    await expect(formulaBar().inputValue()).resolves.toBe(`=${richtwert}`);

    await pane.getByRole("tab", { name: "Parameter" }).click();
    await pane.locator('[data-field="tariffIncrease"]').fill("3");
    await pane.getByRole("button", { name: "In der Arbeitsmappe speichern" }).click();
    await pane.getByText("Gespeichert. Die QM-Funktionen rechnen jetzt mit diesen Werten.").waitFor();
    // The Planansatz of the last year moved with its Richtwert.
    const lastPlan = (await goTo("Plan_Personalkosten")).split(":")[1];
    const lastRichtwert = (await goTo("Richtwert_Personalkosten")).split(":")[1];
    await expect(cell(lastPlan).textContent()).resolves.toBe(await cell(lastRichtwert).textContent());

    await pane.getByRole("tab", { name: "Prüfen" }).click();
    await pane.getByRole("radio", { name: "Ganze Arbeitsmappe" }).check();
    await pane.getByRole("button", { name: "Prüfen", exact: true }).click();
    await pane.locator("[data-group]").first().waitFor();
    await expect(pane.locator('[data-rule="personal.verguetung"]').count()).resolves.toBe(0);
    await expect(pane.getByText("personal.verguetung").count()).resolves.toBe(0);
  },
  STEP_TIMEOUT,
);

test(
  "6 · the findings list: per Quartier, filter, sorted, unconfirmed requirements folded, one tab stop, announced",
  async () => {
    const groups = await pane.locator("[data-group]").evaluateAll((els) => els.map((e) => e.getAttribute("data-group")));
    expect(groups).toEqual(expect.arrayContaining(["Nordstadt", "Altstadt", "Süd?", "Hafenviertel"]));
    const nord = pane.locator('[data-group="Nordstadt"]');
    const fold = nord.locator('[data-fold="requirements"] > button');
    await expect(fold.textContent()).resolves.toMatch(/^▸ \d+ Anforderungen noch nicht bestätigt/);
    await expect(nord.locator('[data-rule="raeume.buero"]').count()).resolves.toBe(0);
    await fold.click();
    await expect(fold.getAttribute("aria-expanded")).resolves.toBe("true");
    await expect(nord.locator('[data-rule="raeume.buero"]').count()).resolves.toBe(1);
    // Plain language first, the rule id second.
    const first = nord.locator('[data-rule="raeume.buero"]');
    const text = (await first.textContent()) ?? "";
    expect(text.indexOf("nicht erfüllt")).toBeLessThan(text.indexOf("raeume.buero"));
    // Verstöße before Hinweise.
    const severities = await nord.locator("[data-severity]").evaluateAll((els) => els.map((e) => e.getAttribute("data-severity")));
    const rank = (s: string | null) => (s === "verstoss" ? 0 : 1);
    expect(severities).toEqual([...severities].sort((a, b) => rank(a) - rank(b)));

    // One tab stop for the list, the arrow keys inside.
    const items = pane.locator("[data-findings-list] button");
    await items.first().focus();
    await page.keyboard.press("ArrowDown");
    const inList = () => page.evaluate(() => !!document.activeElement?.closest("[data-findings-list]"));
    const activeText = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    await expect(inList()).resolves.toBe(true);
    await expect(activeText()).resolves.not.toBe(await items.first().textContent());
    await page.keyboard.press("Tab");
    await expect(inList()).resolves.toBe(false);

    await expect(pane.locator("[data-announcement]").getAttribute("aria-live")).resolves.toBe("polite");
    await expect(pane.locator("[data-announcement]").textContent()).resolves.toMatch(/^Prüfung abgeschlossen – Quartiere: \d+, Verstöße: \d+, Hinweise: \d+\.$/);

    await pane.getByRole("radio", { name: /^Hinweise/ }).check();
    await expect(pane.locator('[data-findings-list] [data-severity="verstoss"]').count()).resolves.toBe(0);
    // The focus areas without measures are Hinweise, folded like the requirements.
    await nord.locator('[data-fold="focusAreas"] > button').click();
    await expect(nord.locator('[data-severity="hinweis"]').count()).resolves.toBeGreaterThan(1);
    await pane.getByRole("radio", { name: /^Alle/ }).check();
    await pane.evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, "befunde.png") });
  },
  STEP_TIMEOUT,
);

let vbeCell = "";

test(
  "4 · findings stay true: a fixed cell's finding leaves the list after the edit and its mark goes",
  async () => {
    await openSheet("QM Altstadt");
    vbeCell = await goTo("VbE");
    await typeIntoCell("1,5");
    await pane.getByRole("radio", { name: "Aktives Blatt" }).check();
    await pane.getByRole("button", { name: "Prüfen", exact: true }).click();
    await pane.locator('[data-rule="personal.mindest_vbe"]').waitFor();
    await pane.getByRole("button", { name: "Markieren", exact: true }).click();
    await pane.getByText(/Zellen markiert/).waitFor();
    await expect(cell(vbeCell).evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe("rgb(255, 199, 206)");

    // The user fixes the cell: the list follows without pressing Prüfen, the mark goes with it.
    await goTo(vbeCell);
    await typeIntoCell("2");
    await page.waitForFunction(() => document.querySelectorAll('[data-rule="personal.mindest_vbe"]').length === 0);
    await expect(pane.locator("[data-stale]").count()).resolves.toBe(0);
    await page.waitForFunction((address) => {
      const td = document.querySelector(`td[data-address="${address}"]`);
      return td !== null && getComputedStyle(td).backgroundColor !== "rgb(255, 199, 206)";
    }, vbeCell);
  },
  STEP_TIMEOUT,
);

test(
  "5 · marks are told apart without colour (frame and stripes), and a selected marked cell says why",
  async () => {
    // A Verstoß: an unconfirmed requirement; a Hinweis: a focus area without measures (both on the yellow input cells).
    const requirement = (await goTo("Buero")).split(":")[0];
    const measure = (await goTo("Massnahmen_Netzwerk")).split(":")[0];
    const style = (address: string) =>
      cell(address).evaluate((td) => {
        const s = getComputedStyle(td);
        return { border: `${s.borderTopStyle} ${s.borderTopWidth}`, stripes: s.backgroundImage.includes("repeating-linear-gradient") };
      });
    await expect(style(requirement)).resolves.toEqual({ border: "solid 3px", stripes: false });
    await expect(style(measure)).resolves.toEqual({ border: "dashed 2px", stripes: true });

    await cell(measure).click();
    const reason = pane.locator(`[data-cell-reason="${measure}"]`);
    await reason.waitFor();
    await expect(reason.textContent()).resolves.toContain("Hinweis:");
    await cell(requirement).click();
    await expect(pane.locator(`[data-cell-reason="${requirement}"]`).textContent()).resolves.toContain("nicht erfüllt");
    await page.screenshot({ path: join(SCREENSHOTS, "markiert-grund.png") });
    await pane.getByRole("button", { name: "Markierungen entfernen" }).click();
    await pane.getByText(/Markierungen entfernt/).waitFor();
  },
  STEP_TIMEOUT,
);

test(
  "8 · English mode: the Prüfbericht in English, and \"8.000\" is asked about, not read as 8",
  async () => {
    await pane.getByRole("combobox", { name: "Sprache" }).selectOption("en");
    await pane.getByRole("tab", { name: "Check" }).click();
    await pane.getByRole("button", { name: "Check", exact: true }).click();
    await pane.locator("[data-group]").first().waitFor();
    await pane.getByRole("button", { name: "Check report" }).click();
    await pane.getByText(/Check report written to the sheet/).waitFor();
    await expect(workbook.getByText("Check report", { exact: true }).count()).resolves.toBe(1);
    for (const header of ["Neighbourhood", "Severity", "Message", "Expected", "Actual", "Cell"])
      await expect(workbook.getByText(header, { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(workbook.getByText("Verstoß", { exact: true }).count()).resolves.toBe(0);

    await pane.getByRole("tab", { name: "Budget" }).click();
    const residents = pane.getByRole("textbox", { name: "Residents", exact: true });
    await residents.fill("8.000");
    await pane.getByText(/is "8\.000" a decimal in English spelling, or thousands in German spelling\?/).waitFor();
    await expect(pane.locator('[data-line="total"]').count()).resolves.toBe(0);
    await residents.fill("8,000");
    await expect(pane.locator('[data-line="projectCost"]').textContent()).resolves.toBe("€16,000.00");

    // A template made in English: English labels; sheet names, defined names and "ja"/"nein" as the names contract says.
    const fresh = await browser.context.newPage();
    fresh.on("pageerror", (e) => pageErrors.push(e.message));
    await fresh.goto(`${server.url}/preview.html?mappe=leer&sprache=en`);
    const p = fresh.locator("#pane");
    await p.getByRole("tab", { name: "Template" }).click();
    await p.getByRole("textbox", { name: "Neighbourhoods" }).fill("Neighbourhood;Residents\nNorth;8,000");
    await p.getByRole("button", { name: "Create template" }).click();
    await p.getByText("Template created: 3 sheets added.").waitFor();
    const grid = fresh.locator("#workbook");
    await grid.getByRole("tab", { name: "QM North", exact: true }).click();
    for (const label of ["Neighbourhood management North", "Inputs", "Budget per plan year", "Reference value (framework standard)", "Planned amount (input)"])
      await expect(grid.getByText(label, { exact: true }).count()).resolves.toBe(1);
    await expect(grid.getByText("nein", { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(grid.getByText("Eingaben", { exact: true }).count()).resolves.toBe(0);
    await fresh.close();
  },
  STEP_TIMEOUT,
);

test(
  "7 · at 320 px the tabs stay on one row (the rest in a menu) and nothing scrolls sideways",
  async () => {
    const narrow = await browser.context.newPage();
    narrow.on("pageerror", (e) => pageErrors.push(e.message));
    await narrow.goto(`${server.url}/preview.html?breite=320&sprache=en`);
    const p = narrow.locator("#pane");
    await p.getByRole("tab", { name: "Budget" }).waitFor();
    await expect(p.evaluate((el) => el.getBoundingClientRect().width)).resolves.toBe(320);
    const rows = () => p.getByRole("tab").evaluateAll((tabs) => [...new Set(tabs.filter((t) => (t as HTMLElement).offsetParent !== null).map((t) => t.getBoundingClientRect().top))]);
    await expect(rows()).resolves.toHaveLength(1);
    const sideways = () => p.evaluate((el) => el.scrollWidth - el.clientWidth);

    await p.getByRole("textbox", { name: "Residents", exact: true }).fill("12,400");
    await expect(sideways()).resolves.toBe(0);
    // The tabs that do not fit are in the "⋯" menu.
    await p.getByRole("button", { name: /more sections/ }).click();
    await narrow.locator('[data-overflow-tab="parameters"]').click();
    await expect(narrow.locator("#panel-parameters").isVisible()).resolves.toBe(true);
    await expect(rows()).resolves.toHaveLength(1);
    await expect(sideways()).resolves.toBe(0);

    await p.getByRole("tab", { name: "Check" }).click();
    await p.getByRole("radio", { name: "Whole workbook" }).check();
    await p.getByRole("button", { name: "Check", exact: true }).click();
    await p.locator("[data-group]").first().waitFor();
    await expect(sideways()).resolves.toBe(0);
    await p.evaluate((el) => el.scrollTo(0, 0));
    await narrow.screenshot({ path: join(SCREENSHOTS, "schmal.png") });
    await narrow.close();
  },
  STEP_TIMEOUT,
);
