import type { Language } from "../core/format";
import { isQmInputError } from "../core/errors";
import { FieldError } from "../core/fields";
import { ProfileError } from "../core/profile";
import { ParameterSaveError } from "../excel/parameters";
import { TemplateWriteError } from "../excel/writeTemplate";
import type { Translate } from "./i18n";

/** An error raised by Excel itself (`OfficeExtension.Error`: a string `code` and `debugInfo`). */
function isExcelError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string" && "debugInfo" in error;
}

/**
 * The text shown for a failed action, so the user never sees a blank pane or a silent failure:
 * - input errors of the core, refusals to write a template or to save the figures, a refused
 *   field and a refused profile carry their own German and English message;
 * - the add-in's own refusals found in the pane are dictionary messages;
 * - what Excel refused is shown with what Excel said ("Excel meldet: …");
 * - anything else is a defect, and says so, with its technical text.
 */
export function errorText(error: unknown, lang: Language, t: Translate): string {
  if (isQmInputError(error)) return lang === "en" ? error.messageEn : error.message;
  if (error instanceof UserMessage) return t(error.key, error.params);
  if (error instanceof TemplateWriteError || error instanceof ParameterSaveError || error instanceof FieldError || error instanceof ProfileError) return lang === "en" ? error.messageEn : error.message;
  if (isExcelError(error)) return t("error.excel", { message: error.message });
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return message ? t("error.unexpected", { message }) : t("error.unknown");
}

/** An error whose text is a dictionary message (e.g. a validation problem found in the pane). */
export class UserMessage extends Error {
  constructor(
    readonly key: Parameters<Translate>[0],
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "UserMessage";
  }
}
