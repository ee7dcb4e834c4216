import fc from "fast-check";
import {
  BUILT_IN_PROFILE,
  parseProfile,
  ProfileError,
  profileDiff,
  profileFromObject,
  profileJson,
  ProfileJson,
  shareRatio,
  StandardProfile,
} from "../../src/core/profile";
import { parameterName } from "../../src/core/names";
import { FIGURE_KEYS, RAHMENSTANDARD } from "../../src/core/standard";

const BASE = { name: "Stadt Beispiel", version: "2027.1", gueltig_ab: "2027-01-01" };

function refusal(value: unknown): ProfileError {
  try {
    if (typeof value === "string") parseProfile(value);
    else profileFromObject(value);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    const error = e as ProfileError;
    // One line, in both languages.
    expect(error.message).not.toMatch(/\n/);
    expect(error.messageEn).not.toMatch(/\n/);
    expect(error.messageEn).not.toBe("");
    return error;
  }
  throw new Error("no refusal for " + JSON.stringify(value));
}

describe("BUILT_IN_PROFILE", () => {
  it("is the Rahmenstandard with a third for each share", () => {
    expect(BUILT_IN_PROFILE.name).toBe(RAHMENSTANDARD.name);
    expect(BUILT_IN_PROFILE.version).toBe(RAHMENSTANDARD.version);
    expect(BUILT_IN_PROFILE.validFrom).toBe(RAHMENSTANDARD.validFrom);
    for (const key of FIGURE_KEYS) expect(BUILT_IN_PROFILE.parameters[key]).toBe(RAHMENSTANDARD.figures[key].value);
    expect(BUILT_IN_PROFILE.shares).toEqual({ federal: "1/3", state: "1/3", municipal: "1/3" });
    expect(Object.isFrozen(BUILT_IN_PROFILE.parameters)).toBe(true);
  });

  it("its JSON form has the contract's keys, figures under their defined names", () => {
    const json = profileJson(BUILT_IN_PROFILE);
    expect(Object.keys(json)).toEqual(["name", "version", "gueltig_ab", "kennzahlen", "foerderanteile"]);
    expect(Object.keys(json.kennzahlen)).toEqual(FIGURE_KEYS.map(parameterName));
    expect(json.kennzahlen.Projektkosten_je_Einwohner).toBe("2");
    expect(json.kennzahlen.Verfuegungsfonds_je_Einwohner).toBe("0.5");
    expect(json.foerderanteile).toEqual({ Anteil_Bund: "1/3", Anteil_Land: "1/3", Anteil_Gemeinde: "1/3" });
    expect(parseProfile(JSON.stringify(json))).toEqual(BUILT_IN_PROFILE);
  });
});

