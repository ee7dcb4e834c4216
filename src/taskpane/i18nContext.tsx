import { createContext, useContext } from "react";
import type { Language } from "../core/format";
import { MessageKey, MessageParams, translate, Translate } from "./i18n";

export interface I18n {
  lang: Language;
  t: Translate;
}

export function i18nFor(lang: Language): I18n {
  return { lang, t: (key: MessageKey, params?: MessageParams) => translate(lang, key, params) };
}

const I18nContext = createContext<I18n>(i18nFor("de"));

export const I18nProvider = I18nContext.Provider;

/** The pane's language and its translate function. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
