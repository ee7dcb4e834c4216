/**
 * xl/styles.xml, only as far as the snapshot needs it: which cell formats show a number as a
 * date. A number so formatted is read as the date text ("2026-01-31"), as the exceljs reader
 * before this one did — the check's findings stay the same.
 */
import { TagKind, XmlScanner } from "./xml";

/** Excel's built-in formats that are dates or times (ids 14–22, 45–47). */
const BUILT_IN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A format code with date or time letters outside quotes and brackets ("dd.mm.yyyy", not `0 "Tage"`). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** For each cell format index (`s="…"`), whether it shows dates. */
export function readDateStyles(scanner: XmlScanner): boolean[] {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  for (let tag = scanner.nextTag(); tag; tag = scanner.nextTag()) {
    if (tag.kind === TagKind.Close) continue;
    const level = scanner.depth - (tag.kind === TagKind.Open ? 1 : 0);
    const parent = scanner.localAt(level - 1);
    if (level === 2 && parent === "numFmts" && tag.local === "numFmt") {
      const a = scanner.attributes(tag);
      custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
    } else if (level === 2 && parent === "cellXfs" && tag.local === "xf") {
      xfs.push(Number(scanner.attributes(tag).get("numFmtId") ?? 0));
    }
  }
  return xfs.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_IDS.has(id);
  });
}
