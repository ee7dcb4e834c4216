/**
 * The budget round end to end, with LibreOffice as the providers' and the office's spreadsheet
 * program: `vorlage --je-quartier` hands out workbooks, each is filled in and saved by
 * LibreOffice (so every formula has a value, as Excel saves it), `vergleich` consolidates them,
 * and LibreOffice recalculates the comparison workbook. Its formulas' sums must equal the JSON
 * document's to the cent, and its chart must survive LibreOffice's reading.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import type { VergleichJson } from "../../src/core/consolidation";
import { centsString, Dec } from "../../src/core/decimal";
import { FUNDING_NAMES, PLAN_NAMES } from "../../src/core/names";
import { cellAddress } from "../../src/core/template/addresses";
import { FUNDING_FIRST_ROW, NeighbourhoodLayout } from "../../src/core/template/neighbourhoodLayout";
import { CellEdit, completeSheet, editWorkbook } from "../fixtures/pruefen/xlsx";
import { Computed, readComputed, recalculate, removeScratchFolders, scratchFolder } from "./soffice";

afterAll(removeScratchFolders);
jest.setTimeout(240_000);

const CSV = [
  "Quartier;Einwohner;VbE;Raumkosten;Träger",
  "Nord;12.345;2,5;18.000;Caritas",
  "Süd;3.200;2;;Diakonie",
  "Altstadt;7.777;2;12.345,67;",
  "Hafen;1.001;3;;Stadtteilverein",
  "Am Bahnhof;20.000;2,5;9.999,99;",
].join("\n");

async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  process.exitCode = undefined;
  try {
    return { code: await main(["node", "qm-planer", ...args]), stdout };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

function cents(v: Computed | undefined): string {
  return typeof v === "number" ? centsString(new Dec(v)) : `kein Betrag: ${String(v)}`;
}

test("LibreOffice computes the comparison workbook's sums exactly as the JSON states them", async () => {
  const folder = scratchFolder("vergleich");
  writeFileSync(path.join(folder, "quartiere.csv"), CSV);
  const handOut = path.join(folder, "ausgabe");
  expect((await cli("vorlage", path.join(folder, "quartiere.csv"), "--je-quartier", "-o", handOut, "--von", "2026", "--bis", "2028")).code).toBe(0);

  // Providers: some type Planansätze of their own and granted funds (with cents that split unevenly), others leave the Richtwerte.
  const layout = new NeighbourhoodLayout(3);
  const filled: string[] = [];
  const names = ["Nord", "Süd", "Altstadt", "Hafen", "Am Bahnhof"];
  for (const [i, name] of names.entries()) {
    const sheet = `QM ${name}`;
    const edits: CellEdit[] = i % 2 === 0 ? [...completeSheet(sheet)] : [];
    if (i !== 1) edits.push({ sheet, name: PLAN_NAMES.projectCost, offset: 1, value: 10000.01 * (i + 1) });
    if (i !== 3) edits.push({ sheet, address: cellAddress(FUNDING_FIRST_ROW, layout.grantedCol(i % 3)), value: 1234.57 * (i + 1) });
    const target = path.join(folder, `eingang-${i}.xlsx`);
    writeFileSync(target, await editWorkbook(readFileSync(path.join(handOut, `${name}.xlsx`)), edits));
    filled.push(target);
  }
  const saved = await recalculate(filled);

  const output = path.join(folder, "vergleich.xlsx");
  const r = await cli("vergleich", ...saved, "-o", output, "--json");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as VergleichJson;
  expect(json.fehler).toEqual([]);
  expect(json.quartiere.map((q) => q.name)).toEqual(names);
  expect(json.quartiere.map((q) => q.traeger)).toEqual(["Caritas", "Diakonie", null, "Stadtteilverein", null]);
  // LibreOffice saved the funding sums: no Quartier counts its granted funds as 0 for want of a value.
  expect(json.quartiere.flatMap((q) => q.hinweise.filter((h) => h.regel === "vergleich.drittmittel"))).toEqual([]);
  expect(json.quartiere[0].jahre[0].drittmittel_bewilligt).toBe("1234.57");

  const [recalculated] = await recalculate([output]);
  const values = await readComputed(recalculated);
  const summary = values.get("Übersicht")!;
  const header = 6;
  const col = (title: string): string => {
    const found = [...summary.entries()].find(([address, v]) => v === title && address.endsWith(String(header)));
    if (!found) throw new Error(`keine Spalte ${title}`);
    return found[0].replace(/\d+$/, "");
  };
  const columns = { gesamt: col("Gesamt"), anteil_bund: col("Anteil Bund"), anteil_land: col("Anteil Land"), anteil_gemeinde: col("Anteil Gemeinde") };
  let compared = 0;
  for (const [i, year] of json.summe.jahre.entries()) {
    const row = header + 1 + i;
    expect(summary.get(`A${row}`)).toBe(year.jahr);
    for (const [key, letter] of Object.entries(columns) as Array<[keyof typeof columns, string]>) {
      expect([year.jahr, key, cents(summary.get(`${letter}${row}`))]).toEqual([year.jahr, key, year[key]]);
      compared++;
    }
  }
  const allRow = header + 1 + json.summe.jahre.length;
  expect(summary.get(`A${allRow}`)).toBe("Alle Planjahre");
  for (const [key, letter] of Object.entries(columns) as Array<[keyof typeof columns, string]>) {
    expect([key, cents(summary.get(`${letter}${allRow}`))]).toEqual([key, json.summe[key]]);
    compared++;
  }
  // The shares still add up in LibreOffice's sums.
  const total = ["anteil_bund", "anteil_land", "anteil_gemeinde"].reduce((a, k) => a.plus(json.summe[k as keyof typeof columns]), new Dec(0));
  const granted = json.quartiere.flatMap((q) => q.jahre).reduce((a, y) => a.plus(y.drittmittel_bewilligt), new Dec(0));
  expect(total.plus(granted).toFixed(2)).toBe(json.summe.gesamt);

  // Per Quartier: the summary's SUMIFS over the data rows against the JSON's rows.
  const quartierHeader = allRow + 4;
  names.forEach((name, i) => {
    const row = quartierHeader + 1 + i;
    expect(summary.get(`B${row}`)).toBe(name);
    const expected = json.quartiere[i].jahre.reduce((a, y) => a.plus(y.gesamt!), new Dec(0)).toFixed(2);
    expect([name, cents(summary.get(`C${row}`))]).toEqual([name, expected]);
    expect(summary.get(`N${row}`)).toBe(json.quartiere[i].verstoesse.length === 0 ? "ja" : "nein");
    compared++;
  });
  // The weighted € per resident of the first year: Σ gesamt ÷ Σ Einwohner, rounded to the cent.
  const first = json.quartiere.map((q) => q.jahre[0]);
  const weighted = first.reduce((a, y) => a.plus(y.gesamt!), new Dec(0)).div(first.reduce((a, y) => a + y.einwohner!, 0));
  expect(cents(summary.get(`L${header + 1}`))).toBe(centsString(weighted));
  // How many Quartiere meet the standard, over all years.
  expect(summary.get(`N${allRow}`)).toBe(json.quartiere.filter((q) => q.verstoesse.length === 0).length);
  expect(compared).toBeGreaterThan(20);

  // LibreOffice read the chart (it writes back only what it understood).
  const zip = await JSZip.loadAsync(readFileSync(recalculated));
  expect(Object.keys(zip.files).some((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toBe(true);
  const chart = await zip.file(Object.keys(zip.files).find((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))!)!.async("string");
  expect(chart).toMatch(/barChart/);
  expect(chart).toContain("Übersicht");
});

test("an unreadable amount: LibreOffice's sums equal the JSON's incomplete ones, and the year's deviation and mean stay empty", async () => {
  const folder = scratchFolder("vergleich-unlesbar");
  writeFileSync(path.join(folder, "quartiere.csv"), "Quartier;Einwohner;VbE\nNord;12.000;2\nSüd;9.000;2,5\n");
  const handOut = path.join(folder, "ausgabe");
  expect((await cli("vorlage", path.join(folder, "quartiere.csv"), "--je-quartier", "-o", handOut, "--von", "2026", "--bis", "2027")).code).toBe(0);
  // Nord's provider typed a word for the Sachkosten 2026; LibreOffice saves it as the text it is.
  const nord = path.join(folder, "eingang-nord.xlsx");
  // Granted funds in the same year: left out of the year's Drittmittel with the rest of the row.
  writeFileSync(
    nord,
    await editWorkbook(readFileSync(path.join(handOut, "Nord.xlsx")), [
      { sheet: "QM Nord", name: PLAN_NAMES.materialCost, offset: 0, value: "viel" },
      { sheet: "QM Nord", name: FUNDING_NAMES.granted, offset: 0, value: 5000 },
      { sheet: "QM Nord", name: FUNDING_NAMES.granted, offset: 1, value: 1000.01 },
    ]),
  );
  const saved = await recalculate([nord, path.join(handOut, "Süd.xlsx")]);

  const output = path.join(folder, "vergleich.xlsx");
  const r = await cli("vergleich", ...saved, "-o", output, "--json");
  expect(r.code).toBe(2);
  const json = JSON.parse(r.stdout) as VergleichJson;
  expect(json.summe.vollstaendig).toBe(false);
  expect(json.summe.nicht_lesbar.map((u) => [u.quartier, u.angabe, u.jahre])).toEqual([["Nord", "sachkosten", [2026]]]);

  const [recalculated] = await recalculate([output]);
  const summary = (await readComputed(recalculated)).get("Übersicht")!;
  // Row 7: 2026 (incomplete), row 8: 2027, row 9: all years; E Gesamt, G Abweichung, L € je Einwohner, O the count.
  expect([summary.get("A7"), summary.get("A8"), summary.get("A9")]).toEqual([2026, 2027, "Alle Planjahre"]);
  expect(cents(summary.get("E7"))).toBe(json.summe.jahre[0].gesamt);
  expect(cents(summary.get("E9"))).toBe(json.summe.gesamt);
  // Every row's shares split its Gesamt − Drittmittel to the cent: the Drittmittel of the left-out row are left out too.
  for (const row of [7, 8, 9]) {
    const shares = ["I", "J", "K"].reduce((a, col) => a.plus(new Dec(summary.get(`${col}${row}`) as number)), new Dec(0));
    expect([row, centsString(shares)]).toEqual([row, centsString(new Dec(summary.get(`E${row}`) as number).minus(new Dec((summary.get(`H${row}`) as number) ?? 0)))]);
  }
  expect([summary.get("H7") ?? 0, summary.get("H8")]).toEqual([0, 1000.01]);
  expect([summary.get("O7"), summary.get("O8"), summary.get("O9")]).toEqual([1, 0, 1]);
  for (const address of ["G7", "L7", "M7", "G9"]) expect([address, summary.get(address) ?? ""]).toEqual([address, ""]);
  // The complete year: Abweichung = Gesamt − Richtwert, € je Einwohner = Gesamt ÷ Einwohner, from the cells beside.
  const n = (address: string): Dec => new Dec(summary.get(address) as number);
  expect(n("G8").eq(n("E8").minus(n("F8")))).toBe(true);
  expect(cents(summary.get("L8"))).toBe(centsString(n("E8").div(n("C8"))));
  // Per Quartier (header in row 9 + 4): Nord's deviation and mean are empty, its count 1; Süd's are there.
  expect([summary.get("B14"), summary.get("Q14"), summary.get("E14") ?? "", summary.get("J14") ?? ""]).toEqual(["Nord", 1, "", ""]);
  expect([summary.get("B15"), summary.get("Q15"), typeof summary.get("E15"), typeof summary.get("J15")]).toEqual(["Süd", 0, "number", "number"]);
  expect(String(summary.get("A11"))).toMatch(/^Unvollständig: 1 Angabe ist nicht lesbar \(Nord 2026 \(Sachkosten nicht lesbar\); /);
});
