/**
 * Why a sheet got another name than the one asked for, in words — one definition for every
 * shell: the task pane shows it (German or English), the CLI's `vorlage` prints the German one.
 */
import type { Texts } from "../read/texts";
import type { RenameReason } from "./model";
import { MAX_SHEET_NAME_LENGTH } from "./sheetNames";

export const RENAME_REASONS: Readonly<Record<RenameReason, Texts>> = {
  cleaned: {
    de: "Zeichen, die Excel in Blattnamen nicht erlaubt ([ ] : * ? / \\ oder ein Apostroph am Rand), ersetzt",
    en: "characters Excel does not allow in sheet names ([ ] : * ? / \\ or an apostrophe at either end) replaced",
  },
  shortened: {
    de: `an einer Wortgrenze auf ${MAX_SHEET_NAME_LENGTH} Zeichen gekürzt (mehr erlaubt Excel nicht)`,
    en: `shortened at a word boundary to ${MAX_SHEET_NAME_LENGTH} characters (Excel allows no more)`,
  },
  taken: { de: "den Namen gab es in der Mappe schon", en: "the name was already in use in the workbook" },
  reserved: { de: "„History“ ist in Excel reserviert", en: '"History" is reserved in Excel' },
};

/** Every reason of one renaming, in the order they applied, as one clause per language. */
export function renameReasonText(reasons: readonly RenameReason[]): Texts {
  return {
    de: reasons.map((r) => RENAME_REASONS[r].de).join("; "),
    en: reasons.map((r) => RENAME_REASONS[r].en).join("; "),
  };
}
