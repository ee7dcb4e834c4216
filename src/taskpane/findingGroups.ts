/**
 * The findings list as people read it: one group per Quartier, Verstöße before Hinweise, then
 * by plan year and rule; the many "nein" answers of a fresh template folded into one line
 * ("7 Anforderungen noch nicht bestätigt") that still opens onto every single finding. Pure,
 * so the grouping is tested without a browser.
 */
import type { CellRef } from "../core/plan";
import type { CheckResult, Finding, Severity } from "../core/rules";
import { NO } from "../core/names";

export type SeverityFilter = "all" | Severity;

/** Folded findings: the unconfirmed yes/no requirements, the focus areas without measures. */
export type FoldKind = "requirements" | "focusAreas";

export type ListItem = { kind: "finding"; finding: Finding } | { kind: "fold"; fold: FoldKind; findings: Finding[]; key: string };

export interface NeighbourhoodGroup {
  name: string;
  sheet: string | null;
  /** Counts of the whole Quartier, whatever the filter shows. */
  violations: number;
  hints: number;
  items: ListItem[];
}

/** A requirement answered "nein" (every one of a fresh template): not confirmed yet. */
function foldOf(f: Finding): FoldKind | undefined {
  if (/^(raeume|standards)\./.test(f.regel) || f.regel === "personal.fachkraft")
    return f.ist?.kind === "text" && f.ist.text === NO ? "requirements" : undefined;
  if (f.regel.startsWith("schwerpunkte.")) return "focusAreas";
  return undefined;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { verstoss: 0, hinweis: 1 };

/** Verstöße first; within, what holds for every year before the years in order; then by rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.schwere] - SEVERITY_ORDER[b.schwere] ||
    (a.jahr ?? -Infinity) - (b.jahr ?? -Infinity) ||
    a.regel.localeCompare(b.regel) ||
    (a.zelle?.address ?? "").localeCompare(b.zelle?.address ?? "")
  );
}

export function groupFindings(result: CheckResult, filter: SeverityFilter): NeighbourhoodGroup[] {
  return result.neighbourhoods.map((n, index) => {
    const violations = n.findings.filter((f) => f.schwere === "verstoss").length;
    const shown = n.findings.filter((f) => filter === "all" || f.schwere === filter).sort(compareFindings);
    const items: ListItem[] = [];
    const folds = new Map<FoldKind, Extract<ListItem, { kind: "fold" }>>();
    for (const finding of shown) {
      const fold = foldOf(finding);
      const members = fold ? shown.filter((f) => foldOf(f) === fold) : [];
      // One finding of a kind needs no fold.
      if (!fold || members.length < 2) {
        items.push({ kind: "finding", finding });
        continue;
      }
      if (folds.has(fold)) continue;
      // Keyed by the Quartier, so a fold opened stays open (and only that one) after a re-check.
      const item = { kind: "fold" as const, fold, findings: members, key: `${n.sheet ?? index}:${fold}` };
      folds.set(fold, item);
      items.push(item);
    }
    return { name: n.name, sheet: n.sheet, violations, hints: n.findings.length - violations, items };
  });
}

/** The findings about a cell (for the reason of a mark when the user selects it). */
export function findingsAt(result: CheckResult | undefined, cell: CellRef | undefined): Finding[] {
  if (!result || !cell) return [];
  const sheet = cell.sheet.toLowerCase();
  return result.neighbourhoods.flatMap((n) => n.findings).filter((f) => f.zelle && f.zelle.sheet.toLowerCase() === sheet && f.zelle.address === cell.address);
}
