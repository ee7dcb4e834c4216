import type { Language } from "../core/format";
import { isQmInputError } from "../core/errors";
import type { Translate } from "./i18n";

/**
 * The text shown for a failed action. Input errors of the core carry their own German and
 * English message; errors from Excel (OfficeExtension.Error and the like) are shown with
 * what Excel said, so the user never sees a blank pane or a silent failure.
 */
export function errorText(error: unknown, lang: Language, t: Translate): string {
  if (isQmInputError(error)) return lang === "en" ? error.messageEn : error.message;
  if (error instanceof UserMessage) return t(error.key, error.params);
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return message ? t("error.excel", { message }) : t("error.unknown");
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
