/**
 * Writes a file so that a failure leaves nothing behind and an existing file is never replaced
 * unless asked: the bytes go to a temporary file in the target folder (same file system, so
 * the final rename is atomic), which is then renamed to the target — or removed on failure.
 */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { CliError } from "../errors";

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
}

function refuseOverwrite(target: string): CliError {
  return new CliError(`Die Datei „${target}“ gibt es schon; mit --force wird sie überschrieben.`);
}

/** Fails early (before any work) when the target exists and may not be overwritten. */
export async function checkTarget(target: string, force: boolean): Promise<void> {
  const folder = path.dirname(path.resolve(target));
  if (!(await exists(folder))) throw new CliError(`Den Ordner „${folder}“ gibt es nicht.`);
  if (!force && (await exists(target))) throw refuseOverwrite(target);
}

/** Writes `produce()`'s bytes to `target` through a temporary file in the same folder. */
export async function writeFileSafely(target: string, produce: () => Promise<Buffer>, force: boolean): Promise<void> {
  await checkTarget(target, force);
  const absolute = path.resolve(target);
  const temporary = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await fs.writeFile(temporary, await produce(), { flag: "wx" });
    // Checked again right before the rename: the file may have appeared while we worked.
    if (!force && (await exists(absolute))) throw refuseOverwrite(target);
    await fs.rename(temporary, absolute);
  } catch (e) {
    await fs.rm(temporary, { force: true });
    throw e;
  }
}