describe("parseProfile", () => {
  it("takes figures as decimal strings or numbers; the others keep the built-in value", () => {
    const p = profileFromObject({ ...BASE, kennzahlen: { Projektkosten_je_Einwohner: "2.50", Sachkosten_je_VbE: 3600 } });
    expect(p.name).toBe("Stadt Beispiel");
    expect(p.validFrom).toBe("2027-01-01");
    expect(p.parameters.projectCostPerResident).toBe("2.5");
    expect(p.parameters.materialCostPerFte).toBe("3600");
    expect(p.parameters.salaryPerFte).toBe("45000");
    expect(p.shares).toEqual(BUILT_IN_PROFILE.shares);
  });

  it("takes shares as decimals, fractions or numbers adding up to exactly 1", () => {
    const p = profileFromObject({ ...BASE, foerderanteile: { Anteil_Bund: "0.4", Anteil_Land: "2/5", Anteil_Gemeinde: 0.2 } });
    expect(p.shares).toEqual({ federal: "0.4", state: "2/5", municipal: "0.2" });
    const q = profileFromObject({ ...BASE, foerderanteile: { Anteil_Bund: "1/6", Anteil_Land: "2/6", Anteil_Gemeinde: "1/2" } });
    // Fractions are reduced, and 1/6 + 1/3 + 1/2 is 1 exactly (in binary floating point it is not).
    expect(q.shares).toEqual({ federal: "1/6", state: "1/3", municipal: "1/2" });
    const r = profileFromObject({ ...BASE, foerderanteile: { Anteil_Bund: "0", Anteil_Land: "0.9", Anteil_Gemeinde: "1/10" } });
    expect(r.shares.federal).toBe("0");
  });

  it("reads a UTF-8 BOM and surrounding white space", () => {
    const p = parseProfile("\uFEFF  " + JSON.stringify({ ...BASE, kennzahlen: { Mindest_VbE: " 2.5 " } }) + "\n");
    expect(p.parameters.minFte).toBe("2.5");
  });

  const cases: Array<[string, unknown, string | undefined, RegExp]> = [
    ["not JSON", "{ name: 1", undefined, /kein gültiges JSON \(Zeile 1, Spalte \d+\)/],
    ["a list", "[]", undefined, /eine Liste, kein JSON-Objekt/],
    ["null", "null", undefined, /null, kein JSON-Objekt/],
    ["a number", "3", undefined, /eine Zahl, kein JSON-Objekt/],
    ["an unknown top-level key", { ...BASE, stadt: "x" }, "stadt", /Unbekannter Schlüssel „stadt“; erlaubt: name, version/],
    ["an unknown figure", { ...BASE, kennzahlen: { Miete: "1" } }, "Miete", /Unbekannter Schlüssel „Miete“ in „kennzahlen“/],
    ["a figure under its display name", { ...BASE, kennzahlen: { "Projektkosten je Einwohner": "2" } }, "Projektkosten je Einwohner", /gemeint ist wohl „Projektkosten_je_Einwohner“/],
    ["a figure with a typing slip", { ...BASE, kennzahlen: { Sachkosten_je_VbEE: "3500" } }, "Sachkosten_je_VbEE", /„Sachkosten_je_VbEE“ in „kennzahlen“ – gemeint ist wohl „Sachkosten_je_VbE“\.$/],
    ["a share with a typing slip", { ...BASE, foerderanteile: { Anteil_Bnd: "0.4" } }, "Anteil_Bnd", /gemeint ist wohl „Anteil_Bund“/],
    ["an unknown share", { ...BASE, foerderanteile: { Anteil_EU: "0.1" } }, "Anteil_EU", /Unbekannter Schlüssel „Anteil_EU“ in „foerderanteile“; erlaubt: /],
    ["a text figure", { ...BASE, kennzahlen: { Sachkosten_je_VbE: "dreitausend" } }, "Sachkosten_je_VbE", /„kennzahlen.Sachkosten_je_VbE“: „dreitausend“ ist keine Zahl/],
    ["a figure with a decimal comma", { ...BASE, kennzahlen: { Projektkosten_je_Einwohner: "2,5" } }, "Projektkosten_je_Einwohner", /Dezimalpunkt statt Komma/],
    ["a negative figure (text)", { ...BASE, kennzahlen: { Sachkosten_je_VbE: "-3500" } }, "Sachkosten_je_VbE", /ist negativ/],
    ["a negative figure (number)", { ...BASE, kennzahlen: { Sachkosten_je_VbE: -0.5 } }, "Sachkosten_je_VbE", /-0.5 ist negativ/],
    ["a boolean figure", { ...BASE, kennzahlen: { Mindest_VbE: true } }, "Mindest_VbE", /ein Wahrheitswert statt einer Zahl/],
    ["a null figure", { ...BASE, kennzahlen: { Mindest_VbE: null } }, "Mindest_VbE", /null statt einer Zahl/],
    ["16 significant digits", { ...BASE, kennzahlen: { Referenzgehalt_je_VbE: "45000.12345678901" } }, "Referenzgehalt_je_VbE", /mehr als 15 Stellen/],
    ["a figure of 10^15", { ...BASE, kennzahlen: { Referenzgehalt_je_VbE: "1000000000000000" } }, "Referenzgehalt_je_VbE", /mehr als 15 Stellen/],
    ["a tiny number", { ...BASE, kennzahlen: { Referenzgehalt_je_VbE: 1e-20 } }, "Referenzgehalt_je_VbE", /mehr als 15 Stellen/],
    ["a fractional resident threshold", { ...BASE, kennzahlen: { Verfuegungsfonds_Schwelle_Einwohner: "4999.5" } }, "Verfuegungsfonds_Schwelle_Einwohner", /keine ganze Zahl/],
    ["kennzahlen as a list", { ...BASE, kennzahlen: [] }, "kennzahlen", /„kennzahlen“ ist eine Liste, kein Objekt/],
    ["foerderanteile as text", { ...BASE, foerderanteile: "1/3" }, "foerderanteile", /„foerderanteile“ ist ein Text, kein Objekt/],
    ["shares adding to more than 1", { ...BASE, foerderanteile: { Anteil_Bund: "0.4", Anteil_Land: "0.4", Anteil_Gemeinde: "0.3" } }, "foerderanteile", /ergeben zusammen 11\/10 \(110 %\), nicht genau 1/],
    ["shares close to 1 only", { ...BASE, foerderanteile: { Anteil_Bund: "0.3333", Anteil_Land: "0.3333", Anteil_Gemeinde: "0.3333" } }, "foerderanteile", /ergeben zusammen 9999\/10000 \(99,99 %\)/],
    ["one share changed, the others left at a third", { ...BASE, foerderanteile: { Anteil_Land: "0.4" } }, "foerderanteile", /nicht angegeben, daher wie im Standard: Anteil_Bund, Anteil_Gemeinde/],
    ["a negative share", { ...BASE, foerderanteile: { Anteil_Bund: "-1/3", Anteil_Land: "2/3", Anteil_Gemeinde: "2/3" } }, "Anteil_Bund", /ist negativ/],
    ["a share in percent", { ...BASE, foerderanteile: { Anteil_Bund: "40 %", Anteil_Land: "0.4", Anteil_Gemeinde: "0.2" } }, "Anteil_Bund", /ist kein Anteil/],
    ["a share dividing by zero", { ...BASE, foerderanteile: { Anteil_Bund: "1/0", Anteil_Land: "0.4", Anteil_Gemeinde: "0.2" } }, "Anteil_Bund", /durch null/],
    ["a missing name", { version: "1", gueltig_ab: "2027-01-01" }, "name", /Der Schlüssel „name“ fehlt/],
    ["an empty name", { ...BASE, name: "  " }, "name", /„name“ ist leer/],
    ["a name with a line break", { ...BASE, name: "Stadt\nBeispiel" }, "name", /Zeilenumbruch/],
    ["a name Excel would read as a formula", { ...BASE, name: "=HYPERLINK()" }, "name", /nicht mit „=“ beginnen/],
    ["a missing version", { name: "x", gueltig_ab: "2027-01-01" }, "version", /Der Schlüssel „version“ fehlt/],
    ["a version as number", { ...BASE, version: 2027 }, "version", /„version“ ist eine Zahl, kein Text/],
    ["a missing date", { name: "x", version: "1" }, "gueltig_ab", /Der Schlüssel „gueltig_ab“ fehlt/],
    ["a German date", { ...BASE, gueltig_ab: "01.01.2027" }, "gueltig_ab", /kein Datum der Form JJJJ-MM-TT/],
    ["an impossible date", { ...BASE, gueltig_ab: "2027-02-29" }, "gueltig_ab", /kein Datum/],
    ["a date out of range", { ...BASE, gueltig_ab: "1027-01-01" }, "gueltig_ab", /nicht zwischen 1900 und 2100/],
  ];
  it.each(cases)("refuses %s", (_label, value, key, message) => {
    const error = refusal(value);
    if (key !== undefined) expect(error.key).toBe(key);
    expect(error.message).toMatch(message);
  });

  it("refuses __proto__ as a key instead of touching the prototype", () => {
    const error = refusal(`{"name":"x","version":"1","gueltig_ab":"2027-01-01","kennzahlen":{"__proto__":{"x":1}}}`);
    expect(error.key).toBe("__proto__");
  });
});

