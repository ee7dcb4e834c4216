import { NO_PLAN } from "../core/rules";
import { visibleText } from "../core/visibleText";
import type { Translate } from "./i18n";

/**
 * A Quartier's name as the pane shows it: from the workbook with line breaks and control
 * characters escaped (as in the CLI's report); the check's German placeholder for a workbook
 * without any plan in the pane's own language.
 */
export function shownName(name: string, t: Translate): string {
  return name === NO_PLAN ? t("check.noPlan") : visibleText(name);
}
