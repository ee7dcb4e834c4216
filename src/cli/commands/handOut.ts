/**
 * `qm-planer vorlage quartiere.csv --je-quartier -o ORDNER`: one planning workbook per Quartier
 * in ORDNER, to hand to each Träger. Names and models come from the core (`handOutWorkbooks`);
 * this module only makes the folder and writes the files, each atomically and, without
 * --force, only where no file of that name exists. All targets are checked before the first
 * is written, so a refused hand-out writes nothing.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { handOutWorkbooks } from "../../core/consolidation";
import type { TemplatePlan } from "../../core/template";
import { visibleText } from "../../core/visibleText";
import { CliError, fileSystemError, fileSystemFailure } from "../errors";
import { checkTarget, writeFileSafely } from "../xlsx/writeFileSafely";

/** Fails early when ORDNER exists and is no folder, or its parent is missing. */
export async function checkFolder(folder: string): Promise<void> {
  try {
    const info = await fs.stat(folder).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return undefined;
      throw e;
    });
    if (info && !info.isDirectory()) throw new CliError(`„${folder}“ ist kein Ordner; mit --je-quartier nennt -o den Ordner für die Mappen.`);
    // `-o plan.xlsx` copied from the one-workbook call would quietly become a folder of that name.
    if (!info && /\.xlsx$/i.test(folder))
      throw new CliError(`„${folder}“ sieht aus wie eine Datei; mit --je-quartier nennt -o einen Ordner für die Mappen (z. B. -o mappen).`);
    if (!info && !(await fs.stat(path.dirname(path.resolve(folder))).catch(() => undefined))) throw fileSystemError("ENOENT", folder, "schreiben");
  } catch (e) {
    throw fileSystemFailure(e, folder, "schreiben");
  }
}

/** Writes the workbooks; returns the German report for stdout. */
export async function writeHandOut(plan: TemplatePlan, folder: string, force: boolean): Promise<string> {
  const workbooks = handOutWorkbooks(plan);
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (e) {
    throw fileSystemFailure(e, folder, "schreiben");
  }
  const targets = workbooks.map((w) => path.join(folder, w.fileName));
  for (const target of targets) await checkTarget(target, force);
  // Loaded only here: exceljs is most of the CLI's start-up time.
  const { writeWorkbook } = await import("../xlsx/writeWorkbook");
  for (const [i, w] of workbooks.entries()) await writeFileSafely(targets[i], () => writeWorkbook(w.model), force);
  const years = plan.years.length > 1 ? `Planjahre ${plan.years[0]}–${plan.years[plan.years.length - 1]}` : `Planjahr ${plan.years[0]}`;
  const lines = [`${workbooks.length} ${workbooks.length === 1 ? "Planungsmappe" : "Planungsmappen"} in „${visibleText(folder)}“ geschrieben, ${years}:`];
  workbooks.forEach((w, i) => {
    const provider = plan.neighbourhoods[i].provider;
    lines.push(`  ${visibleText(w.fileName)} – ${visibleText(w.name)}${provider ? ` (Träger: ${visibleText(provider)})` : ""}`);
  });
  return lines.join("\n") + "\n";
}
