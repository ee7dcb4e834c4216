import { profileFromObject } from "../../src/core/profile";
import { PLANNING_NAMES } from "../../src/core/names";
import { buildTemplate, TemplateInputError, validateTemplateInput } from "../../src/core/template";
import { RAHMENSTANDARD } from "../../src/core/standard";
import { Dec } from "../../src/core/decimal";

const CITY = profileFromObject({
  name: "Musterstadt",
  version: "2027.1",
  gueltig_ab: "2027-01-01",
  kennzahlen: { Projektkosten_je_Einwohner: "2.5" },
  foerderanteile: { Anteil_Bund: "1/3", Anteil_Land: "0.5", Anteil_Gemeinde: "1/6" },
});
const NORD = [{ name: "Nord", residents: 3000 }];

describe("template input with a profile", () => {
  it("takes the profile's shares exactly (fractions to 40 digits) and its name", () => {
    const plan = validateTemplateInput({ neighbourhoods: NORD, firstYear: 2027, parameters: CITY.parameters, shares: CITY.shares, standard: CITY });
    expect(plan.shares.state.eq("0.5")).toBe(true);
    expect(plan.shares.federal.eq(new Dec(1).div(3))).toBe(true);
    expect(plan.shares.federal.plus(plan.shares.state).plus(plan.shares.municipal).toDecimalPlaces(30).eq(1)).toBe(true);
    expect(plan.standard?.name).toBe("Musterstadt");
  });

  it("without a profile: a third each and the built-in standard, as before", () => {
    const plan = validateTemplateInput({ neighbourhoods: NORD, firstYear: 2027 });
    expect(plan.shares.municipal.eq(new Dec(1).div(3))).toBe(true);
    expect(plan.standard).toBeUndefined();
  });

  it("refuses shares that are no shares or do not add up to exactly 1", () => {
    expect(() => validateTemplateInput({ neighbourhoods: NORD, shares: { federal: "0.3333", state: "0.3333", municipal: "0.3333" } })).toThrow(
      /Förderanteile ergeben zusammen nicht genau 100 %/,
    );
    expect(() => validateTemplateInput({ neighbourhoods: NORD, shares: { federal: "40 %", state: "0.4", municipal: "0.2" } })).toThrow(TemplateInputError);
  });

  it("the Parameter sheet carries the profile's figures, shares and name", () => {
    const { model } = buildTemplate({ neighbourhoods: NORD, firstYear: 2027, parameters: CITY.parameters, shares: CITY.shares, standard: CITY });
    const sheet = model.sheets.find((s) => s.name === "Parameter")!;
    const valueOf = (name: string): unknown => {
      const n = model.names.find((x) => x.name === name)!;
      const address = n.address.replace(/\$/g, "");
      return sheet.cells.find((c) => c.address === address)?.value;
    };
    expect(valueOf("Projektkosten_je_Einwohner")).toBe(2.5);
    expect(valueOf(PLANNING_NAMES.shareState)).toBe(0.5);
    expect(valueOf(PLANNING_NAMES.shareMunicipal)).toBeCloseTo(1 / 6, 15);
    expect(valueOf(PLANNING_NAMES.standardVersion)).toBe("Musterstadt 2027.1");

    const builtIn = buildTemplate({ neighbourhoods: NORD, firstYear: 2027 }).model;
    const version = builtIn.names.find((x) => x.name === PLANNING_NAMES.standardVersion)!;
    const cell = builtIn.sheets.find((s) => s.name === "Parameter")!.cells.find((c) => c.address === version.address.replace(/\$/g, ""));
    expect(cell?.value).toBe(RAHMENSTANDARD.version);
  });
});
