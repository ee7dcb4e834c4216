/**
 * The task pane clicked through in a real Chromium, on the browser preview: the real pane
 * bundle beside the simulated workbook. One user's session, step by step; each step also saves
 * a screenshot of its tab (see SCREENSHOTS).
 */
import { mkdirSync } from "fs";
import { join, resolve } from "path";
import type { Locator, Page } from "playwright-core";
import { Browser, buildPreview, launchChromium, serveStatic, StaticServer } from "./preview";

/**
 * Screenshots go to test-output/ on every run, so a test run leaves the repository as it was;
 * `npm run screenshots` writes them to docs/screenshots/ for the README.
 */
const SCREENSHOTS = resolve(__dirname, process.env.QM_SCREENSHOTS === "docs" ? "../../docs/screenshots" : "../../test-output/screenshots");
const STEP_TIMEOUT = 60_000;

let server: StaticServer;
let browser: Browser;
let page: Page;
let pane: Locator;
let workbook: Locator;
const pageErrors: string[] = [];

async function screenshot(name: string): Promise<void> {
  // The pane from its top, as a user opening the tab sees it.
  await pane.evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The background colour the grid shows for a cell of the active sheet. */
function cellBackground(address: string): Promise<string> {
  return workbook.locator(`td[data-address="${address}"]`).evaluate((td) => getComputedStyle(td).backgroundColor);
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveStatic(buildPreview());
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // An empty workbook: the session creates its own plan in the Vorlage tab.
  await page.goto(`${server.url}/preview.html?mappe=leer`);
  pane = page.locator("#pane");
  workbook = page.locator("#workbook");
  await pane.getByRole("tab", { name: "Budget" }).waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  // A script error in the page fails the step it happened in.
  expect(pageErrors).toEqual([]);
});

test(
  "Budget: the calculator shows every line and writes them as live =QM.* formulas",
  async () => {
    await pane.getByRole("textbox", { name: "Einwohner", exact: true }).fill("12.400");
    await pane.getByRole("textbox", { name: "VbE", exact: true }).fill("2,5");
    await pane.getByRole("textbox", { name: "Raumkosten (€ pro Jahr)" }).fill("18000");
    // 12 400 × 2 € = 24 800 € Projektkosten; 2,5 VbE × 3 500 € = 8 750 € Sachkosten.
    await expect(pane.locator('[data-line="projectCost"]').textContent()).resolves.toBe("24.800,00 €");
    await expect(pane.locator('[data-line="materialCost"]').textContent()).resolves.toBe("8.750,00 €");

    await pane.getByRole("button", { name: "In Zellen einfügen" }).click();
    await pane.getByText("Budget in").waitFor();
    // Row 7 of the block is Projektkosten (=QM.PROJEKTKOSTEN(B1)), computed by the host.
    await workbook.locator('td[data-address="B7"]').click();
    await expect(workbook.getByRole("textbox", { name: "Bearbeitungsleiste" }).inputValue()).resolves.toBe("=QM.PROJEKTKOSTEN(B1)");
    await expect(workbook.locator('td[data-address="B7"]').textContent()).resolves.toBe("24.800,00 €");
    await screenshot("budget");
  },
  STEP_TIMEOUT,
);

test(
  "Vorlage: pasted Quartiere become a planning workbook",
  async () => {
    await pane.getByRole("tab", { name: "Vorlage" }).click();
    await pane
      .getByRole("textbox", { name: "Quartiere" })
      .fill("Quartier;Einwohner;VbE;Raumkosten\nNordstadt;12.400;2,5;18000\nAltstadt;4.300;2;9600\nHafenviertel;7.800;2;14400");
    await pane.getByText("3 Quartiere erkannt.").waitFor();
    await pane.getByRole("button", { name: "Vorlage erstellen" }).click();
    await pane.getByText("Vorlage erstellt: 5 Blätter angelegt.").waitFor();
    for (const sheet of ["Parameter", "QM Nordstadt", "QM Altstadt", "QM Hafenviertel", "Vergleich"])
      await expect(workbook.getByRole("tab", { name: sheet, exact: true }).count()).resolves.toBe(1);
    await screenshot("vorlage");
  },
  STEP_TIMEOUT,
);

let vbeCell = "";

