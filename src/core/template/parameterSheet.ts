/**
 * The "Parameter" sheet: the standard's figures and the planning assumptions as named input
 * cells. Every Richtwert formula of the Quartier sheets reads these names, so changing a
 * figure here changes every Quartier's Richtwerte.
 */
import { BASE_YEAR_NAME, parameterName, PLANNING_NAMES } from "../names";
import { FIGURE_KEYS, FigureUnit, RAHMENSTANDARD } from "../standard";
import { absoluteAddress } from "./addresses";
import type { TemplatePlan } from "./input";
import type { DefinedNameModel, SheetModel } from "./model";
import { SheetBuilder } from "./sheetBuilder";
import { NUMBER_FORMATS } from "./styles";

const UNIT_LABELS: Record<FigureUnit, { label: string; format: string }> = {
  VbE: { label: "VbE", format: NUMBER_FORMATS.fte },
  EUR_PER_FTE: { label: "€ je VbE und Jahr", format: NUMBER_FORMATS.euro },
  EUR_PER_RESIDENT: { label: "€ je Einwohner und Jahr", format: NUMBER_FORMATS.euro },
  EUR: { label: "€ je Jahr", format: NUMBER_FORMATS.euro },
  RESIDENTS: { label: "Einwohner", format: NUMBER_FORMATS.integer },
};

const COL = { label: 1, value: 2, unit: 3, name: 4, source: 5 } as const;

export function buildParameterSheet(sheetName: string, plan: TemplatePlan): { sheet: SheetModel; names: DefinedNameModel[] } {
  const b = new SheetBuilder(sheetName, "parameters");
  const names: DefinedNameModel[] = [];
  const named = (row: number, name: string, comment: string): void => {
    names.push({ name, sheet: sheetName, address: absoluteAddress(row, COL.value), scope: "workbook", comment });
    b.set(row, COL.name, { value: name, style: "note" });
  };
  const header = (row: number): void => {
    ["Parameter", "Wert", "Einheit", "Name in Formeln", "Quelle"].forEach((h, i) => b.set(row, i + 1, { value: h, style: "header" }));
  };

  // A city's profile is named as such; the built-in standard keeps the cells it always had.
  const standard = plan.standard ?? RAHMENSTANDARD;
  const isBuiltIn = standard.name === RAHMENSTANDARD.name;
  b.set(1, 1, { value: `Parameter: ${standard.name}`, style: "title" });
  b.set(2, 1, {
    value: "Gelbe Zellen sind Eingaben. Eine Änderung hier wirkt auf die Richtwerte aller Quartiersblätter.",
    style: "note",
  });

  let row = 4;
  b.set(row++, 1, { value: "Kennzahlen des Rahmenstandards", style: "section" });
  header(row++);
  for (const key of FIGURE_KEYS) {
    const f = RAHMENSTANDARD.figures[key];
    const unit = UNIT_LABELS[f.unit];
    b.set(row, COL.label, { value: f.name });
    b.set(row, COL.value, { value: Number(plan.parameters[key]), numberFormat: unit.format, input: true });
    b.set(row, COL.unit, { value: unit.label });
    named(row, parameterName(key), f.meaning);
    b.set(row, COL.source, { value: f.source, style: "note" });
    row++;
  }

  row++;
  b.set(row++, 1, { value: "Planungsannahmen", style: "section" });
  header(row++);
  const assumptions: Array<{ label: string; name: string; value: number; format: string; unit: string; meaning: string }> = [
    {
      label: "Basisjahr der Gehälter",
      name: BASE_YEAR_NAME,
      value: plan.years[0],
      format: NUMBER_FORMATS.year,
      unit: "Jahr",
      meaning: "Jahr, für das das Gehalt je VbE eines Quartiers gilt",
    },
    {
      label: "Tarifsteigerung je Jahr",
      name: PLANNING_NAMES.tariffIncrease,
      value: plan.tariffIncrease.toNumber(),
      format: NUMBER_FORMATS.percent,
      unit: "% je Jahr",
      meaning: "Steigerung des Gehalts je VbE für jedes Planjahr nach dem Basisjahr; Jahre davor behalten das Gehalt des Basisjahrs",
    },
    {
      label: "Förderanteil Bund",
      name: PLANNING_NAMES.shareFederal,
      value: plan.shares.federal.toNumber(),
      format: NUMBER_FORMATS.percent,
      unit: "%",
      meaning: "Anteil des Bundes an den nicht durch Drittmittel gedeckten Kosten",
    },
    {
      label: "Förderanteil Land",
      name: PLANNING_NAMES.shareState,
      value: plan.shares.state.toNumber(),
      format: NUMBER_FORMATS.percent,
      unit: "%",
      meaning: "Anteil des Landes an den nicht durch Drittmittel gedeckten Kosten",
    },
    {
      label: "Förderanteil Gemeinde",
      name: PLANNING_NAMES.shareMunicipal,
      value: plan.shares.municipal.toNumber(),
      format: NUMBER_FORMATS.percent,
      unit: "%",
      meaning: "Eigenanteil der Gemeinde an den nicht durch Drittmittel gedeckten Kosten",
    },
  ];
  const shareNames: readonly string[] = [PLANNING_NAMES.shareFederal, PLANNING_NAMES.shareState, PLANNING_NAMES.shareMunicipal];
  const firstShareRow = row + assumptions.findIndex((a) => shareNames.includes(a.name));
  for (const a of assumptions) {
    b.set(row, COL.label, { value: a.label });
    b.set(row, COL.value, { value: a.value, numberFormat: a.format, input: true });
    b.set(row, COL.unit, { value: a.unit });
    named(row, a.name, a.meaning);
    b.set(row, COL.source, { value: a.meaning, style: "note" });
    row++;
  }
  const lastShareRow = row - 1;
  b.set(row, COL.label, { value: "Summe der Förderanteile" });
  const sumCell = b.set(row, COL.value, {
    formula: `${PLANNING_NAMES.shareFederal}+${PLANNING_NAMES.shareState}+${PLANNING_NAMES.shareMunicipal}`,
    numberFormat: NUMBER_FORMATS.percent,
    style: "computed",
  });
  b.set(row, COL.unit, { value: "%" });
  b.set(row, COL.source, { value: `Muss 100 % ergeben (Zeilen ${firstShareRow} bis ${lastShareRow}).`, style: "note" });
  b.highlight(sumCell, `ROUND(${sumCell},6)<>1`, "belowStandard");
  row++;
  b.set(row, COL.label, { value: isBuiltIn ? "Version des Rahmenstandards" : "Profil des Rahmenstandards" });
  b.set(row, COL.value, { value: isBuiltIn ? standard.version : `${standard.name} ${standard.version}`, numberFormat: NUMBER_FORMATS.text, style: "computed" });
  named(row, PLANNING_NAMES.standardVersion, "Version des Rahmenstandards (oder Profil der Stadt), nach der die Vorlage erstellt wurde");
  b.set(row, COL.source, { value: isBuiltIn ? `gültig ab ${standard.validFrom}` : `gültig ab ${standard.validFrom}; angepasst aus dem ${RAHMENSTANDARD.name} ${RAHMENSTANDARD.version}`, style: "note" });

  b.width(COL.label, 34);
  b.width(COL.value, 14);
  b.width(COL.unit, 22);
  b.width(COL.name, 36);
  b.width(COL.source, 80);
  b.freezePanes(0, 1);
  return { sheet: b.build(), names };
}