describe("shareRatio", () => {
  it("gives reduced exact ratios", () => {
    expect(shareRatio("1/3")).toEqual({ numerator: 1n, denominator: 3n });
    expect(shareRatio("2 / 6")).toEqual({ numerator: 1n, denominator: 3n });
    expect(shareRatio("0.40")).toEqual({ numerator: 2n, denominator: 5n });
    expect(shareRatio("1")).toEqual({ numerator: 1n, denominator: 1n });
    expect(shareRatio("0")).toEqual({ numerator: 0n, denominator: 1n });
    expect(() => shareRatio("abc")).toThrow(ProfileError);
    expect(() => shareRatio("1/0")).toThrow(/null/);
  });
});

describe("profileDiff", () => {
  it("lists the changed figures and shares against the built-in standard, in the standard's order", () => {
    const p = profileFromObject({
      ...BASE,
      kennzahlen: { Verfuegungsfonds_Mindestbetrag: "2500", Projektkosten_je_Einwohner: "2.5", Mindest_VbE: "2.0" },
      foerderanteile: { Anteil_Bund: "1/3", Anteil_Land: "0.5", Anteil_Gemeinde: "1/6" },
    });
    expect(profileDiff(p)).toEqual([
      { key: "Projektkosten_je_Einwohner", de: "Projektkosten je Einwohner", en: "Project cost per resident", builtIn: "2", value: "2.5" },
      { key: "Verfuegungsfonds_Mindestbetrag", de: "Verfügungsfonds Mindestbetrag", en: "Disposition fund minimum", builtIn: "2000", value: "2500" },
      { key: "Anteil_Land", de: "Förderanteil Land", en: "State share", builtIn: "1/3", value: "0.5" },
      { key: "Anteil_Gemeinde", de: "Förderanteil Gemeinde", en: "Municipal share", builtIn: "1/3", value: "1/6" },
    ]);
    expect(profileDiff(BUILT_IN_PROFILE)).toEqual([]);
    // Against another base: only what differs from it.
    expect(profileDiff(BUILT_IN_PROFILE, p).map((c) => c.key)).toEqual([
      "Projektkosten_je_Einwohner",
      "Verfuegungsfonds_Mindestbetrag",
      "Anteil_Land",
      "Anteil_Gemeinde",
    ]);
  });

  it("a share written another way (0.5 vs 1/2) is no change", () => {
    const a = profileFromObject({ ...BASE, foerderanteile: { Anteil_Bund: "0.5", Anteil_Land: "0.25", Anteil_Gemeinde: "1/4" } });
    const b = profileFromObject({ ...BASE, foerderanteile: { Anteil_Bund: "1/2", Anteil_Land: "1/4", Anteil_Gemeinde: "0.25" } });
    expect(profileDiff(a, b)).toEqual([]);
  });
});