test(
  "a VbE of 1,5 typed into the grid is found by Prüfen; clicking the finding selects its cell",
  async () => {
    await workbook.getByRole("tab", { name: "QM Altstadt" }).click();
    const nameBox = workbook.getByRole("textbox", { name: "Namenfeld" });
    await nameBox.fill("VbE");
    await nameBox.press("Enter");
    vbeCell = await nameBox.inputValue();
    expect(vbeCell).toMatch(/^[A-Z]+\d+$/);
    await page.keyboard.type("1,5");
    await page.keyboard.press("Enter");
    await expect(workbook.locator(`td[data-address="${vbeCell}"]`).textContent()).resolves.toBe("1,50");

    // Move away, so that selecting the cell through the finding is visible.
    await workbook.locator('td[data-address="A1"]').click();
    await pane.getByRole("tab", { name: "Prüfen" }).click();
    await pane.getByRole("button", { name: "Prüfen", exact: true }).click();
    const finding = pane.locator('[data-rule="personal.mindest_vbe"]');
    await finding.waitFor();
    await expect(finding.textContent()).resolves.toContain("1,5 VbE");
    await expect(pane.locator('[data-neighbourhood="Altstadt"]').textContent()).resolves.toMatch(/Verstoß|Verstöße/);

    await finding.click();
    await expect(nameBox.inputValue()).resolves.toBe(vbeCell);
    await expect(workbook.locator(`td[data-address="${vbeCell}"]`).getAttribute("aria-selected")).resolves.toBe("true");
    await screenshot("pruefen");
  },
  STEP_TIMEOUT,
);

test(
  "Markieren colours the offending cells; Markierungen entfernen restores their fills",
  async () => {
    const before = await cellBackground(vbeCell);
    // The template protects its sheets but allows cell formatting, so highlighting works there.
    await pane.getByRole("button", { name: "Markieren", exact: true }).click();
    await pane.getByText(/Zellen markiert/).waitFor();
    const marked = await cellBackground(vbeCell);
    expect(marked).not.toBe(before);
    expect(marked).toBe("rgb(255, 199, 206)");
    await screenshot("markiert");

    await pane.getByRole("button", { name: "Markierungen entfernen" }).click();
    await pane.getByText(/Markierungen entfernt/).waitFor();
    await expect(cellBackground(vbeCell)).resolves.toBe(before);
  },
  STEP_TIMEOUT,
);

test(
  "Prüfbericht writes the findings to a new sheet",
  async () => {
    await pane.getByRole("button", { name: "Prüfbericht" }).click();
    await pane.getByText("Prüfbericht im Blatt „Prüfbericht“ geschrieben.").waitFor();
    await expect(workbook.getByRole("tab", { selected: true }).textContent()).resolves.toBe("Prüfbericht");
    await expect(workbook.getByText("personal.mindest_vbe").count()).resolves.toBeGreaterThan(0);
    await screenshot("pruefbericht");
  },
  STEP_TIMEOUT,
);

test(
  "Vergleich: the workbook's Quartiere per plan year, sortable, shares and verdicts; the Budget block on Tabelle1 is no Quartier",
  async () => {
    await pane.getByRole("tab", { name: "Vergleich" }).click();
    await pane.getByRole("button", { name: "Quartiere dieser Mappe vergleichen" }).click();
    const table = pane.getByRole("table", { name: "Vergleich der Quartiere" });
    await table.waitFor();
    // Exactly the template's three Quartiere: the block the Budget step inserted on Tabelle1 is the add-in's own.
    const names = () => table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-neighbourhood")));
    await expect(names()).resolves.toEqual(["Nordstadt", "Altstadt", "Hafenviertel"]);
    await expect(table.getByRole("row", { name: /Altstadt/ }).textContent()).resolves.toContain("4.300");
    // Sorting by a header: aria-sort says which way.
    const header = table.getByRole("columnheader", { name: "Anteil Gemeinde" });
    await header.getByRole("button").click();
    await expect(header.getAttribute("aria-sort")).resolves.toBe("descending");
    await expect(pane.getByText(/gewichtetes Mittel/).count()).resolves.toBeGreaterThan(0);
    await expect(table.locator("tfoot").textContent()).resolves.toContain("(gewichtet)");
    await pane.getByRole("combobox", { name: "Planjahr" }).selectOption("all");
    await expect(table.getByRole("columnheader", { name: "€ je Einwohner und Jahr" }).count()).resolves.toBe(1);
    await screenshot("vergleich");
  },
  STEP_TIMEOUT,
);

/** The text the grid shows for the first cell of a defined name, on the sheet it refers to. */
async function namedCellText(name: string): Promise<string | null> {
  const nameBox = workbook.getByRole("textbox", { name: "Namenfeld" });
  await nameBox.fill(name);
  await nameBox.press("Enter");
  const first = (await nameBox.inputValue()).split(":")[0];
  return workbook.locator(`td[data-address="${first}"]`).textContent();
}

