/**
 * Writes a file so that a failure leaves nothing behind and an existing file is never replaced
 * unless asked: the bytes go to a temporary file in the target folder (same file system, so
 * the final rename is atomic), which is then renamed to the target — or removed on failure.
 */
import { randomBytes } from "node:crypto";
import { promises as fs, Stats } from "node:fs";
import path from "node:path";
import { CliError, fileSystemError, fileSystemFailure } from "../errors";

/** What is at `file` (not following a final symbolic link), or undefined if nothing is. */
async function entry(file: string): Promise<Stats | undefined> {
  try {
    return await fs.lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

function refuseOverwrite(target: string): CliError {
  return new CliError(`Die Datei „${target}“ gibt es schon; mit --force wird sie überschrieben.`);
}

/**
 * Fails early (before any work) when the target cannot be written: its folder is missing, it
 * is a folder itself, or it exists and may not be overwritten. Errors name `target`.
 */
export async function checkTarget(target: string, force: boolean): Promise<void> {
  try {
    if (!(await entry(path.dirname(path.resolve(target))))) throw fileSystemError("ENOENT", target, "schreiben");
    const existing = await entry(target);
    if (existing?.isDirectory()) throw fileSystemError("EISDIR", target, "schreiben");
    if (existing && !force) throw refuseOverwrite(target);
  } catch (e) {
    throw fileSystemFailure(e, target, "schreiben");
  }
}

/**
 * Writes `produce()`'s bytes to `target` through a temporary file in the same folder. A
 * file-system error is reported for `target` — the user never named the temporary file.
 */
export async function writeFileSafely(target: string, produce: () => Promise<Buffer>, force: boolean): Promise<void> {
  await checkTarget(target, force);
  const absolute = path.resolve(target);
  const temporary = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await fs.writeFile(temporary, await produce(), { flag: "wx" });
    // Checked again right before the rename: the file may have appeared while we worked.
    if (!force && (await entry(absolute))) throw refuseOverwrite(target);
    await fs.rename(temporary, absolute);
  } catch (e) {
    await fs.rm(temporary, { force: true });
    throw fileSystemFailure(e, target, "schreiben");
  }
}
