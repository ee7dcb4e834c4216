/** One Quartier sheet ("QM Nord"): inputs, yes/no requirements, budget, work plan, funding. */
import { BUDGET_LINES, BudgetLineKey, BudgetLines } from "../budget";
import {
  FUNDING_NAMES,
  hoursName,
  INPUT_NAMES,
  measuresName,
  NO,
  PLAN_NAMES,
  PLAN_YEARS_NAME,
  PROVIDER_NAME,
  RICHTWERT_NAMES,
  YES,
  YES_NO_NAMES,
} from "../names";
import { RAHMENSTANDARD } from "../standard";
import { absoluteRange, cellAddress, columnLetter, rangeAddress } from "./addresses";
import { lineFormula } from "../rulebook/excelFormula";
import type { Neighbourhood } from "./input";
import type { DefinedNameModel, SheetModel } from "./model";
import type { RichtwertPrompt } from "./notes";
import {
  BUDGET_HEADER_ROW,
  BUDGET_LAST_ROW,
  BUDGET_ROWS,
  BUDGET_SECTION_ROW,
  BUDGET_YEAR_ROW,
  FUNDING_FIRST_ROW,
  FUNDING_HEADER_ROW,
  FUNDING_PROGRAMMES,
  FUNDING_SECTION_ROW,
  FUNDING_SUM_ROW,
  FUNDING_YEAR_ROW,
  INPUT_ROWS,
  LABEL_COL,
  NeighbourhoodLayout,
  PROVIDER_ROW,
  VALUE_COL,
  WORK_PLAN_COLS,
  WORK_PLAN_FIRST_ROW,
  WORK_PLAN_HEADER_ROW,
  WORK_PLAN_SECTION_ROW,
  WORK_PLAN_SUM_ROW,
  YES_NO_FIRST_ROW,
  YES_NO_KEYS,
} from "./neighbourhoodLayout";
import { SheetBuilder } from "./sheetBuilder";
import { NUMBER_FORMATS } from "./styles";

const INPUT_LABELS: Record<keyof typeof INPUT_NAMES, { label: string; format: string }> = {
  neighbourhood: { label: "Quartier", format: NUMBER_FORMATS.text },
  residents: { label: "Einwohner", format: NUMBER_FORMATS.integer },
  fte: { label: "VbE (Vollzeitäquivalente)", format: NUMBER_FORMATS.fte },
  salaryPerFte: { label: "Gehalt je VbE und Jahr (im Basisjahr)", format: NUMBER_FORMATS.euro },
  roomCosts: { label: "Raumkosten je Jahr (Miete und Betriebskosten)", format: NUMBER_FORMATS.euro },
};

function requirementLabel(key: keyof typeof YES_NO_NAMES): string {
  if (key === "fachkraft")
    return `Fachkraft mit ${RAHMENSTANDARD.qualifications.map((q) => q.name).join(" oder ")}`;
  const r = [...RAHMENSTANDARD.rooms, ...RAHMENSTANDARD.furtherStandards].find((x) => x.id === key);
  return r ? r.name : key;
}

/** Planned lines the user enters; Projektmittel and Gesamtbudget are sums. */
const PLANNED_LINES = Object.keys(PLAN_NAMES) as Array<keyof typeof PLAN_NAMES>;