test(
  "Parameter: the workbook's figures; saved in the pane or typed into the sheet, the QM.* cells and the Richtwerte follow",
  async () => {
    await pane.getByRole("tab", { name: "Parameter" }).click();
    // Read at startup from the template's Parameter sheet, without pressing "laden".
    await pane.getByText(/benannte Zellen im Blatt „Parameter“/).waitFor();
    await expect(pane.locator('[data-figure="materialCostPerFte"]').inputValue()).resolves.toBe("3.500");

    await pane.locator('[data-figure="materialCostPerFte"]').fill("4.000");
    await pane.getByRole("button", { name: "In der Arbeitsmappe speichern" }).click();
    await pane.getByText("Gespeichert. Die QM-Funktionen rechnen jetzt mit diesen Werten.").waitFor();
    await screenshot("parameter");
    // The template's native formula: 1,5 VbE (typed above) × 4.000 € on QM Altstadt.
    await workbook.getByRole("tab", { name: "QM Altstadt" }).click();
    await expect(namedCellText("Richtwert_Sachkosten")).resolves.toBe("6.000,00 €");
    // The live =QM.SACHKOSTEN(B2) of the Budget step: 2,5 VbE × 4.000 €.
    await workbook.getByRole("tab", { name: "Tabelle1" }).click();
    await expect(workbook.locator('td[data-address="B6"]').textContent()).resolves.toBe("10.000,00 €");

    // Typed straight into the Parameter sheet: the pane and the QM.* cells follow.
    await workbook.getByRole("tab", { name: "Parameter" }).click();
    const nameBox = workbook.getByRole("textbox", { name: "Namenfeld" });
    await nameBox.fill("Sachkosten_je_VbE");
    await nameBox.press("Enter");
    await page.keyboard.type("4200");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-figure="materialCostPerFte"]')?.value === "4.200");
    await workbook.getByRole("tab", { name: "Tabelle1" }).click();
    await expect(workbook.locator('td[data-address="B6"]').textContent()).resolves.toBe("10.500,00 €");
  },
  STEP_TIMEOUT,
);

test(
  "Parameter: a city's profile file is imported, its differences listed, applied to the sheet; the Tarifsteigerung is edited in the tab",
  async () => {
    const profile = {
      name: "Profil Musterstadt",
      version: "2027.1",
      gueltig_ab: "2027-01-01",
      kennzahlen: { Projektkosten_je_Einwohner: "2.5" },
    };
    await pane.locator("[data-profile-file]").setInputFiles({
      name: "musterstadt.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(profile)),
    });
    const pending = pane.locator("[data-profile-pending]");
    await pending.waitFor();
    await expect(pending.textContent()).resolves.toContain("Profil „Profil Musterstadt“, Version 2027.1, gültig ab 2027-01-01.");
    await expect(pending.locator('[data-diff="Projektkosten_je_Einwohner"]').textContent()).resolves.toBe("Projektkosten je Einwohner2,00 €2,50 €");
    // Nothing is written before "übernehmen".
    await workbook.getByRole("tab", { name: "Parameter" }).click();
    await expect(namedCellText("Projektkosten_je_Einwohner")).resolves.toBe("2,00 €");

    await pane.getByRole("button", { name: "Profil übernehmen" }).click();
    await pane.getByText("Profil „Profil Musterstadt“ übernommen.", { exact: false }).waitFor();
    await expect(namedCellText("Projektkosten_je_Einwohner")).resolves.toBe("2,50 €");
    await expect(pane.locator('[data-diff-builtin] [data-diff="Projektkosten_je_Einwohner"]').textContent()).resolves.toBe("Projektkosten je Einwohner2,00 €2,50 €");
    await expect(pane.locator("[data-standard-identity]").textContent()).resolves.toBe("Stand: Profil Musterstadt, Version 2027.1");

    await pane.locator('[data-field="tariffIncrease"]').fill("3");
    await pane.getByRole("button", { name: "In der Arbeitsmappe speichern" }).click();
    await pane.getByText("Gespeichert. Die QM-Funktionen rechnen jetzt mit diesen Werten.").waitFor();
    await expect(namedCellText("Tarifsteigerung")).resolves.toMatch(/^3(,0+)? ?%$/);
    await screenshot("parameter-profil");
  },
  STEP_TIMEOUT,
);

test(
  "the language switch turns the pane English",
  async () => {
    await pane.getByRole("combobox", { name: "Sprache" }).selectOption("en");
    await pane.getByRole("tab", { name: "Check" }).click();
    await pane.getByRole("heading", { name: "Findings" }).waitFor();
    await expect(pane.getByRole("button", { name: "Remove highlights" }).count()).resolves.toBe(1);
    // The findings of the check above, now in English; the rule id stays.
    const finding = pane.locator('[data-rule="personal.mindest_vbe"]');
    await expect(finding.textContent()).resolves.toContain("1.5 FTE are planned, the standard requires at least 2 FTE.");
    await expect(finding.textContent()).resolves.toContain("personal.mindest_vbe");
    await expect(pane.getByRole("combobox", { name: "Language" }).inputValue()).resolves.toBe("en");
    await screenshot("english");
  },
  STEP_TIMEOUT,
);

