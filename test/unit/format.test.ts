import { Dec } from "../../src/core/decimal";
import { formatEuro, formatNumber, languageOf, parseGermanNumber } from "../../src/core/format";

describe("formatEuro", () => {
  test.each([
    [12345.67, "12.345,67 €", "€12,345.67"],
    [0, "0,00 €", "€0.00"],
    [5, "5,00 €", "€5.00"],
    [999.5, "999,50 €", "€999.50"],
    [1000, "1.000,00 €", "€1,000.00"],
    [37862.5, "37.862,50 €", "€37,862.50"],
    [1234567890.12, "1.234.567.890,12 €", "€1,234,567,890.12"],
    [-1234.5, "-1.234,50 €", "-€1,234.50"],
    // Half-up at the cent: 0,005 → 0,01; 999,995 → 1.000,00
    [0.005, "0,01 €", "€0.01"],
    [999.995, "1.000,00 €", "€1,000.00"],
    [-0.005, "-0,01 €", "-€0.01"],
    // A negative amount that rounds to zero has no sign.
    [-0.004, "0,00 €", "€0.00"],
  ])("%p → %p / %p", (amount, de, en) => {
    expect(formatEuro(amount)).toBe(de);
    expect(formatEuro(amount, "de")).toBe(de);
    expect(formatEuro(amount, "en")).toBe(en);
  });

  test("takes Decimals and decimal strings, exactly", () => {
    expect(formatEuro(new Dec("112500.005"))).toBe("112.500,01 €");
    expect(formatEuro("0.1")).toBe("0,10 €");
    // More digits than a double holds: still exact.
    expect(formatEuro("12345678901234567.895")).toBe("12.345.678.901.234.567,90 €");
  });

  test("uses plain spaces only", () => {
    expect(formatEuro(1)).toBe("1,00\u0020€");
  });
});

describe("formatNumber", () => {
  test.each([
    [12345, "de", 2, "12.345"],
    [12345, "en", 2, "12,345"],
    [2.5, "de", 2, "2,5"],
    [2.5, "en", 2, "2.5"],
    [2.555, "de", 2, "2,56"],
    [2.5, "de", 0, "3"],
    [1234567.891, "de", 3, "1.234.567,891"],
    [1234567.891, "en", 1, "1,234,567.9"],
    [-1234.5, "de", 2, "-1.234,5"],
    [0, "de", 2, "0"],
    [100, "de", 2, "100"],
  ] as const)("%p (%s, %p Stellen) → %p", (value, lang, decimals, expected) => {
    expect(formatNumber(value, lang, decimals)).toBe(expected);
  });

  test("defaults to German with up to two decimals, and drops trailing zeros", () => {
    expect(formatNumber(new Dec("2.50"))).toBe("2,5");
    expect(formatNumber("10000000")).toBe("10.000.000");
    expect(formatNumber(1.005)).toBe("1,01");
  });
});

describe("parseGermanNumber", () => {
  test.each([
    ["12345", "12345"],
    ["12.345", "12345"],
    ["2,5", "2.5"],
    ["12.345,67", "12345.67"],
    ["1.234.567,891", "1234567.891"],
    ["0,50", "0.5"],
    ["-5", "-5"],
    ["+3", "3"],
    ["-1.234,5", "-1234.5"],
    // English spelling is accepted where it is unambiguous …
    ["2.5", "2.5"],
    ["12.34", "12.34"],
    [".5", "0.5"],
    // … but a dot before exactly three digits is a German thousands separator.
    ["1.234", "1234"],
    // Spaces, non-breaking spaces and the euro sign are ignored.
    [" 45.000 € ", "45000"],
    ["\u00a012,5", "12.5"],
    ["1 234,5", "1234.5"],
  ])("%p → %p", (text, expected) => {
    expect(parseGermanNumber(text)).toBe(expected);
  });

  test.each([[""], ["   "], ["abc"], ["1e5"], ["1,2,3"], ["1.23.4"], ["12.345.6"], ["2,5,"], ["--1"], ["1.234,5.6"], ["12,345.67"], ["€"]])(
    "%p is no number",
    (text) => {
      expect(parseGermanNumber(text)).toBeUndefined();
    },
  );
});

describe("languageOf", () => {
  test.each([
    ["de-DE", "de"],
    ["en-US", "en"],
    ["EN-gb", "en"],
    ["fr-FR", "de"],
    ["english", "de"],
    [undefined, "de"],
    [null, "de"],
  ])("%p → %p", (tag, lang) => {
    expect(languageOf(tag)).toBe(lang);
  });
});