export function buildNeighbourhoodSheet(
  sheetName: string,
  n: Neighbourhood,
  years: readonly number[],
  prompts: Readonly<Record<BudgetLineKey, RichtwertPrompt>>,
  /** The core's Richtwerte per plan year, cached as the formulas' results where a writer stores them; absent: none. */
  richtwerte?: readonly BudgetLines[],
): { sheet: SheetModel; names: DefinedNameModel[] } {
  const layout = new NeighbourhoodLayout(years.length);
  const b = new SheetBuilder(sheetName, "neighbourhood");
  const names: DefinedNameModel[] = [];
  const name = (nameText: string, row: number, col: number, lastCol = col): void => {
    names.push({ name: nameText, sheet: sheetName, address: absoluteRange(row, col, row, lastCol), scope: "sheet" });
  };
  const lastYear = years.length - 1;

  b.set(1, 1, { value: `Quartiermanagement ${n.name}`, style: "title" });
  b.set(2, 1, {
    value: "Gelbe Zellen sind Eingaben. Die Richtwerte rechnet die Mappe nach dem Rahmenstandard (Blatt „Parameter“).",
    style: "note",
  });

  // Inputs
  b.set(INPUT_ROWS.neighbourhood - 1, 1, { value: "Eingaben", style: "section" });
  const inputValues: Record<keyof typeof INPUT_NAMES, string | number> = {
    neighbourhood: n.name,
    residents: n.residents,
    fte: n.fte.toNumber(),
    salaryPerFte: n.salaryPerFte.toNumber(),
    roomCosts: n.roomCosts.toNumber(),
  };
  for (const key of Object.keys(INPUT_NAMES) as Array<keyof typeof INPUT_NAMES>) {
    const row = INPUT_ROWS[key];
    b.set(row, LABEL_COL, { value: INPUT_LABELS[key].label });
    b.set(row, VALUE_COL, { value: inputValues[key], numberFormat: INPUT_LABELS[key].format, input: true });
    name(INPUT_NAMES[key], row, VALUE_COL);
  }
  // The Träger is an input too (empty when the CSV names none): the budget office's Vergleich lists it.
  b.set(PROVIDER_ROW, LABEL_COL, { value: "Träger" });
  b.set(PROVIDER_ROW, VALUE_COL, { ...(n.provider ? { value: n.provider } : {}), numberFormat: NUMBER_FORMATS.text, input: true });
  name(PROVIDER_NAME, PROVIDER_ROW, VALUE_COL);

  // Requirements of the standard (ja/nein)
  b.set(YES_NO_FIRST_ROW - 1, LABEL_COL, { value: "Anforderungen des Rahmenstandards", style: "section" });
  b.set(YES_NO_FIRST_ROW - 1, VALUE_COL, { value: `${YES}/${NO}`, style: "header" });
  YES_NO_KEYS.forEach((key, i) => {
    const row = YES_NO_FIRST_ROW + i;
    b.set(row, LABEL_COL, { value: requirementLabel(key) });
    b.set(row, VALUE_COL, { value: NO, numberFormat: NUMBER_FORMATS.text, input: true });
    name(YES_NO_NAMES[key], row, VALUE_COL);
  });
  b.list(rangeAddress(YES_NO_FIRST_ROW, VALUE_COL, YES_NO_FIRST_ROW + YES_NO_KEYS.length - 1, VALUE_COL), [YES, NO]);

  // Budget: Richtwert | Planansatz | Abweichung, one column per plan year each
  b.set(BUDGET_SECTION_ROW, 1, { value: "Budget je Planjahr", style: "section" });
  b.set(BUDGET_HEADER_ROW, LABEL_COL, { value: "Budgetposition", style: "header" });
  b.set(BUDGET_YEAR_ROW, LABEL_COL, { value: "Planjahr", style: "header" });
  const blocks = [
    { col: (j: number) => layout.richtwertCol(j), title: "Richtwert (Rahmenstandard)" },
    { col: (j: number) => layout.planCol(j), title: "Planansatz (Eingabe)" },
    { col: (j: number) => layout.deviationCol(j), title: "Abweichung (Plan − Richtwert)" },
  ];
  for (const block of blocks)
    years.forEach((year, j) => {
      b.set(BUDGET_HEADER_ROW, block.col(j), { value: j === 0 ? block.title : "", style: "header" });
      b.set(BUDGET_YEAR_ROW, block.col(j), { value: year, numberFormat: NUMBER_FORMATS.year, style: "header" });
    });
  name(PLAN_YEARS_NAME, BUDGET_YEAR_ROW, layout.planCol(0), layout.planCol(lastYear));

  for (const line of BUDGET_LINES) {
    const row = BUDGET_ROWS[line.key];
    const isSum = line.key === "projectFunds" || line.key === "total";
    b.set(row, LABEL_COL, { value: line.de, style: isSum ? "total" : "label" });
    years.forEach((_, j) => {
      const rCol = layout.richtwertCol(j);
      const pCol = layout.planCol(j);
      const cellIn = (col: number) => (l: BudgetLineKey) => cellAddress(BUDGET_ROWS[l], col);
      const richtwert = lineFormula(line.key, {
        yearCell: `${columnLetter(rCol)}$${BUDGET_YEAR_ROW}`,
        cellOf: cellIn(rCol),
      });
      // At writing, Richtwert and Planansatz are the core's figure and the deviation is zero.
      const result = richtwerte?.[j][line.key].toNumber();
      b.set(row, rCol, { formula: richtwert, result, numberFormat: NUMBER_FORMATS.euro, style: isSum ? "total" : "computed" });
      if (line.key === "projectFunds" || line.key === "total")
        b.set(row, pCol, {
          formula: lineFormula(line.key, { yearCell: `${columnLetter(pCol)}$${BUDGET_YEAR_ROW}`, cellOf: cellIn(pCol) }),
          result,
          numberFormat: NUMBER_FORMATS.euro,
          style: "total",
        });
      // An untouched Planansatz follows its Richtwert (a later Tarifsteigerung or Parameter change
      // moves both) until the provider types a figure of their own over the reference.
      else b.set(row, pCol, { formula: cellAddress(row, rCol), result, numberFormat: NUMBER_FORMATS.euro, input: true });
      b.set(row, layout.deviationCol(j), {
        formula: `${cellAddress(row, pCol)}-${cellAddress(row, rCol)}`,
        result: richtwerte ? 0 : undefined,
        numberFormat: NUMBER_FORMATS.euroSigned,
        style: isSum ? "total" : "computed",
      });
    });
    // One range per line: its Richtwert cells of all plan years share the explanation.
    b.prompt(rangeAddress(row, layout.richtwertCol(0), row, layout.richtwertCol(lastYear)), prompts[line.key].title, prompts[line.key].message);
  }
  for (const key of PLANNED_LINES) {
    const row = BUDGET_ROWS[key];
    name(PLAN_NAMES[key], row, layout.planCol(0), layout.planCol(lastYear));
    name(RICHTWERT_NAMES[key], row, layout.richtwertCol(0), layout.richtwertCol(lastYear));
  }
  const firstLineRow = BUDGET_ROWS.staffCost;
  b.highlight(
    rangeAddress(firstLineRow, layout.planCol(0), BUDGET_LAST_ROW, layout.planCol(lastYear)),
    `${cellAddress(firstLineRow, layout.planCol(0))}<${cellAddress(firstLineRow, layout.richtwertCol(0))}`,
    "belowStandard",
  );

  // Work plan: the five focus areas of the standard
  b.set(WORK_PLAN_SECTION_ROW, 1, { value: "Arbeitsplan (Schwerpunkte des Rahmenstandards)", style: "section" });
  b.set(WORK_PLAN_HEADER_ROW, LABEL_COL, { value: "Schwerpunkt", style: "header" });
  b.set(WORK_PLAN_HEADER_ROW, WORK_PLAN_COLS.measures, { value: "Geplante Maßnahmen", style: "header" });
  b.set(WORK_PLAN_HEADER_ROW, WORK_PLAN_COLS.hours, { value: "Stunden je Jahr", style: "header" });
  RAHMENSTANDARD.focusAreas.forEach((area, i) => {
    const row = WORK_PLAN_FIRST_ROW + i;
    b.set(row, LABEL_COL, { value: `${i + 1}. ${area.name}` });
    b.set(row, WORK_PLAN_COLS.measures, { numberFormat: NUMBER_FORMATS.text, input: true });
    b.set(row, WORK_PLAN_COLS.hours, { numberFormat: NUMBER_FORMATS.hours, input: true });
    name(measuresName(area.id), row, WORK_PLAN_COLS.measures);
    name(hoursName(area.id), row, WORK_PLAN_COLS.hours);
  });
  b.set(WORK_PLAN_SUM_ROW, LABEL_COL, { value: "Summe Stunden", style: "total" });
  b.set(WORK_PLAN_SUM_ROW, WORK_PLAN_COLS.hours, {
    formula: `SUM(${rangeAddress(WORK_PLAN_FIRST_ROW, WORK_PLAN_COLS.hours, WORK_PLAN_SUM_ROW - 1, WORK_PLAN_COLS.hours)})`,
    numberFormat: NUMBER_FORMATS.hours,
    style: "total",
  });

  // Funding table: applied under the Richtwert block, granted under the Planansatz block
  b.set(FUNDING_SECTION_ROW, 1, { value: "Fördermittel (Drittmittel)", style: "section" });
  b.set(FUNDING_HEADER_ROW, LABEL_COL, { value: "Programm", style: "header" });
  b.set(FUNDING_YEAR_ROW, LABEL_COL, { value: "Planjahr", style: "header" });
  const fundingBlocks = [
    { col: (j: number) => layout.appliedCol(j), title: "Beantragt", name: FUNDING_NAMES.applied },
    { col: (j: number) => layout.grantedCol(j), title: "Bewilligt", name: FUNDING_NAMES.granted },
  ];
  for (const block of fundingBlocks) {
    years.forEach((year, j) => {
      const col = block.col(j);
      b.set(FUNDING_HEADER_ROW, col, { value: j === 0 ? block.title : "", style: "header" });
      b.set(FUNDING_YEAR_ROW, col, { value: year, numberFormat: NUMBER_FORMATS.year, style: "header" });
      FUNDING_PROGRAMMES.forEach((_, i) => b.set(FUNDING_FIRST_ROW + i, col, { numberFormat: NUMBER_FORMATS.euro, input: true }));
      b.set(FUNDING_SUM_ROW, col, {
        // No cached result: a provider who enters funds with a tool that does not calculate
        // must not leave a stale 0 behind (the check reports an uncomputed sum instead).
        formula: `SUM(${rangeAddress(FUNDING_FIRST_ROW, col, FUNDING_SUM_ROW - 1, col)})`,
        numberFormat: NUMBER_FORMATS.euro,
        style: "total",
      });
    });
    name(block.name, FUNDING_SUM_ROW, block.col(0), block.col(lastYear));
  }
  FUNDING_PROGRAMMES.forEach((programme, i) => b.set(FUNDING_FIRST_ROW + i, LABEL_COL, { value: programme }));
  b.set(FUNDING_SUM_ROW, LABEL_COL, { value: "Summe", style: "total" });

  b.width(LABEL_COL, 48);
  for (let col = VALUE_COL; col <= layout.lastCol; col++) b.width(col, col === WORK_PLAN_COLS.measures ? 28 : 15);
  b.freezePanes(0, 1);
  return { sheet: b.build(), names };
}