test(
  "the preview opens on a sample workbook of three Quartiere",
  async () => {
    const sample = await browser.context.newPage();
    sample.on("pageerror", (e) => pageErrors.push(e.message));
    await sample.goto(`${server.url}/preview.html`);
    const sheets = sample.locator("#workbook").getByRole("tab");
    await sample.locator("#pane").getByRole("tab", { name: "Budget" }).waitFor();
    // The pane is drawn first; the sample workbook is written right after it.
    await sample.locator("#workbook").getByRole("tab", { name: "QM Nordstadt", selected: true }).waitFor();
    await expect(sheets.allTextContents()).resolves.toEqual(["Tabelle1", "Parameter", "QM Nordstadt", "QM Altstadt", "QM Hafenviertel", "Vergleich"]);
    await expect(sample.locator("#workbook").getByRole("tab", { selected: true }).textContent()).resolves.toBe("QM Nordstadt");
    await sample.screenshot({ path: join(SCREENSHOTS, "vorschau.png") });
    await sample.close();
  },
  STEP_TIMEOUT,
);

/** Two providers' workbooks as `vorlage --je-quartier` hands them out, filled in as a provider would. */
async function submittedWorkbooks(): Promise<Array<{ name: string; mimeType: string; buffer: Buffer }>> {
  const { templateWorkbook, editWorkbook, completeSheet } = await import("../fixtures/pruefen/xlsx");
  const { PLAN_NAMES } = await import("../../src/core/names");
  const filled = async (name: string, residents: number, staff: number): Promise<Buffer> => {
    const data = await templateWorkbook([{ name, residents }]);
    const sheet = `QM ${name}`;
    const planned: Record<keyof typeof PLAN_NAMES, number> = { staffCost: staff, materialCost: 7000, projectCost: Math.max(2 * residents, 5000), dispositionFund: Math.max(residents / 2, 2000), roomCosts: 12000.01 };
    const edits = (Object.keys(planned) as Array<keyof typeof PLAN_NAMES>).flatMap((key) => [0, 1, 2].map((offset) => ({ sheet, name: PLAN_NAMES[key], offset, value: planned[key] })));
    return editWorkbook(data, [...edits, ...completeSheet(sheet)]);
  };
  const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return [
    { name: "Nord.xlsx", mimeType: type, buffer: await filled("Nord", 12000, 90000) },
    { name: "Süd.xlsx", mimeType: type, buffer: await filled("Süd", 3200, 60000.01) },
  ];
}

test(
  "Einreichungen vergleichen: two submitted workbooks are read by the CLI's reader in the browser and the comparison lands in new sheets",
  async () => {
    const round = await browser.context.newPage();
    round.on("pageerror", (e) => pageErrors.push(e.message));
    await round.goto(`${server.url}/preview.html?mappe=leer`);
    const roundPane = round.locator("#pane");
    await roundPane.getByRole("tab", { name: "Vergleich" }).click();
    await roundPane.getByLabel("Eingereichte Mappen (.xlsx)").setInputFiles(await submittedWorkbooks());
    await roundPane.getByRole("button", { name: "Einreichungen vergleichen" }).click();
    await roundPane.getByText("Vergleich in die Blätter „Übersicht“, „Daten“, „Befunde“, „Fehler“ geschrieben.").waitFor({ timeout: 30_000 });
    const table = roundPane.getByRole("table", { name: "Vergleich der Quartiere" });
    await expect(table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-neighbourhood")))).resolves.toEqual(["Nord", "Süd"]);
    await expect(table.getByRole("row", { name: /Süd/ }).textContent()).resolves.toContain("Süd.xlsx");
    const sheets = await round.locator("#workbook").getByRole("tab").allTextContents();
    expect(sheets).toEqual(["Tabelle1", "Übersicht", "Daten", "Befunde", "Fehler"]);
    // The Übersicht's grand total, computed by the sheet's formulas over "Daten", is the pane's sum over all plan years to the cent.
    await roundPane.getByRole("combobox", { name: "Planjahr" }).selectOption("all");
    const sum = await table.locator('tfoot td[data-col="total"]').textContent();
    expect(sum).toMatch(/^\d{1,3}(\.\d{3})*,\d{2} €$/);
    await round.locator("#workbook").getByRole("tab", { name: "Übersicht" }).click();
    const nameBox = round.locator("#workbook").getByRole("textbox", { name: "Namenfeld" });
    await nameBox.fill("Vergleich_Gesamt");
    await nameBox.press("Enter");
    const address = await nameBox.inputValue();
    await expect(round.locator(`#workbook td[data-address="${address}"]`).textContent()).resolves.toBe(sum);
    await roundPane.evaluate((el) => el.scrollTo(0, 0));
    await round.screenshot({ path: join(SCREENSHOTS, "vergleich-einreichungen.png") });
    await round.close();
  },
  STEP_TIMEOUT,
);
