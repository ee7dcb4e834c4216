import { QmInputError } from "../../src/core/errors";
import { TemplateWriteError } from "../../src/excel/writeTemplate";
import { SimulatedOfficeError } from "../../src/preview/host";
import { errorText, UserMessage } from "../../src/taskpane/errors";
import { translate } from "../../src/taskpane/i18n";

const text = (error: unknown, lang: "de" | "en" = "de") => errorText(error, lang, (key, params) => translate(lang, key, params));

describe("the text of a failed action", () => {
  it("says Excel only for what Excel refused", () => {
    expect(text(new SimulatedOfficeError("AccessDenied", "The sheet is protected."))).toBe("Excel meldet: The sheet is protected.");
    expect(text(new SimulatedOfficeError("AccessDenied", "The sheet is protected."), "en")).toBe("Excel reports: The sheet is protected.");
  });

  it("shows the add-in's own refusals as they are, in the pane's language", () => {
    const refusal = "Die Mappe enthält schon den Namen „Mindest_VbE“. Bitte die Vorlage in einer neuen Mappe anlegen.";
    const refusalEn = 'The workbook already contains the name "Mindest_VbE". Please create the template in a new workbook.';
    expect(text(new TemplateWriteError(refusal, refusalEn))).toBe(refusal);
    expect(text(new TemplateWriteError(refusal, refusalEn), "en")).toBe(refusalEn);
    expect(text(new UserMessage("budget.notEmpty", { address: "A1:B10" }))).toContain("A1:B10 ist nicht leer");
  });

  it("shows an input error in the pane's language", () => {
    const error = new QmInputError("range", "Einwohner", "Einwohner: -5 ist negativ.", "Residents: -5 is negative.");
    expect(text(error)).toBe("Einwohner: -5 ist negativ.");
    expect(text(error, "en")).toBe("Residents: -5 is negative.");
  });

  it("calls a defect a defect, with its technical text", () => {
    expect(text(new TypeError("x is undefined"))).toBe("Unerwarteter Fehler im Add-in: x is undefined");
    expect(text(undefined)).toBe("Unbekannter Fehler.");
  });
});
