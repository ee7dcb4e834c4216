import { visibleText } from "../../src/core/visibleText";

describe("visibleText: workbook text shown in a report", () => {
  it.each([
    ["Nord\nSüd: erfüllt", "Nord\\nSüd: erfüllt"],
    ["a\r\nb\tc", "a\\r\\nb\\tc"],
    ["Glocke\u0007 DEL\u007f C1\u0085", "Glocke\\u0007 DEL\\u007f C1\\u0085"],
    ["Zeile\u2028Absatz\u2029", "Zeile\\u2028Absatz\\u2029"],
    ["abc\u202Efdp.exe", "abc\\u202efdp.exe"],
    ["isoliert\u2066x\u2069", "isoliert\\u2066x\\u2069"],
    ["halb\ud800", "halb\\ud800"],
  ])("%j → %j", (text, shown) => {
    expect(visibleText(text)).toBe(shown);
  });

  it("leaves ordinary text alone: umlauts, quotes, emoji, a backslash", () => {
    const text = "Süd-Ost „Altstadt“ 'x' 😀 C:\\Daten <b>";
    expect(visibleText(text)).toBe(text);
  });
});