// --- properties ------------------------------------------------------------------------------

/** A canonical figure: up to 15 significant digits, no trailing zeros, below 10^15. */
const figureArb = fc
  .tuple(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), fc.integer({ min: 0, max: 15 }))
  .map(([mantissa, scale]) => {
    const digits = mantissa.toString().padStart(scale + 1, "0");
    const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  });

/** Three non-negative shares adding to exactly 1, as reduced fractions or terminating decimals. */
const sharesArb = fc
  .tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.boolean())
  .filter(([d, a, b]) => a + b <= d)
  .map(([d, a, b, asDecimal]) => {
    const parts = [a, b, d - a - b];
    const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
    return parts.map((n) => {
      // Decimals only where the share terminates within 15 places (denominators of 2s and 5s).
      const g = gcd(n, d);
      const [num, den] = [n / g, d / g];
      if (den === 1) return String(num);
      if (asDecimal && /^(2|5)*$/.test(factorsOf(den))) return trimDecimal((num / den).toFixed(10));
      return `${num}/${den}`;
    }) as [string, string, string];
  });

function factorsOf(n: number): string {
  let out = "";
  for (const p of [2, 5]) {
    while (n % p === 0) {
      n /= p;
      out += p;
    }
  }
  return n === 1 ? out : out + "x";
}
function trimDecimal(text: string): string {
  return text.replace(/0+$/, "").replace(/\.$/, "");
}

// eslint-disable-next-line no-control-regex
const nameArb = fc.string({ minLength: 1, maxLength: 40 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, "x").trim()).filter((s) => s !== "" && !s.startsWith("="));
const dateArb = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const profileArb: fc.Arbitrary<StandardProfile> = fc
  .tuple(nameArb, nameArb, dateArb, fc.tuple(...FIGURE_KEYS.map(() => figureArb)), sharesArb)
  .map(([name, version, validFrom, figures, [federal, state, municipal]]) => {
    const parameters = { ...BUILT_IN_PROFILE.parameters };
    FIGURE_KEYS.forEach((key, i) => {
      // The resident threshold is a whole number.
      parameters[key] = RAHMENSTANDARD.figures[key].unit === "RESIDENTS" ? figures[i].replace(/\..*$/, "") : figures[i];
    });
    return { name, version: version.slice(0, 50), validFrom, parameters, shares: { federal, state, municipal } };
  });

describe("properties", () => {
  it("parseProfile ∘ JSON.stringify ∘ profileJson is the identity on valid profiles", () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        expect(parseProfile(JSON.stringify(profileJson(profile), null, 2))).toEqual(profile);
      }),
      { numRuns: 500 },
    );
  });

  it("profileJson ∘ parseProfile is the identity on valid profile files", () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        const json: ProfileJson = profileJson(profile);
        expect(profileJson(parseProfile(JSON.stringify(json)))).toEqual(json);
      }),
      { numRuns: 500 },
    );
  });

  it("shares adding up to exactly 1 are accepted, and refused when one is off by the least bit", () => {
    fc.assert(
      fc.property(sharesArb, ([a, b, c]) => {
        const ok = profileFromObject({ ...BASE, foerderanteile: { Anteil_Bund: a, Anteil_Land: b, Anteil_Gemeinde: c } });
        const sum = [ok.shares.federal, ok.shares.state, ok.shares.municipal].map(shareRatio);
        const numerator = sum.reduce((acc, r, i) => acc + r.numerator * sum.filter((_, j) => j !== i).reduce((p, s) => p * s.denominator, 1n), 0n);
        const denominator = sum.reduce((p, s) => p * s.denominator, 1n);
        expect(numerator).toBe(denominator);
        expect(() => profileFromObject({ ...BASE, foerderanteile: { Anteil_Bund: a, Anteil_Land: b, Anteil_Gemeinde: nudged(c) } })).toThrow(
          /nicht genau 1/,
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** The share plus 1/(2d): a valid share text whose sum with the others is no longer 1. */
function nudged(share: string): string {
  const r = shareRatio(share);
  return `${2n * r.numerator + 1n}/${2n * r.denominator}`;
}
