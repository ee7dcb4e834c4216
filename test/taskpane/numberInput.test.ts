import { readNumberField, shownText } from "../../src/taskpane/numberInput";

const value = (text: string, lang: "de" | "en") => {
  const f = readNumberField(text, lang);
  return f.kind === "number" ? f.value : f.kind;
};

describe("number fields of the pane", () => {
  it("read German spelling in German", () => {
    expect(value("12.345", "de")).toBe(12345);
    expect(value("2,5", "de")).toBe(2.5);
    expect(value("12.345,67 €", "de")).toBe(12345.67);
    expect(value("", "de")).toBe("empty");
    expect(value("viel", "de")).toBe("invalid");
  });

  it("read English spelling in English", () => {
    expect(value("12,345", "en")).toBe(12345);
    expect(value("45,000", "en")).toBe(45000);
    expect(value("12,345.67", "en")).toBe(12345.67);
    expect(value("2.5", "en")).toBe(2.5);
    // "12.400" is 12.4 in English spelling but 12400 as a German types it: asked, not guessed.
    expect(value("12.400", "en")).toBe("invalid");
    expect(readNumberField("8.000", "en")).toEqual({ kind: "invalid", text: "8.000", ambiguous: true });
    expect(value("8.0", "en")).toBe(8);
    expect(value("8.000", "de")).toBe(8000);
    expect(value(".5", "en")).toBe(0.5);
    // A decimal comma, as someone used to German spelling types it.
    expect(value("2,5", "en")).toBe(2.5);
    expect(value("1,2,3", "en")).toBe("invalid");
  });

  it("show a typed number in the other language's spelling, anything else as typed", () => {
    expect(shownText({ text: "3.600", lang: "de" }, "en")).toBe("3,600");
    expect(shownText({ text: "3,600", lang: "en" }, "de")).toBe("3.600");
    expect(shownText({ text: "0,5", lang: "de" }, "en")).toBe("0.5");
    expect(shownText({ text: "3.600", lang: "de" }, "de")).toBe("3.600");
    expect(shownText({ text: "viel", lang: "de" }, "en")).toBe("viel");
  });
});
